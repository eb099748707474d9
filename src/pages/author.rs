use super::OwnedListing;
use crate::components::AuthorCard;
use crate::i18n::use_strings;
use crate::model::{structured_data, AuthorPage, Route, Site};
use leptos::prelude::*;

/// `/author/<slug>/` and its pages: the author card, then the author's articles.
#[component]
pub fn AuthorView(site: Site, author_page: AuthorPage) -> impl IntoView {
    let AuthorPage { author, listing } = author_page;
    let person = structured_data::person(&site, &author);
    let strings = use_strings();
    let heading = strings.fill(&strings.articles_by, &[("name", &author.name)]);
    view! {
        <OwnedListing site first=Route::author(&author.slug) listing name=author.name.clone()
            text=author.bio.clone() otherwise=heading.clone() structured_data=person
            og_type="profile" image=author.avatar.clone()>
            <h1 class="page-heading">{heading}</h1>
            <AuthorCard author link_to_page=false/>
        </OwnedListing>
    }
}
