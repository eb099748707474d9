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
