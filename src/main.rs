//! The browser entry point: find where the site is deployed, read `config.json`, mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    use broadsheet::model::Route;
    use broadsheet::pages::TickerEmbedPage;
    use broadsheet::source::{prefetched, BrowserTransport, SharedTransport};
    use broadsheet::{i18n, App, Deployment};
    use std::sync::Arc;

    console_error_panic_hook::set_once();
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let deployment = Deployment::of_document(&document);
    let transport: SharedTransport = Arc::new(BrowserTransport);
    // The app runs on a prerendered page only when its script found config.json changed since the
    // build (islands/page.js): the page shows content of another source, so the app draws it anew.
    if document.get_element_by_id(prefetched::ELEMENT_ID).is_some() {
        if let Some(body) = document.body() {
            body.set_inner_html("");
        }
        broadsheet::components::discard_prerendered_head();
    }
    wasm_bindgen_futures::spawn_local(async move {
        let config =
            broadsheet::source::load_config(transport.as_ref(), &deployment.site_root).await;
        // Before anything is drawn, so that nothing is drawn in a second language.
        let strings = match &config {
            Ok(config) => i18n::or_english(
                i18n::for_site(config, transport.clone(), &deployment.site_root).await,
            ),
            // Without config.json there is no source to ask for the site's language: the
            // shell's, which the build wrote in it (`prerender::app_shell`), stands in.
            Err(_) => {
                let language = document
                    .document_element()
                    .and_then(|root| root.get_attribute("lang"))
                    .unwrap_or_default();
                i18n::or_english(
                    i18n::load(
                        transport.as_ref(),
                        &deployment.site_root,
                        &language,
                        broadsheet::config::Config::DEFAULT_TIMEOUT_MS,
                    )
                    .await,
                )
            }
        };
        // The static "Loading" line of index.html gives way to the app.
        if let Some(boot) = document.get_element_by_id("boot") {
            boot.remove();
        }
        let Some(location) = web_sys::window().map(|window| window.location()) else {
            return;
        };
        let pathname = location.pathname().unwrap_or_default();
        let below_base = pathname.strip_prefix(deployment.base_path.as_str());
        if below_base.is_some_and(Route::is_ticker_embed) {
            let query = location.search().unwrap_or_default();
            let base_path = deployment.base_path;
            leptos::mount::mount_to_body(move || {
                leptos::view! { <TickerEmbedPage base_path config transport query strings/> }
            });
        } else {
            let retry_config = move || {
                let _ = location.reload();
            };
            leptos::mount::mount_to_body(move || {
                leptos::view! { <App deployment config transport retry_config strings/> }
            });
        }
        // `<html data-app>` says the app has taken over the page: tests wait for it.
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("data-app", "drawn");
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Broadsheet runs in the browser: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
