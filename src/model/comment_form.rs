//! What a reader types into the comment form, checked as WordPress will check it, so that the
//! reader hears about a mistake before sending rather than after.

use super::{is_http_url, Slug, Timestamp};
use crate::json::null_as_default;
use serde::{Deserialize, Serialize};

/// A field of the comment form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Content,
    Name,
    Email,
    Website,
}

impl Field {
    pub const ALL: [Field; 4] = [Field::Content, Field::Name, Field::Email, Field::Website];

    /// The form control's `id`; also WordPress's name for the field in error answers.
    pub fn id(self) -> &'static str {
        match self {
            Self::Content => "comment",
            Self::Name => "author",
            Self::Email => "email",
            Self::Website => "url",
        }
    }

    pub fn required(self) -> bool {
        !matches!(self, Self::Website)
    }

    /// WordPress's column sizes, in bytes of UTF-8 (`wp_get_comment_column_max_length`).
    pub fn max_bytes(self) -> usize {
        match self {
            Self::Content => 65_525,
            Self::Name => 245,
            Self::Email => 100,
            Self::Website => 200,
        }
    }

    /// The field WordPress names in an error: its REST parameter or its form name.
    pub fn from_wordpress(name: &str) -> Option<Self> {
        match name {
            "content" | "comment" | "comment_content" => Some(Self::Content),
            "author_name" | "author" | "comment_author" => Some(Self::Name),
            "author_email" | "email" | "comment_author_email" => Some(Self::Email),
            "author_url" | "url" | "comment_author_url" => Some(Self::Website),
            _ => None,
        }
    }
}

/// The form's text, as typed; kept in the browser's storage as JSON, where a field left out
/// or null is empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CommentDraft {
    #[serde(deserialize_with = "null_as_default")]
    pub content: String,
    #[serde(deserialize_with = "null_as_default")]
    pub name: String,
    #[serde(deserialize_with = "null_as_default")]
    pub email: String,
    #[serde(deserialize_with = "null_as_default")]
    pub website: String,
}

impl CommentDraft {
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::Content => &self.content,
            Field::Name => &self.name,
            Field::Email => &self.email,
            Field::Website => &self.website,
        }
    }

    pub fn set(&mut self, field: Field, value: String) {
        match field {
            Field::Content => self.content = value,
            Field::Name => self.name = value,
            Field::Email => self.email = value,
            Field::Website => self.website = value,
        }
    }

    /// Every problem, one per field at most, in the order of the form.
    pub fn problems(&self) -> Vec<(Field, Problem)> {
        Field::ALL
            .into_iter()
            .filter_map(|field| {
                problem(field, self.get(field).trim()).map(|problem| (field, problem))
            })
            .collect()
    }

    /// The website as WordPress stores it: `http://` is added to an address without a scheme.
    pub fn website_url(&self) -> String {
        let website = self.website.trim();
        if website.is_empty() || website.contains("://") {
            website.to_owned()
        } else {
            format!("http://{website}")
        }
    }
}

/// What is wrong with what a field holds; the form phrases it in the site's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// A required field is empty.
    Missing,
    /// Longer than WordPress stores, in bytes of UTF-8.
    TooLong { bytes: usize, max: usize },
    /// Not an email address.
    NotEmail,
    /// Not an http(s) address.
    NotWebAddress,
}

fn problem(field: Field, value: &str) -> Option<Problem> {
    if value.is_empty() {
        return field.required().then_some(Problem::Missing);
    }
    let bytes = value.len();
    if bytes > field.max_bytes() {
        return Some(Problem::TooLong {
            bytes,
            max: field.max_bytes(),
        });
    }
    match field {
        Field::Email if !is_email(value) => Some(Problem::NotEmail),
        Field::Website
            if !is_http_url(
                &CommentDraft {
                    website: value.to_owned(),
                    ..CommentDraft::default()
                }
                .website_url(),
            ) =>
        {
            Some(Problem::NotWebAddress)
        }
        _ => None,
    }
}

/// WordPress's `is_email`: a local part of allowed characters, `@`, and a domain of at least two
/// labels of letters, digits and hyphens.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.rsplit_once('@') else {
        return false;
    };
    const LOCAL_EXTRA: &str = "!#$%&'*+/=?^_`{|}~.-";
    let local_ok = !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || LOCAL_EXTRA.contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && !domain.contains("..")
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    text.len() >= 6 && local_ok && domain_ok
}

/// A comment this reader sent that awaits moderation: shown to them alone, in place, until an
/// editor approves it (then it comes with the others) or not. Kept in the browser's storage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldComment {
    pub id: u64,
    pub parent: u64,
    pub author_name: String,
    pub date: Timestamp,
    /// What the reader typed, shown as text.
    pub text: String,
}

/// Where a draft is kept in the browser: one per article and per comment replied to, so that
/// starting a reply never overwrites a comment being written.
pub fn draft_key(site_url: &str, article: &Slug, parent: u64) -> String {
    format!("broadsheet:draft:{site_url}:{article}:{parent}")
}

/// Where the reader's name, email and website are kept when they opt in.
pub fn details_key(site_url: &str) -> String {
    format!("broadsheet:commenter:{site_url}")
}

/// Where the comments a reader sent that await moderation are kept, per article.
pub fn held_key(site_url: &str, article: &Slug) -> String {
    format!("broadsheet:held:{site_url}:{article}")
}

/// A draft of four texts, for the tests here and of the comment form's state.
#[cfg(test)]
pub(crate) fn draft(content: &str, name: &str, email: &str, website: &str) -> CommentDraft {
    CommentDraft {
        content: content.into(),
        name: name.into(),
        email: email.into(),
        website: website.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(problems: &[(Field, Problem)]) -> Vec<Field> {
        problems.iter().map(|(field, _)| *field).collect()
    }

    #[test]
    fn a_complete_draft_has_no_problems() {
        assert!(draft("Hello", "Gwen", "gwen@example.org", "")
            .problems()
            .is_empty());
        assert!(
            draft("Hello", "Gwen", "gwen@example.org", "gwen.example.org")
                .problems()
                .is_empty()
        );
    }

    #[test]
    fn required_fields_are_named_in_form_order() {
        let problems = draft(" ", "", "", "").problems();
        assert_eq!(
            fields(&problems),
            [Field::Content, Field::Name, Field::Email]
        );
        assert_eq!(problems[0].1, Problem::Missing);
        assert_eq!(problems[1].1, Problem::Missing);
    }

    #[test]
    fn lengths_are_counted_in_utf8_bytes_as_wordpress_counts_them() {
        let name_at_limit = "é".repeat(122) + "a"; // 245 bytes, 123 characters
        assert!(draft("x", &name_at_limit, "a@example.org", "")
            .problems()
            .is_empty());
        let name_over = "é".repeat(123); // 246 bytes
        let problems = draft("x", &name_over, "a@example.org", "").problems();
        assert_eq!(fields(&problems), [Field::Name]);
        assert_eq!(
            problems[0].1,
            Problem::TooLong {
                bytes: 246,
                max: 245
            }
        );
        let arabic = "س".repeat(32_763); // 65,526 bytes
        assert_eq!(
            fields(&draft(&arabic, "a", "a@example.org", "").problems()),
            [Field::Content]
        );
        assert!(draft(&"x".repeat(65_525), "a", "a@example.org", "")
            .problems()
            .is_empty());
        let long_site = format!("https://example.org/{}", "a".repeat(181));
        assert_eq!(
            fields(&draft("x", "a", "a@example.org", &long_site).problems()),
            [Field::Website]
        );
    }

    #[test]
    fn emails_as_wordpress_accepts_them() {
        for good in [
            "a@b.co",
            "gwen.tremayne+news@mail.example.org",
            "x_y@a-b.example",
        ] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "",
            "gwen",
            "gwen@",
            "@example.org",
            "gwen@localhost",
            "a b@example.org",
            "gwen@exa mple.org",
            "gwen@-x.org",
            "gwen@x..org",
            "a@b.c",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn websites_get_a_scheme_and_must_be_web_addresses() {
        assert_eq!(
            draft("", "", "", " gwen.example ").website_url(),
            "http://gwen.example"
        );
        assert_eq!(
            draft("", "", "", "https://gwen.example/").website_url(),
            "https://gwen.example/"
        );
        assert_eq!(
            fields(&draft("x", "a", "a@example.org", "javascript://alert(1)").problems()),
            [Field::Website]
        );
    }

    #[test]
    fn drafts_and_held_comments_survive_storage() {
        let typed = draft("Line one\n\"two\"", "Gwen", "gwen@example.org", "");
        assert_eq!(
            crate::json::decode::<CommentDraft>(&crate::json::encode(&typed)).unwrap(),
            typed
        );
        let held = vec![HeldComment {
            id: 41,
            parent: 0,
            author_name: "Gwen".into(),
            date: Timestamp::parse("2026-11-25T10:00:00Z").unwrap(),
            text: "Wait for it".into(),
        }];
        let read: Vec<HeldComment> = crate::json::decode(&crate::json::encode(&held)).unwrap();
        assert_eq!(read, held);
    }

    #[test]
    fn drafts_are_kept_per_article_and_reply_target() {
        let slug = Slug::parse("ferry").unwrap();
        let site = "https://herald.example/";
        assert_ne!(draft_key(site, &slug, 0), draft_key(site, &slug, 12));
        assert_ne!(
            draft_key(site, &slug, 0),
            draft_key(site, &Slug::parse("other").unwrap(), 0)
        );
        assert_eq!(Field::from_wordpress("author_email"), Some(Field::Email));
    }
}
