use super::{HttpRequest, HttpResponse, SharedTransport, TransportError};
use crate::error::DataError;
use std::sync::{Arc, Mutex};

/// GETs through the shared transport, keeping the latest successful answers in memory so that
/// going back to a page is instant and shared data (authors, tags, the site) is fetched once.
/// Failures are not kept: Retry asks again.
///
/// At most [`CACHE_CAPACITY`] answers are kept, the least recently used going first: a visit
/// reads tens of URLs, but a build reads every file of the site through one source, and keeping
/// them all would make each lookup slower and the memory grow with the site. So few a list
/// searched in order serves as well as a hash map, for less wasm.
#[derive(Clone)]
pub struct CachingClient {
    timeout_ms: u32,
    transport: SharedTransport,
    cache: Arc<Mutex<Vec<Cached>>>,
}

/// A URL and what it answered.
type Cached = (String, Arc<HttpResponse>);

/// How many answers a [`CachingClient`] keeps.
pub const CACHE_CAPACITY: usize = 128;

impl CachingClient {
    pub fn new(timeout_ms: u32, transport: SharedTransport) -> Self {
        Self {
            timeout_ms,
            transport,
            cache: Arc::default(),
        }
    }

    /// Whether an answer for `url` is kept.
    pub fn is_cached(&self, url: &str) -> bool {
        self.cache
            .lock()
            .is_ok_and(|cache| cache.iter().any(|(cached, _)| cached == url))
    }

    /// The answer for `url`, whatever its status; only a failure to get any answer is an error.
    /// `fresh` asks the server again, past this cache and the browser's, and keeps the new answer.
    pub async fn get(&self, url: &str, fresh: bool) -> Result<Arc<HttpResponse>, DataError> {
        if let Some(cached) =
            (!fresh)
                .then(|| self.cache.lock().ok())
                .flatten()
                .and_then(|mut cache| {
                    let found = cache.iter().position(|(cached, _)| cached == url)?;
                    // Most recently used last, so that the first is the one to let go.
                    let entry = cache.remove(found);
                    let response = Arc::clone(&entry.1);
                    cache.push(entry);
                    Some(response)
                })
        {
            return Ok(cached);
        }
        let request = HttpRequest {
            url,
            json_body: None,
            fresh,
        };
        let response = Arc::new(
            self.transport
                .send(request, self.timeout_ms)
                .await
                .map_err(|error| self.transport_error(error))?,
        );
        if (200..300).contains(&response.status) {
            if let Ok(mut cache) = self.cache.lock() {
                cache.retain(|(cached, _)| cached != url);
                if cache.len() >= CACHE_CAPACITY {
                    cache.remove(0);
                }
                cache.push((url.to_owned(), Arc::clone(&response)));
            }
        }
        Ok(response)
    }
}

impl CachingClient {
    /// POSTs a JSON body; never cached.
    pub async fn post(&self, url: &str, json_body: &str) -> Result<HttpResponse, DataError> {
        self.transport
            .send(
                HttpRequest {
                    url,
                    json_body: Some(json_body),
                    fresh: true,
                },
                self.timeout_ms,
            )
            .await
            .map_err(|error| self.transport_error(error))
    }

    fn transport_error(&self, error: TransportError) -> DataError {
        match error {
            TransportError::Network(detail) => DataError::Network { detail },
            TransportError::Timeout => DataError::Timeout {
                after_ms: self.timeout_ms,
            },
        }
    }
}

/// Whether an answer is an HTML page rather than data: what static hosts send for unknown paths
/// and what a misconfigured API address (a login page, a PHP error) leads to.
pub fn is_html_page(response: &HttpResponse) -> bool {
    response
        .content_type
        .to_ascii_lowercase()
        .starts_with("text/html")
        && response.body.trim_start().starts_with('<')
}
