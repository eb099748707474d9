//! Slugs name files and URL segments, so they are checked before they are used in either.

use std::fmt;

/// A validated slug: 1 to 200 letters (any script), digits, `-` and `_`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct Slug(String);

impl TryFrom<String> for Slug {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        Self::parse(&text)
    }
}

impl Slug {
    pub const MAX_CHARS: usize = 200;

    pub fn parse(text: &str) -> Result<Self, String> {
        let count = text.chars().count();
        if count == 0 || count > Self::MAX_CHARS {
            return Err(format!(
                "{text:?} is not a slug: it must have 1 to {} characters",
                Self::MAX_CHARS
            ));
        }
        if let Some(bad) = text
            .chars()
            .find(|c| !(c.is_alphanumeric() || *c == '-' || *c == '_'))
        {
            return Err(format!(
                "{text:?} is not a slug: {bad:?} is not a letter, digit, '-' or '_'"
            ));
        }
        Ok(Self(text.to_owned()))
    }

    /// A slug as it appears in URLs and as WordPress stores it: non-ASCII letters
    /// percent-encoded as UTF-8 (`%d8%b3%d9%88%d9%82`).
    pub fn from_path_segment(segment: &str) -> Result<Self, String> {
        let text = percent_encoding::percent_decode_str(segment)
            .decode_utf8()
            .map_err(|_| format!("{segment:?} is not a slug: it is not UTF-8 once decoded"))?;
        Self::parse(&text)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The slug as one URL path segment: non-ASCII letters percent-encoded as UTF-8.
    pub fn path_segment(&self) -> String {
        /// What a slug keeps as it is: ASCII letters, digits, `-` and `_`.
        const ESCAPED: &percent_encoding::AsciiSet =
            &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'_');
        percent_encoding::utf8_percent_encode(&self.0, ESCAPED).to_string()
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_words_in_any_script() {
        assert_eq!(
            Slug::parse("ferry-timetable_2026").unwrap().as_str(),
            "ferry-timetable_2026"
        );
        assert_eq!(
            Slug::parse("سوق-السمك").unwrap().path_segment(),
            "%D8%B3%D9%88%D9%82-%D8%A7%D9%84%D8%B3%D9%85%D9%83"
        );
    }

    #[test]
    fn decodes_percent_encoded_segments() {
        let slug = Slug::from_path_segment("%d8%b3%d9%88%d9%82-2").unwrap();
        assert_eq!(slug.as_str(), "سوق-2");
        assert_eq!(Slug::from_path_segment("plain").unwrap().as_str(), "plain");
        for bad in ["%2e%2e", "a%2fb", "%ff", "%", "a%2"] {
            assert!(Slug::from_path_segment(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn rejects_anything_that_could_leave_its_folder() {
        for text in [
            "",
            "..",
            "a/b",
            "a\\b",
            "a.json",
            "a b",
            "%2e%2e",
            "a?b",
            "a#b",
            &"x".repeat(201),
        ] {
            assert!(Slug::parse(text).is_err(), "{text:?} should be rejected");
        }
    }
}
