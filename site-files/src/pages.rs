//! Every page of the site prerendered to `<path>/index.html`, so a static host serves it as
//! HTML that reads without scripts, and the app hydrates it.

use crate::files::SiteIndex;
use crate::incremental::{content_fingerprint, Manifest};
use broadsheet::model::Route;
use broadsheet::prerender::{
    is_prerendered, render_page, render_ticker_embed, render_ticker_embed_page, PrerenderError,
    Shell, TICKER_EMBED, TICKER_EMBED_PAGE,
};
use broadsheet::source::{DataSource, SharedTransport};
use broadsheet::Deployment;
use std::path::{Path, PathBuf};

/// Removes the prerendered pages: they carry the content (and config.json) they were built from,
/// wrong once the site reads another source. The home page becomes the app's shell (`404.html`)
/// again, and the app draws every page. Returns how many it removed.
pub fn remove(dist: &Path) -> std::io::Result<usize> {
    let pages = prerendered(dist)?;
    let removed = pages.len();
    for page in pages {
        if page.parent() == Some(dist) {
            std::fs::copy(dist.join(APP_SHELL), &page)?;
        } else {
            std::fs::remove_file(&page)?;
            remove_empty_folders(page.parent(), dist)?;
        }
    }
    // Without them the embeds draw the ticker from the configured source, as the app does.
    match std::fs::remove_file(dist.join(TICKER_EMBED)) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(error),
        _ => {}
    }
    // The app draws the iframe embed's page from its shell.
    let embed_page = file_for(dist, TICKER_EMBED_PAGE);
    if let Some(folder) = embed_page.parent() {
        std::fs::create_dir_all(folder)?;
    }
    std::fs::copy(dist.join(APP_SHELL), &embed_page)?;
    Ok(removed)
}

/// The app's shell, which a static host answers every path that was not prerendered with.
pub const APP_SHELL: &str = "404.html";

/// Writes the app's shell of `dist` into `into` (`dist` itself, or a sync's folder aside) in the
/// site's language, so that a reader on a page the app draws sees its loading line, and with
/// scripts off its notice, in the language of the site.
pub fn write_app_shell(
    site: &broadsheet::model::Site,
    strings: &broadsheet::i18n::Strings,
    dist: &Path,
    into: &Path,
) -> Result<(), String> {
    let shown = |path: &Path, error: &dyn std::fmt::Display| format!("{}: {error}", path.display());
    let from = dist.join(APP_SHELL);
    let shell = std::fs::read_to_string(&from).map_err(|error| shown(&from, &error))?;
    let shell = broadsheet::prerender::app_shell(&shell, site, strings)
        .map_err(|error| shown(&from, &error))?;
    let to = into.join(APP_SHELL);
    std::fs::write(&to, shell).map_err(|error| shown(&to, &error))
}

/// Writes the ticker for other sites' pages into `into` (`dist` itself, or a sync's folder aside),
/// with the headlines the pages show: for the script embed (see [`render_ticker_embed`]), and the
/// iframe embed's page (see [`render_ticker_embed_page`]).
pub fn write_ticker_embeds(
    shell: &Shell,
    deployment: &Deployment,
    public_root: &str,
    transport: &SharedTransport,
    into: &Path,
) -> Result<(), String> {
    let script = render_ticker_embed(deployment, transport.clone());
    let page = render_ticker_embed_page(shell, deployment, public_root, transport.clone());
    for (to, written) in [
        (into.join(TICKER_EMBED), script),
        (file_for(into, TICKER_EMBED_PAGE), page),
    ] {
        let written = written.map_err(|error| format!("{}: {error}", to.display()))?;
        if let Some(folder) = to.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|error| format!("{}: {error}", folder.display()))?;
        }
        std::fs::write(&to, written).map_err(|error| format!("{}: {error}", to.display()))?;
    }
    Ok(())
}

/// The prerendered pages in `dist`: the `index.html` files that [`render_page`] wrote. Not the
/// iframe embed's, which is no page of the site's.
pub fn prerendered(dist: &Path) -> std::io::Result<Vec<PathBuf>> {
    fn walk(folder: &Path, embed: &Path, into: &mut Vec<PathBuf>) -> std::io::Result<()> {
        for entry in std::fs::read_dir(folder)? {
            let path = entry?.path();
            if path == embed {
                continue;
            }
            if path.is_dir() {
                walk(&path, embed, into)?;
            } else if path.file_name().is_some_and(|name| name == "index.html")
                && is_prerendered(&std::fs::read_to_string(&path).unwrap_or_default())
            {
                into.push(path);
            }
        }
        Ok(())
    }
    let mut pages = Vec::new();
    walk(dist, &file_for(dist, TICKER_EMBED_PAGE), &mut pages)?;
    Ok(pages)
}

/// Removes `folder` and the folders above it that are left empty, up to `dist`.
pub fn remove_empty_folders(mut folder: Option<&Path>, dist: &Path) -> std::io::Result<()> {
    while let Some(empty) = folder.filter(|folder| {
        *folder != dist
            && folder.starts_with(dist)
            && std::fs::read_dir(folder).is_ok_and(|mut entries| entries.next().is_none())
    }) {
        std::fs::remove_dir(empty)?;
        folder = empty.parent();
    }
    Ok(())
}

/// The file a site path is served from: slugs in other scripts are percent-encoded in paths
/// and spelled out in file names, as static servers decode them.
pub fn file_for(dist: &Path, path: &str) -> PathBuf {
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    dist.join(decoded.trim_start_matches('/'))
        .join("index.html")
}

/// How many pages were written, and how many of them were rendered (the others were unchanged).
pub struct Written {
    pub pages: usize,
    pub rendered: usize,
}

/// Renders and writes the pages of `routes`. With a `cache` folder, a page that shows the same content as at
/// the last build there is copied from it rather than rendered again.
pub fn write(
    index: &SiteIndex,
    pages: &[Route],
    source: &DataSource,
    build: u64,
    site: (&Path, &Shell, &Deployment, &SharedTransport),
    cache: Option<&Path>,
) -> Result<Written, String> {
    let (dist, shell, deployment, transport) = site;
    let previous = cache.map(|cache| Manifest::read(cache, build));
    let mut manifest = Manifest::new(build);
    let mut rendered = 0;
    for route in pages {
        let path = &route.path();
        let content = content_fingerprint(source, route)
            .ok_or_else(|| format!("{path}: its data could not be read"))?;
        let unchanged = cache
            .zip(previous.as_ref())
            .and_then(|(cache, previous)| previous.unchanged(cache, path, content));
        let html = match unchanged {
            Some(html) => {
                manifest.record(path, content);
                html
            }
            None => {
                rendered += 1;
                let html = render_page(
                    shell,
                    deployment,
                    &index.site.base_url,
                    transport.clone(),
                    path,
                )
                .map_err(|error: PrerenderError| format!("{path}: {error}"))?;
                if let Some(cache) = cache {
                    manifest
                        .keep(cache, path, content, &html)
                        .map_err(|error| format!("{}: {error}", cache.display()))?;
                }
                html
            }
        };
        let file = file_for(dist, path);
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder).map_err(|error| format!("{path}: {error}"))?;
        }
        std::fs::write(&file, html).map_err(|error| format!("{}: {error}", file.display()))?;
    }
    if let Some(cache) = cache {
        manifest
            .write(cache)
            .map_err(|error| format!("{}: {error}", cache.display()))?;
    }
    Ok(Written {
        pages: pages.len(),
        rendered,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_of_other_scripts_are_files_in_their_letters() {
        assert_eq!(
            file_for(Path::new("dist"), "/%D8%A7%D9%84%D9%85/"),
            Path::new("dist/الم/index.html")
        );
        assert_eq!(
            file_for(Path::new("dist"), "/"),
            Path::new("dist/index.html")
        );
    }
}
