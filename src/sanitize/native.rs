use super::policy;
use std::collections::{HashMap, HashSet};

pub fn sanitize(untrusted: &str) -> String {
    let tag_attributes: HashMap<&str, HashSet<&str>> = policy::ELEMENT_ATTRIBUTES
        .iter()
        .map(|(element, attributes)| {
            (
                *element,
                attributes.iter().copied().filter(|a| *a != "rel").collect(),
            )
        })
        .collect();
    ammonia::Builder::empty()
        .tags(policy::ELEMENTS.iter().copied().collect())
        .clean_content_tags(policy::DROPPED_WITH_CONTENT.iter().copied().collect())
        .generic_attributes(policy::GLOBAL_ATTRIBUTES.iter().copied().collect())
        .tag_attributes(tag_attributes)
        .url_schemes(policy::URL_SCHEMES.iter().copied().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        // ammonia cannot set `rel` only where `target="_blank"`, so every link gets it here.
        .link_rel(Some(policy::NEW_WINDOW_REL))
        // As the DOM sanitizer does: a picture further down the text waits until the reader nears
        // it, and does not compete with the page's first picture.
        .set_tag_attribute_value("img", "loading", "lazy")
        .attribute_filter(|element, attribute, value| {
            let unwanted_target = element == "a" && attribute == "target" && value != "_blank";
            let unsafe_url =
                policy::URL_ATTRIBUTES.contains(&attribute) && !policy::is_allowed_url(value);
            (!unwanted_target && !unsafe_url).then(|| value.into())
        })
        .clean(untrusted)
        .to_string()
}

/// ammonia keeps no elements here and serializes the remaining text escaped; its serializer
/// writes only these references, so undoing them gives the exact text.
pub fn text(html: &str) -> String {
    let escaped = ammonia::Builder::empty()
        .clean_content_tags(policy::DROPPED_WITH_CONTENT.iter().copied().collect())
        .clean(html)
        .to_string();
    escaped
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}
