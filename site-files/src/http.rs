//! Answers requests for addresses outside the site's folder over HTTP: a WordPress site, or data
//! files on another server, read at build time.

use broadsheet::source::{HttpRequest, HttpResponse, Transport, TransportError, READ_HEADERS};
use futures::future::LocalBoxFuture;
use std::time::Duration;

pub struct HttpTransport;

impl Transport for HttpTransport {
    fn send<'a>(
        &'a self,
        request: HttpRequest<'a>,
        timeout_ms: u32,
    ) -> LocalBoxFuture<'a, Result<HttpResponse, TransportError>> {
        // Blocking is what a build wants: pages are rendered one after another.
        let answer = match request.json_body {
            Some(_) => Err(TransportError::Network(
                "the site is only read while it is built".into(),
            )),
            None => get(request.url, timeout_ms),
        };
        Box::pin(std::future::ready(answer))
    }
}

fn get(url: &str, timeout_ms: u32) -> Result<HttpResponse, TransportError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_millis(timeout_ms.into())))
        // A 404 or a 500 is an answer: the data source tells what it means.
        .http_status_as_error(false)
        .build()
        .into();
    let failed = |error: ureq::Error| match error {
        ureq::Error::Timeout(_) => TransportError::Timeout,
        other => TransportError::Network(format!("{url}: {other}")),
    };
    let mut response = agent.get(url).call().map_err(failed)?;
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    };
    let content_type = header("content-type").unwrap_or_default();
    let headers = READ_HEADERS
        .iter()
        .filter_map(|name| header(name).map(|value| (*name, value)))
        .collect();
    Ok(HttpResponse {
        status: response.status().as_u16(),
        content_type,
        headers,
        body: response.body_mut().read_to_string().map_err(failed)?,
    })
}
