//! One module per route. Each page asks the data source for typed values and renders the
//! `Result`: a skeleton while loading, the page when it arrives, an error view otherwise.

mod article;
mod author;
mod config_error;
mod home;
mod not_found;
mod params;
mod tag;

pub use article::ArticlePage;
pub use author::AuthorPage;
pub use config_error::ConfigErrorPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use tag::TagPage;
