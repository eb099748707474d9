use super::{Image, Listing, Route, Slug};

/// A writer, as shown in bylines and the author card.
#[derive(Debug, Clone, PartialEq)]
pub struct Author {
    pub slug: Slug,
    pub name: String,
    pub bio: String,
    pub avatar: Option<Image>,
    pub article_count: u32,
}

impl Author {
    pub fn path(&self) -> String {
        author_path(&self.slug)
    }

    pub fn link(&self) -> AuthorLink {
        AuthorLink {
            slug: self.slug.clone(),
            name: self.name.clone(),
        }
    }
}

/// What a byline needs of an author: listings show no card, so they need no bio or count.
#[derive(Debug, Clone, PartialEq)]
pub struct AuthorLink {
    pub slug: Slug,
    pub name: String,
}

impl AuthorLink {
    pub fn path(&self) -> String {
        author_path(&self.slug)
    }
}

fn author_path(slug: &Slug) -> String {
    Route::author(slug).path()
}

/// A topic articles are filed under; the static files' `tags.json` holds them as they are.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Tag {
    pub slug: Slug,
    pub name: String,
    pub description: String,
    pub article_count: u32,
}

impl Tag {
    pub fn path(&self) -> String {
        tag_path(&self.slug)
    }

    pub fn link(&self) -> TagLink {
        TagLink {
            slug: self.slug.clone(),
            name: self.name.clone(),
        }
    }
}

/// What a tag list needs of a tag: its name and where it leads.
#[derive(Debug, Clone, PartialEq)]
pub struct TagLink {
    pub slug: Slug,
    pub name: String,
}

impl TagLink {
    pub fn path(&self) -> String {
        tag_path(&self.slug)
    }
}

fn tag_path(slug: &Slug) -> String {
    Route::tag(slug).path()
}

/// One page of a tag's articles, with the tag itself for the heading.
#[derive(Debug, Clone, PartialEq)]
pub struct TagPage {
    pub tag: Tag,
    pub listing: Listing,
}

/// One page of an author's articles, with the author for the card that heads it.
#[derive(Debug, Clone, PartialEq)]
pub struct AuthorPage {
    pub author: Author,
    pub listing: Listing,
}
