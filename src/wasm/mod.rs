//! The JavaScript boundary: the only module that names wasm-bindgen or js-sys.
//!
//! `exports` holds thin adapters (convert, call the core, convert back);
//! `error` turns [`crate::Error`] into JavaScript `Error` objects;
//! `convert` moves plain objects across with serde-wasm-bindgen.

mod convert;
pub mod error;
pub mod exports;
