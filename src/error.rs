//! The one error type every data source returns, so that pages can tell a reader
//! "not found" from "the server is unreachable" from "the data is damaged".

use crate::model::Field;
use thiserror::Error;

/// Why a piece of content could not be shown.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DataError {
    /// The thing asked for does not exist (HTTP 404/410, an unknown slug, a page past the end).
    #[error("{what} was not found")]
    NotFound { what: String },
    /// The request never got an answer: offline, DNS, refused connection, or blocked by CORS.
    #[error("the news server could not be reached ({detail})")]
    Network { detail: String },
    /// The server did not answer within the configured time.
    #[error("the news server did not answer within {after_ms} ms")]
    Timeout { after_ms: u32 },
    /// The server answered with an error status other than "not found".
    #[error("the news server answered with HTTP {status} for {what}")]
    Server { status: u16, what: String },
    /// The server answered, but not with data in the documented format.
    #[error("the data for {what} is damaged: {detail}")]
    BadData { what: String, detail: String },
}

impl DataError {
    pub fn not_found(what: impl Into<String>) -> Self {
        Self::NotFound { what: what.into() }
    }

    pub fn bad_data(what: impl Into<String>, detail: impl Into<String>) -> Self {
        Self::BadData {
            what: what.into(),
            detail: detail.into(),
        }
    }
}

/// Why a comment was not accepted. Each has its own message for the reader; in every case the
/// draft is kept.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CommentError {
    /// The site refused a field (or the comment as a whole, when `field` is `None`).
    #[error("{message}")]
    Invalid {
        field: Option<Field>,
        message: String,
    },
    /// The same comment was sent before.
    #[error("It looks as though you’ve already said that: this comment has been posted before.")]
    Duplicate,
    /// WordPress's flood check: comments from one address must be a little apart.
    #[error(
        "You are posting comments too quickly. Please wait a few seconds, then send it again."
    )]
    TooFast,
    #[error("This site only accepts comments from readers who are logged in to it.")]
    LoginRequired,
    #[error("Comments are closed on this article.")]
    Closed,
    /// Nothing useful came back: the reader can try again with the same draft.
    #[error("{0}")]
    Failed(DataError),
}
