//! JSON decoding into the app's types. The text is parsed by the browser's own `JSON.parse`
//! (natively by serde_json) into a [`Json`] tree, and types read their fields from it with
//! [`FromJson`]. One mapping serves both targets and is tested natively; the wasm carries no
//! JSON parser and no per-type deserializer machinery, which serde's derives would add.

use crate::model::{Slug, Timestamp};

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
pub fn decode<T: FromJson>(text: &str) -> Result<T, JsonError> {
    let json = parse(text).map_err(JsonError::Syntax)?;
    T::from_json(&json).map_err(JsonError::Shape)
}

/// Parses JSON text into a tree; the error describes the syntax error.
#[cfg(target_arch = "wasm32")]
pub fn parse(text: &str) -> Result<Json, String> {
    use wasm_bindgen::{JsCast, JsValue};

    fn convert(value: &JsValue) -> Json {
        if let Some(text) = value.as_string() {
            Json::String(text)
        } else if let Some(number) = value.as_f64() {
            Json::Number(number)
        } else if let Some(flag) = value.as_bool() {
            Json::Bool(flag)
        } else if js_sys::Array::is_array(value) {
            Json::Array(
                js_sys::Array::from(value)
                    .iter()
                    .map(|item| convert(&item))
                    .collect(),
            )
        } else if let Some(object) = value.dyn_ref::<js_sys::Object>() {
            let entries = js_sys::Object::entries(object);
            let fields = entries.iter().map(|entry| {
                let pair = js_sys::Array::from(&entry);
                (
                    pair.get(0).as_string().unwrap_or_default(),
                    convert(&pair.get(1)),
                )
            });
            Json::Object(fields.collect())
        } else {
            Json::Null
        }
    }

    js_sys::JSON::parse(text)
        .map(|value| convert(&value))
        .map_err(|error| String::from(js_sys::Error::from(error).message()))
}

/// Parses JSON text into a tree; the error describes the syntax error.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(text: &str) -> Result<Json, String> {
    fn convert(value: serde_json::Value) -> Json {
        match value {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(flag) => Json::Bool(flag),
            serde_json::Value::Number(number) => Json::Number(number.as_f64().unwrap_or(f64::NAN)),
            serde_json::Value::String(text) => Json::String(text),
            serde_json::Value::Array(items) => {
                Json::Array(items.into_iter().map(convert).collect())
            }
            serde_json::Value::Object(entries) => Json::Object(
                entries
                    .into_iter()
                    .map(|(key, value)| (key, convert(value)))
                    .collect(),
            ),
        }
    }
    serde_json::from_str(text)
        .map(convert)
        .map_err(|error| error.to_string())
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
        let point: Point = decode(r#"{"x": 3, "tags": ["a", "b-c"], "extra": true}"#).unwrap();
        assert_eq!((point.x, point.label, point.tags.len()), (3, None, 2));
        let point: Point = decode(r#"{"x": 0, "label": null, "tags": []}"#).unwrap();
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
            assert_eq!(decode::<String>(&literal).unwrap(), text, "{literal}");
        }
        assert_eq!(string_literal("a\"b"), "\"a\\\"b\"");
    }

    #[test]
    fn names_the_field_and_the_problem() {
        let error = |text: &str| decode::<Point>(text).err().unwrap();
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
