use crate::model::{Direction, Image, Site};
use leptos::prelude::*;
use leptos_meta::{Html, Link, Meta, Title};

/// Everything a page puts in `<head>`: title, description, canonical URL, OpenGraph and
/// Twitter card tags, and the document's language and direction.
#[component]
pub fn PageMeta(
    /// The site, for the title suffix, canonical base URL and default language.
    site: Site,
    /// The page's own title; `None` on the home page, which is titled by the site.
    #[prop(default = None)]
    title: Option<String>,
    /// Plain-text summary for search results and link previews.
    #[prop(into)]
    description: String,
    /// The page's path within the site, such as `/tag/harbour/`.
    #[prop(into)]
    path: String,
    /// OpenGraph type: `website`, `article` or `profile`.
    #[prop(default = "website")]
    og_type: &'static str,
    /// Picture for link previews.
    #[prop(default = None)]
    image: Option<Image>,
    /// Language of the page when it differs from the site's.
    #[prop(default = None)]
    language: Option<String>,
    /// Direction of the page when it differs from the site's.
    #[prop(default = None)]
    direction: Option<Direction>,
) -> impl IntoView {
    let full_title = match &title {
        Some(title) => format!("{title} – {}", site.title),
        None => match site.tagline.is_empty() {
            true => site.title.clone(),
            false => format!("{} – {}", site.title, site.tagline),
        },
    };
    let og_title = title.unwrap_or_else(|| site.title.clone());
    let canonical = site.canonical(&path);
    let language = language.unwrap_or_else(|| site.language.clone());
    let direction = direction.unwrap_or(site.direction).as_str();
    let twitter_card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    view! {
        <Html {..} lang=language dir=direction/>
        <Title text=full_title/>
        <Meta name="description" content=description.clone()/>
        <Link rel="canonical" href=canonical.clone()/>
        <Meta property="og:site_name" content=site.title.clone()/>
        <Meta property="og:title" content=og_title.clone()/>
        <Meta property="og:description" content=description.clone()/>
        <Meta property="og:type" content=og_type/>
        <Meta property="og:url" content=canonical/>
        <Meta name="twitter:card" content=twitter_card/>
        <Meta name="twitter:title" content=og_title/>
        <Meta name="twitter:description" content=description/>
        {image.map(|image| {
            view! {
                <Meta property="og:image" content=image.url.clone()/>
                <Meta property="og:image:width" content=image.width.to_string()/>
                <Meta property="og:image:height" content=image.height.to_string()/>
                <Meta property="og:image:alt" content=image.alt.clone()/>
                <Meta name="twitter:image" content=image.url/>
            }
        })}
    }
}
