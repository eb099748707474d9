//! The islands' bundles: the wasm a prerendered page loads when a reader needs one of its
//! interactive parts (`islands/page.js` decides when). Each island is hydrated over the HTML the
//! build wrote for it, by the same Leptos component (see `broadsheet::islands`). Built once per
//! island (feature `ticker` or `comments`), so that each bundle carries only its island's code, and
//! once for the ticker on other sites' pages (feature `embed`), which draws it without hydration.

#![cfg(target_arch = "wasm32")]

#[cfg(any(feature = "ticker", feature = "comments", feature = "embed"))]
use wasm_bindgen::prelude::*;

#[cfg(any(
    all(feature = "ticker", feature = "comments"),
    all(feature = "ticker", feature = "embed"),
    all(feature = "comments", feature = "embed"),
))]
compile_error!("one bundle at a time: build with the feature `ticker`, `comments` or `embed`");

/// Hydrates the island whose root (`[data-island]`) is `root`; the promise settles once it runs.
#[cfg(any(feature = "ticker", feature = "comments"))]
#[wasm_bindgen]
pub async fn hydrate(root: web_sys::HtmlElement) -> Result<(), JsValue> {
    #[cfg(feature = "ticker")]
    let hydrated = broadsheet::islands::hydrate_ticker(root).await;
    #[cfg(feature = "comments")]
    let hydrated = broadsheet::islands::hydrate_comments(root).await;
    hydrated.map_err(|problem| JsValue::from_str(&problem))
}

/// Draws the ticker for `host`, a `<broadsheet-ticker>` element on another site's page, into its
/// shadow root `root` (see `islands/embed.js`).
#[cfg(feature = "embed")]
#[wasm_bindgen]
pub async fn embed(host: web_sys::HtmlElement, root: web_sys::ShadowRoot) {
    broadsheet::islands::embed_ticker(host, root).await;
}
