use super::*;
use crate::model::{Dated, Direction, Term, TermLink};
use crate::source::{fake, TransportError};
use futures::executor::block_on;
use std::sync::Arc;

const ROOT: &str = "https://herald.example/data/";

fn json(status: u16, body: &str) -> HttpResponse {
    fake::response(status, "application/json", body)
}

/// Canned answers for files under [`ROOT`].
#[derive(Clone, Default)]
struct FakeTransport(fake::FakeTransport);

impl FakeTransport {
    fn with(files: &[(&str, &str)]) -> Self {
        Self::default().with_files(files)
    }

    /// The files, and the directory of authors, tags and sections that every page's files name.
    fn with_directory(files: &[(&str, &str)]) -> Self {
        Self::with(&[
            ("authors.json", AUTHORS),
            ("tags.json", TAGS),
            ("sections.json", SECTIONS),
        ])
        .with_files(files)
    }

    fn with_files(self, files: &[(&str, &str)]) -> Self {
        files.iter().fold(self, |fake, (path, body)| {
            fake.answering(path, Ok(json(200, body)))
        })
    }

    fn answering(self, path: &str, answer: Result<HttpResponse, TransportError>) -> Self {
        Self(self.0.answering(&format!("{ROOT}{path}"), answer))
    }

    fn request_count(&self) -> usize {
        self.0.requests().len()
    }

    /// How many times the file at `path` was asked for.
    fn requests_of(&self, path: &str) -> usize {
        let url = format!("{ROOT}{path}");
        self.0
            .requests()
            .iter()
            .filter(|asked| **asked == url)
            .count()
    }
}

const AUTHORS: &str = r#"{"authors": [
  {"slug": "ada", "name": "Ada Okafor", "bio": "Harbour reporter.", "article_count": 2,
   "avatar": {"url": "media/avatars/ada.svg", "width": 96, "height": 96, "alt": ""}},
  {"slug": "ben", "name": "Ben Ito", "bio": "", "article_count": 0}
]}"#;
const TAGS: &str = r#"{"tags": [
  {"slug": "transport", "name": "Transport", "description": "Getting around.", "article_count": 2},
  {"slug": "harbour", "name": "Harbour", "description": "", "article_count": 1}
]}"#;
/// Neither alphabetical nor largest first: the section bar keeps the file's order.
const SECTIONS: &str = r#"{"sections": [
  {"slug": "news", "name": "News", "description": "What happened today.", "article_count": 1},
  {"slug": "archive", "name": "Archive", "description": "", "article_count": 0},
  {"slug": "business", "name": "Business", "description": "", "article_count": 3}
]}"#;
/// In two sections, its main one (business) first.
const SUMMARY: &str = r#"{"slug": "ferry", "title": "Ferry cuts", "excerpt": "Two sailings go.",
  "published": "2026-11-03T08:30:00Z", "author": "ada", "tags": ["transport", "harbour"],
  "sections": ["business", "news"],
  "image": {"url": "https://cdn.example/f.jpg", "width": 1200, "height": 675, "alt": "A ferry"}}"#;

fn listing(page: u32, total_pages: u32) -> String {
    format!(
        r#"{{"page": {page}, "total_pages": {total_pages}, "total_articles": 6, "articles": [{SUMMARY}]}}"#
    )
}

fn article_file(slug: &str, extra: &str) -> String {
    format!(
        r#"{{"slug": "{slug}", "title": "Ferry cuts", "excerpt": "Two sailings go.",
        "body_html": "<p onclick=\"x()\">Text<script>alert(1)</script></p>", "published": "2026-11-03T08:30:00Z",
        "modified": "2026-11-04T08:30:00Z", "author": "ada", "tags": ["harbour"] {extra}}}"#
    )
}

fn source(transport: FakeTransport) -> StaticSource {
    StaticSource::new(ROOT, 1000, Arc::new(transport.0))
}

fn slug(text: &str) -> Slug {
    Slug::parse(text).unwrap()
}

#[test]
fn decodes_the_site() {
    let site = r#"{"title": "Herald", "tagline": "Coast news", "language": "ar", "direction": "rtl", "base_url": "https://herald.example"}"#;
    let site =
        block_on(source(FakeTransport::with_directory(&[("site.json", site)])).site()).unwrap();
    assert_eq!(site.direction, Direction::Rtl);
    assert_eq!(site.base_url, "https://herald.example/");
    assert_eq!(
        site.canonical("/tag/harbour/"),
        "https://herald.example/tag/harbour/"
    );
}

#[test]
fn decodes_a_listing_with_authors_and_tags_by_name() {
    let page2 = listing(2, 3);
    let transport = FakeTransport::with_directory(&[("index/page-2.json", &page2)]);
    let listing = block_on(source(transport).home(2)).unwrap();
    assert_eq!(
        (listing.page, listing.total_pages, listing.total_articles),
        (2, 3, 6)
    );
    let card = &listing.articles[0];
    assert_eq!(card.author.name, "Ada Okafor");
    assert_eq!(card.author.path(), "/author/ada/");
    assert_eq!(
        card.tags
            .iter()
            .map(|t| t.name.as_str())
            .collect::<Vec<_>>(),
        ["Transport", "Harbour"]
    );
    assert_eq!(card.path(), "/ferry/");
}

#[test]
fn decodes_an_article_and_sanitizes_its_body() {
    let file = article_file("ferry", r#", "language": "ar", "direction": "rtl""#);
    let transport = FakeTransport::with_directory(&[("articles/ferry.json", &file)]);
    let article = block_on(source(transport).article(&slug("ferry"))).unwrap();
    assert_eq!(article.body.as_str(), "<p>Text</p>");
    assert_eq!(article.updated().unwrap().as_str(), "2026-11-04T08:30:00Z");
    assert_eq!(article.language.as_deref(), Some("ar"));
    assert_eq!(article.direction, Some(Direction::Rtl));
    assert_eq!(article.author.slug.as_str(), "ada");
}

#[test]
fn non_ascii_slugs_are_requested_percent_encoded() {
    let file = article_file("سوق", "");
    let transport = FakeTransport::with_directory(&[("articles/%D8%B3%D9%88%D9%82.json", &file)]);
    assert_eq!(
        block_on(source(transport).article(&slug("سوق")))
            .unwrap()
            .title,
        "Ferry cuts"
    );
}

#[test]
fn decodes_tag_and_author_pages() {
    let page1 = listing(1, 2);
    let transport = FakeTransport::with_directory(&[
        ("tags/transport/page-1.json", &page1),
        ("authors/ada/page-1.json", &page1),
    ]);
    let source = source(transport);
    let tag_page = block_on(source.term_page(Taxonomy::Tag, &slug("transport"), 1)).unwrap();
    assert_eq!(tag_page.term.description, "Getting around.");
    assert_eq!(tag_page.listing.total_pages, 2);
    let author_page = block_on(source.author_page(&slug("ada"), 1)).unwrap();
    assert_eq!(author_page.author.article_count, 2);
}

#[test]
fn unknown_slugs_and_pages_are_not_found() {
    let page1 = listing(1, 1);
    let transport = FakeTransport::with_directory(&[("index/page-1.json", &page1)]);
    let source = source(transport);
    let not_found =
        |result: Result<_, DataError>| matches!(result, Err(DataError::NotFound { .. }));
    assert!(not_found(
        block_on(source.article(&slug("nope"))).map(|_| ())
    ));
    assert!(not_found(
        block_on(source.term_page(Taxonomy::Tag, &slug("nope"), 1)).map(|_| ())
    ));
    assert!(not_found(
        block_on(source.author_page(&slug("nope"), 1)).map(|_| ())
    ));
    assert!(not_found(block_on(source.home(2)).map(|_| ())));
    assert!(not_found(block_on(source.home(0)).map(|_| ())));
}

#[test]
fn http_failures_map_to_their_own_errors() {
    let transport = FakeTransport::default()
        .answering("site.json", Ok(json(500, "<h1>Internal Server Error</h1>")))
        .answering("ticker.json", Err(TransportError::Timeout))
        .answering(
            "authors.json",
            Err(TransportError::Network("Failed to fetch".into())),
        )
        .answering("index/page-1.json", Ok(json(200, &listing(1, 1))))
        .answering(
            "articles/gone.json",
            Ok(HttpResponse {
                status: 200,
                content_type: "text/html; charset=utf-8".into(),
                headers: Vec::new(),
                body: "<!DOCTYPE html><html>".into(),
            }),
        );
    let source = source(transport);
    assert_eq!(
        block_on(source.site()),
        Err(DataError::Server {
            status: 500,
            what: "site.json".into()
        })
    );
    assert_eq!(
        block_on(source.ticker(10, false)),
        Err(DataError::Timeout { after_ms: 1000 })
    );
    assert_eq!(
        block_on(source.home(1)).unwrap_err(),
        DataError::Network {
            detail: "Failed to fetch".into()
        },
    );
    assert!(matches!(
        block_on(source.article(&slug("gone"))),
        Err(DataError::NotFound { .. })
    ));
}

#[test]
fn malformed_and_mistyped_files_are_bad_data_naming_the_file() {
    let cases: &[(&str, &str, &str)] = &[
        ("site.json", "{\"title\": \"Herald\",", "EOF"),
        (
            "site.json",
            r#"{"title": "H", "tagline": "", "language": "en"}"#,
            "missing field `base_url`",
        ),
        (
            "site.json",
            r#"{"title": 5, "tagline": "", "language": "en", "base_url": "https://a.example/"}"#,
            "invalid type",
        ),
        (
            "site.json",
            r#"{"title": "H", "tagline": "", "language": "en", "direction": "up", "base_url": "https://a.example/"}"#,
            "direction",
        ),
        (
            "site.json",
            r#"{"title": "H", "tagline": "", "language": "en", "base_url": "javascript:x"}"#,
            "base_url",
        ),
        (
            "ticker.json",
            r#"{"headlines": [{"title": "A"}]}"#,
            "exactly one of slug and url",
        ),
        (
            "ticker.json",
            r#"{"headlines": [{"title": "A", "url": "javascript:alert(1)"}]}"#,
            "not an http(s) URL",
        ),
        (
            "ticker.json",
            r#"{"headlines": [{"title": "A", "slug": "../etc"}]}"#,
            "not a slug",
        ),
        ("ticker.json", "[1, 2]", "invalid type"),
    ];
    for (path, body, expected) in cases {
        let source = source(FakeTransport::with_directory(&[(path, body)]));
        let error = if *path == "site.json" {
            block_on(source.site()).map(|_| ())
        } else {
            block_on(source.ticker(10, false)).map(|_| ())
        }
        .unwrap_err();
        let DataError::BadData { what, detail } = &error else {
            panic!("{body}: expected bad data, got {error:?}")
        };
        assert_eq!(what, path);
        assert!(
            detail.contains(expected),
            "{body}: {detail:?} should mention {expected:?}"
        );
    }
}

#[test]
fn listings_and_articles_are_checked_against_what_was_asked() {
    let wrong_page = listing(1, 3);
    let unknown_author = listing(1, 1).replace("\"ada\"", "\"zed\"");
    let bad_time = listing(1, 1).replace("2026-11-03T08:30:00Z", "3 Nov 2026");
    let impossible = listing(1, 0);
    let other_article = article_file("other", "");
    let no_body = article_file("ferry", "").replace(r#""body_html""#, r#""body""#);
    let cases = [
        (
            "index/page-2.json",
            wrong_page.as_str(),
            "says it is page 1",
        ),
        (
            "index/page-1.json",
            unknown_author.as_str(),
            "author \"zed\" is not in authors.json",
        ),
        ("index/page-1.json", bad_time.as_str(), "RFC 3339"),
        ("index/page-1.json", impossible.as_str(), "impossible"),
        (
            "articles/ferry.json",
            other_article.as_str(),
            "holds the article \"other\"",
        ),
        (
            "articles/ferry.json",
            no_body.as_str(),
            "missing field `body_html`",
        ),
    ];
    for (path, body, expected) in cases {
        let source = source(FakeTransport::with_directory(&[(path, body)]));
        let result = match path {
            "index/page-2.json" => block_on(source.home(2)).map(|_| ()),
            "index/page-1.json" => block_on(source.home(1)).map(|_| ()),
            _ => block_on(source.article(&slug("ferry"))).map(|_| ()),
        };
        let message = result.unwrap_err().to_string();
        assert!(
            message.contains(expected),
            "{message:?} should mention {expected:?}"
        );
    }
}

#[test]
fn comments_are_checked_and_sanitized_and_a_missing_file_is_none() {
    let comments = r#"{"comments": [
      {"id": 1, "parent": 0, "author_name": "Sam", "author_url": "javascript:alert(1)", "date": "2026-11-03T09:00:00Z",
       "content_html": "<p>Hi<img src=x onerror=alert(1)></p>"},
      {"id": 2, "parent": 1, "author_name": "Ada", "author_url": "https://ada.example/", "date": "2026-11-03T10:00:00Z",
       "content_html": "<p>Reply</p>"}
    ]}"#;
    let orphan = r#"{"comments": [{"id": 2, "parent": 1, "author_name": "A", "date": "2026-11-03T10:00:00Z", "content_html": ""}]}"#;
    let source = source(FakeTransport::with(&[
        ("comments/ferry.json", comments),
        ("comments/orphan.json", orphan),
    ]));
    let thread = block_on(source.comments(&slug("ferry"), false)).unwrap();
    assert_eq!(thread.len(), 2);
    assert_eq!(thread[0].author_url, None);
    assert_eq!(
        thread[0].content.as_str(),
        "<p>Hi<img src=\"x\" loading=\"lazy\"></p>"
    );
    assert_eq!(
        thread[1].author_url.as_deref(),
        Some("https://ada.example/")
    );
    assert!(block_on(source.comments(&slug("quiet"), false))
        .unwrap()
        .is_empty());
    let error = block_on(source.comments(&slug("orphan"), false))
        .unwrap_err()
        .to_string();
    assert!(error.contains("not an earlier comment"), "{error}");
}

#[test]
fn files_read_once_are_served_from_memory() {
    let page1 = listing(1, 1);
    let transport = FakeTransport::with_directory(&[("index/page-1.json", &page1)]);
    let source = source(transport.clone());
    block_on(source.home(1)).unwrap();
    assert_eq!(
        transport.request_count(),
        4,
        "the page and the directory's three files"
    );
    block_on(source.home(1)).unwrap();
    block_on(source.term_page(Taxonomy::Tag, &slug("transport"), 5)).unwrap_err();
    assert_eq!(
        transport.request_count(),
        5,
        "only the missing tag page is requested again"
    );
}

#[test]
fn only_the_latest_answers_are_kept_and_shared_files_stay() {
    // A build reads every file of a large site through one source.
    let pages = (crate::source::client::CACHE_CAPACITY + 10) as u32;
    let files: Vec<(String, String)> = (1..=pages)
        .map(|page| (format!("index/page-{page}.json"), listing(page, pages)))
        .collect();
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(path, body)| (path.as_str(), body.as_str()))
        .collect();
    let transport = FakeTransport::with_directory(&files);
    let source = source(transport.clone());
    for page in 1..=pages {
        block_on(source.home(page)).unwrap();
    }
    let read_once = 3 + pages as usize;
    assert_eq!(
        transport.request_count(),
        read_once,
        "the directory is read once, though every listing asks for it"
    );
    block_on(source.home(pages)).unwrap();
    assert_eq!(
        transport.request_count(),
        read_once,
        "a recent page is kept"
    );
    block_on(source.home(1)).unwrap();
    assert_eq!(
        transport.request_count(),
        read_once + 1,
        "the first page has been let go"
    );
}

#[test]
fn failures_are_not_remembered() {
    let transport =
        FakeTransport::with_directory(&[]).answering("site.json", Ok(json(503, "busy")));
    let source = source(transport.clone());
    block_on(source.site()).unwrap_err();
    block_on(source.site()).unwrap_err();
    assert_eq!(transport.requests_of("site.json"), 2);
    assert_eq!(
        transport.requests_of("sections.json"),
        1,
        "the directory read beside it was kept"
    );
}

#[test]
fn the_ticker_takes_its_first_items_and_asks_again_only_when_told() {
    let transport = FakeTransport::with(&[(
        "ticker.json",
        r#"{"headlines": [{"title": "One", "slug": "one"}, {"title": "Two", "slug": "two"},
            {"title": "Three", "url": "https://elsewhere.example/3"}]}"#,
    )]);
    let source = source(transport.clone());
    let titles = |headlines: Vec<Headline>| {
        headlines
            .into_iter()
            .map(|headline| headline.title)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        titles(block_on(source.ticker(2, false)).unwrap()),
        ["One", "Two"]
    );
    assert_eq!(titles(block_on(source.ticker(9, false)).unwrap()).len(), 3);
    assert_eq!(transport.request_count(), 1, "kept in memory");
    block_on(source.ticker(9, true)).unwrap();
    assert_eq!(transport.request_count(), 2, "fresh asks the server again");
}

fn names(links: &[TermLink]) -> Vec<&str> {
    links.iter().map(|link| link.name.as_str()).collect()
}

#[test]
fn the_section_bar_is_the_sections_with_articles_in_the_files_order() {
    let site = r#"{"title": "Herald", "tagline": "", "language": "en", "base_url": "https://herald.example/"}"#;
    let transport = FakeTransport::with_directory(&[("site.json", site)]);
    let site = block_on(source(transport).site()).unwrap();
    assert_eq!(
        names(&site.sections),
        ["News", "Business"],
        "archive has none"
    );
    assert!(site
        .sections
        .iter()
        .all(|section| section.taxonomy == Taxonomy::Section));
    assert_eq!(site.sections[0].path(), "/category/news/");
}

#[test]
fn a_cards_and_an_articles_sections_are_named_main_first() {
    let page1 = listing(1, 1);
    let file = article_file("ferry", r#", "sections": ["business", "news"]"#);
    let transport = FakeTransport::with_directory(&[
        ("index/page-1.json", &page1),
        ("articles/ferry.json", &file),
    ]);
    let source = source(transport);
    let card = block_on(source.home(1)).unwrap().articles.remove(0);
    assert_eq!(names(&card.sections), ["Business", "News"]);
    assert_eq!(card.sections[0].path(), "/category/business/");
    assert_eq!(
        names(&card.tags),
        ["Transport", "Harbour"],
        "tags stay tags"
    );
    let article = block_on(source.article(&slug("ferry"))).unwrap();
    assert_eq!(names(&article.sections), ["Business", "News"]);
    assert!(article
        .sections
        .iter()
        .all(|section| section.taxonomy == Taxonomy::Section));
}

#[test]
fn an_article_without_a_sections_field_is_in_no_section() {
    let file = article_file("ferry", "");
    let transport = FakeTransport::with_directory(&[("articles/ferry.json", &file)]);
    let article = block_on(source(transport).article(&slug("ferry"))).unwrap();
    assert_eq!(article.sections, []);
    assert_eq!(names(&article.tags), ["Harbour"]);
}

#[test]
fn a_section_page_is_read_from_its_folder_with_the_section_from_sections_json() {
    let page1 = listing(1, 2);
    let transport = FakeTransport::with_directory(&[("sections/news/page-1.json", &page1)]);
    let page = block_on(source(transport).term_page(Taxonomy::Section, &slug("news"), 1)).unwrap();
    assert_eq!(
        page.term,
        Term {
            taxonomy: Taxonomy::Section,
            slug: slug("news"),
            name: "News".into(),
            description: "What happened today.".into(),
            article_count: 1,
        }
    );
    assert_eq!(page.term.path(), "/category/news/");
    assert_eq!(page.listing.total_pages, 2);
    assert_eq!(page.listing.articles[0].title, "Ferry cuts");
}

#[test]
fn a_section_missing_from_sections_json_is_not_found_and_a_tag_is_no_section() {
    let page1 = listing(1, 1);
    let transport = FakeTransport::with_directory(&[
        ("sections/nope/page-1.json", &page1),
        ("sections/transport/page-1.json", &page1),
    ]);
    let source = source(transport);
    for name in ["nope", "transport"] {
        let error = block_on(source.term_page(Taxonomy::Section, &slug(name), 1)).unwrap_err();
        assert_eq!(error, DataError::not_found(format!("the section {name}")));
    }
}

#[test]
fn an_article_naming_a_section_missing_from_sections_json_is_bad_data_naming_the_file() {
    let file = article_file("ferry", r#", "sections": ["news", "x"]"#);
    let transport = FakeTransport::with_directory(&[("articles/ferry.json", &file)]);
    let error = block_on(source(transport).article(&slug("ferry"))).unwrap_err();
    let DataError::BadData { what, detail } = &error else {
        panic!("expected bad data, got {error:?}")
    };
    assert_eq!(what, "articles/ferry.json");
    assert!(
        detail.contains(r#"section "x" is not in sections.json"#),
        "{detail:?}"
    );
}

#[test]
fn a_card_naming_a_section_missing_from_sections_json_is_bad_data_naming_the_listing() {
    let page1 = listing(1, 1).replace(r#"["business", "news"]"#, r#"["gone"]"#);
    let transport = FakeTransport::with_directory(&[("index/page-1.json", &page1)]);
    let error = block_on(source(transport).home(1)).unwrap_err();
    assert_eq!(
        error,
        DataError::bad_data(
            "index/page-1.json",
            r#"section "gone" is not in sections.json"#
        )
    );
}

#[test]
fn sections_json_is_required_and_checked() {
    let page1 = listing(1, 1);
    let without = FakeTransport::with(&[
        ("authors.json", AUTHORS),
        ("tags.json", TAGS),
        ("index/page-1.json", &page1),
    ]);
    assert_eq!(
        block_on(source(without).home(1)),
        Err(DataError::not_found("sections.json"))
    );
    let mistyped = FakeTransport::with_directory(&[("index/page-1.json", &page1)])
        .with_files(&[("sections.json", r#"{"sections": [{"slug": "news"}]}"#)]);
    let error = block_on(source(mistyped).home(1)).unwrap_err();
    assert!(
        matches!(&error, DataError::BadData { what, detail }
            if what == "sections.json" && detail.contains("missing field `name`")),
        "{error:?}"
    );
}
