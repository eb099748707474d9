//! Reading `config.json`, the one request made before the site knows its source. The file's
//! format is `config`'s; this is the request and what its failures mean.

use super::client::is_html_page;
use super::{Transport, TransportError};
use crate::config::{parse_config, Config, ConfigError};

/// Fetches and parses `config.json` from the site root (ending in `/`).
pub async fn load_config(
    transport: &dyn Transport,
    site_root: &str,
) -> Result<Config, ConfigError> {
    let url = format!("{site_root}{}", Config::FILE);
    let unavailable = |reason: String| ConfigError::Unavailable {
        url: url.clone(),
        reason,
    };
    let response = transport
        .get(&url, Config::DEFAULT_TIMEOUT_MS)
        .await
        .map_err(|error| match error {
            TransportError::Network(detail) => unavailable(detail),
            TransportError::Timeout => unavailable(format!(
                "no answer within {} ms",
                Config::DEFAULT_TIMEOUT_MS
            )),
        })?;
    if !(200..300).contains(&response.status) {
        return Err(unavailable(format!("HTTP {}", response.status)));
    }
    // A static host answers a missing file with the app's own HTML page.
    if is_html_page(&response) {
        return Err(unavailable(
            "the server sent an HTML page instead: is config.json uploaded?".into(),
        ));
    }
    parse_config(&response.body, site_root)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::fake::{response, FakeTransport};
    use futures::executor::block_on;

    const ROOT: &str = "https://herald.example/news/";
    const URL: &str = "https://herald.example/news/config.json";

    fn load(
        answer: Result<crate::source::HttpResponse, TransportError>,
    ) -> Result<Config, ConfigError> {
        let transport = FakeTransport::default().answering(URL, answer);
        block_on(load_config(&transport, ROOT))
    }

    fn reason(result: Result<Config, ConfigError>) -> String {
        match result {
            Err(ConfigError::Unavailable { url, reason }) => {
                assert_eq!(url, URL);
                reason
            }
            other => panic!("expected the file to be unavailable, got {other:?}"),
        }
    }

    #[test]
    fn reads_the_file_beside_the_site() {
        let body = r#"{"source": {"kind": "static", "url": "data/"}}"#;
        let config = load(Ok(response(200, "application/json", body))).unwrap();
        assert_eq!(config, parse_config(body, ROOT).unwrap());
    }

    #[test]
    fn says_why_the_file_could_not_be_had() {
        assert_eq!(
            reason(load(Ok(response(404, "text/plain", "Not Found")))),
            "HTTP 404"
        );
        assert!(reason(load(Ok(response(
            200,
            "text/html; charset=utf-8",
            "\n<!DOCTYPE html><html>"
        ))))
        .contains("HTML page"));
        assert_eq!(
            reason(load(Err(TransportError::Network("refused".into())))),
            "refused"
        );
        assert!(reason(load(Err(TransportError::Timeout))).contains("no answer within"));
    }

    #[test]
    fn a_damaged_file_is_not_an_unavailable_one() {
        let result = load(Ok(response(200, "application/json", "{\"source\": ")));
        assert!(
            matches!(result, Err(ConfigError::NotJson { .. })),
            "{result:?}"
        );
    }
}
