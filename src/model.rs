//! The domain: what a news site is made of, independent of where the data comes from.
//! Every data source maps its own wire format into these types.

mod article;
mod comment;
mod comment_form;
mod front_page;
mod image;
mod listing;
mod people;
mod route;
mod site;
mod slug;
pub mod structured_data;
mod ticker;
mod time;
mod url;

pub use article::{Article, ArticleCard, Dated};
pub use comment::{thread, Comment, ThreadNode, MAX_THREAD_DEPTH};
#[cfg(test)]
pub(crate) use comment_form::draft;
pub use comment_form::{
    details_key, draft_key, held_key, is_email, CommentDraft, Field, HeldComment, Problem,
};
pub use front_page::{FrontPage, SectionRow, SECTION_STORIES};
pub use image::Image;
pub use listing::{page_links, Listing, PageLink, SearchResults};
pub use people::{Author, AuthorLink, AuthorPage, Taxonomy, Term, TermLink, TermPage};
pub use route::Route;
pub use site::{order_sections, Direction, Site};
pub use slug::Slug;
pub use ticker::{
    query_pairs, Headline, HeadlineLink, TickerDirection, TickerSettings, TickerTheme,
};
pub use time::Timestamp;
pub use url::{is_http_url, resolve_url};
