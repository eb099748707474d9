use super::{Image, Listing, Slug};

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
        format!("/author/{}/", self.slug.path_segment())
    }
}

/// A topic articles are filed under.
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    pub slug: Slug,
    pub name: String,
    pub description: String,
    pub article_count: u32,
}

impl Tag {
    pub fn path(&self) -> String {
        format!("/tag/{}/", self.slug.path_segment())
    }
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
