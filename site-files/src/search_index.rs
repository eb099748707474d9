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

/// How many articles one part of the index holds. Pagefind keeps all it indexes in memory until it
/// writes: a part of this size keeps a build of any size within a small machine's memory.
/// `BROADSHEET_SEARCH_PART` sets another.
const PART_SIZE: usize = 10_000;

/// The list of the index's further parts, in its folder, which the search page's script merges
/// with the first (islands/search.js): `{"parts": ["part-2/", …]}`.
pub const PARTS_FILE: &str = "parts.json";

/// Where the pages of one part are gathered (as hard links) for Pagefind to read.
const GATHERED: &str = ".pagefind-pages";

fn part_size() -> Result<usize, String> {
    match std::env::var("BROADSHEET_SEARCH_PART") {
        Ok(text) => text
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|size| *size > 0)
            .ok_or_else(|| format!("BROADSHEET_SEARCH_PART={text:?} is not a number of articles")),
        Err(_) => Ok(PART_SIZE),
    }
}

/// The folder of the `number`th part (from 1) within the index: the first is the index itself.
fn part_folder(number: usize) -> String {
    match number {
        1 => String::new(),
        number => format!("part-{number}/"),
    }
}

/// Indexes the pages of `articles` in `language` (the site's, whatever each page's own: a reader
/// searches the whole site from any page), in parts of [`PART_SIZE`] one after another, aside;
/// then swaps the whole index in. Returns what it did, for the summary.
pub fn write(dist: &Path, language: &str, articles: &[Route]) -> Result<String, String> {
    let staging = dist.join(STAGING);
    let gathered = dist.join(GATHERED);
    let result = write_parts(dist, language, articles, &staging, &gathered);
    let _ = std::fs::remove_dir_all(&gathered);
    let pages = match result {
        Ok(pages) => pages,
        Err(problem) => {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(problem);
        }
    };
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
    let parts = articles.len().div_ceil(part_size()?).max(1);
    Ok(match parts {
        1 => format!("a search index of {pages} pages"),
        parts => format!("a search index of {pages} pages in {parts} parts"),
    })
}

/// Writes each part into `staging`, its pages gathered in `gathered` first; returns how many pages
/// Pagefind indexed.
fn write_parts(
    dist: &Path,
    language: &str,
    articles: &[Route],
    staging: &Path,
    gathered: &Path,
) -> Result<usize, String> {
    let failed = |what: &Path, error: std::io::Error| {
        format!("no search index: {}: {error}", what.display())
    };
    let _ = std::fs::remove_dir_all(staging);
    let mut pages = 0;
    let mut parts = Vec::new();
    let chunks: Vec<&[Route]> = match articles.len() {
        0 => vec![&[]],
        _ => articles.chunks(part_size()?).collect(),
    };
    for (at, chunk) in chunks.into_iter().enumerate() {
        let _ = std::fs::remove_dir_all(gathered);
        std::fs::create_dir_all(gathered).map_err(|error| failed(gathered, error))?;
        for route in chunk {
            let page = crate::pages::file_for(dist, &route.path());
            let link = crate::pages::file_for(gathered, &route.path());
            if let Some(folder) = link.parent() {
                std::fs::create_dir_all(folder).map_err(|error| failed(folder, error))?;
            }
            // A link costs no copy; a file system without them gets one.
            std::fs::hard_link(&page, &link)
                .or_else(|_| std::fs::copy(&page, &link).map(drop))
                .map_err(|error| failed(&page, error))?;
        }
        let folder = part_folder(at + 1);
        pages += run_pagefind(gathered, &staging.join(&folder), language)?;
        if !folder.is_empty() {
            parts.push(folder);
        }
    }
    #[derive(serde::Serialize)]
    struct Parts<'a> {
        parts: &'a [String],
    }
    let list = broadsheet::json::encode(&Parts { parts: &parts }) + "\n";
    let file = staging.join(PARTS_FILE);
    std::fs::write(&file, list).map_err(|error| failed(&file, error))?;
    Ok(pages)
}

/// Runs Pagefind over the articles in `site` (one folder each), writing its index to `output`;
/// returns how many pages it indexed.
fn run_pagefind(site: &Path, output: &Path, language: &str) -> Result<usize, String> {
    let run = Command::new(pagefind())
        .arg("--site")
        .arg(site)
        .arg("--output-path")
        .arg(output)
        .arg("--force-language")
        .arg(language)
        // The articles only: nothing else is indexed, and Pagefind reads every file it matches.
        .arg("--glob")
        .arg("*/index.html")
        .output()
        .map_err(|error| match error.kind() {
            std::io::ErrorKind::NotFound => format!(
                "no search index: {} was not found (npm ci installs it; BROADSHEET_PAGEFIND names another)",
                pagefind()
            ),
            _ => format!("no search index: {}: {error}", pagefind()),
        })?;
    if !run.status.success() {
        return Err(format!(
            "no search index: pagefind failed ({}):\n{}{}",
            run.status,
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&run.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&run.stdout)
        .lines()
        .find_map(|line| {
            line.trim()
                .strip_prefix("Indexed ")?
                .strip_suffix(" pages")?
                .parse()
                .ok()
        })
        .unwrap_or_default())
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
        let problem = write(dist.path(), "en", &[]).unwrap_err();
        std::env::remove_var("BROADSHEET_PAGEFIND");
        assert!(
            problem.contains("/nonexistent/pagefind was not found"),
            "{problem}"
        );
        assert!(dist.path().join(folder()).is_dir());
    }
}
