//! One module per route. [`RoutePage`] asks the data source for the route's typed data and
//! renders the `Result`: a skeleton while loading, the route's view when it arrives, an error
//! view otherwise.

mod article;
mod author;
mod config_error;
mod embed_ticker;
mod home;
mod not_found;
mod route_page;
mod tag;

pub use config_error::ConfigErrorPage;
pub use embed_ticker::{is_ticker_embed, TickerEmbedPage};
pub use not_found::NotFoundPage;
pub use route_page::RoutePage;

use crate::format::{description_or, listing_page_title};
use crate::model::Route;

/// What a listing page (of a tag, of an author: `first` is its first page) says of itself at
/// page `page`: its route, its title from `name`, and its description, `text` or `otherwise`.
fn listing_meta(
    first: Route,
    page: u32,
    name: &str,
    text: &str,
    otherwise: impl FnOnce() -> String,
) -> (Route, String, String) {
    (
        first.with_page(page),
        listing_page_title(name, page),
        description_or(text, otherwise),
    )
}
