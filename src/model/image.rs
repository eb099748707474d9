/// A picture with the size it is laid out at, so the page can reserve its room before it loads.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// Absolute URL.
    pub url: String,
    pub width: u32,
    pub height: u32,
    /// Text alternative; empty for a decorative image.
    pub alt: String,
    pub caption: Option<String>,
}
