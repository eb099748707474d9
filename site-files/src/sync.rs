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
//!
//! What readers look for first goes first: the changed articles, the first page of each listing
//! they are on, the feeds, the sitemap and latest.json are swapped in together. The pages whose
//! change can wait (the later pages of a listing, whose articles shift by one with every new
//! post, and articles whose author card counts one more) follow, [`LATER_BATCH`] at a time, each
//! batch swapped in as it is done. They are kept in the state until they are, so a sync that
//! stops between batches (a failure, or [`YIELD_ENV`]'s file: a newer change is waiting) leaves
//! them to the next.

mod changes;

use crate::{files, pages, redirects, Built};
use broadsheet::config::SourceConfig;
use broadsheet::error::DataError;
use broadsheet::model::Route;
use broadsheet::source::{Catalogue, DataSource};
use futures::FutureExt;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

/// The catalogue the pages were last built from, in the dist (it holds only what the site shows).
pub const STATE: &str = ".broadsheet-sync.json";
/// Where a sync writes its pages before they are swapped in.
const STAGING: &str = ".broadsheet-sync-staging";
/// How many of the pages that can wait are swapped in at once.
const LATER_BATCH: usize = 100;
/// Names a file that, once it exists, asks a sync to stop after its batch of later pages: a
/// receiver of build hooks (broadsheet-hook) creates it when a newer change is waiting.
pub const YIELD_ENV: &str = "BROADSHEET_HOOK_WAITING";

/// The state file: `Catalogue` as it is read, `&Catalogue` as it is written.
#[derive(Serialize, Deserialize)]
struct State<C = Catalogue> {
    /// Of the page shell and config.json: the pages of another build show other things.
    build: String,
    /// When the catalogue was read, in seconds since 1970.
    read_at: u64,
    catalogue: C,
    /// The paths of the pages that still show an earlier catalogue: the later pages of a sync
    /// that stopped before it had rendered them.
    #[serde(default)]
    later: Vec<String>,
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

/// Keeps `catalogue` as what the pages in `dist` were built from, but for those of `later`.
pub fn remember(
    built: &Built,
    dist: &Path,
    catalogue: &Catalogue,
    later: &[Route],
) -> Result<(), String> {
    let state = State {
        build: build_of(built),
        read_at: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_secs()),
        catalogue,
        later: later.iter().map(Route::path).collect(),
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
    let started = std::time::Instant::now();
    let built = Built::open(dist)?;
    let failed = |problem: String| format!("{problem}; {} is as it was", dist.display());
    let (DataSource::WordPress(wordpress), SourceConfig::WordPress(config)) =
        (&built.source, &built.config.source)
    else {
        return everything(&built, dist, cache, None, "static source").map_err(failed);
    };
    let read = |catalogue: Result<Catalogue, DataError>| {
        catalogue.map_err(|error| failed(format!("{}: {error}", built.source_url)))
    };
    let state = match previous(&built, dist) {
        Ok(state) => state,
        Err(why) => {
            let now = read(futures::executor::block_on(wordpress.catalogue()))?;
            return everything(&built, dist, cache, Some(now), &why).map_err(failed);
        }
    };
    let now = read(futures::executor::block_on(
        wordpress.catalogue_since(&state.catalogue),
    ))?;
    let changes = changes::between(&state.catalogue, &now, config.per_page).map_err(failed)?;
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
    if changes.is_empty() && state.later.is_empty() {
        if state.catalogue != now {
            remember(&built, dist, &now, &[])?;
        }
        return Ok(format!("up to date ({posts})"));
    }
    // The tags and sections whose pages change, by their first pages: their feeds are written
    // again.
    let terms: HashSet<Route> = changes
        .render
        .iter()
        .chain(&changes.later)
        .filter(|route| matches!(route, Route::Term { .. }))
        .map(|route| route.with_page(1))
        .collect();
    let index = futures::executor::block_on(files::SiteIndex::from_catalogue(
        &built.source,
        &now,
        config.per_page,
        |first| terms.contains(first),
        files::build_time().map_err(failed)?,
    ))
    .map_err(|error| failed(format!("{}: {error}", built.source_url)))?;
    let rendered =
        render_aside(&built, dist, &index, &changes.render, None, true).map_err(failed)?;
    // The new pages are in place: now the old ones go. What fails from here on is done by the
    // next sync, which finds the same changes (the state is kept last).
    let failed = |problem: String| {
        format!("{problem}; the new pages are in place, and the next sync finishes the rest")
    };
    let routes = index.routes();
    let removed = take_away(&built, dist, &changes, &routes).map_err(failed)?;
    let first_in_place = started.elapsed().as_secs_f64();
    let search = crate::search_index(dist, &index);

    // The pages that can wait: this sync's, then those an earlier one left, each once and only
    // if the site still has it.
    let first: HashSet<String> = changes.render.iter().map(Route::path).collect();
    let current: HashSet<String> = routes.iter().map(Route::path).collect();
    let mut seen = HashSet::new();
    let later: Vec<Route> = changes
        .later
        .iter()
        .cloned()
        .chain(state.later.iter().filter_map(|path| Route::parse(path)))
        .filter(|route| {
            let path = route.path();
            current.contains(&path) && !first.contains(&path) && seen.insert(path)
        })
        .collect();
    remember(&built, dist, &now, &later)?;
    let (later_rendered, left) = render_later(&built, dist, &index, &now, later)?;
    let left = if left == 0 {
        String::new()
    } else {
        format!(", {left} left for the next sync")
    };
    Ok(format!(
        "synced from {}: {posts}; {} pages rendered, {removed} removed{left} \
         (the first {rendered} in place after {first_in_place:.2} s); {search}",
        built.source_url,
        rendered + later_rendered
    ))
}

/// Removes the pages and feeds that `changes` says are gone, and writes `_redirects` for the
/// pages that moved, given the site's `routes` now. Returns how many pages it removed.
fn take_away(
    built: &Built,
    dist: &Path,
    changes: &changes::Changes,
    routes: &[Route],
) -> Result<usize, String> {
    let mut removed = 0;
    for route in &changes.remove {
        removed += usize::from(remove_page(dist, route)?);
    }
    for term in &changes.gone_terms {
        let feed = term.feed_path().unwrap_or_default();
        let folder = pages::file_for(dist, &feed);
        if let Some(folder) = folder.parent().filter(|folder| folder.is_dir()) {
            std::fs::remove_dir_all(folder)
                .and_then(|()| pages::remove_empty_folders(folder.parent(), dist))
                .map_err(|error| format!("{}: {error}", folder.display()))?;
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
    let pages: HashSet<String> = routes.iter().cloned().map(public).collect();
    redirects::write(dist, &moved, &gone, &pages)
        .map_err(|error| format!("{}: {error}", redirects::FILE))?;
    Ok(removed)
}

/// Renders the pages of `later` and swaps them in, [`LATER_BATCH`] at a time, keeping in the
/// state those not yet done; stops early when [`YIELD_ENV`] asks. Returns how many were rendered
/// and how many are left.
fn render_later(
    built: &Built,
    dist: &Path,
    index: &files::SiteIndex,
    catalogue: &Catalogue,
    mut later: Vec<Route>,
) -> Result<(usize, usize), String> {
    let yield_file = std::env::var_os(YIELD_ENV).map(PathBuf::from);
    let mut rendered = 0;
    while !later.is_empty() {
        if yield_file.as_deref().is_some_and(Path::exists) {
            break;
        }
        let batch: Vec<Route> = later.drain(..later.len().min(LATER_BATCH)).collect();
        rendered += render_aside(built, dist, index, &batch, None, false).map_err(|problem| {
            format!("{problem}; the first pages are in place, the next sync renders the rest")
        })?;
        remember(built, dist, catalogue, &later)?;
    }
    Ok((rendered, later.len()))
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
    let rendered = render_aside(built, dist, &index, &routes, cache.as_deref(), true)?;
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
        remember(built, dist, &catalogue, &[])?;
    }
    Ok(format!(
        "every page of {} ({why}): {} pages, {rendered} rendered, {removed} removed; {}",
        built.source_url,
        routes.len(),
        crate::search_index(dist, &index)
    ))
}

/// Renders the pages of `routes` (those whose content is unchanged are taken from `cache`), and
/// with `site_files` the sitemap, robots.txt, latest.json and the feeds, into a folder aside, then
/// renames each into `dist`. Returns how many pages were rendered.
fn render_aside(
    built: &Built,
    dist: &Path,
    index: &files::SiteIndex,
    routes: &[Route],
    cache: Option<&Path>,
    site_files: bool,
) -> Result<usize, String> {
    let staging = dist.join(STAGING);
    let clear = |folder: &Path| match std::fs::remove_dir_all(folder) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("{}: {error}", folder.display()))
        }
        _ => Ok(()),
    };
    clear(&staging)?;
    for route in routes {
        answered(&built.source, route)?;
    }
    let strings = built.strings()?;
    let build = built.fingerprint(&strings);
    let written = pages::write(
        index,
        routes,
        &built.source,
        build,
        (&staging, &built.shell, &built.deployment, &built.transport),
        cache,
    )
    .and_then(|written| {
        if !site_files {
            return Ok(written);
        }
        files::write(index, &staging).map_err(|error| format!("{}: {error}", staging.display()))?;
        pages::write_app_shell(&index.site, &strings, dist, &staging)?;
        pages::write_ticker_embeds(
            &built.shell,
            &built.deployment,
            &index.site.base_url,
            &built.transport,
            &staging,
        )?;
        Ok(written)
    });
    let written = match written {
        Ok(written) => written,
        Err(problem) => {
            clear(&staging)?;
            return Err(problem);
        }
    };
    swap_in(&staging, &staging, dist)
        .and_then(|()| {
            // A sitemap of fewer parts than before leaves the later ones behind.
            if site_files {
                files::prune_sitemaps(dist, files::sitemap_parts(index))?;
            }
            Ok(())
        })
        .map_err(|error| format!("{}: {error}", dist.display()))?;
    clear(&staging)?;
    Ok(written.rendered)
}

/// Whether the source answered what the page of `route` shows (the answers are at hand: the
/// transport keeps them for the page's rendering). A page drawn from an error, such as WordPress
/// failing half-way through a sync, must not replace the one that was served.
pub fn answered(source: &DataSource, route: &Route) -> Result<(), String> {
    let path = route.path();
    let shown = |answer: Option<Result<(), DataError>>| match answer {
        Some(Ok(())) => Ok(()),
        Some(Err(error)) => Err(format!("{path}: {error}")),
        None => Err(format!("{path}: its data was not at hand")),
    };
    shown(source.site().map(|site| site.map(drop)).now_or_never())?;
    shown(match route {
        Route::Home { page: 1 } => source
            .front_page()
            .map(|page| page.map(drop))
            .now_or_never(),
        Route::Home { page } => source.home(*page).map(|page| page.map(drop)).now_or_never(),
        Route::Term {
            taxonomy,
            slug,
            page,
        } => source
            .term_page(*taxonomy, slug, *page)
            .map(|page| page.map(drop))
            .now_or_never(),
        Route::Author { slug, page } => source
            .author_page(slug, *page)
            .map(|page| page.map(drop))
            .now_or_never(),
        Route::Article(slug) => {
            shown(
                source
                    .article(slug)
                    .map(|article| article.map(drop))
                    .now_or_never(),
            )?;
            source
                .comments(slug, false)
                .map(|comments| comments.map(drop))
                .now_or_never()
        }
        // It shows the site alone.
        Route::Search => Some(Ok(())),
    })
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
