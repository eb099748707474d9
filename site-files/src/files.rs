//! What the site files list, read through the static source, and the files themselves.

use broadsheet::error::DataError;
use broadsheet::model::{
    ArticleCard, Dated, Listing, Route, Site, Slug, Taxonomy, TermLink, Timestamp,
};
use broadsheet::source::newer::LATEST_FILE;
use broadsheet::source::{Catalogue, DataSource};
use std::collections::HashMap;
use std::path::Path;

/// The articles in a feed: the latest fifty, all of a small site.
const FEED_LENGTH: usize = 50;

/// How many days an article stays in the news sitemap: Google News reads the articles of the
/// last two.
const NEWS_DAYS: i64 = 2;

/// The most articles one news sitemap may list (Google News).
const NEWS_LIMIT: usize = 1000;

/// The news sitemap, beside `sitemap.xml`.
pub const NEWS_SITEMAP_FILE: &str = "news-sitemap.xml";

/// The articles latest.json lists, as many as a feed: the pages' script reads it on every page
/// view, so it stays small.
const LATEST_LENGTH: usize = FEED_LENGTH;

/// What the list of pages, the sitemap and latest.json need of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    pub slug: Slug,
    pub published: Timestamp,
    pub modified: Option<Timestamp>,
    pub author: Slug,
    pub tags: Vec<Slug>,
    pub sections: Vec<Slug>,
}

impl Listed {
    /// The first pages of its tags' and sections' listings.
    pub fn term_routes(&self) -> impl Iterator<Item = Route> + '_ {
        let tags = self.tags.iter().map(Route::tag);
        tags.chain(self.sections.iter().map(Route::section))
    }
}

impl Dated for Listed {
    fn dates(&self) -> (&Timestamp, Option<&Timestamp>) {
        (&self.published, self.modified.as_ref())
    }
}

impl From<&ArticleCard> for Listed {
    fn from(card: &ArticleCard) -> Self {
        Self {
            slug: card.slug.clone(),
            published: card.published.clone(),
            modified: card.modified.clone(),
            author: card.author.slug.clone(),
            tags: card.tags.iter().map(|tag| tag.slug.clone()).collect(),
            sections: card
                .sections
                .iter()
                .map(|section| section.slug.clone())
                .collect(),
        }
    }
}

/// A tag's or a section's listing: its number of pages, and the latest of its articles for its
/// feed.
pub struct TermIndex {
    pub link: TermLink,
    pub pages: u32,
    /// `None` where the feed on disk is as it should be: a sync read only the terms it touched.
    pub feed: Option<Vec<ArticleCard>>,
}

/// Everything the site shows, as its data source reads it.
pub struct SiteIndex {
    pub site: Site,
    /// Every article, newest first, as the home page lists them.
    pub articles: Vec<Listed>,
    pub home_pages: u32,
    /// The latest articles, newest first: the site's feeds, and every article the news sitemap
    /// lists (see [`latest_length`]).
    pub latest: Vec<ArticleCard>,
    /// Every tag and section with articles.
    pub terms: Vec<TermIndex>,
    /// Each author with the number of listing pages.
    pub authors: Vec<(Slug, u32)>,
    /// When the index was read: the news sitemap lists the articles of the days before.
    pub built: Timestamp,
}

/// The time a build is made at: `SOURCE_DATE_EPOCH` (seconds) where it is set, as reproducible
/// builds set it, and the clock otherwise.
pub fn build_time() -> Result<Timestamp, String> {
    let seconds = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(text) => text
            .trim()
            .parse()
            .map_err(|_| format!("SOURCE_DATE_EPOCH={text:?} is not a number of seconds"))?,
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_err(|error| format!("the clock is before 1970: {error}"))?
            .as_secs() as i64,
    };
    Ok(Timestamp::from_unix_seconds(seconds))
}

/// How many of `articles` (newest first) the index keeps as cards: the feed's, or every article
/// published in the news sitemap's days before `built` if there are more, up to its limit.
fn latest_length(articles: &[Listed], built: &Timestamp) -> usize {
    let since = built.unix_seconds() - NEWS_DAYS * 86_400;
    let news = articles
        .iter()
        .take_while(|article| article.published.unix_seconds() >= since)
        .count();
    news.clamp(FEED_LENGTH, NEWS_LIMIT)
}

impl SiteIndex {
    /// Every page of the site, each prerendered: the home page and its pages, each tag's, each
    /// section's and each author's pages, each article, and the search page.
    pub fn routes(&self) -> Vec<Route> {
        let mut routes: Vec<Route> = Route::HOME.pages(self.home_pages).collect();
        for term in &self.terms {
            routes.extend(term.link.route().pages(term.pages));
        }
        for (author, pages) in &self.authors {
            routes.extend(Route::author(author).pages(*pages));
        }
        routes.extend(
            self.articles
                .iter()
                .map(|article| Route::Article(article.slug.clone())),
        );
        routes.push(Route::Search);
        routes
    }

    /// The pages the sitemap lists: every page but the search page, which search engines are
    /// asked not to index.
    fn sitemap_routes(&self) -> Vec<Route> {
        let mut routes = self.routes();
        routes.retain(|route| *route != Route::Search);
        routes
    }

    /// Reads every listing page of the site (each page is rendered from what it read).
    pub async fn read(source: &DataSource, built: Timestamp) -> Result<Self, DataError> {
        let site = source.site().await?;
        let first = source.home(1).await?;
        let home_pages = first.total_pages;
        let mut cards = first.articles;
        for page in 2..=home_pages {
            cards.extend(source.home(page).await?.articles);
        }
        let mut terms = Vec::new();
        for term in unique(cards.iter().flat_map(ArticleCard::terms), TermLink::route) {
            let (pages, feed) = term_feed(source, term).await?;
            terms.push(TermIndex {
                link: term.clone(),
                pages,
                feed: Some(feed),
            });
        }
        let mut authors = Vec::new();
        for author in unique(cards.iter().map(|card| &card.author), |author| {
            author.slug.clone()
        }) {
            let pages = source
                .author_page(&author.slug, 1)
                .await?
                .listing
                .total_pages;
            authors.push((author.slug.clone(), pages));
        }
        let articles: Vec<Listed> = cards.iter().map(Listed::from).collect();
        cards.truncate(latest_length(&articles, &built));
        Ok(Self {
            site,
            articles,
            home_pages,
            latest: cards,
            terms,
            authors,
            built,
        })
    }

    /// The index of a WordPress site by its `catalogue`, with listings of `per_page` articles:
    /// only the cards of the site's feed, and of the feeds of the terms `feed_of` names by their
    /// first pages, are read.
    pub async fn from_catalogue(
        source: &DataSource,
        catalogue: &Catalogue,
        per_page: u32,
        feed_of: impl Fn(&Route) -> bool,
        built: Timestamp,
    ) -> Result<Self, DataError> {
        let pages = |count: usize| Listing::page_count(count, per_page);
        let damaged = |problem: String| DataError::bad_data("wp/v2/posts", problem);
        let slug = |text: &str| Slug::from_path_segment(text).map_err(&damaged);
        let authors: HashMap<u64, Slug> = catalogue
            .authors
            .iter()
            .map(|author| Ok((author.id, slug(&author.slug)?)))
            .collect::<Result<_, DataError>>()?;
        // Each taxonomy's terms with pages, by id.
        let links = |taxonomy: Taxonomy| -> Result<HashMap<u64, TermLink>, DataError> {
            let mut links = HashMap::new();
            for term in catalogue.terms(taxonomy) {
                if let Some(link) = term.term_link(taxonomy).map_err(damaged)? {
                    links.insert(term.id, link);
                }
            }
            Ok(links)
        };
        let (tag_links, section_links) = (links(Taxonomy::Tag)?, links(Taxonomy::Section)?);
        let links_of = |taxonomy: Taxonomy| match taxonomy {
            Taxonomy::Tag => &tag_links,
            Taxonomy::Section => &section_links,
        };
        let listed = |post: &'_ broadsheet::source::PostEntry, taxonomy: Taxonomy| {
            let links = links_of(taxonomy);
            post.terms(taxonomy)
                .iter()
                .filter_map(move |id| Some((*id, links.get(id)?)))
                .collect::<Vec<_>>()
        };
        let mut articles = Vec::with_capacity(catalogue.posts.len());
        for post in &catalogue.posts {
            let (published, modified) = post.dates().map_err(damaged)?;
            let author = authors.get(&post.author).ok_or_else(|| {
                damaged(format!(
                    "{} is by user {}, who is not listed",
                    post.slug, post.author
                ))
            })?;
            let slugs = |taxonomy| {
                listed(post, taxonomy)
                    .into_iter()
                    .map(|(_, link)| link.slug.clone())
                    .collect()
            };
            articles.push(Listed {
                slug: slug(&post.slug)?,
                published,
                modified,
                author: author.clone(),
                tags: slugs(Taxonomy::Tag),
                sections: slugs(Taxonomy::Section),
            });
        }
        let length = latest_length(&articles, &built);
        let mut latest = Vec::new();
        for page in 1..=pages(length.min(articles.len())) {
            latest.extend(source.home(page).await?.articles);
        }
        latest.truncate(length);
        let mut terms = Vec::new();
        for taxonomy in Taxonomy::ALL {
            let ids: Vec<u64> = catalogue
                .posts
                .iter()
                .flat_map(|post| listed(post, taxonomy).into_iter().map(|(id, _)| id))
                .collect();
            for (id, count) in counted(ids.iter()) {
                let link = links_of(taxonomy)[id].clone();
                let feed = if feed_of(&link.route()) {
                    Some(term_feed(source, &link).await?.1)
                } else {
                    None
                };
                terms.push(TermIndex {
                    pages: pages(count),
                    link,
                    feed,
                });
            }
        }
        Ok(Self {
            site: source.site().await?,
            home_pages: pages(articles.len()),
            articles,
            latest,
            terms,
            authors: counted(catalogue.posts.iter().map(|post| &post.author))
                .into_iter()
                .map(|(id, count)| (authors[id].clone(), pages(count)))
                .collect(),
            built,
        })
    }
}

/// The number of pages of the tag's or section's listing, and its latest articles.
async fn term_feed(
    source: &DataSource,
    term: &TermLink,
) -> Result<(u32, Vec<ArticleCard>), DataError> {
    let page = |page| source.term_page(term.taxonomy, &term.slug, page);
    let first = page(1).await?.listing;
    let mut feed = first.articles;
    for number in 2..=first.total_pages {
        if feed.len() >= FEED_LENGTH {
            break;
        }
        feed.extend(page(number).await?.listing.articles);
    }
    feed.truncate(FEED_LENGTH);
    Ok((first.total_pages, feed))
}

/// Each id once, in first-seen order, with how many times it came.
fn counted<'a>(ids: impl Iterator<Item = &'a u64>) -> Vec<(&'a u64, usize)> {
    let mut counts: Vec<(&u64, usize)> = Vec::new();
    let mut at: HashMap<&u64, usize> = HashMap::new();
    for id in ids {
        let index = *at.entry(id).or_insert_with(|| {
            counts.push((id, 0));
            counts.len() - 1
        });
        counts[index].1 += 1;
    }
    counts
}

/// The items in first-seen order, each once by `key`.
fn unique<'a, T, K: Eq + std::hash::Hash>(
    items: impl Iterator<Item = &'a T>,
    key: impl Fn(&T) -> K,
) -> Vec<&'a T> {
    let mut seen = std::collections::HashSet::new();
    items.filter(|item| seen.insert(key(item))).collect()
}

/// Writes every file into `dist`; returns what it wrote.
pub fn write(index: &SiteIndex, dist: &Path) -> std::io::Result<Vec<String>> {
    // (the feed's site path, its title, its articles): the site's, then each tag's and section's.
    let feed = |route: Route| route.feed_path().unwrap_or_default();
    let mut feeds = vec![(feed(Route::HOME), index.site.title.clone(), &index.latest)];
    for term in &index.terms {
        let Some(articles) = &term.feed else {
            continue;
        };
        let title = broadsheet::format::listing_feed_title(&term.link.name, &index.site.title);
        feeds.push((feed(term.link.route()), title, articles));
    }
    let sitemaps = sitemaps(index, SITEMAP_LIMIT);
    let mut files = sitemaps.clone();
    files.extend([
        (NEWS_SITEMAP_FILE.to_owned(), news_sitemap(index)),
        ("robots.txt".to_owned(), robots(&index.site)),
        (LATEST_FILE.to_owned(), latest(index)),
        (Route::JSON_FEED_PATH[1..].to_owned(), json_feed(index)),
    ]);
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
    prune_sitemaps(dist, sitemaps.len() - 1)?;
    Ok(vec![
        if sitemaps.len() == 1 {
            "sitemap.xml".into()
        } else {
            format!("sitemap.xml (an index of {})", sitemaps.len() - 1)
        },
        NEWS_SITEMAP_FILE.into(),
        "robots.txt".into(),
        LATEST_FILE.into(),
        format!("{} feeds and {}", feeds.len(), &Route::JSON_FEED_PATH[1..]),
    ])
}

/// Removes what [`write`] wrote (the sitemaps, robots.txt, latest.json and the feeds): they list the data the
/// site was built from, wrong once it reads another source. Returns what it removed.
pub fn remove(dist: &Path) -> std::io::Result<Vec<String>> {
    let mut removed = Vec::new();
    for name in [
        "sitemap.xml",
        NEWS_SITEMAP_FILE,
        "robots.txt",
        LATEST_FILE,
        &Route::JSON_FEED_PATH[1..],
    ] {
        if dist.join(name).is_file() {
            std::fs::remove_file(dist.join(name))?;
            removed.push(name.to_owned());
        }
    }
    removed.extend(prune_sitemaps(dist, 0)?);
    let mut feeds = vec![dist.join("feed")];
    for taxonomy in Taxonomy::ALL {
        let terms = dist.join(taxonomy.base());
        if terms.is_dir() {
            for term in std::fs::read_dir(&terms)? {
                feeds.push(term?.path().join("feed"));
            }
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

/// How many addresses one sitemap file may list (sitemaps.org).
const SITEMAP_LIMIT: usize = 50_000;

/// The name of the `number`th part of a sitemap too long for one file.
fn sitemap_part(number: usize) -> String {
    format!("sitemap-{number}.xml")
}

/// Removes the parts of a sitemap past the first `parts` (those of a larger site, earlier);
/// returns their names.
pub fn prune_sitemaps(dist: &Path, parts: usize) -> std::io::Result<Vec<String>> {
    let mut removed = Vec::new();
    for number in parts + 1.. {
        let name = sitemap_part(number);
        match std::fs::remove_file(dist.join(&name)) {
            Ok(()) => removed.push(name),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(removed),
            Err(error) => return Err(error),
        }
    }
    unreachable!("the parts end")
}

/// How many parts the sitemap of `pages` pages has: none when `sitemap.xml` lists them all.
fn parts_of(pages: usize, limit: usize) -> usize {
    if pages <= limit {
        0
    } else {
        pages.div_ceil(limit)
    }
}

/// How many parts the sitemap of `index` has ([`sitemaps`]).
pub fn sitemap_parts(index: &SiteIndex) -> usize {
    parts_of(index.sitemap_routes().len(), SITEMAP_LIMIT)
}

/// The sitemap files, by name: `sitemap.xml` alone when the site has at most `limit` pages;
/// otherwise it is an index of parts of `limit` pages each.
pub fn sitemaps(index: &SiteIndex, limit: usize) -> Vec<(String, String)> {
    let urls = sitemap_urls(index);
    let urlset = |urls: &[String]| {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n{}</urlset>\n",
            urls.concat()
        )
    };
    if parts_of(urls.len(), limit) == 0 {
        return vec![("sitemap.xml".into(), urlset(&urls))];
    }
    let parts: Vec<(String, String)> = urls
        .chunks(limit)
        .enumerate()
        .map(|(at, urls)| (sitemap_part(at + 1), urlset(urls)))
        .collect();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (name, _) in &parts {
        let url = index.site.canonical(&format!("/{name}"));
        xml.push_str(&format!(
            "  <sitemap><loc>{}</loc></sitemap>\n",
            escape(&url)
        ));
    }
    xml.push_str("</sitemapindex>\n");
    let mut files = vec![("sitemap.xml".to_owned(), xml)];
    files.extend(parts);
    files
}

/// Every page of the site as a sitemap's `<url>` line, with the date it last changed where the
/// data has one: a listing's first page by its newest article.
fn sitemap_urls(index: &SiteIndex) -> Vec<String> {
    let site = &index.site;
    // Looked up once per page: a site has tens of thousands of articles.
    let articles: HashMap<&Slug, &Listed> = index
        .articles
        .iter()
        .map(|article| (&article.slug, article))
        .collect();
    let mut authors_newest: HashMap<&Slug, &Listed> = HashMap::new();
    let mut terms_newest: HashMap<Route, &Listed> = HashMap::new();
    for article in &index.articles {
        authors_newest.entry(&article.author).or_insert(article);
        for term in article.term_routes() {
            terms_newest.entry(term).or_insert(article);
        }
    }
    let newest = |route: &Route| -> Option<&Listed> {
        match route {
            Route::Home { page: 1 } => index.articles.first(),
            Route::Term { page: 1, .. } => terms_newest.get(route).copied(),
            Route::Author { slug, page: 1 } => authors_newest.get(slug).copied(),
            Route::Article(slug) => articles.get(slug).copied(),
            _ => None,
        }
    };
    index
        .sitemap_routes()
        .into_iter()
        .map(|route| {
            let url = escape(&site.canonical(&route.path()));
            match newest(&route).map(Listed::last_change) {
                Some(changed) => format!(
                    "  <url><loc>{url}</loc><lastmod>{}</lastmod></url>\n",
                    escape(changed.as_str())
                ),
                None => format!("  <url><loc>{url}</loc></url>\n"),
            }
        })
        .collect()
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
        #[serde(skip_serializing_if = "Vec::is_empty")]
        sections: Vec<&'a str>,
    }
    let mut cards: Vec<&Listed> = index.articles.iter().collect();
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
            author: card.author.as_str(),
            tags: card.tags.iter().map(Slug::as_str).collect(),
            sections: card.sections.iter().map(Slug::as_str).collect(),
        })
        .collect();
    broadsheet::json::encode(&Latest {
        listed_since,
        articles,
    }) + "\n"
}

/// Crawlers may read everything; the sitemaps say what there is.
pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\nSitemap: {}\n",
        site.canonical("/sitemap.xml"),
        site.canonical(&format!("/{NEWS_SITEMAP_FILE}"))
    )
}

/// The Google News sitemap: the articles published in the [`NEWS_DAYS`] before the build, newest
/// first, each with the publication's name and language, its date and its title.
pub fn news_sitemap(index: &SiteIndex) -> String {
    let site = &index.site;
    let since = index.built.unix_seconds() - NEWS_DAYS * 86_400;
    let publication = format!(
        "<news:publication><news:name>{}</news:name><news:language>{}</news:language></news:publication>",
        escape(&site.title),
        news_language(&site.language)
    );
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n",
    );
    for card in index
        .latest
        .iter()
        .filter(|card| card.published.unix_seconds() >= since)
        .take(NEWS_LIMIT)
    {
        xml.push_str(&format!(
            "  <url><loc>{}</loc><news:news>{publication}\
             <news:publication_date>{}</news:publication_date><news:title>{}</news:title></news:news></url>\n",
            escape(&site.canonical(&card.path())),
            escape(card.published.as_str()),
            escape(&card.title)
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}

/// A language as Google News names it: the ISO 639 code, except Chinese, which is `zh-cn` or
/// `zh-tw` by its script.
fn news_language(tag: &str) -> String {
    let lower = tag.to_ascii_lowercase();
    let mut subtags = lower.split(['-', '_']);
    let language = subtags.next().unwrap_or_default().to_owned();
    if language != "zh" {
        return language;
    }
    match subtags.any(|subtag| matches!(subtag, "hant" | "tw" | "hk" | "mo")) {
        true => "zh-tw".into(),
        false => "zh-cn".into(),
    }
}

/// The site's feed as JSON Feed 1.1 (jsonfeed.org), of the same articles as its RSS feed.
pub fn json_feed(index: &SiteIndex) -> String {
    #[derive(serde::Serialize)]
    struct Feed<'a> {
        version: &'static str,
        title: &'a str,
        home_page_url: String,
        feed_url: String,
        #[serde(skip_serializing_if = "str::is_empty")]
        description: &'a str,
        language: &'a str,
        items: Vec<Item<'a>>,
    }
    #[derive(serde::Serialize)]
    struct Item<'a> {
        id: String,
        url: String,
        title: &'a str,
        content_text: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        image: Option<&'a str>,
        date_published: &'a Timestamp,
        #[serde(skip_serializing_if = "Option::is_none")]
        date_modified: Option<&'a Timestamp>,
        authors: [Author<'a>; 1],
        #[serde(skip_serializing_if = "Vec::is_empty")]
        tags: Vec<&'a str>,
    }
    #[derive(serde::Serialize)]
    struct Author<'a> {
        name: &'a str,
        url: String,
    }
    let site = &index.site;
    let items = index
        .latest
        .iter()
        .take(FEED_LENGTH)
        .map(|card| {
            let url = site.canonical(&card.path());
            Item {
                id: url.clone(),
                url,
                title: &card.title,
                content_text: &card.excerpt,
                image: card.image.as_ref().map(|image| image.url.as_str()),
                date_published: &card.published,
                date_modified: card.updated(),
                authors: [Author {
                    name: &card.author.name,
                    url: site.canonical(&card.author.path()),
                }],
                tags: card
                    .sections
                    .iter()
                    .chain(&card.tags)
                    .map(|term| term.name.as_str())
                    .collect(),
            }
        })
        .collect();
    broadsheet::json::encode(&Feed {
        version: "https://jsonfeed.org/version/1.1",
        title: &site.title,
        home_page_url: site.canonical("/"),
        feed_url: site.canonical(Route::JSON_FEED_PATH),
        description: &site.tagline,
        language: &site.language,
        items,
    }) + "\n"
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
        // As WordPress's own feed has them: the sections, then the tags.
        for term in card.sections.iter().chain(&card.tags) {
            xml.push_str(&format!("  <category>{}</category>\n", escape(&term.name)));
        }
        xml.push_str("</item>\n");
    }
    xml.push_str("</channel>\n</rss>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;
    use broadsheet::model::{AuthorLink, Direction, Slug};

    fn site() -> Site {
        Site {
            title: "The Herald & Co".into(),
            tagline: "News <daily>".into(),
            language: "en-GB".into(),
            direction: Direction::Ltr,
            base_url: "https://herald.example/news/".into(),
            sections: Vec::new(),
        }
    }

    fn term(taxonomy: Taxonomy, slug: &str) -> TermLink {
        TermLink {
            taxonomy,
            slug: Slug::parse(slug).unwrap(),
            name: slug.to_uppercase(),
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
            tags: tags.iter().map(|tag| term(Taxonomy::Tag, tag)).collect(),
            sections: Vec::new(),
            image: None,
        }
    }

    fn index() -> SiteIndex {
        let mut articles = vec![
            card("second", "2026-11-04T08:00:00Z", &["harbour"]),
            card("first", "2026-11-03T08:00:00Z", &["harbour", "sport"]),
        ];
        articles[1].sections = vec![term(Taxonomy::Section, "news")];
        SiteIndex {
            site: site(),
            home_pages: 2,
            terms: vec![
                TermIndex {
                    link: articles[0].tags[0].clone(),
                    pages: 1,
                    feed: Some(articles.clone()),
                },
                TermIndex {
                    link: articles[1].sections[0].clone(),
                    pages: 1,
                    feed: Some(vec![articles[1].clone()]),
                },
            ],
            authors: vec![(articles[0].author.slug.clone(), 1)],
            articles: articles.iter().map(Listed::from).collect(),
            latest: articles,
            built: Timestamp::parse("2026-11-05T09:00:00Z").unwrap(),
        }
    }

    #[test]
    fn the_news_sitemap_lists_the_articles_of_the_last_two_days_with_their_titles() {
        let xml = news_sitemap(&index());
        assert!(xml.contains("xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\""));
        assert!(xml.contains(
            "<url><loc>https://herald.example/news/second/</loc><news:news><news:publication>\
             <news:name>The Herald &amp; Co</news:name><news:language>en</news:language></news:publication>\
             <news:publication_date>2026-11-04T08:00:00Z</news:publication_date>\
             <news:title>Title of second &quot;quoted&quot;</news:title></news:news></url>"
        ), "{xml}");
        // Published 49 hours before the build: no longer news.
        assert!(!xml.contains("/first/"), "{xml}");
        assert_eq!(xml.matches("<url>").count(), 1);
    }

    #[test]
    fn news_languages_are_iso_639_codes_but_chinese_names_its_script() {
        assert_eq!(news_language("en-GB"), "en");
        assert_eq!(news_language("ar"), "ar");
        assert_eq!(news_language("zh-Hant-HK"), "zh-tw");
        assert_eq!(news_language("zh_CN"), "zh-cn");
        assert_eq!(news_language("zh"), "zh-cn");
    }

    #[test]
    fn the_index_keeps_every_article_of_the_news_days_even_past_the_feed() {
        let built = Timestamp::parse("2026-11-05T00:00:00Z").unwrap();
        let at = |seconds_before: i64| Listed {
            published: Timestamp::from_unix_seconds(built.unix_seconds() - seconds_before),
            ..Listed::from(&card("any", "2026-01-01T00:00:00Z", &[]))
        };
        let recent: Vec<Listed> = (0..120).map(|minutes| at(minutes * 60)).collect();
        assert_eq!(latest_length(&recent, &built), 120);
        let old: Vec<Listed> = (0..120).map(|days| at(3 * 86_400 + days)).collect();
        assert_eq!(latest_length(&old, &built), FEED_LENGTH);
        let flood: Vec<Listed> = (0..1500).map(at).collect();
        assert_eq!(latest_length(&flood, &built), NEWS_LIMIT);
    }

    #[test]
    fn the_json_feed_is_json_feed_1_1_of_the_rss_feeds_articles() {
        let mut index = index();
        index.latest[0].modified = Some(Timestamp::parse("2026-11-04T10:00:00Z").unwrap());
        let feed: serde_json::Value = serde_json::from_str(&json_feed(&index)).unwrap();
        assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
        assert_eq!(feed["title"], "The Herald & Co");
        assert_eq!(feed["home_page_url"], "https://herald.example/news/");
        assert_eq!(feed["feed_url"], "https://herald.example/news/feed.json");
        assert_eq!(feed["language"], "en-GB");
        let items = feed["items"].as_array().unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0]["id"], "https://herald.example/news/second/");
        assert_eq!(items[0]["url"], items[0]["id"]);
        assert_eq!(items[0]["title"], "Title of second \"quoted\"");
        assert_eq!(items[0]["content_text"], "Fish & chips <b>");
        assert_eq!(items[0]["date_published"], "2026-11-04T08:00:00Z");
        assert_eq!(items[0]["date_modified"], "2026-11-04T10:00:00Z");
        assert_eq!(items[0]["authors"][0]["name"], "Ada");
        assert_eq!(
            items[0]["authors"][0]["url"],
            "https://herald.example/news/author/ada/"
        );
        assert_eq!(
            items[1]["tags"],
            serde_json::json!(["NEWS", "HARBOUR", "SPORT"])
        );
        assert!(items[1].get("date_modified").is_none());
    }

    #[test]
    fn the_sitemap_lists_every_page_under_the_public_address() {
        let files = sitemaps(&index(), SITEMAP_LIMIT);
        assert_eq!(files.len(), 1);
        let xml = &files[0].1;
        for url in [
            "<loc>https://herald.example/news/</loc><lastmod>2026-11-04T08:00:00Z</lastmod>",
            "<loc>https://herald.example/news/page/2/</loc></url>",
            "<loc>https://herald.example/news/tag/harbour/</loc>",
            "<loc>https://herald.example/news/category/news/</loc><lastmod>2026-11-03T08:00:00Z</lastmod>",
            "<loc>https://herald.example/news/author/ada/</loc>",
            "<loc>https://herald.example/news/first/</loc><lastmod>2026-11-03T08:00:00Z</lastmod>",
        ] {
            assert!(xml.contains(url), "{url} missing from\n{xml}");
        }
        assert_eq!(xml.matches("<url>").count(), 7);
        // The search page is prerendered but not listed: search engines are asked not to index it.
        assert!(index().routes().contains(&Route::Search));
        assert!(!xml.contains("/search/"), "{xml}");
    }

    #[test]
    fn a_sitemap_too_long_for_one_file_is_an_index_of_parts() {
        let files = sitemaps(&index(), 5);
        let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
        assert!(files[0].1.contains("<sitemapindex"), "{}", files[0].1);
        assert!(files[0]
            .1
            .contains("<sitemap><loc>https://herald.example/news/sitemap-2.xml</loc></sitemap>"));
        assert_eq!(files[1].1.matches("<url>").count(), 5);
        assert_eq!(files[2].1.matches("<url>").count(), 2);

        // Written, then the site shrinks to one file: the parts go.
        let dist = tempfile::tempdir().unwrap();
        for (name, text) in &files {
            std::fs::write(dist.path().join(name), text).unwrap();
        }
        write(&index(), dist.path()).unwrap();
        assert!(!dist.path().join("sitemap-1.xml").exists());
        assert!(std::fs::read_to_string(dist.path().join("sitemap.xml"))
            .unwrap()
            .contains("<urlset"));
    }

    #[test]
    fn feeds_escape_text_and_date_items_as_rss_does() {
        let index = index();
        let xml = rss(&index.site, "/feed/", &index.site.title, &index.latest);
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
                     "author": "ada", "tags": ["harbour", "sport"], "sections": ["news"]},
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
                Listed::from(&card(
                    &format!("a{n:03}"),
                    &format!("2026-10-01T{:02}:{:02}:00Z", n / 60, n % 60),
                    &[],
                ))
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
    fn write_and_remove_take_latest_json_the_news_sitemap_and_json_feed_with_the_other_files() {
        let dist = tempfile::tempdir().unwrap();
        write(&index(), dist.path()).unwrap();
        let names = [
            "latest.json",
            "news-sitemap.xml",
            "feed.json",
            "feed/index.html",
            "tag/harbour/feed/index.html",
            "category/news/feed/index.html",
        ];
        for name in names {
            assert!(dist.path().join(name).is_file(), "{name} written");
        }
        let section_feed =
            std::fs::read_to_string(dist.path().join("category/news/feed/index.html")).unwrap();
        assert!(
            section_feed.contains("<title>NEWS — The Herald &amp; Co</title>"),
            "{section_feed}"
        );
        assert!(section_feed.contains("/news/first/") && !section_feed.contains("/news/second/"));
        remove(dist.path()).unwrap();
        for name in names {
            assert!(!dist.path().join(name).exists(), "{name} removed");
        }
    }

    #[test]
    fn characters_xml_cannot_carry_are_left_out() {
        assert_eq!(escape("a\u{1}b\u{b}c'"), "abc&apos;");
    }

    #[test]
    fn robots_points_at_the_sitemaps() {
        assert_eq!(
            robots(&site()),
            "User-agent: *\nAllow: /\n\nSitemap: https://herald.example/news/sitemap.xml\n\
             Sitemap: https://herald.example/news/news-sitemap.xml\n"
        );
    }
}
