use crate::components::{ArticleList, PageMeta};
use crate::format::listing_page_title;
use crate::model::{Listing, Route, Site};
use leptos::prelude::*;

/// `/` and `/page/N/`: the latest articles.
#[component]
pub fn HomeView(site: Site, listing: Listing) -> impl IntoView {
    let page = listing.page;
    let route = Route::Home { page };
    let path = route.path();
    let title = (page > 1).then(|| format!("Page {page}"));
    let heading = listing_page_title("Latest news", page);
    view! {
        <PageMeta site=site.clone() title=title description=site.tagline.clone() path/>
        <h1 class="page-heading">{heading}</h1>
        <ArticleList listing route language=site.language/>
    }
}
