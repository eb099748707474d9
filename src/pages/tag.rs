use super::OwnedListing;
use crate::format::article_count;
use crate::model::{structured_data, Route, Site, TagPage};
use leptos::prelude::*;

/// `/tag/<slug>/` and its pages: the tag's name, description and count, then its articles.
#[component]
pub fn TagView(site: Site, tag_page: TagPage) -> impl IntoView {
    let TagPage { tag, listing } = tag_page;
    let collection = structured_data::collection_page(&site, &tag);
    view! {
        <OwnedListing site first=Route::tag(&tag.slug) listing name=tag.name.clone()
            text=tag.description.clone() otherwise=format!("Articles tagged {}", tag.name)
            structured_data=collection>
            <header class="listing-header">
                <p class="kicker">"Tag"</p>
                <h1 class="page-heading">{tag.name}</h1>
                {(!tag.description.is_empty()).then(|| view! { <p class="description">{tag.description}</p> })}
                <p class="count">{article_count(tag.article_count)}</p>
            </header>
        </OwnedListing>
    }
}
