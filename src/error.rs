//! The one error type every data source returns, so that pages can tell a reader
//! "not found" from "the server is unreachable" from "the data is damaged".

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
