//! What a sync of prerendered pages compares between runs (site-files' `--sync`): every published
//! post with what places it on the site's pages, and every tag and author with what their pages
//! and the cards show of them. Small answers (`_fields`), 100 items each, however large the site;
//! and after the first, only the posts modified since (see [`WordPressSource::catalogue_since`]).

use super::wire::{parse_gmt, TermJson};
use super::{DataError, WordPressSource, MAX_PER_PAGE};
use crate::model::{Taxonomy, TermLink, Timestamp};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;

/// Every published post, tag and author, as WordPress lists them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Catalogue {
    /// The JSON of the site's name and tagline, which every page shows.
    pub site: String,
    /// Newest first, as every listing orders them.
    pub posts: Vec<PostEntry>,
    pub tags: Vec<TermEntry>,
    /// Every category, as its page heads it; the section bar is those with posts.
    #[serde(default)]
    pub categories: Vec<TermEntry>,
    pub authors: Vec<TermEntry>,
}

/// A post: its id and slug (as WordPress spells it, percent-encoded), when it last changed, and
/// the listings it is on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostEntry {
    pub id: u64,
    pub slug: String,
    pub date_gmt: String,
    pub modified_gmt: String,
    pub author: u64,
    #[serde(default)]
    pub tags: Vec<u64>,
    #[serde(default)]
    pub categories: Vec<u64>,
}

/// A tag or an author: its id and slug, and the JSON of what is shown of it (its name,
/// description, avatar), compared as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermEntry {
    pub id: u64,
    pub slug: String,
    pub shown: String,
}

impl Catalogue {
    /// Every term of `taxonomy`.
    pub fn terms(&self, taxonomy: Taxonomy) -> &[TermEntry] {
        match taxonomy {
            Taxonomy::Tag => &self.tags,
            Taxonomy::Section => &self.categories,
        }
    }
}

impl PostEntry {
    /// The ids of the post's terms of `taxonomy`.
    pub fn terms(&self, taxonomy: Taxonomy) -> &[u64] {
        match taxonomy {
            Taxonomy::Tag => &self.tags,
            Taxonomy::Section => &self.categories,
        }
    }

    /// When the post was published, and last modified, as its card reads them.
    pub fn dates(&self) -> Result<(Timestamp, Option<Timestamp>), String> {
        Ok((
            parse_gmt(&self.date_gmt)?,
            Some(parse_gmt(&self.modified_gmt)?),
        ))
    }
}

impl TermEntry {
    /// Whether, as a term of `taxonomy`, it has pages of its own: every tag, every section.
    pub fn is_listed(&self, taxonomy: Taxonomy) -> bool {
        taxonomy != Taxonomy::Section || super::wire::is_section_slug(&self.slug)
    }

    /// The term's link, as a card shows it; `None` for the category that is no section.
    pub fn term_link(&self, taxonomy: Taxonomy) -> Result<Option<TermLink>, String> {
        let mut fields: serde_json::Map<String, Value> =
            crate::json::decode(&self.shown).map_err(|error| error.detail().to_owned())?;
        fields.insert("id".into(), self.id.into());
        fields.insert("slug".into(), self.slug.clone().into());
        let term: TermJson = serde_json::from_value(Value::Object(fields))
            .map_err(|error| format!("{} {}: {error}", taxonomy.kind(), self.slug))?;
        Ok(self.is_listed(taxonomy).then(|| term.link(taxonomy)))
    }
}

#[derive(Deserialize)]
struct ListedTermJson {
    id: u64,
    slug: String,
    #[serde(flatten)]
    shown: serde_json::Map<String, Value>,
}

const POST_FIELDS: &str = "id,slug,date_gmt,modified_gmt,author,tags,categories";

/// How many times a walk over a collection starts again when it changed under it.
const WALKS: usize = 3;

impl WordPressSource {
    /// Every published post, tag and author. A list that changes while it is walked (its
    /// `X-WP-Total` differs from its first page's) is walked again: offsets shift under a walk, and
    /// a post missed would look deleted.
    pub async fn catalogue(&self) -> Result<Catalogue, DataError> {
        let posts = self
            .walk::<PostEntry>(&format!("wp/v2/posts?_fields={POST_FIELDS}&"))
            .await?;
        self.catalogue_with(posts).await
    }

    /// The catalogue now, reading only the posts modified since the newest change in `previous`
    /// (a day either side, as `modified_after` compares with the site's local time), when no post
    /// of `previous` is gone: if the site now has fewer posts than `previous` and those modified
    /// make, one was unpublished or deleted, and every post is read again to find which.
    pub async fn catalogue_since(&self, previous: &Catalogue) -> Result<Catalogue, DataError> {
        let newest = previous
            .posts
            .iter()
            .filter_map(|post| parse_gmt(&post.modified_gmt).ok())
            .max();
        let Some(newest) = newest else {
            return self.catalogue().await;
        };
        let (year, month, day) = newest.utc_date_days_before(1);
        let modified = self
            .walk::<PostEntry>(&format!(
                "wp/v2/posts?_fields={POST_FIELDS}&orderby=modified&order=asc&\
                 modified_after={year:04}-{month:02}-{day:02}T00:00:00&"
            ))
            .await?;
        let (total, _) = self
            .get_from("wp/v2/posts?per_page=1&_fields=id", true)
            .await?
            .totals()?;
        let mut posts: HashMap<u64, PostEntry> = previous
            .posts
            .iter()
            .map(|post| (post.id, post.clone()))
            .collect();
        posts.extend(modified.into_iter().map(|post| (post.id, post)));
        if posts.len() != total as usize {
            return self.catalogue().await;
        }
        self.catalogue_with(posts.into_values().collect()).await
    }

    /// The catalogue of `posts`, with every tag and author and the site's name read now.
    async fn catalogue_with(&self, mut posts: Vec<PostEntry>) -> Result<Catalogue, DataError> {
        // As WordPress lists them, newest first; posts published in the same second by id, as
        // WordPress leaves their order to the database, so that two reads of one site agree.
        posts.sort_by(|a, b| b.date_gmt.cmp(&a.date_gmt).then_with(|| b.id.cmp(&a.id)));
        let terms = |items: Vec<ListedTermJson>| {
            items
                .into_iter()
                .map(|item| TermEntry {
                    id: item.id,
                    slug: item.slug,
                    shown: crate::json::encode(&item.shown),
                })
                .collect()
        };
        let tags = terms(
            self.walk("wp/v2/tags?_fields=id,slug,name,description&")
                .await?,
        );
        let categories = terms(
            self.walk("wp/v2/categories?_fields=id,slug,name,description&")
                .await?,
        );
        let authors = terms(
            self.walk("wp/v2/users?_fields=id,slug,name,description,avatar_urls&")
                .await?,
        );
        let site = self
            .get_from("?_fields=name,description", true)
            .await?
            .response
            .body
            .clone();
        Ok(Catalogue {
            site,
            posts,
            tags,
            categories,
            authors,
        })
    }

    /// Every item of the collection at `route` (ending in `?…&`), in its order.
    async fn walk<T: serde::de::DeserializeOwned>(&self, route: &str) -> Result<Vec<T>, DataError> {
        let mut last_total = None;
        for _ in 0..WALKS {
            let mut items = Vec::new();
            let mut offset = 0;
            let mut first_total = None;
            let stable = loop {
                let answer = self
                    .get_from(
                        &format!("{route}offset={offset}&per_page={MAX_PER_PAGE}"),
                        true,
                    )
                    .await?;
                let (total, _) = answer.totals()?;
                let first = *first_total.get_or_insert(total);
                let page: Vec<T> = answer.read()?;
                let read = page.len();
                items.extend(page);
                offset += MAX_PER_PAGE;
                if total != first {
                    last_total = Some(total);
                    break false;
                }
                if read == 0 || offset >= total {
                    break true;
                }
            };
            if stable {
                return Ok(items);
            }
        }
        Err(DataError::bad_data(
            route.split('?').next().unwrap_or(route),
            format!(
                "the list changed while it was read, {WALKS} times (now {} items): try again",
                last_total.unwrap_or_default()
            ),
        ))
    }
}
