//! The browser entry point: find where the site is deployed, read `config.json`, mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    use broadsheet::pages::{is_ticker_embed, TickerEmbedPage};
    use broadsheet::source::{BrowserTransport, SharedTransport};
    use broadsheet::{App, Deployment};
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
    wasm_bindgen_futures::spawn_local(async move {
        let config = broadsheet::config::load(transport.as_ref(), &deployment.site_root).await;
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
        leptos::mount::mount_to_body(move || {
            leptos::view! { <App deployment config transport retry_config/> }
        });
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Broadsheet runs in the browser: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
