//! What a sync of prerendered pages compares between runs (site-files' `--sync`): every published
//! post with what places it on the site's pages, and every tag and author with what their pages
//! and the cards show of them. Small answers (`_fields`), 100 items each, however large the site.

use super::{DataError, WordPressSource, MAX_PER_PAGE};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Every published post, tag and author, as WordPress lists them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Catalogue {
    /// The JSON of the site's name and tagline, which every page shows.
    pub site: String,
    /// Newest first, as every listing orders them.
    pub posts: Vec<PostEntry>,
    pub tags: Vec<TermEntry>,
    pub authors: Vec<TermEntry>,
}

/// A post: its id and slug (as WordPress spells it, percent-encoded), when it last changed, and
/// the listings it is on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostEntry {
    pub id: u64,
    pub slug: String,
    pub modified_gmt: String,
    pub author: u64,
    #[serde(default)]
    pub tags: Vec<u64>,
}

/// A tag or an author: its id and slug, and the JSON of what is shown of it (its name,
/// description, avatar), compared as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermEntry {
    pub id: u64,
    pub slug: String,
    pub shown: String,
}

#[derive(Deserialize)]
struct TermJson {
    id: u64,
    slug: String,
    #[serde(flatten)]
    shown: serde_json::Map<String, Value>,
}

/// How many times a walk over a collection starts again when it changed under it.
const WALKS: usize = 3;

impl WordPressSource {
    /// Every published post, tag and author. A list that changes while it is walked (its
    /// `X-WP-Total` differs from its first page's) is walked again: offsets shift under a walk, and
    /// a post missed would look deleted.
    pub async fn catalogue(&self) -> Result<Catalogue, DataError> {
        let posts = self
            .walk::<PostEntry>("wp/v2/posts?_fields=id,slug,modified_gmt,author,tags&")
            .await?;
        let terms = |items: Vec<TermJson>| {
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
