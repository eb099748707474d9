use super::{Author, AuthorLink, Direction, Image, Route, Slug, TermLink, Timestamp};
use crate::sanitize::SanitizedHtml;

/// What a listing shows of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleCard {
    pub slug: Slug,
    pub title: String,
    pub excerpt: String,
    pub published: Timestamp,
    pub modified: Option<Timestamp>,
    pub author: AuthorLink,
    pub tags: Vec<TermLink>,
    /// The sections it is filed in, the main one first.
    pub sections: Vec<TermLink>,
    pub image: Option<Image>,
}

impl ArticleCard {
    pub fn path(&self) -> String {
        article_path(&self.slug)
    }

    /// Its tags and sections: every listing it is on besides the home page and its author's.
    pub fn terms(&self) -> impl Iterator<Item = &TermLink> {
        self.tags.iter().chain(&self.sections)
    }
}

impl Dated for ArticleCard {
    fn dates(&self) -> (&Timestamp, Option<&Timestamp>) {
        (&self.published, self.modified.as_ref())
    }
}

/// A whole article, ready to render: the body is already sanitized.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub slug: Slug,
    pub title: String,
    pub excerpt: String,
    pub body: SanitizedHtml,
    pub published: Timestamp,
    pub modified: Option<Timestamp>,
    pub author: Author,
    pub tags: Vec<TermLink>,
    /// The sections it is filed in, the main one first, which the article shows above its
    /// headline.
    pub sections: Vec<TermLink>,
    pub image: Option<Image>,
    /// Set when the article's language differs from the site's.
    pub language: Option<String>,
    pub direction: Option<Direction>,
}

impl Article {
    pub fn path(&self) -> String {
        article_path(&self.slug)
    }

    /// Minutes a reader takes over the body ([`reading_minutes`]).
    pub fn reading_minutes(&self) -> u32 {
        reading_minutes(&crate::sanitize::html_to_text(self.body.as_str()))
    }
}

/// Words a minute an adult reads silently, on average across languages written with spaces
/// between words (Brysbaert 2019: 238 for non-fiction).
const WORDS_PER_MINUTE: f64 = 238.0;

/// Characters a minute in scripts written without spaces (Chinese, Japanese, Thai...), where a
/// word is not a run of letters between spaces.
const CHARACTERS_PER_MINUTE: f64 = 500.0;

/// The minutes reading `text` takes, rounded up, at least one.
pub fn reading_minutes(text: &str) -> u32 {
    let unspaced = |character: char| {
        matches!(character,
            '\u{3040}'..='\u{30ff}' // Hiragana, Katakana
            | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' // Han
            | '\u{0e00}'..='\u{0e7f}' // Thai
            | '\u{0e80}'..='\u{0eff}' // Lao
            | '\u{1000}'..='\u{109f}' // Myanmar
            | '\u{1780}'..='\u{17ff}' // Khmer
        )
    };
    let characters = text
        .chars()
        .filter(|character| unspaced(*character))
        .count();
    let words = text
        .split(|character: char| character.is_whitespace() || unspaced(character))
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count();
    let minutes = words as f64 / WORDS_PER_MINUTE + characters as f64 / CHARACTERS_PER_MINUTE;
    (minutes.ceil() as u32).max(1)
}

impl Dated for Article {
    fn dates(&self) -> (&Timestamp, Option<&Timestamp>) {
        (&self.published, self.modified.as_ref())
    }
}

/// An article's publication and modification times, and what the site makes of them.
pub trait Dated {
    /// Published, and modified if the source says so.
    fn dates(&self) -> (&Timestamp, Option<&Timestamp>);

    /// The modification time, when it is later than publication and so worth an "Updated" line.
    fn updated(&self) -> Option<&Timestamp> {
        let (published, modified) = self.dates();
        updated_after(published, modified)
    }

    /// When the article last changed: its modification, if later than publication.
    fn last_change(&self) -> &Timestamp {
        self.updated().unwrap_or(self.dates().0)
    }
}

pub(crate) fn updated_after<'a>(
    published: &Timestamp,
    modified: Option<&'a Timestamp>,
) -> Option<&'a Timestamp> {
    modified.filter(|modified| *modified > published)
}

fn article_path(slug: &Slug) -> String {
    Route::Article(slug.clone()).path()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_takes_a_minute_per_238_words_rounded_up_and_never_none() {
        assert_eq!(reading_minutes(""), 1);
        assert_eq!(reading_minutes(&"word ".repeat(238)), 1);
        assert_eq!(reading_minutes(&"word ".repeat(239)), 2);
        // Punctuation between spaces is not a word.
        assert_eq!(reading_minutes(&"word — ".repeat(238)), 1);
        assert_eq!(reading_minutes(&"كلمة ".repeat(1000)), 5);
    }

    #[test]
    fn scripts_without_spaces_are_read_by_the_character() {
        assert_eq!(reading_minutes(&"港口".repeat(500)), 2);
        assert_eq!(reading_minutes(&"ข่าว".repeat(250)), 2);
    }

    #[test]
    fn updated_only_when_modified_later() {
        let published = Timestamp::parse("2026-11-03T08:30:00Z").unwrap();
        let same = Timestamp::parse("2026-11-03T09:30:00+01:00").unwrap();
        let later = Timestamp::parse("2026-11-04T08:30:00Z").unwrap();
        assert_eq!(updated_after(&published, Some(&same)), None);
        assert_eq!(updated_after(&published, Some(&later)), Some(&later));
        assert_eq!(updated_after(&published, None), None);
    }
}
