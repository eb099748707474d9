//! The interface in the site's language: every string Broadsheet writes comes from one
//! translation file per language, `public/translations/<language>.json` (copied to
//! `dist/translations/`).
//!
//! English is the reference, and its file is compiled in. A translation has every key English has
//! and no other: one that lacks a key is refused, naming it (the build stops; in the browser the
//! interface reads in English), rather than mixing languages on a page. Reading it over English
//! instead would take a decoding through `serde_json::Value`, whose code every bundle would
//! carry. A site whose language has no file reads in English.
//!
//! Plural forms follow the language's CLDR rules (ICU4X natively, `Intl.PluralRules` in the
//! browser), and so do numbers' digits (Persian writes ۳۵۴): see [`Strings::count`].
//!
//! Placeholders are a name in braces, such as `{name}`; a plural message's number is `{count}`.

use crate::config::Config;
use crate::error::{CommentError, DataError};
use crate::model::{Field, Problem};
use crate::source::{DataSource, HttpResponse, SharedTransport, Transport, TransportError};
use std::sync::Arc;

/// A message that depends on a number: one text for each CLDR plural category the language
/// has, and `=0`, when zero is said in words of its own ("No comments yet").
#[derive(Debug, Clone, Default, PartialEq, Hash, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plural {
    #[serde(rename = "=0")]
    pub none: Option<String>,
    pub zero: Option<String>,
    pub one: Option<String>,
    pub two: Option<String>,
    pub few: Option<String>,
    pub many: Option<String>,
    pub other: String,
}

impl Plural {
    /// The text for CLDR category `category` ("zero", "one" … "other"), or "other"'s.
    pub fn form(&self, category: &str) -> &str {
        let form = match category {
            "zero" => &self.zero,
            "one" => &self.one,
            "two" => &self.two,
            "few" => &self.few,
            "many" => &self.many,
            _ => &None,
        };
        form.as_deref().unwrap_or(&self.other)
    }

    /// The same text whatever the number.
    pub fn always(text: &str) -> Self {
        Self {
            other: text.to_owned(),
            ..Self::default()
        }
    }

    /// Each category's text, "other" last.
    pub fn forms(&self) -> Vec<(&'static str, &str)> {
        [
            ("zero", &self.zero),
            ("one", &self.one),
            ("two", &self.two),
            ("few", &self.few),
            ("many", &self.many),
        ]
        .into_iter()
        .filter_map(|(category, form)| Some((category, form.as_deref()?)))
        .chain([("other", self.other.as_str())])
        .collect()
    }
}

/// Defines [`Messages`], one field per key, and how a file is read into it. serde's derive
/// would do, but its code for a struct this wide is the largest part of an island's wasm: each
/// field's early return drops every field read before it. Here the file is read once into a map,
/// and each field taken from it, every problem collected and reported together.
macro_rules! messages {
    ($($key:ident: $kind:ty,)*) => {
        /// Every string of the interface, by its key in the translation files.
        #[derive(Debug, Clone, PartialEq, Hash)]
        pub struct Messages {
            $(pub $key: $kind,)*
        }

        impl<'de> serde::Deserialize<'de> for Messages {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let mut entries = Entries::deserialize(deserializer)?;
                let messages = Messages {
                    $($key: entries.take(stringify!($key)),)*
                };
                entries.finish().map_err(serde::de::Error::custom)?;
                Ok(messages)
            }
        }
    };
}

messages! {
    skip_link: String,
    sections_label: String,
    site_search_label: String,
    search_field_label: String,
    search_button: String,
    powered_by: String,
    app_loading: String,
    app_needs_script: String,
    config_error_title: String,
    config_error_file: String,
    config_error_reader: String,
    pages_label: String,
    newer_page: String,
    older_page: String,
    page_number: String,
    listing_page_title: String,
    ticker_label: String,
    ticker_loading: String,
    ticker_unavailable: String,
    ticker_empty: String,
    ticker_pause: String,
    ticker_play: String,
    ticker_problem_title: String,
    ticker_problem: String,
    latest_news: String,
    more_news: String,
    no_articles: String,
    loading_articles: String,
    loading_article: String,
    tag_kicker: String,
    section_kicker: String,
    tag_description: String,
    section_description: String,
    articles_by: String,
    article_count: Plural,
    about_author: String,
    all_articles_by: String,
    byline: String,
    published: String,
    updated: String,
    reading_time: Plural,
    filed_under: String,
    tags_label: String,
    new_articles: Plural,
    show_new_articles: String,
    article_updated: String,
    show_new_version: String,
    search_title: String,
    search_description: String,
    search_again: String,
    search_needs_script: String,
    searching: String,
    search_results: Plural,
    search_none: String,
    search_failed: String,
    retry: String,
    unreachable_title: String,
    unreachable_detail: String,
    timeout_title: String,
    timeout_detail: Plural,
    server_title: String,
    server_detail: String,
    damaged_title: String,
    damaged_detail: String,
    other_title: String,
    other_detail: String,
    reason_unreachable: String,
    reason_timeout: String,
    reason_server: String,
    reason_damaged: String,
    reason_not_found: String,
    not_found_title: String,
    not_found_text: String,
    not_found_home: String,
    comments_heading: String,
    comment_count: Plural,
    loading_comments: String,
    comments_failed: String,
    comments_closed: String,
    awaiting_moderation: String,
    reply: String,
    reply_to: String,
    leave_reply: String,
    leave_reply_to: String,
    cancel_reply: String,
    form_notes: String,
    form_needs_script: String,
    honeypot_label: String,
    save_details: String,
    post_comment: String,
    field_comment: String,
    field_name: String,
    field_email: String,
    field_website: String,
    missing_comment: String,
    missing_name: String,
    missing_email: String,
    too_long: String,
    invalid_email: String,
    invalid_website: String,
    sending: String,
    send_now: String,
    not_sent: String,
    correct_problems: Plural,
    thanks_held: String,
    thanks_posted: String,
    field_refused: String,
    comment_failed: String,
    duplicate_comment: String,
    too_fast: String,
    login_required: String,
    closed_on_article: String,
}

/// A translation file as read: each key's text or plural forms, and what was wrong with them.
struct Entries {
    entries: std::collections::BTreeMap<String, Entry>,
    missing: Vec<&'static str>,
    mistyped: Vec<String>,
}

enum Entry {
    Text(String),
    Plural(Plural),
}

/// A message's type: what an [`Entry`] must be to give one.
trait FromEntry: Default {
    const KIND: &'static str;
    fn from_entry(entry: Entry) -> Option<Self>;
}

impl FromEntry for String {
    const KIND: &'static str = "a text";
    fn from_entry(entry: Entry) -> Option<Self> {
        match entry {
            Entry::Text(text) => Some(text),
            Entry::Plural(_) => None,
        }
    }
}

impl FromEntry for Plural {
    const KIND: &'static str = "plural forms";
    fn from_entry(entry: Entry) -> Option<Self> {
        match entry {
            Entry::Plural(plural) => Some(plural),
            Entry::Text(_) => None,
        }
    }
}

impl Entries {
    /// The message `key`, or its type's default, noting why there was none.
    #[inline(never)]
    fn take<T: FromEntry>(&mut self, key: &'static str) -> T {
        match self.entries.remove(key).map(T::from_entry) {
            Some(Some(message)) => message,
            Some(None) => {
                self.mistyped.push(format!("`{key}` must be {}", T::KIND));
                T::default()
            }
            None => {
                self.missing.push(key);
                T::default()
            }
        }
    }

    /// Every problem found, once each message has been taken: missing, mistyped, and unknown
    /// keys (those left over).
    fn finish(self) -> Result<(), String> {
        let listed = |keys: Vec<&str>| {
            keys.iter()
                .map(|key| format!("`{key}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut problems = self.mistyped;
        if !self.missing.is_empty() {
            problems.push(format!("missing field {}", listed(self.missing)));
        }
        if !self.entries.is_empty() {
            let unknown = self.entries.keys().map(String::as_str).collect();
            problems.push(format!("unknown field {}", listed(unknown)));
        }
        match problems.is_empty() {
            true => Ok(()),
            false => Err(problems.join("; ")),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Entries {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> serde::de::Visitor<'de> for EntriesVisitor {
            type Value = Entries;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("an object of messages")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Entries, A::Error> {
                let mut entries = std::collections::BTreeMap::new();
                while let Some((key, entry)) = map.next_entry::<String, Entry>()? {
                    if entries.contains_key(&key) {
                        return Err(serde::de::Error::custom(format!("duplicate field `{key}`")));
                    }
                    entries.insert(key, entry);
                }
                Ok(Entries {
                    entries,
                    missing: Vec::new(),
                    mistyped: Vec::new(),
                })
            }
        }
        deserializer.deserialize_map(EntriesVisitor)
    }
}

impl<'de> serde::Deserialize<'de> for Entry {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntryVisitor;
        impl<'de> serde::de::Visitor<'de> for EntryVisitor {
            type Value = Entry;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a text, or an object of plural forms")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Entry, E> {
                Ok(Entry::Text(text.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, text: String) -> Result<Entry, E> {
                Ok(Entry::Text(text))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Entry, A::Error> {
                serde::Deserialize::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Entry::Plural)
            }
        }
        deserializer.deserialize_any(EntryVisitor)
    }
}

/// The English file, the reference every other is read over.
const ENGLISH: &str = include_str!("../public/translations/en.json");

/// The interface's strings in one language, and that language (a BCP 47 tag), whose rules pick
/// plural forms, digits and dates.
#[derive(Debug, Clone, PartialEq, Hash)]
pub struct Strings {
    messages: Arc<Messages>,
    language: Arc<str>,
}

impl std::ops::Deref for Strings {
    type Target = Messages;
    fn deref(&self) -> &Messages {
        &self.messages
    }
}

/// Why a translation could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TranslationError {
    /// There is no file for the language: the interface reads in English.
    #[error("there is no translation for {language}")]
    Missing { language: String },
    /// The site's language could not be read.
    #[error("the site's language could not be read: {0}")]
    NoLanguage(DataError),
    /// The file is there, but not as documented, or could not be read.
    #[error("{file} is not a translation: {detail}")]
    Bad { file: String, detail: String },
}

impl Strings {
    /// The folder of the translation files, in the site's root.
    pub const FOLDER: &'static str = "translations/";

    /// The English interface.
    pub fn english() -> Self {
        thread_local! {
            static ENGLISH_STRINGS: Strings = Strings {
                messages: Arc::new(
                    crate::json::decode(ENGLISH).expect("the English translation is valid"),
                ),
                language: Arc::from("en"),
            };
        }
        ENGLISH_STRINGS.with(Clone::clone)
    }

    /// A translation file's `text`, for `language`. `file` names it in errors.
    pub fn parse(text: &str, language: &str, file: &str) -> Result<Self, TranslationError> {
        let messages =
            crate::json::decode::<Messages>(text).map_err(|error| TranslationError::Bad {
                file: file.to_owned(),
                detail: error.detail().to_owned(),
            })?;
        Ok(Self {
            messages: Arc::new(messages),
            language: Arc::from(language),
        })
    }

    /// The language whose rules pick plural forms, digits and dates.
    pub fn language(&self) -> &str {
        &self.language
    }

    /// `template` with each `{name}` of `values` replaced by its value, in one pass: a value that
    /// holds a placeholder's spelling (a tag named "{number}") is written as it is.
    pub fn fill(&self, template: &str, values: &[(&str, &str)]) -> String {
        let mut filled = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            filled.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let placeholder = after.find('}').and_then(|close| {
                let value = values.iter().find(|(name, _)| *name == &after[..close])?.1;
                Some((value, &after[close + 1..]))
            });
            match placeholder {
                Some((value, following)) => {
                    filled.push_str(value);
                    rest = following;
                }
                None => {
                    filled.push('{');
                    rest = after;
                }
            }
        }
        filled.push_str(rest);
        filled
    }

    /// `plural`'s form for `count` (its number in the language's digits as `{count}`), then
    /// filled with `values`.
    pub fn count(&self, plural: &Plural, count: u64, values: &[(&str, &str)]) -> String {
        let form = match (count, &plural.none) {
            (0, Some(none)) => none.as_str(),
            _ => plural.form(&crate::format::plural_category(count, &self.language)),
        };
        let number = self.number(count);
        let mut all = vec![("count", number.as_str())];
        all.extend_from_slice(values);
        self.fill(form, &all)
    }

    /// `plural`'s forms for a page's script (`data-plurals`), which picks one by
    /// `Intl.PluralRules` and writes the number with `Intl.NumberFormat` (islands/page.js): a
    /// JSON object by category, `{count}` standing for the number.
    pub fn plural_forms(&self, plural: &Plural) -> String {
        let forms: std::collections::BTreeMap<&str, &str> = plural.forms().into_iter().collect();
        crate::json::encode(&forms)
    }

    /// `number` in the language's digits and grouping.
    pub fn number(&self, number: u64) -> String {
        crate::format::number(number, &self.language)
    }
}

/// The phrasings that depend on more than one message.
impl Strings {
    /// A listing page's title: "Harbour" on its first page, then "Harbour, page 2".
    pub fn page_title(&self, name: &str, page: u32) -> String {
        match page {
            0 | 1 => name.to_owned(),
            page => self.fill(
                &self.listing_page_title,
                &[("name", name), ("number", &self.number(page.into()))],
            ),
        }
    }

    /// "Page 2", for the page of a listing numbered `page`.
    pub fn page_number_label(&self, page: u32) -> String {
        self.fill(&self.page_number, &[("number", &self.number(page.into()))])
    }

    /// Why a page's data could not be had, as a heading and what the reader may do.
    pub fn data_error(&self, error: Option<&DataError>) -> (String, String) {
        match error {
            Some(DataError::Network { .. }) => (
                self.unreachable_title.clone(),
                self.unreachable_detail.clone(),
            ),
            Some(DataError::Timeout { after_ms }) => (
                self.timeout_title.clone(),
                self.count(&self.timeout_detail, u64::from(after_ms / 1000), &[]),
            ),
            Some(DataError::Server { status, .. }) => (
                self.server_title.clone(),
                self.fill(&self.server_detail, &[("status", &status.to_string())]),
            ),
            Some(DataError::BadData { .. }) => {
                (self.damaged_title.clone(), self.damaged_detail.clone())
            }
            Some(DataError::NotFound { .. }) | None => {
                (self.other_title.clone(), self.other_detail.clone())
            }
        }
    }

    /// Why something could not be had, as a clause: "the news server could not be reached".
    pub fn data_error_reason(&self, error: &DataError) -> String {
        match error {
            DataError::Network { .. } => self.reason_unreachable.clone(),
            DataError::Timeout { .. } => self.reason_timeout.clone(),
            DataError::Server { status, .. } => {
                self.fill(&self.reason_server, &[("status", &status.to_string())])
            }
            DataError::BadData { .. } => self.reason_damaged.clone(),
            DataError::NotFound { .. } => self.reason_not_found.clone(),
        }
    }

    /// Why the site did not take a comment. A field it refused is explained in WordPress's
    /// own words, which are in the WordPress site's language.
    pub fn comment_error(&self, error: &CommentError) -> String {
        match error {
            CommentError::Invalid { message, .. } => message.clone(),
            CommentError::Duplicate => self.duplicate_comment.clone(),
            CommentError::TooFast => self.too_fast.clone(),
            CommentError::LoginRequired => self.login_required.clone(),
            CommentError::Closed => self.closed_on_article.clone(),
            CommentError::Failed(error) => self.data_error_reason(error),
        }
    }

    /// The label of one of the comment form's fields.
    pub fn field_label(&self, field: Field) -> &str {
        match field {
            Field::Content => &self.field_comment,
            Field::Name => &self.field_name,
            Field::Email => &self.field_email,
            Field::Website => &self.field_website,
        }
    }

    /// What is wrong with what `field` holds, and how to put it right.
    pub fn field_problem(&self, field: Field, problem: Problem) -> String {
        match (problem, field) {
            (Problem::Missing, Field::Content) => self.missing_comment.clone(),
            (Problem::Missing, Field::Name) => self.missing_name.clone(),
            (Problem::Missing, _) => self.missing_email.clone(),
            (Problem::TooLong { bytes, max }, _) => self.fill(
                &self.too_long,
                &[
                    ("field", self.field_label(field)),
                    ("bytes", &self.number(bytes as u64)),
                    ("max", &self.number(max as u64)),
                ],
            ),
            (Problem::NotEmail, _) => self.invalid_email.clone(),
            (Problem::NotWebAddress, _) => self.invalid_website.clone(),
        }
    }
}

/// `template` split at `{name}`: the text before it and after it, for a placeholder that is not
/// text, such as a link. Without it, all of `template` comes before.
pub fn around<'a>(template: &'a str, name: &str) -> (&'a str, &'a str) {
    template
        .split_once(&format!("{{{name}}}"))
        .unwrap_or((template, ""))
}

/// The interface's strings for the site's `language`, from the translations in `site_root`'s
/// [`Strings::FOLDER`]: the file named by the whole tag (`pt-br.json`), else by its language
/// (`pt.json`). English is compiled in and asks nothing.
pub async fn load(
    transport: &dyn Transport,
    site_root: &str,
    language: &str,
    timeout_ms: u32,
) -> Result<Strings, TranslationError> {
    let tag = language.trim().to_ascii_lowercase();
    let primary = tag.split(['-', '_']).next().unwrap_or_default().to_owned();
    if primary == "en" || primary.is_empty() {
        // English words, in the English the site writes: "24 October 2026" in en-GB.
        let english = Strings::english();
        return Ok(Strings {
            language: Arc::from(if primary.is_empty() { "en" } else { language }),
            ..english
        });
    }
    let mut names = vec![tag.clone()];
    if primary != tag {
        names.push(primary);
    }
    for name in names {
        let file = format!("{}{name}.json", Strings::FOLDER);
        let url = format!("{site_root}{file}");
        let found = match transport.get(&url, timeout_ms).await {
            Ok(response) if is_translation(&response) => response,
            Ok(_) => continue,
            Err(TransportError::Network(detail)) => {
                return Err(TranslationError::Bad { file, detail })
            }
            Err(TransportError::Timeout) => {
                return Err(TranslationError::Bad {
                    file,
                    detail: format!("no answer within {timeout_ms} ms"),
                })
            }
        };
        return Strings::parse(&found.body, language, &file);
    }
    Err(TranslationError::Missing {
        language: language.to_owned(),
    })
}

/// The interface's strings for the site `config` names, whose translations are in `site_root`.
pub async fn for_site(
    config: &Config,
    transport: SharedTransport,
    site_root: &str,
) -> Result<Strings, TranslationError> {
    let language = DataSource::from_config(config, transport.clone())
        .language()
        .await
        .map_err(TranslationError::NoLanguage)?;
    load(transport.as_ref(), site_root, &language, config.timeout_ms).await
}

/// The strings `loaded`, or English, saying why in the console: for the browser, where a page
/// in English beats no page.
pub fn or_english(loaded: Result<Strings, TranslationError>) -> Strings {
    loaded.unwrap_or_else(|error| {
        if !matches!(error, TranslationError::NoLanguage(_)) {
            leptos::logging::warn!("Broadsheet: the interface is in English: {error}");
        }
        Strings::english()
    })
}

/// Whether `response` is a file that was found: a static host may answer a missing one with the
/// site's HTML page.
fn is_translation(response: &HttpResponse) -> bool {
    (200..300).contains(&response.status) && !response.content_type.contains("html")
}

/// The strings a page's components read, provided by the app, the prerenderer and each island;
/// English where none were (a component drawn on its own).
pub fn use_strings() -> Strings {
    leptos::prelude::use_context::<Strings>().unwrap_or_else(Strings::english)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Vec<(String, String)> {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/public/translations");
        let mut files: Vec<(String, String)> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| {
                let path = entry.unwrap().path();
                let language = path.file_stem().unwrap().to_string_lossy().into_owned();
                (language, std::fs::read_to_string(&path).unwrap())
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn every_shipped_translation_has_every_key_and_no_other() {
        let english: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(ENGLISH).unwrap();
        let languages: Vec<String> = shipped()
            .into_iter()
            .map(|(language, _)| language)
            .collect();
        assert_eq!(languages, ["ar", "de", "en", "es", "fa", "fr"]);
        for (language, text) in shipped() {
            let file: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(&text).unwrap_or_else(|error| panic!("{language}: {error}"));
            let missing: Vec<&String> = english
                .keys()
                .filter(|key| !file.contains_key(*key))
                .collect();
            assert!(missing.is_empty(), "{language} lacks {missing:?}");
            Strings::parse(&text, &language, &language).unwrap();
        }
    }

    #[test]
    fn plural_messages_have_every_form_their_language_uses() {
        for (language, text) in shipped() {
            let strings = Strings::parse(&text, &language, &language).unwrap();
            let file: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(&text).unwrap();
            for (key, value) in &file {
                let Some(forms) = value.as_object() else {
                    continue;
                };
                for count in [0, 1, 2, 3, 5, 11, 100, 1_000_000] {
                    let category = crate::format::plural_category(count, strings.language());
                    assert!(
                        forms.contains_key(&*category) || (count == 0 && forms.contains_key("=0")),
                        "{language}: {key} has no {category} form (for {count})"
                    );
                }
            }
        }
    }

    #[test]
    fn arabic_counts_articles_in_each_of_its_forms() {
        let (_, text) = shipped()
            .into_iter()
            .find(|(language, _)| language == "ar")
            .unwrap();
        let arabic = Strings::parse(&text, "ar", "ar.json").unwrap();
        let forms: Vec<String> = [0, 1, 2, 3, 11, 100]
            .map(|count| arabic.count(&arabic.article_count, count, &[]))
            .to_vec();
        // Six counts, six CLDR categories: zero, one, two, few, many, other.
        let mut distinct = forms.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), 6, "{forms:?}");
        assert_eq!(
            forms[3],
            arabic
                .article_count
                .few
                .as_deref()
                .unwrap()
                .replace("{count}", "3")
        );
    }

    #[test]
    fn persian_writes_its_own_digits() {
        let (_, text) = shipped()
            .into_iter()
            .find(|(language, _)| language == "fa")
            .unwrap();
        let persian = Strings::parse(&text, "fa", "fa.json").unwrap();
        assert!(persian
            .count(&persian.article_count, 354, &[])
            .contains("۳۵۴"));
        assert_eq!(persian.number(354), "۳۵۴");
    }

    #[test]
    fn a_value_is_written_as_it_is_even_when_it_spells_a_placeholder() {
        let english = Strings::english();
        assert_eq!(english.page_title("{number}", 2), "{number}, page 2");
        assert_eq!(
            english.fill("{a} and {b}, {c} {", &[("a", "{b}"), ("b", "{a}")]),
            "{b} and {a}, {c} {"
        );
    }

    #[test]
    fn english_counts_and_says_zero_in_words_of_its_own() {
        let english = Strings::english();
        assert_eq!(english.count(&english.article_count, 1, &[]), "1 Article");
        assert_eq!(
            english.count(&english.article_count, 1354, &[]),
            "1,354 Articles"
        );
        assert_eq!(
            english.count(&english.comment_count, 0, &[]),
            "No comments yet"
        );
        assert_eq!(english.count(&english.comment_count, 2, &[]), "2 Comments");
        assert_eq!(
            english.count(&english.search_results, 1, &[("query", "gulls")]),
            "1 result for “gulls”"
        );
    }

    #[test]
    fn a_translation_is_refused_naming_what_is_wrong() {
        let french = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/translations/fr.json"
        ))
        .unwrap();
        assert_eq!(
            Strings::parse(&french, "fr", "fr.json").unwrap().skip_link,
            "Aller au contenu"
        );
        let lacking = french.replacen("\"retry\"", "\"retry_\"", 1);
        for (text, expected) in [
            ("{", "fr.json is not a translation"),
            (r#"{"skip_link": "Aller au contenu"}"#, "missing field"),
            (lacking.as_str(), "retry_"),
            (r#"{"skip_lnk": "x"}"#, "skip_lnk"),
            (r#"{"retry": 3}"#, "retry"),
            (r#"{"article_count": {"one": "x"}}"#, "other"),
            (
                r#"{"article_count": "x"}"#,
                "`article_count` must be plural forms",
            ),
            (r#"{"retry": "x", "retry": "y"}"#, "duplicate field `retry`"),
            ("[]", "an object of messages"),
        ] {
            let error = Strings::parse(text, "fr", "fr.json")
                .unwrap_err()
                .to_string();
            assert!(error.contains(expected), "{text}: {error}");
        }
    }

    #[test]
    fn the_site_language_picks_its_file_and_english_asks_nothing() {
        use crate::source::fake::{response, FakeTransport};
        let arabic = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/translations/ar.json"
        ))
        .unwrap();
        let transport = FakeTransport::default()
            .answering(
                "https://x.example/translations/ar-eg.json",
                Ok(response(404, "text/html", "<!doctype html>")),
            )
            .answering(
                "https://x.example/translations/ar.json",
                Ok(response(200, "application/json", &arabic)),
            )
            .answering(
                "https://x.example/translations/it.json",
                Ok(response(200, "text/html", "<!doctype html>")),
            );
        let load = |language: &str| {
            futures::executor::block_on(load(&transport, "https://x.example/", language, 1000))
        };
        let egyptian = load("ar-EG").unwrap();
        assert_eq!(
            egyptian.language(),
            "ar-EG",
            "the site's tag picks digits and plurals"
        );
        assert_ne!(egyptian.skip_link, Strings::english().skip_link);
        let british = load("en-GB").unwrap();
        assert_eq!(british.language(), "en-GB");
        assert_eq!(british.skip_link, "Skip to content");
        assert_eq!(
            load("it"),
            Err(TranslationError::Missing {
                language: "it".into()
            })
        );
        assert_eq!(
            transport.requests(),
            [
                "https://x.example/translations/ar-eg.json",
                "https://x.example/translations/ar.json",
                "https://x.example/translations/it.json"
            ]
        );
    }

    #[test]
    fn a_placeholder_splits_its_template() {
        assert_eq!(around("By {author}", "author"), ("By ", ""));
        assert_eq!(around("{author} كتبه", "author"), ("", " كتبه"));
        assert_eq!(around("no placeholder", "author"), ("no placeholder", ""));
    }
}
