//! `broadsheet-site-files DIST`: finishes a built site from the data it ships. Every page is
//! prerendered to `<path>/index.html` (see `pages`), and the files that crawlers and feed readers
//! ask for are written: `sitemap.xml`, `robots.txt`, the RSS 2.0 feed of the latest articles at
//! `/feed/` and one per tag at `/tag/<slug>/feed/`, as WordPress serves them.
//!
//! With `--cache DIR`, pages are kept there with what they were built from, and a rebuild renders
//! only the pages whose data changed (see `incremental`). With `--remove`, what it wrote is taken
//! away again, for a site pointed at a source that is not prerendered (scripts/configure).
//!
//! `broadsheet-site-files --check-data DIR` lists every problem with a folder of static data
//! instead (see `check`).
//!
//! The data is read through the app's own data source, as `config.json` names it, so the files
//! list exactly what the site shows: the shipped files from the folder, or a WordPress site (or
//! data on another server) over HTTP, at build time.

mod check;
mod files;
mod folder;
mod http;
mod incremental;
mod pages;

use broadsheet::config::{parse_config, SourceConfig};
use broadsheet::prerender::Shell;
use broadsheet::source::{DataSource, SharedTransport};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Stands for the site's origin while it is built: the pages keep only paths below it.
const ORIGIN: &str = "https://site.invalid";

const USAGE: &str =
    "usage: broadsheet-site-files DIST [--cache DIR | --remove]\n       broadsheet-site-files --check-data DATA_DIR";

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let started = std::time::Instant::now();
    let done = match args.as_slice() {
        [dist] => run(dist, None),
        [dist, flag, cache] if flag.as_os_str() == "--cache" => run(dist, Some(cache.as_path())),
        [dist, flag] if flag.as_os_str() == "--remove" => remove(dist),
        [flag, data] if flag.as_os_str() == "--check-data" => check(data),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match done {
        Ok(message) => {
            println!(
                "site files: {message} in {:.2} s",
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("site files: {problem}");
            ExitCode::FAILURE
        }
    }
}

/// `--remove`: takes away what this command wrote (the pages, the sitemap, robots.txt, the
/// feeds), for a site pointed at another source that is not prerendered (scripts/configure).
fn remove(dist: &Path) -> Result<String, String> {
    let pages = pages::remove(dist).map_err(|error| format!("{}: {error}", dist.display()))?;
    let files = files::remove(dist).map_err(|error| format!("{}: {error}", dist.display()))?;
    Ok(format!(
        "removed {pages} prerendered pages and {} site files ({})",
        files.len(),
        files.join(", ")
    ))
}

/// `--check-data`: every problem with a folder of static data, read with the app's decoders.
fn check(data: &Path) -> Result<String, String> {
    let problems = check::check_data(data)?;
    if problems.is_empty() {
        return Ok(format!("{}: the site can read all of it", data.display()));
    }
    Err(format!(
        "{}: {} problem(s)\n  {}",
        data.display(),
        problems.len(),
        problems.join("\n  ")
    ))
}

fn run(dist: &Path, cache: Option<&Path>) -> Result<String, String> {
    // The pages' shell, as the build wrote it (scripts/post_build.py).
    let shell_path = dist.join("islands").join("shell.html");
    let shell = std::fs::read_to_string(&shell_path)
        .map_err(|error| format!("{}: {error}", shell_path.display()))?;
    let shell = Shell::parse(&shell).map_err(|error| error.to_string())?;
    let deployment = shell.deployment(ORIGIN);
    let config_path = dist.join("config.json");
    let text = std::fs::read_to_string(&config_path)
        .map_err(|error| format!("{}: {error}", config_path.display()))?;
    let config = parse_config(&text, &deployment.site_root).map_err(|error| error.to_string())?;
    // The site's own files are read from the folder; a source elsewhere (WordPress, data on another
    // server) is read over HTTP, as the app would read it.
    let transport: SharedTransport = Arc::new(folder::FolderTransport::new(
        &deployment.site_root,
        dist,
        Arc::new(http::HttpTransport::new()),
    ));
    let source = DataSource::from_config(&config, transport.clone());
    let source_url = match &config.source {
        SourceConfig::Static { url } => url.clone(),
        SourceConfig::WordPress(wordpress) => wordpress.api_url.clone(),
    };
    let index = futures::executor::block_on(files::SiteIndex::read(&source))
        .map_err(|error| format!("{source_url}: {error}"))?;
    let mut written = files::write(&index, dist).map_err(|error| error.to_string())?;
    // One cache per public URL: a sub-path build is another set of pages.
    let cache = cache.map(|cache| {
        let name = shell.public_url().trim_matches('/').replace('/', "-");
        cache.join(if name.is_empty() { "root" } else { &name })
    });
    if let Some(cache) = &cache {
        std::fs::create_dir_all(cache).map_err(|error| format!("{}: {error}", cache.display()))?;
    }
    let build = incremental::build_fingerprint(&shell, &text);
    let pages = pages::write(
        &index,
        &source,
        build,
        (dist, &shell, &deployment, &transport),
        cache.as_deref(),
    )?;
    written.push(format!(
        "{} pages ({} rendered, {} unchanged)",
        pages.pages,
        pages.rendered,
        pages.pages - pages.rendered
    ));
    Ok(format!(
        "{} for {} articles, {} tags and {} authors",
        written.join(", "),
        index.articles.len(),
        index.tags.len(),
        index.authors.len()
    ))
}
