//! JSON decoding into the app's types. The text is parsed into a [`Json`] tree, and types read
//! their fields from it with [`FromJson`]. One parser and one mapping serve both targets and are
//! tested natively; the wasm carries no per-type deserializer machinery, which serde's derives
//! would add.

use crate::model::{Slug, Timestamp};
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

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

/// Parses `text` and reads a `T` from it.
pub fn decode_tree<T: FromJson>(text: &str) -> Result<T, JsonError> {
    let json = parse(text).map_err(JsonError::Syntax)?;
    T::from_json(&json).map_err(JsonError::Shape)
}

/// Decodes `text` as a `T`: the one place the crate turns JSON text into its types. An error
/// names the problem, the field path to it and, for text decoded as it came, the line and column.
///
/// Two things `JSON.parse` accepts, and so a server may send, serde_json refuses: a lone UTF-16
/// surrogate in a `\u` escape, which becomes U+FFFD, and a repeated key, whose last value counts.
/// Only a text refused for one of them is decoded a second time, so the usual text pays nothing.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    match strictly(text) {
        Err(failure) if failure.is_lone_surrogate() => match without_lone_surrogates(text) {
            Some(text) => decode(&text),
            None => Err(failure.into()),
        },
        Err(failure) if failure.is_repeated_field() => {
            // serde's derives refuse a field given twice; a `Value` keeps the last one.
            let value: serde_json::Value = strictly(text)?;
            serde_path_to_error::deserialize(value).map_err(|error| Failure::from(error).into())
        }
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
    let value = serde_path_to_error::deserialize(&mut deserializer)?;
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

    fn is_repeated_field(&self) -> bool {
        self.error.is_data() && self.error.to_string().starts_with("duplicate field")
    }
}

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

/// Parses JSON text (RFC 8259) into a tree; the error names the problem and where it is.
///
/// One parser in Rust for both targets. The browser's `JSON.parse` was used before, but carrying
/// its result into wasm took several calls across the JavaScript boundary per value: at a page's
/// start that cost more than the parsing itself.
pub fn parse(text: &str) -> Result<Json, String> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    let value = parser.value()?;
    parser.skip_space();
    if parser.at < parser.bytes.len() {
        return Err(parser.error("trailing characters"));
    }
    Ok(value)
}

/// Deeper nesting than this is refused rather than risking the stack on hostile input.
const MAX_DEPTH: usize = 128;

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    fn error(&self, problem: &str) -> String {
        let before = &self.bytes[..self.at.min(self.bytes.len())];
        let line = before.iter().filter(|&&byte| byte == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&byte| byte == b'\n')
            .map_or(0, |at| at + 1);
        let column = self
            .text
            .get(line_start..self.at)
            .map_or(1, |line| line.chars().count() + 1);
        format!("{problem} at line {line} column {column}")
    }

    /// The error for a missing `what` inside `inside`, which may be the text's end.
    fn expected(&self, what: &str, inside: &str) -> String {
        if self.at >= self.bytes.len() {
            self.error(&format!("EOF while parsing {inside}"))
        } else {
            self.error(&format!("expected {what}"))
        }
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Result<Json, String> {
        self.skip_space();
        match self.bytes.get(self.at) {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected value")),
        }
    }

    fn nested(&mut self, read: fn(&mut Self) -> Result<Json, String>) -> Result<Json, String> {
        if self.depth == MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.depth += 1;
        self.at += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, String> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected value"))
        }
    }

    /// After `[`.
    fn array(&mut self) -> Result<Json, String> {
        let mut items = Vec::new();
        let mut more = !self.closes(b']');
        while more {
            items.push(self.value()?);
            more = self.another(b']', "an array")?;
        }
        Ok(Json::Array(items))
    }

    /// After `{`. A repeated key keeps its last value, as `JSON.parse` does.
    fn object(&mut self) -> Result<Json, String> {
        let mut fields: Vec<(String, Json)> = Vec::new();
        let mut more = !self.closes(b'}');
        while more {
            self.skip_space();
            if self.bytes.get(self.at) != Some(&b'"') {
                return Err(self.expected("a string as key", "an object"));
            }
            let key = self.string()?;
            self.skip_space();
            if self.bytes.get(self.at) != Some(&b':') {
                return Err(self.expected("`:`", "an object"));
            }
            self.at += 1;
            let value = self.value()?;
            match fields.iter_mut().find(|(name, _)| *name == key) {
                Some(field) => field.1 = value,
                None => fields.push((key, value)),
            }
            more = self.another(b'}', "an object")?;
        }
        Ok(Json::Object(fields))
    }

    /// Whether the array or object ends at once with `close`, which is then passed.
    fn closes(&mut self, close: u8) -> bool {
        self.skip_space();
        let closes = self.bytes.get(self.at) == Some(&close);
        self.at += usize::from(closes);
        closes
    }

    /// After an item: whether another follows (a `,`), or the array or object ends (`close`).
    fn another(&mut self, close: u8, inside: &str) -> Result<bool, String> {
        self.skip_space();
        match self.bytes.get(self.at) {
            Some(b',') => {
                self.at += 1;
                Ok(true)
            }
            Some(&byte) if byte == close => {
                self.at += 1;
                Ok(false)
            }
            _ => {
                let wanted = if close == b']' {
                    "`,` or `]`"
                } else {
                    "`,` or `}`"
                };
                Err(self.expected(wanted, inside))
            }
        }
    }

    /// At the opening quote.
    fn string(&mut self) -> Result<String, String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let run_start = self.at;
            while let Some(&byte) = self.bytes.get(self.at) {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The run ends at an ASCII byte, so it is whole UTF-8 characters.
            out.push_str(&self.text[run_start..self.at]);
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = match self.bytes.get(self.at) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        _ => return Err(self.error("invalid escape")),
                    };
                    self.at += 1;
                    out.push(escaped);
                }
                Some(_) => return Err(self.error("control character in string")),
                None => return Err(self.error("EOF while parsing a string")),
            }
        }
    }

    /// At the `u` of `\uXXXX`, leaving `at` on the escape's last digit. A surrogate pair makes
    /// one character; a lone surrogate, which `JSON.parse` lets through, becomes U+FFFD.
    fn unicode_escape(&mut self) -> Result<char, String> {
        let first = self.hex4(self.at + 1)?;
        self.at += 4;
        if (0xD800..0xDC00).contains(&first) && self.bytes[self.at + 1..].starts_with(b"\\u") {
            let second = self.hex4(self.at + 3)?;
            if (0xDC00..0xE000).contains(&second) {
                self.at += 6;
                let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(code).unwrap_or('\u{FFFD}'));
            }
        }
        Ok(char::from_u32(first).unwrap_or('\u{FFFD}'))
    }

    fn hex4(&self, from: usize) -> Result<u32, String> {
        self.text
            .get(from..from + 4)
            .filter(|digits| digits.bytes().all(|byte| byte.is_ascii_hexdigit()))
            .and_then(|digits| u32::from_str_radix(digits, 16).ok())
            .ok_or_else(|| self.error("invalid \\u escape"))
    }

    fn number(&mut self) -> Result<Json, String> {
        let start = self.at;
        let digits = |parser: &mut Self| {
            let from = parser.at;
            while parser.bytes.get(parser.at).is_some_and(u8::is_ascii_digit) {
                parser.at += 1;
            }
            parser.at > from
        };
        if self.bytes[self.at] == b'-' {
            self.at += 1;
        }
        if self.bytes.get(self.at) == Some(&b'0') {
            self.at += 1;
        } else if !digits(self) {
            return Err(self.error("invalid number"));
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            if !digits(self) {
                return Err(self.error("invalid number"));
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            if !digits(self) {
                return Err(self.error("invalid number"));
            }
        }
        let literal = &self.text[start..self.at];
        let (sign, magnitude) = match literal.strip_prefix('-') {
            Some(magnitude) => (-1.0, magnitude),
            None => (1.0, literal),
        };
        // Whole numbers of up to 15 digits, nearly all a site's numbers, are exact in a double.
        if magnitude.len() <= 15 && magnitude.bytes().all(|byte| byte.is_ascii_digit()) {
            let whole = magnitude
                .bytes()
                .fold(0_u64, |sum, digit| sum * 10 + u64::from(digit - b'0'));
            return Ok(Json::Number(sign * whole as f64));
        }
        Ok(Json::Number(decimal_to_f64(literal)))
    }
}

/// A JSON number literal, already checked against the grammar, as the nearest double.
#[cfg(target_arch = "wasm32")]
fn decimal_to_f64(literal: &str) -> f64 {
    // The browser's conversion: Rust's own brings 15 KB of tables into the wasm.
    js_sys::Number::parse_float(literal)
}

/// A JSON number literal, already checked against the grammar, as the nearest double.
#[cfg(not(target_arch = "wasm32"))]
fn decimal_to_f64(literal: &str) -> f64 {
    literal.parse().unwrap_or(f64::NAN)
}

impl Json {
    fn kind(&self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Bool(_) => "a boolean",
            Self::Number(_) => "a number",
            Self::String(_) => "a string",
            Self::Array(_) => "an array",
            Self::Object(_) => "an object",
        }
    }

    fn invalid_type(&self, expected: &str) -> String {
        format!("invalid type: {}, expected {expected}", self.kind())
    }
}

/// `text` as a JSON string literal, quotes included.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Other control characters, and the separators that old JavaScript parsers choke on.
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A type that can be read from JSON. Errors are plain text naming the field and the problem.
pub trait FromJson: Sized {
    fn from_json(json: &Json) -> Result<Self, String>;

    /// The value of an absent (or null) field; only optional types have one.
    fn missing(key: &str) -> Result<Self, String> {
        Err(format!("missing field `{key}`"))
    }
}

/// The fields of a JSON object.
pub struct Fields<'a>(&'a [(String, Json)]);

impl<'a> Fields<'a> {
    /// The fields of `json`, which must be an object.
    pub fn of(json: &'a Json) -> Result<Self, String> {
        match json {
            Json::Object(entries) => Ok(Self(entries)),
            other => Err(other.invalid_type("an object")),
        }
    }

    /// Reads field `key`; the error names the field.
    pub fn get<T: FromJson>(&self, key: &str) -> Result<T, String> {
        match self
            .0
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
        {
            None | Some(Json::Null) => T::missing(key),
            Some(value) => T::from_json(value).map_err(|error| format!("{key}: {error}")),
        }
    }
}

impl FromJson for String {
    fn from_json(json: &Json) -> Result<Self, String> {
        match json {
            Json::String(text) => Ok(text.clone()),
            other => Err(other.invalid_type("a string")),
        }
    }
}

impl FromJson for u32 {
    fn from_json(json: &Json) -> Result<Self, String> {
        match json {
            Json::Number(number)
                if number.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(number) =>
            {
                Ok(*number as u32)
            }
            Json::Number(_) => Err(format!(
                "invalid value: expected a whole number from 0 to {}",
                u32::MAX
            )),
            other => Err(other.invalid_type("a whole number")),
        }
    }
}

impl FromJson for u64 {
    fn from_json(json: &Json) -> Result<Self, String> {
        // JSON numbers are doubles in the browser: whole numbers are exact up to 2^53.
        const EXACT: f64 = 9_007_199_254_740_992.0;
        match json {
            Json::Number(number) if number.fract() == 0.0 && (0.0..=EXACT).contains(number) => {
                Ok(*number as u64)
            }
            Json::Number(_) => {
                Err("invalid value: expected a whole number from 0 to 2^53".to_owned())
            }
            other => Err(other.invalid_type("a whole number")),
        }
    }
}

impl FromJson for bool {
    fn from_json(json: &Json) -> Result<Self, String> {
        match json {
            Json::Bool(flag) => Ok(*flag),
            other => Err(other.invalid_type("a boolean")),
        }
    }
}

/// Any JSON value, kept as it is, for parts read later or in more than one way.
impl FromJson for Json {
    fn from_json(json: &Json) -> Result<Self, String> {
        Ok(json.clone())
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(json: &Json) -> Result<Self, String> {
        T::from_json(json).map(Some)
    }

    fn missing(_key: &str) -> Result<Self, String> {
        Ok(None)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(json: &Json) -> Result<Self, String> {
        match json {
            Json::Array(items) => items
                .iter()
                .enumerate()
                .map(|(index, item)| {
                    T::from_json(item).map_err(|error| format!("[{index}]: {error}"))
                })
                .collect(),
            other => Err(other.invalid_type("an array")),
        }
    }
}

impl FromJson for Slug {
    fn from_json(json: &Json) -> Result<Self, String> {
        Slug::parse(&String::from_json(json)?)
    }
}

impl FromJson for Timestamp {
    fn from_json(json: &Json) -> Result<Self, String> {
        Timestamp::parse(&String::from_json(json)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Point {
        x: u32,
        label: Option<String>,
        tags: Vec<Slug>,
    }

    impl FromJson for Point {
        fn from_json(json: &Json) -> Result<Self, String> {
            let fields = Fields::of(json)?;
            Ok(Self {
                x: fields.get("x")?,
                label: fields.get("label")?,
                tags: fields.get("tags")?,
            })
        }
    }

    #[test]
    fn reads_fields_with_optional_ones_absent_or_null() {
        let point: Point = decode_tree(r#"{"x": 3, "tags": ["a", "b-c"], "extra": true}"#).unwrap();
        assert_eq!((point.x, point.label, point.tags.len()), (3, None, 2));
        let point: Point = decode_tree(r#"{"x": 0, "label": null, "tags": []}"#).unwrap();
        assert_eq!(point.label, None);
    }

    #[test]
    fn string_literals_round_trip() {
        for text in [
            "plain",
            "quote \" and \\ slash",
            "line\nbreak\ttab\u{1}",
            "سوق \u{2028} é",
        ] {
            let literal = string_literal(text);
            assert_eq!(decode_tree::<String>(&literal).unwrap(), text, "{literal}");
        }
        assert_eq!(string_literal("a\"b"), "\"a\\\"b\"");
    }

    #[test]
    fn names_the_field_and_the_problem() {
        let error = |text: &str| decode_tree::<Point>(text).err().unwrap();
        assert!(matches!(error("{\"x\": "), JsonError::Syntax(_)));
        assert_eq!(
            error("[]"),
            JsonError::Shape("invalid type: an array, expected an object".into())
        );
        assert_eq!(error(r#"{"tags": []}"#).detail(), "missing field `x`");
        assert_eq!(
            error(r#"{"x": "3", "tags": []}"#).detail(),
            "x: invalid type: a string, expected a whole number"
        );
        assert!(error(r#"{"x": -1, "tags": []}"#)
            .detail()
            .starts_with("x: invalid value"));
        assert!(error(r#"{"x": 1.5, "tags": []}"#)
            .detail()
            .starts_with("x: invalid value"));
        assert!(error(r#"{"x": 1, "tags": ["ok", "a/b"]}"#)
            .detail()
            .starts_with("tags: [1]: \"a/b\" is not a slug"));
    }
}
