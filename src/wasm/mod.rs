//! The JavaScript boundary: the only module that names wasm-bindgen or js-sys.
//!
//! `exports` holds thin adapters (convert, call the core, convert back);
//! `error` turns [`crate::Error`] into JavaScript `Error` objects;
//! `convert` moves plain objects across with serde-wasm-bindgen;
//! `transport` makes HTTP requests (fetch, timeouts, retries; its JavaScript
//! half is `fetch.js`), `config` reads clients' options, and `cloud` is the
//! `CloudApiClient` class built on them; `providers` holds the provider
//! clients' classes; `receive` (webhooks, Flow media) and `flow_endpoint`
//! (the Flow data endpoint) run on `crypto` (WebCrypto).

pub mod cloud;
mod config;
mod convert;
mod crypto;
pub mod error;
pub mod exports;
pub mod flow_endpoint;
pub mod providers;
pub mod receive;
mod transport;

/// Talc instead of dlmalloc: measured smaller and faster for this crate (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
