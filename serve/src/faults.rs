//! Paths that fail on purpose, so the end-to-end tests can show what a reader sees when the data
//! server misbehaves. Each takes the rest of the path as the data file it stands in for:
//!
//! - `/__faults/status-500/<file>`: HTTP 500 with an HTML error page;
//! - `/__faults/malformed/<file>`: HTTP 200 `application/json` that is not JSON;
//! - `/__faults/hang/<file>`: no answer for 60 seconds;
//! - `/__faults/outage/<file>`: HTTP 500 until `/__faults/recover` is requested, the real file
//!   from the served folder afterwards (a server that comes back, for Retry).

use axum::body::Body;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use http::{header, StatusCode};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

#[derive(Clone)]
struct Faults {
    dir: PathBuf,
    recovered: Arc<AtomicBool>,
}

pub fn router(dir: PathBuf) -> Router {
    let state = Faults {
        dir,
        recovered: Arc::default(),
    };
    Router::new()
        .route("/status-500/{*file}", get(|| async { server_error() }))
        .route(
            "/malformed/{*file}",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "application/json")],
                    "{\"title\": \"cut off",
                )
            }),
        )
        .route(
            "/hang/{*file}",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(60)).await;
                server_error()
            }),
        )
        .route("/outage/{*file}", get(outage))
        .route(
            "/recover",
            get(|State(faults): State<Faults>| async move {
                faults.recovered.store(true, Ordering::SeqCst);
                "recovered"
            }),
        )
        .with_state(state)
}

fn server_error() -> Response {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CONTENT_TYPE, "text/html")],
        "<h1>Internal Server Error</h1>",
    )
        .into_response()
}

async fn outage(State(faults): State<Faults>, Path(file): Path<String>) -> Response {
    if !faults.recovered.load(Ordering::SeqCst) {
        return server_error();
    }
    if file.split('/').any(|part| part == ".." || part.is_empty()) {
        return StatusCode::NOT_FOUND.into_response();
    }
    match tokio::fs::read(faults.dir.join("data").join(&file)).await {
        Ok(bytes) => (
            [(header::CONTENT_TYPE, "application/json")],
            Body::from(bytes),
        )
            .into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}
