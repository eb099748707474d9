//! The site's addresses: the one owner of its URL scheme, which is WordPress's permalinks. Links,
//! the router, the prerendered pages, the sitemap and the feeds all ask [`Route`].

use super::{Slug, Taxonomy};

/// A page of the site. Listings are numbered from 1.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Route {
    /// `/`, then `/page/2/`...
    Home { page: u32 },
    /// `/<slug>/`.
    Article(Slug),
    /// A tag's or a section's articles: `/tag/<slug>/`, `/category/<slug>/`, then
    /// `/tag/<slug>/page/2/`...
    Term {
        taxonomy: Taxonomy,
        slug: Slug,
        page: u32,
    },
    /// `/author/<slug>/`, then `/author/<slug>/page/2/`...
    Author { slug: Slug, page: u32 },
    /// `/search/`, WordPress's search base; the query is in `?q=`, which the page reads in the
    /// browser: the one page serves every search.
    Search,
}

impl Route {
    /// The home page's first page.
    pub const HOME: Self = Self::Home { page: 1 };

    /// The first page of the term's listing.
    pub fn term(taxonomy: Taxonomy, slug: &Slug) -> Self {
        Self::Term {
            taxonomy,
            slug: slug.clone(),
            page: 1,
        }
    }

    pub fn tag(slug: &Slug) -> Self {
        Self::term(Taxonomy::Tag, slug)
    }

    pub fn section(slug: &Slug) -> Self {
        Self::term(Taxonomy::Section, slug)
    }

    pub fn author(slug: &Slug) -> Self {
        Self::Author {
            slug: slug.clone(),
            page: 1,
        }
    }

    /// The path below the site's base, with slugs percent-encoded: `/tag/harbour/page/2/`.
    pub fn path(&self) -> String {
        let (first, page) = match self {
            Self::Home { page } => ("/".to_owned(), *page),
            Self::Article(slug) => return format!("/{}/", slug.path_segment()),
            Self::Term {
                taxonomy,
                slug,
                page,
            } => (
                format!("/{}/{}/", taxonomy.base(), slug.path_segment()),
                *page,
            ),
            Self::Author { slug, page } => (format!("/author/{}/", slug.path_segment()), *page),
            Self::Search => return "/search/".to_owned(),
        };
        match page {
            0 | 1 => first,
            page => format!("{first}page/{page}/"),
        }
    }

    /// The page a path below the site's base shows (`/tag/harbour/page/2/`, percent-encoded or
    /// not; the final `/` may be missing, an `index.html` may follow), or `None` for a path that
    /// names no page: the reader is told it was not found.
    pub fn parse(path: &str) -> Option<Self> {
        let segments = segments(path);
        let slug = |segment: &str| Slug::from_path_segment(segment).ok();
        let page = |segment: &str| segment.parse::<u32>().ok().filter(|page| *page >= 1);
        let taxonomy = |segment: &str| {
            Taxonomy::ALL
                .into_iter()
                .find(|taxonomy| taxonomy.base() == segment)
        };
        Some(match segments.as_slice() {
            [] => Self::HOME,
            ["page", number] => Self::Home {
                page: page(number)?,
            },
            [base, name] if taxonomy(base).is_some() => Self::term(taxonomy(base)?, &slug(name)?),
            [base, name, "page", number] if taxonomy(base).is_some() => Self::Term {
                taxonomy: taxonomy(base)?,
                slug: slug(name)?,
                page: page(number)?,
            },
            ["author", name] => Self::author(&slug(name)?),
            ["author", name, "page", number] => Self::Author {
                slug: slug(name)?,
                page: page(number)?,
            },
            ["search"] => Self::Search,
            [name] => Self::Article(slug(name)?),
            _ => return None,
        })
    }

    /// The same listing at page `page`; an article is itself.
    pub fn with_page(&self, page: u32) -> Self {
        let mut route = self.clone();
        if let Self::Home { page: at }
        | Self::Term { page: at, .. }
        | Self::Author { page: at, .. } = &mut route
        {
            *at = page;
        }
        route
    }

    /// Every page of a listing of `pages` pages whose first page is `self`.
    pub fn pages(&self, pages: u32) -> impl Iterator<Item = Self> + '_ {
        (1..=pages.max(1)).map(|page| self.with_page(page))
    }

    /// Whether a path below the site's base (read as [`Route::parse`] reads one) is the ticker
    /// embed, `/embed/ticker/`: the news ticker alone, for other sites' iframes. It is a document
    /// of the site's, not one of its pages, so no sitemap or feed lists it (the build prerenders
    /// it with the site's ticker settings, beside the pages).
    pub fn is_ticker_embed(path: &str) -> bool {
        segments(path) == ["embed", "ticker"]
    }

    /// The search index's folder (Pagefind's), which the build writes and the search page reads.
    pub const SEARCH_INDEX_PATH: &'static str = "/pagefind/";

    /// The site's JSON Feed, beside its RSS feed at `/feed/`.
    pub const JSON_FEED_PATH: &'static str = "/feed.json";

    /// The listing's RSS feed, as WordPress serves it: `/feed/`, `/tag/<slug>/feed/`,
    /// `/category/<slug>/feed/`. Articles and authors have none here.
    pub fn feed_path(&self) -> Option<String> {
        match self {
            Self::Home { .. } | Self::Term { .. } => {
                Some(format!("{}feed/", self.with_page(1).path()))
            }
            Self::Article(_) | Self::Author { .. } | Self::Search => None,
        }
    }
}

/// A path's segments: `/tag/harbour/index.html` and `tag/harbour` are `["tag", "harbour"]`.
fn segments(path: &str) -> Vec<&str> {
    path.strip_suffix("index.html")
        .unwrap_or(path)
        .trim_start_matches('/')
        .trim_end_matches('/')
        .split('/')
        .filter(|segment| !segment.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(text: &str) -> Slug {
        Slug::parse(text).unwrap()
    }

    #[test]
    fn paths_follow_wordpress_permalinks() {
        assert_eq!(Route::HOME.path(), "/");
        assert_eq!(Route::Home { page: 2 }.path(), "/page/2/");
        assert_eq!(Route::Article(slug("ferry-back")).path(), "/ferry-back/");
        assert_eq!(Route::tag(&slug("harbour")).path(), "/tag/harbour/");
        assert_eq!(
            Route::tag(&slug("harbour")).with_page(3).path(),
            "/tag/harbour/page/3/"
        );
        assert_eq!(
            Route::author(&slug("ada")).with_page(2).path(),
            "/author/ada/page/2/"
        );
        assert_eq!(Route::Article(slug("سوق")).path(), "/%D8%B3%D9%88%D9%82/");
        assert_eq!(
            Route::tag(&slug("harbour")).feed_path().unwrap(),
            "/tag/harbour/feed/"
        );
        assert_eq!(Route::Home { page: 4 }.feed_path().unwrap(), "/feed/");
        assert_eq!(Route::author(&slug("ada")).feed_path(), None);
        assert_eq!(Route::Search.path(), "/search/");
        assert_eq!(Route::Search.feed_path(), None);
        assert_eq!(Route::section(&slug("sport")).path(), "/category/sport/");
        assert_eq!(
            Route::section(&slug("sport")).with_page(2).path(),
            "/category/sport/page/2/"
        );
        assert_eq!(
            Route::section(&slug("sport"))
                .with_page(2)
                .feed_path()
                .unwrap(),
            "/category/sport/feed/"
        );
    }

    #[test]
    fn every_path_parses_back_to_its_route() {
        for route in [
            Route::HOME,
            Route::Home { page: 12 },
            Route::Article(slug("ferry-back")),
            Route::Article(slug("سوق-السمك")),
            Route::Search,
            Route::tag(&slug("harbour")),
            Route::Term {
                taxonomy: Taxonomy::Tag,
                slug: slug("harbour"),
                page: 2,
            },
            Route::section(&slug("sport")),
            Route::Term {
                taxonomy: Taxonomy::Section,
                slug: slug("sport"),
                page: 3,
            },
            Route::author(&slug("ada")),
            Route::Author {
                slug: slug("ada"),
                page: 9,
            },
            // An article whose slug is a word the scheme uses is still an article.
            Route::Article(slug("page")),
            Route::Article(slug("tag")),
            Route::Article(slug("category")),
        ] {
            assert_eq!(Route::parse(&route.path()), Some(route));
        }
    }

    #[test]
    fn parses_what_readers_and_servers_type() {
        assert_eq!(Route::parse(""), Some(Route::HOME));
        assert_eq!(
            Route::parse("/tag/harbour"),
            Some(Route::tag(&slug("harbour")))
        );
        assert_eq!(
            Route::parse("/ferry-back/index.html"),
            Some(Route::Article(slug("ferry-back")))
        );
        assert_eq!(Route::parse("/سوق/"), Some(Route::Article(slug("سوق"))));
    }

    #[test]
    fn the_ticker_embed_is_no_page_of_the_site() {
        for path in [
            "/embed/ticker/",
            "/embed/ticker/index.html",
            "/embed/ticker",
        ] {
            assert!(Route::is_ticker_embed(path), "{path}");
            assert_eq!(Route::parse(path), None, "{path}");
        }
        for path in [
            "/embed/",
            "/embed-ticker/",
            "/news/embed/ticker/",
            "/embed/ticker/x/",
        ] {
            assert!(!Route::is_ticker_embed(path), "{path}");
        }
    }

    #[test]
    fn paths_that_name_no_page_are_none() {
        for path in [
            "/page/0/",
            "/page/x/",
            "/tag/harbour/page/",
            "/tag/harbour/page/-1/",
            "/a/b/",
            "/tag/%2e%2e/",
            "/author/ada/feed/",
            "/category/sport/page/0/",
            "/%ff/",
        ] {
            assert_eq!(Route::parse(path), None, "{path}");
        }
    }
}
