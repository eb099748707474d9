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

/// The two ways WordPress files articles, which Broadsheet shows alike: tags, and categories,
/// which a news site calls its sections. Each has its listing pages and its feed; the two differ
/// only in their names, here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Taxonomy {
    Tag,
    Section,
}

impl Taxonomy {
    pub const ALL: [Self; 2] = [Self::Tag, Self::Section];

    /// The first segment of its pages' paths, WordPress's: `/tag/<slug>/`, `/category/<slug>/`.
    pub fn base(self) -> &'static str {
        match self {
            Self::Tag => "tag",
            Self::Section => "category",
        }
    }

    /// What one of its terms is called in messages: "the tag harbour was not found".
    pub fn kind(self) -> &'static str {
        match self {
            Self::Tag => "tag",
            Self::Section => "section",
        }
    }

    /// Its collection in WordPress's REST API (`wp/v2/tags`), which is also the field of a post
    /// that lists its terms' ids and the filter that lists a term's posts (`tags=4`).
    pub fn wordpress_collection(self) -> &'static str {
        match self {
            Self::Tag => "tags",
            Self::Section => "categories",
        }
    }

    /// The `taxonomy` WordPress names on each term it embeds in a post.
    pub fn wordpress_name(self) -> &'static str {
        match self {
            Self::Tag => "post_tag",
            Self::Section => "category",
        }
    }

    /// Its folder of listings, and its file of terms (`tags.json`), in the static data.
    pub fn static_folder(self) -> &'static str {
        match self {
            Self::Tag => "tags",
            Self::Section => "sections",
        }
    }
}

/// A tag or a section, as its page heads its listing.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub taxonomy: Taxonomy,
    pub slug: Slug,
    pub name: String,
    pub description: String,
    pub article_count: u32,
}

impl Term {
    pub fn path(&self) -> String {
        self.link().path()
    }

    pub fn link(&self) -> TermLink {
        TermLink {
            taxonomy: self.taxonomy,
            slug: self.slug.clone(),
            name: self.name.clone(),
        }
    }
}

/// What a tag list, a section bar or a section label needs of a term: its name and where it
/// leads.
#[derive(Debug, Clone, PartialEq)]
pub struct TermLink {
    pub taxonomy: Taxonomy,
    pub slug: Slug,
    pub name: String,
}

impl TermLink {
    pub fn path(&self) -> String {
        self.route().path()
    }

    /// Its listing's first page.
    pub fn route(&self) -> Route {
        Route::term(self.taxonomy, &self.slug)
    }
}

/// One page of a tag's or a section's articles, with the term itself for the heading.
#[derive(Debug, Clone, PartialEq)]
pub struct TermPage {
    pub term: Term,
    pub listing: Listing,
}

/// One page of an author's articles, with the author for the card that heads it.
#[derive(Debug, Clone, PartialEq)]
pub struct AuthorPage {
    pub author: Author,
    pub listing: Listing,
}
