use super::policy;
use wasm_bindgen::JsCast;
use web_sys::{Document, DomParser, Element, Node, SupportedType};

/// Parses into an inert document (no scripts run, no resources load there), then copies only
/// what the policy allows into fresh elements of that document and serializes them.
pub fn sanitize(untrusted: &str) -> String {
    let Some((parsed, body)) = parse(untrusted) else {
        return String::new();
    };
    let Ok(output) = parsed.create_element("div") else {
        return String::new();
    };
    copy_children(&parsed, &body, &output);
    output.inner_html()
}

/// The text the policy would keep: unshown elements and their content are removed first.
pub fn text(html: &str) -> String {
    let Some((_, body)) = parse(html) else {
        return String::new();
    };
    if let Ok(unshown) = body.query_selector_all(&policy::DROPPED_WITH_CONTENT.join(",")) {
        for index in 0..unshown.length() {
            if let Some(element) = unshown
                .item(index)
                .and_then(|node| node.dyn_into::<Element>().ok())
            {
                element.remove();
            }
        }
    }
    body.text_content().unwrap_or_default()
}

fn parse(untrusted: &str) -> Option<(Document, web_sys::HtmlElement)> {
    // Parsed as the page will parse the result: in standards mode (without a doctype the document
    // would be in quirks mode, where `<table>` does not close an open `<p>`) and inside `<body>`
    // (before it, leading whitespace would be dropped and head elements moved to the head).
    let markup = format!("<!DOCTYPE html><body>{untrusted}");
    // DOMParser exists in every browser the app runs in; without it nothing is shown rather
    // than anything unchecked.
    let parsed = DomParser::new()
        .ok()?
        .parse_from_string(&markup, SupportedType::TextHtml)
        .ok()?;
    let body = parsed.body()?;
    Some((parsed, body))
}

fn copy_children(document: &Document, from: &Node, into: &Node) {
    let children = from.child_nodes();
    for index in 0..children.length() {
        if let Some(child) = children.item(index) {
            copy_node(document, &child, into);
        }
    }
}

fn copy_node(document: &Document, node: &Node, into: &Node) {
    match node.node_type() {
        Node::TEXT_NODE => {
            let text = document.create_text_node(&node.text_content().unwrap_or_default());
            let _ = into.append_child(&text);
        }
        Node::ELEMENT_NODE => {
            let Some(element) = node.dyn_ref::<Element>() else {
                return;
            };
            // Elements of foreign content (SVG, MathML) never match: their local names are
            // compared only when the element is in the HTML namespace.
            let is_html =
                element.namespace_uri().as_deref() == Some("http://www.w3.org/1999/xhtml");
            let name = element.local_name();
            if !is_html || policy::DROPPED_WITH_CONTENT.contains(&name.as_str()) {
                return;
            }
            if policy::ELEMENTS.contains(&name.as_str()) {
                if let Ok(clean) = document.create_element(&name) {
                    copy_attributes(element, &clean, &name);
                    copy_children(document, node, &clean);
                    let _ = into.append_child(&clean);
                }
            } else {
                copy_children(document, node, into);
            }
        }
        // Comments, processing instructions and the like carry nothing a reader sees.
        _ => {}
    }
}

fn copy_attributes(from: &Element, to: &Element, element: &str) {
    let attributes = from.attributes();
    for index in 0..attributes.length() {
        let Some(attribute) = attributes.item(index) else {
            continue;
        };
        let (name, value) = (attribute.name(), attribute.value());
        if name == "rel" || !policy::is_allowed_attribute(element, &name) {
            continue;
        }
        if policy::URL_ATTRIBUTES.contains(&name.as_str()) && !policy::is_allowed_url(&value) {
            continue;
        }
        if name == "target" {
            if value != "_blank" {
                continue;
            }
            let _ = to.set_attribute("rel", policy::NEW_WINDOW_REL);
        }
        let _ = to.set_attribute(&name, &value);
    }
    if element == "img" {
        let _ = to.set_attribute("loading", "lazy");
    }
}
