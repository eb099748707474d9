//! The article-body sanitizer against hostile markup, on both of its implementations: natively
//! these tests exercise ammonia, in the browser (`wasm-bindgen-test`) the `DOMParser` one.
//!
//! Every hostile body is checked by a property of the *output* rather than by an exact string, so
//! the same corpus holds both implementations to the one policy in `broadsheet::sanitize::policy`:
//! - everywhere, a small tokenizer of the serialized output checks tag names, attribute names
//!   and URL values, and the lowercased markup for the usual dangerous fragments;
//! - in the browser, the output is also parsed again with the browser's own parser, the way the
//!   article page inserts it (`innerHTML` of a `<div>`), and every element and attribute of the
//!   resulting tree is checked against the policy.

use broadsheet::sanitize::{html_to_text, policy, sanitize_html};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// Hostile article bodies, each with a short name for failure messages.
const HOSTILE: &[(&str, &str)] = &[
    // Event handler attributes.
    ("img_onerror", "<img src=x onerror=alert(1)>"),
    ("img_onerror_upper", "<IMG SRC=x ONERROR=alert(1)>"),
    ("body_onload", "<body onload=alert(1)><p>hi</p>"),
    ("p_onmouseover", "<p onmouseover=\"alert(1)\">hover</p>"),
    ("a_onclick_odd_case", "<a href=\"/x\" OnClIcK=\"alert(1)\">x</a>"),
    ("onerror_newlines", "<img src=x\nonerror\n=\nalert(1)>"),
    ("onerror_slash_separators", "<img/src=x/onerror=alert(1)>"),
    ("onerror_no_space", "<img src=\"x\"onerror=\"alert(1)\">"),
    ("p_slash_onclick", "<p/onclick=alert(1)>t</p>"),
    ("div_onclick", "<div onclick=alert(1)>d</div>"),
    ("time_onmouseover", "<time datetime=\"2026-01-01\" onmouseover=alert(1)>t</time>"),
    ("a_onfocus_autofocus", "<a href=\"https://a.example/\" onfocus=alert(1) autofocus tabindex=1>x</a>"),
    ("svg_circle_onclick", "<svg><circle onclick=alert(1) r=5></circle></svg>"),
    // javascript: URLs in disguise.
    ("js_plain", "<a href=\"javascript:alert(1)\">x</a>"),
    ("js_mixed_case", "<a href=\"JaVaScRiPt:alert(1)\">x</a>"),
    ("js_unquoted", "<a href=javascript:alert(1)>x</a>"),
    ("js_decimal_entity", "<a href=\"&#106;avascript:alert(1)\">x</a>"),
    ("js_hex_entity", "<a href=\"&#x6A;avascript:alert(1)\">x</a>"),
    ("js_entities_no_semicolons", "<a href=\"&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(1)\">x</a>"),
    ("js_padded_entities", "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115cript:alert(1)\">x</a>"),
    ("js_colon_entity", "<a href=\"javascript&colon;alert(1)\">x</a>"),
    ("js_colon_decimal", "<a href=\"javascript&#58;alert(1)\">x</a>"),
    ("js_tab_inside", "<a href=\"java\tscript:alert(1)\">x</a>"),
    ("js_newline_inside", "<a href=\"java\nscript:alert(1)\">x</a>"),
    ("js_cr_inside", "<a href=\"java\rscript:alert(1)\">x</a>"),
    ("js_named_tab", "<a href=\"java&Tab;script:alert(1)\">x</a>"),
    ("js_named_newline", "<a href=\"java&NewLine;script:alert(1)\">x</a>"),
    ("js_hex_tab", "<a href=\"jav&#x09;ascript:alert(1)\">x</a>"),
    ("js_leading_spaces", "<a href=\"   javascript:alert(1)\">x</a>"),
    ("js_leading_space_entity", "<a href=\"&#x20;javascript:alert(1)\">x</a>"),
    ("js_leading_control", "<a href=\"\u{1}javascript:alert(1)\">x</a>"),
    ("js_leading_control_entity", "<a href=\"&#1;&#31;javascript:alert(1)\">x</a>"),
    ("js_null_inside", "<a href=\"java\0script:alert(1)\">x</a>"),
    ("js_zero_width_inside", "<a href=\"java\u{200B}script:alert(1)\">x</a>"),
    ("js_fullwidth", "<a href=\"\u{FF4A}\u{FF41}\u{FF56}\u{FF41}script:alert(1)\">x</a>"),
    ("js_double_encoded", "<a href=\"&amp;#106;avascript:alert(1)\">x</a>"),
    ("js_img_src", "<img src=\"javascript:alert(1)\">"),
    ("js_img_src_unquoted", "<img src=javascript:alert(1)>"),
    ("js_blockquote_cite", "<blockquote cite=\"javascript:alert(1)\">q</blockquote>"),
    ("js_in_table_cell", "<table><tr><td><a href=javascript:alert(1)>x</a></td></tr></table>"),
    ("vbscript_link", "<a href=\"vbscript:msgbox(1)\">x</a>"),
    ("vbscript_q_cite", "<q cite=\"VBScript:msgbox(1)\">q</q>"),
    ("data_html_link", "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>"),
    ("data_html_link_markup", "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>"),
    ("data_svg_img", "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">"),
    // <script> in its variants.
    ("script_plain", "<script>alert(1)</script><p>after</p>"),
    ("script_upper_src", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>"),
    ("script_nested_split", "<scr<script>ipt>alert(1)</scr</script>ipt>"),
    ("script_self_closing", "<script src=\"//evil.example/x.js\"/><p>swallowed</p>"),
    ("script_in_attribute", "<p title=\"<script>alert(1)</script>\">t</p>"),
    ("script_null_in_name", "<scr\0ipt>alert(1)</scr\0ipt>"),
    // SVG.
    ("svg_script", "<svg><script>alert(1)</script></svg>"),
    ("svg_onload", "<svg onload=alert(1)>"),
    ("svg_xlink_href", "<svg><a xlink:href=\"javascript:alert(1)\"><text x=20 y=20>click</text></a></svg>"),
    ("svg_animate_onbegin", "<svg><animate onbegin=alert(1) attributeName=x dur=1s>"),
    ("svg_animate_href", "<svg><a><animate attributeName=href values=javascript:alert(1) /><text x=20 y=20>X</text></a></svg>"),
    ("svg_foreign_object", "<svg><foreignObject><iframe src=javascript:alert(1)></iframe><img src=x onerror=alert(1)></foreignObject></svg>"),
    ("svg_use_data", "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)'/></svg>#x\"></use></svg>"),
    ("svg_p_breakout", "<svg><p><img src=x onerror=alert(1)></p></svg>"),
    ("svg_style_mxss", "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">"),
    // MathML.
    ("math_mglyph_style", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
    ("math_mglyph_comment_mxss", "<math><mtext><table><mglyph><style><!--</style><img title=\"--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert(1)&gt;\">"),
    ("math_maction_xlink", "<math><maction actiontype=\"statusline\" xlink:href=\"javascript:alert(1)\">click<mtext>x</mtext></maction></math>"),
    ("math_href", "<math href=\"javascript:alert(1)\">x</math>"),
    ("math_style_img_breakout", "<math><style><img src=x onerror=alert(1)></style></math>"),
    // Raw text and mutation tricks.
    ("noscript_title_mutation", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">"),
    ("noscript_after_text", "<p>x</p><noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">"),
    ("style_img", "<style><img src=x onerror=alert(1)></style>"),
    ("style_import", "<style>@import 'https://evil.example/x.css';</style><p>t</p>"),
    ("template_img", "<template><img src=x onerror=alert(1)></template>"),
    ("template_script", "<template><script>alert(1)</script></template>"),
    ("textarea_breakout", "<textarea></textarea><img src=x onerror=alert(1)>"),
    ("textarea_content", "<textarea><img src=x onerror=alert(1)></textarea>"),
    ("xmp", "<xmp><img src=x onerror=alert(1)></xmp>"),
    ("plaintext", "<plaintext><img src=x onerror=alert(1)>"),
    ("comment", "<!--<img src=x onerror=alert(1)>-->"),
    ("comment_abrupt_close", "<!--><img src=x onerror=alert(1)>-->"),
    ("cdata", "<![CDATA[<img src=x onerror=alert(1)>]]>"),
    ("select_style", "<select><style><img src=x onerror=alert(1)></style></select>"),
    ("table_style", "<table><style><img src=x onerror=alert(1)></style></table>"),
    ("title_breakout", "<title><img src=x onerror=alert(1)></title>"),
    // Embedded documents and plugins.
    ("iframe_src", "<iframe src=\"javascript:alert(1)\"></iframe>"),
    ("iframe_srcdoc", "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>"),
    ("object_data", "<object data=\"javascript:alert(1)\"></object>"),
    ("object_param", "<object><param name=src value=javascript:alert(1)></object>"),
    ("embed", "<embed src=\"https://evil.example/x.swf\">"),
    ("frameset_onload", "<frameset onload=alert(1)><frame src=\"javascript:alert(1)\"></frameset>"),
    // Forms.
    ("form_action", "<form action=\"javascript:alert(1)\"><input type=submit></form>"),
    ("nested_forms", "<form id=a><form action=javascript:alert(1)><button>b</button></form></form>"),
    ("button_formaction", "<button formaction=\"javascript:alert(1)\">go</button>"),
    ("input_onfocus_autofocus", "<input onfocus=alert(1) autofocus>"),
    ("isindex_action", "<isindex action=\"javascript:alert(1)\" type=image src=x onerror=alert(1)>"),
    ("keygen_onfocus", "<keygen autofocus onfocus=alert(1)>"),
    // Document-level elements.
    ("meta_refresh", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">"),
    ("base_href", "<base href=\"https://evil.example/\"><a href=\"/x\">x</a>"),
    ("link_stylesheet", "<link rel=stylesheet href=\"https://evil.example/x.css\"><p>t</p>"),
    // DOM clobbering.
    ("clobber_img_name", "<img name=cookie src=x>"),
    ("clobber_a_id", "<a id=location href=\"https://evil.example/\">x</a>"),
    ("clobber_form_name", "<form name=body><input name=attributes></form>"),
    ("clobber_map_area", "<img src=\"/a.png\" usemap=\"#m\"><map name=\"m\"><area href=\"javascript:alert(1)\" shape=rect coords=\"0,0,1,1\"></map>"),
    // Styles.
    ("style_expression", "<p style=\"width: expression(alert(1))\">t</p>"),
    ("style_url_js", "<p style=\"background:url(javascript:alert(1))\">t</p>"),
    // Targets and other link attributes.
    ("target_self", "<a href=\"https://a.example/\" target=\"_self\">x</a>"),
    ("target_blank", "<a href=\"https://a.example/\" target=\"_blank\">x</a>"),
    ("target_blank_first", "<a target=\"_blank\" href=\"https://a.example/\">x</a>"),
    ("target_blank_rel_opener", "<a href=\"https://a.example/\" target=\"_blank\" rel=\"opener\">x</a>"),
    ("target_named_window", "<a href=\"https://a.example/\" target=\"evil\">x</a>"),
    ("a_ping", "<a href=\"https://a.example/\" ping=\"https://evil.example/\">x</a>"),
    ("img_srcset", "<img src=\"/a.jpg\" srcset=\"javascript:alert(1) 1x\">"),
    // Interactive and media elements.
    ("details_ontoggle", "<details open ontoggle=alert(1)><summary>s</summary>t</details>"),
    ("marquee_onstart", "<marquee onstart=alert(1)>m</marquee>"),
    ("dialog_onclose", "<dialog open onclose=alert(1)>d</dialog>"),
    ("video_source_onerror", "<video><source onerror=alert(1) src=x></video>"),
    ("audio_onerror", "<audio src=x onerror=alert(1)>"),
    // Unicode and malformed input.
    ("unterminated_tag", "<img src=x onerror=\"alert(1)\"//"),
    ("line_separator_scheme", "<a href=\"\u{2028}javascript:alert(1)\">x</a>"),
    ("fullwidth_brackets", "\u{FF1C}script\u{FF1E}alert(1)\u{FF1C}/script\u{FF1E}"),
    ("bom_and_nulls", "\u{FEFF}<p>\0<img src=x onerror=alert(1)>\0</p>"),
    // Structure the parser rearranges.
    ("table_in_p", "<p>a<table><tr><td><img src=x onerror=alert(1)></td></tr></table>b</p>"),
    ("leading_whitespace", "<object data=x></object> \n<p>a</p>"),
    ("head_elements_first", "<meta charset=utf-8><title>t</title><p onclick=alert(1)>a</p>"),
    ("nested_p_via_marquee", "<p>a<marquee><p onclick=alert(1)>b</p></marquee>c</p>"),
    ("nested_a_via_marquee", "<a href=/1>x<marquee><a href=javascript:alert(1)>y</a></marquee>z</a>"),
    ("nested_li_via_details", "<ul><li>a<details><li onclick=alert(1)>b</li></details></li></ul>"),
    ("nested_heading_via_section", "<h2>a<section><h3 onclick=alert(1)>b</h3></section></h2>"),
    ("pre_leading_newlines", "<pre>\n\n<code onclick=alert(1)>x</code></pre>"),
];

/// Corpus entries whose sanitized form is not a fixed point, each for a reason that is no
/// weakness:
/// - both implementations unwrap unknown elements, and unwrapping one that is a scope boundary
///   for the parser (`<marquee>`, `<details>`, `<section>`) leaves a nesting no parse produces:
///   `<p>` in `<p>`, `<a>` in `<a>`, `<li>` in `<li>`, a heading in a heading. The next parse
///   splits it. What that parse makes is still only allowed elements and attributes, which the
///   browser run of `hostile_bodies_come_out_within_the_policy` checks on exactly that parse;
/// - serializers write the text of a `<pre>` as it is, so when it starts with a newline (the
///   first one having been eaten by the first parse, as the HTML spec says) the next parse eats
///   that one too.
const NOT_FIXED_POINTS: &[&str] = &[
    "nested_p_via_marquee",
    "nested_a_via_marquee",
    "nested_li_via_details",
    "nested_heading_via_section",
    "pre_leading_newlines",
];

/// The corpus less [`NOT_FIXED_POINTS`], with the legitimate bodies.
fn fixed_point_cases() -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    HOSTILE
        .iter()
        .chain(LEGITIMATE)
        .filter(|(name, _)| !NOT_FIXED_POINTS.contains(name))
}

// --- Checks by string, on both targets ------------------------------------------------------

/// A start or end tag of serialized output, its attribute values decoded.
#[derive(Debug)]
struct Tag {
    name: String,
    is_end: bool,
    attributes: Vec<(String, String)>,
}

/// Splits serialized HTML (as produced by ammonia or `innerHTML`: double-quoted attribute values,
/// `<` always escaped in text) into its tags and the lowercased markup without attribute values.
/// Anything a serializer would not produce is an error.
fn tokenize(html: &str) -> Result<(Vec<Tag>, String), String> {
    let chars: Vec<char> = html.chars().collect();
    let mut tags = Vec::new();
    let mut markup = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '<' {
            i += 1;
            continue;
        }
        i += 1;
        let is_end = chars.get(i) == Some(&'/');
        if is_end {
            i += 1;
        }
        if !chars.get(i).is_some_and(|c| c.is_ascii_alphabetic()) {
            return Err(format!("a '<' that opens no tag at {i}"));
        }
        let mut name = String::new();
        while let Some(&c) = chars.get(i) {
            if c.is_whitespace() || c == '>' || c == '/' {
                break;
            }
            name.push(c.to_ascii_lowercase());
            i += 1;
        }
        markup.push('<');
        if is_end {
            markup.push('/');
        }
        markup.push_str(&name);
        let mut attributes = Vec::new();
        loop {
            match chars.get(i) {
                None => return Err(format!("unterminated tag <{name}")),
                Some('>') => {
                    i += 1;
                    break;
                }
                Some(c) if c.is_whitespace() || *c == '/' => i += 1,
                Some(_) => {
                    let mut attribute = String::new();
                    while let Some(&c) = chars.get(i) {
                        if c.is_whitespace() || c == '=' || c == '>' || c == '/' {
                            break;
                        }
                        attribute.push(c.to_ascii_lowercase());
                        i += 1;
                    }
                    let mut value = String::new();
                    if chars.get(i) == Some(&'=') {
                        i += 1;
                        let quote = chars.get(i).copied();
                        if quote != Some('"') {
                            return Err(format!("unquoted value of {attribute} on <{name}>"));
                        }
                        i += 1;
                        while let Some(&c) = chars.get(i) {
                            i += 1;
                            if c == '"' {
                                break;
                            }
                            value.push(c);
                        }
                    }
                    markup.push(' ');
                    markup.push_str(&attribute);
                    markup.push_str("=\"\"");
                    attributes.push((attribute, decode_entities(&value)));
                }
            }
        }
        markup.push('>');
        tags.push(Tag {
            name,
            is_end,
            attributes,
        });
    }
    Ok((tags, markup))
}

/// Decodes the character references a serializer writes in attribute values.
fn decode_entities(value: &str) -> String {
    let mut decoded = String::new();
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        decoded.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semicolon) = rest.find(';') else {
            break;
        };
        let entity = &rest[1..semicolon];
        let character = match entity {
            "amp" => Some('&'),
            "quot" => Some('"'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "nbsp" => Some('\u{A0}'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .map(|hex| u32::from_str_radix(hex, 16))
                .or_else(|| entity.strip_prefix('#').map(str::parse))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        match character {
            Some(character) => {
                decoded.push(character);
                rest = &rest[semicolon + 1..];
            }
            None => {
                decoded.push('&');
                rest = &rest[1..];
            }
        }
    }
    decoded.push_str(rest);
    decoded
}

/// Whether `markup` has an attribute whose name starts with "on": " on", letters, "=".
fn has_event_attribute(markup: &str) -> bool {
    markup.match_indices(" on").any(|(at, _)| {
        let after = &markup[at + 3..];
        let letters = after
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(after.len());
        letters > 0 && after[letters..].starts_with('=')
    })
}

/// Attributes the sanitizers add themselves: `rel` on links, and lazy loading on images.
fn is_added_attribute(element: &str, attribute: &str) -> bool {
    matches!((element, attribute), ("a", "rel") | ("img", "loading"))
}

/// The policy, checked on the serialized output. Returns what is wrong, if anything.
fn string_violations(output: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let (tags, markup) = match tokenize(output) {
        Ok(parsed) => parsed,
        Err(error) => return vec![format!("cannot tokenize output: {error}")],
    };
    for forbidden in [
        "<script",
        "<style",
        "<iframe",
        "<svg",
        "<math",
        "<template",
        "<noscript",
        "<form",
        "<object",
        "<embed",
        "<textarea",
        "<xmp",
        "<plaintext",
        "<base",
        "<meta",
        "<link",
        " id=",
        " name=",
        " style=",
        " srcset=",
        " xlink:",
        " formaction=",
        " srcdoc=",
    ] {
        if markup.contains(forbidden) {
            problems.push(format!("markup contains {forbidden:?}"));
        }
    }
    if has_event_attribute(&markup) {
        problems.push("markup has an on* attribute".into());
    }
    let lower = output.to_lowercase();
    for scheme in ["javascript:", "vbscript:", "data:text"] {
        if lower.contains(scheme) {
            problems.push(format!("output contains {scheme:?}"));
        }
    }
    for tag in &tags {
        if !policy::ELEMENTS.contains(&tag.name.as_str()) {
            problems.push(format!("element <{}> is not allowed", tag.name));
        }
        if tag.is_end {
            continue;
        }
        for (attribute, value) in &tag.attributes {
            if attribute.starts_with("on") {
                problems.push(format!("<{}> has event attribute {attribute}", tag.name));
            }
            if !policy::is_allowed_attribute(&tag.name, attribute)
                && !is_added_attribute(&tag.name, attribute)
            {
                problems.push(format!("<{}> has attribute {attribute}", tag.name));
            }
            if policy::URL_ATTRIBUTES.contains(&attribute.as_str())
                && !policy::is_allowed_url(value)
            {
                problems.push(format!("<{}> has {attribute}={value:?}", tag.name));
            }
        }
        let value_of = |wanted: &str| {
            tag.attributes
                .iter()
                .find(|(attribute, _)| attribute == wanted)
                .map(|(_, value)| value.as_str())
        };
        if let Some(target) = value_of("target") {
            let rel = value_of("rel").unwrap_or_default();
            if target != "_blank" || !rel.split_ascii_whitespace().any(|r| r == "noopener") {
                problems.push(format!("<{}> has target={target:?}, rel={rel:?}", tag.name));
            }
        }
    }
    problems
}

// --- Checks on the parsed tree, in the browser ----------------------------------------------

/// Parses the output the way the article page inserts it, into a `<div>`, in an inert document,
/// and checks every element and attribute of the result.
#[cfg(target_arch = "wasm32")]
fn dom_violations(output: &str) -> Vec<String> {
    use wasm_bindgen::JsCast;
    use web_sys::{DomParser, Element, SupportedType};

    let document = DomParser::new()
        .unwrap()
        .parse_from_string(
            "<!DOCTYPE html><title>check</title>",
            SupportedType::TextHtml,
        )
        .unwrap();
    let container = document.create_element("div").unwrap();
    container.set_inner_html(output);
    let elements = container.query_selector_all("*").unwrap();
    let mut problems = Vec::new();
    for index in 0..elements.length() {
        let element: Element = elements.item(index).unwrap().dyn_into().unwrap();
        let name = element.local_name();
        if element.namespace_uri().as_deref() != Some("http://www.w3.org/1999/xhtml") {
            problems.push(format!(
                "<{name}> is in namespace {:?}",
                element.namespace_uri()
            ));
        }
        if !policy::ELEMENTS.contains(&name.as_str()) {
            problems.push(format!("element <{name}> is not allowed"));
        }
        let attributes = element.attributes();
        for index in 0..attributes.length() {
            let attribute = attributes.item(index).unwrap();
            let (attribute, value) = (attribute.name(), attribute.value());
            if attribute.to_ascii_lowercase().starts_with("on") {
                problems.push(format!("<{name}> has event attribute {attribute}"));
            }
            if !policy::is_allowed_attribute(&name, &attribute)
                && !is_added_attribute(&name, &attribute)
            {
                problems.push(format!("<{name}> has attribute {attribute}"));
            }
            if policy::URL_ATTRIBUTES.contains(&attribute.as_str())
                && !policy::is_allowed_url(&value)
            {
                problems.push(format!("<{name}> has {attribute}={value:?}"));
            }
        }
        if let Some(target) = element.get_attribute("target") {
            let rel = element.get_attribute("rel").unwrap_or_default();
            if target != "_blank" || !rel.split_ascii_whitespace().any(|r| r == "noopener") {
                problems.push(format!("<{name}> has target={target:?}, rel={rel:?}"));
            }
        }
    }
    problems
}

/// Everything wrong with the sanitized form of `input`, on this target.
fn violations(input: &str) -> (String, Vec<String>) {
    let output = sanitize_html(input).as_str().to_owned();
    #[allow(unused_mut)]
    let mut problems = string_violations(&output);
    #[cfg(target_arch = "wasm32")]
    problems.extend(dom_violations(&output));
    (output, problems)
}

fn assert_within_policy(cases: &[(&str, &str)]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(name, input)| {
            let (output, problems) = violations(input);
            (!problems.is_empty()).then(|| {
                format!(
                    "{name}: {input:?}\n  -> {output:?}\n  {}",
                    problems.join("\n  ")
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} bodies break the policy:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

fn clean(input: &str) -> String {
    sanitize_html(input).as_str().to_owned()
}

// --- Hostile input ---------------------------------------------------------------------------

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn corpus_is_large_and_names_are_unique() {
    assert!(HOSTILE.len() >= 45, "only {} hostile bodies", HOSTILE.len());
    let mut names: Vec<&str> = HOSTILE.iter().map(|(name, _)| *name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), HOSTILE.len(), "duplicate names in the corpus");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn hostile_bodies_come_out_within_the_policy() {
    assert_within_policy(HOSTILE);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn sanitizing_twice_changes_nothing() {
    for name in NOT_FIXED_POINTS {
        assert!(
            HOSTILE.iter().any(|(n, _)| n == name),
            "{name} is not in the corpus"
        );
    }
    let failures: Vec<String> = fixed_point_cases()
        .filter_map(|(name, input)| {
            let once = clean(input);
            let twice = clean(&once);
            (once != twice)
                .then(|| format!("{name}: {input:?}\n  once:  {once:?}\n  twice: {twice:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "not stable:\n{}", failures.join("\n"));
}

/// The article page puts the output in a `<div>` with `innerHTML`, in a standards-mode page;
/// that parse must give back the very tree the sanitizer built and checked.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen_test::wasm_bindgen_test]
fn the_page_parses_the_output_into_the_tree_the_sanitizer_built() {
    use web_sys::{DomParser, SupportedType};

    let document = DomParser::new()
        .unwrap()
        .parse_from_string(
            "<!DOCTYPE html><title>page</title>",
            SupportedType::TextHtml,
        )
        .unwrap();
    assert_eq!(document.compat_mode(), "CSS1Compat");
    let container = document.create_element("div").unwrap();
    let failures: Vec<String> = fixed_point_cases()
        .filter_map(|(name, input)| {
            let output = clean(input);
            container.set_inner_html(&output);
            let parsed = container.inner_html();
            (parsed != output)
                .then(|| format!("{name}: {input:?}\n  output: {output:?}\n  parsed: {parsed:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "parsed differently:\n{}",
        failures.join("\n")
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn both_implementations_parse_in_standards_mode_inside_the_body() {
    // In standards mode a `<table>` closes the open `<p>` (in quirks mode it would nest).
    assert_eq!(
        clean("<p>a<table><tr><td>x</td></tr></table>b</p>"),
        "<p>a</p><table><tbody><tr><td>x</td></tr></tbody></table>b<p></p>"
    );
    // Parsed inside `<body>`: whitespace before the first kept element stays, and elements that
    // would belong in a document's head are dropped where they stand.
    assert_eq!(clean("<object data=x></object> \n<p>a</p>"), " \n<p>a</p>");
    assert_eq!(
        clean("<meta charset=utf-8><title>t</title><p>a</p>"),
        "<p>a</p>"
    );
    assert_eq!(clean("  <p>a</p>"), "  <p>a</p>");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn the_checks_catch_what_they_should() {
    // The checks themselves, on markup that is not sanitized: each must be flagged.
    for unsafe_output in [
        "<script>alert(1)</script>",
        "<img src=\"x\" onerror=\"alert(1)\">",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"https://a.example/\" target=\"_blank\">x</a>",
        "<a href=\"https://a.example/\" target=\"_self\" rel=\"noopener\">x</a>",
        "<p id=\"location\">x</p>",
        "<p style=\"color: red\">x</p>",
        "<section>x</section>",
        "<svg></svg>",
    ] {
        assert!(
            !string_violations(unsafe_output).is_empty(),
            "not flagged: {unsafe_output}"
        );
    }
    // ... while attribute values and escaped text that merely mention them are not.
    assert_eq!(
        string_violations("<p title=\"x onerror=y &lt;script&gt;\">a &lt;script&gt; b</p>"),
        Vec::<String>::new()
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn event_handlers_go_and_the_element_stays() {
    assert_eq!(
        clean("<p onmouseover=\"alert(1)\">hover</p>"),
        "<p>hover</p>"
    );
    assert_eq!(clean("<div OnClick=alert(1)>d</div>"), "<div>d</div>");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn dangerous_link_urls_go_and_the_link_text_stays() {
    // ammonia gives every link its `rel`; the DOM sanitizer only links that open a new window.
    let bare_link = if cfg!(target_arch = "wasm32") {
        "<a>x</a>"
    } else {
        "<a rel=\"noopener noreferrer\">x</a>"
    };
    for (name, input) in HOSTILE
        .iter()
        .filter(|(name, _)| name.starts_with("js_") || name.starts_with("vbscript_link"))
        .filter(|(_, input)| input.starts_with("<a href="))
        .filter(|(name, _)| *name != "js_double_encoded")
    {
        assert_eq!(clean(input), bare_link, "{name}: {input:?}");
    }
    // `&amp;#106;...` is no character reference but the text `&#106;...`: a relative URL.
    assert!(policy::is_allowed_url("&#106;avascript:alert(1)"));
    let double_encoded = clean("<a href=\"&amp;#106;avascript:alert(1)\">x</a>");
    assert!(
        double_encoded.starts_with("<a href=\"&amp;#106;avascript:alert(1)\""),
        "{double_encoded}"
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn dangerous_elements_go_with_their_content() {
    assert_eq!(
        clean("<script>alert(1)</script><p>after</p>"),
        "<p>after</p>"
    );
    assert_eq!(clean("<p>a<style>p{}</style>b</p>"), "<p>ab</p>");
    assert_eq!(clean("<p>a<svg><text>b</text></svg>c</p>"), "<p>ac</p>");
    assert_eq!(
        clean("<p>a<iframe src=\"https://a.example/\"></iframe>b</p>"),
        "<p>ab</p>"
    );
    assert_eq!(clean("<p>a<textarea>b</textarea>c</p>"), "<p>ac</p>");
    assert_eq!(clean("<p>a<!-- b -->c</p>"), "<p>ac</p>");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn unknown_elements_are_unwrapped() {
    assert_eq!(clean("<section><p>x</p></section>"), "<p>x</p>");
    assert_eq!(clean("<p><font color=red>x</font></p>"), "<p>x</p>");
    assert_eq!(
        clean("<form action=\"javascript:alert(1)\"><p>x</p></form>"),
        "<p>x</p>"
    );
    assert_eq!(clean("<marquee onstart=alert(1)>m</marquee>"), "m");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn only_blank_targets_survive_and_they_get_noopener() {
    let blank = clean("<a href=\"https://a.example/\" target=\"_blank\" rel=\"opener\">x</a>");
    let expected = if cfg!(target_arch = "wasm32") {
        "<a href=\"https://a.example/\" rel=\"noopener noreferrer\" target=\"_blank\">x</a>"
    } else {
        "<a href=\"https://a.example/\" target=\"_blank\" rel=\"noopener noreferrer\">x</a>"
    };
    assert_eq!(blank, expected);
    for other in ["_self", "_top", "_parent", "evil", "_BLANK"] {
        let output = clean(&format!("<a href=\"/x\" target=\"{other}\">x</a>"));
        assert!(!output.contains("target"), "{other}: {output}");
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn clobbering_and_style_attributes_go() {
    assert_eq!(
        clean("<p id=\"location\" style=\"color:red\" class=\"x\">t</p>"),
        "<p>t</p>"
    );
    let image = clean("<img name=cookie src=\"/a.png\">");
    assert!(image.starts_with("<img src=\"/a.png\""), "{image}");
    assert!(!image.contains("name"), "{image}");
}

// --- Legitimate input ------------------------------------------------------------------------

/// Ordinary article markup, every piece of which must survive.
const LEGITIMATE: &[(&str, &str)] = &[
    ("headings", "<h2>Harbour</h2><h3>Ferries</h3><h4>Timetable</h4>"),
    ("paragraph_inline", "<p>Hello <strong>world</strong> and <em>friends</em>, <b>b</b> <i>i</i> <u>u</u> <s>s</s> <mark>m</mark> <small>s</small> x<sub>2</sub> x<sup>2</sup></p>"),
    ("link", "<p><a href=\"https://news.example/a?b=1&amp;c=2#d\" title=\"More\">more</a></p>"),
    ("relative_links", "<p><a href=\"/ferry/\">a</a> <a href=\"page.html\">b</a> <a href=\"#note\">c</a> <a href=\"mailto:desk@news.example\">d</a> <a href=\"tel:+441234\">e</a></p>"),
    ("blockquote", "<blockquote cite=\"https://source.example/\"><p>Quoted.</p></blockquote>"),
    ("lists", "<ul><li>one</li><li>two</li></ul><ol start=\"3\" reversed=\"\" type=\"a\"><li>three</li></ol><dl><dt>term</dt><dd>definition</dd></dl>"),
    ("figure", "<figure><img src=\"https://cdn.example/p.jpg\" width=\"640\" height=\"480\" alt=\"The harbour at dawn\"><figcaption>The harbour.</figcaption></figure>"),
    ("table", "<table><caption>Fares</caption><thead><tr><th scope=\"col\">Route</th><th scope=\"col\">Fare</th></tr></thead><tbody><tr><td>A</td><td colspan=\"2\">£3</td></tr></tbody><tfoot><tr><td>x</td></tr></tfoot></table>"),
    ("code", "<p>Run <code>cargo test</code>, press <kbd>Enter</kbd>, see <samp>ok</samp>.</p><pre><code>fn main() {\n    println!(\"&lt;hi&gt;\");\n}</code></pre>"),
    ("escaped_text", "<p>1 &lt; 2 &amp;&amp; 3 &gt; 2, &lt;script&gt;alert(1)&lt;/script&gt;</p>"),
    ("global_attributes", "<p dir=\"rtl\" lang=\"ar\" title=\"t\">سوق</p>"),
    ("edits_and_time", "<p><del cite=\"/v1\" datetime=\"2026-01-01\">old</del><ins datetime=\"2026-01-02\">new</ins> <time datetime=\"2026-11-03T08:30:00Z\">3 Nov</time> <abbr title=\"Ferry Company\">FC</abbr> <q cite=\"/q\">q</q> <cite>Book</cite></p>"),
    ("rules_and_breaks", "<p>a<br>b</p><hr><div><span>x</span></div>"),
];

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn legitimate_markup_comes_out_within_the_policy() {
    assert_within_policy(LEGITIMATE);
}

/// Bodies both implementations keep exactly as they are.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn legitimate_markup_without_links_or_images_is_kept_exactly() {
    for (name, input) in LEGITIMATE
        .iter()
        .filter(|(_, input)| !input.contains("<a ") && !input.contains("<img"))
    {
        assert_eq!(clean(input), *input, "{name}");
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn escaped_text_stays_text() {
    let output = clean("<p>1 &lt; 2 &amp;&amp; &lt;img src=x onerror=alert(1)&gt;</p>");
    assert_eq!(
        output,
        "<p>1 &lt; 2 &amp;&amp; &lt;img src=x onerror=alert(1)&gt;</p>"
    );
    assert_eq!(clean("Fish &amp; chips"), "Fish &amp; chips");
    assert_eq!(clean("a < b > c"), "a &lt; b &gt; c");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn links_keep_href_and_title() {
    let output = clean("<p><a href=\"https://news.example/a\" title=\"More\">more</a></p>");
    let expected = if cfg!(target_arch = "wasm32") {
        "<p><a href=\"https://news.example/a\" title=\"More\">more</a></p>"
    } else {
        "<p><a href=\"https://news.example/a\" title=\"More\" rel=\"noopener noreferrer\">more</a></p>"
    };
    assert_eq!(output, expected);
    let relative = clean(
        LEGITIMATE
            .iter()
            .find(|(n, _)| *n == "relative_links")
            .unwrap()
            .1,
    );
    for href in [
        "/ferry/",
        "page.html",
        "#note",
        "mailto:desk@news.example",
        "tel:+441234",
    ] {
        assert!(
            relative.contains(&format!("href=\"{href}\"")),
            "{href}: {relative}"
        );
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn figures_keep_their_image_and_caption() {
    let output = clean(LEGITIMATE.iter().find(|(n, _)| *n == "figure").unwrap().1);
    let image = "<img src=\"https://cdn.example/p.jpg\" width=\"640\" height=\"480\" alt=\"The harbour at dawn\"";
    // Both sanitizers make pictures in the text load lazily.
    assert_eq!(
        output,
        format!("<figure>{image} loading=\"lazy\"><figcaption>The harbour.</figcaption></figure>")
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn html_to_text_decodes_references_and_drops_tags() {
    // WordPress's title.rendered and excerpt.rendered, as its texturizer writes them.
    assert_eq!(
        html_to_text("Harbour &#8216;back in business&#8217; &#8211; Fish &amp; Chips"),
        "Harbour \u{2018}back in business\u{2019} \u{2013} Fish & Chips"
    );
    assert_eq!(
        html_to_text("<p>The ferry&#8217;s back&hellip; <a href=\"/x\">Read more</a></p>\n"),
        "The ferry\u{2019}s back\u{2026} Read more"
    );
    assert_eq!(
        html_to_text("&lt;b&gt; is &quot;bold&quot;&nbsp;x"),
        "<b> is \"bold\"\u{a0}x"
    );
    assert_eq!(
        html_to_text("&amp;lt; stays escaped once"),
        "&lt; stays escaped once"
    );
    assert_eq!(
        html_to_text("a<script>alert(1)</script><style>p{}</style><template>t</template>b"),
        "ab"
    );
    assert_eq!(html_to_text("  "), "");
}
