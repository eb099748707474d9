//! schema.org JSON-LD, which search engines read for rich results: `NewsArticle` on articles,
//! `Person` on author pages, `CollectionPage` on tag and section pages.

use super::{Article, Author, Dated, Image, Site, Term};
use serde::Serialize;

const CONTEXT: &str = "https://schema.org";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NewsArticle<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    headline: &'a str,
    description: &'a str,
    date_published: &'a str,
    date_modified: &'a str,
    url: &'a str,
    main_entity_of_page: &'a str,
    author: Person<'a>,
    publisher: Named<'a>,
    in_language: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<ImageObject<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    article_section: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    keywords: Vec<&'a str>,
}

/// An author; on their own page with the context, their bio and their picture.
#[derive(Serialize)]
struct Person<'a> {
    #[serde(rename = "@context", skip_serializing_if = "Option::is_none")]
    context: Option<&'static str>,
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<&'a str>,
}

/// The site, as the publisher of an article (`Organization`) or what a tag page is part of
/// (`WebSite`).
#[derive(Serialize)]
struct Named<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    url: String,
}

#[derive(Serialize)]
struct ImageObject<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    url: &'a str,
    width: u32,
    height: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CollectionPage<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    url: String,
    is_part_of: Named<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
}

/// The JSON-LD of an article.
pub fn news_article(site: &Site, article: &Article) -> String {
    let url = site.canonical(&article.path());
    script_safe(&NewsArticle {
        context: CONTEXT,
        kind: "NewsArticle",
        headline: &article.title,
        description: &article.excerpt,
        date_published: article.published.as_str(),
        date_modified: article.last_change().as_str(),
        url: &url,
        main_entity_of_page: &url,
        author: person_of(site, &article.author, false),
        publisher: Named {
            kind: "Organization",
            name: &site.title,
            url: site.canonical("/"),
        },
        in_language: article.language.as_ref().unwrap_or(&site.language),
        image: article.image.as_ref().map(image_object),
        article_section: article
            .sections
            .first()
            .map(|section| section.name.as_str()),
        keywords: article.tags.iter().map(|tag| tag.name.as_str()).collect(),
    })
}

/// The JSON-LD of an author's page.
pub fn person(site: &Site, author: &Author) -> String {
    script_safe(&person_of(site, author, true))
}

/// The JSON-LD of a tag's or a section's page.
pub fn collection_page(site: &Site, tag: &Term) -> String {
    script_safe(&CollectionPage {
        context: CONTEXT,
        kind: "CollectionPage",
        name: &tag.name,
        url: site.canonical(&tag.path()),
        is_part_of: Named {
            kind: "WebSite",
            name: &site.title,
            url: site.canonical("/"),
        },
        description: Some(tag.description.as_str()).filter(|text| !text.is_empty()),
    })
}

fn person_of<'a>(site: &Site, author: &'a Author, top_level: bool) -> Person<'a> {
    Person {
        context: top_level.then_some(CONTEXT),
        kind: "Person",
        name: &author.name,
        url: site.canonical(&author.path()),
        description: Some(author.bio.as_str()).filter(|bio| top_level && !bio.is_empty()),
        image: author
            .avatar
            .as_ref()
            .filter(|_| top_level)
            .map(|avatar| avatar.url.as_str()),
    }
}

fn image_object(image: &Image) -> ImageObject<'_> {
    ImageObject {
        kind: "ImageObject",
        url: &image.url,
        width: image.width,
        height: image.height,
    }
}

/// JSON that cannot end the `<script>` element it sits in when the page is written as HTML:
/// only strings hold `</`, and `<\/` is the same string in JSON.
fn script_safe(value: &impl Serialize) -> String {
    crate::json::encode(value).replace("</", "<\\/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Direction, Slug, Taxonomy, TermLink, Timestamp};
    use crate::sanitize::sanitize_html;
    use serde_json::Value;

    fn site() -> Site {
        Site {
            title: "The Herald".into(),
            tagline: String::new(),
            language: "en-GB".into(),
            direction: Direction::Ltr,
            base_url: "https://herald.example/".into(),
            sections: Vec::new(),
        }
    }

    fn author() -> Author {
        Author {
            slug: Slug::parse("ada").unwrap(),
            name: "Ada \"Scoop\" Okafor".into(),
            bio: "Harbour reporter.".into(),
            avatar: None,
            article_count: 3,
        }
    }

    fn parse(text: &str) -> Value {
        crate::json::decode(text).unwrap()
    }

    #[test]
    fn an_article_is_a_news_article_with_its_author_publisher_and_picture() {
        let article = Article {
            slug: Slug::parse("ferry").unwrap(),
            title: "Ferry cuts </script><script>alert(1)</script>".into(),
            excerpt: "Two sailings go.".into(),
            body: sanitize_html("<p>Text</p>"),
            published: Timestamp::parse("2026-11-03T08:30:00Z").unwrap(),
            modified: Some(Timestamp::parse("2026-11-04T08:30:00Z").unwrap()),
            author: author(),
            tags: vec![TermLink {
                taxonomy: Taxonomy::Tag,
                slug: Slug::parse("harbour").unwrap(),
                name: "Harbour".into(),
            }],
            sections: vec![TermLink {
                taxonomy: Taxonomy::Section,
                slug: Slug::parse("news").unwrap(),
                name: "News".into(),
            }],
            image: Some(Image {
                url: "https://herald.example/f.jpg".into(),
                width: 1200,
                height: 675,
                alt: String::new(),
                caption: None,
            }),
            language: None,
            direction: None,
        };
        let text = news_article(&site(), &article);
        assert!(!text.contains("</script"), "{text}");
        let json = parse(&text);
        let string = |path: &[&str]| {
            let value = path.iter().fold(&json, |json, key| &json[key]);
            value
                .as_str()
                .unwrap_or_else(|| panic!("{path:?}: {value}"))
                .to_owned()
        };
        assert_eq!(string(&["@type"]), "NewsArticle");
        assert_eq!(string(&["headline"]), article.title);
        assert_eq!(string(&["dateModified"]), "2026-11-04T08:30:00Z");
        assert_eq!(string(&["author", "name"]), "Ada \"Scoop\" Okafor");
        assert_eq!(
            string(&["author", "url"]),
            "https://herald.example/author/ada/"
        );
        assert_eq!(string(&["publisher", "name"]), "The Herald");
        assert_eq!(string(&["articleSection"]), "News");
        assert!(
            json["author"].get("@context").is_none() && json["author"].get("description").is_none(),
            "an article's author is named, not described"
        );
        assert_eq!(string(&["image", "url"]), "https://herald.example/f.jpg");
        assert_eq!(json["image"]["width"], 1200);
        assert_eq!(json["keywords"], serde_json::json!(["Harbour"]));
        assert_eq!(string(&["inLanguage"]), "en-GB");
    }

    #[test]
    fn authors_are_people_and_tags_collections() {
        let json = parse(&person(&site(), &author()));
        assert_eq!(json["@type"], "Person");
        assert_eq!(json["@context"], "https://schema.org");
        assert_eq!(json["description"], "Harbour reporter.");
        let tag = Term {
            taxonomy: Taxonomy::Tag,
            slug: Slug::parse("harbour").unwrap(),
            name: "Harbour".into(),
            description: String::new(),
            article_count: 2,
        };
        let json = parse(&collection_page(&site(), &tag));
        assert_eq!(json["@type"], "CollectionPage");
        assert_eq!(json["url"], "https://herald.example/tag/harbour/");
        assert_eq!(json["isPartOf"]["@type"], "WebSite");
        assert!(
            json.get("description").is_none(),
            "an empty description is left out"
        );
    }
}
