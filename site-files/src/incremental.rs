//! What each page was built from last time, so that a rebuild renders only the pages whose data
//! changed. Trunk builds into a fresh folder each time, so the pages are kept in a cache folder
//! beside the manifest and copied from there when nothing they read has changed.
//!
//! A page's inputs are what it shows (see [`content_fingerprint`]) and the build itself.

use broadsheet::i18n::Strings;
use broadsheet::model::Route;
use broadsheet::source::DataSource;
use futures::FutureExt;
use std::collections::HashMap;
use std::fmt::Debug;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

/// The fingerprint of what the page of `route` shows: the values the data source gives for it
/// (the site for the masthead, and an article's comments with it), not the files they come
/// from. Every page reads the shared lists of authors and tags, whose counts change with every
/// new article; only the pages that show a changed value are rendered again.
pub fn content_fingerprint(source: &DataSource, route: &Route) -> Option<u64> {
    fn shown(value: impl Debug) -> String {
        format!("{value:?}")
    }
    let site = shown(source.site().now_or_never()?);
    let content = match route {
        // The front page shows each section's latest too.
        Route::Home { page: 1 } => shown(source.front_page().now_or_never()?),
        Route::Home { page } => shown(source.home(*page).now_or_never()?),
        Route::Article(slug) => {
            shown(source.article(slug).now_or_never()?)
                + &shown(source.comments(slug, false).now_or_never()?)
        }
        Route::Term {
            taxonomy,
            slug,
            page,
        } => shown(source.term_page(*taxonomy, slug, *page).now_or_never()?),
        Route::Author { slug, page } => shown(source.author_page(slug, *page).now_or_never()?),
        Route::Search => String::new(),
    };
    let mut hasher = DefaultHasher::new();
    (site, content).hash(&mut hasher);
    Some(hasher.finish())
}

/// The manifest: the build's fingerprint, then each page's path and content fingerprint.
pub struct Manifest {
    build: u64,
    pages: HashMap<String, u64>,
}

const MANIFEST: &str = "manifest.tsv";

impl Manifest {
    pub fn new(build: u64) -> Self {
        Self {
            build,
            pages: HashMap::new(),
        }
    }

    /// The manifest kept in `cache`, if it is of the same build; an empty one otherwise.
    pub fn read(cache: &Path, build: u64) -> Self {
        let text = std::fs::read_to_string(cache.join(MANIFEST)).unwrap_or_default();
        let mut lines = text.lines();
        if lines.next() != Some(&format!("build\t{build:016x}")) {
            return Self::new(build);
        }
        let pages = lines
            .filter_map(|line| {
                let (path, content) = line.split_once('\t')?;
                Some((path.to_owned(), u64::from_str_radix(content, 16).ok()?))
            })
            .collect();
        Self { build, pages }
    }

    pub fn write(&self, cache: &Path) -> std::io::Result<()> {
        let mut text = format!("build\t{:016x}\n", self.build);
        let mut pages: Vec<_> = self.pages.iter().collect();
        pages.sort();
        for (path, content) in pages {
            text.push_str(&format!("{path}\t{content:016x}\n"));
        }
        std::fs::write(cache.join(MANIFEST), text)
    }

    /// The page at `path` as built last time, if it showed the same content.
    pub fn unchanged(&self, cache: &Path, path: &str, content: u64) -> Option<String> {
        (self.pages.get(path) == Some(&content))
            .then(|| std::fs::read_to_string(cached_page(cache, path)).ok())
            .flatten()
    }

    /// Records that the page at `path` shows `content`; its copy in the cache is up to date.
    pub fn record(&mut self, path: &str, content: u64) {
        self.pages.insert(path.to_owned(), content);
    }

    /// Records the page at `path`, just rendered to `html`, and keeps a copy of it in `cache`.
    pub fn keep(
        &mut self,
        cache: &Path,
        path: &str,
        content: u64,
        html: &str,
    ) -> std::io::Result<()> {
        std::fs::write(cached_page(cache, path), html)?;
        self.record(path, content);
        Ok(())
    }
}

/// The fingerprint of the build: the page shell (which names the app's content-hashed files),
/// `config.json`, the interface's strings (its translation file), and this program (its size and
/// time).
pub fn build_fingerprint(shell: &impl Hash, config: &str, strings: &Strings) -> u64 {
    let mut hasher = DefaultHasher::new();
    (shell, config, strings).hash(&mut hasher);
    if let Some(program) = std::env::current_exe()
        .ok()
        .and_then(|exe| std::fs::metadata(exe).ok())
    {
        program.len().hash(&mut hasher);
        program.modified().ok().hash(&mut hasher);
    }
    hasher.finish()
}

fn cached_page(cache: &Path, path: &str) -> PathBuf {
    let mut hasher = DefaultHasher::new();
    path.hash(&mut hasher);
    cache.join(format!("{:016x}.html", hasher.finish()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_kept_while_it_shows_the_same_content_in_the_same_build() {
        let cache = std::env::temp_dir().join(format!("site-files-test-{}", std::process::id()));
        std::fs::create_dir_all(&cache).unwrap();
        let mut manifest = Manifest::new(7);
        manifest.keep(&cache, "/a/", 1, "<p>A</p>").unwrap();
        manifest.keep(&cache, "/b/", 2, "<p>B</p>").unwrap();
        manifest.write(&cache).unwrap();

        let next = Manifest::read(&cache, 7);
        assert_eq!(
            next.unchanged(&cache, "/a/", 1).as_deref(),
            Some("<p>A</p>")
        );
        assert_eq!(
            next.unchanged(&cache, "/b/", 3),
            None,
            "it shows something else"
        );
        assert_eq!(next.unchanged(&cache, "/new/", 1), None, "never built");
        assert_eq!(
            Manifest::read(&cache, 8).unchanged(&cache, "/a/", 1),
            None,
            "another build"
        );
        std::fs::remove_dir_all(&cache).unwrap();
    }

    #[test]
    fn an_edited_translation_is_another_build() {
        let french = || {
            std::fs::read_to_string(
                Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/translations/fr.json"),
            )
            .unwrap()
        };
        let strings = |text: &str| Strings::parse(text, "fr", "fr.json").unwrap();
        let build = |text: &str| build_fingerprint(&"shell", "{}", &strings(text));
        let edited = french().replacen("\"skip_link\": \"", "\"skip_link\": \"» ", 1);
        assert_ne!(edited, french());
        assert_eq!(build(&french()), build(&french()));
        assert_ne!(build(&french()), build(&edited));
    }
}
