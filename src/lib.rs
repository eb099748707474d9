//! Broadsheet: a news site front end in Leptos, compiled to WebAssembly and served as static files.
//!
//! The layout follows the architecture: [`model`] is the domain, [`source`] the typed data
//! sources, [`pages`] one module per route, [`components`] the pieces pages share, [`app`] the
//! route table and shell.

#![recursion_limit = "512"]

pub mod config;
pub mod error;
pub mod format;
pub mod i18n;
pub mod json;
pub mod model;
pub mod sanitize;
pub mod source;
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ticker_motion;

// The Leptos app.
pub mod app;
pub mod components;
pub mod islands;
pub mod pages;
#[cfg(all(feature = "ssr", not(target_arch = "wasm32")))]
pub mod prerender;
pub mod render_mode;
pub mod state;

pub use app::{App, Deployment};
