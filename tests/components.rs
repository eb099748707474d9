//! The shared components, mounted in headless Chromium (`wasm-bindgen-test`) and checked in the DOM.
#![cfg(target_arch = "wasm32")]

use broadsheet::components::{
    ArticleList, ArticleSummary, AuthorCard, ErrorView, NewsTicker, Pagination, TagList,
    TickerSource,
};
use broadsheet::config::parse_config;
use broadsheet::error::DataError;
use broadsheet::i18n::Strings;
use broadsheet::model::{
    draft_key, thread, ArticleCard, Author, Comment, CommentDraft, Field, HeldComment, Image,
    Listing, Route, Slug, Taxonomy, TermLink, Timestamp,
};
use broadsheet::pages::article::comments::{
    CommentBody, CommentForm, CommentList, CommentThread, Comments, Discussion, FormField,
    FormState, FormStatus, ReplyButton, ReplyHeading, ReplyTarget, Status, Thread,
};
use broadsheet::sanitize::sanitize_html;
use broadsheet::source::{DataSource, HttpRequest, HttpResponse, Transport, TransportError};
use broadsheet::state::AppSource;
use broadsheet::storage;
use futures::future::LocalBoxFuture;
use leptos::error::{ErrorId, Errors};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos_router::components::Router;
use std::any::Any;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A view mounted in a fresh `<div>` at the end of `<body>`; dropping it unmounts the view and
/// removes the `<div>`.
struct Mounted {
    container: HtmlElement,
    /// The `UnmountHandle`, whose type names the view's.
    _handle: Box<dyn Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.container.remove();
    }
}

impl Mounted {
    fn find(&self, selector: &str) -> Option<Element> {
        self.container.query_selector(selector).unwrap()
    }

    fn get(&self, selector: &str) -> Element {
        self.find(selector)
            .unwrap_or_else(|| panic!("nothing matches {selector:?} in {}", self.html()))
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.container.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|index| list.item(index).unwrap().dyn_into().unwrap())
            .collect()
    }

    fn text(&self) -> String {
        self.container.text_content().unwrap_or_default()
    }

    fn html(&self) -> String {
        self.container.inner_html()
    }
}

/// Mounts `view` inside a `<Router>` (the components link with `<A>`), then lets effects run.
async fn mount<F, N>(view: F) -> Mounted
where
    F: FnOnce() -> N + Send + 'static,
    N: IntoView + 'static,
{
    let document = web_sys::window().unwrap().document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = mount_to(container.clone(), move || {
        leptos_meta::provide_meta_context();
        view! { <Router>{view()}</Router> }
    });
    leptos::task::tick().await;
    Mounted {
        container,
        _handle: Box::new(handle),
    }
}

/// Lets the tasks a view started (reading its data through a transport) finish.
async fn settle() {
    for _ in 0..5 {
        leptos::task::tick().await;
    }
}

/// A callback, and how many times it has been called.
fn counted() -> (Arc<AtomicUsize>, Callback<()>) {
    let calls = Arc::new(AtomicUsize::new(0));
    let callback = {
        let calls = calls.clone();
        Callback::new(move |()| {
            calls.fetch_add(1, Ordering::SeqCst);
        })
    };
    (calls, callback)
}

fn document_title() -> String {
    web_sys::window().unwrap().document().unwrap().title()
}

fn text_of(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

fn attribute(element: &Element, name: &str) -> String {
    element
        .get_attribute(name)
        .unwrap_or_else(|| panic!("no {name} on {}", element.outer_html()))
}

fn slug(text: &str) -> Slug {
    Slug::parse(text).unwrap()
}

fn author(article_count: u32) -> Author {
    Author {
        slug: slug("ada-okafor"),
        name: "Ada Okafor".into(),
        bio: "Ada covers the harbour and its ferries.".into(),
        avatar: Some(Image {
            url: "https://cdn.example/ada.jpg".into(),
            width: 96,
            height: 96,
            alt: "Ada Okafor".into(),
            caption: None,
        }),
        article_count,
    }
}

fn tag(slug_text: &str, name: &str) -> TermLink {
    TermLink {
        taxonomy: Taxonomy::Tag,
        slug: slug(slug_text),
        name: name.into(),
    }
}

fn card(slug_text: &str, tags: Vec<TermLink>) -> ArticleCard {
    ArticleCard {
        slug: slug(slug_text),
        title: "Night ferry returns to the harbour".into(),
        excerpt: "The service resumes on Monday.".into(),
        published: Timestamp::parse("2026-11-03T08:30:00Z").unwrap(),
        modified: None,
        author: author(7).link(),
        tags,
        sections: Vec::new(),
        image: Some(Image {
            url: "https://cdn.example/ferry.jpg".into(),
            width: 800,
            height: 450,
            alt: String::new(),
            caption: None,
        }),
    }
}

/// The first of a listing's `total_pages` pages, listing `articles` (all there are, as far as it
/// says).
fn first_page(total_pages: u32, articles: Vec<ArticleCard>) -> Listing {
    Listing {
        page: 1,
        total_pages,
        total_articles: articles.len() as u32,
        articles,
    }
}

// --- AuthorCard ------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn author_card_shows_name_count_avatar_bio_and_link() {
    let page = mount(|| view! { <AuthorCard author=author(7)/> }).await;
    assert_eq!(text_of(&page.get("h2")), "About Ada Okafor (7 Articles)");
    let section = page.get("section.author-card");
    let heading = page.get("h2");
    assert_eq!(
        attribute(&section, "aria-labelledby"),
        attribute(&heading, "id")
    );

    let avatar = page.get("img.avatar");
    assert_eq!(attribute(&avatar, "src"), "https://cdn.example/ada.jpg");
    assert_eq!(attribute(&avatar, "width"), "96");
    assert_eq!(attribute(&avatar, "height"), "96");
    assert_eq!(attribute(&avatar, "alt"), "", "the avatar is decorative");

    assert_eq!(
        text_of(&page.get("p.bio")),
        "Ada covers the harbour and its ferries."
    );
    let link = page.get("a");
    assert_eq!(attribute(&link, "href"), "/author/ada-okafor/");
    assert_eq!(text_of(&link), "All articles by Ada Okafor");
}

#[wasm_bindgen_test]
async fn author_card_counts_one_article_in_the_singular() {
    let page = mount(|| view! { <AuthorCard author=author(1)/> }).await;
    assert_eq!(text_of(&page.get("h2")), "About Ada Okafor (1 Article)");
}

#[wasm_bindgen_test]
async fn author_card_can_leave_out_the_link_and_missing_parts() {
    let page = mount(|| view! { <AuthorCard author=author(7) link_to_page=false/> }).await;
    assert!(page.find("a").is_none(), "{}", page.html());
    assert!(!page.text().contains("All articles by"));

    let bare = Author {
        bio: String::new(),
        avatar: None,
        ..author(0)
    };
    let page = mount(move || view! { <AuthorCard author=bare/> }).await;
    assert_eq!(text_of(&page.get("h2")), "About Ada Okafor (0 Articles)");
    assert!(page.find("img").is_none(), "{}", page.html());
    assert!(page.find("p.bio").is_none(), "{}", page.html());
}

#[wasm_bindgen_test]
async fn author_card_counts_articles_in_each_arabic_plural_form() {
    // The shipped translation, as a site in Arabic reads it; the browser's Intl.PluralRules picks
    // the form and Intl.NumberFormat writes the number.
    let arabic = Strings::parse(
        include_str!("../public/translations/ar.json"),
        "ar",
        "ar.json",
    )
    .unwrap();
    let mut headings = Vec::new();
    for (count, category) in [
        (0, "zero"),
        (1, "one"),
        (2, "two"),
        (3, "few"),
        (11, "many"),
        (100, "other"),
    ] {
        let strings = arabic.clone();
        let page = mount(move || {
            provide_context(strings);
            view! { <AuthorCard author=author(count)/> }
        })
        .await;
        let heading = text_of(&page.get("h2"));
        let form = arabic.article_count.form(category);
        let expected = arabic.fill(
            &arabic.about_author,
            &[
                ("name", "Ada Okafor"),
                ("articles", &form.replace("{count}", &count.to_string())),
            ],
        );
        assert_eq!(heading, expected, "{count} ({category})");
        assert!(!heading.contains("Article"), "no English left: {heading}");
        headings.push(heading);
    }
    headings.dedup();
    assert_eq!(headings.len(), 6, "six forms: {headings:?}");
}

#[wasm_bindgen_test]
async fn persian_counts_are_written_in_persian_digits() {
    let persian = Strings::parse(
        include_str!("../public/translations/fa.json"),
        "fa",
        "fa.json",
    )
    .unwrap();
    let page = mount(move || {
        provide_context(persian);
        view! { <AuthorCard author=author(354)/> }
    })
    .await;
    assert!(
        text_of(&page.get("h2")).contains("۳۵۴"),
        "{}",
        text_of(&page.get("h2"))
    );
}

// --- ArticleSummary --------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn article_summary_links_title_author_and_tags() {
    let tags = vec![tag("harbour", "Harbour"), tag("ferries", "Ferries")];
    let page = mount(move || {
        view! { <ArticleSummary card=card("night-ferry", tags)/> }
    })
    .await;

    let title = page.get("h2.card-title a");
    assert_eq!(attribute(&title, "href"), "/night-ferry/");
    assert_eq!(text_of(&title), "Night ferry returns to the harbour");

    let time = page.get("time");
    assert_eq!(attribute(&time, "datetime"), "2026-11-03T08:30:00Z");
    assert!(text_of(&time).contains("2026"), "{}", text_of(&time));
    assert!(text_of(&time).contains("November"), "{}", text_of(&time));

    let author = page.get(".card-meta a");
    assert_eq!(attribute(&author, "href"), "/author/ada-okafor/");
    assert_eq!(text_of(&author), "Ada Okafor");

    assert_eq!(
        text_of(&page.get("p.card-excerpt")),
        "The service resumes on Monday."
    );

    let tag_links: Vec<(String, String)> = page
        .all("ul.tag-list a")
        .iter()
        .map(|a| (attribute(a, "href"), text_of(a)))
        .collect();
    assert_eq!(
        tag_links,
        [
            ("/tag/harbour/".to_owned(), "Harbour".to_owned()),
            ("/tag/ferries/".to_owned(), "Ferries".to_owned())
        ]
    );
    assert_eq!(attribute(&page.get("ul.tag-list"), "aria-label"), "Tags");
}

#[wasm_bindgen_test]
async fn article_summary_under_a_heading_of_its_own_titles_a_level_below_and_a_lead_is_featured() {
    let page = mount(move || {
        view! {
            <ArticleSummary card=card("night-ferry", Vec::new()) nested=true/>
            <ArticleSummary card=card("day-ferry", Vec::new()) lead=true featured=true/>
        }
    })
    .await;
    let cards = page.all("article.card");
    assert_eq!(cards.len(), 2);
    assert!(cards[0]
        .query_selector("h3.card-title a")
        .unwrap()
        .is_some());
    assert!(cards[0].query_selector("h2").unwrap().is_none());
    assert!(!cards[0].class_list().contains("card-featured"));
    assert!(cards[1].class_list().contains("card-featured"));
    assert_eq!(
        attribute(
            &cards[1].query_selector("img").unwrap().unwrap(),
            "fetchpriority"
        ),
        "high"
    );
}

#[wasm_bindgen_test]
async fn article_summary_image_link_is_hidden_from_keyboards_and_screen_readers() {
    let page = mount(|| view! { <ArticleSummary card=card("night-ferry", vec![])/> }).await;
    let image_link = page.get("a.card-image");
    assert_eq!(attribute(&image_link, "href"), "/night-ferry/");
    assert_eq!(attribute(&image_link, "tabindex"), "-1");
    assert_eq!(attribute(&image_link, "aria-hidden"), "true");
    let image = page.get("a.card-image img");
    assert_eq!(attribute(&image, "src"), "https://cdn.example/ferry.jpg");
    assert_eq!(attribute(&image, "width"), "800");
    assert_eq!(attribute(&image, "height"), "450");
    assert_eq!(attribute(&image, "alt"), "");
    assert!(page.find("ul.tag-list").is_none(), "no tags, no list");
}

#[wasm_bindgen_test]
async fn article_summary_slugs_in_other_scripts_are_percent_encoded() {
    let page = mount(|| view! { <ArticleSummary card=card("سوق", vec![])/> }).await;
    assert_eq!(
        attribute(&page.get("h2.card-title a"), "href"),
        "/%D8%B3%D9%88%D9%82/"
    );
}

// --- ArticleList -----------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn article_list_shows_every_card_and_the_pagination() {
    let listing = first_page(
        2,
        vec![card("a", vec![]), card("b", vec![]), card("c", vec![])],
    );
    let page = mount(move || {
        view! { <ArticleList listing route=Route::tag(&Slug::parse("harbour").unwrap())/> }
    })
    .await;
    let titles: Vec<String> = page
        .all("article.card h2 a")
        .iter()
        .map(|a| attribute(a, "href"))
        .collect();
    assert_eq!(titles, ["/a/", "/b/", "/c/"]);
    assert!(page.find("p.empty").is_none());
    assert_eq!(
        attribute(&page.get("nav.pagination a[rel=next]"), "href"),
        "/tag/harbour/page/2/"
    );
}

#[wasm_bindgen_test]
async fn article_list_says_so_when_empty() {
    let listing = first_page(1, vec![]);
    let page = mount(move || view! { <ArticleList listing route=Route::HOME/> }).await;
    assert_eq!(text_of(&page.get("p.empty")), "No articles yet.");
    assert!(page.find("nav").is_none());
}

// --- Pagination ------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn pagination_renders_nothing_for_one_page() {
    let page = mount(|| view! { <Pagination current=1 total=1 route=Route::HOME/> }).await;
    assert!(page.find("*").is_none(), "{}", page.html());
    assert_eq!(page.text(), "");
}

#[wasm_bindgen_test]
async fn pagination_links_previous_next_and_marks_the_current_page() {
    let page = mount(|| view! { <Pagination current=2 total=3 route=Route::HOME/> }).await;
    assert_eq!(
        attribute(&page.get("nav.pagination"), "aria-label"),
        "Pages"
    );

    let previous = page.get("a[rel=prev]");
    assert_eq!(attribute(&previous, "href"), "/");
    assert!(text_of(&previous).contains("Newer"));
    let next = page.get("a[rel=next]");
    assert_eq!(attribute(&next, "href"), "/page/3/");
    assert!(text_of(&next).contains("Older"));

    let current = page.get("ol span[aria-current=page]");
    assert_eq!(text_of(&current), "2");
    assert!(page.find("ol a[aria-label='Page 2']").is_none());

    let numbers: Vec<(String, String, String)> = page
        .all("ol a")
        .iter()
        .map(|a| (text_of(a), attribute(a, "href"), attribute(a, "aria-label")))
        .collect();
    assert_eq!(
        numbers,
        [
            ("1".to_owned(), "/".to_owned(), "Page 1".to_owned()),
            ("3".to_owned(), "/page/3/".to_owned(), "Page 3".to_owned())
        ]
    );
}

#[wasm_bindgen_test]
async fn pagination_has_no_previous_on_the_first_page_and_no_next_on_the_last() {
    let first = mount(|| view! { <Pagination current=1 total=3 route=Route::HOME/> }).await;
    assert!(first.find("a[rel=prev]").is_none(), "{}", first.html());
    assert_eq!(attribute(&first.get("a[rel=next]"), "href"), "/page/2/");
    drop(first);

    let last = mount(|| view! { <Pagination current=3 total=3 route=Route::HOME/> }).await;
    assert!(last.find("a[rel=next]").is_none(), "{}", last.html());
    assert_eq!(attribute(&last.get("a[rel=prev]"), "href"), "/page/2/");
}

#[wasm_bindgen_test]
async fn pagination_of_a_tag_listing_stays_under_the_tag() {
    let page = mount(
        || view! { <Pagination current=2 total=12 route=Route::tag(&Slug::parse("x").unwrap())/> },
    )
    .await;
    assert_eq!(attribute(&page.get("a[rel=prev]"), "href"), "/tag/x/");
    assert_eq!(
        attribute(&page.get("a[rel=next]"), "href"),
        "/tag/x/page/3/"
    );
    let hrefs: Vec<String> = page
        .all("ol a")
        .iter()
        .map(|a| attribute(a, "href"))
        .collect();
    assert_eq!(
        hrefs,
        [
            "/tag/x/",
            "/tag/x/page/3/",
            "/tag/x/page/4/",
            "/tag/x/page/12/"
        ]
    );
    let gap = page.get("li.gap");
    assert_eq!(text_of(&gap), "…");
    assert_eq!(attribute(&gap, "aria-hidden"), "true");
}

// --- TagList ---------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn tag_list_renders_nothing_without_tags() {
    let page = mount(|| view! { <TagList tags=vec![]/> }).await;
    // Leptos leaves a comment as a placeholder; nothing a reader or screen reader meets.
    assert!(
        page.find("*").is_none(),
        "expected no elements, got {}",
        page.html()
    );
    assert_eq!(page.text(), "");
}

#[wasm_bindgen_test]
async fn tag_list_links_each_tag_and_takes_a_label() {
    let page = mount(|| {
        view! { <TagList tags=vec![tag("harbour", "Harbour")] label="Topics"/> }
    })
    .await;
    assert_eq!(attribute(&page.get("ul.tag-list"), "aria-label"), "Topics");
    let link = page.get("ul.tag-list li a");
    assert_eq!(attribute(&link, "href"), "/tag/harbour/");
    assert_eq!(text_of(&link), "Harbour");
}

// --- ErrorView -------------------------------------------------------------------------------

fn errors_with(error: DataError) -> ArcRwSignal<Errors> {
    let mut errors = Errors::default();
    errors.insert(ErrorId::from(1), leptos::error::Error::from(error));
    ArcRwSignal::new(errors)
}

#[wasm_bindgen_test]
async fn error_view_shows_not_found_as_a_not_found_page() {
    let (calls, retry) = counted();
    let errors = errors_with(DataError::not_found("article \"x\""));
    let page = mount(move || view! { <ErrorView errors retry/> }).await;
    assert_eq!(text_of(&page.get("h1")), "Page not found");
    assert_eq!(document_title(), "Page not found");
    assert_eq!(
        attribute(&page.get("section.not-found a"), "href"),
        "/",
        "offers the front page"
    );
    assert!(
        page.find("button").is_none(),
        "nothing to retry: {}",
        page.html()
    );
    assert_eq!(calls.load(Ordering::SeqCst), 0);
}

#[wasm_bindgen_test]
async fn error_view_offers_retry_for_a_server_error() {
    let (calls, retry) = counted();
    let errors = errors_with(DataError::Server {
        status: 503,
        what: "the front page".into(),
    });
    let page = mount(move || view! { <ErrorView errors retry/> }).await;

    let section = page.get("section.error-view");
    assert_eq!(attribute(&section, "role"), "alert");
    assert_eq!(text_of(&page.get("h1")), "The news server had a problem");
    assert_eq!(document_title(), "The news server had a problem");
    assert!(page.text().contains("HTTP 503"), "{}", page.text());
    assert!(
        page.text().contains("the front page"),
        "the detail names what failed: {}",
        page.text()
    );

    let button: HtmlElement = page.get("button").dyn_into().unwrap();
    assert_eq!(text_of(&button), "Retry");
    assert_eq!(calls.load(Ordering::SeqCst), 0);
    button.click();
    assert_eq!(calls.load(Ordering::SeqCst), 1);
    button.click();
    leptos::task::tick().await;
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[wasm_bindgen_test]
async fn error_view_explains_network_and_timeout_errors() {
    let retry = Callback::new(|()| {});
    let errors = errors_with(DataError::Network {
        detail: "offline".into(),
    });
    let page = mount(move || view! { <ErrorView errors retry/> }).await;
    assert_eq!(text_of(&page.get("h1")), "Can’t reach the news server");
    assert!(page.find("button").is_some());
    drop(page);

    let errors = errors_with(DataError::Timeout { after_ms: 8000 });
    let page = mount(move || view! { <ErrorView errors retry/> }).await;
    assert_eq!(text_of(&page.get("h1")), "The news server is not answering");
    assert!(page.text().contains("8 seconds"), "{}", page.text());
}

#[wasm_bindgen_test]
async fn error_view_follows_its_errors_signal() {
    let retry = Callback::new(|()| {});
    let errors = errors_with(DataError::Timeout { after_ms: 1000 });
    let page = {
        let errors = errors.clone();
        mount(move || view! { <ErrorView errors retry/> }).await
    };
    assert_eq!(text_of(&page.get("h1")), "The news server is not answering");
    errors.update(|errors| {
        errors.remove(&ErrorId::from(1));
        errors.insert(ErrorId::from(2), DataError::not_found("page 9"));
    });
    leptos::task::tick().await;
    assert_eq!(text_of(&page.get("h1")), "Page not found");
}

/// Answers every request with one JSON file.
struct OneFile(&'static str);

impl Transport for OneFile {
    fn send<'a>(
        &'a self,
        _request: HttpRequest<'a>,
        _timeout_ms: u32,
    ) -> LocalBoxFuture<'a, Result<HttpResponse, TransportError>> {
        let body = self.0.to_owned();
        Box::pin(async move {
            Ok(HttpResponse {
                status: 200,
                content_type: "application/json".into(),
                headers: Vec::new(),
                body,
            })
        })
    }
}

#[wasm_bindgen_test]
async fn news_ticker_shows_its_headlines_once_to_assistive_technology() {
    let config = parse_config(
        r#"{"source": {"kind": "static", "url": "data/"}, "ticker": {"items": 2, "label": "Latest"}}"#,
        "https://herald.example/",
    )
    .unwrap();
    let transport = Arc::new(OneFile(
        r#"{"headlines": [{"title": "Ferry cuts", "slug": "ferry"},
            {"title": "Gale warning", "url": "https://weather.example/gale"},
            {"title": "Not shown", "slug": "third"}]}"#,
    ));
    let source = TickerSource(Arc::new(DataSource::from_config(&config, transport)));
    let settings = config.ticker.clone();
    let ticker = mount(move || view! { <NewsTicker source settings/> }).await;
    settle().await;
    let region = ticker.get("section.ticker");
    let label_id = region.get_attribute("aria-labelledby").unwrap();
    assert_eq!(text_of(&ticker.get(&format!("#{label_id}"))), "Latest");
    let lists = ticker.all(".ticker-list");
    assert_eq!(lists.len(), 2, "{}", ticker.html());
    let links = ticker.all(".ticker-list:first-child a");
    let hrefs: Vec<_> = links
        .iter()
        .map(|link| link.get_attribute("href").unwrap())
        .collect();
    assert_eq!(hrefs, ["/ferry/", "https://weather.example/gale"]);
    assert_eq!(
        lists[1].get_attribute("aria-hidden").as_deref(),
        Some("true")
    );
    assert!(lists[1].has_attribute("inert"));
    for copy in ticker.all(".ticker-list[aria-hidden] a") {
        assert_eq!(copy.get_attribute("tabindex").as_deref(), Some("-1"));
    }
    assert!(ticker.get(".ticker-track").class_list().contains("running"));
    let toggle: HtmlElement = ticker.get(".ticker-toggle").dyn_into().unwrap();
    assert_eq!(text_of(&toggle), "Pause");
    toggle.click();
    leptos::task::tick().await;
    assert_eq!(text_of(&toggle), "Play");
    assert!(region.class_list().contains("paused"));
}

// --- The article page's discussion -----------------------------------------------------------

fn comment(id: u64, parent: u64, name: &str, text: &str) -> Comment {
    Comment {
        id,
        parent,
        author_name: name.into(),
        author_url: None,
        avatar: None,
        date: Timestamp::parse("2026-11-03T09:12:00Z").unwrap(),
        content: sanitize_html(&format!("<p>{text}</p>")),
    }
}

/// A static source whose every file is [`TWO_COMMENTS`] (read as `comments/<slug>.json`); it
/// takes comments when `takes_comments`.
fn comments_source(takes_comments: bool) -> AppSource {
    let endpoint = r#", "comments": {"kind": "wordpress", "url": "https://wp.example/wp-json/"}"#;
    let config = parse_config(
        &format!(
            r#"{{"source": {{"kind": "static", "url": "data/"}}{}}}"#,
            if takes_comments { endpoint } else { "" }
        ),
        "https://herald.example/",
    )
    .unwrap();
    AppSource::new(DataSource::from_config(
        &config,
        Arc::new(OneFile(TWO_COMMENTS)),
    ))
}

const TWO_COMMENTS: &str = r#"{"comments": [
    {"id": 1, "parent": 0, "author_name": "Sam Reyes", "author_url": "https://sam.example/",
     "date": "2026-11-03T09:12:00Z", "content_html": "<p>About time.</p>"},
    {"id": 2, "parent": 1, "author_name": "Ada Okafor", "date": "2026-11-03T09:40:00Z",
     "content_html": "<p>The council confirmed it.</p>"}]}"#;

/// The discussion of an article with [`TWO_COMMENTS`], once they are read, on a site at
/// `site_url` that takes comments when `takes_comments`.
async fn mount_comments(takes_comments: bool, site_url: &'static str) -> Mounted {
    let source = comments_source(takes_comments);
    let discussion = Discussion {
        slug: slug("ferry"),
        site_url: site_url.into(),
    };
    let page = mount(move || {
        provide_context(source);
        view! { <Comments discussion/> }
    })
    .await;
    settle().await;
    page
}

/// Sets a field's text as typing does, with an `input` event.
fn type_into(element: &Element, text: &str) {
    if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(text);
    } else {
        element
            .dyn_ref::<web_sys::HtmlInputElement>()
            .unwrap()
            .set_value(text);
    }
    let event = web_sys::Event::new("input").unwrap();
    element.dispatch_event(&event).unwrap();
}

fn click(element: Element) {
    element.dyn_into::<HtmlElement>().unwrap().click();
}

#[wasm_bindgen_test]
async fn comments_thread_their_replies_and_say_when_closed() {
    let page = mount_comments(false, "https://closed.example/").await;
    assert_eq!(text_of(&page.get("#comments-heading")), "2 Comments");
    assert_eq!(
        text_of(
            &page.get(
                "ol.comment-list > li#comment-1 > ol.children > li#comment-2 .comment-content"
            )
        ),
        "The council confirmed it."
    );
    assert_eq!(
        text_of(&page.get(".comments-closed")),
        "Comments are closed."
    );
    assert!(page.find("#respond").is_none() && page.find(".reply-button").is_none());
}

#[wasm_bindgen_test]
async fn comments_move_the_form_under_the_comment_replied_to() {
    let page = mount_comments(true, "https://replies.example/").await;
    assert!(page.find("section.comments > #respond").is_some());
    click(page.get("#comment-2 .reply-button"));
    leptos::task::tick().await;
    assert_eq!(page.all("#respond").len(), 1);
    assert!(
        page.find("li#comment-2 > #respond").is_some(),
        "{}",
        page.html()
    );
    assert_eq!(
        text_of(&page.get("#reply-title")),
        "Leave a Reply to Ada Okafor Cancel reply"
    );
    click(page.get(".cancel-reply"));
    leptos::task::tick().await;
    assert!(page.find("li.comment #respond").is_none());
    assert!(page.find("section.comments > #respond").is_some());
}

#[wasm_bindgen_test]
async fn comment_thread_says_it_is_loading_then_shows_why_it_failed_with_retry() {
    let loaded = RwSignal::new(None::<Result<Vec<Comment>, DataError>>);
    let held = RwSignal::new(Vec::<HeldComment>::new());
    let (retried, retry) = counted();
    let page = mount(move || {
        view! { <CommentThread loaded held form=None retry/> }
    })
    .await;
    assert_eq!(text_of(&page.get(".comments-note")), "Loading comments…");
    loaded.set(Some(Err(DataError::Timeout { after_ms: 100 })));
    leptos::task::tick().await;
    let note = page.get(".comments-note[role=alert]");
    assert!(
        text_of(&note).starts_with("The comments could not be loaded: "),
        "{}",
        text_of(&note)
    );
    click(page.get(".comments-note button"));
    assert_eq!(retried.load(Ordering::SeqCst), 1);
    loaded.set(Some(Ok(vec![comment(1, 0, "Sam", "First")])));
    held.set(vec![HeldComment {
        id: 9,
        parent: 1,
        author_name: "Gwen".into(),
        date: Timestamp::parse("2026-11-03T10:00:00Z").unwrap(),
        text: "Mine <b>too</b>\n\nSecond paragraph".into(),
    }]);
    leptos::task::tick().await;
    // The heading counts the approved comments; the reader's held one shows as they typed it.
    assert_eq!(text_of(&page.get("#comments-heading")), "1 Comment");
    let mine = page.get("#comment-1 #comment-9");
    assert_eq!(
        text_of(&mine.query_selector(".moderation").unwrap().unwrap()),
        "Your comment is awaiting moderation."
    );
    let paragraphs: Vec<String> = page
        .all("#comment-9 .comment-content > p")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(paragraphs, ["Mine <b>too</b>", "Second paragraph"]);
}

#[wasm_bindgen_test]
async fn comment_list_nests_replies_in_lists_of_their_own() {
    let nodes = thread(vec![
        comment(1, 0, "Sam", "First"),
        comment(2, 1, "Ada", "Reply"),
        comment(3, 0, "Ben", "Second"),
    ]);
    let thread = Thread {
        held: vec![],
        form: None,
    };
    let page = mount(move || view! { <CommentList nodes thread class="comment-list"/> }).await;
    let ids: Vec<String> = page
        .all("ol.comment-list > li.comment")
        .iter()
        .map(|item| attribute(item, "id"))
        .collect();
    assert_eq!(ids, ["comment-1", "comment-3"]);
    assert_eq!(
        attribute(&page.get("#comment-1 > ol.children > li"), "id"),
        "comment-2"
    );
    assert_eq!(attribute(&page.get("#comment-2"), "tabindex"), "-1");
    assert!(page.find(".reply-button").is_none(), "no form, no replies");
}

#[wasm_bindgen_test]
async fn comment_list_nests_replies_three_lists_deep_and_lines_up_deeper_ones() {
    // Each comment a reply to the one before: 4 is at the deepest level, and 5 beside it.
    let nodes = thread(vec![
        comment(1, 0, "Sam", "One"),
        comment(2, 1, "Ada", "Two"),
        comment(3, 2, "Ben", "Three"),
        comment(4, 3, "Gwen", "Four"),
        comment(5, 4, "Sam", "Five"),
    ]);
    let thread = Thread {
        held: vec![],
        form: None,
    };
    let page = mount(move || view! { <CommentList nodes thread class="comment-list"/> }).await;
    let deepest: Vec<String> = page
        .all("#comment-1 > ol.children > #comment-2 > ol.children > #comment-3 > ol.children > li")
        .iter()
        .map(|item| attribute(item, "id"))
        .collect();
    assert_eq!(deepest, ["comment-4", "comment-5"]);
    assert_eq!(page.all("ol").len(), 4, "the top list and three of replies");
}

#[wasm_bindgen_test]
async fn comment_body_links_its_writer_and_its_date_and_marks_a_held_comment() {
    let reply_to = RwSignal::new(None::<(u64, String)>);
    let mut linked = comment(4, 0, "Sam Reyes", "Hello");
    linked.author_url = Some("https://sam.example/".into());
    let page = mount(move || {
        provide_context(ReplyTarget(reply_to));
        view! {
            <CommentBody comment=linked held=false replies_taken=true/>
            <CommentBody comment=comment(5, 0, "Gwen", "Mine") held=true replies_taken=true/>
        }
    })
    .await;
    let bodies = page.all("article.comment-body");
    let author = bodies[0]
        .query_selector(".comment-author a")
        .unwrap()
        .unwrap();
    assert_eq!(attribute(&author, "href"), "https://sam.example/");
    assert_eq!(attribute(&author, "rel"), "nofollow ugc external");
    assert_eq!(
        attribute(
            &bodies[0].query_selector(".comment-date").unwrap().unwrap(),
            "href"
        ),
        "#comment-4"
    );
    assert!(bodies[0].query_selector(".moderation").unwrap().is_none());
    assert!(bodies[0].query_selector(".reply-button").unwrap().is_some());
    // A held comment awaits moderation, and takes no replies until it is approved.
    assert_eq!(
        text_of(&bodies[1].query_selector(".moderation").unwrap().unwrap()),
        "Your comment is awaiting moderation."
    );
    assert!(bodies[1].query_selector(".reply-button").unwrap().is_none());
    assert_eq!(
        text_of(
            &bodies[1]
                .query_selector(".comment-author")
                .unwrap()
                .unwrap()
        ),
        "Gwen"
    );
}

#[wasm_bindgen_test]
async fn reply_button_names_whom_it_replies_to_and_targets_them() {
    let reply_to = RwSignal::new(None::<(u64, String)>);
    let page = mount(move || {
        provide_context(ReplyTarget(reply_to));
        view! { <ReplyButton id=7 name="Ann".to_owned()/> }
    })
    .await;
    let button = page.get("button.reply-button");
    assert_eq!(attribute(&button, "aria-label"), "Reply to Ann");
    click(button);
    assert_eq!(reply_to.get_untracked(), Some((7, "Ann".to_owned())));
}

#[wasm_bindgen_test]
async fn reply_heading_names_the_comment_replied_to_and_cancels() {
    let reply_to = RwSignal::new(None::<(u64, String)>);
    let page = mount(move || view! { <ReplyHeading reply_to/> }).await;
    assert_eq!(text_of(&page.get("h3#reply-title")), "Leave a Reply");
    assert!(page.find(".cancel-reply").is_none());
    reply_to.set(Some((3, "Ben".into())));
    leptos::task::tick().await;
    assert_eq!(
        text_of(&page.get("h3#reply-title")),
        "Leave a Reply to Ben Cancel reply"
    );
    click(page.get("a.cancel-reply"));
    assert_eq!(reply_to.get_untracked(), None);
}

#[wasm_bindgen_test]
async fn form_field_shows_its_error_beside_it_and_takes_typing() {
    let value = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::new());
    let (typed, on_input) = counted();
    let page = mount(move || {
        view! {
            <FormField field=Field::Email value errors on_input/>
            <FormField field=Field::Content value=RwSignal::new(String::new()) errors on_input/>
        }
    })
    .await;
    assert_eq!(text_of(&page.get("label[for=email]")), "Email *");
    let input = page.get("input#email");
    assert_eq!(
        (
            attribute(&input, "type"),
            attribute(&input, "autocomplete"),
            attribute(&input, "aria-required")
        ),
        ("email".to_owned(), "email".to_owned(), "true".to_owned())
    );
    assert_eq!(attribute(&input, "aria-invalid"), "false");
    assert!(input.get_attribute("aria-describedby").is_none());
    assert!(page.find("textarea#comment").is_some());
    type_into(&input, "ann@example");
    assert_eq!(value.get_untracked(), "ann@example");
    assert_eq!(typed.load(Ordering::SeqCst), 1);
    errors.set(vec![(
        Field::Email,
        "Please enter a valid email address.".to_owned(),
    )]);
    leptos::task::tick().await;
    assert_eq!(attribute(&input, "aria-invalid"), "true");
    assert_eq!(attribute(&input, "aria-describedby"), "email-error");
    assert_eq!(
        text_of(&page.get("#email-error")),
        "Please enter a valid email address."
    );
    assert_eq!(
        text_of(&page.get("#comment-error")),
        "",
        "the other field has no error"
    );
}

#[wasm_bindgen_test]
async fn form_status_says_how_sending_went_with_retry_when_it_helps() {
    let status = RwSignal::new(Status::Idle);
    let (retried, retry) = counted();
    let page = mount(move || view! { <FormStatus status retry/> }).await;
    let line = page.get("p.form-status[role=status][aria-live=polite]");
    assert_eq!(text_of(&line), "");
    status.set(Status::Refused(
        "Comments are closed on this article.".into(),
    ));
    leptos::task::tick().await;
    assert_eq!(
        text_of(&page.get(".status-refused")),
        "Comments are closed on this article."
    );
    assert!(
        page.find("button").is_none(),
        "sending again would not help"
    );
    status.set(Status::Failed("Your comment was not sent.".into()));
    leptos::task::tick().await;
    assert_eq!(
        text_of(&page.get(".status-failed")),
        "Your comment was not sent."
    );
    click(page.get("button"));
    assert_eq!(retried.load(Ordering::SeqCst), 1);
}

#[wasm_bindgen_test]
async fn comment_form_names_each_problem_and_keeps_the_draft_as_it_is_typed() {
    let site_url = "https://form.example/";
    let source = comments_source(true);
    let page = mount(move || {
        provide_context(source);
        provide_context(ReplyTarget(RwSignal::new(None)));
        provide_context(FormState::new());
        let on_posted = Callback::new(|_| panic!("nothing is sent"));
        view! { <CommentForm slug=slug("ferry") site_url on_posted/> }
    })
    .await;
    assert!(
        !page.get("fieldset").has_attribute("disabled"),
        "the form runs"
    );
    click(page.get("button[type=submit]"));
    leptos::task::tick().await;
    assert_eq!(
        text_of(&page.get(".status-refused")),
        "Please correct the 3 problems marked below."
    );
    assert_eq!(
        text_of(&page.get("#comment-error")),
        "Please type your comment."
    );
    assert_eq!(
        attribute(&page.get("textarea#comment"), "aria-invalid"),
        "true"
    );
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(
        focused.id(),
        "comment",
        "the first field with a problem takes the focus"
    );
    type_into(&page.get("textarea#comment"), "Good news.");
    let kept: CommentDraft = storage::read(&draft_key(site_url, &slug("ferry"), 0)).unwrap();
    assert_eq!(kept.content, "Good news.");
    storage::remove(&draft_key(site_url, &slug("ferry"), 0));
}
