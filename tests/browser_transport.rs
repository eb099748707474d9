//! The browser's transport against a `fetch` the test controls: a request whose future is dropped
//! is aborted, one over its time limit is a timeout, and one that settles reads as sent.

#![cfg(target_arch = "wasm32")]

use broadsheet::source::{BrowserTransport, HttpRequest, Transport, TransportError};
use futures::FutureExt;
use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const URL: &str = "https://herald.example/data/ticker.json";

/// The page's `fetch` replaced by `body` (a function of the `Request`), which also keeps the last
/// request in `globalThis.lastRequest`; the real one is back when this is dropped.
struct FakeFetch {
    original: JsValue,
}

impl FakeFetch {
    fn install(body: &str) -> Self {
        let global = js_sys::global();
        let original = Reflect::get(&global, &"fetch".into()).unwrap();
        let fake = Function::new_with_args(
            "request",
            &format!("globalThis.lastRequest = request; {body}"),
        );
        Reflect::set(&global, &"fetch".into(), &fake).unwrap();
        Self { original }
    }

    /// A `fetch` that never answers, and rejects once aborted, as the browser's does.
    fn hanging() -> Self {
        Self::install(
            "return new Promise((_, reject) => request.signal.addEventListener('abort', \
             () => reject(request.signal.reason)));",
        )
    }

    fn last_request() -> web_sys::Request {
        Reflect::get(&js_sys::global(), &"lastRequest".into())
            .unwrap()
            .dyn_into()
            .expect("fetch was called")
    }
}

impl Drop for FakeFetch {
    fn drop(&mut self) {
        Reflect::set(&js_sys::global(), &"fetch".into(), &self.original).unwrap();
    }
}

#[wasm_bindgen_test]
fn a_dropped_request_is_aborted() {
    let _fetch = FakeFetch::hanging();
    // Polled once, so that it calls fetch, then dropped, as the app drops a request it abandons.
    assert!(BrowserTransport.get(URL, 10_000).now_or_never().is_none());
    let request = FakeFetch::last_request();
    assert_eq!(request.url(), URL);
    assert!(
        request.signal().aborted(),
        "dropping the future aborts its request"
    );
}

#[wasm_bindgen_test]
async fn a_request_over_its_time_limit_is_a_timeout() {
    let _fetch = FakeFetch::hanging();
    let result = BrowserTransport.get(URL, 20).await;
    assert!(matches!(result, Err(TransportError::Timeout)), "{result:?}");
    assert!(FakeFetch::last_request().signal().aborted());
}

#[wasm_bindgen_test]
async fn a_refused_request_is_a_network_error_with_the_browser_s_words() {
    let _fetch = FakeFetch::install("return Promise.reject(new TypeError('Failed to fetch'));");
    let result = BrowserTransport.get(URL, 10_000).await;
    assert!(
        matches!(&result, Err(TransportError::Network(message)) if message == "Failed to fetch"),
        "{result:?}"
    );
}

#[wasm_bindgen_test]
async fn an_answer_is_read_with_its_status_headers_and_body_and_a_post_sends_json() {
    let _fetch = FakeFetch::install(
        "return Promise.resolve(new Response('{\"id\":7}', { status: 201, headers: { \
         'Content-Type': 'application/json', 'X-WP-Total': '12', 'X-Other': 'no' } }));",
    );
    let request = HttpRequest {
        url: URL,
        json_body: Some("{\"content\":\"Hello\"}"),
        fresh: true,
    };
    let response = BrowserTransport.send(request, 10_000).await.unwrap();
    assert_eq!(response.status, 201);
    assert_eq!(response.content_type, "application/json");
    assert_eq!(response.body, "{\"id\":7}");
    assert!(response
        .headers
        .iter()
        .any(|(name, value)| name.eq_ignore_ascii_case("x-wp-total") && value == "12"));
    assert!(response
        .headers
        .iter()
        .all(|(name, _)| !name.eq_ignore_ascii_case("x-other")));
    let sent = FakeFetch::last_request();
    assert_eq!(sent.method(), "POST");
    assert_eq!(
        sent.headers().get("content-type").unwrap().as_deref(),
        Some("application/json")
    );
    assert_eq!(sent.cache(), web_sys::RequestCache::NoCache);
    assert!(
        !sent.signal().aborted(),
        "a request that settled is not aborted after"
    );
}
