//! The `_headers` file of Netlify and Cloudflare Pages: a path pattern on its own line, then
//! indented `Name: value` lines that apply to matching paths. Patterns are exact paths or end
//! in `*`, which matches any rest; a `:name` segment (a placeholder) matches any one segment. A `! Name` line (Cloudflare Pages' syntax) removes a header
//! that an earlier rule set, such as the framing headers for the ticker embed.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::{HeaderName, HeaderValue};
use std::path::Path;
use std::sync::Arc;

pub struct Rule {
    pattern: String,
    /// Each header with its value, or `None` for a header the rule removes.
    headers: Vec<(HeaderName, Option<HeaderValue>)>,
}

impl Rule {
    fn matches(&self, path: &str) -> bool {
        if let Some(prefix) = self.pattern.strip_suffix('*') {
            return path.starts_with(prefix);
        }
        let (mut pattern, mut path) = (self.pattern.split('/'), path.split('/'));
        loop {
            match (pattern.next(), path.next()) {
                (None, None) => return true,
                (Some(wanted), Some(segment))
                    if wanted == segment || (wanted.starts_with(':') && !segment.is_empty()) => {}
                _ => return false,
            }
        }
    }
}

/// Reads the rules; a folder without `_headers` has none.
pub fn load(file: &Path) -> Result<Vec<Rule>, String> {
    match std::fs::read_to_string(file) {
        Ok(text) => parse(&text).map_err(|message| format!("{}: {message}", file.display())),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(error) => Err(format!("{}: {error}", file.display())),
    }
}

fn parse(text: &str) -> Result<Vec<Rule>, String> {
    let mut rules: Vec<Rule> = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let is_header = line.starts_with(' ') || line.starts_with('\t');
        if !is_header {
            rules.push(Rule {
                pattern: trimmed.to_owned(),
                headers: Vec::new(),
            });
            continue;
        }
        let rule = rules
            .last_mut()
            .ok_or_else(|| format!("line {}: a header before any path", index + 1))?;
        if let Some(removed) = trimmed.strip_prefix('!') {
            let name = HeaderName::try_from(removed.trim())
                .map_err(|error| format!("line {}: {error}", index + 1))?;
            rule.headers.push((name, None));
            continue;
        }
        let (name, value) = trimmed
            .split_once(':')
            .ok_or_else(|| format!("line {}: expected 'Name: value'", index + 1))?;
        let name = HeaderName::try_from(name.trim())
            .map_err(|error| format!("line {}: {error}", index + 1))?;
        let value = HeaderValue::try_from(value.trim())
            .map_err(|error| format!("line {}: {error}", index + 1))?;
        rule.headers.push((name, Some(value)));
    }
    Ok(rules)
}

/// Adds the headers of every rule matching the request's path (within the site, so a
/// sub-path deploy matches `/data/*` at `/news/data/x.json`).
pub async fn apply(State(rules): State<Arc<Vec<Rule>>>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    for rule in rules.iter().filter(|rule| rule.matches(&path)) {
        for (name, value) in &rule.headers {
            match value {
                Some(value) => response.headers_mut().insert(name.clone(), value.clone()),
                None => response.headers_mut().remove(name),
            };
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_paths_and_their_headers() {
        let rules = parse("# comment\n/*\n  X-Frame-Options: DENY\n  Content-Security-Policy: default-src 'self'\n/data/*\n  Cache-Control: no-cache\n").unwrap();
        assert_eq!(rules.len(), 2);
        assert_eq!(rules[0].headers.len(), 2);
        assert!(rules[0].matches("/anything"));
        assert!(rules[1].matches("/data/site.json"));
        assert!(!rules[1].matches("/tag/data/"));
    }

    #[test]
    fn a_placeholder_matches_one_segment() {
        let rules = parse("/tag/:tag/feed/\n  Content-Type: application/rss+xml\n").unwrap();
        assert!(rules[0].matches("/tag/harbour/feed/"));
        assert!(!rules[0].matches("/tag//feed/"));
        assert!(!rules[0].matches("/tag/harbour/page/2/feed/"));
        assert!(!rules[0].matches("/tag/harbour/"));
        assert!(!rules[0].matches("/author/harbour/feed/"));
    }

    #[test]
    fn a_later_rule_removes_a_header() {
        let rules = parse("/*\n  X-Frame-Options: DENY\n/embed/*\n  ! X-Frame-Options\n").unwrap();
        assert_eq!(
            rules[1].headers,
            [(HeaderName::from_static("x-frame-options"), None)]
        );
    }

    #[test]
    fn rejects_headers_without_a_path() {
        assert!(parse("  X-Frame-Options: DENY\n").is_err());
        assert!(parse("/*\n  no colon here\n").is_err());
    }
}
