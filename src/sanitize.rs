//! HTML from a backend is untrusted. Before it reaches the page it goes through an allowlist:
//! only the elements and attributes of ordinary article text survive, and URLs must be
//! `http(s)`, `mailto`, `tel` or relative.
//!
//! In the browser the markup is parsed by the browser's own parser into an inert document
//! (`DOMParser`), so the sanitizer cannot disagree with the browser about how it parses, and
//! costs a fraction of a Rust HTML parser in wasm. Natively (tests, prerendering) ammonia
//! applies the same policy.

use std::sync::{Arc, OnceLock};

#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(not(target_arch = "wasm32"))]
mod native;

/// HTML that has been through [`sanitize_html`]. Only that function makes one, so a view that
/// takes `SanitizedHtml` cannot be handed raw backend markup by mistake.
///
/// The markup is cleaned when it is first read. A prerendered page being hydrated never reads it:
/// its body is already on the page, cleaned when the page was built from the same data, and
/// cleaning it again took about a quarter of an article's hydration.
#[derive(Clone)]
pub struct SanitizedHtml(Arc<Markup>);

struct Markup {
    untrusted: String,
    clean: OnceLock<String>,
}

impl SanitizedHtml {
    pub fn as_str(&self) -> &str {
        self.0.clean.get_or_init(|| {
            #[cfg(target_arch = "wasm32")]
            let clean = dom::sanitize(&self.0.untrusted);
            #[cfg(not(target_arch = "wasm32"))]
            let clean = native::sanitize(&self.0.untrusted);
            clean
        })
    }
}

/// Cleaning is deterministic, so the same markup in is the same markup out; comparing what came
/// in does not clean either side.
impl PartialEq for SanitizedHtml {
    fn eq(&self, other: &Self) -> bool {
        self.0.untrusted == other.0.untrusted
    }
}

impl Eq for SanitizedHtml {}

impl std::fmt::Debug for SanitizedHtml {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_tuple("SanitizedHtml")
            .field(&self.as_str())
            .finish()
    }
}

/// Cleans untrusted HTML according to the policy below (when the result is first read).
pub fn sanitize_html(untrusted: &str) -> SanitizedHtml {
    SanitizedHtml(Arc::new(Markup {
        untrusted: untrusted.to_owned(),
        clean: OnceLock::new(),
    }))
}

/// As an element's `inner_html`: hydrating a page rendered from the same data leaves the markup
/// that is there, and does not clean it again.
mod inner_html {
    use super::SanitizedHtml;
    use leptos::tachys::html::attribute::IntoAttributeValue;
    use leptos::tachys::html::element::InnerHtmlValue;
    use leptos::tachys::renderer::{types::Element, Rndr};

    /// What `view!` asks of an `inner_html=` value.
    impl IntoAttributeValue for SanitizedHtml {
        type Output = Self;

        fn into_attribute_value(self) -> Self {
            self
        }
    }

    impl InnerHtmlValue for SanitizedHtml {
        type AsyncOutput = Self;
        type State = (Element, Self);
        type Cloneable = Self;
        type CloneableOwned = Self;

        /// An estimate, to size a buffer: measuring the cleaned markup would clean it, and Leptos
        /// asks this of every `inner_html` it erases, hydrating too.
        fn html_len(&self) -> usize {
            self.0.untrusted.len()
        }

        fn to_html(self, buf: &mut String) {
            buf.push_str(self.as_str());
        }

        fn to_template(_buf: &mut String) {}

        fn hydrate<const FROM_SERVER: bool>(self, el: &Element) -> Self::State {
            if !FROM_SERVER {
                Rndr::set_inner_html(el, self.as_str());
            }
            (el.clone(), self)
        }

        fn build(self, el: &Element) -> Self::State {
            Rndr::set_inner_html(el, self.as_str());
            (el.clone(), self)
        }

        fn rebuild(self, state: &mut Self::State) {
            if self != state.1 {
                Rndr::set_inner_html(&state.0, self.as_str());
                state.1 = self;
            }
        }

        fn into_cloneable(self) -> Self::Cloneable {
            self
        }

        fn into_cloneable_owned(self) -> Self::CloneableOwned {
            self
        }

        fn dry_resolve(&mut self) {}

        async fn resolve(self) -> Self::AsyncOutput {
            self
        }
    }
}

/// The text of an HTML fragment, with character references decoded and tags dropped, such as
/// WordPress's `title.rendered` (`Ferry &#8216;back on&#8217;`) shown as plain text. The text of
/// elements that are never shown (`script`, `style`, `template`...) is left out. Leading and
/// trailing whitespace is trimmed.
pub fn html_to_text(html: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    let text = dom::text(html);
    #[cfg(not(target_arch = "wasm32"))]
    let text = native::text(html);
    text.trim().to_owned()
}

/// The policy, shared by both implementations (and by the tests that check their output).
pub mod policy {
    /// Elements kept, with their allowed attributes.
    pub const ELEMENTS: &[&str] = &[
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "dd",
        "del",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
    ];

    /// Elements removed together with everything inside them: code, styles, embedded documents,
    /// foreign content (SVG, MathML) and form controls. Other unknown elements are unwrapped:
    /// their text stays, the element goes.
    pub const DROPPED_WITH_CONTENT: &[&str] = &[
        "applet",
        "audio",
        "base",
        "button",
        "canvas",
        "datalist",
        "dialog",
        "embed",
        "frame",
        "frameset",
        "head",
        "iframe",
        "input",
        "link",
        "math",
        "meta",
        "noembed",
        "noframes",
        "noscript",
        "object",
        "optgroup",
        "option",
        "output",
        "param",
        "plaintext",
        "script",
        "select",
        "slot",
        "source",
        "style",
        "svg",
        "template",
        "textarea",
        "title",
        "track",
        "video",
        "xmp",
    ];

    /// Attributes allowed on every kept element.
    pub const GLOBAL_ATTRIBUTES: &[&str] = &["dir", "lang", "title"];

    /// Attributes allowed on particular elements.
    pub const ELEMENT_ATTRIBUTES: &[(&str, &[&str])] = &[
        ("a", &["href", "target", "rel"]),
        ("blockquote", &["cite"]),
        ("del", &["cite", "datetime"]),
        ("img", &["src", "alt", "width", "height"]),
        ("ins", &["cite", "datetime"]),
        ("ol", &["start", "reversed", "type"]),
        ("q", &["cite"]),
        ("td", &["colspan", "rowspan"]),
        ("th", &["colspan", "rowspan", "scope"]),
        ("time", &["datetime"]),
    ];

    /// Attributes holding a URL, checked against [`URL_SCHEMES`].
    pub const URL_ATTRIBUTES: &[&str] = &["href", "src", "cite"];

    /// Schemes a URL may have; relative URLs (no scheme) are allowed too.
    pub const URL_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

    /// The `rel` every link that opens a new window gets, so the opened page cannot reach back.
    pub const NEW_WINDOW_REL: &str = "noopener noreferrer";

    pub fn is_allowed_attribute(element: &str, attribute: &str) -> bool {
        GLOBAL_ATTRIBUTES.contains(&attribute)
            || ELEMENT_ATTRIBUTES
                .iter()
                .any(|(name, attributes)| *name == element && attributes.contains(&attribute))
    }

    /// Whether a URL attribute's value is safe, by the scheme a browser would see: browsers
    /// ignore ASCII tab and newline anywhere and leading spaces and control characters, so
    /// `" java\tscript:"` is `javascript:`.
    pub fn is_allowed_url(value: &str) -> bool {
        let seen: String = value
            .trim_start_matches(|c: char| c <= ' ')
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect();
        match seen.find(':') {
            None => true,
            Some(colon) => {
                let scheme = &seen[..colon];
                // A colon after a path, query or fragment start is not a scheme separator.
                if scheme.contains(['/', '?', '#']) {
                    return true;
                }
                URL_SCHEMES
                    .iter()
                    .any(|allowed| scheme.eq_ignore_ascii_case(allowed))
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn urls_are_judged_by_the_scheme_a_browser_sees() {
            for good in [
                "https://a.example/",
                "/path",
                "page.html",
                "#note",
                "mailto:a@b.example",
                "tel:+441234",
                "?q=a:b",
                "a/b:c",
            ] {
                assert!(is_allowed_url(good), "{good}");
            }
            for bad in [
                "javascript:alert(1)",
                " JaVaScRiPt:alert(1)",
                "java\tscript:alert(1)",
                "\u{1}javascript:x",
                "data:text/html,x",
                "vbscript:x",
                "jar:x",
            ] {
                assert!(!is_allowed_url(bad), "{bad:?}");
            }
        }

        #[test]
        fn no_element_is_both_kept_and_dropped() {
            for element in ELEMENTS {
                assert!(!DROPPED_WITH_CONTENT.contains(element), "{element}");
            }
        }
    }
}
