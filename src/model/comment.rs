use super::{Image, Timestamp};
use crate::sanitize::SanitizedHtml;

/// An approved reader comment. `parent` is 0 for a top-level comment.
#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    pub id: u64,
    pub parent: u64,
    pub author_name: String,
    pub author_url: Option<String>,
    pub avatar: Option<Image>,
    pub date: Timestamp,
    pub content: SanitizedHtml,
}
