//! The JavaScript boundary: the only module that names wasm-bindgen, js-sys, web-sys or gloo-net.
//!
//! `exports` holds thin adapters (convert, call the core, convert back) for
//! the validators and the preview, `phone` for phones (the only exports of
//! the `whatsapp-edge/phone` build; its JavaScript half is `phone.js`);
//! `error` turns [`crate::Error`] into JavaScript `Error` objects;
//! `convert` moves plain objects across with serde-wasm-bindgen;
//! `transport` makes HTTP requests (built with web-sys; fetched, timed out
//! and read by its JavaScript half, `fetch.js`; retried from Rust), `config`
//! reads clients' options, and `cloud` is the
//! `CloudApiClient` class built on them; `broadcast` plans broadcasts and
//! classifies send outcomes, `broadcast_state` exports the pacer and the
//! recipient ledger (for `whatsapp-edge/cloudflare`'s Durable Object); `providers` holds the provider
//! clients' classes; `receive` (webhooks, Flow media) and `flow_endpoint`
//! (the Flow data endpoint, answering with gloo-net's `ResponseBuilder`) run
//! on `crypto` (WebCrypto through web-sys), with request bodies
//! capped and read in JavaScript by `body` (its JavaScript half is
//! `body.js`). The clients and the receiving side are cargo features
//! (`clients`, `receive`), both on by default, and so are the validators
//! (`validate`): the `lite` build leaves out the first two, the `phone`
//! build all three.

// The phone build reads no documents and throws no issues: it uses only
// part of `convert` (the linker drops the rest).
#[cfg_attr(not(any(feature = "validate", feature = "clients", feature = "receive")), allow(dead_code))]
#[doc(hidden)] // pub for tests/wasm.rs (layer 2) only; not part of the crate's API
pub mod convert;
pub mod error;
#[cfg(feature = "validate")]
pub mod exports;
/// Each entry uses part of it (the phone build only `set`, for errors).
#[cfg_attr(not(all(feature = "clients", feature = "receive")), allow(dead_code))]
mod object;
pub mod phone;

#[cfg(feature = "clients")]
pub mod broadcast;
#[cfg(feature = "clients")]
pub mod broadcast_state;
#[cfg(feature = "clients")]
pub mod cloud;
#[cfg(feature = "clients")]
mod config;
#[cfg(feature = "clients")]
mod options;
#[cfg(feature = "clients")]
pub mod providers;
#[cfg(feature = "clients")]
mod transport;

#[cfg(feature = "receive")]
pub mod body;
#[cfg(feature = "receive")]
#[doc(hidden)] // pub for tests/wasm.rs (layer 2) only; not part of the crate's API
pub mod crypto;
#[cfg(feature = "receive")]
pub mod flow_endpoint;
#[cfg(feature = "receive")]
pub mod receive;

/// Talc instead of dlmalloc: measured smaller and faster for this crate (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
