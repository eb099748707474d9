//! Renders the app's pages natively to complete HTML documents, for static hosting: the same
//! components the browser runs, drawn by Leptos's server renderer, into the page shell Trunk
//! built. Each page carries the answers its islands were drawn from (see [`crate::islands`] and
//! [`crate::source::prefetched`]), so that they hydrate without fetching their data again.

use crate::app::{App, Deployment};
use crate::config::{Config, ConfigError};
use crate::i18n::{Strings, TranslationError};
use crate::render_mode::DataAtHand;
use crate::source::prefetched::{answers_to_json, RecordingTransport, ELEMENT_ID};
use crate::source::SharedTransport;
use any_spawner::{CustomExecutor, PinnedFuture, PinnedLocalFuture};
use futures::executor::{LocalPool, LocalSpawner};
use futures::task::LocalSpawnExt;
use futures::{FutureExt, StreamExt};
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use std::cell::RefCell;
use std::future::Future;
use std::sync::{Arc, Once};

/// The page shell (Trunk's `index.html`), split where a page's parts go.
#[derive(Debug, Clone, Hash)]
pub struct Shell {
    /// From `<!DOCTYPE html>` to just before `</head>`, without `<title>` and without the
    /// attributes of `<html>`: the page's metadata sets those.
    head: String,
    /// Trunk's `<base href>`: the deploy's public URL, such as `/` or `/news/`.
    public_url: String,
}

/// Why a page could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum PrerenderError {
    #[error("the page shell: {0}")]
    Shell(&'static str),
    #[error("config.json: {0}")]
    Config(#[from] ConfigError),
    #[error("the page did not finish rendering (its data was not at hand)")]
    Pending,
    #[error("{0}")]
    Translation(#[from] TranslationError),
}

impl Shell {
    /// Reads Trunk's `index.html`, as built (its boot script and assets in place).
    pub fn parse(index_html: &str) -> Result<Self, PrerenderError> {
        let head_end = index_html
            .find("</head>")
            .ok_or(PrerenderError::Shell("no </head>"))?;
        let mut head = index_html[..head_end].to_owned();
        let html_start = head
            .find("<html")
            .ok_or(PrerenderError::Shell("no <html>"))?;
        let html_end = html_start
            + head[html_start..]
                .find('>')
                .ok_or(PrerenderError::Shell("<html> is not closed"))?;
        head.replace_range(html_start..html_end, "<html");
        if let (Some(start), Some(end)) = (head.find("<title>"), head.find("</title>")) {
            head.replace_range(start..end + "</title>".len(), "");
        }
        let public_url = attribute_after(&head, "<base ", "href")
            .ok_or(PrerenderError::Shell("no <base href> (Trunk's public URL)"))?;
        Ok(Self { head, public_url })
    }

    /// Trunk's public URL: `/`, or a sub-path such as `/news/`.
    pub fn public_url(&self) -> &str {
        &self.public_url
    }

    /// Where the site is deployed, as seen from `origin` (which the built pages do not know:
    /// only their paths are kept).
    pub fn deployment(&self, origin: &str) -> Deployment {
        Deployment::from_base_url(&format!(
            "{}{}",
            origin.trim_end_matches('/'),
            self.public_url
        ))
    }
}

/// The value of `name` in the first tag that starts with `tag_start`.
fn attribute_after(html: &str, tag_start: &str, name: &str) -> Option<String> {
    let tag = &html[html.find(tag_start)?..];
    let tag = &tag[..tag.find('>')?];
    let value = &tag[tag.find(&format!("{name}=\""))? + name.len() + 2..];
    Some(value[..value.find('"')?].to_owned())
}

/// Renders the page at `path` (below the deployment's base path, such as `/tag/harbour/`) to HTML,
/// reading `config.json` and the data through `transport`, whose answers must be at hand (a
/// folder on disk, or a backend read beforehand): a page that would wait is an error.
/// `public_root` is the site's public address (its `base_url`), for the links in `<head>`
/// that previews and crawlers read.
pub fn render_page(
    shell: &Shell,
    deployment: &Deployment,
    public_root: &str,
    transport: SharedTransport,
    path: &str,
) -> Result<String, PrerenderError> {
    static EXECUTOR: Once = Once::new();
    EXECUTOR.call_once(|| {
        let _ = any_spawner::Executor::init_local_custom_executor(ThisThread);
    });
    // The islands read config.json again in the browser, and only what they read is carried.
    let islands = Arc::new(RecordingTransport::new(transport.clone()));
    let config = crate::source::load_config(islands.as_ref(), &deployment.site_root)
        .now_or_never()
        .ok_or(PrerenderError::Pending)??;
    // Read through the islands' transport: the page carries the translation for them.
    let strings = match crate::i18n::for_site(&config, islands.clone(), &deployment.site_root)
        .now_or_never()
        .ok_or(PrerenderError::Pending)?
    {
        Err(error @ TranslationError::Bad { .. }) => return Err(error.into()),
        loaded => crate::i18n::or_english(loaded),
    };
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let html = owner.with(|| {
        render_in_owner(
            shell,
            deployment,
            config,
            (transport, islands.clone() as SharedTransport),
            strings,
            path,
        )
    });
    owner.unset();
    let answers = answers_to_json(&islands.take(), &deployment.site_root);
    Ok(
        public_addresses(&html?, &deployment.site_root, public_root).replace(
            "<!--ANSWERS-->",
            &format!(
                r#"<script type="application/json" {}>{answers}</script>"#,
                answers_id()
            ),
        ),
    )
}

/// The attribute of the element that carries a prerendered page's answers.
fn answers_id() -> String {
    format!(r#"id="{ELEMENT_ID}""#)
}

/// Whether `html` is a page that [`render_page`] wrote: it carries the answers it was drawn from.
pub fn is_prerendered(html: &str) -> bool {
    html.contains(&answers_id())
}

fn render_in_owner(
    shell: &Shell,
    deployment: &Deployment,
    config: Config,
    (transport, islands): (SharedTransport, SharedTransport),
    strings: Strings,
    path: &str,
) -> Result<String, PrerenderError> {
    provide_context(RequestUrl::new(&format!("{}{path}", deployment.base_path)));
    let (meta, meta_output) = ServerMetaContext::new();
    provide_context(meta);
    let deployment = deployment.clone();
    let app = view! {
        <App deployment config=Ok(config) transport retry_config=|| () data_at_hand=DataAtHand(true) islands strings/>
    };
    let body = finish(app.to_html_stream_in_order().collect::<String>())?;
    // The app must be the body's first child, with nothing between: hydration starts there.
    let document = format!(
        "{}<!--ANSWERS--><!--HEAD--></head><body>{body}</body></html>\n",
        shell.head.trim_end()
    );
    finish(async move {
        meta_output
            .inject_meta_context(futures::stream::iter([document]))
            .await
            .collect::<String>()
            .await
    })
}

/// The page with the build's stand-in site root (`build_root`) made public: absolute in `<head>`
/// (OpenGraph images, JSON-LD), where previews need a whole address, and from the host's root in
/// the body, which then works on whatever host serves the files.
fn public_addresses(html: &str, build_root: &str, public_root: &str) -> String {
    let origin = build_root.find("://").map_or(build_root.len(), |scheme| {
        build_root[scheme + 3..]
            .find('/')
            .map_or(build_root.len(), |path| scheme + 3 + path)
    });
    let (head, body) = html.split_at(html.find("</head>").unwrap_or(html.len()));
    format!(
        "{}{}",
        head.replace(build_root, public_root),
        body.replace(&build_root[..origin], "")
    )
}

thread_local! {
    static TASKS: RefCell<LocalPool> = RefCell::new(LocalPool::new());
    static SPAWNER: LocalSpawner = TASKS.with(|tasks| tasks.borrow().spawner());
}

/// Runs Leptos's tasks on the rendering thread: the reactive graph they touch lives there.
struct ThisThread;

impl CustomExecutor for ThisThread {
    fn spawn(&self, task: PinnedFuture<()>) {
        self.spawn_local(task);
    }

    fn spawn_local(&self, task: PinnedLocalFuture<()>) {
        SPAWNER.with(|spawner| {
            let _ = spawner.spawn_local(task);
        });
    }

    fn poll_local(&self) {
        TASKS.with(|tasks| {
            // A task that polls from inside a task finds the pool busy; the outer loop runs it.
            if let Ok(mut tasks) = tasks.try_borrow_mut() {
                tasks.run_until_stalled();
            }
        });
    }
}

/// Drives `work` and the tasks it spawns until it is done; `Pending` if it waits on anything
/// else, which at build time would be forever.
fn finish<T>(work: impl Future<Output = T>) -> Result<T, PrerenderError> {
    let mut work = std::pin::pin!(work);
    loop {
        if let Some(done) = work.as_mut().now_or_never() {
            return Ok(done);
        }
        if !TASKS.with(|tasks| tasks.borrow_mut().try_run_one()) {
            return work.as_mut().now_or_never().ok_or(PrerenderError::Pending);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_INDEX: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <base href="/news/">
  <script type="module">import init from '/news/app.js';</script>
  <title>Broadsheet</title>
</head>
<body><div id="boot">Loading the news…</div></body>
</html>"#;

    #[test]
    fn the_shell_leaves_language_and_title_to_the_page() {
        let shell = Shell::parse(TRUNK_INDEX).unwrap();
        assert!(shell.head.contains("<html>\n<head>"), "{}", shell.head);
        assert!(!shell.head.contains("<title>"));
        assert!(shell.head.contains("import init from '/news/app.js'"));
        assert_eq!(
            shell.deployment("https://site.invalid"),
            Deployment {
                site_root: "https://site.invalid/news/".into(),
                base_path: "/news".into()
            }
        );
    }

    #[test]
    fn addresses_are_public_in_the_head_and_host_relative_in_the_body() {
        let html = r#"<head><meta content="https://site.invalid/news/data/a.svg"></head><body><img src="https://site.invalid/news/data/a.svg"></body>"#;
        assert_eq!(
            public_addresses(
                html,
                "https://site.invalid/news/",
                "https://herald.example/"
            ),
            r#"<head><meta content="https://herald.example/data/a.svg"></head><body><img src="/news/data/a.svg"></body>"#
        );
    }

    #[test]
    fn a_shell_without_trunks_base_is_refused() {
        assert!(Shell::parse("<html><head></head><body></body></html>").is_err());
    }
}
