use super::{HttpResponse, Transport, TransportError};
use futures::future::LocalBoxFuture;
use gloo_net::http::Request;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::AbortController;

/// `fetch`, with a time limit enforced by aborting the request.
#[derive(Debug, Clone, Copy, Default)]
pub struct BrowserTransport;

impl Transport for BrowserTransport {
    fn get<'a>(
        &'a self,
        url: &'a str,
        timeout_ms: u32,
    ) -> LocalBoxFuture<'a, Result<HttpResponse, TransportError>> {
        Box::pin(fetch(url, timeout_ms))
    }
}

async fn fetch(url: &str, timeout_ms: u32) -> Result<HttpResponse, TransportError> {
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
    let window = web_sys::window().ok_or_else(|| TransportError::Network("no window".into()))?;
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.as_ref().unchecked_ref(),
            i32::try_from(timeout_ms).unwrap_or(i32::MAX),
        )
        .map_err(|_| TransportError::Network("setTimeout failed".into()))?;
    let signal = controller.signal();
    let result = async {
        let response = Request::get(url).abort_signal(Some(&signal)).send().await?;
        let status = response.status();
        let content_type = response.headers().get("content-type").unwrap_or_default();
        let body = response.text().await?;
        Ok::<_, gloo_net::Error>(HttpResponse {
            status,
            content_type,
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
            TransportError::Network(error.to_string())
        }
    })
}
