use crate::model::{Image, Route, Site};
use leptos::prelude::*;
use leptos_meta::{Html, Link, Meta, Script, Title};

/// Everything a page puts in `<head>`: title, description, canonical URL, OpenGraph and
/// Twitter card tags, schema.org JSON-LD, and the document's language and direction.
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
    /// schema.org JSON-LD describing the page (`model::structured_data`).
    #[prop(default = None)]
    structured_data: Option<String>,
    /// The page's own RSS feed beside the site's, as (its title, its path): a tag's.
    #[prop(default = None)]
    feed: Option<(String, String)>,
    /// Kept out of search engines' results, as WordPress keeps its search pages.
    #[prop(default = false)]
    noindex: bool,
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
    // The interface's language: an article in another says so on its own element.
    let language = site.language.clone();
    let direction = site.direction.as_str();
    let twitter_card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    // (is OpenGraph `property`, key, content): one list rendered by one <Meta>, rather than a
    // distinct view type for every tag.
    let mut tags: Vec<(bool, &'static str, String)> = vec![
        (false, "description", description.clone()),
        (true, "og:site_name", site.title.clone()),
        (true, "og:title", og_title.clone()),
        (true, "og:description", description.clone()),
        (true, "og:type", og_type.to_owned()),
        (true, "og:url", canonical.clone()),
        (false, "twitter:card", twitter_card.to_owned()),
        (false, "twitter:title", og_title),
        (false, "twitter:description", description),
    ];
    if noindex {
        tags.push((false, "robots", "noindex".to_owned()));
    }
    if let Some(image) = image {
        tags.extend([
            (true, "og:image", image.url.clone()),
            (true, "og:image:width", image.width.to_string()),
            (true, "og:image:height", image.height.to_string()),
            (true, "og:image:alt", image.alt),
            (false, "twitter:image", image.url),
        ]);
    }
    let tags = tags
        .into_iter()
        .map(|(is_property, key, content)| match is_property {
            true => view! { <Meta property=key content/> },
            false => view! { <Meta name=key content/> },
        })
        .collect_view();
    // Feed readers and browsers find the feeds by these, as on a WordPress page.
    let site_feed = site.canonical(&Route::HOME.feed_path().unwrap_or_default());
    let json_feed = site.canonical(Route::JSON_FEED_PATH);
    let own_feed = feed.map(|(title, path)| {
        view! { <Link rel="alternate" type_="application/rss+xml" title href=site.canonical(&path)/> }
    });
    let head = view! {
        <Html {..} lang=language dir=direction/>
        <Title text=full_title/>
        <Link rel="canonical" href=canonical/>
        <Link rel="alternate" type_="application/rss+xml" title=site.title.clone() href=site_feed/>
        <Link rel="alternate" type_="application/feed+json" title=site.title.clone() href=json_feed/>
        {own_feed}
        {tags}
        {structured_data.map(|json| view! { <Script type_="application/ld+json">{json}</Script> })}
    };
    #[cfg(feature = "ssr")]
    return prerendering::HeadOnly(head.into_any()).into_any();
    #[cfg(not(feature = "ssr"))]
    head.into_any()
}

/// Prerendering, the head's tags go to the page's `<head>` and leave in the body only what `()`
/// leaves: no markers of their own.
#[cfg(feature = "ssr")]
mod prerendering {
    use leptos::prelude::*;
    use leptos::tachys::html::attribute::{any_attribute::AnyAttribute, Attribute};
    use leptos::tachys::hydration::Cursor;
    use leptos::tachys::view::{add_attr::AddAnyAttr, Position, PositionState, Render};

    pub struct HeadOnly(pub AnyView);

    impl Render for HeadOnly {
        type State = <() as Render>::State;

        fn build(self) -> Self::State {
            Render::build(())
        }

        fn rebuild(self, _state: &mut Self::State) {}
    }

    impl AddAnyAttr for HeadOnly {
        type Output<SomeNewAttr: Attribute> = Self;

        fn add_any_attr<NewAttr: Attribute>(self, _attr: NewAttr) -> Self::Output<NewAttr> {
            self
        }
    }

    impl RenderHtml for HeadOnly {
        type AsyncOutput = Self;
        type Owned = Self;

        const MIN_LENGTH: usize = <() as RenderHtml>::MIN_LENGTH;
        const EXISTS: bool = <() as RenderHtml>::EXISTS;

        fn dry_resolve(&mut self) {}

        async fn resolve(self) -> Self::AsyncOutput {
            self
        }

        fn to_html_with_buf(
            self,
            buf: &mut String,
            position: &mut Position,
            escape: bool,
            mark_branches: bool,
            extra_attrs: Vec<AnyAttribute>,
        ) {
            // leptos_meta's tags send themselves to the page's <head> as they are drawn.
            let _ = self.0.to_html();
            RenderHtml::to_html_with_buf((), buf, position, escape, mark_branches, extra_attrs);
        }

        fn hydrate<const FROM_SERVER: bool>(
            self,
            cursor: &Cursor,
            position: &PositionState,
        ) -> Self::State {
            RenderHtml::hydrate::<FROM_SERVER>((), cursor, position)
        }

        fn into_owned(self) -> Self::Owned {
            self
        }
    }
}

/// Removes a prerendered page's head tags, when the full app takes the page over (its
/// `config.json` changed since the build): the app's pages write their own.
#[cfg(target_arch = "wasm32")]
pub fn discard_prerendered_head() {
    /// Every kind of tag that [`PageMeta`] puts in `<head>`.
    const SELECTOR: &str =
        "meta[name=description], meta[property^='og:'], meta[name^='twitter:'], \
         link[rel=canonical], script[type='application/ld+json']";
    let Some(tags) = document()
        .head()
        .and_then(|head| head.query_selector_all(SELECTOR).ok())
    else {
        return;
    };
    for index in 0..tags.length() {
        if let Some(tag) = tags.item(index) {
            if let Some(parent) = tag.parent_node() {
                let _ = parent.remove_child(&tag);
            }
        }
    }
}
