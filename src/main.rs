//! The browser entry point: find where the site is deployed, then mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    use broadsheet::source::BrowserTransport;
    use broadsheet::{App, Deployment};
    use std::sync::Arc;

    console_error_panic_hook::set_once();
    // Trunk writes the public URL into `<base href>`, so this is the site root at `/` and under a sub-path.
    let base_url = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .unwrap_or_else(|| "/".to_owned());
    let deployment = Deployment::from_base_url(&base_url);
    leptos::mount::mount_to_body(move || {
        leptos::view! { <App deployment transport=Arc::new(BrowserTransport)/> }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Broadsheet runs in the browser: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
