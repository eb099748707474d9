//! Damaged data against every decoder: each sample file (the static data, configurations, a page's
//! embedded answers, real WordPress answers) is mutated (cut short, bytes changed, inserted or
//! removed, a value swapped for another kind) or replaced by random bytes, then read through the
//! public sources as the site reads it. Nothing may panic, and whatever fails must fail with an
//! error that says what was wrong.
//!
//! `PROPTEST_CASES` sets how many cases each property runs (proptest's default otherwise).

#![cfg(not(target_arch = "wasm32"))]

use broadsheet::config::parse_config;
use broadsheet::error::DataError;
use broadsheet::model::{CommentDraft, Slug, Taxonomy};
use broadsheet::source::prefetched::read_answers;
use broadsheet::source::{DataSource, HttpRequest, HttpResponse, Transport, TransportError};
use futures::executor::block_on;
use futures::future::LocalBoxFuture;
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const SITE: &str = "https://herald.example/";
const DATA: &str = "https://herald.example/data/";
const API: &str = "https://wp.example/wp-json/";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Every file below `dir` (recursively) with the given extension, by its path below `dir`.
fn files(dir: &Path, extension: &str) -> BTreeMap<String, String> {
    fn walk(dir: &Path, base: &Path, extension: &str, into: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, base, extension, into);
            } else if path.extension().is_some_and(|found| found == extension) {
                let name = path
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                into.insert(name, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut found = BTreeMap::new();
    walk(dir, dir, extension, &mut found);
    found
}

fn static_files() -> &'static BTreeMap<String, String> {
    static FILES: std::sync::OnceLock<BTreeMap<String, String>> = std::sync::OnceLock::new();
    FILES.get_or_init(|| files(&root().join("public/data"), "json"))
}

fn wordpress_files() -> &'static BTreeMap<String, String> {
    static FILES: std::sync::OnceLock<BTreeMap<String, String>> = std::sync::OnceLock::new();
    FILES.get_or_init(|| files(&root().join("tests/fixtures/wordpress"), "json"))
}

/// How a file is damaged.
#[derive(Debug, Clone)]
enum Damage {
    /// Cut short at a fraction of its length.
    Truncate(f64),
    /// One byte, at a fraction of the length, replaced.
    Replace(f64, u8),
    /// Bytes inserted at a fraction of the length.
    Insert(f64, Vec<u8>),
    /// A run of bytes removed.
    Remove(f64, usize),
    /// The value after the n-th `:` (up to the next `,`, `}` or `]`) swapped for another.
    SwapValue(usize, &'static str),
    /// The whole file replaced by random bytes.
    Garbage(Vec<u8>),
}

/// Values of every kind, and the edge cases of each.
const VALUES: &[&str] = &[
    "null",
    "true",
    "0",
    "-1",
    "1.5",
    "1e999",
    "-0",
    "9007199254740993",
    "18446744073709551616",
    "\"\"",
    "\"x\"",
    "\"\\ud800\"",
    "\"<script>alert(1)</script>\"",
    "[]",
    "[null]",
    "{}",
    "{\"a\":{}}",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
];

fn damage() -> impl Strategy<Value = Damage> {
    let at = 0.0..1.0f64;
    prop_oneof![
        at.clone().prop_map(Damage::Truncate),
        (at.clone(), any::<u8>()).prop_map(|(at, byte)| Damage::Replace(at, byte)),
        (at.clone(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, bytes)| Damage::Insert(at, bytes)),
        (at, 1..64usize).prop_map(|(at, length)| Damage::Remove(at, length)),
        (any::<usize>(), prop::sample::select(VALUES))
            .prop_map(|(which, value)| Damage::SwapValue(which, value)),
        prop::collection::vec(any::<u8>(), 0..512).prop_map(Damage::Garbage),
    ]
}

fn apply(text: &str, damage: &Damage) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let index = |at: f64, length: usize| ((length as f64) * at) as usize;
    match damage {
        Damage::Truncate(at) => bytes.truncate(index(*at, bytes.len())),
        Damage::Replace(at, byte) => {
            if !bytes.is_empty() {
                let at = index(*at, bytes.len()).min(bytes.len() - 1);
                bytes[at] = *byte;
            }
        }
        Damage::Insert(at, inserted) => {
            let at = index(*at, bytes.len());
            bytes.splice(at..at, inserted.iter().copied());
        }
        Damage::Remove(at, length) => {
            let at = index(*at, bytes.len());
            bytes.drain(at..(at + length).min(bytes.len()));
        }
        Damage::SwapValue(which, value) => {
            let colons: Vec<usize> = text.match_indices(':').map(|(at, _)| at).collect();
            if !colons.is_empty() {
                let start = colons[which % colons.len()] + 1;
                let end = text[start..]
                    .find([',', '}', ']'])
                    .map_or(text.len(), |offset| start + offset);
                bytes.splice(start..end, value.bytes());
            }
        }
        Damage::Garbage(garbage) => bytes.clone_from(garbage),
    }
    // Transports hand the sources text: invalid UTF-8 arrives as the browser decodes it.
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Answers from a set of files: static data by URL, WordPress by route.
struct Files {
    static_files: BTreeMap<String, String>,
    wordpress: BTreeMap<String, String>,
}

impl Files {
    /// The WordPress fixture that answers `route` (below the API's root), and whether it is a
    /// collection (with WordPress's totals).
    fn wordpress_answer(&self, route: &str, post: bool) -> (u16, &str, bool) {
        let file = |name: &str| self.wordpress[name].as_str();
        match route {
            _ if post => (403, file("refusal.json"), false),
            route if route.starts_with('?') => (200, file("site.json"), false),
            route if route.starts_with("wp/v2/posts?slug=") => (200, file("post.json"), true),
            route if route.contains("_fields=slug,title") => (200, file("ticker.json"), true),
            route if route.starts_with("wp/v2/posts") => (200, file("posts.json"), true),
            route if route.starts_with("wp/v2/tags") => (200, file("tags.json"), true),
            route if route.starts_with("wp/v2/categories") => (200, file("categories.json"), true),
            route if route.starts_with("wp/v2/users") => (200, file("users.json"), true),
            route if route.starts_with("wp/v2/comments") => (200, file("comments.json"), true),
            _ => (
                404,
                "{\"code\":\"rest_no_route\",\"message\":\"No route\"}",
                false,
            ),
        }
    }
}

impl Transport for Files {
    fn send<'a>(
        &'a self,
        request: HttpRequest<'a>,
        _timeout_ms: u32,
    ) -> LocalBoxFuture<'a, Result<HttpResponse, TransportError>> {
        let answer = |status: u16, body: &str, collection: bool| HttpResponse {
            status,
            content_type: "application/json; charset=UTF-8".into(),
            headers: if collection {
                vec![("x-wp-total", "12".into()), ("x-wp-totalpages", "2".into())]
            } else {
                Vec::new()
            },
            body: body.into(),
        };
        let response = if let Some(route) = request.url.strip_prefix(API) {
            let (status, body, collection) =
                self.wordpress_answer(route, request.json_body.is_some());
            answer(status, body, collection)
        } else {
            let path = request.url.strip_prefix(DATA).unwrap_or(request.url);
            match self.static_files.get(path) {
                Some(body) => answer(200, body, false),
                None => answer(404, "Not Found", false),
            }
        };
        Box::pin(async move { Ok(response) })
    }
}

fn source(kind: &str, files: Files) -> DataSource {
    let config = match kind {
        "static" => r#"{"source": {"kind": "static", "url": "data/"}}"#.to_owned(),
        _ => format!(r#"{{"source": {{"kind": "wordpress", "url": "{API}"}}}}"#),
    };
    let config = parse_config(&config, SITE).unwrap();
    DataSource::from_config(&config, Arc::new(files))
}

/// A failure must say what failed and why.
fn assert_explained(error: &DataError) {
    assert!(!error.to_string().trim().is_empty(), "{error:?}");
    match error {
        DataError::BadData { what, detail } => {
            assert!(
                !what.trim().is_empty() && !detail.trim().is_empty(),
                "{error:?}"
            );
        }
        DataError::NotFound { what } | DataError::Server { what, .. } => {
            assert!(!what.trim().is_empty(), "{error:?}");
        }
        DataError::Network { detail } => assert!(!detail.trim().is_empty(), "{error:?}"),
        DataError::Timeout { .. } => {}
    }
}

/// Which article, tag, section and author pages a reader opens.
struct Reads {
    article: Slug,
    home_page: u32,
    tag: (Slug, u32),
    section: (Slug, u32),
    author: (Slug, u32),
}

impl Reads {
    /// The pages that read the static file at `path` (below `data/`), and the sample's others.
    fn of(path: &str) -> Self {
        let slug = |text: &str| Slug::parse(text).unwrap();
        let parts: Vec<&str> = path.trim_end_matches(".json").split('/').collect();
        let page = parts
            .last()
            .and_then(|last| last.strip_prefix("page-"))
            .map_or(1, |number| number.parse().unwrap());
        let mut reads = Self {
            article: slug("harbour-redevelopment-explained"),
            home_page: 1,
            tag: (slug("harbour"), 1),
            section: (slug("news"), 1),
            author: (slug("ada-okafor"), 1),
        };
        match parts.as_slice() {
            ["articles" | "comments", name] => reads.article = slug(name),
            ["index", _] => reads.home_page = page,
            ["tags", name, _] => reads.tag = (slug(name), page),
            ["sections", name, _] => reads.section = (slug(name), page),
            ["authors", name, _] => reads.author = (slug(name), page),
            _ => {}
        }
        reads
    }
}

/// Reads everything a reader can open from `source`: the error of each read that failed.
fn read_everything(source: &DataSource, reads: &Reads) -> Vec<DataError> {
    let slug = &reads.article;
    block_on(async {
        let mut failures = Vec::new();
        let mut note = |result: Result<(), DataError>| failures.extend(result.err());
        note(source.site().await.map(drop));
        note(source.home(reads.home_page).await.map(drop));
        note(source.article(slug).await.map(drop));
        note(
            source
                .term_page(Taxonomy::Tag, &reads.tag.0, reads.tag.1)
                .await
                .map(drop),
        );
        note(
            source
                .term_page(Taxonomy::Section, &reads.section.0, reads.section.1)
                .await
                .map(drop),
        );
        note(
            source
                .author_page(&reads.author.0, reads.author.1)
                .await
                .map(drop),
        );
        note(source.comments(slug, false).await.map(drop));
        note(source.ticker(10, false).await.map(drop));
        let draft = CommentDraft {
            content: "A reply".into(),
            name: "Reader".into(),
            email: "reader@example.org".into(),
            website: String::new(),
        };
        // Refusals are the reader's to read; only their text is checked here.
        if let Err(refusal) = source.post_comment(slug, 0, &draft).await {
            assert!(!refusal.to_string().trim().is_empty(), "{refusal:?}");
        }
        failures
    })
}

#[test]
fn the_undamaged_samples_read_without_an_error() {
    let files = || Files {
        static_files: static_files().clone(),
        wordpress: wordpress_files().clone(),
    };
    for path in static_files().keys() {
        let errors = read_everything(&source("static", files()), &Reads::of(path));
        assert_eq!(errors, vec![], "{path}");
    }
    assert_eq!(
        read_everything(&source("wordpress", files()), &Reads::of("")),
        vec![]
    );
    let bar = |kind: &str| {
        let site = block_on(source(kind, files()).site()).unwrap();
        site.sections
            .into_iter()
            .map(|section| section.name)
            .collect::<Vec<_>>()
    };
    assert!(!bar("static").is_empty(), "the sample has a section bar");
    assert_eq!(
        bar("wordpress"),
        ["Environment & Coast", "News"],
        "categories.json without Uncategorized"
    );
    for (name, config) in files_in_e2e_configs() {
        if !name.contains("malformed") && !name.contains("not-json") && !name.contains("unknown") {
            parse_config(&config, SITE).unwrap_or_else(|error| panic!("{name}: {error}"));
        }
    }
    let answers = std::fs::read_to_string(root().join("tests/fixtures/answers.json")).unwrap();
    // A prerendered page's answers (tests/fixtures/answers.json, copied from one built page):
    // if the format changed, copy a new one from dist/.
    assert!(read_answers(&answers, SITE).is_ok_and(|answers| !answers.is_empty()));
}

fn files_in_e2e_configs() -> BTreeMap<String, String> {
    let mut configs = files(&root().join("tests/e2e/configs"), "json");
    configs.insert(
        "config.json".into(),
        std::fs::read_to_string(root().join("public/config.json")).unwrap(),
    );
    configs
}

/// `files` with the one that `which` picks damaged, and its name.
fn damage_one(
    files: &BTreeMap<String, String>,
    which: prop::sample::Index,
    damage: &Damage,
) -> (BTreeMap<String, String>, String) {
    let mut damaged = files.clone();
    let name = which.get(&files.keys().collect::<Vec<_>>()).to_string();
    damaged.insert(name.clone(), apply(&files[&name], damage));
    (damaged, name)
}

proptest! {
    #[test]
    fn damaged_static_data_is_reported_never_panics(
        which in any::<prop::sample::Index>(),
        damage in damage(),
    ) {
        let (damaged, path) = damage_one(static_files(), which, &damage);
        let files = Files { static_files: damaged, wordpress: wordpress_files().clone() };
        for error in read_everything(&source("static", files), &Reads::of(&path)) {
            assert_explained(&error);
        }
    }

    #[test]
    fn damaged_wordpress_answers_are_reported_never_panic(
        which in any::<prop::sample::Index>(),
        damage in damage(),
    ) {
        let (damaged, _) = damage_one(wordpress_files(), which, &damage);
        let files = Files { static_files: static_files().clone(), wordpress: damaged };
        for error in read_everything(&source("wordpress", files), &Reads::of("")) {
            assert_explained(&error);
        }
    }

    #[test]
    fn damaged_configurations_are_reported_never_panic(
        which in any::<prop::sample::Index>(),
        damage in damage(),
    ) {
        let configs = files_in_e2e_configs();
        let config = which.get(&configs.values().collect::<Vec<_>>()).as_str();
        if let Err(error) = parse_config(&apply(config, &damage), SITE) {
            prop_assert!(!error.to_string().trim().is_empty(), "{:?}", error);
        }
    }

    #[test]
    fn damaged_embedded_answers_are_reported_never_panic(damage in damage()) {
        let answers = std::fs::read_to_string(root().join("tests/fixtures/answers.json")).unwrap();
        if let Err(error) = read_answers(&apply(&answers, &damage), SITE) {
            let described = format!("{error:?}");
            prop_assert!(!described.trim().is_empty());
        }
    }
}
