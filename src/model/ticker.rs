use super::Slug;

/// Where a ticker headline leads.
#[derive(Debug, Clone, PartialEq)]
pub enum HeadlineLink {
    Article(Slug),
    /// An absolute `http:` or `https:` URL elsewhere.
    External(String),
}

/// One headline of the news ticker.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    pub title: String,
    pub link: HeadlineLink,
}
