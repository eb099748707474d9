//! Renders the app's pages natively to complete HTML documents, for static hosting: the same
//! components the browser runs, drawn by Leptos's server renderer, into the page shell Trunk
//! built. Each page carries the answers its islands were drawn from (see [`crate::islands`] and
//! [`crate::source::prefetched`]), so that they hydrate without fetching their data again.

use crate::app::{App, Deployment};
use crate::config::{Config, ConfigError};
use crate::error::DataError;
use crate::i18n::{Strings, TranslationError};
use crate::islands::{IslandData, TickerIsland};
use crate::model::{Site, TickerSettings};
use crate::pages::TickerEmbedPage;
use crate::render_mode::DataAtHand;
use crate::source::prefetched::{answers_to_json, RecordingTransport, ELEMENT_ID};
use crate::source::{DataSource, SharedTransport, Transport};
use crate::state::BasePath;
use any_spawner::{CustomExecutor, PinnedFuture, PinnedLocalFuture};
use futures::executor::{LocalPool, LocalSpawner};
use futures::task::LocalSpawnExt;
use futures::{FutureExt, StreamExt};
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use leptos_meta::Html;
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
    #[error("{0}")]
    Data(#[from] DataError),
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
    let deployment_for_app = deployment.clone();
    render_document(
        shell,
        deployment,
        public_root,
        transport,
        path,
        move |config, transport, islands, strings, _| {
            view! {
                <App deployment=deployment_for_app config=Ok(config) transport retry_config=|| () data_at_hand=DataAtHand(true) islands strings/>
            }
            .into_any()
        },
    )
}

/// The iframe embed's page (`/embed/ticker/`, [`TickerEmbedPage`]) with the site's ticker
/// settings, read as [`render_page`] reads a page: its ticker is the island of the site's pages,
/// which moves and pauses before any wasm arrives, and which the page's script hydrates when its
/// headlines are due. An address with settings in its query is drawn by the app instead.
pub fn render_ticker_embed_page(
    shell: &Shell,
    deployment: &Deployment,
    public_root: &str,
    transport: SharedTransport,
) -> Result<String, PrerenderError> {
    let base_path = deployment.base_path.clone();
    render_document(
        shell,
        deployment,
        public_root,
        transport,
        TICKER_EMBED_PAGE,
        move |config, _, islands, strings, site| {
            provide_context(DataAtHand(true));
            view! {
                <Html {..} lang=site.language dir=site.direction.as_str()/>
                <TickerEmbedPage base_path config=Ok(config) transport=islands query=String::new() strings/>
            }
            .into_any()
        },
    )
}

/// The iframe embed's address below the site's base path.
pub const TICKER_EMBED_PAGE: &str = "/embed/ticker/";

/// A whole document at `path`: `view` draws its body from `config.json`, the data's transport,
/// the islands' recording transport, the site's strings and the site, in a fresh owner; the
/// document carries the answers its islands read.
fn render_document(
    shell: &Shell,
    deployment: &Deployment,
    public_root: &str,
    transport: SharedTransport,
    path: &str,
    view: impl FnOnce(Config, SharedTransport, SharedTransport, Strings, Site) -> AnyView,
) -> Result<String, PrerenderError> {
    let Drawn {
        islands,
        config,
        strings,
        site,
    } = Drawn::read(deployment, &transport)?;
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let recording = islands.clone() as SharedTransport;
    let html = owner.with(|| {
        render_in_owner(shell, deployment, path, move || {
            view(config, transport, recording, strings, site)
        })
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

/// What every rendering starts from, read through the data's transport: `config.json` and the
/// language's translation are read through `islands`, which records what the islands read, for
/// the rendering to carry.
struct Drawn {
    islands: Arc<RecordingTransport>,
    config: Config,
    strings: Strings,
    site: Site,
}

impl Drawn {
    fn read(deployment: &Deployment, transport: &SharedTransport) -> Result<Self, PrerenderError> {
        static EXECUTOR: Once = Once::new();
        EXECUTOR.call_once(|| {
            let _ = any_spawner::Executor::init_local_custom_executor(ThisThread);
        });
        // The islands read config.json again in the browser, and only what they read is carried.
        let islands = Arc::new(RecordingTransport::new(transport.clone()));
        let config = crate::source::load_config(islands.as_ref(), &deployment.site_root)
            .now_or_never()
            .ok_or(PrerenderError::Pending)??;
        // The islands take the language from the page's <html lang>, so the page carries only the
        // translation for them, not what the language was read from.
        let strings = site_strings(
            &config,
            transport.clone(),
            islands.as_ref(),
            &deployment.site_root,
        )?;
        let site = DataSource::from_config(&config, transport.clone())
            .site()
            .now_or_never()
            .ok_or(PrerenderError::Pending)??;
        Ok(Self {
            islands,
            config,
            strings,
            site,
        })
    }
}

/// Where the site keeps the ticker for other sites' pages ([`render_ticker_embed`]), below its root.
pub const TICKER_EMBED: &str = "embed/ticker.json";

/// The ticker island as the script embed (`islands/embed.js`) shows it on another site's page.
#[derive(serde::Serialize)]
struct TickerEmbed {
    /// The element's attributes that change what the ticker draws: an element with any of them is
    /// drawn by the island's code rather than shown from `html`.
    settings: [&'static str; 6],
    /// The island with the site's settings, in a `lang`/`dir` wrapper, with the answers it was
    /// drawn from beside it: what the ticker island's bundle hydrates when its headlines are due.
    /// Its links lead from the host's root; the embed makes them absolute.
    html: String,
}

/// The ticker for the script embed ([`TICKER_EMBED`]): the island drawn as on the site's pages,
/// so that another site shows it at once and loads its code only when its headlines are due, as
/// the site's own pages do. Its data is read through `transport`, whose answers must be at hand.
pub fn render_ticker_embed(
    deployment: &Deployment,
    transport: SharedTransport,
) -> Result<String, PrerenderError> {
    let site_root = &deployment.site_root;
    let Drawn {
        islands,
        config,
        strings,
        site,
    } = Drawn::read(deployment, &transport)?;
    let source = DataSource::from_config(&config, transport);
    // Drawn from an error, it would show that error on other sites until the next build.
    source
        .ticker(config.ticker.items, false)
        .now_or_never()
        .ok_or(PrerenderError::Pending)??;
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let island = owner.with(|| {
        provide_context(strings);
        provide_context(DataAtHand(true));
        provide_context(BasePath(deployment.base_path.clone()));
        provide_context(IslandData::new(&config, islands.clone()));
        finish(
            view! { <TickerIsland/> }
                .to_html_stream_in_order()
                .collect::<String>(),
        )
    });
    owner.unset();
    let escape = |text: &str| html_escape::encode_double_quoted_attribute(text).into_owned();
    let html = format!(
        r#"<div class="broadsheet-embed" lang="{}" dir="{}">{}<script type="application/json" {}>{}</script></div>"#,
        escape(&site.language),
        site.direction.as_str(),
        host_relative(&island?, site_root),
        answers_id(),
        answers_to_json(&islands.take(), site_root),
    );
    let embed = TickerEmbed {
        settings: TickerSettings::NAMES,
        html,
    };
    Ok(serde_json::to_string(&embed).expect("strings serialize"))
}

/// The strings of the site's language: the language asked of the site's data through `data`,
/// its translation read through `translation` (both with their answers at hand). English if the
/// site names no language or one without a translation, an error if its translation is broken,
/// which a site owner must hear of at build time.
pub fn site_strings(
    config: &Config,
    data: SharedTransport,
    translation: &dyn Transport,
    site_root: &str,
) -> Result<Strings, PrerenderError> {
    let loaded = async {
        let language = DataSource::from_config(config, data)
            .language()
            .await
            .map_err(TranslationError::NoLanguage)?;
        crate::i18n::load(translation, site_root, &language, config.timeout_ms).await
    };
    match loaded.now_or_never().ok_or(PrerenderError::Pending)? {
        Err(error @ TranslationError::Bad { .. }) => Err(error.into()),
        loaded => Ok(crate::i18n::or_english(loaded)),
    }
}

/// The app's shell (Trunk's `index.html`, served as `404.html` for every path that was not
/// prerendered) in the site's language: `<html lang dir>`, the title, and the lines a reader sees
/// while the app loads and with scripts off. Rewriting a shell already written is harmless: a sync
/// writes it again when the site changes.
pub fn app_shell(
    index_html: &str,
    site: &Site,
    strings: &Strings,
) -> Result<String, PrerenderError> {
    let escape = |text: &str| html_escape::encode_safe(text).into_owned();
    let mut html = index_html.to_owned();
    replace_tag(
        &mut html,
        "<html",
        &format!(
            r#"<html lang="{}" dir="{}">"#,
            escape(&site.language),
            site.direction.as_str()
        ),
    )?;
    replace_content(&mut html, "<title", &escape(&site.title))?;
    replace_content(
        &mut html,
        r#"<div id="boot""#,
        &escape(&strings.app_loading),
    )?;
    replace_content(
        &mut html,
        r#"<p class="noscript""#,
        &escape(&strings.app_needs_script),
    )?;
    Ok(html)
}

/// Replaces the first tag of `html` that starts with `tag_start`, up to its `>`, with `tag`.
fn replace_tag(html: &mut String, tag_start: &str, tag: &str) -> Result<(), PrerenderError> {
    let start = html.find(tag_start).ok_or(PrerenderError::Shell(
        "a part of the app's shell is missing",
    ))?;
    let end = start
        + html[start..].find('>').ok_or(PrerenderError::Shell(
            "a tag of the app's shell is not closed",
        ))?;
    html.replace_range(start..=end, tag);
    Ok(())
}

/// Replaces the text inside the first element of `html` whose tag starts with `tag_start` (an
/// element holding text only) with `text`.
fn replace_content(html: &mut String, tag_start: &str, text: &str) -> Result<(), PrerenderError> {
    let missing = || PrerenderError::Shell("a part of the app's shell is missing");
    let start = html.find(tag_start).ok_or_else(missing)?;
    let open_end = start + html[start..].find('>').ok_or_else(missing)? + 1;
    let close = open_end + html[open_end..].find("</").ok_or_else(missing)?;
    html.replace_range(open_end..close, text);
    Ok(())
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
    path: &str,
    view: impl FnOnce() -> AnyView,
) -> Result<String, PrerenderError> {
    provide_context(RequestUrl::new(&format!("{}{path}", deployment.base_path)));
    let (meta, meta_output) = ServerMetaContext::new();
    provide_context(meta);
    let app = view();
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
    let (head, body) = html.split_at(html.find("</head>").unwrap_or(html.len()));
    format!(
        "{}{}",
        head.replace(build_root, public_root),
        host_relative(body, build_root)
    )
}

/// `html` with the addresses below the build's stand-in site root (`build_root`) made to start
/// from the host's root.
fn host_relative(html: &str, build_root: &str) -> String {
    let origin = build_root.find("://").map_or(build_root.len(), |scheme| {
        build_root[scheme + 3..]
            .find('/')
            .map_or(build_root.len(), |path| scheme + 3 + path)
    });
    html.replace(&build_root[..origin], "")
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

    const APP_SHELL: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <script type="module">import init from '/app.js';</script>
  <title>Broadsheet</title>
</head>
<body><div id="boot" class="boot" role="status">Loading the news…</div><noscript><p class="noscript">This news site needs JavaScript to show this page.</p></noscript></body>
</html>"#;

    fn arabic_site() -> (Site, Strings) {
        let site = Site {
            title: "الخليج & <النشرة>".into(),
            tagline: String::new(),
            language: "ar".into(),
            direction: crate::model::Direction::Rtl,
            base_url: "https://site.invalid/".into(),
            sections: Vec::new(),
        };
        let arabic = include_str!("../public/translations/ar.json");
        (site, Strings::parse(arabic, "ar", "ar.json").unwrap())
    }

    #[test]
    fn the_app_shell_is_written_in_the_site_language() {
        let (site, strings) = arabic_site();
        let shell = app_shell(APP_SHELL, &site, &strings).unwrap();
        assert!(shell.contains(r#"<html lang="ar" dir="rtl">"#), "{shell}");
        assert!(
            shell.contains("<title>الخليج &amp; &lt;النشرة&gt;</title>"),
            "{shell}"
        );
        assert!(shell.contains(&format!(
            r#"<div id="boot" class="boot" role="status">{}</div>"#,
            strings.app_loading
        )));
        assert!(shell.contains(&format!(
            r#"<p class="noscript">{}</p>"#,
            strings.app_needs_script
        )));
        // The rest is Trunk's, untouched.
        assert!(shell.contains("import init from '/app.js';"));
        assert!(!shell.contains("Loading the news"));
    }

    #[test]
    fn writing_the_app_shell_again_changes_nothing() {
        let (site, strings) = arabic_site();
        let once = app_shell(APP_SHELL, &site, &strings).unwrap();
        assert_eq!(app_shell(&once, &site, &strings).unwrap(), once);
        let english = Strings::english();
        let back = app_shell(
            &once,
            &Site {
                language: "en".into(),
                direction: crate::model::Direction::Ltr,
                ..site
            },
            &english,
        )
        .unwrap();
        assert!(back.contains(r#"<html lang="en" dir="ltr">"#));
        assert!(back.contains(">Loading the news…</div>"));
    }

    #[test]
    fn index_html_shows_the_english_lines() {
        let index = include_str!("../index.html");
        let english = Strings::english();
        assert!(index.contains(&format!(">{}</div>", english.app_loading)));
        assert!(index.contains(&format!(">{}</p>", english.app_needs_script)));
    }

    #[test]
    fn an_app_shell_without_its_lines_is_refused() {
        let (site, strings) = arabic_site();
        let without_boot = APP_SHELL.replace(
            r#"<div id="boot" class="boot" role="status">Loading the news…</div>"#,
            "",
        );
        assert!(matches!(
            app_shell(&without_boot, &site, &strings),
            Err(PrerenderError::Shell(_))
        ));
    }

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
