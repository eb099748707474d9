use crate::components::{ArticleList, PageMeta};
use crate::format::article_count;
use crate::model::{structured_data, Route, Site, TagPage};
use leptos::prelude::*;

/// `/tag/<slug>/` and its pages: the tag's name, description and count, then its articles.
#[component]
pub fn TagView(site: Site, tag_page: TagPage) -> impl IntoView {
    let TagPage { tag, listing } = tag_page;
    let (route, title, description) = super::listing_meta(
        Route::tag(&tag.slug),
        listing.page,
        &tag.name,
        &tag.description,
        || format!("Articles tagged {}", tag.name),
    );
    view! {
        <PageMeta
            site=site.clone()
            title=Some(title)
            description
            path=route.path()
            structured_data=Some(structured_data::collection_page(&site, &tag))
        />
        <header class="listing-header">
            <p class="kicker">"Tag"</p>
            <h1 class="page-heading">{tag.name}</h1>
            {(!tag.description.is_empty()).then(|| view! { <p class="description">{tag.description}</p> })}
            <p class="count">{article_count(tag.article_count)}</p>
        </header>
        <ArticleList listing route language=site.language/>
    }
}
