//! The same decoding cases natively and in the browser, where the parser runs as wasm, so the
//! two builds cannot drift apart unnoticed.

use broadsheet::json::{decode_tree, Fields, FromJson, Json, JsonError};
use broadsheet::model::{Slug, Timestamp};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[derive(Debug, PartialEq)]
struct Entry {
    slug: Slug,
    title: String,
    count: u32,
    id: u64,
    when: Option<Timestamp>,
    nested: Vec<Vec<u32>>,
}

impl FromJson for Entry {
    fn from_json(json: &Json) -> Result<Self, String> {
        let fields = Fields::of(json)?;
        Ok(Self {
            slug: fields.get("slug")?,
            title: fields.get("title")?,
            count: fields.get("count")?,
            id: fields.get("id")?,
            when: fields.get("when")?,
            nested: fields.get("nested")?,
        })
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn decodes_text_numbers_nesting_and_unicode() {
    let entry: Entry = decode_tree(
        r#"{"slug": "سوق", "title": "Caf\u00e9 \"quoted\" \ud83d\udc1f & <b>", "count": 4294967295,
            "id": 9007199254740992, "when": "2026-11-03T08:30:00Z", "nested": [[1, 2], []], "ignored": {"a": [null]}}"#,
    )
    .unwrap();
    assert_eq!(entry.slug.as_str(), "سوق");
    assert_eq!(entry.title, "Café \"quoted\" 🐟 & <b>");
    assert_eq!(entry.count, u32::MAX);
    assert_eq!(entry.id, 9_007_199_254_740_992);
    assert_eq!(entry.when.unwrap().as_str(), "2026-11-03T08:30:00Z");
    assert_eq!(entry.nested, vec![vec![1, 2], vec![]]);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn absent_and_null_optional_fields_are_none() {
    let base = r#""slug": "a", "title": "", "count": 0, "id": 1, "nested": []"#;
    assert_eq!(
        decode_tree::<Entry>(&format!("{{{base}}}")).unwrap().when,
        None
    );
    assert_eq!(
        decode_tree::<Entry>(&format!("{{{base}, \"when\": null}}"))
            .unwrap()
            .when,
        None
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn every_problem_is_named_the_same_way_on_both_targets() {
    let base = r#""slug": "a", "title": "t", "count": 1, "id": 1, "nested": []"#;
    let shape = |text: String| match decode_tree::<Entry>(&text) {
        Err(JsonError::Shape(detail)) => detail,
        other => panic!("{text}: expected a shape error, got {other:?}"),
    };
    assert_eq!(
        shape("[1]".into()),
        "invalid type: an array, expected an object"
    );
    assert_eq!(
        shape("\"text\"".into()),
        "invalid type: a string, expected an object"
    );
    assert_eq!(shape(r#"{"slug": "a"}"#.into()), "missing field `title`");
    assert_eq!(
        shape(format!("{{{base}, \"count\": \"1\"}}").replace("\"count\": 1, ", "")),
        "count: invalid type: a string, expected a whole number"
    );
    assert!(
        shape(format!("{{{base}}}").replace("\"count\": 1", "\"count\": -1"))
            .starts_with("count: invalid value")
    );
    assert!(
        shape(format!("{{{base}}}").replace("\"count\": 1", "\"count\": 4294967296"))
            .starts_with("count: invalid value")
    );
    assert!(
        shape(format!("{{{base}}}").replace("\"count\": 1", "\"count\": 2.5"))
            .starts_with("count: invalid value")
    );
    assert!(
        shape(format!("{{{base}}}").replace("\"slug\": \"a\"", "\"slug\": \"../x\""))
            .starts_with("slug: \"../x\" is not a slug")
    );
    assert!(shape(format!("{{{base}, \"when\": \"yesterday\"}}"))
        .starts_with("when: \"yesterday\" is not an RFC 3339 time"));
    assert_eq!(
        shape(format!("{{{base}}}").replace("\"nested\": []", "\"nested\": [[1], [true]]")),
        "nested: [1]: [0]: invalid type: a boolean, expected a whole number"
    );
    for text in [
        "",
        "{",
        "{\"a\": }",
        "{'a': 1}",
        "[1, 2,]",
        "nul",
        "{\"a\": 1} trailing",
    ] {
        assert!(
            matches!(decode_tree::<Entry>(text), Err(JsonError::Syntax(_))),
            "{text:?} is not JSON"
        );
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn parses_the_whole_grammar_as_json_parse_does() {
    use broadsheet::json::parse;
    assert_eq!(
        parse(" [0, -0.5, 1e3, 2E-2, 12.25e+1, true, false, null, \"\", {}, []] ").unwrap(),
        Json::Array(vec![
            Json::Number(0.0),
            Json::Number(-0.5),
            Json::Number(1000.0),
            Json::Number(0.02),
            Json::Number(122.5),
            Json::Bool(true),
            Json::Bool(false),
            Json::Null,
            Json::String(String::new()),
            Json::Object(vec![]),
            Json::Array(vec![]),
        ])
    );
    assert_eq!(
        parse(r#""\/\b\f\n\r\t\\ \u00e9 \ud83d\udc1f \ud800 x""#).unwrap(),
        Json::String("/\u{8}\u{c}\n\r\t\\ é 🐟 \u{FFFD} x".into())
    );
    // A repeated key keeps its last value.
    assert_eq!(
        parse(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap(),
        Json::Object(vec![
            ("a".into(), Json::Number(3.0)),
            ("b".into(), Json::Number(2.0))
        ])
    );
    for text in [
        "01",
        "+1",
        "1.",
        ".5",
        "1e",
        "-",
        "tru",
        "\"tab\there\"",
        "\"\\x\"",
        "\"\\u12\"",
        "[1 2]",
        "{\"a\" 1}",
        "{1: 2}",
        "\"open",
    ] {
        assert!(parse(text).is_err(), "{text:?} is not JSON");
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn syntax_errors_say_where_and_deep_nesting_is_refused() {
    use broadsheet::json::parse;
    for (text, error) in [
        (
            "{\n  \"title\": \"Café\",\n  \"count\": 1,,\n}",
            "expected a string as key at line 3 column 14",
        ),
        ("[1] x", "trailing characters at line 1 column 5"),
        ("[1 2]", "expected `,` or `]` at line 1 column 4"),
        (
            r#"{"a": 1 "b": 2}"#,
            "expected `,` or `}` at line 1 column 9",
        ),
        ("[1,", "EOF while parsing a value at line 1 column 4"),
        (
            "{\"a\": 1",
            "EOF while parsing an object at line 1 column 8",
        ),
    ] {
        assert_eq!(parse(text).unwrap_err(), error, "{text:?}");
    }
    let deep = "[".repeat(100_000);
    assert_eq!(
        parse(&deep).unwrap_err(),
        "nested too deeply at line 1 column 129"
    );
    let fine = format!("{}{}", "[".repeat(128), "]".repeat(128));
    assert!(parse(&fine).is_ok());
}
