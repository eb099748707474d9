//! What the site files list, read through the static source, and the files themselves.

use broadsheet::error::DataError;
use broadsheet::model::{ArticleCard, AuthorLink, Dated, Route, Site, Slug, TagLink, Timestamp};
use broadsheet::source::newer::LATEST_FILE;
use broadsheet::source::DataSource;
use std::collections::HashMap;
use std::path::Path;

/// The articles in a feed: the latest fifty, all of a small site.
const FEED_LENGTH: usize = 50;

/// The articles latest.json lists, as many as a feed: the pages' script reads it on every page
/// view, so it stays small.
const LATEST_LENGTH: usize = FEED_LENGTH;

/// Everything the site shows, as its data source reads it.
pub struct SiteIndex {
    pub site: Site,
    /// Newest first, as the home page lists them.
    pub articles: Vec<ArticleCard>,
    pub home_pages: u32,
    /// Each tag with its number of listing pages and its articles, newest first.
    pub tags: Vec<(TagLink, u32, Vec<ArticleCard>)>,
    /// Each author with the number of listing pages.
    pub authors: Vec<(AuthorLink, u32)>,
}

impl SiteIndex {
    /// Every page of the site, each prerendered and in the sitemap: the home page and its pages,
    /// each tag's and each author's pages, each article.
    pub fn routes(&self) -> Vec<Route> {
        let mut routes: Vec<Route> = Route::HOME.pages(self.home_pages).collect();
        for (tag, pages, _) in &self.tags {
            routes.extend(Route::tag(&tag.slug).pages(*pages));
        }
        for (author, pages) in &self.authors {
            routes.extend(Route::author(&author.slug).pages(*pages));
        }
        routes.extend(
            self.articles
                .iter()
                .map(|card| Route::Article(card.slug.clone())),
        );
        routes
    }

    pub async fn read(source: &DataSource) -> Result<Self, DataError> {
        let site = source.site().await?;
        let first = source.home(1).await?;
        let home_pages = first.total_pages;
        let mut articles = first.articles;
        for page in 2..=home_pages {
            articles.extend(source.home(page).await?.articles);
        }
        let mut tags = Vec::new();
        for tag in unique(articles.iter().flat_map(|card| card.tags.iter()), |tag| {
            &tag.slug
        }) {
            let first = source.tag_page(&tag.slug, 1).await?.listing;
            let mut tagged = first.articles;
            for page in 2..=first.total_pages {
                if tagged.len() >= FEED_LENGTH {
                    break;
                }
                tagged.extend(source.tag_page(&tag.slug, page).await?.listing.articles);
            }
            tags.push((tag.clone(), first.total_pages, tagged));
        }
        let mut authors = Vec::new();
        for author in unique(articles.iter().map(|card| &card.author), |author| {
            &author.slug
        }) {
            let pages = source
                .author_page(&author.slug, 1)
                .await?
                .listing
                .total_pages;
            authors.push((author.clone(), pages));
        }
        Ok(Self {
            site,
            articles,
            home_pages,
            tags,
            authors,
        })
    }
}

/// The items in first-seen order, each once by `key`.
fn unique<'a, T, K: PartialEq>(
    items: impl Iterator<Item = &'a T>,
    key: impl Fn(&T) -> &K,
) -> Vec<&'a T> {
    let mut seen: Vec<&'a T> = Vec::new();
    for item in items {
        if !seen.iter().any(|known| key(known) == key(item)) {
            seen.push(item);
        }
    }
    seen
}

/// Writes every file into `dist`; returns what it wrote.
pub fn write(index: &SiteIndex, dist: &Path) -> std::io::Result<Vec<String>> {
    // (the feed's site path, its title, its articles): the site's, then each tag's.
    let feed = |route: Route| route.feed_path().unwrap_or_default();
    let mut feeds = vec![(feed(Route::HOME), index.site.title.clone(), &index.articles)];
    for (tag, _, articles) in &index.tags {
        let title = format!("{} — {}", tag.name, index.site.title);
        feeds.push((feed(Route::tag(&tag.slug)), title, articles));
    }
    let mut files = vec![
        ("sitemap.xml".to_owned(), sitemap(index)),
        ("robots.txt".to_owned(), robots(&index.site)),
        (LATEST_FILE.to_owned(), latest(index)),
    ];
    // Static hosts answer /feed/ with feed/index.html; _headers (scripts/post_build.py) gives it
    // the feed's type.
    for (path, title, articles) in &feeds {
        files.push((
            format!("{}index.html", &path[1..]),
            rss(&index.site, path, title, articles),
        ));
    }
    for (name, text) in &files {
        let file = dist.join(name);
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder)?;
        }
        std::fs::write(file, text)?;
    }
    Ok(vec![
        "sitemap.xml".into(),
        "robots.txt".into(),
        LATEST_FILE.into(),
        format!("{} feeds", feeds.len()),
    ])
}

/// Removes what [`write`] wrote (the sitemap, robots.txt, latest.json and the feeds): they list the data the
/// site was built from, wrong once it reads another source. Returns what it removed.
pub fn remove(dist: &Path) -> std::io::Result<Vec<String>> {
    let mut removed = Vec::new();
    for name in ["sitemap.xml", "robots.txt", LATEST_FILE] {
        if dist.join(name).is_file() {
            std::fs::remove_file(dist.join(name))?;
            removed.push(name.to_owned());
        }
    }
    let tags = dist.join("tag");
    let mut feeds = vec![dist.join("feed")];
    if tags.is_dir() {
        for tag in std::fs::read_dir(&tags)? {
            feeds.push(tag?.path().join("feed"));
        }
    }
    for feed in feeds.into_iter().filter(|feed| feed.is_dir()) {
        std::fs::remove_dir_all(&feed)?;
        removed.push(format!(
            "{}/",
            feed.strip_prefix(dist).unwrap_or(&feed).display()
        ));
        crate::pages::remove_empty_folders(feed.parent(), dist)?;
    }
    Ok(removed)
}

/// Text for XML content and attribute values.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            // Characters XML 1.0 does not allow at all.
            '\u{0}'..='\u{8}'
            | '\u{b}'
            | '\u{c}'
            | '\u{e}'..='\u{1f}'
            | '\u{fffe}'
            | '\u{ffff}' => {}
            other => escaped.push(other),
        }
    }
    escaped
}

/// Every page of the site, with the date it last changed where the data has one: a listing's
/// first page by its newest article.
pub fn sitemap(index: &SiteIndex) -> String {
    let site = &index.site;
    // Looked up once per page: a site has tens of thousands of articles.
    let articles: HashMap<&Slug, &ArticleCard> = index
        .articles
        .iter()
        .map(|card| (&card.slug, card))
        .collect();
    let mut authors_newest: HashMap<&Slug, &ArticleCard> = HashMap::new();
    for card in &index.articles {
        authors_newest.entry(&card.author.slug).or_insert(card);
    }
    let tags_newest: HashMap<&Slug, &ArticleCard> = index
        .tags
        .iter()
        .filter_map(|(tag, _, articles)| Some((&tag.slug, articles.first()?)))
        .collect();
    let newest = |route: &Route| -> Option<&ArticleCard> {
        match route {
            Route::Home { page: 1 } => index.articles.first(),
            Route::Tag { slug, page: 1 } => tags_newest.get(slug).copied(),
            Route::Author { slug, page: 1 } => authors_newest.get(slug).copied(),
            Route::Article(slug) => articles.get(slug).copied(),
            _ => None,
        }
    };
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for route in index.routes() {
        let url = site.canonical(&route.path());
        xml.push_str(&format!("  <url><loc>{}</loc>", escape(&url)));
        if let Some(changed) = newest(&route).map(ArticleCard::last_change) {
            xml.push_str(&format!("<lastmod>{}</lastmod>", escape(changed.as_str())));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `latest.json` (docs/data-format.md): the articles changed last, newest change first, with
/// what a page needs to count those it does not show (their times, author and tags). A page
/// asks for it when it is opened (islands/page.js): written with the pages, it says what the
/// host has that the reader's copy of a page lacks.
pub fn latest(index: &SiteIndex) -> String {
    #[derive(serde::Serialize)]
    struct Latest<'a> {
        /// Every article that changed later than this is listed; `None` when all are.
        listed_since: Option<&'a Timestamp>,
        articles: Vec<Entry<'a>>,
    }
    #[derive(serde::Serialize)]
    struct Entry<'a> {
        slug: &'a str,
        published: &'a Timestamp,
        #[serde(skip_serializing_if = "Option::is_none")]
        modified: Option<&'a Timestamp>,
        author: &'a str,
        tags: Vec<&'a str>,
    }
    let mut cards: Vec<&ArticleCard> = index.articles.iter().collect();
    // Ties in slug order, so that the same data gives the same file.
    cards.sort_by(|a, b| {
        b.last_change()
            .cmp(a.last_change())
            .then_with(|| a.slug.as_str().cmp(b.slug.as_str()))
    });
    let listed_since = cards.get(LATEST_LENGTH).map(|card| card.last_change());
    let articles = cards
        .into_iter()
        .take(LATEST_LENGTH)
        .map(|card| Entry {
            slug: card.slug.as_str(),
            published: &card.published,
            modified: card.updated(),
            author: card.author.slug.as_str(),
            tags: card.tags.iter().map(|tag| tag.slug.as_str()).collect(),
        })
        .collect();
    broadsheet::json::encode(&Latest {
        listed_since,
        articles,
    }) + "\n"
}

/// Crawlers may read everything; the sitemap says what there is.
pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.canonical("/sitemap.xml")
    )
}

/// An RSS 2.0 feed at `path` of the latest of `articles` (newest first).
pub fn rss(site: &Site, path: &str, title: &str, articles: &[ArticleCard]) -> String {
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n\
         <title>{}</title>\n<link>{}</link>\n<description>{}</description>\n<language>{}</language>\n\
         <atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        escape(title),
        escape(&site.canonical("/")),
        escape(&site.tagline),
        escape(&site.language),
        escape(&site.canonical(path)),
    );
    if let Some(newest) = articles.first() {
        xml.push_str(&format!(
            "<lastBuildDate>{}</lastBuildDate>\n",
            newest.last_change().rfc822()
        ));
    }
    for card in articles.iter().take(FEED_LENGTH) {
        let link = escape(&site.canonical(&card.path()));
        xml.push_str(&format!(
            "<item>\n  <title>{}</title>\n  <link>{link}</link>\n  <guid isPermaLink=\"true\">{link}</guid>\n  \
             <pubDate>{}</pubDate>\n  <description>{}</description>\n",
            escape(&card.title),
            card.published.rfc822(),
            escape(&card.excerpt),
        ));
        for tag in &card.tags {
            xml.push_str(&format!("  <category>{}</category>\n", escape(&tag.name)));
        }
        xml.push_str("</item>\n");
    }
    xml.push_str("</channel>\n</rss>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;
    use broadsheet::model::{Direction, Slug};

    fn site() -> Site {
        Site {
            title: "The Herald & Co".into(),
            tagline: "News <daily>".into(),
            language: "en-GB".into(),
            direction: Direction::Ltr,
            base_url: "https://herald.example/news/".into(),
        }
    }

    fn card(slug: &str, published: &str, tags: &[&str]) -> ArticleCard {
        ArticleCard {
            slug: Slug::parse(slug).unwrap(),
            title: format!("Title of {slug} \"quoted\""),
            excerpt: "Fish & chips <b>".into(),
            published: Timestamp::parse(published).unwrap(),
            modified: None,
            author: AuthorLink {
                slug: Slug::parse("ada").unwrap(),
                name: "Ada".into(),
            },
            tags: tags
                .iter()
                .map(|tag| TagLink {
                    slug: Slug::parse(tag).unwrap(),
                    name: tag.to_uppercase(),
                })
                .collect(),
            image: None,
        }
    }

    fn index() -> SiteIndex {
        let articles = vec![
            card("second", "2026-11-04T08:00:00Z", &["harbour"]),
            card("first", "2026-11-03T08:00:00Z", &["harbour", "sport"]),
        ];
        let harbour = articles[0].tags[0].clone();
        SiteIndex {
            site: site(),
            home_pages: 2,
            tags: vec![(harbour, 1, articles.clone())],
            authors: vec![(articles[0].author.clone(), 1)],
            articles,
        }
    }

    #[test]
    fn the_sitemap_lists_every_page_under_the_public_address() {
        let xml = sitemap(&index());
        for url in [
            "<loc>https://herald.example/news/</loc><lastmod>2026-11-04T08:00:00Z</lastmod>",
            "<loc>https://herald.example/news/page/2/</loc></url>",
            "<loc>https://herald.example/news/tag/harbour/</loc>",
            "<loc>https://herald.example/news/author/ada/</loc>",
            "<loc>https://herald.example/news/first/</loc><lastmod>2026-11-03T08:00:00Z</lastmod>",
        ] {
            assert!(xml.contains(url), "{url} missing from\n{xml}");
        }
        assert_eq!(xml.matches("<url>").count(), 6);
    }

    #[test]
    fn feeds_escape_text_and_date_items_as_rss_does() {
        let index = index();
        let xml = rss(&index.site, "/feed/", &index.site.title, &index.articles);
        assert!(xml.contains("<title>The Herald &amp; Co</title>"), "{xml}");
        assert!(xml.contains("<description>News &lt;daily&gt;</description>"));
        assert!(xml.contains("<atom:link href=\"https://herald.example/news/feed/\""));
        assert!(xml.contains("<title>Title of second &quot;quoted&quot;</title>"));
        assert!(xml.contains("<pubDate>Wed, 04 Nov 2026 08:00:00 +0000</pubDate>"));
        assert!(xml.contains("<category>SPORT</category>"));
        assert_eq!(xml.matches("<item>").count(), 2);
    }

    #[test]
    fn latest_lists_the_articles_changed_last_with_their_times_author_and_tags() {
        let mut index = index();
        // "first" was published earlier but changed last.
        index.articles[1].modified = Some(Timestamp::parse("2026-11-05T09:00:00Z").unwrap());
        // A modification no later than publication is no change.
        index.articles[0].modified = Some(Timestamp::parse("2026-11-04T08:00:00Z").unwrap());
        let latest: serde_json::Value = serde_json::from_str(&latest(&index)).unwrap();
        assert_eq!(
            latest,
            serde_json::json!({
                "listed_since": null,
                "articles": [
                    {"slug": "first", "published": "2026-11-03T08:00:00Z", "modified": "2026-11-05T09:00:00Z",
                     "author": "ada", "tags": ["harbour", "sport"]},
                    {"slug": "second", "published": "2026-11-04T08:00:00Z", "author": "ada", "tags": ["harbour"]},
                ]
            })
        );
    }

    #[test]
    fn latest_says_from_when_it_lists_every_change_once_it_leaves_articles_out() {
        let mut index = index();
        index.articles = (0..LATEST_LENGTH + 5)
            .map(|n| {
                card(
                    &format!("a{n:03}"),
                    &format!("2026-10-01T{:02}:{:02}:00Z", n / 60, n % 60),
                    &[],
                )
            })
            .collect();
        let latest: serde_json::Value = serde_json::from_str(&latest(&index)).unwrap();
        let articles = latest["articles"].as_array().unwrap();
        assert_eq!(articles.len(), LATEST_LENGTH);
        let newest = LATEST_LENGTH + 4;
        assert_eq!(articles[0]["slug"], format!("a{newest:03}"));
        // The first article left out: every change after it is listed.
        assert_eq!(latest["listed_since"], "2026-10-01T00:04:00Z");
    }

    #[test]
    fn write_and_remove_take_latest_json_with_the_other_files() {
        let dist = tempfile::tempdir().unwrap();
        let written = write(&index(), dist.path()).unwrap();
        assert!(written.contains(&"latest.json".to_owned()), "{written:?}");
        assert!(dist.path().join("latest.json").is_file());
        let removed = remove(dist.path()).unwrap();
        assert!(removed.contains(&"latest.json".to_owned()), "{removed:?}");
        assert!(!dist.path().join("latest.json").exists());
    }

    #[test]
    fn characters_xml_cannot_carry_are_left_out() {
        assert_eq!(escape("a\u{1}b\u{b}c'"), "abc&apos;");
    }

    #[test]
    fn robots_points_at_the_sitemap() {
        assert_eq!(
            robots(&site()),
            "User-agent: *\nAllow: /\n\nSitemap: https://herald.example/news/sitemap.xml\n"
        );
    }
}
