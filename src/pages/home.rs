use crate::components::{ArticleList, PageMeta};
use crate::model::{Listing, Site};
use leptos::prelude::*;

/// `/` and `/page/N/`: the latest articles.
#[component]
pub fn HomeView(site: Site, listing: Listing) -> impl IntoView {
    let page = listing.page;
    let (title, path) = match page {
        1 => (None, "/".to_owned()),
        n => (Some(format!("Page {n}")), format!("/page/{n}/")),
    };
    let heading = match page {
        1 => "Latest news".to_owned(),
        n => format!("Latest news, page {n}"),
    };
    view! {
        <PageMeta site=site.clone() title=title description=site.tagline.clone() path/>
        <h1 class="page-heading">{heading}</h1>
        <ArticleList listing first_page_path="/" language=site.language/>
    }
}
