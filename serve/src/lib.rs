//! What the crate's two servers (`broadsheet-serve` and `broadsheet-hook`) share: how they take
//! their address and run until Ctrl-C.

use axum::Router;
use std::net::SocketAddr;
use std::process::ExitCode;

/// The options `parse` read, or, when they are wrong (or help was asked for, an empty problem),
/// the problem and the usage said under `name`, and the exit code for a usage error.
pub fn options_or_usage<T>(
    name: &str,
    usage: &str,
    parsed: Result<T, String>,
) -> Result<T, ExitCode> {
    parsed.map_err(|message| {
        if !message.is_empty() {
            eprintln!("{name}: {message}\n");
        }
        eprintln!("{usage}");
        ExitCode::from(2)
    })
}

/// Serves `app` on `host:port` until Ctrl-C. Once it listens, `announce` is told the address
/// (whose first printed line the tests and scripts read); a failure is said under `name`.
pub async fn serve_until_ctrl_c(
    name: &str,
    host: &str,
    port: u16,
    app: Router,
    announce: impl FnOnce(SocketAddr),
) -> ExitCode {
    let listener = match tokio::net::TcpListener::bind((host, port)).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("{name}: cannot listen on {host}:{port}: {error}");
            return ExitCode::FAILURE;
        }
    };
    announce(
        listener
            .local_addr()
            .expect("a bound listener has an address"),
    );
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    if let Err(error) = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
    {
        eprintln!("{name}: {error}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
