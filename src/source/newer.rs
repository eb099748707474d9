//! How a prerendered page asks, when it is opened, whether its source has something newer than
//! the page shows: articles published since it was built (a listing's first page), or a later
//! version of its article. The page carries the check in the attributes of its notice
//! (`components::NewerNotice`), and its script (`islands/page.js`) makes the one request the
//! check names and reads the answer; no wasm is loaded for it.

use crate::model::{Route, Slug, Taxonomy, Timestamp};

/// One request, and how to read its answer.
#[derive(Debug, Clone, PartialEq)]
pub struct NewerCheck {
    /// What the page would say there is more of.
    pub news: News,
    pub ask: Ask,
    /// What the page is current to: the publication of its newest article (a listing), or the
    /// article's last change. `None` for an empty listing: every article is new to it.
    pub since: Option<Timestamp>,
}

/// What a page is told it lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum News {
    /// Articles published since, counted.
    Articles,
    /// A newer version of the article shown.
    Version,
}

/// Where the page asks, and what the answer holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Ask {
    /// The site's `latest.json` (docs/data-format.md), written by the build with the pages: the
    /// articles of `route` (all, one tag's, one author's, or the article) published or changed
    /// since. The host's pages are as new as it, so a reload shows them.
    SiteLatest(Route),
    /// A WordPress collection whose `X-WP-Total` header counts the posts published since.
    WordPressTotal(String),
    /// A WordPress post (`[{"modified_gmt": …}]`) changed since, or not.
    WordPressModified(String),
}

/// How the page shows what is newer, once the reader asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// Loads the page again: the host already has it.
    Reload,
    /// Starts the full app, which draws the page from the live source: the host's pages are
    /// only brought up to date by the next build or sync.
    App,
}

/// The name of the site's file of its latest articles, at the site's root.
pub const LATEST_FILE: &str = "latest.json";

impl NewerCheck {
    /// How the page shows the newer articles or version.
    pub fn show(&self) -> Show {
        match self.ask {
            Ask::SiteLatest(_) => Show::Reload,
            Ask::WordPressTotal(_) | Ask::WordPressModified(_) => Show::App,
        }
    }

    /// The check of a static site's page of `route`, current to `since`: its latest.json. Only a
    /// listing's first page lists what is new.
    pub fn site_latest(route: &Route, since: Option<&Timestamp>) -> Option<Self> {
        Some(Self {
            news: News::of(route)?,
            ask: Ask::SiteLatest(route.clone()),
            since: since.cloned(),
        })
    }

    /// The attributes the page's script reads (islands/page.js is their other side).
    pub fn attributes(&self) -> NewerAttributes {
        let (check, url) = match &self.ask {
            Ask::SiteLatest(_) => ("latest", LATEST_FILE.to_owned()),
            Ask::WordPressTotal(url) => ("total", url.clone()),
            Ask::WordPressModified(url) => ("modified", url.clone()),
        };
        let slug = |slug: &Slug| Some(slug.as_str().to_owned());
        let (mut tag, mut section, mut author, mut article) = (None, None, None, None);
        match &self.ask {
            Ask::SiteLatest(Route::Term {
                taxonomy: Taxonomy::Tag,
                slug: term,
                ..
            }) => tag = slug(term),
            Ask::SiteLatest(Route::Term {
                taxonomy: Taxonomy::Section,
                slug: term,
                ..
            }) => section = slug(term),
            Ask::SiteLatest(Route::Author { slug: by, .. }) => author = slug(by),
            Ask::SiteLatest(Route::Article(slug_of)) => article = slug(slug_of),
            _ => {}
        }
        NewerAttributes {
            check,
            url,
            since: self.since.as_ref().map(|since| since.as_str().to_owned()),
            tag,
            section,
            author,
            article,
            show: match self.show() {
                Show::Reload => "reload",
                Show::App => "app",
            },
        }
    }
}

impl News {
    /// What a page of `route` can be told it lacks: a listing's first page, new articles; an
    /// article, a newer version. A later page of a listing says nothing: what is new is on the
    /// first.
    pub fn of(route: &Route) -> Option<Self> {
        match route {
            Route::Article(_) => Some(Self::Version),
            Route::Home { page: 1 }
            | Route::Term { page: 1, .. }
            | Route::Author { page: 1, .. } => Some(Self::Articles),
            _ => None,
        }
    }
}

/// A check as the page's notice carries it, one `data-` attribute each.
#[derive(Debug, Clone, PartialEq)]
pub struct NewerAttributes {
    /// `latest`, `total` or `modified`: see [`Ask`].
    pub check: &'static str,
    /// Relative to the site's root, or absolute.
    pub url: String,
    pub since: Option<String>,
    /// latest.json's entries to count: those of this tag, this section, this author, or this
    /// article's.
    pub tag: Option<String>,
    pub section: Option<String>,
    pub author: Option<String>,
    pub article: Option<String>,
    /// `reload` or `app`: see [`Show`].
    pub show: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn harbour() -> Slug {
        Slug::parse("harbour").unwrap()
    }

    #[test]
    fn a_static_page_asks_the_sites_latest_file_and_shows_by_reloading() {
        let tag = harbour();
        let since = Timestamp::parse("2026-11-03T08:30:00Z").unwrap();
        let check = NewerCheck::site_latest(&Route::tag(&tag), Some(&since)).unwrap();
        assert_eq!(check.news, News::Articles);
        assert_eq!(
            check.attributes(),
            NewerAttributes {
                check: "latest",
                url: "latest.json".into(),
                since: Some("2026-11-03T08:30:00Z".into()),
                tag: Some("harbour".into()),
                section: None,
                author: None,
                article: None,
                show: "reload",
            }
        );
        let article = NewerCheck::site_latest(&Route::Article(tag.clone()), Some(&since)).unwrap();
        assert_eq!(article.news, News::Version);
        assert_eq!(article.attributes().article.as_deref(), Some("harbour"));
        let section = NewerCheck::site_latest(&Route::section(&tag), None).unwrap();
        assert_eq!(
            (section.attributes().section, section.attributes().tag),
            (Some("harbour".into()), None)
        );
    }

    #[test]
    fn later_pages_of_a_listing_ask_nothing() {
        let tag = harbour();
        assert_eq!(
            NewerCheck::site_latest(&Route::Home { page: 2 }, None),
            None
        );
        assert_eq!(
            NewerCheck::site_latest(&Route::tag(&tag).with_page(3), None),
            None
        );
    }
}
