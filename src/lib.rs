//! Broadsheet: a news site front end in Leptos, compiled to WebAssembly and served as static files.
//!
//! The layout follows the architecture: [`model`] is the domain, [`source`] the typed data
//! sources, [`pages`] one module per route, [`components`] the pieces pages share, [`app`] the
//! route table and shell.

#![recursion_limit = "256"]

pub mod config;
pub mod error;
pub mod format;
pub mod json;
pub mod model;
pub mod sanitize;
pub mod source;
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ticker_motion;

// The Leptos app. Without the `ui` feature the crate is the domain, configuration and data
// sources alone, which is what the ticker's script embed (ticker-embed/) builds on.
#[cfg(feature = "ui")]
pub mod app;
#[cfg(feature = "ui")]
pub mod components;
#[cfg(feature = "ui")]
pub mod islands;
#[cfg(feature = "ui")]
pub mod pages;
#[cfg(all(feature = "ssr", not(target_arch = "wasm32")))]
pub mod prerender;
#[cfg(feature = "ui")]
pub mod state;

#[cfg(feature = "ui")]
pub use app::{App, Deployment};
