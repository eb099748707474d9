//! `broadsheet-serve`: serves a built `dist/` on loopback the way a static host does, for the
//! README's serve command, the end-to-end tests and the benchmarks.
//!
//! - files from the folder (tower-http's `ServeDir`), `dir/index.html` for `dir/`;
//! - unknown paths answered with `404.html` and status 404, as Netlify, Cloudflare Pages and
//!   GitHub Pages do, which is how deep links reach the app;
//! - the response headers of the folder's `_headers` file (the Netlify / Cloudflare format);
//! - the redirects of the folder's `_redirects` file (the same format), read again when it changes;
//! - brotli or gzip when the client asks;
//! - with `--faults`, paths under `/__faults/` that misbehave on purpose, for the tests.

mod faults;
mod headers_file;
mod redirects_file;

use axum::Router;
use std::path::PathBuf;
use std::process::ExitCode;
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};

const USAGE: &str = "usage: broadsheet-serve [--dir DIR] [--host ADDR] [--port N] [--base /PATH/] [--config FILE] [--faults]

  --dir DIR      the folder to serve (default: dist)
  --host ADDR    address to listen on (default: 127.0.0.1)
  --port N       port (default: 8080; 0 picks a free one)
  --base /PATH/  serve the folder under this path, as a sub-path deploy (default: /)
  --config FILE  answer /config.json with this file instead of the folder's
  --faults       add /__faults/ paths that fail on purpose (tests only)

The first line printed is the site's address.";

struct Options {
    dir: PathBuf,
    host: String,
    port: u16,
    base: String,
    config: Option<PathBuf>,
    faults: bool,
}

fn parse_options() -> Result<Options, String> {
    let mut options = Options {
        dir: "dist".into(),
        host: "127.0.0.1".into(),
        port: 8080,
        base: "/".into(),
        config: None,
        faults: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--dir" => options.dir = value()?.into(),
            "--host" => options.host = value()?,
            "--port" => {
                options.port = value()?
                    .parse()
                    .map_err(|_| "--port takes a number from 0 to 65535")?
            }
            "--base" => options.base = value()?,
            "--config" => options.config = Some(value()?.into()),
            "--faults" => options.faults = true,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown option {other}")),
        }
    }
    if !options.base.starts_with('/') || !options.base.ends_with('/') {
        return Err("--base must start and end with '/'".into());
    }
    if !options.dir.join("index.html").is_file() {
        return Err(format!(
            "{} has no index.html: build the site first",
            options.dir.display()
        ));
    }
    Ok(options)
}

#[tokio::main]
async fn main() -> ExitCode {
    let options =
        match broadsheet_serve::options_or_usage("broadsheet-serve", USAGE, parse_options()) {
            Ok(options) => options,
            Err(usage_error) => return usage_error,
        };
    let rules = match headers_file::load(&options.dir.join("_headers")) {
        Ok(rules) => rules,
        Err(message) => {
            eprintln!("broadsheet-serve: {message}");
            return ExitCode::FAILURE;
        }
    };
    let redirects = match redirects_file::Redirects::load(options.dir.join("_redirects")) {
        Ok(redirects) => std::sync::Arc::new(redirects),
        Err(message) => {
            eprintln!("broadsheet-serve: {message}");
            return ExitCode::FAILURE;
        }
    };
    let not_found = ServeFile::new(options.dir.join("404.html"));
    let files = ServeDir::new(&options.dir)
        .append_index_html_on_directories(true)
        .not_found_service(not_found);
    let mut site = Router::new();
    if let Some(config) = &options.config {
        site = site.route_service("/config.json", ServeFile::new(config));
    }
    if options.faults {
        site = site.nest("/__faults", faults::router(options.dir.clone()));
    }
    let site = site
        .fallback_service(files)
        .layer(axum::middleware::from_fn_with_state(
            std::sync::Arc::new(rules),
            headers_file::apply,
        ));
    let app = if options.base == "/" {
        site
    } else {
        Router::new().nest_service(options.base.trim_end_matches('/'), site)
    }
    .layer(axum::middleware::from_fn_with_state(
        redirects,
        redirects_file::apply,
    ))
    .layer(CompressionLayer::new());

    broadsheet_serve::serve_until_ctrl_c(
        "broadsheet-serve",
        &options.host,
        options.port,
        app,
        |address| {
            println!("http://{address}{}", options.base);
            println!("Serving {} (Ctrl-C stops)", options.dir.display());
        },
    )
    .await
}
