//! The browser's `localStorage`, for comment drafts, the reader's details and comments awaiting
//! moderation. Best effort: storage may be full, disabled or (natively, while prerendering)
//! absent, and then nothing is kept; the page still works.

#[cfg(target_arch = "wasm32")]
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn read(key: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return storage()?.get_item(key).ok()?;
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

pub fn write(key: &str, value: &str) {
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
