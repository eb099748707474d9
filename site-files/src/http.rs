//! Answers requests for addresses outside the site's folder over HTTP: a WordPress site, or data
//! files on another server, read at build time.

use broadsheet::source::{HttpRequest, HttpResponse, Transport, TransportError, READ_HEADERS};
use futures::future::LocalBoxFuture;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

/// One agent for the whole build, so connections are reused. Each address is read once: the
/// fingerprint of what a page shows and the page rendered from it must come from the same answer,
/// and a WordPress site is not asked twice for it.
pub struct HttpTransport {
    agent: ureq::Agent,
    read: Mutex<HashMap<String, HttpResponse>>,
}

impl HttpTransport {
    pub fn new() -> Self {
        let agent = ureq::Agent::config_builder()
            // A 404 or a 500 is an answer: the data source tells what it means.
            .http_status_as_error(false)
            .build()
            .into();
        Self {
            agent,
            read: Mutex::default(),
        }
    }

    /// The answer for `url`: the one read before, unless `fresh` asks again (a sync's lists,
    /// walked again when they changed under it).
    fn get(&self, url: &str, fresh: bool, timeout_ms: u32) -> Result<HttpResponse, TransportError> {
        let known = (!fresh)
            .then(|| self.read.lock().ok())
            .flatten()
            .and_then(|read| read.get(url).cloned());
        if let Some(response) = known {
            return Ok(response);
        }
        let response = fetch(&self.agent, url, timeout_ms)?;
        if let Ok(mut read) = self.read.lock() {
            read.insert(url.to_owned(), response.clone());
        }
        Ok(response)
    }
}

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
            None => self.get(request.url, request.fresh, timeout_ms),
        };
        Box::pin(std::future::ready(answer))
    }
}

fn fetch(agent: &ureq::Agent, url: &str, timeout_ms: u32) -> Result<HttpResponse, TransportError> {
    let failed = |error: ureq::Error| match error {
        ureq::Error::Timeout(_) => TransportError::Timeout,
        other => TransportError::Network(format!("{url}: {other}")),
    };
    let mut response = agent
        .get(url)
        .config()
        .timeout_global(Some(Duration::from_millis(timeout_ms.into())))
        .build()
        .call()
        .map_err(failed)?;
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
