use crate::components::{ArticleList, AuthorCard, PageMeta};
use crate::model::{structured_data, AuthorPage, Route, Site};
use leptos::prelude::*;

/// `/author/<slug>/` and its pages: the author card, then the author's articles.
#[component]
pub fn AuthorView(site: Site, author_page: AuthorPage) -> impl IntoView {
    let AuthorPage { author, listing } = author_page;
    let (route, title, description) = super::listing_meta(
        Route::author(&author.slug),
        listing.page,
        &author.name,
        &author.bio,
        || format!("Articles by {}", author.name),
    );
    view! {
        <PageMeta
            site=site.clone()
            title=Some(title)
            description
            path=route.path()
            og_type="profile"
            image=author.avatar.clone()
            structured_data=Some(structured_data::person(&site, &author))
        />
        <h1 class="page-heading">"Articles by " {author.name.clone()}</h1>
        <AuthorCard author link_to_page=false/>
        <ArticleList listing route language=site.language/>
    }
}
