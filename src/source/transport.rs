use futures::future::LocalBoxFuture;
use std::sync::Arc;

/// What came back from a GET.
#[derive(Debug, Clone, PartialEq)]
pub struct HttpResponse {
    pub status: u16,
    /// The `Content-Type` header, empty when absent.
    pub content_type: String,
    /// Those of [`READ_HEADERS`] that the response had, by their lowercase name.
    pub headers: Vec<(&'static str, String)>,
    pub body: String,
}

/// The response headers sources read besides `Content-Type`: WordPress's listing totals.
/// (Cross-origin, a browser shows them only when the server exposes them; WordPress does.)
pub const READ_HEADERS: &[&str] = &["x-wp-total", "x-wp-totalpages"];

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(known, _)| *known == name)
            .map(|(_, value)| value.as_str())
    }
}

/// Why a GET got no answer at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransportError {
    /// Offline, refused, DNS, or blocked by CORS (the browser does not say which).
    Network(String),
    /// No answer within the time allowed.
    Timeout,
}

/// A request: a GET, or a POST of a JSON body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HttpRequest<'a> {
    pub url: &'a str,
    /// JSON to POST; `None` for a GET.
    pub json_body: Option<&'a str>,
    /// Ask the server again rather than take a copy from the browser's HTTP cache: for data
    /// that is re-read to see what changed, such as the ticker's headlines.
    pub fresh: bool,
}

/// The one network operation sources need. The browser uses `fetch`; tests use canned answers,
/// so the mapping from HTTP to domain errors is tested natively.
pub trait Transport: Send + Sync {
    fn send<'a>(
        &'a self,
        request: HttpRequest<'a>,
        timeout_ms: u32,
    ) -> LocalBoxFuture<'a, Result<HttpResponse, TransportError>>;

    fn get<'a>(
        &'a self,
        url: &'a str,
        timeout_ms: u32,
    ) -> LocalBoxFuture<'a, Result<HttpResponse, TransportError>> {
        self.send(
            HttpRequest {
                url,
                json_body: None,
                fresh: false,
            },
            timeout_ms,
        )
    }
}

/// A transport shared by every source and page.
pub type SharedTransport = Arc<dyn Transport>;
