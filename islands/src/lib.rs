//! The islands' bundle: the wasm a prerendered page loads when a reader needs one of its
//! interactive parts (`islands/page.js` decides when). Each island is hydrated over the HTML the
//! build wrote for it, by the same Leptos component (see `broadsheet::islands`).

#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::*;

/// Hydrates the island whose root (`[data-island]`) is `root`; the promise settles once it runs.
#[wasm_bindgen]
pub async fn hydrate(root: web_sys::HtmlElement) -> Result<(), JsValue> {
    broadsheet::islands::hydrate(root)
        .await
        .map_err(|problem| JsValue::from_str(&problem))
}
