//! Every page of the site prerendered to `<path>/index.html`, so a static host serves it as
//! HTML that reads without scripts, and the app hydrates it.

use crate::files::SiteIndex;
use broadsheet::model::percent_decode;
use broadsheet::prerender::{render_page, PrerenderError, Shell};
use broadsheet::source::SharedTransport;
use broadsheet::Deployment;
use std::path::{Path, PathBuf};

/// The site path of every page: the home page and its pages, each article, each tag and
/// author with their pages.
pub fn paths(index: &SiteIndex) -> Vec<String> {
    let listing = |path: String, pages: u32| {
        let later = (2..=pages).map({
            let path = path.clone();
            move |page| format!("{path}page/{page}/")
        });
        std::iter::once(path).chain(later)
    };
    let mut paths: Vec<String> = listing("/".into(), index.home_pages).collect();
    for (tag, pages, _) in &index.tags {
        paths.extend(listing(tag.path(), *pages));
    }
    for (author, pages) in &index.authors {
        paths.extend(listing(author.path(), *pages));
    }
    paths.extend(index.articles.iter().map(|card| card.path()));
    paths
}

/// The file a site path is served from: slugs in other scripts are percent-encoded in paths
/// and spelled out in file names, as static servers decode them.
pub fn file_for(dist: &Path, path: &str) -> PathBuf {
    let decoded = String::from_utf8_lossy(&percent_decode(path)).into_owned();
    dist.join(decoded.trim_start_matches('/'))
        .join("index.html")
}

/// Renders and writes every page; returns how many.
pub fn write(
    index: &SiteIndex,
    dist: &Path,
    shell: &Shell,
    deployment: &Deployment,
    transport: &SharedTransport,
) -> Result<usize, String> {
    let paths = paths(index);
    for path in &paths {
        let page = render_page(
            shell,
            deployment,
            &index.site.base_url,
            transport.clone(),
            path,
        )
        .map_err(|error: PrerenderError| format!("{path}: {error}"))?;
        let file = file_for(dist, path);
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder).map_err(|error| format!("{path}: {error}"))?;
        }
        std::fs::write(&file, page.html).map_err(|error| format!("{}: {error}", file.display()))?;
    }
    Ok(paths.len())
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
