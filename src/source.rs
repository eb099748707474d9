//! Typed data sources. Pages ask a [`DataSource`] for domain values and never see URLs or JSON.

#[cfg(target_arch = "wasm32")]
mod browser;
mod client;
#[cfg(test)]
mod fake;
mod static_files;
mod transport;
mod wordpress;

#[cfg(target_arch = "wasm32")]
pub use browser::BrowserTransport;
pub use static_files::StaticSource;
pub use transport::{HttpResponse, SharedTransport, Transport, TransportError, READ_HEADERS};
pub use wordpress::WordPressSource;

use crate::config::{Config, SourceConfig};
use crate::error::DataError;
use crate::model::{Article, AuthorPage, Comment, Headline, Listing, Site, Slug, TagPage};

/// The configured source of content. Every page goes through this one interface, so pages do not
/// know which backend is in use.
#[derive(Clone)]
pub enum DataSource {
    Static(StaticSource),
    WordPress(WordPressSource),
}

impl DataSource {
    pub fn from_config(config: &Config, transport: SharedTransport) -> Self {
        match &config.source {
            SourceConfig::Static { url } => {
                Self::Static(StaticSource::new(url, config.timeout_ms, transport))
            }
            SourceConfig::WordPress(wordpress) => Self::WordPress(WordPressSource::new(
                wordpress.clone(),
                config.timeout_ms,
                transport,
            )),
        }
    }

    pub async fn site(&self) -> Result<Site, DataError> {
        match self {
            Self::Static(source) => source.site().await,
            Self::WordPress(source) => source.site().await,
        }
    }

    /// Page `page` (from 1) of all articles, newest first.
    pub async fn home(&self, page: u32) -> Result<Listing, DataError> {
        match self {
            Self::Static(source) => source.home(page).await,
            Self::WordPress(source) => source.home(page).await,
        }
    }

    pub async fn article(&self, slug: &Slug) -> Result<Article, DataError> {
        match self {
            Self::Static(source) => source.article(slug).await,
            Self::WordPress(source) => source.article(slug).await,
        }
    }

    pub async fn tag_page(&self, slug: &Slug, page: u32) -> Result<TagPage, DataError> {
        match self {
            Self::Static(source) => source.tag_page(slug, page).await,
            Self::WordPress(source) => source.tag_page(slug, page).await,
        }
    }

    pub async fn author_page(&self, slug: &Slug, page: u32) -> Result<AuthorPage, DataError> {
        match self {
            Self::Static(source) => source.author_page(slug, page).await,
            Self::WordPress(source) => source.author_page(slug, page).await,
        }
    }

    /// Approved comments of an article, oldest first.
    pub async fn comments(&self, slug: &Slug) -> Result<Vec<Comment>, DataError> {
        match self {
            Self::Static(source) => source.comments(slug).await,
            Self::WordPress(source) => source.comments(slug).await,
        }
    }

    pub async fn ticker(&self) -> Result<Vec<Headline>, DataError> {
        match self {
            Self::Static(source) => source.ticker().await,
            Self::WordPress(source) => source.ticker().await,
        }
    }
}
