//! The parts of WordPress's REST answers that are shown, and their mapping into the domain.
//! Text fields arrive as HTML (`title.rendered` has `&#8217;` for ’); they are decoded to text
//! here, and only bodies and comments stay HTML, through the sanitizer.

use crate::config::WordPressConfig;
use crate::json::null_as_default;
use crate::model::{
    is_http_url, Article, ArticleCard, Author, AuthorLink, Comment, Direction, Headline,
    HeadlineLink, Image, Site, Slug, Taxonomy, Term, TermLink, Timestamp,
};
use crate::sanitize::{html_to_text, sanitize_html};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// WordPress's error answer: `{"code": "rest_no_route", "message": "…", "data": {"status": 404}}`.
#[derive(Deserialize)]
pub struct ErrorJson {
    pub code: String,
    pub message: String,
    #[serde(default)]
    data: Option<ErrorData>,
}

#[derive(Deserialize)]
struct ErrorData {
    #[serde(default)]
    params: Value,
}

impl ErrorJson {
    /// `data.params` of a `rest_invalid_param` error: a refused parameter and why, if any.
    pub fn refused_param(&self) -> Option<(&str, &str)> {
        let Some(Value::Object(params)) = self.data.as_ref().map(|data| &data.params) else {
            return None;
        };
        params
            .iter()
            .find_map(|(name, reason)| Some((name.as_str(), reason.as_str()?)))
    }
}

/// The API index, `/wp-json/`.
#[derive(Deserialize)]
pub struct SiteJson {
    name: String,
    #[serde(default, deserialize_with = "null_as_default")]
    description: String,
}

impl SiteJson {
    /// The site, with `categories` (as [`SECTIONS_ROUTE`] lists them) in its section bar.
    pub fn into_site(self, config: &WordPressConfig, categories: Vec<TermJson>) -> Site {
        let sections = categories
            .iter()
            .filter(|category| category.is_section())
            .map(|category| category.link(Taxonomy::Section))
            .collect();
        Site {
            title: html_to_text(&self.name),
            tagline: html_to_text(&self.description),
            language: config.language.clone(),
            direction: config.direction,
            base_url: config.site_url.clone(),
            sections: crate::model::order_sections(sections, &config.section_order),
        }
    }
}

/// The categories that have posts, by name, as WordPress lists them by default: the section
/// bar's order, unless the config names one. (Not by size: the bar is on every page, and a bar
/// that reordered itself as posts came in would make every page new.) A site has tens of
/// sections; WordPress lists at most 100 a page.
pub const SECTIONS_ROUTE: &str =
    "wp/v2/categories?hide_empty=true&per_page=100&_fields=id,name,slug";

/// Whether the category at `slug` is a section: every one but the category WordPress files a post
/// in when its writer chose none, which is no section of the bar, and a post only in it is in none.
pub fn is_section_slug(slug: &str) -> bool {
    slug != "uncategorized"
}

#[derive(Deserialize)]
struct Rendered {
    rendered: String,
}

#[derive(Deserialize)]
struct Content {
    rendered: String,
    #[serde(default, deserialize_with = "null_as_default")]
    protected: bool,
}

/// The text of an optional HTML field; empty when WordPress sent none.
fn optional_text(html: Option<String>) -> String {
    html.map(|html| html_to_text(&html)).unwrap_or_default()
}

/// WordPress slugs hold non-ASCII letters percent-encoded.
fn slug<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Slug, D::Error> {
    Slug::from_path_segment(&String::deserialize(deserializer)?).map_err(D::Error::custom)
}

/// WordPress's `*_gmt` times are UTC without a zone designator.
pub fn parse_gmt(text: &str) -> Result<Timestamp, String> {
    Timestamp::parse(text).or_else(|_| Timestamp::parse(&format!("{text}Z")))
}

fn gmt<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
    parse_gmt(&String::deserialize(deserializer)?).map_err(D::Error::custom)
}

fn optional_gmt<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Timestamp>, D::Error> {
    #[derive(Deserialize)]
    struct Gmt(#[serde(deserialize_with = "gmt")] Timestamp);
    Ok(Option::<Gmt>::deserialize(deserializer)?.map(|Gmt(time)| time))
}

#[derive(Deserialize)]
pub struct PostJson {
    #[serde(deserialize_with = "slug")]
    slug: Slug,
    title: Rendered,
    excerpt: Option<Rendered>,
    content: Option<Content>,
    #[serde(rename = "date_gmt", deserialize_with = "gmt")]
    published: Timestamp,
    #[serde(rename = "modified_gmt", default, deserialize_with = "optional_gmt")]
    modified: Option<Timestamp>,
    #[serde(rename = "_embedded", default, deserialize_with = "null_as_default")]
    embedded: Embedded,
}

/// What `_embed` brought with a post.
#[derive(Deserialize, Default)]
struct Embedded {
    #[serde(default, deserialize_with = "null_as_default")]
    author: Vec<UserJson>,
    #[serde(rename = "wp:term", default, deserialize_with = "null_as_default")]
    terms: Vec<Vec<TermJson>>,
    /// Read when shown, and then only if it is an image: WordPress embeds an error object in
    /// its place when the reader may not see the file.
    #[serde(
        rename = "wp:featuredmedia",
        default,
        deserialize_with = "null_as_default"
    )]
    media: Vec<Value>,
}

impl PostJson {
    fn author(&self) -> Result<&UserJson, String> {
        self.embedded.author.first().ok_or_else(|| {
            format!(
                "post {} came without its author (is `_embed` blocked?)",
                self.slug
            )
        })
    }

    pub fn author_id(&self) -> Result<u64, String> {
        Ok(self.author()?.id)
    }

    /// The post's terms of `taxonomy`, out of every taxonomy embedded, in WordPress's order.
    fn terms(&self, taxonomy: Taxonomy) -> Vec<TermLink> {
        self.embedded
            .terms
            .iter()
            .flatten()
            .filter(|term| term.taxonomy.as_deref() == Some(taxonomy.wordpress_name()))
            .filter(|term| taxonomy != Taxonomy::Section || term.is_section())
            .map(|term| term.link(taxonomy))
            .collect()
    }

    fn image(&self) -> Option<Image> {
        MediaJson::deserialize(self.embedded.media.first()?)
            .ok()?
            .into_image()
    }

    pub fn into_card(self) -> Result<ArticleCard, String> {
        let author = self.author()?.link();
        Ok(ArticleCard {
            tags: self.terms(Taxonomy::Tag),
            sections: self.terms(Taxonomy::Section),
            image: self.image(),
            title: html_to_text(&self.title.rendered),
            excerpt: optional_text(self.excerpt.map(|excerpt| excerpt.rendered)),
            slug: self.slug,
            published: self.published,
            modified: self.modified,
            author,
        })
    }

    pub fn into_article(self, article_count: u32, site: Direction) -> Result<Article, String> {
        let author = self.author()?.author(article_count);
        let tags = self.terms(Taxonomy::Tag);
        let sections = self.terms(Taxonomy::Section);
        let image = self.image();
        let title = html_to_text(&self.title.rendered);
        let content = self
            .content
            .ok_or_else(|| format!("post {}: missing field `content`", self.slug))?;
        let body = if content.protected {
            // Without the password WordPress sends no text, and there is nowhere to type it here.
            sanitize_html("<p>This article is protected by a password.</p>")
        } else {
            sanitize_html(&content.rendered)
        };
        // WordPress records no language per post: a post in another script is set in its own
        // direction, as `dir="auto"` would.
        let direction = Direction::of_text(&title).filter(|direction| *direction != site);
        Ok(Article {
            excerpt: optional_text(self.excerpt.map(|excerpt| excerpt.rendered)),
            slug: self.slug,
            title,
            body,
            published: self.published,
            modified: self.modified,
            author,
            tags,
            sections,
            image,
            language: None,
            direction,
        })
    }
}

#[derive(Deserialize)]
struct MediaJson {
    source_url: Option<String>,
    alt_text: Option<String>,
    caption: Option<Rendered>,
    /// `[]` rather than `{}` when WordPress recorded nothing.
    #[serde(default, deserialize_with = "size")]
    media_details: Option<Size>,
}

#[derive(Deserialize)]
struct Size {
    width: u32,
    height: u32,
}

/// A size, or none when the details are not one (WordPress's `[]`).
fn size<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Size>, D::Error> {
    Ok(Size::deserialize(Value::deserialize(deserializer)?).ok())
}

impl MediaJson {
    /// An image only when WordPress knows its size: a picture without one would shift the
    /// page when it loads.
    fn into_image(self) -> Option<Image> {
        let url = self.source_url.filter(|url| is_http_url(url))?;
        let (width, height) = self
            .media_details
            .map(|size| (size.width, size.height))
            .filter(|(w, h)| *w > 0 && *h > 0)?;
        Some(Image {
            url,
            width,
            height,
            alt: self.alt_text.unwrap_or_default(),
            caption: self
                .caption
                .map(|caption| html_to_text(&caption.rendered))
                .filter(|caption| !caption.is_empty()),
        })
    }
}

/// A post as `_fields=id` gives it.
#[derive(Deserialize)]
pub struct PostIdJson {
    pub id: u64,
}

#[derive(Deserialize)]
pub struct TermJson {
    pub id: u64,
    name: String,
    #[serde(deserialize_with = "slug")]
    slug: Slug,
    taxonomy: Option<String>,
    description: Option<String>,
}

impl TermJson {
    pub fn link(&self, taxonomy: Taxonomy) -> TermLink {
        TermLink {
            taxonomy,
            name: html_to_text(&self.name),
            slug: self.slug.clone(),
        }
    }

    /// Whether, as a category, it is a section ([`is_section_slug`]).
    pub fn is_section(&self) -> bool {
        is_section_slug(self.slug.as_str())
    }

    pub fn into_term(self, taxonomy: Taxonomy, article_count: u32) -> Result<Term, String> {
        Ok(Term {
            taxonomy,
            name: html_to_text(&self.name),
            description: optional_text(self.description),
            slug: self.slug,
            article_count,
        })
    }
}

#[derive(Deserialize)]
pub struct UserJson {
    pub id: u64,
    name: String,
    #[serde(deserialize_with = "slug")]
    slug: Slug,
    description: Option<String>,
    #[serde(rename = "avatar_urls", default, deserialize_with = "avatar")]
    avatar: Option<Image>,
}

impl UserJson {
    fn link(&self) -> AuthorLink {
        AuthorLink {
            name: html_to_text(&self.name),
            slug: self.slug.clone(),
        }
    }

    pub fn author(&self, article_count: u32) -> Author {
        Author {
            name: html_to_text(&self.name),
            bio: optional_text(self.description.clone()),
            slug: self.slug.clone(),
            avatar: self.avatar.clone(),
            article_count,
        }
    }
}

/// The largest of WordPress's avatar sizes (`{"24": url, "48": url, "96": url}`).
fn avatar<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Image>, D::Error> {
    let Value::Object(sizes) = Value::deserialize(deserializer)? else {
        // An empty PHP array when avatars are off.
        return Ok(None);
    };
    let largest = sizes
        .iter()
        .filter_map(|(size, url)| match (size.parse::<u32>(), url) {
            (Ok(size), Value::String(url)) if size > 0 && is_http_url(url) => Some((size, url)),
            _ => None,
        })
        .max_by_key(|(size, _)| *size);
    Ok(largest.map(|(size, url)| Image {
        url: url.clone(),
        width: size,
        height: size,
        alt: String::new(),
        caption: None,
    }))
}

#[derive(Deserialize)]
pub struct CommentJson {
    status: Option<String>,
    id: u64,
    parent: u64,
    author_name: String,
    author_url: Option<String>,
    #[serde(rename = "author_avatar_urls", default, deserialize_with = "avatar")]
    avatar: Option<Image>,
    #[serde(rename = "date_gmt", deserialize_with = "gmt")]
    date: Timestamp,
    content: Rendered,
}

impl CommentJson {
    /// Whether WordPress holds the comment for moderation (`status` "hold") rather than
    /// showing it (`approved`).
    pub fn is_held(&self) -> bool {
        self.status
            .as_deref()
            .is_some_and(|status| status != "approved")
    }

    pub fn into_comment(self) -> Result<Comment, String> {
        Ok(Comment {
            id: self.id,
            parent: self.parent,
            author_name: html_to_text(&self.author_name),
            author_url: self.author_url.filter(|url| is_http_url(url)),
            avatar: self.avatar,
            date: self.date,
            content: sanitize_html(&self.content.rendered),
        })
    }
}

#[derive(Deserialize)]
pub struct HeadlineJson {
    #[serde(deserialize_with = "slug")]
    slug: Slug,
    title: Rendered,
}

impl HeadlineJson {
    pub fn into_headline(self) -> Result<Headline, String> {
        Ok(Headline {
            title: html_to_text(&self.title.rendered),
            link: HeadlineLink::Article(self.slug),
        })
    }
}

/// A reader's comment as `POST wp/v2/comments` takes it.
#[derive(Serialize)]
pub struct NewCommentJson<'a> {
    pub post: u64,
    pub parent: u64,
    pub author_name: &'a str,
    pub author_email: &'a str,
    pub author_url: &'a str,
    pub content: &'a str,
}
