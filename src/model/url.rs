//! Just enough URL handling for data that names files relative to a folder.

/// Whether `url` is an absolute `http:` or `https:` URL.
pub fn is_http_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && url.len() > lower.find("//").unwrap_or(0) + 2
}

/// Resolves `reference` against `base`, an absolute URL of a folder (ending in `/`).
/// Absolute `http(s)` references are kept; root-relative ones (`/x`) go to the base's origin;
/// anything with another scheme (`javascript:`, `data:`) is refused.
pub fn resolve_url(base: &str, reference: &str) -> Result<String, String> {
    let reference = reference.trim();
    if is_http_url(reference) {
        return Ok(reference.to_owned());
    }
    if let Some(rest) = reference.strip_prefix("//") {
        let scheme = base
            .split_once("//")
            .map(|(scheme, _)| scheme)
            .unwrap_or("https:");
        return Ok(format!("{scheme}//{rest}"));
    }
    let has_scheme = reference.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            && !scheme.contains('/')
    });
    if has_scheme {
        return Err(format!(
            "{reference:?} is neither an http(s) URL nor a relative path"
        ));
    }
    if let Some(path) = reference.strip_prefix('/') {
        let after_scheme = base.find("//").map(|i| i + 2).unwrap_or(0);
        let origin_end = base[after_scheme..]
            .find('/')
            .map(|i| i + after_scheme)
            .unwrap_or(base.len());
        return Ok(format!("{}/{path}", &base[..origin_end]));
    }
    let folder_end = base.rfind('/').map(|i| i + 1).unwrap_or(base.len());
    Ok(format!("{}{reference}", &base[..folder_end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_like_a_browser_for_the_cases_data_uses() {
        let base = "https://herald.example/news/data/";
        for (base, reference, resolved) in [
            (
                base,
                "media/a.svg",
                "https://herald.example/news/data/media/a.svg",
            ),
            (base, "/config.json", "https://herald.example/config.json"),
            (
                base,
                "https://cdn.example/x.png",
                "https://cdn.example/x.png",
            ),
            (base, "//cdn.example/x.png", "https://cdn.example/x.png"),
            (
                "http://127.0.0.1:8080/",
                "data/",
                "http://127.0.0.1:8080/data/",
            ),
            (
                "http://127.0.0.1:8080/news/index.html",
                "data/",
                "http://127.0.0.1:8080/news/data/",
            ),
        ] {
            assert_eq!(
                resolve_url(base, reference).unwrap(),
                resolved,
                "{reference}"
            );
        }
    }

    #[test]
    fn refuses_other_schemes() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:image/svg+xml,<svg/>",
            "vbscript:x",
        ] {
            assert!(resolve_url("https://a.example/", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn tells_http_urls() {
        assert!(is_http_url("https://a.example/"));
        assert!(is_http_url("HTTP://a.example"));
        assert!(!is_http_url("https://"));
        assert!(!is_http_url("javascript:alert(1)"));
        assert!(!is_http_url("/relative"));
    }
}
