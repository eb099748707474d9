//! The `_redirects` file of Netlify and Cloudflare Pages: lines `FROM TO [STATUS]`, here with
//! exact paths (as broadsheet-site-files' sync writes them for moved articles). As on Netlify, a
//! rule applies where no file answers the path, unless its status ends in `!`. The file is read
//! again when it changes, since a sync updates it while the site is served.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{header, HeaderValue, StatusCode};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

#[derive(Debug, PartialEq)]
pub struct Redirect {
    from: String,
    to: String,
    status: StatusCode,
    /// Applies even where a file answers the path.
    forced: bool,
}

/// The file, and its rules as last read (with its modification time).
pub struct Redirects {
    file: PathBuf,
    read: Mutex<Option<(SystemTime, Arc<Vec<Redirect>>)>>,
}

impl Redirects {
    /// The rules of `file`, read now to report a mistake before the site is served.
    pub fn load(file: PathBuf) -> Result<Self, String> {
        let redirects = Self {
            file,
            read: Mutex::new(None),
        };
        redirects.rules()?;
        Ok(redirects)
    }

    /// The rules as the file has them now; none without a file.
    fn rules(&self) -> Result<Arc<Vec<Redirect>>, String> {
        let modified = match std::fs::metadata(&self.file) {
            Ok(metadata) => metadata.modified().unwrap_or(SystemTime::UNIX_EPOCH),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Arc::default()),
            Err(error) => return Err(format!("{}: {error}", self.file.display())),
        };
        let mut read = self
            .read
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((_, rules)) = read.as_ref().filter(|(when, _)| *when == modified) {
            return Ok(rules.clone());
        }
        let text = std::fs::read_to_string(&self.file)
            .map_err(|error| format!("{}: {error}", self.file.display()))?;
        let rules =
            Arc::new(parse(&text).map_err(|error| format!("{}: {error}", self.file.display()))?);
        *read = Some((modified, rules.clone()));
        Ok(rules)
    }
}

fn parse(text: &str) -> Result<Vec<Redirect>, String> {
    let mut rules = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let problem = |what: &str| format!("line {}: {what}", index + 1);
        let (from, to, status) =
            match fields.as_slice() {
                [] => continue,
                [first, ..] if first.starts_with('#') => continue,
                [from, to] => (*from, *to, "301"),
                [from, to, status] => (*from, *to, *status),
                _ => return Err(problem(
                    "expected 'FROM TO [STATUS]' (query and condition rules are not served here)",
                )),
            };
        if from.contains('*') || from.split('/').any(|segment| segment.starts_with(':')) {
            return Err(problem(
                "splats and placeholders are not served here, only exact paths",
            ));
        }
        let (status, forced) = match status.strip_suffix('!') {
            Some(status) => (status, true),
            None => (status, false),
        };
        let status = status
            .parse::<u16>()
            .ok()
            .and_then(|code| StatusCode::from_u16(code).ok())
            .filter(StatusCode::is_redirection)
            .ok_or_else(|| {
                problem(&format!(
                    "{status} is not a redirect status (301, 302, 307, 308)"
                ))
            })?;
        rules.push(Redirect {
            from: from.to_owned(),
            to: to.to_owned(),
            status,
            forced,
        });
    }
    Ok(rules)
}

/// Answers a path that a rule names with its redirect, where no file answers it (or the rule is
/// forced). The paths are the whole request path, a sub-path deploy's included.
pub async fn apply(
    State(redirects): State<Arc<Redirects>>,
    request: Request,
    next: Next,
) -> Response {
    let rules = match redirects.rules() {
        Ok(rules) => rules,
        Err(message) => {
            eprintln!("broadsheet-serve: {message}");
            return (StatusCode::INTERNAL_SERVER_ERROR, message).into_response();
        }
    };
    let path = request.uri().path();
    let Some(rule) = rules.iter().find(|rule| rule.from == path) else {
        return next.run(request).await;
    };
    let (status, forced) = (rule.status, rule.forced);
    let location = HeaderValue::try_from(rule.to.as_str());
    if !forced {
        let response = next.run(request).await;
        if response.status() != StatusCode::NOT_FOUND {
            return response;
        }
    }
    match location {
        Ok(location) => (status, [(header::LOCATION, location)]).into_response(),
        Err(_) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            "a redirect to an address that is not a header value",
        )
            .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_exact_paths_with_their_status() {
        let rules = parse("# moved\n/old/ /new/ 301\n/a /b\n/c/ /d/ 302!\n").unwrap();
        assert_eq!(
            rules,
            [
                Redirect {
                    from: "/old/".into(),
                    to: "/new/".into(),
                    status: StatusCode::MOVED_PERMANENTLY,
                    forced: false
                },
                Redirect {
                    from: "/a".into(),
                    to: "/b".into(),
                    status: StatusCode::MOVED_PERMANENTLY,
                    forced: false
                },
                Redirect {
                    from: "/c/".into(),
                    to: "/d/".into(),
                    status: StatusCode::FOUND,
                    forced: true
                },
            ]
        );
    }

    #[test]
    fn refuses_what_it_would_not_serve_as_a_host_does() {
        assert!(parse("/news/* /blog/:splat 301\n").is_err());
        assert!(parse("/a/ /b/ 200\n").is_err(), "a rewrite");
        assert!(parse("/a/ /b/ 301 Country=nz\n").is_err());
    }
}
