//! Every page of the site prerendered to `<path>/index.html`, so a static host serves it as
//! HTML that reads without scripts, and the app hydrates it.

use crate::files::SiteIndex;
use crate::incremental::{content_fingerprint, Manifest, Route};
use broadsheet::prerender::{render_page, PrerenderError, Shell};
use broadsheet::source::{DataSource, SharedTransport};
use broadsheet::Deployment;
use std::path::{Path, PathBuf};

/// Every page: its site path and route. The home page and its pages, each tag and author with
/// their pages, each article.
pub fn pages(index: &SiteIndex) -> Vec<(String, Route)> {
    fn listing(
        path: String,
        pages: u32,
        route: impl Fn(u32) -> Route,
    ) -> impl Iterator<Item = (String, Route)> {
        (1..=pages).map(move |page| match page {
            1 => (path.clone(), route(1)),
            _ => (format!("{path}page/{page}/"), route(page)),
        })
    }
    let mut pages: Vec<_> = listing("/".into(), index.home_pages, Route::Home).collect();
    for (tag, count, _) in &index.tags {
        pages.extend(listing(tag.path(), *count, |page| {
            Route::Tag(tag.slug.clone(), page)
        }));
    }
    for (author, count) in &index.authors {
        pages.extend(listing(author.path(), *count, |page| {
            Route::Author(author.slug.clone(), page)
        }));
    }
    pages.extend(
        index
            .articles
            .iter()
            .map(|card| (card.path(), Route::Article(card.slug.clone()))),
    );
    pages
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

/// Renders and writes every page. With a `cache` folder, a page that shows the same content as at
/// the last build there is copied from it rather than rendered again.
pub fn write(
    index: &SiteIndex,
    source: &DataSource,
    build: u64,
    site: (&Path, &Shell, &Deployment, &SharedTransport),
    cache: Option<&Path>,
) -> Result<Written, String> {
    let (dist, shell, deployment, transport) = site;
    let previous = cache.map(|cache| Manifest::read(cache, build));
    let mut manifest = Manifest::new(build);
    let pages = pages(index);
    let mut rendered = 0;
    for (path, route) in &pages {
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
