//! The route table and the shell around every page.

use crate::components::{ProgressBar, SiteFooter, SiteHeader, TickerSource};
use crate::config::{Config, ConfigError};
use crate::i18n::{use_strings, Strings};
use crate::islands::{IslandData, TickerIsland};
use crate::model::resolve_url;
use crate::pages::{ConfigErrorPage, NotFoundPage, RoutePage};
use crate::render_mode::{DataAtHand, RenderMode};
use crate::source::{DataSource, SharedTransport};
use crate::state::{AppSource, BasePath, CurrentSite, Loading, TrackedTransport};
use futures::FutureExt;
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::hooks::use_location;
use leptos_router::path;

/// Where the app is served from, read from the document when it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Deployment {
    /// Absolute URL of the site's folder, ending in `/`: `config.json` is found here.
    pub site_root: String,
    /// The router's base path: `""` at the domain root, `"/news"` under a sub-path.
    pub base_path: String,
}

impl Deployment {
    /// Where this document is deployed: Trunk writes the public URL into `<base href>`, so its base
    /// URL is the site root at `/` and under a sub-path.
    #[cfg(target_arch = "wasm32")]
    pub fn of_document(document: &web_sys::Document) -> Self {
        let base_url = document.base_uri().ok().flatten();
        Self::from_base_url(base_url.as_deref().unwrap_or("/"))
    }

    /// From the document's base URL (set by Trunk's `<base>` at build time).
    pub fn from_base_url(base_url: &str) -> Self {
        // Resolving "" gives the URL's folder and "/" its origin's root; neither can fail for
        // the document's own (absolute) base URL.
        let site_root = resolve_url(base_url, "").unwrap_or_else(|_| base_url.to_owned());
        let origin_root = resolve_url(&site_root, "/").unwrap_or_default();
        let path = site_root
            .strip_prefix(origin_root.trim_end_matches('/'))
            .unwrap_or("/");
        Self {
            base_path: path.trim_end_matches('/').to_owned(),
            site_root,
        }
    }
}

/// The whole app, once `config.json` has been read (before mounting, so nothing renders twice):
/// the site, or a page naming what is wrong with the configuration.
#[component]
pub fn App(
    /// Where the site is served from.
    deployment: Deployment,
    /// `config.json`, parsed, or why it could not be.
    config: Result<Config, ConfigError>,
    /// How data is fetched.
    transport: SharedTransport,
    /// Reads `config.json` again (in the browser: reloads the page).
    #[prop(into)]
    retry_config: Callback<()>,
    /// Set while the page's data is at hand (prerendering): see [`DataAtHand`].
    #[prop(optional)]
    data_at_hand: DataAtHand,
    /// What the islands read through: by default the app's transport. The prerenderer records
    /// what they read, which the page then carries for them.
    #[prop(optional)]
    islands: Option<SharedTransport>,
    /// The interface in the site's language (`i18n::for_site`); English by default.
    #[prop(optional)]
    strings: Option<Strings>,
) -> impl IntoView {
    provide_meta_context();
    provide_context(strings.unwrap_or_else(Strings::english));
    provide_context(data_at_hand);
    let loading = Loading::default();
    provide_context(loading.clone());
    let base_path = deployment.base_path;
    provide_context(BasePath(base_path.clone()));
    match config {
        Ok(config) => {
            let tracked = TrackedTransport::shared(transport.clone(), loading);
            let source = AppSource::new(DataSource::from_config(&config, tracked));
            provide_context(match islands {
                Some(islands) => IslandData::new(&config, islands),
                // The comments share the pages' source, which has read their article already. The
                // ticker's re-reads every few minutes are not page loads: they bypass the progress bar.
                None => IslandData {
                    source: source.clone(),
                    ticker: TickerSource::new(&config, transport),
                    ticker_settings: config.ticker.clone(),
                },
            });
            view! {
                <ProgressBar/>
                <Site source base_path/>
            }
            .into_any()
        }
        Err(error) => view! { <ConfigErrorPage error retry=retry_config/> }.into_any(),
    }
}

#[component]
fn Site(source: AppSource, base_path: String) -> impl IntoView {
    // A prerendered page has its masthead; otherwise it comes with the first page's data.
    let site = RenderMode::current()
        .has_data_at_hand()
        .then(|| source.site().now_or_never().and_then(Result::ok))
        .flatten();
    provide_context(source);
    provide_context(CurrentSite(RwSignal::new(site)));
    view! {
        <Router base=base_path>
            <a class="skip-link" href="#main">{use_strings().skip_link.clone()}</a>
            <TickerIsland/>
            <SiteHeader/>
            <MainRegion>
                // One route: the path's page is `model::Route`'s to read (RoutePage).
                <FlatRoutes fallback=NotFoundPage>
                    <Route path=path!("/*path") view=RoutePage/>
                </FlatRoutes>
            </MainRegion>
            <SiteFooter/>
        </Router>
    }
}

/// The `<main>` landmark. After a navigation within the app it takes the focus, as a page
/// load would reset it: keyboard users continue from the new page's start, and screen readers
/// announce that the page changed instead of staying on a link that no longer exists.
#[component]
fn MainRegion(children: Children) -> impl IntoView {
    let main = NodeRef::<leptos::html::Main>::new();
    let pathname = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let current = pathname.get();
        if previous.is_some_and(|previous| previous != current) {
            if let Some(main) = main.get_untracked() {
                let _ = main.focus();
            }
        }
        current
    });
    view! {
        <main id="main" tabindex="-1" node_ref=main>
            {children()}
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deployment_at_the_root_and_under_a_sub_path() {
        assert_eq!(
            Deployment::from_base_url("http://127.0.0.1:8080/"),
            Deployment {
                site_root: "http://127.0.0.1:8080/".into(),
                base_path: "".into()
            }
        );
        assert_eq!(
            Deployment::from_base_url("https://herald.example/news/"),
            Deployment {
                site_root: "https://herald.example/news/".into(),
                base_path: "/news".into()
            }
        );
        assert_eq!(
            Deployment::from_base_url("https://herald.example/news/tag/x/index.html"),
            Deployment {
                site_root: "https://herald.example/news/tag/x/".into(),
                base_path: "/news/tag/x".into()
            }
        );
    }
}
