use super::*;
use crate::error::CommentError;
use crate::model::{CommentDraft, Direction, Field, Taxonomy, TermLink, Timestamp};
use crate::model::{Dated, Route};
use crate::source::fake::{self, FakeTransport};
use crate::source::newer::{Ask, News};
use crate::source::PostedComment;
use crate::source::TransportError;
use futures::executor::block_on;
use std::sync::Arc;

const API: &str = "https://wp.example/wp-json/";
/// How comments find their post's id when the post has not been read.
const POST_ID_ROUTE: &str = "wp/v2/posts?slug=ferry-back&_fields=id";
const EMBEDDED_POST_ROUTE: &str = "wp/v2/posts?slug=ferry-back&_embed=author,wp:term,wp:featuredmedia&_fields=id,slug,title,excerpt,content,date_gmt,modified_gmt,_links,_embedded";

fn config() -> WordPressConfig {
    WordPressConfig {
        api_url: API.into(),
        site_url: "https://herald.example/".into(),
        language: "en-GB".into(),
        direction: Direction::Ltr,
        per_page: 2,
        section_order: Vec::new(),
    }
}

fn json(status: u16, body: &str) -> HttpResponse {
    fake::response(status, "application/json; charset=UTF-8", body)
}

/// A collection answer with WordPress's totals.
fn collection(body: &str, total: u32, total_pages: u32) -> HttpResponse {
    let mut response = json(200, body);
    response.headers = vec![
        ("x-wp-total", total.to_string()),
        ("x-wp-totalpages", total_pages.to_string()),
    ];
    response
}

fn source(transport: &FakeTransport) -> WordPressSource {
    WordPressSource::new(config(), 1000, Arc::new(transport.clone()))
}

fn slug(text: &str) -> Slug {
    Slug::parse(text).unwrap()
}

/// A post as `_embed=author,wp:term,wp:featuredmedia` returns it, trimmed to `_fields`.
fn post(slug: &str, title: &str) -> String {
    format!(
        r#"{{"id": 7, "slug": "{slug}", "date_gmt": "2026-11-02T08:30:00", "modified_gmt": "2026-11-03T10:00:00",
  "title": {{"rendered": "{title}"}},
  "excerpt": {{"rendered": "<p>The night ferry&#8217;s back &amp; running.</p>\n", "protected": false}},
  "content": {{"rendered": "<p>Body<script>alert(1)</script></p>", "protected": false}},
  "_links": {{"self": [{{"href": "{API}wp/v2/posts/7"}}]}},
  "_embedded": {{
    "author": [{{"id": 3, "name": "Ada Okafor", "slug": "ada-okafor", "description": "Harbour &amp; ferries.",
                "avatar_urls": {{"24": "https://wp.example/a-24.png", "48": "https://wp.example/a-48.png", "96": "https://wp.example/a-96.png"}}}}],
    "wp:featuredmedia": [{{"id": 9, "source_url": "https://wp.example/ferry.jpg", "alt_text": "The ferry",
                          "caption": {{"rendered": "<p>At dawn</p>"}}, "media_details": {{"width": 1200, "height": 675}}}}],
    "wp:term": [[{{"id": 1, "name": "News", "slug": "news", "taxonomy": "category"}}],
                [{{"id": 4, "name": "Fish &amp; Chips", "slug": "fish-chips", "taxonomy": "post_tag"}},
                 {{"id": 5, "name": "Ferries", "slug": "ferries", "taxonomy": "post_tag"}}]]
  }}}}"#
    )
}

/// The article made of `post`, WordPress's answer for the post `slug_text`.
fn article_from(slug_text: &str, post: &str) -> Article {
    let transport = FakeTransport::default()
        .answering(
            &format!("{API}wp/v2/posts?slug={slug_text}&_embed=author,wp:term,wp:featuredmedia&_fields={ARTICLE_FIELDS}"),
            Ok(collection(&format!("[{post}]"), 1, 1)),
        )
        .answering(
            &format!("{API}wp/v2/posts?author=3&per_page=1&_fields=id"),
            Ok(collection("[]", 1, 1)),
        );
    block_on(source(&transport).article(&slug(slug_text))).unwrap()
}

/// WordPress embeds an error in place of media the reader may not see, and `[]` for media
/// details it never recorded: the article is shown without its picture.
#[test]
fn an_article_whose_picture_cannot_be_shown_comes_without_it() {
    let media = r#"[{"id": 9, "source_url": "https://wp.example/ferry.jpg", "alt_text": "The ferry",
                          "caption": {"rendered": "<p>At dawn</p>"}, "media_details": {"width": 1200, "height": 675}}]"#;
    let forbidden = r#"[{"code": "rest_forbidden", "message": "Sorry.", "data": {"status": 401}}]"#;
    let unmeasured = media.replace(r#"{"width": 1200, "height": 675}"#, "[]");
    for replacement in [forbidden, unmeasured.as_str()] {
        let post = post("ferry-back", "Ferry").replace(media, replacement);
        assert!(
            post.contains(replacement),
            "the fixture's media is replaced"
        );
        let article = article_from("ferry-back", &post);
        assert_eq!(article.image, None, "{replacement}");
    }
}

#[test]
fn an_article_with_decoded_text_tags_image_and_author_count_in_two_requests() {
    let transport = FakeTransport::default()
        .answering(
            &format!("{API}{EMBEDDED_POST_ROUTE}"),
            Ok(collection(
                &format!(
                    "[{}]",
                    post("ferry-back", "Ferry &#8216;back&#8217; &#8211; at last")
                ),
                1,
                1,
            )),
        )
        .answering(
            &format!("{API}wp/v2/posts?author=3&per_page=1&_fields=id"),
            Ok(collection(r#"[{"id": 7}]"#, 12, 12)),
        );
    let article = block_on(source(&transport).article(&slug("ferry-back"))).unwrap();
    assert_eq!(article.title, "Ferry \u{2018}back\u{2019} \u{2013} at last");
    assert_eq!(article.excerpt, "The night ferry\u{2019}s back & running.");
    assert_eq!(article.body.as_str(), "<p>Body</p>");
    assert_eq!(
        article.published,
        Timestamp::parse("2026-11-02T08:30:00Z").unwrap()
    );
    assert!(article.updated().is_some());
    assert_eq!(
        (article.author.name.as_str(), article.author.bio.as_str()),
        ("Ada Okafor", "Harbour & ferries.")
    );
    assert_eq!(article.author.article_count, 12);
    let avatar = article.author.avatar.unwrap();
    assert_eq!(
        (avatar.url.as_str(), avatar.width),
        ("https://wp.example/a-96.png", 96)
    );
    let tags: Vec<_> = article.tags.iter().map(|tag| tag.name.as_str()).collect();
    assert_eq!(tags, ["Fish & Chips", "Ferries"], "categories are left out");
    let image = article.image.unwrap();
    assert_eq!(
        (image.width, image.height, image.alt.as_str()),
        (1200, 675, "The ferry")
    );
    assert_eq!(image.caption.as_deref(), Some("At dawn"));
    assert_eq!((article.language, article.direction), (None, None));
    assert_eq!(transport.requests().len(), 2);
}

/// The category the post fixture is in.
const POST_CATEGORIES: &str =
    r#"[{"id": 1, "name": "News", "slug": "news", "taxonomy": "category"}]"#;

/// `post` filed in `categories` (as `wp:term` embeds them) instead.
fn in_categories(post: &str, categories: &str) -> String {
    assert!(
        post.contains(POST_CATEGORIES),
        "the fixture's categories are replaced"
    );
    post.replace(POST_CATEGORIES, categories)
}

#[test]
fn a_posts_categories_are_its_sections_without_uncategorized_and_its_tags_stay_tags() {
    let post = in_categories(
        &post("ferry-back", "Ferry"),
        r#"[{"id": 6, "name": "Sport &amp; Leisure", "slug": "sport", "taxonomy": "category"},
            {"id": 1, "name": "Uncategorized", "slug": "uncategorized", "taxonomy": "category"},
            {"id": 2, "name": "News", "slug": "news", "taxonomy": "category"}]"#,
    );
    let article = article_from("ferry-back", &post);
    assert_eq!(slugs(&article.sections), ["sport", "news"]);
    assert_eq!(article.sections[0].name, "Sport & Leisure");
    assert_eq!(article.sections[0].taxonomy, Taxonomy::Section);
    assert_eq!(slugs(&article.tags), ["fish-chips", "ferries"]);
    assert!(article.tags.iter().all(|tag| tag.taxonomy == Taxonomy::Tag));

    let route = format!(
        "{API}wp/v2/posts?offset=0&per_page=2&_embed=author,wp:term,wp:featuredmedia&_fields={CARD_FIELDS}"
    );
    let transport =
        FakeTransport::default().answering(&route, Ok(collection(&format!("[{post}]"), 1, 1)));
    let card = block_on(source(&transport).home(1))
        .unwrap()
        .articles
        .remove(0);
    assert_eq!(card.sections, article.sections);
    assert_eq!(card.tags, article.tags);
}

#[test]
fn a_post_only_in_uncategorized_is_in_no_section() {
    let post = in_categories(
        &post("ferry-back", "Ferry"),
        r#"[{"id": 1, "name": "Uncategorized", "slug": "uncategorized", "taxonomy": "category"}]"#,
    );
    let article = article_from("ferry-back", &post);
    assert_eq!(article.sections, []);
    assert_eq!(article.tags.len(), 2);
}

#[test]
fn a_post_in_a_right_to_left_script_gets_its_direction() {
    let transport = FakeTransport::default()
        .answering(
            &format!("{API}wp/v2/posts?slug=fish-market-dawn-ar&_embed=author,wp:term,wp:featuredmedia&_fields={ARTICLE_FIELDS}"),
            Ok(collection(&format!("[{}]", post("fish-market-dawn-ar", "سوق السمك عند الفجر")), 1, 1)),
        )
        .answering(
            &format!("{API}wp/v2/posts?author=3&per_page=1&_fields=id"),
            Ok(collection("[]", 1, 1)),
        );
    let article = block_on(source(&transport).article(&slug("fish-market-dawn-ar"))).unwrap();
    assert_eq!(article.direction, Some(Direction::Rtl));
}

#[test]
fn listings_page_by_the_total_headers() {
    let route = format!(
        "{API}wp/v2/posts?offset=2&per_page=2&_embed=author,wp:term,wp:featuredmedia&_fields={CARD_FIELDS}"
    );
    let two = format!("[{}, {}]", post("a", "A"), post("b", "B &amp; C"));
    let transport = FakeTransport::default().answering(&route, Ok(collection(&two, 5, 3)));
    let listing = block_on(source(&transport).home(2)).unwrap();
    assert_eq!(
        (listing.page, listing.total_pages, listing.total_articles),
        (2, 3, 5)
    );
    assert_eq!(listing.articles[1].title, "B & C");
    assert_eq!(listing.articles[0].author.path(), "/author/ada-okafor/");
    assert_eq!(listing.articles[0].tags.len(), 2);

    // Without the headers (a proxy that drops them) the listing cannot be paged.
    let transport = FakeTransport::default().answering(&route, Ok(json(200, &two)));
    let error = block_on(source(&transport).home(2)).unwrap_err();
    assert!(
        matches!(&error, DataError::BadData { detail, .. } if detail.contains("X-WP-TotalPages")),
        "{error:?}"
    );
}

#[test]
fn a_page_past_the_end_and_an_unknown_slug_are_not_found() {
    let transport = FakeTransport::default()
        .answering(
            &format!("{API}wp/v2/posts?offset=16&per_page=2&_embed=author,wp:term,wp:featuredmedia&_fields={CARD_FIELDS}"),
            Ok(json(400, r#"{"code":"rest_post_invalid_page_number","message":"The page number requested is larger than the number of pages available.","data":{"status":400}}"#)),
        )
        .answering(
            &format!("{API}wp/v2/posts?slug=nothing&_embed=author,wp:term,wp:featuredmedia&_fields={ARTICLE_FIELDS}"),
            Ok(collection("[]", 0, 0)),
        )
        .answering(
            &format!("{API}wp/v2/tags?slug=nothing&_fields=id,name,slug,description"),
            Ok(collection("[]", 0, 0)),
        )
        .answering(
            &format!("{API}wp/v2/users?slug=nothing&_fields=id,name,slug,description,avatar_urls"),
            Ok(collection("[]", 0, 0)),
        );
    let source = source(&transport);
    let not_found = |result: Result<(), DataError>| {
        assert!(
            matches!(result, Err(DataError::NotFound { .. })),
            "{result:?}"
        )
    };
    not_found(block_on(source.home(9)).map(drop));
    not_found(block_on(source.home(0)).map(drop));
    not_found(block_on(source.article(&slug("nothing"))).map(drop));
    not_found(block_on(source.term_page(Taxonomy::Tag, &slug("nothing"), 1)).map(drop));
    not_found(block_on(source.author_page(&slug("nothing"), 1)).map(drop));
}

#[test]
fn wordpress_errors_html_pages_and_network_failures_map_to_their_own_errors() {
    let index = format!("{API}?_fields=name,description");
    let answer = |response: Result<HttpResponse, TransportError>| {
        let transport = FakeTransport::default().answering(&index, response);
        block_on(source(&transport).site())
    };
    assert_eq!(
        answer(Ok(json(500, r#"{"code":"internal_server_error","message":"There has been a critical error on this website.","data":{"status":500}}"#))),
        Err(DataError::Server {
            status: 500,
            what: "the site index (internal_server_error: There has been a critical error on this website.)".into()
        })
    );
    assert!(matches!(
        answer(Ok(json(404, r#"{"code":"rest_no_route","message":"No route was found matching the URL and request method.","data":{"status":404}}"#))),
        Err(DataError::Server { status: 404, what }) if what.contains("rest_no_route")
    ));
    assert_eq!(
        answer(Ok(fake::response(502, "text/html", "<h1>Bad gateway</h1>"))),
        Err(DataError::Server {
            status: 502,
            what: "the site index".into()
        })
    );
    // A login redirect or a PHP notice before the JSON.
    let login = answer(Ok(fake::response(
        200,
        "text/html; charset=UTF-8",
        "<!DOCTYPE html><title>Log In</title>",
    )));
    assert!(
        matches!(&login, Err(DataError::BadData { detail, .. }) if detail.contains("/wp-json/")),
        "{login:?}"
    );
    let notice = answer(Ok(json(
        200,
        "<br />\n<b>Warning</b>: x in y.php<br />{\"name\":\"x\"}",
    )));
    assert!(
        matches!(notice, Err(DataError::BadData { .. })),
        "{notice:?}"
    );
    assert_eq!(
        answer(Err(TransportError::Timeout)),
        Err(DataError::Timeout { after_ms: 1000 })
    );
    assert!(matches!(
        answer(Err(TransportError::Network("Failed to fetch".into()))),
        Err(DataError::Network { .. })
    ));
}

/// The site index and `categories`, as [`wire::SECTIONS_ROUTE`] answers them: what `site()` reads.
fn site_transport(categories: &str) -> FakeTransport {
    let count = categories.matches("\"id\"").count() as u32;
    FakeTransport::default()
        .answering(
            &format!("{API}?_fields=name,description"),
            Ok(json(
                200,
                r#"{"name": "The Harbour Herald &amp; Gazette", "description": "News, every morning"}"#,
            )),
        )
        .answering(
            &format!("{API}{}", wire::SECTIONS_ROUTE),
            Ok(collection(categories, count, 1)),
        )
}

/// By name, as WordPress lists them for [`wire::SECTIONS_ROUTE`]: Uncategorized among them.
const CATEGORIES: &str = r#"[{"id": 8, "name": "Culture", "slug": "culture"},
  {"id": 2, "name": "News", "slug": "news"},
  {"id": 6, "name": "Sport &amp; Leisure", "slug": "sport"},
  {"id": 1, "name": "Uncategorized", "slug": "uncategorized"}]"#;

fn slugs(links: &[TermLink]) -> Vec<&str> {
    links.iter().map(|link| link.slug.as_str()).collect()
}

#[test]
fn the_site_takes_its_name_from_wordpress_and_its_language_from_the_config() {
    let transport = site_transport("[]");
    let site = block_on(source(&transport).site()).unwrap();
    assert_eq!(site.title, "The Harbour Herald & Gazette");
    assert_eq!(site.tagline, "News, every morning");
    assert_eq!(site.language, "en-GB");
    assert_eq!(site.base_url, "https://herald.example/");
    assert_eq!(site.sections, []);
}

#[test]
fn the_section_bar_is_the_categories_with_posts_in_wordpress_order_without_uncategorized() {
    let transport = site_transport(CATEGORIES);
    let site = block_on(source(&transport).site()).unwrap();
    assert_eq!(slugs(&site.sections), ["culture", "news", "sport"]);
    assert_eq!(site.sections[2].name, "Sport & Leisure");
    assert_eq!(site.sections[2].taxonomy, Taxonomy::Section);
    assert_eq!(site.sections[2].path(), "/category/sport/");
    assert_eq!(
        transport.requests(),
        [
            format!("{API}?_fields=name,description"),
            format!("{API}{}", wire::SECTIONS_ROUTE),
        ]
    );
    assert!(
        wire::SECTIONS_ROUTE.starts_with("wp/v2/categories?hide_empty=true&"),
        "only the categories with posts"
    );
}

#[test]
fn the_configured_section_order_leads_the_bar() {
    let config = WordPressConfig {
        section_order: vec![
            slug("sport"),
            slug("uncategorized"),
            slug("gone"),
            slug("news"),
        ],
        ..config()
    };
    let transport = site_transport(CATEGORIES);
    let source = WordPressSource::new(config, 1000, Arc::new(transport.clone()));
    let site = block_on(source.site()).unwrap();
    assert_eq!(
        slugs(&site.sections),
        ["sport", "news", "culture"],
        "named ones first, in the config's order; uncategorized and a gone one are passed over"
    );
}

#[test]
fn a_tag_page_asks_for_the_posts_of_its_tag_published_since_its_newest_from_the_tag_it_read() {
    let transport = FakeTransport::default()
        .answering(
            &format!("{API}wp/v2/tags?slug=fish-chips&_fields=id,name,slug,description"),
            Ok(collection(r#"[{"id": 4, "name": "Fish", "slug": "fish-chips", "description": ""}]"#, 1, 1)),
        )
        .answering(
            &format!("{API}wp/v2/posts?tags=4&offset=0&per_page=2&_embed=author,wp:term,wp:featuredmedia&_fields={CARD_FIELDS}"),
            Ok(collection(&format!("[{}]", post("a", "A")), 1, 1)),
        );
    let source = source(&transport);
    let route = Route::tag(&slug("fish-chips"));
    let page = block_on(source.term_page(Taxonomy::Tag, &slug("fish-chips"), 1)).unwrap();
    let since = &page.listing.articles[0].published;
    let check = block_on(source.newer_check(&route, Some(since)))
        .unwrap()
        .unwrap();
    assert_eq!(
        check.ask,
        Ask::WordPressTotal(format!(
            "{API}wp/v2/posts?tags=4&after=2026-11-02T08%3A30%3A00Z&per_page=1&_fields=id"
        ))
    );
    assert_eq!(check.news, News::Articles);
    assert_eq!(transport.requests().len(), 2, "the tag was read once");

    let home = block_on(source.newer_check(&Route::HOME, None))
        .unwrap()
        .unwrap();
    assert_eq!(
        home.ask,
        Ask::WordPressTotal(format!("{API}wp/v2/posts?per_page=1&_fields=id"))
    );
    assert_eq!(
        block_on(source.newer_check(&route.with_page(2), Some(since))).unwrap(),
        None
    );
    let article = block_on(source.newer_check(&Route::Article(slug("a")), Some(since)))
        .unwrap()
        .unwrap();
    assert_eq!(
        article.ask,
        Ask::WordPressModified(format!("{API}wp/v2/posts?slug=a&_fields=modified_gmt"))
    );
    assert_eq!(article.news, News::Version);
}

/// What a section page of `sport` reads: the category by slug, then its posts.
fn section_transport() -> FakeTransport {
    FakeTransport::default()
        .answering(
            &format!("{API}wp/v2/categories?slug=sport&_fields=id,name,slug,description"),
            Ok(collection(r#"[{"id": 6, "name": "Sport &amp; Leisure", "slug": "sport", "description": "<p>Every match.</p>"}]"#, 1, 1)),
        )
        .answering(
            &format!("{API}wp/v2/posts?categories=6&offset=0&per_page=2&_embed=author,wp:term,wp:featuredmedia&_fields={CARD_FIELDS}"),
            Ok(collection(&format!("[{}]", post("a", "A")), 3, 2)),
        )
}

#[test]
fn a_section_page_looks_the_category_up_then_lists_its_posts() {
    let transport = section_transport();
    let page =
        block_on(source(&transport).term_page(Taxonomy::Section, &slug("sport"), 1)).unwrap();
    assert_eq!(
        page.term,
        crate::model::Term {
            taxonomy: Taxonomy::Section,
            slug: slug("sport"),
            name: "Sport & Leisure".into(),
            description: "Every match.".into(),
            article_count: 3,
        }
    );
    assert_eq!(page.term.path(), "/category/sport/");
    assert_eq!(page.listing.total_pages, 2);
    assert_eq!(
        transport.requests(),
        [
            format!("{API}wp/v2/categories?slug=sport&_fields=id,name,slug,description"),
            format!("{API}wp/v2/posts?categories=6&offset=0&per_page=2&_embed=author,wp:term,wp:featuredmedia&_fields={CARD_FIELDS}"),
        ]
    );
}

#[test]
fn an_unknown_section_is_not_found() {
    let transport = FakeTransport::default().answering(
        &format!("{API}wp/v2/categories?slug=nothing&_fields=id,name,slug,description"),
        Ok(collection("[]", 0, 0)),
    );
    assert_eq!(
        block_on(source(&transport).term_page(Taxonomy::Section, &slug("nothing"), 1)),
        Err(DataError::not_found("the section nothing"))
    );
    // The category of posts filed nowhere is no section, without asking WordPress.
    assert_eq!(
        block_on(source(&transport).term_page(Taxonomy::Section, &slug("uncategorized"), 1)),
        Err(DataError::not_found("the section uncategorized"))
    );
    assert_eq!(transport.requests().len(), 1);
}

#[test]
fn a_section_page_asks_for_the_posts_of_its_category_published_since_its_newest() {
    let transport = section_transport();
    let source = source(&transport);
    let page = block_on(source.term_page(Taxonomy::Section, &slug("sport"), 1)).unwrap();
    let since = &page.listing.articles[0].published;
    let check = block_on(source.newer_check(&Route::section(&slug("sport")), Some(since)))
        .unwrap()
        .unwrap();
    assert_eq!(
        check.ask,
        Ask::WordPressTotal(format!(
            "{API}wp/v2/posts?categories=6&after=2026-11-02T08%3A30%3A00Z&per_page=1&_fields=id"
        ))
    );
    assert_eq!(check.news, News::Articles);
    assert_eq!(transport.requests().len(), 2, "the category was read once");
}

#[test]
fn an_author_page_counts_the_authors_posts() {
    let transport = FakeTransport::default()
        .answering(
            &format!("{API}wp/v2/users?slug=ada-okafor&_fields=id,name,slug,description,avatar_urls"),
            Ok(collection(r#"[{"id": 3, "name": "Ada Okafor", "slug": "ada-okafor", "description": "", "avatar_urls": []}]"#, 1, 1)),
        )
        .answering(
            &format!("{API}wp/v2/posts?author=3&offset=0&per_page=2&_embed=author,wp:term,wp:featuredmedia&_fields={CARD_FIELDS}"),
            Ok(collection(&format!("[{}, {}]", post("a", "A"), post("b", "B")), 7, 4)),
        );
    let page = block_on(source(&transport).author_page(&slug("ada-okafor"), 1)).unwrap();
    assert_eq!(page.author.article_count, 7);
    assert_eq!(page.author.avatar, None);
    assert_eq!(page.listing.articles.len(), 2);
}

#[test]
fn comments_after_their_article_take_its_post_id_and_alone_ask_for_the_id_only() {
    let comments_url = format!(
        "{API}wp/v2/comments?post=7&page=1&per_page=100&order=asc&_fields={COMMENT_FIELDS}"
    );
    let transport = FakeTransport::default()
        .answering(
            &format!("{API}{EMBEDDED_POST_ROUTE}"),
            Ok(collection(
                &format!("[{}]", post("ferry-back", "Ferry")),
                1,
                1,
            )),
        )
        .answering(
            &format!("{API}wp/v2/posts?author=3&per_page=1&_fields=id"),
            Ok(collection("[]", 4, 4)),
        )
        .answering(&comments_url, Ok(collection("[]", 0, 0)))
        .answering(
            &format!("{API}{POST_ID_ROUTE}"),
            Ok(collection(r#"[{"id": 7}]"#, 1, 1)),
        );
    let after_article = source(&transport);
    block_on(after_article.article(&slug("ferry-back"))).unwrap();
    block_on(after_article.comments(&slug("ferry-back"), false)).unwrap();
    assert!(!transport
        .requests()
        .contains(&format!("{API}{POST_ID_ROUTE}")));
    // An island's comments, whose page carries no article.
    block_on(source(&transport).comments(&slug("ferry-back"), false)).unwrap();
    assert!(transport
        .requests()
        .contains(&format!("{API}{POST_ID_ROUTE}")));
}

#[test]
fn comments_are_read_over_every_page() {
    let comment = |id: u64, parent: u64| {
        format!(
            r#"{{"id": {id}, "parent": {parent}, "author_name": "Reader &amp; co", "author_url": "javascript:alert(1)",
                "date_gmt": "2026-11-02T09:00:00", "content": {{"rendered": "<p onclick=\"x\">Hi</p>"}},
                "author_avatar_urls": {{"48": "https://wp.example/c-48.png"}}}}"#
        )
    };
    let page_url = |page: u32| {
        format!("{API}wp/v2/comments?post=7&page={page}&per_page=100&order=asc&_fields={COMMENT_FIELDS}")
    };
    let transport = FakeTransport::default()
        .answering(
            &format!("{API}{POST_ID_ROUTE}"),
            Ok(collection(r#"[{"id": 7}]"#, 1, 1)),
        )
        .answering(
            &page_url(1),
            Ok(collection(
                &format!("[{}, {}]", comment(1, 0), comment(2, 1)),
                3,
                2,
            )),
        )
        .answering(
            &page_url(2),
            Ok(collection(&format!("[{}]", comment(3, 2)), 3, 2)),
        );
    let comments = block_on(source(&transport).comments(&slug("ferry-back"), false)).unwrap();
    let threads: Vec<_> = comments.iter().map(|c| (c.id, c.parent)).collect();
    assert_eq!(threads, [(1, 0), (2, 1), (3, 2)]);
    assert_eq!(comments[0].author_name, "Reader & co");
    assert_eq!(comments[0].author_url, None);
    assert_eq!(comments[0].content.as_str(), "<p>Hi</p>");
    assert_eq!(comments[0].avatar.as_ref().unwrap().width, 48);
}

#[test]
fn the_ticker_shows_the_latest_titles() {
    let transport = FakeTransport::default().answering(
        &format!("{API}wp/v2/posts?per_page=10&_fields=slug,title"),
        Ok(collection(
            r#"[{"slug": "%d8%b3%d9%88%d9%82", "title": {"rendered": "Fish &#038; chips"}}]"#,
            1,
            1,
        )),
    );
    let headlines = block_on(source(&transport).ticker(10, false)).unwrap();
    assert_eq!(headlines[0].title, "Fish & chips");
    assert_eq!(
        headlines[0].link,
        crate::model::HeadlineLink::Article(slug("سوق"))
    );
}

#[test]
fn a_password_protected_post_says_so_instead_of_showing_nothing() {
    // Without the password WordPress sends the title, and empty content and excerpt.
    let protected = post("locked", "Locked").replace(
        r#""content": {"rendered": "<p>Body<script>alert(1)</script></p>", "protected": false}"#,
        r#""content": {"rendered": "", "protected": true}"#,
    );
    assert!(protected.contains(r#""protected": true"#));
    let article = article_from("locked", &protected);
    assert_eq!(article.title, "Locked");
    assert!(article.body.as_str().contains("protected by a password"));
}

fn post_comment_with(
    answer: Result<HttpResponse, TransportError>,
) -> Result<PostedComment, CommentError> {
    let draft = CommentDraft {
        content: "Good \"news\"\n".into(),
        name: "Gwen".into(),
        email: "gwen@example.org".into(),
        website: "gwen.example".into(),
    };
    let body = r#"{"post":7,"parent":3,"author_name":"Gwen","author_email":"gwen@example.org","author_url":"http://gwen.example","content":"Good \"news\""}"#;
    let transport = FakeTransport::default()
        .answering(
            &format!("{API}{POST_ID_ROUTE}"),
            Ok(collection(r#"[{"id": 7}]"#, 1, 1)),
        )
        .answering(&format!("POST {API}wp/v2/comments {body}"), answer);
    block_on(source(&transport).post_comment(&slug("ferry-back"), 3, &draft))
}

fn wp_error(status: u16, code: &str, extra: &str) -> Result<HttpResponse, TransportError> {
    Ok(json(
        status,
        &format!(
            r#"{{"code":"{code}","message":"WordPress says &#8220;no&#8221;.","data":{{"status":{status}{extra}}}}}"#
        ),
    ))
}

#[test]
fn a_posted_comment_comes_back_approved_or_held() {
    let created = |status: &str| {
        Ok(json(
            201,
            &format!(
                r#"{{"id": 40, "parent": 3, "status": "{status}", "author_name": "Gwen", "author_url": "http://gwen.example",
                "date_gmt": "2026-11-25T10:00:00", "content": {{"rendered": "<p>Good &#8220;news&#8221;</p>\n"}}, "author_avatar_urls": {{}}}}"#
            ),
        ))
    };
    let approved = post_comment_with(created("approved")).unwrap();
    assert_eq!(
        (approved.comment.id, approved.comment.parent, approved.held),
        (40, 3, false)
    );
    assert_eq!(
        approved.comment.content.as_str(),
        "<p>Good \u{201c}news\u{201d}</p>\n"
    );
    assert!(post_comment_with(created("hold")).unwrap().held);
}

#[test]
fn every_refusal_has_its_own_error() {
    assert_eq!(
        post_comment_with(wp_error(409, "comment_duplicate", "")),
        Err(CommentError::Duplicate)
    );
    assert_eq!(
        post_comment_with(wp_error(400, "comment_flood", "")),
        Err(CommentError::TooFast)
    );
    assert_eq!(
        post_comment_with(wp_error(401, "rest_comment_login_required", "")),
        Err(CommentError::LoginRequired)
    );
    assert_eq!(
        post_comment_with(wp_error(
            400,
            "rest_invalid_param",
            r#","params":{"author_email":"Invalid email address."}"#
        )),
        Err(CommentError::Invalid {
            field: Some(Field::Email),
            message: "Invalid email address.".into()
        })
    );
    assert_eq!(
        post_comment_with(wp_error(400, "comment_author_column_length", "")),
        Err(CommentError::Invalid {
            field: Some(Field::Name),
            message: "WordPress says \u{201c}no\u{201d}.".into()
        })
    );
    assert_eq!(
        post_comment_with(wp_error(403, "rest_comment_closed", "")),
        Err(CommentError::Closed)
    );
    assert!(matches!(
        post_comment_with(Ok(fake::response(503, "text/html", "<h1>Busy</h1>"))),
        Err(CommentError::Failed(DataError::Server { status: 503, .. }))
    ));
    assert!(matches!(
        post_comment_with(wp_error(500, "db_insert_error", "")),
        Err(CommentError::Failed(DataError::Server { status: 500, .. }))
    ));
    assert_eq!(
        post_comment_with(Err(TransportError::Timeout)),
        Err(CommentError::Failed(DataError::Timeout { after_ms: 1000 }))
    );
}

/// The catalogue is read at build time only.
#[cfg(not(target_arch = "wasm32"))]
mod catalogue {
    use super::*;

    /// The catalogue's answers: `posts` (JSON entries) at `posts_route`, one tag, two categories
    /// (Uncategorized and Sport), one author.
    fn catalogue_site(
        transport: FakeTransport,
        posts_route: &str,
        posts: &str,
        count: u32,
    ) -> FakeTransport {
        transport
            .answering(
                &format!("{API}{posts_route}offset=0&per_page=100"),
                Ok(collection(posts, count, 1)),
            )
            .answering(
                &format!("{API}wp/v2/tags?_fields=id,slug,name,description&offset=0&per_page=100"),
                Ok(collection(r#"[{"id":10,"slug":"harbour","name":"Harbour &amp; Sea","description":""}]"#, 1, 1)),
            )
            .answering(
                &format!("{API}wp/v2/categories?_fields=id,slug,name,description&offset=0&per_page=100"),
                Ok(collection(r#"[{"id":1,"slug":"uncategorized","name":"Uncategorized","description":""},{"id":6,"slug":"sport","name":"Sport &amp; Leisure","description":"Every match."}]"#, 2, 1)),
            )
            .answering(
                &format!("{API}wp/v2/users?_fields=id,slug,name,description,avatar_urls&offset=0&per_page=100"),
                Ok(collection(r#"[{"id":1,"slug":"ada","name":"Ada","description":"","avatar_urls":{}}]"#, 1, 1)),
            )
            .answering(&format!("{API}?_fields=name,description"), Ok(json(200, r#"{"name":"Herald","description":""}"#)))
    }

    fn entry(id: u64, date: &str, modified: &str) -> String {
        format!(
            r#"{{"id":{id},"slug":"post-{id}","date_gmt":"{date}","modified_gmt":"{modified}","author":1,"tags":[10],"categories":[6]}}"#
        )
    }

    const ALL_POSTS: &str =
        "wp/v2/posts?_fields=id,slug,date_gmt,modified_gmt,author,tags,categories&";
    /// The posts modified from the day before the newest change of the catalogue below.
    const MODIFIED_POSTS: &str = "wp/v2/posts?_fields=id,slug,date_gmt,modified_gmt,author,tags,categories&orderby=modified&order=asc&modified_after=2026-11-03T00:00:00&";
    const TOTAL: &str = "wp/v2/posts?per_page=1&_fields=id";

    fn two_posts() -> Catalogue {
        let posts = format!(
            "[{}, {}]",
            entry(2, "2026-11-02T08:00:00", "2026-11-04T09:00:00"),
            entry(1, "2026-11-01T08:00:00", "2026-11-01T08:00:00")
        );
        let transport = catalogue_site(FakeTransport::default(), ALL_POSTS, &posts, 2);
        block_on(source(&transport).catalogue()).unwrap()
    }

    #[test]
    fn a_catalogue_lists_posts_newest_first_and_tags_by_what_cards_show() {
        let catalogue = two_posts();
        let ids: Vec<u64> = catalogue.posts.iter().map(|post| post.id).collect();
        assert_eq!(ids, [2, 1]);
        let (published, modified) = catalogue.posts[0].dates().unwrap();
        assert_eq!(published.as_str(), "2026-11-02T08:00:00Z");
        assert_eq!(modified.unwrap().as_str(), "2026-11-04T09:00:00Z");
        let tag = catalogue.tags[0].term_link(Taxonomy::Tag).unwrap().unwrap();
        assert_eq!(
            (tag.slug.as_str(), tag.name.as_str()),
            ("harbour", "Harbour & Sea")
        );
    }

    #[test]
    fn a_later_catalogue_reads_only_the_posts_modified_since() {
        let previous = two_posts();
        let modified = format!(
            "[{}, {}]",
            entry(2, "2026-11-02T08:00:00", "2026-11-04T09:00:00"),
            entry(3, "2026-11-05T08:00:00", "2026-11-05T08:00:00")
        );
        let transport = catalogue_site(FakeTransport::default(), MODIFIED_POSTS, &modified, 2)
            .answering(
                &format!("{API}{TOTAL}"),
                Ok(collection("[{\"id\":3}]", 3, 3)),
            );
        let now = block_on(source(&transport).catalogue_since(&previous)).unwrap();
        let ids: Vec<u64> = now.posts.iter().map(|post| post.id).collect();
        assert_eq!(ids, [3, 2, 1]);
        assert!(
            !transport
                .requests()
                .iter()
                .any(|url| url.contains(&format!("{ALL_POSTS}offset"))),
            "{:?}",
            transport.requests()
        );
    }

    #[test]
    fn a_later_catalogue_reads_every_post_again_when_one_is_gone() {
        let previous = two_posts();
        // Post 1 was deleted: the site has one post, and the posts modified since give none.
        let transport = catalogue_site(FakeTransport::default(), MODIFIED_POSTS, "[]", 0)
            .answering(
                &format!("{API}{TOTAL}"),
                Ok(collection("[{\"id\":2}]", 1, 1)),
            );
        let transport = catalogue_site(
            transport,
            ALL_POSTS,
            &format!(
                "[{}]",
                entry(2, "2026-11-02T08:00:00", "2026-11-04T09:00:00")
            ),
            1,
        );
        let now = block_on(source(&transport).catalogue_since(&previous)).unwrap();
        let ids: Vec<u64> = now.posts.iter().map(|post| post.id).collect();
        assert_eq!(ids, [2]);
    }

    #[test]
    fn a_catalogue_reads_every_category_and_the_categories_of_each_post() {
        let catalogue = two_posts();
        assert_eq!(catalogue.posts[0].categories, [6]);
        let ids: Vec<u64> = catalogue.categories.iter().map(|entry| entry.id).collect();
        assert_eq!(ids, [1, 6]);
        let sport = catalogue.categories[1]
            .term_link(Taxonomy::Section)
            .unwrap()
            .unwrap();
        assert_eq!(
            (sport.taxonomy, sport.slug.as_str(), sport.name.as_str()),
            (Taxonomy::Section, "sport", "Sport & Leisure")
        );
        assert_eq!(
            catalogue.categories[0].term_link(Taxonomy::Section),
            Ok(None),
            "uncategorized is no section"
        );
    }

    #[test]
    fn a_post_entry_from_before_categories_has_none() {
        let entry: PostEntry = serde_json::from_str(
            r#"{"id":1,"slug":"a","date_gmt":"2026-11-01T08:00:00","modified_gmt":"2026-11-01T08:00:00","author":1,"tags":[10]}"#,
        )
        .unwrap();
        assert_eq!(entry.categories, Vec::<u64>::new());
        let catalogue: Catalogue =
            serde_json::from_str(r#"{"site":"{}","posts":[],"tags":[],"authors":[]}"#).unwrap();
        assert_eq!(catalogue.categories, []);
    }
}

#[test]
fn a_search_asks_wordpress_for_the_first_twenty_posts_with_the_words_and_counts_them_all() {
    let route = format!(
        "{API}wp/v2/posts?search=fish+%26+chips&offset=0&per_page=20&_embed=author,wp:term,wp:featuredmedia&_fields={CARD_FIELDS}"
    );
    let found = format!("[{}]", post("ferry-back", "Ferry"));
    let transport = FakeTransport::default().answering(&route, Ok(collection(&found, 31, 2)));
    let results = block_on(source(&transport).search("fish & chips")).unwrap();
    assert_eq!(results.query, "fish & chips");
    assert_eq!(results.total, 31);
    assert_eq!(slugs_of(&results.articles), ["ferry-back"]);
}

#[test]
fn a_search_that_finds_nothing_is_no_error() {
    let route = format!(
        "{API}wp/v2/posts?search=zebra&offset=0&per_page=20&_embed=author,wp:term,wp:featuredmedia&_fields={CARD_FIELDS}"
    );
    let transport = FakeTransport::default().answering(&route, Ok(collection("[]", 0, 0)));
    let results = block_on(source(&transport).search("zebra")).unwrap();
    assert_eq!((results.total, results.articles.len()), (0, 0));
}

fn slugs_of(cards: &[crate::model::ArticleCard]) -> Vec<&str> {
    cards.iter().map(|card| card.slug.as_str()).collect()
}
