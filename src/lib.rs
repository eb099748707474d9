//! Broadsheet: a news site front end in Leptos, compiled to WebAssembly and served as static files.
//!
//! The layout follows the architecture: [`model`] is the domain, [`source`] the typed data
//! sources, [`pages`] one module per route, [`components`] the pieces pages share, [`app`] the
//! route table and shell.

pub mod app;
pub mod components;
pub mod config;
pub mod error;
pub mod format;
pub mod json;
pub mod model;
pub mod pages;
pub mod sanitize;
pub mod source;
pub mod state;
pub mod storage;

pub use app::{App, Deployment};
