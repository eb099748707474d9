//! `broadsheet-site-files DIST`: finishes a built site from the data it ships. Every page is
//! prerendered to `<path>/index.html` (see `pages`), and the files that crawlers and feed readers
//! ask for are written: `sitemap.xml`, the news sitemap, `robots.txt`, the RSS 2.0 feed of the
//! latest articles at `/feed/` and one per tag at `/tag/<slug>/feed/`, as WordPress serves them,
//! and the JSON Feed at `/feed.json`. The ticker for other sites' pages is written too, as the
//! pages show it (`embed/ticker.json`, read by the script embed).
//!
//! With `--cache DIR`, pages are kept there with what they were built from, and a rebuild renders
//! only the pages whose data changed (see `incremental`). With `--remove`, what it wrote is taken
//! away again, for a site pointed at a source that is not prerendered (scripts/configure).
//!
//! With `--sync`, a prerendered site is brought up to date with its source: for WordPress, only
//! the pages that what changed since the last run touches are rendered again, aside, and then
//! swapped in (see `sync`).
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
mod redirects;
mod search_index;
mod sync;

use broadsheet::config::{parse_config, Config, SourceConfig};
use broadsheet::model::Route;
use broadsheet::prerender::Shell;
use broadsheet::source::{DataSource, SharedTransport};
use broadsheet::Deployment;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Stands for the site's origin while it is built: the pages keep only paths below it.
const ORIGIN: &str = "https://site.invalid";

const USAGE: &str = "usage: broadsheet-site-files DIST [--sync] [--cache DIR]
       broadsheet-site-files DIST --remove
       broadsheet-site-files --check-data DATA_DIR";

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let started = std::time::Instant::now();
    let done = match args.as_slice() {
        [dist] => run(dist, None),
        [dist, flag, cache] if flag.as_os_str() == "--cache" => run(dist, Some(cache.as_path())),
        [dist, flag] if flag.as_os_str() == "--sync" => sync::sync(dist, None),
        [dist, flag, cache_flag, cache] | [dist, cache_flag, cache, flag]
            if flag.as_os_str() == "--sync" && cache_flag.as_os_str() == "--cache" =>
        {
            sync::sync(dist, Some(cache.as_path()))
        }
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

/// `--remove`: takes away what this command wrote (the pages, the ticker's embed, the sitemap,
/// robots.txt, the feeds), for a site pointed at another source that is not prerendered (scripts/configure).
fn remove(dist: &Path) -> Result<String, String> {
    let pages = pages::remove(dist).map_err(|error| format!("{}: {error}", dist.display()))?;
    let mut files = files::remove(dist).map_err(|error| format!("{}: {error}", dist.display()))?;
    files.extend(
        search_index::remove(dist).map_err(|error| format!("{}: {error}", dist.display()))?,
    );
    if sync::forget(dist).map_err(|error| format!("{}: {error}", dist.display()))? {
        files.push(sync::STATE.to_owned());
    }
    Ok(format!(
        "removed {pages} prerendered pages and {} site files ({})",
        files.len(),
        files.join(", ")
    ))
}

/// Indexes the pages for search ([`search_index::write`]); what it did, or why it could not, for
/// the summary. The pages are there either way: a site without search is still a site, so a
/// missing index is said (on stderr too), not fatal.
fn search_index(dist: &Path, index: &files::SiteIndex) -> String {
    let articles: Vec<Route> = index
        .articles
        .iter()
        .map(|article| Route::Article(article.slug.clone()))
        .collect();
    search_index::write(dist, &index.site.language, &articles).unwrap_or_else(|problem| {
        eprintln!("broadsheet-site-files: {problem}");
        problem
    })
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

/// A built site: its page shell, its `config.json` and the source that names.
pub struct Built {
    pub shell: Shell,
    pub deployment: Deployment,
    pub config_text: String,
    pub config: Config,
    pub transport: SharedTransport,
    pub source: DataSource,
    /// The source's address, for messages.
    pub source_url: String,
}

impl Built {
    pub fn open(dist: &Path) -> Result<Self, String> {
        // The pages' shell, as the build wrote it (scripts/post_build.py).
        let shell_path = dist.join("islands").join("shell.html");
        let shell = std::fs::read_to_string(&shell_path)
            .map_err(|error| format!("{}: {error}", shell_path.display()))?;
        let shell = Shell::parse(&shell).map_err(|error| error.to_string())?;
        let deployment = shell.deployment(ORIGIN);
        let config_path = dist.join("config.json");
        let config_text = std::fs::read_to_string(&config_path)
            .map_err(|error| format!("{}: {error}", config_path.display()))?;
        let config =
            parse_config(&config_text, &deployment.site_root).map_err(|error| error.to_string())?;
        // The site's own files are read from the folder; a source elsewhere (WordPress, data on
        // another server) is read over HTTP, as the app would read it.
        let transport: SharedTransport = Arc::new(folder::FolderTransport::new(
            &deployment.site_root,
            dist,
            Arc::new(http::HttpTransport::new()),
        ));
        let source = DataSource::from_config(&config, transport.clone());
        let source_url = match &config.source {
            // The site's own folder by its place in the site, not the stand-in origin.
            SourceConfig::Static { url } => url
                .strip_prefix(&deployment.site_root)
                .unwrap_or(url)
                .to_owned(),
            SourceConfig::WordPress(wordpress) => wordpress.api_url.clone(),
        };
        Ok(Self {
            shell,
            deployment,
            config_text,
            config,
            transport,
            source,
            source_url,
        })
    }

    /// The cache folder of this build in `cache`: one per public URL, since a sub-path build is
    /// another set of pages.
    pub fn cache_in(&self, cache: &Path) -> Result<PathBuf, String> {
        let name = self.shell.public_url().trim_matches('/').replace('/', "-");
        let cache = cache.join(if name.is_empty() { "root" } else { &name });
        std::fs::create_dir_all(&cache).map_err(|error| format!("{}: {error}", cache.display()))?;
        Ok(cache)
    }

    /// The interface's strings in the site's language, as its pages show them.
    pub fn strings(&self) -> Result<broadsheet::i18n::Strings, String> {
        broadsheet::prerender::site_strings(
            &self.config,
            self.transport.clone(),
            self.transport.as_ref(),
            &self.deployment.site_root,
        )
        .map_err(|error| error.to_string())
    }

    /// What every page of this build is drawn with besides its own data, `strings` among it (see
    /// [`incremental::build_fingerprint`]).
    pub fn fingerprint(&self, strings: &broadsheet::i18n::Strings) -> u64 {
        incremental::build_fingerprint(&self.shell, &self.config_text, strings)
    }

    pub fn read_index(&self) -> Result<files::SiteIndex, String> {
        let built = files::build_time()?;
        futures::executor::block_on(files::SiteIndex::read(&self.source, built))
            .map_err(|error| format!("{}: {error}", self.source_url))
    }
}

fn run(dist: &Path, cache: Option<&Path>) -> Result<String, String> {
    let built = Built::open(dist)?;
    // What a later --sync compares with, read before the pages so that a change while they are
    // built is found then.
    let catalogue = sync::catalogue(&built)?;
    let index = built.read_index()?;
    let mut written = files::write(&index, dist).map_err(|error| error.to_string())?;
    let strings = built.strings()?;
    pages::write_app_shell(&index.site, &strings, dist, dist)?;
    pages::write_ticker_embeds(
        &built.shell,
        &built.deployment,
        &index.site.base_url,
        &built.transport,
        dist,
    )?;
    let cache = cache.map(|cache| built.cache_in(cache)).transpose()?;
    let build = built.fingerprint(&strings);
    let routes = index.routes();
    for route in &routes {
        sync::answered(&built.source, route)?;
    }
    let pages = pages::write(
        &index,
        &routes,
        &built.source,
        build,
        (dist, &built.shell, &built.deployment, &built.transport),
        cache.as_deref(),
    )?;
    if let Some(catalogue) = catalogue {
        sync::remember(&built, dist, &catalogue, &[])?;
    }
    written.push(format!(
        "{} pages ({} rendered, {} unchanged)",
        pages.pages,
        pages.rendered,
        pages.pages - pages.rendered
    ));
    written.push(search_index(dist, &index));
    Ok(format!(
        "{} for {} articles, {} tags and sections and {} authors",
        written.join(", "),
        index.articles.len(),
        index.terms.len(),
        index.authors.len()
    ))
}
