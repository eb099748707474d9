use super::{Author, AuthorLink, Direction, Image, Route, Slug, TagLink, Timestamp};
use crate::sanitize::SanitizedHtml;

/// What a listing shows of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleCard {
    pub slug: Slug,
    pub title: String,
    pub excerpt: String,
    pub published: Timestamp,
    pub modified: Option<Timestamp>,
    pub author: AuthorLink,
    pub tags: Vec<TagLink>,
    pub image: Option<Image>,
}

impl ArticleCard {
    pub fn path(&self) -> String {
        article_path(&self.slug)
    }
}

impl Dated for ArticleCard {
    fn dates(&self) -> (&Timestamp, Option<&Timestamp>) {
        (&self.published, self.modified.as_ref())
    }
}

/// A whole article, ready to render: the body is already sanitized.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub slug: Slug,
    pub title: String,
    pub excerpt: String,
    pub body: SanitizedHtml,
    pub published: Timestamp,
    pub modified: Option<Timestamp>,
    pub author: Author,
    pub tags: Vec<TagLink>,
    pub image: Option<Image>,
    /// Set when the article's language differs from the site's.
    pub language: Option<String>,
    pub direction: Option<Direction>,
}

impl Article {
    pub fn path(&self) -> String {
        article_path(&self.slug)
    }
}

impl Dated for Article {
    fn dates(&self) -> (&Timestamp, Option<&Timestamp>) {
        (&self.published, self.modified.as_ref())
    }
}

/// An article's publication and modification times, and what the site makes of them.
pub trait Dated {
    /// Published, and modified if the source says so.
    fn dates(&self) -> (&Timestamp, Option<&Timestamp>);

    /// The modification time, when it is later than publication and so worth an "Updated" line.
    fn updated(&self) -> Option<&Timestamp> {
        let (published, modified) = self.dates();
        updated_after(published, modified)
    }

    /// When the article last changed: its modification, if later than publication.
    fn last_change(&self) -> &Timestamp {
        self.updated().unwrap_or(self.dates().0)
    }
}

pub(crate) fn updated_after<'a>(
    published: &Timestamp,
    modified: Option<&'a Timestamp>,
) -> Option<&'a Timestamp> {
    modified.filter(|modified| *modified > published)
}

fn article_path(slug: &Slug) -> String {
    Route::Article(slug.clone()).path()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn updated_only_when_modified_later() {
        let published = Timestamp::parse("2026-11-03T08:30:00Z").unwrap();
        let same = Timestamp::parse("2026-11-03T09:30:00+01:00").unwrap();
        let later = Timestamp::parse("2026-11-04T08:30:00Z").unwrap();
        assert_eq!(updated_after(&published, Some(&same)), None);
        assert_eq!(updated_after(&published, Some(&later)), Some(&later));
        assert_eq!(updated_after(&published, None), None);
    }
}
