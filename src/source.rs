//! Typed data sources. Pages ask a [`DataSource`] for domain values and never see URLs or JSON.

#[cfg(target_arch = "wasm32")]
mod browser;
mod client;
mod config_file;
#[cfg(test)]
pub(crate) mod fake;
pub mod newer;
pub mod prefetched;
pub mod static_files;
mod transport;
mod wordpress;

#[cfg(target_arch = "wasm32")]
pub use browser::BrowserTransport;
pub use config_file::load_config;
pub use static_files::StaticSource;
pub use transport::{
    HttpRequest, HttpResponse, SharedTransport, Transport, TransportError, READ_HEADERS,
};
pub use wordpress::WordPressSource;
#[cfg(not(target_arch = "wasm32"))]
pub use wordpress::{Catalogue, PostEntry, TermEntry};

use crate::config::{Config, SourceConfig, WordPressConfig};
use crate::error::{CommentError, DataError};
use crate::model::{
    Article, AuthorPage, Comment, CommentDraft, FrontPage, Headline, Listing, Route, SearchResults,
    Site, Slug, Taxonomy, TermPage, Timestamp,
};
use newer::NewerCheck;

/// A comment the site accepted.
#[derive(Debug, Clone, PartialEq)]
pub struct PostedComment {
    pub comment: Comment,
    /// Held for moderation: shown to its writer only, until an editor approves it.
    pub held: bool,
}
use futures::future::LocalBoxFuture;

/// The configured source of content. Every page goes through this one interface, so pages do not
/// know which backend is in use.
#[derive(Clone)]
pub enum DataSource {
    /// The static files, and where comments on them are posted, if anywhere.
    Static(StaticSource, Option<WordPressSource>),
    WordPress(WordPressSource),
}

impl DataSource {
    pub fn from_config(config: &Config, transport: SharedTransport) -> Self {
        match &config.source {
            SourceConfig::Static { url } => {
                let comments = config.comments_api_url.as_ref().map(|api_url| {
                    let wordpress = WordPressConfig {
                        api_url: api_url.clone(),
                        site_url: String::new(),
                        language: WordPressConfig::DEFAULT_LANGUAGE.to_owned(),
                        direction: Default::default(),
                        per_page: WordPressConfig::DEFAULT_PER_PAGE,
                        section_order: Vec::new(),
                    };
                    WordPressSource::new(wordpress, config.timeout_ms, transport.clone())
                });
                Self::Static(
                    StaticSource::new(url, config.timeout_ms, transport),
                    comments,
                )
            }
            SourceConfig::WordPress(wordpress) => Self::WordPress(WordPressSource::new(
                wordpress.clone(),
                config.timeout_ms,
                transport,
            )),
        }
    }

    pub fn site(&self) -> LocalBoxFuture<'_, Result<Site, DataError>> {
        match self {
            Self::Static(source, _) => Box::pin(source.site()),
            Self::WordPress(source) => Box::pin(source.site()),
        }
    }

    /// The site's language (a BCP 47 tag), which its interface is in: for WordPress, whose API
    /// does not publish it, `config.json`'s.
    pub async fn language(&self) -> Result<String, DataError> {
        match self {
            Self::Static(source, _) => source.language().await,
            Self::WordPress(source) => Ok(source.language().to_owned()),
        }
    }

    /// Page `page` (from 1) of all articles, newest first.
    pub fn home(&self, page: u32) -> LocalBoxFuture<'_, Result<Listing, DataError>> {
        match self {
            Self::Static(source, _) => Box::pin(source.home(page)),
            Self::WordPress(source) => Box::pin(source.home(page)),
        }
    }

    /// The home page's first page as a front page: the latest articles, and the first page of
    /// each section in the site's section bar, read side by side.
    pub fn front_page(&self) -> LocalBoxFuture<'_, Result<FrontPage, DataError>> {
        Box::pin(async move {
            let site = self.site().await?;
            let sections = futures::future::try_join_all(
                site.sections
                    .iter()
                    .map(|section| self.term_page(Taxonomy::Section, &section.slug, 1)),
            );
            let (latest, sections) = futures::join!(self.home(1), sections);
            let sections = site
                .sections
                .iter()
                .cloned()
                .zip(sections?.into_iter().map(|page| page.listing.articles))
                .collect();
            Ok(FrontPage::new(latest?, sections))
        })
    }

    pub fn article<'a>(&'a self, slug: &'a Slug) -> LocalBoxFuture<'a, Result<Article, DataError>> {
        match self {
            Self::Static(source, _) => Box::pin(source.article(slug)),
            Self::WordPress(source) => Box::pin(source.article(slug)),
        }
    }

    /// Page `page` (from 1) of a tag's or a section's articles, newest first.
    pub fn term_page<'a>(
        &'a self,
        taxonomy: Taxonomy,
        slug: &'a Slug,
        page: u32,
    ) -> LocalBoxFuture<'a, Result<TermPage, DataError>> {
        match self {
            Self::Static(source, _) => Box::pin(source.term_page(taxonomy, slug, page)),
            Self::WordPress(source) => Box::pin(source.term_page(taxonomy, slug, page)),
        }
    }

    pub fn author_page<'a>(
        &'a self,
        slug: &'a Slug,
        page: u32,
    ) -> LocalBoxFuture<'a, Result<AuthorPage, DataError>> {
        match self {
            Self::Static(source, _) => Box::pin(source.author_page(slug, page)),
            Self::WordPress(source) => Box::pin(source.author_page(slug, page)),
        }
    }

    /// What the source finds for `query`, if it searches: a WordPress site does; static files are
    /// searched by the site's own index (Pagefind's, built with the pages), which the search
    /// page's script reads, so they answer `None`.
    pub fn search<'a>(
        &'a self,
        query: &'a str,
    ) -> LocalBoxFuture<'a, Result<Option<SearchResults>, DataError>> {
        match self {
            Self::Static(..) => Box::pin(async { Ok(None) }),
            Self::WordPress(source) => {
                Box::pin(async move { source.search(query).await.map(Some) })
            }
        }
    }

    /// Approved comments of an article, oldest first; `fresh` asks the server again.
    pub fn comments<'a>(
        &'a self,
        slug: &'a Slug,
        fresh: bool,
    ) -> LocalBoxFuture<'a, Result<Vec<Comment>, DataError>> {
        match self {
            Self::Static(source, _) => Box::pin(source.comments(slug, fresh)),
            Self::WordPress(source) => Box::pin(source.comments(slug, fresh)),
        }
    }

    /// How the prerendered page of `route`, current to `since` (see [`NewerCheck::since`]), asks
    /// when it is opened whether there is something newer; `None` for a page that does not ask.
    /// Static files change only with a deploy, which writes the pages with the site's
    /// latest.json; a WordPress site is asked itself.
    pub fn newer_check<'a>(
        &'a self,
        route: &'a Route,
        since: Option<&'a Timestamp>,
    ) -> LocalBoxFuture<'a, Result<Option<NewerCheck>, DataError>> {
        match self {
            Self::Static(..) => Box::pin(async move { Ok(NewerCheck::site_latest(route, since)) }),
            Self::WordPress(source) => Box::pin(source.newer_check(route, since)),
        }
    }

    /// Whether the content changes between builds of the site: a WordPress site's comments come
    /// in all the time, while static files change only when the site is deployed again.
    pub fn is_live(&self) -> bool {
        matches!(self, Self::WordPress(_))
    }

    /// The latest `items` headlines for the news ticker; `fresh` asks the server again instead
    /// of answering from memory, to see what changed.
    pub fn ticker(
        &self,
        items: u32,
        fresh: bool,
    ) -> LocalBoxFuture<'_, Result<Vec<Headline>, DataError>> {
        match self {
            Self::Static(source, _) => Box::pin(source.ticker(items, fresh)),
            Self::WordPress(source) => Box::pin(source.ticker(items, fresh)),
        }
    }

    /// Whether readers can post comments here: the static files are read-only, and take
    /// comments only through an endpoint named in config.json.
    pub fn accepts_comments(&self) -> bool {
        matches!(self, Self::WordPress(_) | Self::Static(_, Some(_)))
    }

    pub fn post_comment<'a>(
        &'a self,
        slug: &'a Slug,
        parent: u64,
        draft: &'a CommentDraft,
    ) -> LocalBoxFuture<'a, Result<PostedComment, CommentError>> {
        match self {
            Self::Static(_, None) => Box::pin(async { Err(CommentError::Closed) }),
            Self::Static(_, Some(source)) | Self::WordPress(source) => {
                Box::pin(source.post_comment(slug, parent, draft))
            }
        }
    }
}
