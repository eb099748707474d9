//! The browser entry point: find where the site is deployed, read `config.json`, mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    use broadsheet::pages::{is_ticker_embed, TickerEmbedPage};
    use broadsheet::source::prefetched::{self, PrefetchedTransport};
    use broadsheet::source::{BrowserTransport, SharedTransport};
    use broadsheet::state::DataAtHand;
    use broadsheet::{App, Deployment};
    use futures::FutureExt;
    use std::sync::Arc;

    console_error_panic_hook::set_once();
    let Some(window) = web_sys::window() else {
        return;
    };
    // Trunk writes the public URL into `<base href>`, so this is the site root at `/` and under a sub-path.
    let base_url = window
        .document()
        .and_then(|document| document.base_uri().ok().flatten())
        .unwrap_or_else(|| "/".into());
    let deployment = Deployment::from_base_url(&base_url);
    let transport: SharedTransport = Arc::new(BrowserTransport);
    // A prerendered page carries the answers it was built from: the app hydrates it from them.
    let answers = window
        .document()
        .and_then(|document| document.get_element_by_id(prefetched::ELEMENT_ID))
        .and_then(|element| element.text_content())
        .and_then(|json| prefetched::read_answers(&json, &deployment.site_root).ok());
    wasm_bindgen_futures::spawn_local(async move {
        let config = broadsheet::config::load(transport.as_ref(), &deployment.site_root).await;
        // The page was built with the config.json it carries. One edited since (another source)
        // makes its content stale: then the app draws the page anew rather than hydrating it.
        let built = answers.is_some();
        let prefetched = answers
            .map(|answers| PrefetchedTransport::shared(answers, transport.clone()))
            .filter(|prefetched| {
                let built_with =
                    broadsheet::config::load(prefetched.as_ref(), &deployment.site_root);
                built_with.now_or_never() == Some(config.clone())
            });
        let prerendered = prefetched.is_some();
        if built && !prerendered {
            hydration::discard_prerendered();
        }
        let transport = prefetched.unwrap_or(transport);
        // The static "Loading" line of index.html gives way to the app.
        if let Some(boot) = window
            .document()
            .and_then(|document| document.get_element_by_id("boot"))
        {
            boot.remove();
        }
        let location = window.location();
        let pathname = location.pathname().unwrap_or_default();
        if is_ticker_embed(&pathname, &deployment.base_path) {
            let query = location.search().unwrap_or_default();
            let base_path = deployment.base_path;
            leptos::mount::mount_to_body(move || {
                leptos::view! { <TickerEmbedPage base_path config transport query/> }
            });
            return;
        }
        let retry_config = move || {
            let _ = location.reload();
        };
        if prerendered {
            hydration::prepare();
            let data_at_hand = DataAtHand::new(true);
            let at_hand = data_at_hand.clone();
            leptos::mount::hydrate_body(move || {
                leptos::view! { <App deployment config transport retry_config data_at_hand=at_hand/> }
            });
            // Pages drawn from now on fetch their data.
            data_at_hand.set(false);
        } else {
            leptos::mount::mount_to_body(move || {
                leptos::view! { <App deployment config transport retry_config/> }
            });
        }
        hydration::mark_running(if prerendered { "hydrated" } else { "drawn" });
    });
}

/// What Leptos's hydration reads besides the page.
#[cfg(target_arch = "wasm32")]
mod hydration {
    use wasm_bindgen::JsValue;

    /// `<html data-app>` says the app has taken over the page, and how: a prerendered page shows
    /// content before that, which scripts (and the tests) must not take for the app's.
    pub fn mark_running(how: &str) {
        let root = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.document_element());
        if let Some(root) = root {
            let _ = root.set_attribute("data-app", how);
        }
    }

    /// Empties a prerendered page's body, for the app to draw it anew.
    pub fn discard_prerendered() {
        let body = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.body());
        if let Some(body) = body {
            body.set_inner_html("");
        }
    }

    /// Leptos's server integrations write lists of serialized resources and errors into the page
    /// with an inline script; a prerendered page has none to carry (its data travels as answers,
    /// and the CSP would need each page's script hash), so the lists start empty.
    pub fn prepare() {
        let global = js_sys::global();
        for name in [
            "__RESOLVED_RESOURCES",
            "__SERIALIZED_ERRORS",
            "__INCOMPLETE_CHUNKS",
        ] {
            let name = JsValue::from_str(name);
            if js_sys::Reflect::get(&global, &name).is_ok_and(|value| value.is_undefined()) {
                let _ = js_sys::Reflect::set(&global, &name, &js_sys::Array::new());
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Broadsheet runs in the browser: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
