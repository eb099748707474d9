use super::OwnedListing;
use crate::components::AuthorCard;
use crate::model::{structured_data, AuthorPage, Route, Site};
use leptos::prelude::*;

/// `/author/<slug>/` and its pages: the author card, then the author's articles.
#[component]
pub fn AuthorView(site: Site, author_page: AuthorPage) -> impl IntoView {
    let AuthorPage { author, listing } = author_page;
    let person = structured_data::person(&site, &author);
    let name = author.name.clone();
    view! {
        <OwnedListing site first=Route::author(&author.slug) listing name=name.clone()
            text=author.bio.clone() otherwise=format!("Articles by {name}") structured_data=person
            og_type="profile" image=author.avatar.clone()>
            <h1 class="page-heading">"Articles by " {name}</h1>
            <AuthorCard author link_to_page=false/>
        </OwnedListing>
    }
}
