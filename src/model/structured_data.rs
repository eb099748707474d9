//! schema.org JSON-LD, which search engines read for rich results: `NewsArticle` on articles,
//! `Person` on author pages, `CollectionPage` on tag pages.

use super::{Article, Author, Image, Site, Tag};
use crate::json::string_literal;

/// The JSON-LD of an article.
pub fn news_article(site: &Site, article: &Article) -> String {
    let url = site.canonical(&article.path());
    let modified = article.updated().unwrap_or(&article.published);
    let mut fields = vec![
        ("@context", text("https://schema.org")),
        ("@type", text("NewsArticle")),
        ("headline", text(&article.title)),
        ("description", text(&article.excerpt)),
        ("datePublished", text(article.published.as_str())),
        ("dateModified", text(modified.as_str())),
        ("url", text(&url)),
        ("mainEntityOfPage", text(&url)),
        ("author", person_fields(site, &article.author, false)),
        (
            "publisher",
            object(&[
                ("@type", text("Organization")),
                ("name", text(&site.title)),
                ("url", text(&site.canonical("/"))),
            ]),
        ),
        (
            "inLanguage",
            text(article.language.as_ref().unwrap_or(&site.language)),
        ),
    ];
    if let Some(image) = &article.image {
        fields.push(("image", image_object(image)));
    }
    if !article.tags.is_empty() {
        let names: Vec<_> = article.tags.iter().map(|tag| text(&tag.name)).collect();
        fields.push(("keywords", format!("[{}]", names.join(","))));
    }
    script_safe(object(&fields))
}

/// The JSON-LD of an author's page.
pub fn person(site: &Site, author: &Author) -> String {
    script_safe(person_fields(site, author, true))
}

/// The JSON-LD of a tag's page.
pub fn collection_page(site: &Site, tag: &Tag) -> String {
    let mut fields = vec![
        ("@context", text("https://schema.org")),
        ("@type", text("CollectionPage")),
        ("name", text(&tag.name)),
        ("url", text(&site.canonical(&tag.path()))),
        (
            "isPartOf",
            object(&[
                ("@type", text("WebSite")),
                ("name", text(&site.title)),
                ("url", text(&site.canonical("/"))),
            ]),
        ),
    ];
    if !tag.description.is_empty() {
        fields.push(("description", text(&tag.description)));
    }
    script_safe(object(&fields))
}

fn person_fields(site: &Site, author: &Author, top_level: bool) -> String {
    let mut fields = Vec::new();
    if top_level {
        fields.push(("@context", text("https://schema.org")));
    }
    fields.extend([
        ("@type", text("Person")),
        ("name", text(&author.name)),
        ("url", text(&site.canonical(&author.path()))),
    ]);
    if top_level {
        if !author.bio.is_empty() {
            fields.push(("description", text(&author.bio)));
        }
        if let Some(avatar) = &author.avatar {
            fields.push(("image", text(&avatar.url)));
        }
    }
    object(&fields)
}

fn image_object(image: &Image) -> String {
    object(&[
        ("@type", text("ImageObject")),
        ("url", text(&image.url)),
        ("width", image.width.to_string()),
        ("height", image.height.to_string()),
    ])
}

fn text(value: &str) -> String {
    string_literal(value)
}

/// An object from keys and their values, already JSON.
fn object(fields: &[(&str, String)]) -> String {
    let members: Vec<_> = fields
        .iter()
        .map(|(key, value)| format!("{}:{value}", text(key)))
        .collect();
    format!("{{{}}}", members.join(","))
}

/// JSON that cannot end the `<script>` element it sits in when the page is written as HTML.
fn script_safe(json: String) -> String {
    json.replace("</", "<\\/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{parse, Json};
    use crate::model::{Direction, Slug, TagLink, Timestamp};
    use crate::sanitize::sanitize_html;

    fn site() -> Site {
        Site {
            title: "The Herald".into(),
            tagline: String::new(),
            language: "en-GB".into(),
            direction: Direction::Ltr,
            base_url: "https://herald.example/".into(),
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

    fn field<'a>(json: &'a Json, path: &[&str]) -> &'a Json {
        path.iter().fold(json, |json, key| match json {
            Json::Object(fields) => &fields.iter().find(|(name, _)| name == key).unwrap().1,
            other => panic!("{other:?} has no {key}"),
        })
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
            tags: vec![TagLink {
                slug: Slug::parse("harbour").unwrap(),
                name: "Harbour".into(),
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
        let json = parse(&text).unwrap();
        let string = |path: &[&str]| match field(&json, path) {
            Json::String(text) => text.clone(),
            other => panic!("{other:?}"),
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
        assert_eq!(string(&["image", "url"]), "https://herald.example/f.jpg");
        assert_eq!(field(&json, &["image", "width"]), &Json::Number(1200.0));
        assert_eq!(string(&["inLanguage"]), "en-GB");
    }

    #[test]
    fn authors_are_people_and_tags_collections() {
        let json = parse(&person(&site(), &author())).unwrap();
        assert_eq!(field(&json, &["@type"]), &Json::String("Person".into()));
        assert_eq!(
            field(&json, &["description"]),
            &Json::String("Harbour reporter.".into())
        );
        let tag = Tag {
            slug: Slug::parse("harbour").unwrap(),
            name: "Harbour".into(),
            description: String::new(),
            article_count: 2,
        };
        let json = parse(&collection_page(&site(), &tag)).unwrap();
        assert_eq!(
            field(&json, &["@type"]),
            &Json::String("CollectionPage".into())
        );
        assert_eq!(
            field(&json, &["url"]),
            &Json::String("https://herald.example/tag/harbour/".into())
        );
    }
}
