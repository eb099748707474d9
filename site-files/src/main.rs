//! `broadsheet-site-files DIST`: writes the files that crawlers and feed readers ask for into a
//! built site, from the data it ships: `sitemap.xml`, `robots.txt`, the RSS 2.0 feed of the latest
//! articles at `/feed/` and one per tag at `/tag/<slug>/feed/`, as WordPress serves them.
//!
//! The data is read through the app's own static source, so the files list exactly what the
//! site shows. A site whose `config.json` reads another server (WordPress, a data folder
//! elsewhere) gets none: its content is not in the folder at build time.

mod files;
mod folder;

use broadsheet::config::{parse_config, SourceConfig};
use broadsheet::source::StaticSource;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Stands for the site's address while `config.json` is read: a source under it is in the folder.
const SITE_ROOT: &str = "https://site.invalid/";

fn main() -> ExitCode {
    let Some(dist) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: broadsheet-site-files DIST");
        return ExitCode::from(2);
    };
    match run(&dist) {
        Ok(message) => {
            println!("site files: {message}");
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("site files: {problem}");
            ExitCode::FAILURE
        }
    }
}

fn run(dist: &Path) -> Result<String, String> {
    let config_path = dist.join("config.json");
    let text = std::fs::read_to_string(&config_path)
        .map_err(|error| format!("{}: {error}", config_path.display()))?;
    let config = parse_config(&text, SITE_ROOT).map_err(|error| error.to_string())?;
    let data_url = match &config.source {
        SourceConfig::Static { url } if url.starts_with(SITE_ROOT) => url.clone(),
        _ => {
            return Ok(
                "the content is not in the folder (config.json reads a server); none written"
                    .into(),
            )
        }
    };
    let data_dir = dist.join(&data_url[SITE_ROOT.len()..]);
    let transport = Arc::new(folder::FolderTransport::new(&data_url, &data_dir));
    let source = StaticSource::new(&data_url, config.timeout_ms, transport);
    let index = futures::executor::block_on(files::SiteIndex::read(&source))
        .map_err(|error| format!("{}: {error}", data_dir.display()))?;
    let written = files::write(&index, dist).map_err(|error| error.to_string())?;
    Ok(format!(
        "{} for {} articles, {} tags and {} authors",
        written.join(", "),
        index.articles.len(),
        index.tags.len(),
        index.authors.len()
    ))
}
