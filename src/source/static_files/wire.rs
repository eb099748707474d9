//! The static source's file format (docs/data-format.md) and its mapping into the domain.

use crate::error::DataError;
use crate::model::{
    resolve_url, Article, ArticleCard, Author, Comment, Direction, Headline, HeadlineLink, Image,
    Listing, Site, Slug, Taxonomy, Term, TermLink, Timestamp,
};
use crate::sanitize::sanitize_html;

#[derive(serde::Deserialize)]
pub struct SiteFile {
    title: String,
    tagline: String,
    language: String,
    direction: Option<String>,
    base_url: String,
}

impl SiteFile {
    /// The site's language, a BCP 47 tag.
    pub fn language(&self) -> &str {
        &self.language
    }

    /// The site, with the `directory`'s sections that have articles in its section bar.
    pub fn into_site(self, directory: &Directory) -> Result<Site, String> {
        let direction = self
            .direction
            .as_deref()
            .map(Direction::parse)
            .transpose()?
            .unwrap_or_default();
        if self.language.trim().is_empty() {
            return Err("language is empty".into());
        }
        let mut base_url = self.base_url;
        if !crate::model::is_http_url(&base_url) {
            return Err(format!("base_url {base_url:?} is not an http(s) URL"));
        }
        if !base_url.ends_with('/') {
            base_url.push('/');
        }
        Ok(Site {
            title: self.title,
            tagline: self.tagline,
            language: self.language,
            direction,
            base_url,
            sections: directory
                .sections
                .iter()
                .filter(|section| section.article_count > 0)
                .map(Term::link)
                .collect(),
        })
    }
}

#[derive(serde::Deserialize)]
pub struct ImageFile {
    url: String,
    width: u32,
    height: u32,
    #[serde(default, deserialize_with = "crate::json::null_as_default")]
    alt: String,
    caption: Option<String>,
}

impl ImageFile {
    fn into_image(self, data_root: &str) -> Result<Image, String> {
        if self.width == 0 || self.height == 0 {
            return Err(format!("image {:?} has no size", self.url));
        }
        Ok(Image {
            url: resolve_url(data_root, &self.url)?,
            width: self.width,
            height: self.height,
            alt: self.alt,
            caption: self.caption,
        })
    }
}

fn image(file: Option<ImageFile>, data_root: &str) -> Result<Option<Image>, String> {
    file.map(|file| file.into_image(data_root)).transpose()
}

#[derive(serde::Deserialize)]
pub struct AuthorsFile {
    authors: Vec<AuthorFile>,
}

#[derive(serde::Deserialize)]
struct AuthorFile {
    slug: Slug,
    name: String,
    bio: String,
    avatar: Option<ImageFile>,
    article_count: u32,
}

/// `tags.json` or `sections.json`: the one list of a taxonomy's terms.
#[derive(serde::Deserialize)]
pub struct TermsFile {
    #[serde(alias = "tags", alias = "sections")]
    terms: Vec<TermFile>,
}

#[derive(serde::Deserialize)]
struct TermFile {
    slug: Slug,
    name: String,
    description: String,
    article_count: u32,
}

impl TermsFile {
    fn into_terms(self, taxonomy: Taxonomy) -> Vec<Term> {
        self.terms
            .into_iter()
            .map(|file| Term {
                taxonomy,
                slug: file.slug,
                name: file.name,
                description: file.description,
                article_count: file.article_count,
            })
            .collect()
    }
}

/// Every author, tag and section, so that the slugs in articles can be shown by name. A site
/// has tens of them, not thousands: lists searched in order cost less wasm than hash maps.
#[derive(Debug, Clone)]
pub struct Directory {
    authors: Vec<Author>,
    tags: Vec<Term>,
    /// In the file's order, which is the section bar's.
    sections: Vec<Term>,
}

impl Directory {
    pub fn new(
        authors: AuthorsFile,
        tags: TermsFile,
        sections: TermsFile,
        data_root: &str,
    ) -> Result<Self, String> {
        let authors = authors
            .authors
            .into_iter()
            .map(|file| {
                Ok(Author {
                    avatar: image(file.avatar, data_root)?,
                    slug: file.slug,
                    name: file.name,
                    bio: file.bio,
                    article_count: file.article_count,
                })
            })
            .collect::<Result<_, String>>()?;
        Ok(Self {
            authors,
            tags: tags.into_terms(Taxonomy::Tag),
            sections: sections.into_terms(Taxonomy::Section),
        })
    }

    pub fn author(&self, slug: &Slug) -> Option<&Author> {
        self.authors.iter().find(|author| author.slug == *slug)
    }

    pub fn term(&self, taxonomy: Taxonomy, slug: &Slug) -> Option<&Term> {
        let terms = match taxonomy {
            Taxonomy::Tag => &self.tags,
            Taxonomy::Section => &self.sections,
        };
        terms.iter().find(|term| term.slug == *slug)
    }

    /// The links of the `taxonomy`'s terms at `slugs`, or which one is missing from its file.
    fn links(&self, taxonomy: Taxonomy, slugs: &[Slug]) -> Result<Vec<TermLink>, String> {
        slugs
            .iter()
            .map(|slug| {
                self.term(taxonomy, slug).map(Term::link).ok_or_else(|| {
                    format!(
                        "{} \"{slug}\" is not in {}.json",
                        taxonomy.kind(),
                        taxonomy.static_folder()
                    )
                })
            })
            .collect()
    }

    /// What an article's file names by slug: its author, tags and sections.
    fn resolve(&self, file: &SummaryFile) -> Result<Resolved, String> {
        let author = self
            .author(&file.author)
            .cloned()
            .ok_or_else(|| format!("author \"{}\" is not in authors.json", file.author))?;
        Ok(Resolved {
            author,
            tags: self.links(Taxonomy::Tag, &file.tags)?,
            sections: self.links(Taxonomy::Section, &file.sections)?,
        })
    }
}

struct Resolved {
    author: Author,
    tags: Vec<TermLink>,
    sections: Vec<TermLink>,
}

/// An article as a listing sums it up. An article file is one too, with the body and the
/// language beside: one type reads the fields both have (serde's `flatten` would instead buffer
/// the whole file to split it).
#[derive(serde::Deserialize)]
pub struct SummaryFile {
    slug: Slug,
    title: String,
    excerpt: String,
    published: Timestamp,
    modified: Option<Timestamp>,
    author: Slug,
    tags: Vec<Slug>,
    /// The main one first; none in data written before sections were.
    #[serde(default)]
    sections: Vec<Slug>,
    image: Option<ImageFile>,
    /// Only in an article file, which must have it.
    body_html: Option<String>,
    language: Option<String>,
    direction: Option<String>,
}

impl SummaryFile {
    fn into_card(self, directory: &Directory, data_root: &str) -> Result<ArticleCard, String> {
        let Resolved {
            author,
            tags,
            sections,
        } = directory.resolve(&self)?;
        Ok(ArticleCard {
            author: author.link(),
            sections,
            image: image(self.image, data_root)?,
            slug: self.slug,
            title: self.title,
            excerpt: self.excerpt,
            published: self.published,
            modified: self.modified,
            tags,
        })
    }
}

#[derive(serde::Deserialize)]
pub struct ListingFile {
    page: u32,
    total_pages: u32,
    total_articles: u32,
    articles: Vec<SummaryFile>,
}

impl ListingFile {
    pub fn into_listing(
        self,
        requested_page: u32,
        directory: &Directory,
        data_root: &str,
    ) -> Result<Listing, String> {
        if self.page != requested_page {
            return Err(format!(
                "the file for page {requested_page} says it is page {}",
                self.page
            ));
        }
        if self.total_pages == 0 || self.page > self.total_pages {
            return Err(format!(
                "page {} of {} pages is impossible",
                self.page, self.total_pages
            ));
        }
        let articles = self
            .articles
            .into_iter()
            .map(|summary| summary.into_card(directory, data_root))
            .collect::<Result<_, _>>()?;
        Ok(Listing {
            page: self.page,
            total_pages: self.total_pages,
            total_articles: self.total_articles,
            articles,
        })
    }
}

/// An article file: every field of a summary, plus the body and the language.
#[derive(serde::Deserialize)]
#[serde(transparent)]
pub struct ArticleFile(SummaryFile);

impl ArticleFile {
    pub fn into_article(
        self,
        requested: &Slug,
        directory: &Directory,
        data_root: &str,
    ) -> Result<Article, String> {
        let file = self.0;
        if &file.slug != requested {
            return Err(format!(
                "the file for \"{requested}\" holds the article \"{}\"",
                file.slug
            ));
        }
        let Resolved {
            author,
            tags,
            sections,
        } = directory.resolve(&file)?;
        let body_html = file
            .body_html
            .ok_or_else(|| "missing field `body_html`".to_owned())?;
        Ok(Article {
            sections,
            body: sanitize_html(&body_html),
            direction: file
                .direction
                .as_deref()
                .map(Direction::parse)
                .transpose()?,
            language: file.language.filter(|language| !language.trim().is_empty()),
            image: image(file.image, data_root)?,
            slug: file.slug,
            title: file.title,
            excerpt: file.excerpt,
            published: file.published,
            modified: file.modified,
            author,
            tags,
        })
    }
}

#[derive(serde::Deserialize)]
pub struct CommentsFile {
    comments: Vec<CommentFile>,
}

#[derive(serde::Deserialize)]
struct CommentFile {
    id: u64,
    parent: u64,
    author_name: String,
    author_url: Option<String>,
    avatar: Option<ImageFile>,
    date: Timestamp,
    content_html: String,
}

impl CommentsFile {
    pub fn into_comments(self, data_root: &str) -> Result<Vec<Comment>, String> {
        let mut seen = Vec::new();
        self.comments
            .into_iter()
            .map(|file| {
                if file.id == 0 {
                    return Err("a comment has id 0".to_string());
                }
                if file.parent != 0 && !seen.contains(&file.parent) {
                    return Err(format!(
                        "comment {} replies to {}, which is not an earlier comment",
                        file.id, file.parent
                    ));
                }
                if seen.contains(&file.id) {
                    return Err(format!("comment id {} appears twice", file.id));
                }
                seen.push(file.id);
                Ok(Comment {
                    id: file.id,
                    parent: file.parent,
                    author_name: file.author_name,
                    author_url: file.author_url.filter(|url| crate::model::is_http_url(url)),
                    avatar: image(file.avatar, data_root)?,
                    date: file.date,
                    content: sanitize_html(&file.content_html),
                })
            })
            .collect()
    }
}

#[derive(serde::Deserialize)]
pub struct TickerFile {
    headlines: Vec<HeadlineFile>,
}

#[derive(serde::Deserialize)]
struct HeadlineFile {
    title: String,
    slug: Option<Slug>,
    url: Option<String>,
}

impl TickerFile {
    pub fn into_headlines(self) -> Result<Vec<Headline>, String> {
        self.headlines
            .into_iter()
            .map(|file| {
                let link = match (file.slug, file.url) {
                    (Some(slug), None) => HeadlineLink::Article(slug),
                    (None, Some(url)) if crate::model::is_http_url(&url) => {
                        HeadlineLink::External(url)
                    }
                    (None, Some(url)) => {
                        return Err(format!("headline link {url:?} is not an http(s) URL"))
                    }
                    _ => {
                        return Err(format!(
                            "headline {:?} needs exactly one of slug and url",
                            file.title
                        ))
                    }
                };
                Ok(Headline {
                    title: file.title,
                    link,
                })
            })
            .collect()
    }
}

/// Maps a decoding failure of `what` to the domain error.
pub fn bad(what: &str) -> impl Fn(String) -> DataError + '_ {
    move |detail| DataError::bad_data(what, detail)
}
