//! What the news ticker (`components::NewsTicker`) does in the browser beyond rendering: start the
//! loop at the configured speed, tell whether the reader wants things still, and re-read the
//! headlines while anyone can see them.

use crate::model::TickerSettings;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Whether the reader asked for no animation: new headlines then replace the old at once.
pub fn is_still() -> bool {
    web_sys::window()
        .and_then(|window| {
            window
                .match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|query| query.matches())
}

/// Gives the stylesheet the width of one copy of the headlines (the track's first child) and the
/// speed, from which it works out the loop's duration (`style/ticker.css`), then lets it run
/// (class `running`). A prerendered page's script does the same before the wasm arrives.
pub fn start_moving(track: &web_sys::HtmlElement, settings: &TickerSettings) {
    let width = track
        .first_element_child()
        .map_or(0.0, |list| list.get_bounding_client_rect().width());
    // Through the CSSOM, which the Content-Security-Policy allows (a style attribute it would not).
    // Whole pixels: formatting a float would bring float printing into the ticker island's wasm.
    let style = track.style();
    let _ = style.set_property("--ticker-width", &(width.round() as u64).to_string());
    let _ = style.set_property("--ticker-speed", &settings.speed.to_string());
    let _ = track.class_list().add_1("running");
}

/// Re-reads while the ticker can be seen; dropping it stops everything it started.
pub struct Freshness {
    window: web_sys::Window,
    interval: i32,
    _on_tick: Closure<dyn Fn()>,
    on_visibility: Closure<dyn Fn()>,
    observer: Option<web_sys::IntersectionObserver>,
    _on_intersection: Closure<dyn Fn(js_sys::Array)>,
}

impl Drop for Freshness {
    fn drop(&mut self) {
        self.window.clear_interval_with_handle(self.interval);
        if let Some(document) = self.window.document() {
            let _ = document.remove_event_listener_with_callback(
                "visibilitychange",
                self.on_visibility.as_ref().unchecked_ref(),
            );
        }
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
    }
}

/// Calls `refresh` every `every` while the tab is visible and `ticker` on screen (and on the
/// page), and when the tab comes back; a tick missed off screen is made up as soon as the ticker
/// is seen again.
/// Off screen the animation stops too (class `offscreen`).
pub fn keep_fresh(
    ticker: &web_sys::HtmlElement,
    every: Duration,
    refresh: impl Fn() + 'static,
) -> Option<Freshness> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let refresh = Rc::new(refresh);
    let on_screen = Rc::new(Cell::new(true));
    let missed = Rc::new(Cell::new(false));
    // A ticker taken off the page (an embed's element removed) does no more work.
    let visible = {
        let (document, ticker) = (document.clone(), ticker.clone());
        move || !document.hidden() && ticker.is_connected()
    };
    let tick = {
        let (refresh, on_screen, missed, visible) = (
            refresh.clone(),
            on_screen.clone(),
            missed.clone(),
            visible.clone(),
        );
        Closure::<dyn Fn()>::new(move || {
            if visible() && on_screen.get() {
                refresh();
            } else {
                missed.set(true);
            }
        })
    };
    let interval = window
        .set_interval_with_callback_and_timeout_and_arguments_0(
            tick.as_ref().unchecked_ref(),
            i32::try_from(every.as_millis()).unwrap_or(i32::MAX),
        )
        .ok()?;
    let on_visibility = {
        let (refresh, on_screen, visible) = (refresh.clone(), on_screen.clone(), visible.clone());
        Closure::<dyn Fn()>::new(move || {
            // Headlines may have changed while the tab was away.
            if visible() && on_screen.get() {
                refresh();
            }
        })
    };
    let _ = document.add_event_listener_with_callback(
        "visibilitychange",
        on_visibility.as_ref().unchecked_ref(),
    );
    let on_intersection = {
        let ticker = ticker.clone();
        Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Some(entry) = entries
                .iter()
                .last()
                .and_then(|entry| entry.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
            else {
                return;
            };
            on_screen.set(entry.is_intersecting());
            let _ = ticker
                .class_list()
                .toggle_with_force("offscreen", !entry.is_intersecting());
            if visible() && entry.is_intersecting() && missed.replace(false) {
                refresh();
            }
        })
    };
    let observer =
        web_sys::IntersectionObserver::new(on_intersection.as_ref().unchecked_ref()).ok();
    if let Some(observer) = &observer {
        observer.observe(ticker);
    }
    Some(Freshness {
        window,
        interval,
        _on_tick: tick,
        on_visibility,
        observer,
        _on_intersection: on_intersection,
    })
}
