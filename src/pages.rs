//! One module per route. [`RoutePage`] asks the data source for the route's typed data and
//! renders the `Result`: a skeleton while loading, the route's view when it arrives, an error
//! view otherwise.

pub mod article;
mod author;
mod config_error;
mod embed_ticker;
mod home;
mod not_found;
mod route_page;
mod search;
mod term;

pub use config_error::ConfigErrorPage;
pub use embed_ticker::TickerEmbedPage;
pub use not_found::NotFoundPage;
pub use route_page::RoutePage;

use crate::components::{ArticleList, PageMeta};
use crate::format::{description_or, listing_feed_title};
use crate::i18n::use_strings;
use crate::model::{Image, Listing, Route, Site};
use leptos::prelude::*;

/// A page of a tag's or an author's listing: its metadata (its title from `name`, its
/// description), what heads it (`children`), then its articles and the pagination.
#[component]
fn OwnedListing(
    site: Site,
    /// The listing's first page.
    first: Route,
    /// The page shown.
    listing: Listing,
    /// Whose listing it is.
    name: String,
    /// The description, where the tag or author has one of their own.
    text: String,
    /// The description otherwise.
    otherwise: String,
    /// schema.org JSON-LD for the tag or author.
    structured_data: String,
    /// OpenGraph type.
    #[prop(default = "website")]
    og_type: &'static str,
    /// Picture for link previews.
    #[prop(default = None)]
    image: Option<Image>,
    children: Children,
) -> impl IntoView {
    let route = first.with_page(listing.page);
    let feed = first
        .feed_path()
        .map(|path| (listing_feed_title(&name, &site.title), path));
    view! {
        <PageMeta
            site=site.clone()
            title=Some(use_strings().page_title(&name, listing.page))
            description=description_or(&text, || otherwise)
            path=route.path()
            og_type
            image
            structured_data=Some(structured_data)
            feed
        />
        {children()}
        <ArticleList listing route/>
    }
}
