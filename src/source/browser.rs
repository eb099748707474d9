use super::{HttpRequest, HttpResponse, Transport, TransportError, READ_HEADERS};
use futures::future::LocalBoxFuture;
use gloo_net::http::Request;
use gloo_timers::callback::Timeout;
use std::cell::Cell;
use std::rc::Rc;
use web_sys::{AbortController, RequestCache};

/// The browser's `fetch` (through gloo-net), with a time limit. A request lives as long as its
/// future: dropping the future aborts the request and cancels its timer, so that a request the
/// app abandoned (the reader moved on) stops using the network.
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

/// Aborts the request it was made for when dropped before the request settled: the future that
/// owns it was dropped, or its time ran out.
struct Abort {
    controller: AbortController,
    settled: bool,
}

impl Drop for Abort {
    fn drop(&mut self) {
        if !self.settled {
            self.controller.abort();
        }
    }
}

async fn fetch(request: HttpRequest<'_>, timeout_ms: u32) -> Result<HttpResponse, TransportError> {
    let controller = AbortController::new()
        .map_err(|_| TransportError::Network("AbortController is missing".into()))?;
    let timed_out = Rc::new(Cell::new(false));
    // Dropped with this future, which clears the timer.
    let _timer = {
        let (controller, timed_out) = (controller.clone(), Rc::clone(&timed_out));
        Timeout::new(timeout_ms, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let mut abort = Abort {
        controller,
        settled: false,
    };
    let signal = abort.controller.signal();
    let result = async {
        let builder = match request.json_body {
            Some(_) => Request::post(request.url).header("Content-Type", "application/json"),
            None => Request::get(request.url),
        }
        .abort_signal(Some(&signal))
        .cache(if request.fresh {
            RequestCache::NoCache
        } else {
            RequestCache::Default
        });
        let response = match request.json_body {
            Some(body) => builder.body(body)?.send().await?,
            None => builder.send().await?,
        };
        let headers = response.headers();
        let read = READ_HEADERS
            .iter()
            .filter_map(|name| headers.get(name).map(|value| (*name, value)))
            .collect();
        Ok::<_, gloo_net::Error>(HttpResponse {
            status: response.status(),
            content_type: headers.get("content-type").unwrap_or_default(),
            headers: read,
            // Read under the same signal, so a body that stalls times out too.
            body: response.text().await?,
        })
    }
    .await;
    abort.settled = true;
    result.map_err(|error| {
        if timed_out.get() {
            TransportError::Timeout
        } else {
            // fetch rejects with a TypeError ("Failed to fetch") for network and CORS failures alike.
            TransportError::Network(match error {
                gloo_net::Error::JsError(error) => error.message,
                other => other.to_string(),
            })
        }
    })
}
