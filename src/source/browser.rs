use super::{HttpRequest, HttpResponse, Transport, TransportError, READ_HEADERS};
use futures::future::LocalBoxFuture;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestCache, RequestInit, Response};

/// The browser's `fetch`, with a time limit enforced by aborting the request. Used directly:
/// a wrapper crate (gloo-net) measured 1.8 KB of brotli wasm and JS for the three calls needed here.
#[derive(Debug, Clone, Copy, Default)]
pub struct BrowserTransport;

impl Transport for BrowserTransport {
    fn send<'a>(
        &'a self,
        request: HttpRequest<'a>,
        timeout_ms: u32,
    ) -> LocalBoxFuture<'a, Result<HttpResponse, TransportError>> {
        Box::pin(fetch(request, timeout_ms))
    }
}

async fn fetch(request: HttpRequest<'_>, timeout_ms: u32) -> Result<HttpResponse, TransportError> {
    let window = web_sys::window().ok_or_else(|| TransportError::Network("no window".into()))?;
    let controller = AbortController::new()
        .map_err(|_| TransportError::Network("AbortController is missing".into()))?;
    let timed_out = Rc::new(Cell::new(false));
    let on_timeout = {
        let controller = controller.clone();
        let timed_out = Rc::clone(&timed_out);
        Closure::once(move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.as_ref().unchecked_ref(),
            i32::try_from(timeout_ms).unwrap_or(i32::MAX),
        )
        .map_err(|_| TransportError::Network("setTimeout failed".into()))?;
    let result = async {
        let init = RequestInit::new();
        init.set_signal(Some(&controller.signal()));
        if request.fresh {
            init.set_cache(RequestCache::NoCache);
        }
        if let Some(body) = request.json_body {
            init.set_method("POST");
            init.set_body(&JsValue::from_str(body));
            let headers = web_sys::Headers::new()?;
            headers.set("Content-Type", "application/json")?;
            init.set_headers(&headers);
        }
        let response: Response = JsFuture::from(window.fetch_with_str_and_init(request.url, &init))
            .await?
            .dyn_into()?;
        let status = response.status();
        let headers = response.headers();
        let content_type = headers.get("content-type")?.unwrap_or_default();
        let mut read = Vec::new();
        for name in READ_HEADERS {
            if let Some(value) = headers.get(name)? {
                read.push((*name, value));
            }
        }
        // The body is read under the same signal, so a body that stalls times out too.
        let body = JsFuture::from(response.text()?)
            .await?
            .as_string()
            .unwrap_or_default();
        Ok::<_, JsValue>(HttpResponse {
            status,
            content_type,
            headers: read,
            body,
        })
    }
    .await;
    window.clear_timeout_with_handle(timer);
    drop(on_timeout);
    result.map_err(|error| {
        if timed_out.get() {
            TransportError::Timeout
        } else {
            // fetch rejects with a TypeError ("Failed to fetch") for network and CORS failures alike.
            let message = error
                .dyn_ref::<js_sys::Error>()
                .map(|error| String::from(error.message()));
            TransportError::Network(message.unwrap_or_else(|| "fetch failed".into()))
        }
    })
}
