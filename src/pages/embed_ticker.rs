//! `/embed/ticker/` (see [`crate::model::Route::is_ticker_embed`]): the news ticker alone, for
//! other sites to show in an iframe. Its settings are the site's (`config.json`), overridden by
//! the page's query string (`?speed=80&items=5&theme=dark&label=Latest`); its links open in the
//! embedding page's window. The ticker is the island of the site's pages: the build prerenders
//! the page with the site's settings (`prerender::render_ticker_embed_page`), and the app draws
//! it for an address with settings of its own.

use crate::config::{Config, ConfigError};
use crate::i18n::Strings;
use crate::islands::{IslandData, TickerIsland};
use crate::model::{query_pairs, TickerSettings};
use crate::source::SharedTransport;
use crate::state::BasePath;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Title};

/// The ticker on a transparent page of its own, or a line saying why it cannot be shown.
#[component]
pub fn TickerEmbedPage(
    /// The deploy's base path, which article links carry.
    base_path: String,
    /// `config.json`, parsed, or why it could not be.
    config: Result<Config, ConfigError>,
    /// How data is fetched (while prerendering, the islands' transport, which records what the
    /// ticker reads for the page to carry).
    transport: SharedTransport,
    /// The page's query string, with the embedding site's settings.
    query: String,
    /// The interface in the site's language.
    strings: Strings,
) -> impl IntoView {
    provide_meta_context();
    provide_context(strings.clone());
    provide_context(BasePath(base_path));
    let pairs = query_pairs(&query);
    let ready = config
        .map_err(|error| error.to_string())
        .and_then(|config| {
            let settings = config
                .ticker
                .clone()
                .with_all(
                    pairs
                        .iter()
                        .map(|(name, value)| (name.as_str(), value.as_str())),
                )
                .map_err(|problem| {
                    format!("the embed's address is not as documented: {problem}")
                })?;
            Ok((config, settings))
        });
    let body = match ready {
        Ok((config, settings)) => {
            // A page of its own, so a main landmark and a heading, which only screen readers
            // need: the ticker shows its label.
            let label = settings
                .label
                .clone()
                .unwrap_or_else(|| strings.ticker_label.clone());
            let mut islands = IslandData::new(&config, transport);
            islands.ticker_settings = settings;
            provide_context(islands);
            view! {
                <Title text=label.clone()/>
                // The settings an address may give: the page's script lets the app draw those.
                <main data-ticker-settings=TickerSettings::NAMES.join(" ")>
                    <h1 class="visually-hidden">{label}</h1>
                    <TickerIsland link_target="_top"/>
                </main>
            }
            .into_any()
        }
        Err(problem) => view! {
            <Title text=strings.ticker_problem_title.clone()/>
            <main>
                <p class="embed-error" role="alert">{strings.fill(&strings.ticker_problem, &[("problem", &problem)])}</p>
            </main>
        }
        .into_any(),
    };
    view! {
        <Html {..} class="embed"/>
        {body}
    }
}
