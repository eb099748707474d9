//! `broadsheet-site-files --check-data DIR`: reads a folder of static data (docs/data-format.md)
//! the way the site reads it, with the app's own decoders, and lists every problem: a file that
//! does not decode, a page or article that a listing names and that is missing, a picture that is
//! not in the folder. The format has one owner, the app; a generator of data (such as
//! `scripts/sample_data.py`) only writes the files and has them checked here.

use crate::folder::FolderTransport;
use broadsheet::config::parse_config;
use broadsheet::model::{Image, Slug, Taxonomy};
use broadsheet::source::DataSource;
use std::path::Path;
use std::sync::Arc;

/// Stands for the folder's address while it is read.
const FOLDER_URL: &str = "https://site.invalid/data/";

/// Every problem with the data in `dir`, each naming its file; none when the site can show it all.
pub fn check_data(dir: &Path) -> Result<Vec<String>, String> {
    let config = parse_config(
        r#"{"source": {"kind": "static", "url": "data/"}}"#,
        "https://site.invalid/",
    )
    .map_err(|error| error.to_string())?;
    // Nothing but the folder: an address outside it is a problem, not a request.
    let nowhere = Arc::new(FolderTransport::new(FOLDER_URL, dir, Arc::new(Nowhere)));
    let source = DataSource::from_config(&config, nowhere);
    let on_disk = Files::in_folder(dir)?;
    Ok(futures::executor::block_on(read_all(
        &source, &on_disk, dir,
    )))
}

/// The data files in the folder, by kind.
#[derive(Default)]
struct Files {
    index_pages: Vec<u32>,
    articles: Vec<Slug>,
    comments: Vec<Slug>,
    /// Of tags and sections.
    term_pages: Vec<(Taxonomy, Slug, u32)>,
    author_pages: Vec<(Slug, u32)>,
}

impl Files {
    fn in_folder(dir: &Path) -> Result<Self, String> {
        let names = |folder: &str| -> Result<Vec<String>, String> {
            let path = dir.join(folder);
            if !path.is_dir() {
                return Ok(Vec::new());
            }
            let mut names = std::fs::read_dir(&path)
                .map_err(|error| format!("{}: {error}", path.display()))?
                .filter_map(|entry| entry.ok())
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .collect::<Vec<_>>();
            names.sort();
            Ok(names)
        };
        let page = |name: &str| {
            name.strip_prefix("page-")
                .and_then(|rest| rest.strip_suffix(".json"))
                .and_then(|number| number.parse::<u32>().ok())
        };
        let slug = |name: &str| name.strip_suffix(".json").and_then(|s| Slug::parse(s).ok());
        let mut files = Self {
            index_pages: names("index")?
                .iter()
                .filter_map(|name| page(name))
                .collect(),
            articles: names("articles")?
                .iter()
                .filter_map(|name| slug(name))
                .collect(),
            comments: names("comments")?
                .iter()
                .filter_map(|name| slug(name))
                .collect(),
            ..Self::default()
        };
        // (owner, page number) of each listing file of `folder`.
        let listings = |folder: &str| -> Result<Vec<(Slug, u32)>, String> {
            let mut pages = Vec::new();
            for name in names(folder)? {
                let Ok(owner) = Slug::parse(&name) else {
                    continue;
                };
                for file in names(&format!("{folder}/{name}"))? {
                    pages.extend(page(&file).map(|number| (owner.clone(), number)));
                }
            }
            Ok(pages)
        };
        for taxonomy in Taxonomy::ALL {
            for (owner, number) in listings(taxonomy.static_folder())? {
                files.term_pages.push((taxonomy, owner, number));
            }
        }
        files.author_pages = listings("authors")?;
        Ok(files)
    }
}

async fn read_all(source: &DataSource, on_disk: &Files, dir: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let mut note = |result: Result<(), broadsheet::error::DataError>| {
        if let Err(error) = result {
            problems.push(error.to_string());
        }
    };
    note(source.site().await.map(drop));
    note(source.ticker(u32::MAX, false).await.map(drop));
    let mut cards = Vec::new();
    let pages = source.home(1).await.map_or(1, |first| first.total_pages);
    for page in (1..=pages).chain(on_disk.index_pages.iter().copied().filter(|p| *p > pages)) {
        note(
            source
                .home(page)
                .await
                .map(|listing| cards.extend(listing.articles)),
        );
    }
    let mut slugs: Vec<Slug> = cards.iter().map(|card| card.slug.clone()).collect();
    slugs.extend(on_disk.articles.iter().cloned());
    slugs.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    slugs.dedup();
    let mut pictures: Vec<Image> = Vec::new();
    for slug in &slugs {
        note(source.article(slug).await.map(|article| {
            pictures.extend(article.image);
            pictures.extend(article.author.avatar);
        }));
    }
    for slug in &on_disk.comments {
        note(source.comments(slug, false).await.map(drop));
    }
    for (taxonomy, term, page) in &on_disk.term_pages {
        note(source.term_page(*taxonomy, term, *page).await.map(drop));
    }
    for (author, page) in &on_disk.author_pages {
        note(source.author_page(author, *page).await.map(drop));
    }
    pictures.sort_by(|a, b| a.url.cmp(&b.url));
    pictures.dedup_by(|a, b| a.url == b.url);
    for picture in pictures {
        let Some(path) = picture.url.strip_prefix(FOLDER_URL) else {
            continue;
        };
        let file = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
        if !dir.join(file.as_ref()).is_file() {
            problems.push(format!(
                "{path} is named as a picture but is not in the folder"
            ));
        }
    }
    problems
}

/// A transport for addresses outside the folder: there are none in a folder of data.
struct Nowhere;

impl broadsheet::source::Transport for Nowhere {
    fn send<'a>(
        &'a self,
        request: broadsheet::source::HttpRequest<'a>,
        _timeout_ms: u32,
    ) -> futures::future::LocalBoxFuture<
        'a,
        Result<broadsheet::source::HttpResponse, broadsheet::source::TransportError>,
    > {
        let url = request.url.to_owned();
        Box::pin(async move {
            Err(broadsheet::source::TransportError::Network(format!(
                "{url} is outside the data folder"
            )))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A copy of the sample data, with `damage` done to it.
    fn sample_with(damage: impl FnOnce(&Path)) -> (tempfile::TempDir, Vec<String>) {
        let copy = tempfile::tempdir().unwrap();
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/data");
        copy_folder(&sample, copy.path());
        damage(copy.path());
        let problems = check_data(copy.path()).unwrap();
        (copy, problems)
    }

    fn replace_in(file: &Path, from: &str, to: &str) {
        let text = std::fs::read_to_string(file).unwrap();
        assert!(text.contains(from), "{} has no {from}", file.display());
        std::fs::write(file, text.replacen(from, to, 1)).unwrap();
    }

    #[test]
    fn the_sample_data_has_no_problem() {
        let (_copy, problems) = sample_with(|_| {});
        assert_eq!(problems, Vec::<String>::new());
    }

    /// Times that Python's `fromisoformat` reads and the app does not: the generator once wrote them.
    #[test]
    fn times_without_a_colon_in_the_offset_or_without_seconds_are_problems() {
        for time in ["2026-11-03T08:30:00+0200", "2026-11-03T08:30Z"] {
            let (_copy, problems) = sample_with(|dir| {
                let article = dir.join("articles/harbour-redevelopment-explained.json");
                let text = std::fs::read_to_string(&article).unwrap();
                let published = text.split("\"published\":").nth(1).unwrap();
                let value = published.split('"').nth(1).unwrap().to_owned();
                replace_in(&article, &value, time);
            });
            assert!(
                problems.iter().any(|problem| problem
                    .contains("articles/harbour-redevelopment-explained.json")
                    && problem.contains("published")),
                "{time}: {problems:?}"
            );
        }
    }

    #[test]
    fn a_missing_article_or_picture_is_a_problem() {
        let (_copy, problems) = sample_with(|dir| {
            std::fs::remove_file(dir.join("articles/ferry-engine-fault.json")).unwrap();
            std::fs::remove_file(dir.join("media/images/harbour.svg")).unwrap();
        });
        assert!(
            problems
                .iter()
                .any(|problem| problem.contains("ferry-engine-fault")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|problem| problem.contains("media/images/harbour.svg")),
            "{problems:?}"
        );
    }

    fn copy_folder(from: &Path, to: &Path) {
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            let target = to.join(path.file_name().unwrap());
            if path.is_dir() {
                std::fs::create_dir_all(&target).unwrap();
                copy_folder(&path, &target);
            } else {
                std::fs::copy(&path, &target).unwrap();
            }
        }
    }
}
