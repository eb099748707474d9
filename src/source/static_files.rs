//! The static source: the JSON files of docs/data-format.md under one folder URL.

/// The files' format, public so that `examples/decode_bench.rs` times the decoding the source does.
pub mod wire;

use super::client::{is_html_page, CachingClient};
use super::{HttpResponse, SharedTransport};
use crate::error::DataError;
use crate::model::{
    Article, AuthorPage, Comment, Headline, Listing, Site, Slug, Taxonomy, TermPage,
};
use serde::de::DeserializeOwned;
use std::sync::Arc;
use wire::{bad, Directory};

/// Reads the documented files; every file read is kept in memory.
#[derive(Clone)]
pub struct StaticSource {
    root: String,
    client: CachingClient,
}

impl StaticSource {
    /// `root` is the absolute URL of the data folder, ending in `/`.
    pub fn new(root: &str, timeout_ms: u32, transport: SharedTransport) -> Self {
        Self {
            root: root.to_owned(),
            client: CachingClient::new(timeout_ms, transport),
        }
    }

    /// The text of a data file. Not generic over what the file holds, so that every file is
    /// fetched by one copy of this code rather than one per type (which the wasm would carry).
    async fn json(&self, path: &str) -> Result<Arc<HttpResponse>, DataError> {
        self.json_from(path, false).await
    }

    /// [`Self::json`], asking the server again when `fresh`.
    async fn json_from(&self, path: &str, fresh: bool) -> Result<Arc<HttpResponse>, DataError> {
        let response = self
            .client
            .get(&format!("{}{path}", self.root), fresh)
            .await?;
        classify(path, &response)?;
        Ok(response)
    }

    async fn directory(&self) -> Result<Directory, DataError> {
        let (authors, tags, sections) = futures::join!(
            self.json("authors.json"),
            self.json("tags.json"),
            self.json("sections.json")
        );
        Directory::new(
            read("authors.json", authors)?,
            read("tags.json", tags)?,
            read("sections.json", sections)?,
            &self.root,
        )
        .map_err(bad("authors.json"))
    }

    /// A page of a listing, read side by side with the directory, which is returned too so that
    /// the caller can look up the listing's tag or author without decoding it again.
    async fn listing(&self, folder: &str, page: u32) -> Result<(Listing, Directory), DataError> {
        if page == 0 {
            return Err(DataError::not_found(format!("page {page}")));
        }
        let path = format!("{folder}page-{page}.json");
        let (file, directory) = futures::join!(self.json(&path), self.directory());
        let directory = directory?;
        let listing = read::<wire::ListingFile>(&path, file)?
            .into_listing(page, &directory, &self.root)
            .map_err(bad(&path))?;
        Ok((listing, directory))
    }

    pub async fn site(&self) -> Result<Site, DataError> {
        let (file, directory) = futures::join!(self.json("site.json"), self.directory());
        read::<wire::SiteFile>("site.json", file)?
            .into_site(&directory?)
            .map_err(bad("site.json"))
    }

    /// The site's language: site.json's, read alone.
    pub async fn language(&self) -> Result<String, DataError> {
        let file = self.json("site.json").await;
        Ok(read::<wire::SiteFile>("site.json", file)?
            .language()
            .to_owned())
    }

    pub async fn home(&self, page: u32) -> Result<Listing, DataError> {
        Ok(self.listing("index/", page).await?.0)
    }

    pub async fn article(&self, slug: &Slug) -> Result<Article, DataError> {
        let path = format!("articles/{}.json", slug.path_segment());
        let (file, directory) = futures::join!(self.json(&path), self.directory());
        read::<wire::ArticleFile>(&path, file)?
            .into_article(slug, &directory?, &self.root)
            .map_err(bad(&path))
    }

    pub async fn term_page(
        &self,
        taxonomy: Taxonomy,
        slug: &Slug,
        page: u32,
    ) -> Result<TermPage, DataError> {
        let (term, listing) = self
            .owned_listing(
                taxonomy.static_folder(),
                taxonomy.kind(),
                slug,
                page,
                |directory| directory.term(taxonomy, slug).cloned(),
            )
            .await?;
        Ok(TermPage { term, listing })
    }

    pub async fn author_page(&self, slug: &Slug, page: u32) -> Result<AuthorPage, DataError> {
        let (author, listing) = self
            .owned_listing("authors", "author", slug, page, |directory| {
                directory.author(slug).cloned()
            })
            .await?;
        Ok(AuthorPage { author, listing })
    }

    /// Page `page` of the listing in `folder/<slug>/` and what it lists the articles of (a tag,
    /// an author: a `kind`), found in the directory by `owner`.
    async fn owned_listing<T>(
        &self,
        folder: &str,
        kind: &str,
        slug: &Slug,
        page: u32,
        owner: impl FnOnce(&Directory) -> Option<T>,
    ) -> Result<(T, Listing), DataError> {
        let (listing, directory) = self
            .listing(&format!("{folder}/{}/", slug.path_segment()), page)
            .await?;
        let owner =
            owner(&directory).ok_or_else(|| DataError::not_found(format!("the {kind} {slug}")))?;
        Ok((owner, listing))
    }

    pub async fn comments(&self, slug: &Slug, fresh: bool) -> Result<Vec<Comment>, DataError> {
        let path = format!("comments/{}.json", slug.path_segment());
        match self.json_from(&path, fresh).await {
            // An article nobody has commented on has no comments file.
            Err(DataError::NotFound { .. }) => Ok(Vec::new()),
            file => read::<wire::CommentsFile>(&path, file)?
                .into_comments(&self.root)
                .map_err(bad(&path)),
        }
    }

    /// The first `items` headlines of the ticker; `fresh` reads them again from the server.
    pub async fn ticker(&self, items: u32, fresh: bool) -> Result<Vec<Headline>, DataError> {
        let mut headlines =
            read::<wire::TickerFile>("ticker.json", self.json_from("ticker.json", fresh).await)?
                .into_headlines()
                .map_err(bad("ticker.json"))?;
        headlines.truncate(items as usize);
        Ok(headlines)
    }
}

/// Decodes a `W` from a data file's answer, or passes its error on.
fn read<W: DeserializeOwned>(
    path: &str,
    response: Result<Arc<HttpResponse>, DataError>,
) -> Result<W, DataError> {
    crate::json::decode(&response?.body).map_err(|error| bad(path)(error.detail().to_owned()))
}

/// Maps an HTTP answer for a data file to its body or a domain error.
fn classify<'a>(path: &str, response: &'a HttpResponse) -> Result<&'a str, DataError> {
    match response.status {
        // Static hosts that fall back to the app's HTML for unknown paths answer a missing data
        // file with a 200 page of HTML: for this source that means "no such file".
        200..=299 if is_html_page(response) => Err(DataError::not_found(path)),
        200..=299 => Ok(&response.body),
        404 | 410 => Err(DataError::not_found(path)),
        status => Err(DataError::Server {
            status,
            what: path.to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests;
