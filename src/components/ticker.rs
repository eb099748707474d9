//! The news ticker: the latest headlines scrolling across the top of every page, and the whole
//! of the iframe embed.
//!
//! The movement is a CSS animation of `transform` (see `style/ticker.css`), run by the compositor:
//! no script runs per frame. Script only measures the headlines once per set, so that the loop
//! lasts as long as its width at the configured speed, and re-reads them now and then.

use crate::config::Config;
use crate::i18n::use_strings;
use crate::model::{Headline, HeadlineLink, TickerSettings};
use crate::render_mode::RenderMode;
use crate::source::{DataSource, SharedTransport};
use crate::state::BasePath;
use futures::FutureExt;
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// The ticker's own data source. It reads through a transport of its own, so that its
/// re-reads every few minutes do not run the page's progress bar.
#[derive(Clone)]
pub struct TickerSource(pub Arc<DataSource>);

impl TickerSource {
    /// The configured source, read through `transport`.
    pub fn new(config: &Config, transport: SharedTransport) -> Self {
        Self(Arc::new(DataSource::from_config(config, transport)))
    }
}

/// The "News Ticker" bar: a labelled region with the headlines as links, a Pause/Play button,
/// paused while hovered or while a headline has the focus, and still under
/// `prefers-reduced-motion: reduce`. The headlines loop twice for a seamless scroll; the second
/// copy is hidden from assistive technology and cannot be focused.
#[component]
pub fn NewsTicker(
    /// Where the headlines come from.
    source: TickerSource,
    /// Speed, direction, refresh interval, number of headlines, label and theme.
    settings: TickerSettings,
    /// The browsing context links open in: `None` on the site, `Some("_top")` inside an iframe.
    #[prop(default = None)]
    link_target: Option<&'static str>,
    /// Whether it starts paused (a prerendered ticker the reader paused before its island ran).
    #[prop(optional)]
    paused: bool,
) -> impl IntoView {
    // Prerendered pages carry their headlines, which move without scripts; otherwise they are read
    // once the ticker is up.
    let prerendered = RenderMode::current()
        .has_data_at_hand()
        .then(|| source.0.ticker(settings.items, false).now_or_never())
        .flatten();
    // An island is hydrated when its headlines are due to be read again.
    let fresh_first = prerendered.is_some();
    let headlines = RwSignal::new(prerendered);
    // New headlines wait here for the end of a loop, where the track is back at its start.
    let pending = StoredValue::new(None::<Vec<Headline>>);
    let paused = RwSignal::new(paused);
    let section = NodeRef::<leptos::html::Section>::new();
    let track = NodeRef::<leptos::html::Div>::new();
    let items = settings.items;
    let strings = use_strings();
    let label = settings
        .label
        .clone()
        .unwrap_or_else(|| strings.ticker_label.clone());
    let (play, pause) = (strings.ticker_play.clone(), strings.ticker_pause.clone());
    let base_path = use_context::<BasePath>().unwrap_or_default().0;
    let read = move |fresh: bool| {
        let source = source.clone();
        leptos::task::spawn_local(async move {
            let result = source.0.ticker(items, fresh).await;
            let showing = headlines.with_untracked(|shown| match shown {
                Some(Ok(shown)) => Some(result.as_ref().is_ok_and(|new| new == shown)),
                _ => None,
            });
            match (result, showing) {
                (_, Some(true)) => {}
                // A failed re-read keeps the headlines on screen; the next one may succeed.
                (Err(_), Some(false)) => {}
                (Ok(new), Some(false)) if !browser::is_still() => pending.set_value(Some(new)),
                (result, _) => headlines.set(Some(result)),
            }
        });
    };
    let refresh_every = Duration::from_secs(settings.refresh_seconds.into());
    // Effects run in the browser only, never while a page is prerendered.
    Effect::new(move || {
        read(fresh_first);
        if let Some(section) = section.get_untracked() {
            let read = read.clone();
            let freshness = browser::keep_fresh(&section, refresh_every, move || read(true));
            // Owned by this effect, so dropped (timers and listeners removed) with the ticker.
            StoredValue::new_local(freshness);
        }
    });
    let speed = settings.clone();
    Effect::new(move || {
        if let Some(track) = track.get() {
            browser::start_moving(&track, &speed);
        }
    });
    let swap = move |_| {
        if let Some(next) = pending.try_update_value(Option::take).flatten() {
            headlines.set(Some(Ok(next)));
        }
    };
    let links = move |list: &[Headline], copy: bool| {
        list.iter()
            .map(|headline| {
                let href = headline.href(&base_path);
                let external = matches!(headline.link, HeadlineLink::External(_));
                view! {
                    <li>
                        <a
                            href=href
                            target=link_target
                            rel=(external && link_target.is_some()).then_some("noopener")
                            tabindex=copy.then_some("-1")
                        >
                            {headline.title.clone()}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section
            class="ticker"
            // Embedded in another site's page, it says which language it is in.
            lang=strings.language().to_owned()
            class:paused=move || paused.get()
            data-move=settings.direction.name()
            data-theme=settings.theme.name()
            // For the prerendered page's script, which moves the ticker before its island runs.
            data-speed=settings.speed.to_string()
            data-refresh=settings.refresh_seconds.to_string()
            aria-labelledby="ticker-label"
            node_ref=section
        >
            <span class="ticker-label" id="ticker-label">{label}</span>
            <div class="ticker-viewport">
                {let strings = strings.clone(); move || match headlines.get() {
                    Some(Ok(list)) if !list.is_empty() => {
                        // A new track for every set of headlines: its animation starts from the
                        // beginning, where the old one was when the set was swapped in.
                        Either::Right(view! {
                            <div class="ticker-track" node_ref=track on:animationiteration=swap>
                                <ul class="ticker-list">{links(&list, false)}</ul>
                                <ul class="ticker-list" aria-hidden="true" inert=true>{links(&list, true)}</ul>
                            </div>
                        })
                    }
                    // Concrete views rather than `AnyView`, whose lazy-hydration code an island
                    // would carry and never run.
                    status => Either::Left(view! {
                        <p class="ticker-status">
                            {match status {
                                None => strings.ticker_loading.clone(),
                                Some(Err(_)) => strings.ticker_unavailable.clone(),
                                Some(Ok(_)) => strings.ticker_empty.clone(),
                            }}
                        </p>
                    }),
                }}
            </div>
            // Its words for the page's script, which carries the button until the island runs.
            <button type="button" class="ticker-toggle" data-play=strings.ticker_play.clone() data-pause=strings.ticker_pause.clone()
                on:click=move |_| paused.update(|paused| *paused = !*paused)>
                {move || if paused.get() { play.clone() } else { pause.clone() }}
            </button>
        </section>
    }
}

#[cfg(target_arch = "wasm32")]
use crate::ticker_motion as browser;

/// Natively (prerendering, native tests) nothing moves and nothing is re-read.
#[cfg(not(target_arch = "wasm32"))]
mod browser {
    use crate::model::TickerSettings;
    use std::time::Duration;

    pub fn is_still() -> bool {
        true
    }

    pub fn start_moving<Track>(_track: &Track, _settings: &TickerSettings) {}

    pub fn keep_fresh<Section>(
        _section: &Section,
        _every: Duration,
        _refresh: impl Fn() + 'static,
    ) -> Option<()> {
        None
    }
}
