//! JSON decoding. In the browser the text is parsed by the browser's own `JSON.parse` and
//! mapped onto the types by serde-wasm-bindgen, which keeps a JSON parser out of the wasm;
//! natively serde_json does both. The same serde derives serve either way.

use serde::de::DeserializeOwned;

/// Why a text did not decode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    /// Not JSON at all.
    Syntax(String),
    /// JSON, but not of the expected shape (a missing field, a wrong type).
    Shape(String),
}

impl JsonError {
    pub fn detail(&self) -> &str {
        match self {
            Self::Syntax(detail) | Self::Shape(detail) => detail,
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    let value = js_sys::JSON::parse(text).map_err(|error| {
        let message = js_sys::Error::from(error).message();
        JsonError::Syntax(String::from(message))
    })?;
    serde_wasm_bindgen::from_value(value).map_err(|error| JsonError::Shape(error.to_string()))
}

#[cfg(not(target_arch = "wasm32"))]
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    serde_json::from_str(text).map_err(|error| match error.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            JsonError::Syntax(error.to_string())
        }
        serde_json::error::Category::Data | serde_json::error::Category::Io => {
            JsonError::Shape(error.to_string())
        }
    })
}
