//! `broadsheet-site-files DIST --sync`: brings a built, prerendered site up to date with its
//! source, for a build hook or a schedule.
//!
//! For WordPress, the site's catalogue (every published post's id, slug, modification time,
//! author and tags; every tag and author; the site's name: see
//! [`broadsheet::source::Catalogue`]) is kept beside the pages in [`STATE`]. A sync reads the
//! catalogue again and renders only the pages the difference touches (see [`changes`]): a new,
//! changed, unpublished or deleted post, a new slug (the old one gets a redirect in
//! `_redirects`), a renamed tag or author. Without a state, or when `config.json` or the page
//! shell changed, every page is rendered. Static files have no catalogue: every page is, and with
//! `--cache` only those whose content changed are rendered again.
//!
//! Nothing in the dist changes until every page and file has been rendered: they are written
//! into a folder aside ([`STAGING`]) and then renamed into place, so a source that fails half-way
//! (an error, a time-out, damaged data) leaves the previous site as it was.

mod changes;

use crate::{files, incremental, pages, redirects, Built};
use broadsheet::config::SourceConfig;
use broadsheet::model::Route;
use broadsheet::source::{Catalogue, DataSource};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

/// The catalogue the pages were last built from, in the dist (it holds only what the site shows).
pub const STATE: &str = ".broadsheet-sync.json";
/// Where a sync writes its pages before they are swapped in.
const STAGING: &str = ".broadsheet-sync-staging";

#[derive(Serialize, Deserialize)]
struct State {
    /// Of the page shell and config.json: the pages of another build show other things.
    build: String,
    /// When the catalogue was read, in seconds since 1970.
    read_at: u64,
    catalogue: Catalogue,
}

/// The source's catalogue, for a source that has one (WordPress).
pub fn catalogue(built: &Built) -> Result<Option<Catalogue>, String> {
    match &built.source {
        DataSource::WordPress(wordpress) => futures::executor::block_on(wordpress.catalogue())
            .map(Some)
            .map_err(|error| format!("{}: {error}", built.source_url)),
        DataSource::Static(..) => Ok(None),
    }
}

/// Keeps `catalogue` as what the pages in `dist` were built from.
pub fn remember(built: &Built, dist: &Path, catalogue: Catalogue) -> Result<(), String> {
    let state = State {
        build: build_of(built),
        read_at: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_secs()),
        catalogue,
    };
    let file = dist.join(STATE);
    let aside = dist.join(format!("{STATE}.new"));
    std::fs::write(&aside, broadsheet::json::encode(&state))
        .and_then(|()| std::fs::rename(&aside, &file))
        .map_err(|error| format!("{}: {error}", file.display()))
}

/// Removes the state (with the pages, for `--remove`).
pub fn forget(dist: &Path) -> std::io::Result<bool> {
    match std::fs::remove_file(dist.join(STATE)) {
        Ok(()) => Ok(true),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(error) => Err(error),
    }
}

fn build_of(built: &Built) -> String {
    let mut hasher = DefaultHasher::new();
    (&built.shell, &built.config_text).hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

/// The state kept in `dist`, if it is of this build; why not otherwise.
fn previous(built: &Built, dist: &Path) -> Result<State, String> {
    let file = dist.join(STATE);
    let text = std::fs::read_to_string(&file).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => "no catalogue of the last build".to_owned(),
        _ => format!("{}: {error}", file.display()),
    })?;
    let state: State = broadsheet::json::decode(&text)
        .map_err(|error| format!("{} is damaged ({})", file.display(), error.detail()))?;
    if state.build != build_of(built) {
        return Err("config.json or the page shell changed".into());
    }
    Ok(state)
}

/// `--sync`: see the module's documentation. Returns the summary line.
pub fn sync(dist: &Path, cache: Option<&Path>) -> Result<String, String> {
    let built = Built::open(dist)?;
    let failed = |problem: String| format!("{problem}; {} is as it was", dist.display());
    let Some(now) = catalogue(&built).map_err(failed)? else {
        return everything(&built, dist, cache, None, "static source").map_err(failed);
    };
    let state = match previous(&built, dist) {
        Ok(state) => state,
        Err(why) => return everything(&built, dist, cache, Some(now), &why).map_err(failed),
    };
    let per_page = match &built.config.source {
        SourceConfig::WordPress(wordpress) => wordpress.per_page,
        SourceConfig::Static { .. } => unreachable!("a static source has no catalogue"),
    };
    let changes = changes::between(&state.catalogue, &now, per_page).map_err(failed)?;
    if changes.everything {
        return everything(&built, dist, cache, Some(now), "the site's name changed")
            .map_err(failed);
    }
    let posts = format!(
        "{} new, {} changed, {} gone, {} moved of {} posts",
        changes.added,
        changes.changed,
        changes.gone,
        changes.moved.len(),
        now.posts.len()
    );
    if changes.is_empty() {
        if state.catalogue != now {
            remember(&built, dist, now)?;
        }
        return Ok(format!("up to date ({posts})"));
    }
    let index = built.read_index().map_err(failed)?;
    let rendered = render_aside(&built, dist, &index, &changes.render, None).map_err(failed)?;
    // The new pages are in place: now the old ones go.
    let mut removed = 0;
    for route in &changes.remove {
        removed += usize::from(remove_page(dist, route).map_err(failed)?);
    }
    for tag in &changes.gone_tags {
        let feed = Route::tag(tag).feed_path().unwrap_or_default();
        let folder = pages::file_for(dist, &feed);
        if let Some(folder) = folder.parent().filter(|folder| folder.is_dir()) {
            std::fs::remove_dir_all(folder)
                .and_then(|()| pages::remove_empty_folders(folder.parent(), dist))
                .map_err(|error| failed(format!("{}: {error}", folder.display())))?;
        }
    }
    let public = |route: Route| {
        format!(
            "{}{}",
            built.shell.public_url().trim_end_matches('/'),
            route.path()
        )
    };
    let moved: Vec<(String, String)> = changes
        .moved
        .iter()
        .map(|(from, to)| {
            (
                public(Route::Article(from.clone())),
                public(Route::Article(to.clone())),
            )
        })
        .collect();
    let gone: HashSet<String> = changes.remove.iter().cloned().map(public).collect();
    let pages: HashSet<String> = index.routes().into_iter().map(public).collect();
    redirects::write(dist, &moved, &gone, &pages)
        .map_err(|error| failed(format!("{}: {error}", redirects::FILE)))?;
    remember(&built, dist, now)?;
    Ok(format!(
        "synced from {}: {posts}; {rendered} pages rendered, {removed} removed",
        built.source_url
    ))
}

/// Renders every page (those whose content is unchanged are taken from `cache`), swaps them in,
/// and removes the prerendered pages that are no longer the site's; keeps `catalogue`.
fn everything(
    built: &Built,
    dist: &Path,
    cache: Option<&Path>,
    catalogue: Option<Catalogue>,
    why: &str,
) -> Result<String, String> {
    let index = built.read_index()?;
    let routes = index.routes();
    let cache = cache.map(|cache| built.cache_in(cache)).transpose()?;
    let rendered = render_aside(built, dist, &index, &routes, cache.as_deref())?;
    let current: HashSet<PathBuf> = routes
        .iter()
        .map(|route| pages::file_for(dist, &route.path()))
        .collect();
    let mut removed = 0;
    for page in pages::prerendered(dist).map_err(|error| format!("{}: {error}", dist.display()))? {
        if !current.contains(&page) {
            std::fs::remove_file(&page)
                .and_then(|()| pages::remove_empty_folders(page.parent(), dist))
                .map_err(|error| format!("{}: {error}", page.display()))?;
            removed += 1;
        }
    }
    if let Some(catalogue) = catalogue {
        remember(built, dist, catalogue)?;
    }
    Ok(format!(
        "every page of {} ({why}): {} pages, {rendered} rendered, {removed} removed",
        built.source_url,
        routes.len()
    ))
}

/// Renders the pages of `routes` and the site files (sitemap, robots.txt, feeds) into a folder
/// aside, then renames each into `dist`. Returns how many pages were rendered.
fn render_aside(
    built: &Built,
    dist: &Path,
    index: &files::SiteIndex,
    routes: &[Route],
    cache: Option<&Path>,
) -> Result<usize, String> {
    let staging = dist.join(STAGING);
    let clear = |folder: &Path| match std::fs::remove_dir_all(folder) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("{}: {error}", folder.display()))
        }
        _ => Ok(()),
    };
    clear(&staging)?;
    let build = incremental::build_fingerprint(&built.shell, &built.config_text);
    let written = pages::write(
        index,
        routes,
        &built.source,
        build,
        (&staging, &built.shell, &built.deployment, &built.transport),
        cache,
    )
    .and_then(|written| {
        files::write(index, &staging)
            .map(|_| written)
            .map_err(|error| format!("{}: {error}", staging.display()))
    });
    let written = match written {
        Ok(written) => written,
        Err(problem) => {
            clear(&staging)?;
            return Err(problem);
        }
    };
    swap_in(&staging, &staging, dist).map_err(|error| format!("{}: {error}", dist.display()))?;
    clear(&staging)?;
    Ok(written.rendered)
}

/// Renames every file under `folder` (below `staging`) to the same place in `dist`.
fn swap_in(staging: &Path, folder: &Path, dist: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        if path.is_dir() {
            swap_in(staging, &path, dist)?;
        } else {
            let target = dist.join(path.strip_prefix(staging).unwrap_or(&path));
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::rename(&path, &target)?;
        }
    }
    Ok(())
}

/// Removes the page of `route`, and the folders it leaves empty; whether it was there.
fn remove_page(dist: &Path, route: &Route) -> Result<bool, String> {
    let file = pages::file_for(dist, &route.path());
    match std::fs::remove_file(&file) {
        Ok(()) => pages::remove_empty_folders(file.parent(), dist)
            .map(|()| true)
            .map_err(|error| format!("{}: {error}", file.display())),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(error) => Err(format!("{}: {error}", file.display())),
    }
}
