//! `config.json` in the site root picks the data source at run time, so one build deploys anywhere.

use crate::model::{resolve_url, Direction, Slug, TickerSettings};
use serde_json::Value;
use thiserror::Error;

/// Where the content comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum SourceConfig {
    /// The documented JSON files (docs/data-format.md) under `url`, an absolute folder URL.
    Static { url: String },
    /// A WordPress site's REST API.
    WordPress(WordPressConfig),
}

/// What the WordPress source needs beyond the API address: WordPress's REST API does not
/// publish the site's language, and listings are as long as the front end asks.
#[derive(Debug, Clone, PartialEq)]
pub struct WordPressConfig {
    /// The API root, such as `https://example.org/wp-json/`, ending in `/`.
    pub api_url: String,
    /// Where this front end is served: canonical URLs point here, not at WordPress.
    pub site_url: String,
    pub language: String,
    pub direction: Direction,
    pub per_page: u32,
    /// The sections the section bar leads with, in this order; the rest follow, the largest
    /// first.
    pub section_order: Vec<Slug>,
}

impl WordPressConfig {
    pub const DEFAULT_LANGUAGE: &'static str = "en";
    pub const DEFAULT_PER_PAGE: u32 = 10;
    /// WordPress refuses `per_page` above 100.
    const PER_PAGE_RANGE: std::ops::RangeInclusive<u32> = 1..=100;
}

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub source: SourceConfig,
    /// How long one request may take before the reader is told the server is not answering.
    pub timeout_ms: u32,
    /// Where readers' comments are posted when the source cannot take them itself (the static
    /// files): a WordPress-compatible API root, whose posts have the same slugs.
    pub comments_api_url: Option<String>,
    /// The news ticker at the top of every page, and the default of its embeds.
    pub ticker: TickerSettings,
}

impl Config {
    pub const FILE: &'static str = "config.json";
    pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;
    const TIMEOUT_RANGE_MS: std::ops::RangeInclusive<u32> = 500..=120_000;
}

/// Why the app cannot start; shown to the site owner on a page of its own.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConfigError {
    #[error("config.json could not be loaded from {url}: {reason}")]
    Unavailable { url: String, reason: String },
    #[error("config.json is not valid JSON: {detail}")]
    NotJson { detail: String },
    #[error("config.json is not as documented: {detail}")]
    Invalid { detail: String },
}

#[derive(serde::Deserialize)]
struct ConfigFile {
    source: SourceFile,
    timeout_ms: Option<u32>,
    comments: Option<SourceFile>,
    ticker: Option<Value>,
}

#[derive(serde::Deserialize)]
struct SourceFile {
    kind: String,
    url: String,
    language: Option<String>,
    direction: Option<String>,
    per_page: Option<u32>,
    #[serde(default)]
    sections: Vec<Slug>,
}

/// The source kinds this build can read.
const SOURCE_KINDS: &[&str] = &["static", "wordpress"];

/// Parses `config.json`; relative source URLs are resolved against `site_root`,
/// the absolute URL of the folder the site is served from.
pub fn parse_config(text: &str, site_root: &str) -> Result<Config, ConfigError> {
    let file: ConfigFile = crate::json::decode(text).map_err(|error| match error {
        crate::json::JsonError::Syntax(detail) => ConfigError::NotJson { detail },
        crate::json::JsonError::Shape(detail) => ConfigError::Invalid { detail },
    })?;
    let timeout_ms = file.timeout_ms.unwrap_or(Config::DEFAULT_TIMEOUT_MS);
    if !Config::TIMEOUT_RANGE_MS.contains(&timeout_ms) {
        return Err(ConfigError::Invalid {
            detail: format!(
                "timeout_ms is {timeout_ms}; it must be from {} to {}",
                Config::TIMEOUT_RANGE_MS.start(),
                Config::TIMEOUT_RANGE_MS.end()
            ),
        });
    }
    let invalid = |detail: String| ConfigError::Invalid { detail };
    let source_file = file.source;
    let folder_url = || {
        let mut url = resolve_url(site_root, &source_file.url)
            .map_err(|detail| invalid(format!("source.url: {detail}")))?;
        if !url.ends_with('/') {
            url.push('/');
        }
        Ok(url)
    };
    let source = match source_file.kind.as_str() {
        "static" => SourceConfig::Static { url: folder_url()? },
        "wordpress" => {
            let per_page = source_file
                .per_page
                .unwrap_or(WordPressConfig::DEFAULT_PER_PAGE);
            if !WordPressConfig::PER_PAGE_RANGE.contains(&per_page) {
                return Err(invalid(format!(
                    "source.per_page is {per_page}; WordPress serves {} to {} posts a page",
                    WordPressConfig::PER_PAGE_RANGE.start(),
                    WordPressConfig::PER_PAGE_RANGE.end()
                )));
            }
            let language = source_file
                .language
                .clone()
                .filter(|language| !language.trim().is_empty())
                .unwrap_or_else(|| WordPressConfig::DEFAULT_LANGUAGE.to_owned());
            let direction = match &source_file.direction {
                Some(direction) => Direction::parse(direction)
                    .map_err(|detail| invalid(format!("source.direction: {detail}")))?,
                None => Direction::of_language(&language),
            };
            SourceConfig::WordPress(WordPressConfig {
                api_url: folder_url()?,
                site_url: site_root.to_owned(),
                language,
                direction,
                per_page,
                section_order: source_file.sections.clone(),
            })
        }
        other => {
            return Err(ConfigError::Invalid {
                detail: format!(
                    "source.kind \"{other}\" is unknown; this build reads {}",
                    quoted(SOURCE_KINDS)
                ),
            })
        }
    };
    let comments_api_url = match file.comments {
        None => None,
        Some(comments) if comments.kind == "wordpress" => {
            let mut url = resolve_url(site_root, &comments.url)
                .map_err(|detail| invalid(format!("comments.url: {detail}")))?;
            if !url.ends_with('/') {
                url.push('/');
            }
            Some(url)
        }
        Some(comments) => {
            return Err(invalid(format!(
                "comments.kind \"{}\" is unknown; comments are posted to \"wordpress\"",
                comments.kind
            )))
        }
    };
    let ticker = match &file.ticker {
        None => TickerSettings::default(),
        Some(json) => ticker_settings(json).map_err(invalid)?,
    };
    Ok(Config {
        source,
        timeout_ms,
        comments_api_url,
        ticker,
    })
}

/// The `ticker` object: numbers and strings, read as an embed's query string would be.
fn ticker_settings(json: &Value) -> Result<TickerSettings, String> {
    let Value::Object(fields) = json else {
        return Err("ticker must be an object of settings".to_owned());
    };
    fields
        .iter()
        .try_fold(TickerSettings::default(), |settings, (name, value)| {
            let text = match value {
                Value::String(text) => text.clone(),
                Value::Number(number) => number
                    .as_u64()
                    .and_then(|number| u32::try_from(number).ok())
                    .ok_or_else(|| {
                        format!(
                            "ticker.{name}: {number} is not a whole number from 0 to {}",
                            u32::MAX
                        )
                    })?
                    .to_string(),
                _ => return Err(format!("ticker.{name} must be a number or text")),
            };
            settings
                .with(name, &text)
                .map_err(|detail| format!("ticker.{detail}"))
        })
}

fn quoted(words: &[&str]) -> String {
    words
        .iter()
        .map(|word| format!("\"{word}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOT: &str = "https://herald.example/news/";

    #[test]
    fn the_default_config_resolves_against_the_site_root() {
        let config =
            parse_config(r#"{"source": {"kind": "static", "url": "data/"}}"#, ROOT).unwrap();
        assert_eq!(
            config,
            Config {
                source: SourceConfig::Static {
                    url: "https://herald.example/news/data/".into()
                },
                timeout_ms: 10_000,
                comments_api_url: None,
                ticker: TickerSettings::default(),
            }
        );
    }

    #[test]
    fn absolute_urls_and_timeouts_are_taken_as_given() {
        let config =
            parse_config(r#"{"source": {"kind": "static", "url": "https://cdn.example/d"}, "timeout_ms": 2500, "extra": 1}"#, ROOT)
                .unwrap();
        assert_eq!(
            config.source,
            SourceConfig::Static {
                url: "https://cdn.example/d/".into()
            }
        );
        assert_eq!(config.timeout_ms, 2500);
    }

    #[test]
    fn a_wordpress_source_with_defaults_and_options() {
        let config = parse_config(
            r#"{"source": {"kind": "wordpress", "url": "https://wp.example/wp-json"}}"#,
            ROOT,
        )
        .unwrap();
        assert_eq!(
            config.source,
            SourceConfig::WordPress(WordPressConfig {
                api_url: "https://wp.example/wp-json/".into(),
                site_url: ROOT.into(),
                language: "en".into(),
                direction: Direction::Ltr,
                per_page: 10,
                section_order: Vec::new(),
            })
        );
        let config = parse_config(
            r#"{"source": {"kind": "wordpress", "url": "/wp-json/", "language": "ar-EG", "per_page": 5, "sections": ["sport", "news"]}}"#,
            ROOT,
        )
        .unwrap();
        let SourceConfig::WordPress(wordpress) = config.source else {
            panic!("not WordPress");
        };
        assert_eq!(wordpress.api_url, "https://herald.example/wp-json/");
        assert_eq!(
            (wordpress.direction, wordpress.per_page),
            (Direction::Rtl, 5)
        );
        let order: Vec<&str> = wordpress.section_order.iter().map(Slug::as_str).collect();
        assert_eq!(order, ["sport", "news"]);
    }

    #[test]
    fn static_files_may_name_a_comment_endpoint() {
        let config = parse_config(
            r#"{"source": {"kind": "static", "url": "data/"}, "comments": {"kind": "wordpress", "url": "https://wp.example/wp-json"}}"#,
            ROOT,
        )
        .unwrap();
        assert_eq!(
            config.comments_api_url.as_deref(),
            Some("https://wp.example/wp-json/")
        );
        let error = parse_config(
            r#"{"source": {"kind": "static", "url": "data/"}, "comments": {"kind": "disqus", "url": "x"}}"#,
            ROOT,
        )
        .unwrap_err();
        assert!(error.to_string().contains("comments.kind"), "{error}");
    }

    #[test]
    fn ticker_settings_from_the_config() {
        let config = parse_config(
            r#"{"source": {"kind": "static", "url": "data/"}, "ticker": {"speed": 80, "items": 4, "label": "Latest"}}"#,
            ROOT,
        )
        .unwrap();
        assert_eq!(
            (
                config.ticker.speed,
                config.ticker.items,
                config.ticker.label.as_deref()
            ),
            (80, 4, Some("Latest"))
        );
    }

    #[test]
    fn each_mistake_is_named() {
        let cases = [
            ("", "not valid JSON"),
            ("{\"source\": ", "not valid JSON"),
            ("[]", "not as documented"),
            ("{}", "missing field `source`"),
            (
                r#"{"source": {"url": "data/"}}"#,
                "source: missing field `kind` at line 1 column 27",
            ),
            (
                r#"{"source": {"kind": "ftp", "url": "x"}}"#,
                "source.kind \"ftp\" is unknown; this build reads \"static\", \"wordpress\"",
            ),
            (r#"{"source": {"kind": "static"}}"#, "missing field `url`"),
            (
                r#"{"source": {"kind": "static", "url": 5}}"#,
                "invalid type",
            ),
            (
                r#"{"source": {"kind": "static", "url": "javascript:alert(1)"}}"#,
                "source.url",
            ),
            (
                r#"{"source": {"kind": "static", "url": "data/"}, "timeout_ms": 5}"#,
                "timeout_ms is 5",
            ),
            (
                r#"{"source": {"kind": "static", "url": "data/"}, "timeout_ms": -1}"#,
                "invalid value",
            ),
            (
                r#"{"source": {"kind": "wordpress", "url": "https://wp.example/wp-json/", "per_page": 101}}"#,
                "source.per_page is 101",
            ),
            (
                r#"{"source": {"kind": "wordpress", "url": "https://wp.example/wp-json/", "direction": "up"}}"#,
                "source.direction",
            ),
            (
                r#"{"source": {"kind": "static", "url": "data/"}, "ticker": {"speed": 2}}"#,
                "ticker.speed is \"2\"",
            ),
            (
                r#"{"source": {"kind": "static", "url": "data/"}, "ticker": {"speed": 1.5}}"#,
                "ticker.speed: 1.5 is not a whole number",
            ),
            (
                r#"{"source": {"kind": "static", "url": "data/"}, "ticker": {"theme": true}}"#,
                "ticker.theme must be a number or text",
            ),
            (
                r#"{"source": {"kind": "static", "url": "data/"}, "ticker": 3}"#,
                "ticker must be an object of settings",
            ),
        ];
        for (text, expected) in cases {
            let message = parse_config(text, ROOT).unwrap_err().to_string();
            assert!(
                message.contains(expected),
                "{text:?} gave {message:?}, expected it to mention {expected:?}"
            );
        }
    }
}
