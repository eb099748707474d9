//! `<broadsheet-ticker src="https://SITE/">`: the news ticker as a custom element, for pages on
//! other sites. `dist/embed/ticker.js` defines the element and hands each one to [`mount`], which
//! reads the site's `config.json` and headlines and renders the ticker into the element's shadow
//! root, where the host page's CSS cannot reach. Attributes named like `config.json`'s `ticker`
//! settings (`speed`, `direction`, `refresh_seconds`, `items`, `label`, `theme`) override them.
//!
//! Built as its own small wasm: the app's data sources and the ticker's browser behaviour are
//! shared with the site, its rendering framework is not.

#![cfg(target_arch = "wasm32")]

use broadsheet::config::{self, Config};
use broadsheet::model::{resolve_url, Headline, TickerSettings};
use broadsheet::source::{BrowserTransport, DataSource};
use broadsheet::ticker_motion::{is_still, keep_fresh, start_moving, Freshness};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, ShadowRoot};

/// The ticker's stylesheet, the same as the site's.
const STYLE: &str = include_str!("../../style/ticker.css");

/// The settings an embedding page may give as attributes.
const SETTING_ATTRIBUTES: [&str; 6] = [
    "speed",
    "direction",
    "refresh_seconds",
    "items",
    "label",
    "theme",
];

/// Renders the ticker for `host` (a `<broadsheet-ticker>`) into `root`, its shadow root.
#[wasm_bindgen]
pub fn mount(host: HtmlElement, root: ShadowRoot) {
    wasm_bindgen_futures::spawn_local(async move {
        let Some(document) = web_sys::window().and_then(|window| window.document()) else {
            return;
        };
        // A constructed stylesheet: no <style> element, which a host page's CSP might refuse.
        if let Ok(sheet) = web_sys::CssStyleSheet::new() {
            if sheet.replace_sync(STYLE).is_ok() {
                root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
            }
        }
        match start(&document, &host, &root).await {
            Ok(freshness) => {
                // The re-reading goes on as long as the page.
                std::mem::forget(freshness);
            }
            Err(problem) => {
                let line = element(&document, "p", "ticker-problem");
                line.set_attribute("role", "alert").ok();
                line.set_text_content(Some(&format!("The news ticker cannot be shown: {problem}")));
                root.replace_children_with_node_1(&line);
            }
        }
    });
}

/// The headlines on screen, and new ones waiting for the end of the loop.
struct Headlines {
    shown: Vec<Headline>,
    pending: Option<Vec<Headline>>,
}

/// Shows the ticker and starts re-reading its headlines; the re-reading stops when the result
/// is dropped.
async fn start(
    document: &Document,
    host: &HtmlElement,
    root: &ShadowRoot,
) -> Result<Option<Freshness>, String> {
    let base = document.base_uri().ok().flatten().unwrap_or_default();
    let src = host
        .get_attribute("src")
        .ok_or("the element has no src attribute (the Broadsheet site's address)")?;
    let mut site_root = resolve_url(&base, &src).map_err(|problem| format!("src: {problem}"))?;
    if !site_root.ends_with('/') {
        site_root.push('/');
    }
    let config: Config = config::load(&BrowserTransport, &site_root)
        .await
        .map_err(|error| error.to_string())?;
    let settings = SETTING_ATTRIBUTES
        .iter()
        .filter_map(|name| host.get_attribute(name).map(|value| (*name, value)))
        .try_fold(config.ticker.clone(), |settings, (name, value)| {
            settings.with(name, &value)
        })?;
    let source = Rc::new(DataSource::from_config(&config, Arc::new(BrowserTransport)));
    let view = Rc::new(View::render(document, root, &settings, site_root));
    let headlines = source
        .ticker(settings.items, false)
        .await
        .map_err(|error| format!("the headlines could not be read: {error}"))?;
    view.show(&headlines);
    let state = Rc::new(RefCell::new(Headlines {
        shown: headlines,
        pending: None,
    }));
    {
        let (view_now, state) = (view.clone(), state.clone());
        view.on_loop_end(move || {
            let next = state.borrow_mut().pending.take();
            if let Some(next) = next {
                view_now.show(&next);
                state.borrow_mut().shown = next;
            }
        });
    }
    let refresh = {
        let (view, items) = (view.clone(), settings.items);
        move || {
            let (source, view, state) = (source.clone(), view.clone(), state.clone());
            wasm_bindgen_futures::spawn_local(async move {
                // A failed re-read keeps the headlines on screen; the next one may succeed.
                let Ok(new) = source.ticker(items, true).await else {
                    return;
                };
                if new == state.borrow().shown {
                    return;
                }
                if is_still() {
                    view.show(&new);
                    state.borrow_mut().shown = new;
                } else {
                    state.borrow_mut().pending = Some(new);
                }
            });
        }
    };
    let every = Duration::from_secs(settings.refresh_seconds.into());
    Ok(keep_fresh(&view.section, every, refresh))
}

/// The ticker's elements: the same markup and classes as the site's ticker component.
struct View {
    document: Document,
    settings: TickerSettings,
    site_root: String,
    section: HtmlElement,
    viewport: Element,
}

impl View {
    fn render(
        document: &Document,
        root: &ShadowRoot,
        settings: &TickerSettings,
        site_root: String,
    ) -> Self {
        let section: HtmlElement = element(document, "section", "ticker").unchecked_into();
        section
            .set_attribute("data-move", settings.direction.name())
            .ok();
        section
            .set_attribute("data-theme", settings.theme.name())
            .ok();
        section
            .set_attribute("aria-labelledby", "ticker-label")
            .ok();
        let label = element(document, "span", "ticker-label");
        label.set_id("ticker-label");
        label.set_text_content(Some(&settings.label));
        let viewport = element(document, "div", "ticker-viewport");
        let toggle = element(document, "button", "ticker-toggle");
        toggle.set_attribute("type", "button").ok();
        toggle.set_text_content(Some("Pause"));
        let on_toggle = {
            let (section, toggle) = (section.clone(), toggle.clone());
            Closure::<dyn Fn()>::new(move || {
                let paused = section.class_list().toggle("paused").unwrap_or(false);
                toggle.set_text_content(Some(if paused { "Play" } else { "Pause" }));
            })
        };
        toggle
            .add_event_listener_with_callback("click", on_toggle.as_ref().unchecked_ref())
            .ok();
        // The button holds its listener for as long as it lives.
        on_toggle.forget();
        section.append_with_node_3(&label, &viewport, &toggle).ok();
        root.replace_children_with_node_1(&section);
        Self {
            document: document.clone(),
            settings: settings.clone(),
            site_root,
            section,
            viewport,
        }
    }

    /// Replaces the headlines with a new track, whose loop starts from the beginning.
    fn show(&self, headlines: &[Headline]) {
        if headlines.is_empty() {
            let line = element(&self.document, "p", "ticker-status");
            line.set_text_content(Some("No headlines yet."));
            self.viewport.replace_children_with_node_1(&line);
            return;
        }
        let track: HtmlElement = element(&self.document, "div", "ticker-track").unchecked_into();
        let list = self.list(headlines, false);
        let copy = self.list(headlines, true);
        copy.set_attribute("aria-hidden", "true").ok();
        copy.set_attribute("inert", "").ok();
        track.append_with_node_2(&list, &copy).ok();
        self.viewport.replace_children_with_node_1(&track);
        start_moving(&track, &self.settings);
    }

    fn list(&self, headlines: &[Headline], copy: bool) -> Element {
        let list = element(&self.document, "ul", "ticker-list");
        for headline in headlines {
            let link = element(&self.document, "a", "");
            let href = headline.href(self.site_root.trim_end_matches('/'));
            link.set_attribute("href", &href).ok();
            if copy {
                link.set_attribute("tabindex", "-1").ok();
            }
            link.set_text_content(Some(&headline.title));
            let item = element(&self.document, "li", "");
            item.append_child(&link).ok();
            list.append_child(&item).ok();
        }
        list
    }

    /// Runs `then` each time the loop comes back to its start.
    fn on_loop_end(&self, then: impl Fn() + 'static) {
        let listener = Closure::<dyn Fn()>::new(then);
        self.viewport
            .add_event_listener_with_callback(
                "animationiteration",
                listener.as_ref().unchecked_ref(),
            )
            .ok();
        listener.forget();
    }
}

fn element(document: &Document, name: &str, class: &str) -> Element {
    // Not `expect`: formatting the JavaScript error would bring a debug printer into the wasm.
    let Ok(element) = document.create_element(name) else {
        unreachable!("{name} is an element name");
    };
    if !class.is_empty() {
        element.set_class_name(class);
    }
    element
}
