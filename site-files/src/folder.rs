//! Answers requests for the site's own files from its folder on disk, as a static host would;
//! requests for other addresses go elsewhere (over HTTP).

use broadsheet::source::{HttpRequest, HttpResponse, SharedTransport, Transport, TransportError};
use futures::future::LocalBoxFuture;
use std::path::{Path, PathBuf};

pub struct FolderTransport {
    /// The URL the folder stands for, ending in `/`.
    url: String,
    dir: PathBuf,
    /// Where requests for other addresses go.
    elsewhere: SharedTransport,
}

impl FolderTransport {
    pub fn new(url: &str, dir: &Path, elsewhere: SharedTransport) -> Self {
        Self {
            url: url.to_owned(),
            dir: dir.to_owned(),
            elsewhere,
        }
    }
}

impl Transport for FolderTransport {
    fn send<'a>(
        &'a self,
        request: HttpRequest<'a>,
        timeout_ms: u32,
    ) -> LocalBoxFuture<'a, Result<HttpResponse, TransportError>> {
        let answer = match request.url.strip_prefix(&self.url) {
            Some(path)
                if request.json_body.is_none() && !path.split('/').any(|part| part == "..") =>
            {
                // Slugs in other scripts come percent-encoded; the files are named by their letters.
                let path = percent_encoding::percent_decode_str(path)
                    .decode_utf8_lossy()
                    .into_owned();
                match std::fs::read_to_string(self.dir.join(&path)) {
                    Ok(body) => answer(200, body),
                    Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                        answer(404, String::new())
                    }
                    Err(error) => Err(TransportError::Network(format!("{path}: {error}"))),
                }
            }
            Some(_) => Err(TransportError::Network(format!(
                "{} is not in the folder",
                request.url
            ))),
            None => return self.elsewhere.send(request, timeout_ms),
        };
        Box::pin(async move { answer })
    }
}

fn answer(status: u16, body: String) -> Result<HttpResponse, TransportError> {
    Ok(HttpResponse {
        status,
        content_type: "application/json".into(),
        headers: Vec::new(),
        body,
    })
}
