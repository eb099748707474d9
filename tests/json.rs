//! The same decoding cases natively and in the browser, where the parser runs as wasm, so the
//! two builds cannot drift apart unnoticed.

use broadsheet::json::{decode, JsonError};
use broadsheet::model::{Slug, Timestamp};
use serde::Deserialize;
use serde_json::{json, Value};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[derive(Debug, PartialEq, Deserialize)]
struct Entry {
    slug: Slug,
    title: String,
    count: u32,
    id: u64,
    when: Option<Timestamp>,
    nested: Vec<Vec<u32>>,
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn decodes_text_numbers_nesting_and_unicode() {
    let entry: Entry = decode(
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
    assert_eq!(decode::<Entry>(&format!("{{{base}}}")).unwrap().when, None);
    assert_eq!(
        decode::<Entry>(&format!("{{{base}, \"when\": null}}"))
            .unwrap()
            .when,
        None
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn every_problem_is_named_the_same_way_on_both_targets() {
    let base = r#""slug": "a", "title": "t", "count": 1, "id": 1, "nested": []"#;
    let shape = |text: String| match decode::<Entry>(&text) {
        Err(JsonError::Shape(detail)) => detail,
        other => panic!("{text}: expected a shape error, got {other:?}"),
    };
    // serde reads a struct from an array too, field by field; the first field is refused.
    assert!(shape("[1]".into()).starts_with("[0]: invalid type: integer `1`"));
    assert_eq!(
        shape("\"text\"".into()),
        "invalid type: string \"text\", expected struct Entry at line 1 column 6"
    );
    assert_eq!(
        shape(r#"{"slug": "a"}"#.into()),
        "missing field `title` at line 1 column 13"
    );
    assert_eq!(
        shape(format!("{{{base}, \"count\": \"1\"}}").replace("\"count\": 1, ", "")),
        "count: invalid type: string \"1\", expected u32 at line 1 column 63"
    );
    // Each field of `base` given a value it must refuse, and how the refusal begins.
    for (field, refused, problem) in [
        ("\"count\": 1", "\"count\": -1", "count: invalid value"),
        (
            "\"count\": 1",
            "\"count\": 4294967296",
            "count: invalid value",
        ),
        (
            "\"count\": 1",
            "\"count\": 2.5",
            "count: invalid type: floating point `2.5`",
        ),
        (
            "\"slug\": \"a\"",
            "\"slug\": \"../x\"",
            "slug: \"../x\" is not a slug",
        ),
    ] {
        let detail = shape(format!("{{{base}}}").replace(field, refused));
        assert!(detail.starts_with(problem), "{refused}: {detail}");
    }
    assert!(shape(format!("{{{base}, \"when\": \"yesterday\"}}"))
        .starts_with("when: \"yesterday\" is not an RFC 3339 time"));
    assert_eq!(
        shape(format!("{{{base}}}").replace("\"nested\": []", "\"nested\": [[1], [true]]")),
        "nested[1][0]: invalid type: boolean `true`, expected u32 at line 1 column 70"
    );
    // A repeated field is refused, where `JSON.parse` would keep its last value (see `decode`).
    assert_eq!(
        shape(format!("{{{base}, \"count\": 7}}")),
        "duplicate field `count` at line 1 column 70"
    );
    // serde decodes as it reads, so a text both damaged and of the wrong shape may be refused
    // for its shape first: the grammar is checked on values of any shape.
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
            matches!(decode::<Value>(text), Err(JsonError::Syntax(_))),
            "{text:?} is not JSON"
        );
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn parses_the_whole_grammar_as_json_parse_does() {
    assert_eq!(
        decode::<Value>(" [0, -0.5, 1e3, 2E-2, 12.25e+1, true, false, null, \"\", {}, []] ")
            .unwrap(),
        json!([0, -0.5, 1000.0, 0.02, 122.5, true, false, null, "", {}, []])
    );
    assert_eq!(
        decode::<String>(r#""\/\b\f\n\r\t\\ \u00e9 \ud83d\udc1f \ud800 x""#).unwrap(),
        "/\u{8}\u{c}\n\r\t\\ é 🐟 \u{FFFD} x"
    );
    // A repeated key keeps its last value.
    assert_eq!(
        decode::<Value>(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap(),
        json!({"a": 3, "b": 2})
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
        assert!(decode::<Value>(text).is_err(), "{text:?} is not JSON");
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn syntax_errors_say_where_and_deep_nesting_is_refused() {
    let syntax = |text: &str| match decode::<Value>(text) {
        Err(JsonError::Syntax(detail)) => detail,
        other => panic!("{text:?}: expected a syntax error, got {other:?}"),
    };
    for (text, error) in [
        (
            "{\n  \"title\": \"Café\",\n  \"count\": 1,,\n}",
            "key must be a string at line 3 column 14",
        ),
        ("[1] x", "trailing characters at line 1 column 5"),
        ("[1 2]", "expected `,` or `]` at line 1 column 4"),
        (
            r#"{"a": 1 "b": 2}"#,
            "expected `,` or `}` at line 1 column 9",
        ),
        ("[1,", "EOF while parsing a value at line 1 column 3"),
        (
            "{\"a\": 1",
            "EOF while parsing an object at line 1 column 7",
        ),
    ] {
        assert_eq!(syntax(text), error, "{text:?}");
    }
    let deep = "[".repeat(100_000);
    assert_eq!(
        syntax(&deep),
        "recursion limit exceeded at line 1 column 128"
    );
    // serde_json's limit: 127 levels, where the hand-written parser had 128.
    let fine = format!("{}{}", "[".repeat(127), "]".repeat(127));
    assert!(decode::<Value>(&fine).is_ok());
    // A field nobody reads is skipped without recursing, however deep: the stack is not at risk.
    let base = r#""slug": "a", "title": "t", "count": 1, "id": 1, "nested": []"#;
    let closed = format!("{deep}{}", "]".repeat(100_000));
    assert!(decode::<Entry>(&format!("{{{base}, \"extra\": {closed}}}")).is_ok());
    assert!(decode::<Value>(&closed).is_err());
}
