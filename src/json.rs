//! JSON text in and out of the crate's types, with serde_json on both targets: [`decode`] reads
//! a type deriving `Deserialize` and says where a text failed; [`encode`] writes one deriving
//! `Serialize`.

use serde::de::DeserializeOwned;
use serde::Deserialize;

/// Why a text did not decode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    /// Not JSON at all.
    Syntax(String),
    /// JSON, but not of the expected shape (a missing field, a wrong type).
    Shape(String),
}

impl JsonError {
    pub fn detail(&self) -> &str {
        match self {
            Self::Syntax(detail) | Self::Shape(detail) => detail,
        }
    }
}

/// Decodes `text` as a `T`: the one place the crate turns JSON text into its types. An error
/// names the problem, the field path to it (feature `error-paths`) and, for text decoded as it
/// came, the line and column.
///
/// A lone UTF-16 surrogate in a `\u` escape, which `JSON.parse` accepts and serde_json refuses,
/// becomes U+FFFD: only a text refused for one is decoded a second time, so the usual text pays
/// nothing. A field given twice is refused ("duplicate field"), where `JSON.parse` keeps the
/// last value: keeping it too would take a second decoding through `serde_json::Value` that
/// every type's code would carry, in every bundle.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    match strictly(text) {
        Err(failure) if failure.is_lone_surrogate() => match without_lone_surrogates(text) {
            Some(text) => decode(&text),
            None => Err(failure.into()),
        },
        decoded => decoded.map_err(JsonError::from),
    }
}

/// For `#[serde(default, deserialize_with = "crate::json::null_as_default")]`: a field that may
/// be absent or null, either meaning its type's default (an empty text).
pub fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Default + serde::Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Option::unwrap_or_default)
}

/// `value` as JSON text: the one place the crate writes JSON.
pub fn encode<T: serde::Serialize>(value: &T) -> String {
    // serde_json fails only on maps with keys other than text and on failing `Serialize`
    // impls; the crate's types have neither.
    serde_json::to_string(value).expect("the crate's types serialize")
}

fn strictly<T: DeserializeOwned>(text: &str) -> Result<T, Failure> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    #[cfg(feature = "error-paths")]
    let value = serde_path_to_error::deserialize(&mut deserializer)?;
    #[cfg(not(feature = "error-paths"))]
    let value = T::deserialize(&mut deserializer).map_err(Failure::at_top)?;
    deserializer.end().map_err(Failure::at_top)?;
    Ok(value)
}

/// serde_json's error and where in the value it happened (`.` for the value itself).
struct Failure {
    path: String,
    error: serde_json::Error,
}

impl Failure {
    fn at_top(error: serde_json::Error) -> Self {
        Self {
            path: ".".to_owned(),
            error,
        }
    }

    // serde_json does not expose its error codes, only their wording.
    fn is_lone_surrogate(&self) -> bool {
        let message = self.error.to_string();
        message.starts_with("lone leading surrogate")
            || message.starts_with("unexpected end of hex escape")
    }
}

#[cfg(feature = "error-paths")]
impl From<serde_path_to_error::Error<serde_json::Error>> for Failure {
    fn from(error: serde_path_to_error::Error<serde_json::Error>) -> Self {
        Self {
            path: error.path().to_string(),
            error: error.into_inner(),
        }
    }
}

impl From<Failure> for JsonError {
    fn from(Failure { path, error }: Failure) -> Self {
        match (error.is_data(), path.as_str()) {
            (true, ".") => Self::Shape(error.to_string()),
            (true, path) => Self::Shape(format!("{path}: {error}")),
            (false, _) => Self::Syntax(error.to_string()),
        }
    }
}

/// `text` with every `\u` escape of a lone surrogate made `\ufffd`, or `None` if it has none.
fn without_lone_surrogates(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let escape_at = |at: usize| -> Option<u32> {
        let digits = text.get(at + 2..at + 6)?;
        let is_escape =
            bytes[at..].starts_with(b"\\u") && digits.bytes().all(|b| b.is_ascii_hexdigit());
        is_escape
            .then(|| u32::from_str_radix(digits, 16).ok())
            .flatten()
    };
    let (mut out, mut copied, mut at) = (String::new(), 0, 0);
    while let Some(found) = bytes[at..].iter().position(|&byte| byte == b'\\') {
        at += found;
        match escape_at(at) {
            Some(0xD800..=0xDBFF) if matches!(escape_at(at + 6), Some(0xDC00..=0xDFFF)) => at += 12,
            Some(0xD800..=0xDFFF) => {
                out.push_str(&text[copied..at]);
                out.push_str("\\ufffd");
                at += 6;
                copied = at;
            }
            // Any other escape, `\\` included, is two characters long.
            _ => at = (at + 2).min(bytes.len()),
        }
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Slug;

    #[derive(Debug, Deserialize)]
    struct Point {
        x: u32,
        label: Option<String>,
        tags: Vec<Slug>,
        #[serde(default, deserialize_with = "null_as_default")]
        note: String,
    }

    #[test]
    fn reads_fields_with_optional_ones_absent_or_null() {
        let point: Point = decode(r#"{"x": 3, "tags": ["a", "b-c"], "extra": true}"#).unwrap();
        assert_eq!((point.x, point.label, point.tags.len()), (3, None, 2));
        let point: Point = decode(r#"{"x": 0, "label": null, "tags": [], "note": null}"#).unwrap();
        assert_eq!((point.label, point.note.as_str()), (None, ""));
    }

    #[test]
    fn strings_round_trip() {
        for text in [
            "plain",
            "quote \" and \\ slash",
            "line\nbreak\ttab\u{1}",
            "سوق \u{2028} é",
        ] {
            let literal = encode(&text);
            assert_eq!(decode::<String>(&literal).unwrap(), text, "{literal}");
        }
        assert_eq!(encode(&"a\"b"), "\"a\\\"b\"");
    }

    #[test]
    fn names_the_field_and_the_problem() {
        let error = |text: &str| decode::<Point>(text).unwrap_err();
        assert!(matches!(error("{\"x\": "), JsonError::Syntax(_)));
        assert!(matches!(error("[]"), JsonError::Shape(_)));
        assert_eq!(
            error(r#"{"tags": []}"#).detail(),
            "missing field `x` at line 1 column 12"
        );
        assert_eq!(
            error(r#"{"x": "3", "tags": []}"#).detail(),
            "x: invalid type: string \"3\", expected u32 at line 1 column 9"
        );
        assert!(error(r#"{"x": -1, "tags": []}"#)
            .detail()
            .starts_with("x: invalid value"));
        assert!(error(r#"{"x": 1.5, "tags": []}"#)
            .detail()
            .starts_with("x: invalid type: floating point"));
        assert_eq!(
            error(r#"{"x": 1, "tags": ["ok", "a/b"]}"#).detail(),
            "tags[1]: \"a/b\" is not a slug: '/' is not a letter, digit, '-' or '_' at line 1 column 30"
        );
    }

    #[test]
    fn lone_surrogates_are_replaced_and_pairs_kept() {
        for (text, expected) in [
            (r#""\ud800""#, "\u{FFFD}"),
            (r#""\udc00 x""#, "\u{FFFD} x"),
            (r#""\ud83d\udc1f \ud800\ud83d\udc1f""#, "🐟 \u{FFFD}🐟"),
            (r#""\\ud800 \ud800""#, "\\ud800 \u{FFFD}"),
        ] {
            assert_eq!(decode::<String>(text).unwrap(), expected, "{text}");
        }
        assert_eq!(without_lone_surrogates(r#""\ud83d\udc1f \\ud800""#), None);
        assert!(matches!(
            decode::<String>("\"\\ud800\\"),
            Err(JsonError::Syntax(_))
        ));
    }
}
