//! The browser's `localStorage`, for comment drafts, the reader's details and comments awaiting
//! moderation. Best effort: storage may be full, disabled or (natively, while prerendering)
//! absent, and then nothing is kept; the page still works. What is kept is JSON (`crate::json`);
//! an entry that no longer decodes (written by an older version, or edited by hand) counts as
//! none: it held only what this reader may type again.

use serde::de::DeserializeOwned;
use serde::Serialize;

#[cfg(target_arch = "wasm32")]
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn read<T: DeserializeOwned>(key: &str) -> Option<T> {
    crate::json::decode(&read_text(key)?).ok()
}

pub fn write<T: Serialize>(key: &str, value: &T) {
    write_text(key, &crate::json::encode(value));
}

fn read_text(key: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return storage()?.get_item(key).ok()?;
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

fn write_text(key: &str, value: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, value);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (key, value);
}

pub fn remove(key: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = key;
}
