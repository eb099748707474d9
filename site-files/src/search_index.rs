//! The search index of the prerendered pages, `pagefind/`, built by Pagefind (the npm package
//! `pagefind`, which ships its binary). The search page's script
//! (islands/search.js) reads it. Pagefind reads each article's `data-pagefind-body` element only
//! (src/pages/article.rs), so listings, the ticker and comments are not searched.

use broadsheet::model::Route;
use std::path::Path;
use std::process::Command;

/// The index's folder in the dist, where the search page asks for it.
fn folder() -> &'static str {
    Route::SEARCH_INDEX_PATH.trim_matches('/')
}

/// Where a new index is written before it replaces the old one: a reader searching meanwhile
/// reads the old index whole.
const STAGING: &str = ".pagefind-new";

/// The Pagefind command: `BROADSHEET_PAGEFIND`; else the one `npm ci` installed beside this
/// program's sources (scripts/setup), whatever PATH a hook or a CI job runs it with; else
/// `pagefind` on PATH.
fn pagefind() -> String {
    if let Ok(named) = std::env::var("BROADSHEET_PAGEFIND") {
        return named;
    }
    let installed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../node_modules/.bin/pagefind");
    match installed.is_file() {
        true => installed.to_string_lossy().into_owned(),
        false => "pagefind".to_owned(),
    }
}

/// Indexes every prerendered page of `dist` as one index in `language` (the site's, whatever
/// each page's own: a reader searches the whole site from any page), aside, then swaps it in.
/// Returns what it did, for the summary.
pub fn write(dist: &Path, language: &str) -> Result<String, String> {
    let staging = dist.join(STAGING);
    let run = Command::new(pagefind())
        .arg("--site")
        .arg(dist)
        .arg("--output-path")
        .arg(&staging)
        .arg("--force-language")
        .arg(language)
        .output()
        .map_err(|error| match error.kind() {
            std::io::ErrorKind::NotFound => format!(
                "no search index: {} was not found (npm ci installs it; BROADSHEET_PAGEFIND names another)",
                pagefind()
            ),
            _ => format!("no search index: {}: {error}", pagefind()),
        })?;
    if !run.status.success() {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(format!(
            "no search index: pagefind failed ({}):\n{}{}",
            run.status,
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&run.stderr)
        ));
    }
    let index = dist.join(folder());
    let old = dist.join(".pagefind-old");
    let place = || -> std::io::Result<()> {
        if index.exists() {
            std::fs::rename(&index, &old)?;
        }
        std::fs::rename(&staging, &index)?;
        if old.exists() {
            std::fs::remove_dir_all(&old)?;
        }
        Ok(())
    };
    place().map_err(|error| format!("no new search index: {}: {error}", index.display()))?;
    let pages = String::from_utf8_lossy(&run.stdout)
        .lines()
        .find_map(|line| {
            line.trim()
                .strip_prefix("Indexed ")?
                .strip_suffix(" pages")
                .map(str::to_owned)
        })
        .unwrap_or_else(|| "its".to_owned());
    Ok(format!("a search index of {pages} pages"))
}

/// Removes the index: it lists what the pages showed, wrong once the site reads another source.
pub fn remove(dist: &Path) -> std::io::Result<Option<String>> {
    let index = dist.join(folder());
    if !index.is_dir() {
        return Ok(None);
    }
    std::fs::remove_dir_all(&index)?;
    Ok(Some(format!("{}/", folder())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_pagefind_is_named_and_leaves_the_old_index() {
        let dist = tempfile::tempdir().unwrap();
        std::fs::create_dir(dist.path().join(folder())).unwrap();
        std::env::set_var("BROADSHEET_PAGEFIND", "/nonexistent/pagefind");
        let problem = write(dist.path(), "en").unwrap_err();
        std::env::remove_var("BROADSHEET_PAGEFIND");
        assert!(
            problem.contains("/nonexistent/pagefind was not found"),
            "{problem}"
        );
        assert!(dist.path().join(folder()).is_dir());
    }
}
