//! The islands' bundles: the wasm a prerendered page loads when a reader needs one of its
//! interactive parts (`islands/page.js` decides when). Each island is hydrated over the HTML the
//! build wrote for it, by the same Leptos component (see `broadsheet::islands`). Built once per
//! island (feature `ticker` or `comments`), so that each bundle carries only its island's code.
//! The ticker's bundle serves other sites' pages too (`islands/embed.js`): it hydrates the ticker
//! the site built for them, or draws it where that cannot be shown.

#![cfg(target_arch = "wasm32")]

#[cfg(any(feature = "ticker", feature = "comments"))]
use wasm_bindgen::prelude::*;

#[cfg(all(feature = "ticker", feature = "comments"))]
compile_error!("one bundle at a time: build with the feature `ticker` or `comments`");

/// Hydrates the island whose root (`[data-island]`) is `root`; the promise settles once it runs.
/// `site`, the site's address, is given for an island on another site's page (the script embed).
#[cfg(any(feature = "ticker", feature = "comments"))]
#[wasm_bindgen]
pub async fn hydrate(root: web_sys::HtmlElement, site: Option<String>) -> Result<(), JsValue> {
    #[cfg(feature = "ticker")]
    let hydrated = broadsheet::islands::hydrate_ticker(root, site).await;
    #[cfg(feature = "comments")]
    let hydrated = {
        let _ = site;
        broadsheet::islands::hydrate_comments(root).await
    };
    hydrated.map_err(|problem| JsValue::from_str(&problem))
}

/// Draws the ticker for `host`, a `<broadsheet-ticker>` element on another site's page, into its
/// shadow root `root`, in the site's `language` if the embed knows it (see `islands/embed.js`).
#[cfg(feature = "ticker")]
#[wasm_bindgen]
pub async fn embed(
    host: web_sys::HtmlElement,
    root: web_sys::ShadowRoot,
    language: Option<String>,
) {
    broadsheet::islands::embed_ticker(host, root, language).await;
}
