//! The WordPress source: a WordPress site's REST API (`wp/v2`), as every WordPress 5.6+ site
//! serves it without plugins.
//!
//! Requests are shaped so that a page costs little: `_fields` keeps only what is shown, `_embed`
//! brings a post's author, tags and featured image in the same answer, and listing totals come
//! from the `X-WP-Total` and `X-WP-TotalPages` headers. An article view costs the post and the
//! site (once per visit), plus one request for the author's article count, which WordPress
//! keeps on no user.

/// Read at build time only: what a sync compares between runs.
#[cfg(not(target_arch = "wasm32"))]
mod catalogue;
mod wire;

#[cfg(not(target_arch = "wasm32"))]
pub use catalogue::{Catalogue, PostEntry, TermEntry};

use super::client::{is_html_page, CachingClient};
use super::{HttpResponse, SharedTransport};
use crate::config::WordPressConfig;
use crate::error::{CommentError, DataError};
use crate::model::{
    Article, AuthorPage, Comment, CommentDraft, Field, Headline, Listing, Route, SearchResults,
    Site, Slug, Taxonomy, TermPage, Timestamp,
};
use crate::sanitize::html_to_text;
use crate::source::newer::{Ask, NewerCheck, News};
use crate::source::PostedComment;
use serde::de::DeserializeOwned;
use std::sync::Arc;
use wire::{CommentJson, ErrorJson, PostIdJson, PostJson, SiteJson, TermJson, UserJson};

/// What a listing card shows, and what the embedded author, tags and image need.
const CARD_FIELDS: &str = "id,slug,title,excerpt,date_gmt,modified_gmt,_links,_embedded";
/// A card's fields plus the body.
const ARTICLE_FIELDS: &str = "id,slug,title,excerpt,content,date_gmt,modified_gmt,_links,_embedded";
const EMBED: &str = "author,wp:term,wp:featuredmedia";
const COMMENT_FIELDS: &str = "id,parent,author_name,author_url,author_avatar_urls,date_gmt,content";
/// What a tag's or a section's page shows of it, and its id, which its posts are listed by.
const TERM_FIELDS: &str = "id,name,slug,description";
/// WordPress serves at most 100 items a page.
const MAX_PER_PAGE: u32 = 100;

#[derive(Clone)]
pub struct WordPressSource {
    config: WordPressConfig,
    client: CachingClient,
}

/// An answer with the listing totals WordPress sent beside it.
struct Answer {
    what: String,
    response: Arc<HttpResponse>,
    total: Option<u32>,
    total_pages: Option<u32>,
}

impl Answer {
    fn read<T: DeserializeOwned>(&self) -> Result<T, DataError> {
        crate::json::decode(&self.response.body)
            .map_err(|error| DataError::bad_data(&self.what, error.detail()))
    }

    /// The number of items and of pages, which every collection answer carries.
    fn totals(&self) -> Result<(u32, u32), DataError> {
        self.total.zip(self.total_pages).ok_or_else(|| {
            DataError::bad_data(
                &self.what,
                "the X-WP-Total and X-WP-TotalPages headers are missing: WordPress sends them, \
                 so a proxy or a CORS setting (Access-Control-Expose-Headers) removed them",
            )
        })
    }
}

impl WordPressSource {
    pub fn new(config: WordPressConfig, timeout_ms: u32, transport: SharedTransport) -> Self {
        Self {
            config,
            client: CachingClient::new(timeout_ms, transport),
        }
    }

    /// The site's language, as `config.json` gives it.
    pub fn language(&self) -> &str {
        &self.config.language
    }

    /// GETs `route` (such as `wp/v2/posts?slug=x`) under the API root.
    /// Not generic over what the answer holds, so the wasm carries one copy of it.
    async fn get(&self, route: &str) -> Result<Answer, DataError> {
        self.get_from(route, false).await
    }

    /// [`Self::get`], asking the server again when `fresh`.
    async fn get_from(&self, route: &str, fresh: bool) -> Result<Answer, DataError> {
        let url = format!("{}{route}", self.config.api_url);
        let response = self.client.get(&url, fresh).await?;
        let what = route.split('?').next().unwrap_or(route);
        let what = if what.is_empty() {
            "the site index"
        } else {
            what
        };
        classify(what, &response)?;
        let number = |name: &str| {
            response
                .header(name)
                .and_then(|value| value.trim().parse().ok())
        };
        Ok(Answer {
            what: what.to_owned(),
            total: number("x-wp-total"),
            total_pages: number("x-wp-totalpages"),
            response,
        })
    }

    /// Page `page` of the posts matching `filter` (such as `tags=4&`), as a listing.
    async fn listing(&self, filter: &str, page: u32) -> Result<Listing, DataError> {
        self.listing_of(filter, page, self.config.per_page).await
    }

    /// [`Self::listing`], `per_page` posts a page.
    async fn listing_of(
        &self,
        filter: &str,
        page: u32,
        per_page: u32,
    ) -> Result<Listing, DataError> {
        if page == 0 {
            return Err(DataError::not_found(format!("page {page}")));
        }
        // By offset rather than `page=`: WordPress answers a page past the end with an HTTP 400
        // that every browser logs as a failure, and an offset past the end with an empty list.
        let offset = (page - 1).saturating_mul(per_page);
        let route = format!(
            "wp/v2/posts?{filter}offset={offset}&per_page={per_page}&_embed={EMBED}&_fields={CARD_FIELDS}"
        );
        let answer = self.get(&route).await?;
        let (total, total_pages) = answer.totals()?;
        let articles = answer
            .read::<Vec<PostJson>>()?
            .into_iter()
            .map(PostJson::into_card)
            .collect::<Result<Vec<_>, _>>()
            .map_err(bad_post)?;
        // WordPress answers a page past the end with an error, except page 1 of nothing.
        let total_pages = total_pages.max(1);
        if page > total_pages {
            return Err(DataError::not_found(format!("page {page}")));
        }
        Ok(Listing {
            page,
            total_pages,
            total_articles: total,
            articles,
        })
    }

    fn post_route(slug: &Slug) -> String {
        format!(
            "wp/v2/posts?slug={}&_embed={EMBED}&_fields={ARTICLE_FIELDS}",
            slug.path_segment()
        )
    }

    async fn post(&self, slug: &Slug) -> Result<PostJson, DataError> {
        self.one_by_slug(&Self::post_route(slug), "article", slug)
            .await
    }

    /// The id of the post at `slug`, which its comments are listed by: from the post itself when
    /// it has been read (the article shown), or asked for alone (an island's comments, which carry
    /// no article).
    async fn post_id(&self, slug: &Slug) -> Result<u64, DataError> {
        let post_route = Self::post_route(slug);
        let route = if self
            .client
            .is_cached(&format!("{}{post_route}", self.config.api_url))
        {
            // Its id alone: decoding the whole post here would put the article's decoders (post,
            // embedded terms, people and media) into the comments island, which never has it.
            post_route
        } else {
            format!("wp/v2/posts?slug={}&_fields=id", slug.path_segment())
        };
        let post: PostIdJson = self.one_by_slug(&route, "article", slug).await?;
        Ok(post.id)
    }

    /// How many posts an author has published: WordPress counts them for a listing only.
    async fn article_count(&self, author_id: u64) -> Result<u32, DataError> {
        let route = format!("wp/v2/posts?author={author_id}&per_page=1&_fields=id");
        Ok(self.get(&route).await?.totals()?.0)
    }

    pub async fn site(&self) -> Result<Site, DataError> {
        let (site, categories) = futures::join!(
            self.get("?_fields=name,description"),
            self.get(wire::SECTIONS_ROUTE)
        );
        let site = site?.read::<SiteJson>()?;
        Ok(site.into_site(&self.config, categories?.read()?))
    }

    pub async fn home(&self, page: u32) -> Result<Listing, DataError> {
        self.listing("", page).await
    }

    /// The posts WordPress finds for `query` (its `search` parameter: the words in the title,
    /// excerpt or body), the best first.
    pub async fn search(&self, query: &str) -> Result<SearchResults, DataError> {
        let filter = form_urlencoded::Serializer::new(String::new())
            .append_pair("search", query)
            .finish()
            + "&";
        let found = self.listing_of(&filter, 1, SearchResults::SHOWN).await?;
        Ok(SearchResults {
            query: query.to_owned(),
            total: found.total_articles,
            articles: found.articles,
        })
    }

    pub async fn article(&self, slug: &Slug) -> Result<Article, DataError> {
        let post = self.post(slug).await?;
        let author_id = post.author_id().map_err(bad_post)?;
        let article_count = self.article_count(author_id).await?;
        post.into_article(article_count, self.config.direction)
            .map_err(bad_post)
    }

    pub async fn term_page(
        &self,
        taxonomy: Taxonomy,
        slug: &Slug,
        page: u32,
    ) -> Result<TermPage, DataError> {
        let collection = taxonomy.wordpress_collection();
        // As the prerendered site has it: the category of posts filed nowhere has no page.
        if taxonomy == Taxonomy::Section && !wire::is_section_slug(slug.as_str()) {
            return Err(DataError::not_found(format!("the section {slug}")));
        }
        let (term, listing) = self
            .owned_listing(
                collection,
                TERM_FIELDS,
                taxonomy.kind(),
                slug,
                page,
                |term: &TermJson| format!("{collection}={}&", term.id),
            )
            .await?;
        let term = term
            .into_term(taxonomy, listing.total_articles)
            .map_err(|detail| DataError::bad_data(format!("wp/v2/{collection}"), detail))?;
        Ok(TermPage { term, listing })
    }

    pub async fn author_page(&self, slug: &Slug, page: u32) -> Result<AuthorPage, DataError> {
        let fields = "id,name,slug,description,avatar_urls";
        let (user, listing) = self
            .owned_listing("users", fields, "author", slug, page, |user: &UserJson| {
                format!("author={}&", user.id)
            })
            .await?;
        let author = user.author(listing.total_articles);
        Ok(AuthorPage { author, listing })
    }

    /// The item of `wp/v2/<collection>` at `slug` (a `kind`, for the not-found message), with
    /// only its `fields`, and page `page` of the posts it owns, which `filter` asks for by it
    /// (`tags=12&`).
    async fn owned_listing<T: DeserializeOwned>(
        &self,
        collection: &str,
        fields: &str,
        kind: &str,
        slug: &Slug,
        page: u32,
        filter: impl FnOnce(&T) -> String,
    ) -> Result<(T, Listing), DataError> {
        let route = format!(
            "wp/v2/{collection}?slug={}&_fields={fields}",
            slug.path_segment()
        );
        let owner: T = self.one_by_slug(&route, kind, slug).await?;
        let listing = self.listing(&filter(&owner), page).await?;
        Ok((owner, listing))
    }

    /// The item a collection's `route` answers for `slug` (asked for by slug: none, or one), or
    /// not found: the `kind` `slug`.
    async fn one_by_slug<T: DeserializeOwned>(
        &self,
        route: &str,
        kind: &str,
        slug: &Slug,
    ) -> Result<T, DataError> {
        self.get(route)
            .await?
            .read::<Vec<T>>()?
            .into_iter()
            .next()
            .ok_or_else(|| DataError::not_found(format!("the {kind} {slug}")))
    }

    /// The tag or section at `slug`, with its id, which posts are listed by.
    async fn term(&self, taxonomy: Taxonomy, slug: &Slug) -> Result<TermJson, DataError> {
        let route = format!(
            "wp/v2/{}?slug={}&_fields={TERM_FIELDS}",
            taxonomy.wordpress_collection(),
            slug.path_segment()
        );
        self.one_by_slug(&route, taxonomy.kind(), slug).await
    }

    /// The author at `slug`, with their id, which posts are listed by.
    async fn user(&self, slug: &Slug) -> Result<UserJson, DataError> {
        let route = format!(
            "wp/v2/users?slug={}&_fields=id,name,slug,description,avatar_urls",
            slug.path_segment()
        );
        self.one_by_slug(&route, "author", slug).await
    }

    /// See [`crate::source::DataSource::newer_check`]: one request of a few bytes, the posts
    /// published after `since` counted by `X-WP-Total`, or the article's modification time. A
    /// tag's or an author's id is the one its page was listed by (read already).
    pub async fn newer_check(
        &self,
        route: &Route,
        since: Option<&Timestamp>,
    ) -> Result<Option<NewerCheck>, DataError> {
        let Some(news) = News::of(route) else {
            return Ok(None);
        };
        let api = &self.config.api_url;
        let filter = match route {
            Route::Article(slug) => {
                let url = format!(
                    "{api}wp/v2/posts?slug={}&_fields=modified_gmt",
                    slug.path_segment()
                );
                return Ok(Some(NewerCheck {
                    news,
                    ask: Ask::WordPressModified(url),
                    since: since.cloned(),
                }));
            }
            Route::Home { .. } => String::new(),
            Route::Term { taxonomy, slug, .. } => format!(
                "{}={}&",
                taxonomy.wordpress_collection(),
                self.term(*taxonomy, slug).await?.id
            ),
            Route::Author { slug, .. } => format!("author={}&", self.user(slug).await?.id),
            // The search page shows no articles of its own.
            Route::Search => return Ok(None),
        };
        // WordPress compares `after` with each post's publication, strictly.
        let after = since.map_or_else(String::new, |since| {
            form_urlencoded::Serializer::new(String::new())
                .append_pair("after", since.as_str())
                .finish()
                + "&"
        });
        Ok(Some(NewerCheck {
            news,
            ask: Ask::WordPressTotal(format!(
                "{api}wp/v2/posts?{filter}{after}per_page=1&_fields=id"
            )),
            since: since.cloned(),
        }))
    }

    /// Every approved comment of an article, oldest first, over as many pages as there are.
    pub async fn comments(&self, slug: &Slug, fresh: bool) -> Result<Vec<Comment>, DataError> {
        let post_id = self.post_id(slug).await?;
        let mut comments = Vec::new();
        let mut page = 1;
        loop {
            let route = format!(
                "wp/v2/comments?post={post_id}&page={page}&per_page={MAX_PER_PAGE}&order=asc&_fields={COMMENT_FIELDS}"
            );
            let answer = self.get_from(&route, fresh).await?;
            let (_, total_pages) = answer.totals()?;
            for comment in answer.read::<Vec<CommentJson>>()? {
                comments.push(
                    comment
                        .into_comment()
                        .map_err(|detail| DataError::bad_data("wp/v2/comments", detail))?,
                );
            }
            if page >= total_pages {
                break;
            }
            page += 1;
        }
        Ok(comments)
    }

    /// Posts a reader's comment (or reply, when `parent` is not 0) as WordPress's own form would,
    /// through `POST wp/v2/comments`, which accepts anonymous comments once the site allows them
    /// (README, "Using WordPress").
    pub async fn post_comment(
        &self,
        slug: &Slug,
        parent: u64,
        draft: &CommentDraft,
    ) -> Result<PostedComment, CommentError> {
        let post_id = self.post_id(slug).await.map_err(CommentError::Failed)?;
        let website = draft.website_url();
        let body = crate::json::encode(&wire::NewCommentJson {
            post: post_id,
            parent,
            author_name: draft.name.trim(),
            author_email: draft.email.trim(),
            author_url: &website,
            content: draft.content.trim(),
        });
        let url = format!("{}wp/v2/comments", self.config.api_url);
        let response = self
            .client
            .post(&url, &body)
            .await
            .map_err(CommentError::Failed)?;
        comment_answer(&response)
    }

    /// The latest `items` posts' titles; `fresh` reads them again from the server.
    pub async fn ticker(&self, items: u32, fresh: bool) -> Result<Vec<Headline>, DataError> {
        let route = format!("wp/v2/posts?per_page={items}&_fields=slug,title");
        self.get_from(&route, fresh)
            .await?
            .read::<Vec<wire::HeadlineJson>>()?
            .into_iter()
            .map(wire::HeadlineJson::into_headline)
            .collect::<Result<_, _>>()
            .map_err(|detail| DataError::bad_data("wp/v2/posts", detail))
    }
}

fn bad_post(detail: String) -> DataError {
    DataError::bad_data("wp/v2/posts", detail)
}

/// What WordPress answered to a new comment.
fn comment_answer(response: &HttpResponse) -> Result<PostedComment, CommentError> {
    const WHAT: &str = "wp/v2/comments";
    if (200..300).contains(&response.status) {
        let failed = |detail: &str| CommentError::Failed(DataError::bad_data(WHAT, detail));
        let text = classify(WHAT, response).map_err(CommentError::Failed)?;
        let comment =
            crate::json::decode::<CommentJson>(text).map_err(|error| failed(error.detail()))?;
        let held = comment.is_held();
        let comment = comment.into_comment().map_err(|detail| failed(&detail))?;
        return Ok(PostedComment { comment, held });
    }
    let Ok(error) = crate::json::decode::<ErrorJson>(&response.body) else {
        return Err(CommentError::Failed(DataError::Server {
            status: response.status,
            what: WHAT.to_owned(),
        }));
    };
    let invalid = |field: Option<Field>| CommentError::Invalid {
        field,
        message: html_to_text(&error.message),
    };
    Err(match error.code.as_str() {
        "comment_duplicate" => CommentError::Duplicate,
        "comment_flood" => CommentError::TooFast,
        "rest_comment_login_required" => CommentError::LoginRequired,
        "rest_comment_closed" | "rest_comment_draft_post" | "rest_comment_trash_post" => {
            CommentError::Closed
        }
        "rest_invalid_param" => {
            // `data.params` names each refused parameter with its reason.
            match error.refused_param() {
                Some((name, reason)) => CommentError::Invalid {
                    field: Field::from_wordpress(name),
                    message: html_to_text(reason),
                },
                None => invalid(None),
            }
        }
        "rest_comment_content_invalid" | "comment_content_column_length" => {
            invalid(Some(Field::Content))
        }
        "comment_author_column_length" => invalid(Some(Field::Name)),
        "comment_author_email_column_length" => invalid(Some(Field::Email)),
        "comment_author_url_column_length" => invalid(Some(Field::Website)),
        "rest_comment_author_data_required" => invalid(None),
        _ if response.status < 500 && response.status != 404 => invalid(None),
        _ => CommentError::Failed(DataError::Server {
            status: response.status,
            what: format!("{WHAT} ({}: {})", error.code, error.message),
        }),
    })
}

/// Maps an API answer to its JSON text or a domain error.
fn classify<'a>(what: &str, response: &'a HttpResponse) -> Result<&'a str, DataError> {
    match response.status {
        // A login page, a PHP error page or a site's front page at the configured address.
        200..=299 if is_html_page(response) => Err(DataError::bad_data(
            what,
            "WordPress answered with a web page, not JSON: is source.url the site's /wp-json/ address?",
        )),
        200..=299 => Ok(&response.body),
        status => {
            let error = crate::json::decode::<ErrorJson>(&response.body).ok();
            match error {
                // A page past the end of a listing.
                Some(error) if error.code == "rest_post_invalid_page_number" => {
                    Err(DataError::not_found(what))
                }
                Some(error) => Err(DataError::Server {
                    status,
                    what: format!("{what} ({}: {})", error.code, error.message),
                }),
                None => Err(DataError::Server {
                    status,
                    what: what.to_owned(),
                }),
            }
        }
    }
}

#[cfg(test)]
mod tests;
