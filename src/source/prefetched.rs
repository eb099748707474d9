//! The answers a prerendered page's islands were drawn from, embedded in the page, so that they
//! hydrate from the same data without asking the server again (see [`crate::islands`]).
//!
//! The prerenderer records every GET the islands make ([`RecordingTransport`]) and writes them into
//! the page as JSON ([`answers_to_json`]); the browser reads them back ([`Prefetched::from_json`])
//! and answers from them first ([`PrefetchedTransport`]). Raw answers rather than decoded values:
//! the sources' own mapping runs on them in the browser as it did natively, so no type needs a
//! serialized form of its own, and shared answers (the site, an author) are embedded once.

use super::{HttpRequest, HttpResponse, SharedTransport, Transport, TransportError, READ_HEADERS};
use crate::json::{decode, encode, JsonError};
use futures::future::LocalBoxFuture;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::sync::{Arc, Mutex};

/// The `id` of the `<script type="application/json">` element that carries a page's answers.
pub const ELEMENT_ID: &str = "broadsheet-answers";

/// One answer a page was built from.
#[derive(Debug, Clone, PartialEq)]
pub struct Prefetched {
    pub url: String,
    pub response: HttpResponse,
}

/// One answer as a page carries it; written from borrowed text, read into owned.
#[derive(Serialize, Deserialize)]
struct AnswerJson<'a> {
    url: Cow<'a, str>,
    status: u16,
    #[serde(rename = "type")]
    content_type: Cow<'a, str>,
    headers: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    body: Cow<'a, str>,
}

/// The answers as JSON: `[{"url", "status", "type", "headers": [[name, value]], "body"}]`,
/// safe to place inside a `<script>` element (no `</` can close it early). URLs below
/// `site_root` are kept relative to it: a page is built before it knows its host.
pub fn answers_to_json(answers: &[Prefetched], site_root: &str) -> String {
    let items: Vec<AnswerJson> = answers
        .iter()
        .map(|Prefetched { url, response }| AnswerJson {
            url: Cow::Borrowed(url.strip_prefix(site_root).unwrap_or(url)),
            status: response.status,
            content_type: Cow::Borrowed(&response.content_type),
            headers: response
                .headers
                .iter()
                .map(|(name, value)| (Cow::Borrowed(*name), Cow::Borrowed(value.as_str())))
                .collect(),
            body: Cow::Borrowed(&response.body),
        })
        .collect();
    // Only strings hold `</`, and `<\/` is the same string in JSON.
    encode(&items).replace("</", "<\\/")
}

/// The embedded answers of a page, their relative URLs resolved against `site_root`.
pub fn read_answers(json: &str, site_root: &str) -> Result<Vec<Prefetched>, JsonError> {
    let answers: Vec<AnswerJson> = decode(json)?;
    Ok(answers
        .into_iter()
        .map(|answer| {
            let url = answer.url.into_owned();
            Prefetched {
                url: if url.contains("://") {
                    url
                } else {
                    format!("{site_root}{url}")
                },
                response: HttpResponse {
                    status: answer.status,
                    content_type: answer.content_type.into_owned(),
                    headers: answer
                        .headers
                        .into_iter()
                        // Only the headers sources read are ever recorded; others are dropped.
                        .filter_map(|(name, value)| {
                            READ_HEADERS
                                .iter()
                                .find(|known| **known == name)
                                .map(|known| (*known, value.into_owned()))
                        })
                        .collect(),
                    body: answer.body.into_owned(),
                },
            }
        })
        .collect())
}

/// Answers GETs from the embedded answers; anything else (a URL the page did not read, a fresh
/// re-read, a POST) goes to `inner`.
pub struct PrefetchedTransport {
    answers: Vec<Prefetched>,
    inner: SharedTransport,
}

impl PrefetchedTransport {
    pub fn shared(answers: Vec<Prefetched>, inner: SharedTransport) -> SharedTransport {
        Arc::new(Self { answers, inner })
    }
}

impl Transport for PrefetchedTransport {
    fn send<'a>(
        &'a self,
        request: HttpRequest<'a>,
        timeout_ms: u32,
    ) -> LocalBoxFuture<'a, Result<HttpResponse, TransportError>> {
        let embedded = (request.json_body.is_none() && !request.fresh)
            .then(|| self.answers.iter().find(|answer| answer.url == request.url))
            .flatten();
        match embedded {
            // Ready at once: a page hydrates in the same pass that reads its data.
            Some(answer) => Box::pin(std::future::ready(Ok(answer.response.clone()))),
            None => self.inner.send(request, timeout_ms),
        }
    }
}

/// Passes requests to `inner` and keeps every answer to a GET, in the order first asked.
pub struct RecordingTransport {
    inner: SharedTransport,
    recorded: Mutex<Vec<Prefetched>>,
}

impl RecordingTransport {
    pub fn new(inner: SharedTransport) -> Self {
        Self {
            inner,
            recorded: Mutex::default(),
        }
    }

    /// The answers recorded so far, leaving none behind.
    pub fn take(&self) -> Vec<Prefetched> {
        self.recorded
            .lock()
            .map(|mut recorded| std::mem::take(&mut *recorded))
            .unwrap_or_default()
    }
}

impl Transport for RecordingTransport {
    fn send<'a>(
        &'a self,
        request: HttpRequest<'a>,
        timeout_ms: u32,
    ) -> LocalBoxFuture<'a, Result<HttpResponse, TransportError>> {
        Box::pin(async move {
            let response = self.inner.send(request, timeout_ms).await?;
            if request.json_body.is_none() {
                if let Ok(mut recorded) = self.recorded.lock() {
                    if recorded.iter().all(|known| known.url != request.url) {
                        recorded.push(Prefetched {
                            url: request.url.to_owned(),
                            response: response.clone(),
                        });
                    }
                }
            }
            Ok(response)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Unreachable;

    impl Transport for Unreachable {
        fn send<'a>(
            &'a self,
            request: HttpRequest<'a>,
            _timeout_ms: u32,
        ) -> LocalBoxFuture<'a, Result<HttpResponse, TransportError>> {
            Box::pin(std::future::ready(Err(TransportError::Network(
                request.url.to_owned(),
            ))))
        }
    }

    fn answer(url: &str, body: &str) -> Prefetched {
        Prefetched {
            url: url.into(),
            response: HttpResponse {
                status: 200,
                content_type: "application/json".into(),
                headers: vec![("x-wp-total", "12".into())],
                body: body.into(),
            },
        }
    }

    #[test]
    fn answers_survive_the_round_trip_through_a_script_element() {
        let answers = vec![
            answer(
                "https://site.example/news/data/site.json",
                r#"{"title":"</script><b>"}"#,
            ),
            answer(
                "https://wp.example/wp-json/a",
                "line\nbreak \u{2028} \"quoted\"",
            ),
        ];
        let json = answers_to_json(&answers, "https://site.example/news/");
        assert!(!json.contains("</"), "{json}");
        assert!(json.contains(r#""url":"data/site.json""#), "{json}");
        let mut moved = answers.clone();
        moved[0].url = "http://127.0.0.1:8080/news/data/site.json".into();
        assert_eq!(
            read_answers(&json, "http://127.0.0.1:8080/news/").unwrap(),
            moved
        );
    }

    #[test]
    fn unknown_headers_are_dropped() {
        let json = r#"[{"url":"u","status":200,"type":"t","headers":[["set-cookie","x"],["x-wp-totalpages","3"]],"body":""}]"#;
        let decoded = read_answers(json, "https://site.example/").unwrap();
        assert_eq!(
            decoded[0].response.headers,
            vec![("x-wp-totalpages", "3".into())]
        );
    }

    #[test]
    fn only_plain_gets_of_known_urls_are_answered_from_the_page() {
        let transport =
            PrefetchedTransport::shared(vec![answer("known", "{}")], Arc::new(Unreachable));
        let get = |url, fresh| {
            futures::executor::block_on(transport.send(
                HttpRequest {
                    url,
                    json_body: None,
                    fresh,
                },
                1000,
            ))
        };
        assert_eq!(get("known", false).unwrap().body, "{}");
        assert!(
            get("known", true).is_err(),
            "a fresh re-read asks the server"
        );
        assert!(get("other", false).is_err());
    }

    #[test]
    fn recording_keeps_each_get_once() {
        let recorder = RecordingTransport::new(Arc::new(PrefetchedTransport {
            answers: vec![answer("a", "1"), answer("b", "2")],
            inner: Arc::new(Unreachable),
        }));
        for url in ["a", "b", "a"] {
            futures::executor::block_on(recorder.get(url, 1000)).unwrap();
        }
        let urls: Vec<String> = recorder.take().into_iter().map(|a| a.url).collect();
        assert_eq!(urls, ["a", "b"]);
        assert!(recorder.take().is_empty());
    }
}
