//! Pieces shared by several pages. Page-only pieces live beside their page in `pages/`.

mod article_list;
mod author_card;
mod date_time;
mod error_view;
mod newer_notice;
mod page_meta;
mod pagination;
mod progress_bar;
mod search_form;
mod site_chrome;
mod skeleton;
mod tag_list;
mod ticker;

pub use article_list::{ArticleList, ArticleSummary};
pub use author_card::AuthorCard;
pub use date_time::DateTime;
pub use error_view::{ErrorView, NotFound};
pub use newer_notice::NewerNotice;
#[cfg(target_arch = "wasm32")]
pub use page_meta::discard_prerendered_head;
pub use page_meta::PageMeta;
pub use pagination::Pagination;
pub use progress_bar::ProgressBar;
pub use search_form::SearchForm;
pub use site_chrome::{SiteFooter, SiteHeader};
pub use skeleton::{ArticleSkeleton, ListingSkeleton};
pub use tag_list::TagList;
pub use ticker::{NewsTicker, TickerSource};
