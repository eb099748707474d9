//! Islands: the parts of a prerendered page that a reader interacts with (the news ticker, the
//! comments), each drawn by the same component at build time and in the browser.
//!
//! A prerendered page is complete HTML and loads no app. Each island's root (`[data-island]`)
//! carries what its component needs as attributes, and the page carries the data answers the
//! islands were drawn from (see [`crate::source::prefetched`]). The page's own script
//! (`islands/page.js`) loads the islands' wasm (`islands/`) only when a reader needs one, and
//! [`hydrate`] then hydrates that island over its HTML, from those answers: what the reader sees
//! does not change, and what they typed stays.
//!
//! Islands read their data through [`IslandData`], a source of their own: at build time a
//! transport that records every answer they read (and only theirs), in the browser the page's
//! embedded answers; in the full app, the app's transport.

use crate::components::{NewsTicker, TickerSource};
use crate::config::Config;
use crate::model::TickerSettings;
use crate::pages::article::comments::{Comments, Discussion};
use crate::source::{DataSource, SharedTransport};
use crate::state::AppSource;
use leptos::context::Provider;
use leptos::html;
use leptos::prelude::*;

/// What islands read their data from: the site's sources and the ticker's settings.
#[derive(Clone)]
pub struct IslandData {
    /// For the comments.
    pub source: AppSource,
    /// For the ticker, whose re-reads every few minutes are not page loads.
    pub ticker: TickerSource,
    pub ticker_settings: TickerSettings,
}

impl IslandData {
    /// Sources of their own, reading through `transport`: at build time, one that records what the
    /// islands read; in the browser, the page's embedded answers.
    pub fn new(config: &Config, transport: SharedTransport) -> Self {
        Self {
            source: AppSource::new(DataSource::from_config(config, transport.clone())),
            ticker: TickerSource::new(config, transport),
            ticker_settings: config.ticker.clone(),
        }
    }
}

/// The attribute naming an island's kind, on its root.
pub const ISLAND_ATTRIBUTE: &str = "data-island";
const TICKER: &str = "ticker";
const COMMENTS: &str = "comments";
// The ticker island's prop, as an attribute of its root: where its links open.
const LINK_TARGET: &str = "data-link-target";
// The comments island's props, as attributes of its root.
const SLUG: &str = "data-slug";
const SITE_URL: &str = "data-site-url";
/// Read by the page's script only.
const INTERACTIVE: &str = "data-interactive";

/// The news ticker, as an island: see [`NewsTicker`].
#[component]
pub fn TickerIsland(
    /// The browsing context its links open in: `_top` in the iframe embed.
    #[prop(optional)]
    link_target: Option<&'static str>,
) -> impl IntoView {
    html::div()
        .class("island")
        .attr(ISLAND_ATTRIBUTE, TICKER)
        .attr(LINK_TARGET, link_target)
        .child(view! { <TickerBody paused=false link_target/> })
}

/// What the ticker island hydrates: the ticker with the islands' settings.
#[component]
fn TickerBody(
    /// Paused by the reader before the island ran (the page's script carries the button until then).
    paused: bool,
    link_target: Option<&'static str>,
) -> impl IntoView {
    let IslandData {
        ticker,
        ticker_settings,
        ..
    } = expect_context::<IslandData>();
    view! { <NewsTicker source=ticker settings=ticker_settings paused link_target/> }
}

/// An article's discussion, as an island: see [`Comments`].
#[component]
pub fn CommentsIsland(discussion: Discussion) -> impl IntoView {
    let source = &expect_context::<IslandData>().source;
    // Whether the island has anything to do in the browser: a form to send, or a thread that the
    // site's readers add to (brought up to date when shown). Otherwise the page never loads it.
    let interactive = source.accepts_comments() || source.is_live();
    html::div()
        .class("island")
        .attr(ISLAND_ATTRIBUTE, COMMENTS)
        .attr(INTERACTIVE, interactive.then_some(""))
        .attr(SLUG, discussion.slug.as_str().to_owned())
        .attr(SITE_URL, discussion.site_url.clone())
        .child(view! { <CommentsBody discussion/> })
}

/// What the comments island hydrates: the discussion, reading through the islands' source.
#[component]
fn CommentsBody(discussion: Discussion) -> impl IntoView {
    let source = expect_context::<IslandData>().source;
    view! {
        <Provider value=source>
            <Comments discussion/>
        </Provider>
    }
}

/// Hydrating islands in the browser: each island's bundle calls one of these, so that it carries
/// only its own island's code.
#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
mod browser {
    use super::*;
    use crate::model::{CommentDraft, Field, Slug};
    use crate::pages::article::comments::TypedFirst;
    use crate::source::prefetched::{self, PrefetchedTransport};
    use crate::source::BrowserTransport;
    use crate::state::BasePath;
    use crate::Deployment;
    use std::sync::Arc;
    use wasm_bindgen::JsCast;

    /// Hydrates `view` over the island at `root` (of kind `kind`), from the answers embedded in the
    /// page (then from the network). Once it resolves the island runs, as long as the page.
    /// `site` is the site's address for an island on another site's page (the script embed, in a
    /// shadow root with its answers); on the site's own pages, the document says where it is.
    async fn hydrate_island<V: IntoView + 'static>(
        root: web_sys::HtmlElement,
        kind: &str,
        site: Option<String>,
        view: impl FnOnce() -> V + 'static,
    ) -> Result<(), String> {
        if root.get_attribute(ISLAND_ATTRIBUTE).as_deref() != Some(kind) {
            return Err(format!("this is not the {kind} island"));
        }
        let deployment = match site {
            // Its links lead to the site: the site's address is their prefix.
            Some(site_root) => Deployment {
                base_path: site_root.trim_end_matches('/').to_owned(),
                site_root,
            },
            None => Deployment::of_document(&document()?),
        };
        // In the document, or in the shadow root the island was put in.
        let top = root.get_root_node();
        let answers = match top.dyn_ref::<web_sys::Document>() {
            Some(document) => document.get_element_by_id(prefetched::ELEMENT_ID),
            None => top
                .dyn_ref::<web_sys::DocumentFragment>()
                .and_then(|fragment| fragment.get_element_by_id(prefetched::ELEMENT_ID)),
        }
        .and_then(|element| element.text_content())
        .ok_or("the page carries no answers")?;
        let answers = prefetched::read_answers(&answers, &deployment.site_root)
            .map_err(|error| format!("the page's answers: {error:?}"))?;
        let transport = PrefetchedTransport::shared(answers, Arc::new(BrowserTransport));
        let config = crate::source::load_config(transport.as_ref(), &deployment.site_root)
            .await
            .map_err(|error| error.to_string())?;
        // The island was drawn in the site's language, and its page says which: asking the source
        // again would bring its decoders (a static site's whole site.json) into every island.
        let language = root
            .closest("[lang]")
            .ok()
            .flatten()
            .and_then(|element| element.get_attribute("lang"))
            .unwrap_or_default();
        let strings = crate::i18n::or_english(
            crate::i18n::load(
                transport.as_ref(),
                &deployment.site_root,
                &language,
                config.timeout_ms,
            )
            .await,
        );
        let data = IslandData::new(&config, transport);
        let base_path = deployment.base_path;
        // While it hydrates, the island draws from the answers at hand (see `render_mode`); once
        // hydrated, it fetches what it draws.
        let island = leptos::mount::hydrate_from(root, move || {
            provide_context(strings);
            provide_context(data);
            provide_context(BasePath(base_path));
            view()
        });
        std::mem::forget(island);
        Ok(())
    }

    /// The ticker, keeping a pause the reader made before it ran.
    /// `site` as for [`hydrate_island`].
    pub async fn hydrate_ticker(
        root: web_sys::HtmlElement,
        site: Option<String>,
    ) -> Result<(), String> {
        let paused = root
            .query_selector(".ticker.paused")
            .ok()
            .flatten()
            .is_some();
        // The one target the build writes.
        let link_target =
            (root.get_attribute(LINK_TARGET).as_deref() == Some("_top")).then_some("_top");
        hydrate_island(
            root,
            TICKER,
            site,
            move || view! { <TickerBody paused link_target/> },
        )
        .await
    }

    /// The comments, keeping what the reader typed into the form before it ran.
    pub async fn hydrate_comments(root: web_sys::HtmlElement) -> Result<(), String> {
        let attribute = |name: &str| root.get_attribute(name).unwrap_or_default();
        let discussion = Discussion {
            slug: Slug::parse(&attribute(SLUG))?,
            site_url: attribute(SITE_URL),
        };
        let document = document()?;
        let value = |field: Field| {
            document
                .get_element_by_id(field.id())
                .and_then(|element| {
                    element
                        .dyn_ref::<web_sys::HtmlTextAreaElement>()
                        .map(|text| text.value())
                        .or_else(|| {
                            element
                                .dyn_ref::<web_sys::HtmlInputElement>()
                                .map(|input| input.value())
                        })
                })
                .unwrap_or_default()
        };
        let typed = CommentDraft {
            content: value(Field::Content),
            name: value(Field::Name),
            email: value(Field::Email),
            website: value(Field::Website),
        };
        hydrate_island(root, COMMENTS, None, move || {
            provide_context(TypedFirst::new(typed));
            view! { <CommentsBody discussion/> }
        })
        .await
    }
}

#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
pub use browser::{hydrate_comments, hydrate_ticker};

#[cfg(target_arch = "wasm32")]
fn document() -> Result<web_sys::Document, String> {
    web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| "no document".to_owned())
}

/// The ticker on other sites' pages, when it cannot be shown as the site built it (see
/// `islands/embed.js`): drawn, not hydrated.
#[cfg(target_arch = "wasm32")]
mod embed {
    use super::*;
    use crate::model::resolve_url;
    use crate::source::BrowserTransport;
    use crate::state::BasePath;
    use std::sync::Arc;
    use wasm_bindgen::JsCast;

    /// The ticker for `host`, a `<broadsheet-ticker src="https://SITE/">` element on another
    /// site's page, drawn into its shadow root `root` (which has the ticker's stylesheet) by the
    /// site's own component, from the site's `config.json` and headlines: for an element whose
    /// attributes, named like the ticker's settings, override them, or a site whose ticker was
    /// not built for embedding. `language` is the site's, when the embed knows it. If it cannot be
    /// shown, it says why in its place.
    pub async fn embed_ticker(
        host: web_sys::HtmlElement,
        root: web_sys::ShadowRoot,
        language: Option<String>,
    ) {
        let Some(container) = document()
            .ok()
            .and_then(|document| document.create_element("div").ok())
        else {
            return;
        };
        root.replace_children_with_node_1(&container);
        let container = container.unchecked_into::<web_sys::HtmlElement>();
        // Each element's ticker runs as long as the page; it stops re-reading once taken off it.
        match embed_settings(&host).await {
            Ok((config, settings, site_root)) => {
                let transport: SharedTransport = Arc::new(BrowserTransport);
                let strings = crate::i18n::or_english(match language {
                    Some(language) => {
                        crate::i18n::load(
                            transport.as_ref(),
                            &site_root,
                            &language,
                            config.timeout_ms,
                        )
                        .await
                    }
                    None => crate::i18n::for_site(&config, transport.clone(), &site_root).await,
                });
                let source = TickerSource::new(&config, transport);
                // Links lead to the site: its address is their prefix.
                let prefix = site_root.trim_end_matches('/').to_owned();
                std::mem::forget(leptos::mount::mount_to(container, move || {
                    provide_context(strings);
                    provide_context(BasePath(prefix));
                    view! { <NewsTicker source settings/> }
                }));
            }
            Err(problem) => std::mem::forget(leptos::mount::mount_to(container, move || {
                view! {
                    // In English: without the site's config.json there is no language to say it in.
                    <p class="ticker-problem" role="alert">
                        {let english = crate::i18n::Strings::english(); english.fill(&english.ticker_problem, &[("problem", &problem)])}
                    </p>
                }
            })),
        }
    }

    /// The embedded ticker's site (its `config.json`, and its address ending in `/`) and settings.
    async fn embed_settings(
        host: &web_sys::HtmlElement,
    ) -> Result<(Config, TickerSettings, String), String> {
        let page = document()?.base_uri().ok().flatten().unwrap_or_default();
        let src = host
            .get_attribute("src")
            .ok_or("the element has no src attribute (the Broadsheet site's address)")?;
        let mut site_root =
            resolve_url(&page, &src).map_err(|problem| format!("src: {problem}"))?;
        if !site_root.ends_with('/') {
            site_root.push('/');
        }
        let config = crate::source::load_config(&BrowserTransport, &site_root)
            .await
            .map_err(|error| error.to_string())?;
        let overrides: Vec<(&str, String)> = TickerSettings::NAMES
            .iter()
            .filter_map(|name| host.get_attribute(name).map(|value| (*name, value)))
            .collect();
        let settings = config.ticker.clone().with_all(
            overrides
                .iter()
                .map(|(name, value)| (*name, value.as_str())),
        )?;
        Ok((config, settings, site_root))
    }
}

#[cfg(target_arch = "wasm32")]
pub use embed::embed_ticker;
