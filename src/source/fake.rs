//! Canned HTTP answers for native tests of the sources.

use super::{HttpRequest, HttpResponse, Transport, TransportError};
use futures::future::LocalBoxFuture;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Answers by exact URL (a POST by `POST URL BODY`); anything else is a 404. Records every request, to show what the cache
/// saves and how many requests a page costs.
#[derive(Clone, Default)]
pub struct FakeTransport {
    answers: Arc<HashMap<String, Result<HttpResponse, TransportError>>>,
    requests: Arc<Mutex<Vec<String>>>,
}

impl FakeTransport {
    pub fn answering(mut self, url: &str, answer: Result<HttpResponse, TransportError>) -> Self {
        Arc::make_mut(&mut self.answers).insert(url.to_owned(), answer);
        self
    }

    /// The URLs asked for so far, in order.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

impl Transport for FakeTransport {
    fn send<'a>(
        &'a self,
        request: HttpRequest<'a>,
        _timeout_ms: u32,
    ) -> LocalBoxFuture<'a, Result<HttpResponse, TransportError>> {
        let key = match request.json_body {
            None => request.url.to_owned(),
            Some(body) => format!("POST {} {body}", request.url),
        };
        self.requests.lock().unwrap().push(key.clone());
        let answer = self
            .answers
            .get(&key)
            .cloned()
            .unwrap_or_else(|| Ok(response(404, "text/plain", "Not Found")));
        Box::pin(async move { answer })
    }
}

pub fn response(status: u16, content_type: &str, body: &str) -> HttpResponse {
    HttpResponse {
        status,
        content_type: content_type.into(),
        headers: Vec::new(),
        body: body.into(),
    }
}
