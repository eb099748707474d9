//! `broadsheet-hook`: receives the build hook of the WordPress plugin (wordpress/broadsheet-sync.php)
//! on a machine that runs the publish pipeline itself, and runs the sync command for it.
//!
//! - `POST /` (or any path but `/status`) with a valid `X-Broadsheet-Signature` is answered at
//!   once with 202, and the command runs in the background; a missing or wrong signature gets 401
//!   and runs nothing;
//! - the command runs one at a time; triggers during a run give exactly one more run after it,
//!   and create the file that [`runner::WAITING_ENV`] names to the command, which may stop early
//!   for it (a sync leaves the pages that can wait to its next run);
//! - `GET /status` says what ran, as JSON.

mod runner;
mod signature;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use runner::Runner;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

const USAGE: &str =
    "usage: broadsheet-hook [--host ADDR] [--port N] [--secret-file FILE] -- COMMAND [ARGS...]

  --host ADDR         address to listen on (default: 127.0.0.1; 0.0.0.0 for every interface)
  --port N            port (default: 8093; 0 picks a free one)
  --secret-file FILE  the shared secret, the file's first line (default: $BROADSHEET_HOOK_SECRET)
  COMMAND [ARGS...]   what a valid call runs, e.g. scripts/sync dist

The first line printed is the hook's address.";

/// The plugin's bodies are a few KB; anything far larger is not one of its calls.
const BODY_LIMIT: usize = 256 * 1024;

struct Options {
    host: String,
    port: u16,
    secret: Vec<u8>,
    command: Vec<String>,
}

fn parse_options() -> Result<Options, String> {
    let mut host = "127.0.0.1".to_string();
    let mut port = 8093;
    let mut secret_file: Option<PathBuf> = None;
    let mut command = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--host" => host = value()?,
            "--port" => {
                port = value()?
                    .parse()
                    .map_err(|_| "--port takes a number from 0 to 65535")?
            }
            "--secret-file" => secret_file = Some(value()?.into()),
            "--" => {
                command = args.by_ref().collect();
                break;
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown option {other}")),
        }
    }
    if command.is_empty() {
        return Err("no command: give it after --".into());
    }
    let secret = match secret_file {
        Some(file) => std::fs::read_to_string(&file)
            .map_err(|error| format!("cannot read {}: {error}", file.display()))?
            .lines()
            .next()
            .unwrap_or_default()
            .to_string(),
        None => std::env::var("BROADSHEET_HOOK_SECRET").unwrap_or_default(),
    };
    if secret.is_empty() {
        return Err("no secret: set BROADSHEET_HOOK_SECRET or give --secret-file".into());
    }
    Ok(Options {
        host,
        port,
        secret: secret.into_bytes(),
        command,
    })
}

#[derive(Clone)]
struct Hook {
    secret: Arc<[u8]>,
    runner: Arc<Runner>,
}

async fn receive(State(hook): State<Hook>, headers: HeaderMap, body: Bytes) -> Response {
    let header = headers.get(signature::HEADER).map(|value| value.as_bytes());
    match signature::verify(&hook.secret, &body, header) {
        Ok(()) => {
            hook.runner.trigger();
            (
                StatusCode::ACCEPTED,
                Json(serde_json::json!({ "queued": true })),
            )
                .into_response()
        }
        Err(error) => {
            eprintln!("broadsheet-hook: refused a call: {error}");
            (
                StatusCode::UNAUTHORIZED,
                Json(serde_json::json!({ "error": error.to_string() })),
            )
                .into_response()
        }
    }
}

async fn status(State(hook): State<Hook>) -> Json<runner::Status> {
    Json(hook.runner.status())
}

#[tokio::main]
async fn main() -> ExitCode {
    let options =
        match broadsheet_serve::options_or_usage("broadsheet-hook", USAGE, parse_options()) {
            Ok(options) => options,
            Err(usage_error) => return usage_error,
        };
    let runner = Runner::with_waiting_file(
        std::env::temp_dir().join(format!("broadsheet-hook-{}.waiting", std::process::id())),
    );
    let command = Arc::new(options.command);
    tokio::spawn(runner.clone().serve({
        let runner = runner.clone();
        move |number| {
            let (command, runner) = (command.clone(), runner.clone());
            async move { runner::run_command(&command, number, runner.waiting_file()).await }
        }
    }));
    let hook = Hook {
        secret: options.secret.into(),
        runner,
    };
    let app = Router::new()
        .route("/status", get(status))
        .fallback(axum::routing::post(receive))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(hook);

    broadsheet_serve::serve_until_ctrl_c(
        "broadsheet-hook",
        &options.host,
        options.port,
        app,
        |address| {
            println!("http://{address}/");
            println!("Waiting for signed calls (Ctrl-C stops)");
        },
    )
    .await
}
