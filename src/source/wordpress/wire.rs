//! The parts of WordPress's REST answers that are shown, and their mapping into the domain.
//! Text fields arrive as HTML (`title.rendered` has `&#8217;` for ’); they are decoded to text
//! here, and only bodies and comments stay HTML, through the sanitizer.

use crate::config::WordPressConfig;
use crate::json::{Fields, FromJson, Json};
use crate::model::{
    is_http_url, Article, ArticleCard, Author, AuthorLink, Comment, Direction, Headline,
    HeadlineLink, Image, Site, Slug, Tag, TagLink, Timestamp,
};
use crate::sanitize::{html_to_text, sanitize_html};

/// WordPress's error answer: `{"code": "rest_no_route", "message": "…", "data": {"status": 404}}`.
pub struct ErrorJson {
    pub code: String,
    pub message: String,
    /// `data.params` of a `rest_invalid_param` error: each refused parameter and why.
    pub params: Vec<(String, String)>,
}

impl FromJson for ErrorJson {
    fn from_json(json: &Json) -> Result<Self, String> {
        let fields = Fields::of(json)?;
        let data: Option<Json> = fields.get("data")?;
        let params = match data.as_ref().map(Fields::of).transpose()? {
            Some(data) => match data.get::<Option<Json>>("params")? {
                Some(Json::Object(params)) => params
                    .into_iter()
                    .filter_map(|(name, reason)| match reason {
                        Json::String(reason) => Some((name, reason)),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            },
            None => Vec::new(),
        };
        Ok(Self {
            code: fields.get("code")?,
            message: fields.get("message")?,
            params,
        })
    }
}

/// The API index, `/wp-json/`.
pub struct SiteJson {
    name: String,
    description: String,
}

impl FromJson for SiteJson {
    fn from_json(json: &Json) -> Result<Self, String> {
        let fields = Fields::of(json)?;
        Ok(Self {
            name: fields.get("name")?,
            description: fields
                .get::<Option<String>>("description")?
                .unwrap_or_default(),
        })
    }
}

impl SiteJson {
    pub fn into_site(self, config: &WordPressConfig) -> Site {
        Site {
            title: html_to_text(&self.name),
            tagline: html_to_text(&self.description),
            language: config.language.clone(),
            direction: config.direction,
            base_url: config.site_url.clone(),
        }
    }
}

struct Rendered(String);

impl FromJson for Rendered {
    fn from_json(json: &Json) -> Result<Self, String> {
        Ok(Self(Fields::of(json)?.get("rendered")?))
    }
}

struct Content {
    rendered: String,
    protected: bool,
}

impl FromJson for Content {
    fn from_json(json: &Json) -> Result<Self, String> {
        let fields = Fields::of(json)?;
        Ok(Self {
            rendered: fields.get("rendered")?,
            protected: fields.get::<Option<bool>>("protected")?.unwrap_or(false),
        })
    }
}

/// The text of an optional HTML field; empty when WordPress sent none.
fn optional_text(html: Option<String>) -> String {
    html.map(|html| html_to_text(&html)).unwrap_or_default()
}

/// WordPress slugs hold non-ASCII letters percent-encoded.
fn slug(fields: &Fields, key: &str) -> Result<Slug, String> {
    let text: String = fields.get(key)?;
    Slug::from_path_segment(&text).map_err(|error| format!("{key}: {error}"))
}

/// WordPress's `*_gmt` times are UTC without a zone designator.
fn gmt(fields: &Fields, key: &str) -> Result<Option<Timestamp>, String> {
    fields
        .get::<Option<String>>(key)?
        .map(|text| {
            Timestamp::parse(&text)
                .or_else(|_| Timestamp::parse(&format!("{text}Z")))
                .map_err(|error| format!("{key}: {error}"))
        })
        .transpose()
}

pub struct PostJson {
    pub id: u64,
    slug: Slug,
    title: Rendered,
    excerpt: Option<Rendered>,
    content: Option<Content>,
    published: Timestamp,
    modified: Option<Timestamp>,
    author: Option<Json>,
    terms: Vec<Vec<Json>>,
    media: Option<Json>,
}

impl FromJson for PostJson {
    fn from_json(json: &Json) -> Result<Self, String> {
        let fields = Fields::of(json)?;
        let embedded: Option<Json> = fields.get("_embedded")?;
        let embedded = embedded.as_ref().map(Fields::of).transpose()?;
        let first = |key: &str| -> Result<Option<Json>, String> {
            let Some(embedded) = &embedded else {
                return Ok(None);
            };
            Ok(embedded
                .get::<Option<Vec<Json>>>(key)?
                .and_then(|items| items.into_iter().next()))
        };
        let terms = match &embedded {
            Some(embedded) => embedded
                .get::<Option<Vec<Vec<Json>>>>("wp:term")?
                .unwrap_or_default(),
            None => Vec::new(),
        };
        let slug = slug(&fields, "slug")?;
        Ok(Self {
            id: fields.get("id")?,
            published: gmt(&fields, "date_gmt")?
                .ok_or_else(|| format!("post {slug}: missing field `date_gmt`"))?,
            modified: gmt(&fields, "modified_gmt")?,
            title: fields.get("title")?,
            excerpt: fields.get("excerpt")?,
            content: fields.get("content")?,
            author: first("author")?,
            media: first("wp:featuredmedia")?,
            terms,
            slug,
        })
    }
}

impl PostJson {
    fn author(&self) -> Result<UserJson, String> {
        let author = self.author.as_ref().ok_or_else(|| {
            format!(
                "post {} came without its author (is `_embed` blocked?)",
                self.slug
            )
        })?;
        UserJson::from_json(author)
            .map_err(|error| format!("post {}: its author is not readable: {error}", self.slug))
    }

    pub fn author_id(&self) -> Result<u64, String> {
        Ok(self.author()?.id)
    }

    /// The post's tags, out of every taxonomy embedded (categories come too).
    fn tags(&self) -> Result<Vec<TagLink>, String> {
        let mut tags = Vec::new();
        for term in self.terms.iter().flatten() {
            let term = TermJson::from_json(term)?;
            if term.taxonomy.as_deref() == Some("post_tag") {
                tags.push(TagLink {
                    slug: term.slug,
                    name: html_to_text(&term.name),
                });
            }
        }
        Ok(tags)
    }

    fn image(&self) -> Option<Image> {
        MediaJson::from_json(self.media.as_ref()?)
            .ok()?
            .into_image()
    }

    pub fn into_card(self) -> Result<ArticleCard, String> {
        let author = self.author()?.into_link();
        Ok(ArticleCard {
            tags: self.tags()?,
            image: self.image(),
            title: html_to_text(&self.title.0),
            excerpt: optional_text(self.excerpt.map(|excerpt| excerpt.0)),
            slug: self.slug,
            published: self.published,
            modified: self.modified,
            author,
        })
    }

    pub fn into_article(self, article_count: u32, site: Direction) -> Result<Article, String> {
        let author = self.author()?.into_author(article_count);
        let tags = self.tags()?;
        let image = self.image();
        let title = html_to_text(&self.title.0);
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
            excerpt: optional_text(self.excerpt.map(|excerpt| excerpt.0)),
            slug: self.slug,
            title,
            body,
            published: self.published,
            modified: self.modified,
            author,
            tags,
            image,
            language: None,
            direction,
        })
    }
}

struct MediaJson {
    source_url: Option<String>,
    alt_text: Option<String>,
    caption: Option<Rendered>,
    size: Option<(u32, u32)>,
}

impl FromJson for MediaJson {
    fn from_json(json: &Json) -> Result<Self, String> {
        let fields = Fields::of(json)?;
        // `media_details` is `[]` rather than `{}` when WordPress recorded nothing.
        let details: Option<Json> = fields.get("media_details")?;
        let size = details.as_ref().and_then(|details| {
            let details = Fields::of(details).ok()?;
            Some((details.get("width").ok()?, details.get("height").ok()?))
        });
        Ok(Self {
            source_url: fields.get("source_url")?,
            alt_text: fields.get("alt_text")?,
            caption: fields.get("caption")?,
            size,
        })
    }
}

impl MediaJson {
    /// An image only when WordPress knows its size: a picture without one would shift the
    /// page when it loads.
    fn into_image(self) -> Option<Image> {
        let url = self.source_url.filter(|url| is_http_url(url))?;
        let (width, height) = self.size.filter(|(w, h)| *w > 0 && *h > 0)?;
        Some(Image {
            url,
            width,
            height,
            alt: self.alt_text.unwrap_or_default(),
            caption: self
                .caption
                .map(|caption| html_to_text(&caption.0))
                .filter(|caption| !caption.is_empty()),
        })
    }
}

/// A post as `_fields=id` gives it.
pub struct PostIdJson {
    pub id: u64,
}

impl FromJson for PostIdJson {
    fn from_json(json: &Json) -> Result<Self, String> {
        Ok(Self {
            id: Fields::of(json)?.get("id")?,
        })
    }
}

pub struct TermJson {
    pub id: u64,
    name: String,
    slug: Slug,
    taxonomy: Option<String>,
    description: Option<String>,
}

impl FromJson for TermJson {
    fn from_json(json: &Json) -> Result<Self, String> {
        let fields = Fields::of(json)?;
        Ok(Self {
            id: fields.get("id")?,
            name: fields.get("name")?,
            slug: slug(&fields, "slug")?,
            taxonomy: fields.get("taxonomy")?,
            description: fields.get("description")?,
        })
    }
}

impl TermJson {
    pub fn into_tag(self, article_count: u32) -> Result<Tag, String> {
        Ok(Tag {
            name: html_to_text(&self.name),
            description: optional_text(self.description),
            slug: self.slug,
            article_count,
        })
    }
}

pub struct UserJson {
    pub id: u64,
    name: String,
    slug: Slug,
    description: Option<String>,
    avatar: Option<Image>,
}

impl FromJson for UserJson {
    fn from_json(json: &Json) -> Result<Self, String> {
        let fields = Fields::of(json)?;
        Ok(Self {
            id: fields.get("id")?,
            name: fields.get("name")?,
            slug: slug(&fields, "slug")?,
            description: fields.get("description")?,
            avatar: avatar(&fields, "avatar_urls")?,
        })
    }
}

impl UserJson {
    fn into_link(self) -> AuthorLink {
        AuthorLink {
            name: html_to_text(&self.name),
            slug: self.slug,
        }
    }

    pub fn into_author(self, article_count: u32) -> Author {
        Author {
            name: html_to_text(&self.name),
            bio: optional_text(self.description),
            slug: self.slug,
            avatar: self.avatar,
            article_count,
        }
    }
}

/// The largest of WordPress's avatar sizes (`{"24": url, "48": url, "96": url}`).
fn avatar(fields: &Fields, key: &str) -> Result<Option<Image>, String> {
    let Some(urls) = fields.get::<Option<Json>>(key)? else {
        return Ok(None);
    };
    let Json::Object(sizes) = urls else {
        // An empty PHP array when avatars are off.
        return Ok(None);
    };
    let largest = sizes
        .iter()
        .filter_map(|(size, url)| match (size.parse::<u32>(), url) {
            (Ok(size), Json::String(url)) if size > 0 && is_http_url(url) => Some((size, url)),
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

pub struct CommentJson {
    status: Option<String>,
    id: u64,
    parent: u64,
    author_name: String,
    author_url: Option<String>,
    avatar: Option<Image>,
    date: Timestamp,
    content: Rendered,
}

impl FromJson for CommentJson {
    fn from_json(json: &Json) -> Result<Self, String> {
        let fields = Fields::of(json)?;
        Ok(Self {
            status: fields.get("status")?,
            id: fields.get("id")?,
            parent: fields.get("parent")?,
            author_name: fields.get("author_name")?,
            author_url: fields.get("author_url")?,
            avatar: avatar(&fields, "author_avatar_urls")?,
            date: gmt(&fields, "date_gmt")?.ok_or("missing field `date_gmt`")?,
            content: fields.get("content")?,
        })
    }
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
            content: sanitize_html(&self.content.0),
        })
    }
}

pub struct HeadlineJson {
    slug: Slug,
    title: Rendered,
}

impl FromJson for HeadlineJson {
    fn from_json(json: &Json) -> Result<Self, String> {
        let fields = Fields::of(json)?;
        Ok(Self {
            slug: slug(&fields, "slug")?,
            title: fields.get("title")?,
        })
    }
}

impl HeadlineJson {
    pub fn into_headline(self) -> Result<Headline, String> {
        Ok(Headline {
            title: html_to_text(&self.title.0),
            link: HeadlineLink::Article(self.slug),
        })
    }
}
