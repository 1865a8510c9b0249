//! whatsapp-edge: local validation, previews and API clients for the WhatsApp
//! Business Platform, written as a sans-IO core and compiled to WebAssembly.
//!
//! Layout (the README's layout table; `CONTRIBUTING.md` says where new code goes):
//! - [`api`]: sans-IO requests and responses of the APIs the clients call;
//! - [`report`]: the `Issue`/`Report` findings model every validator returns;
//! - [`error`]: the error type for misuse and API/transport failures;
//! - [`base64`]: base64 as the package reads and writes it (the `base64` crate, configured once);
//! - [`body`]: request body caps (defaults, `Content-Length`), checked before bodies enter wasm;
//! - [`check`]: the toolkit validators share (findings, typed readers);
//! - [`json`]: the JSON model (values with source spans) every input goes through;
//! - [`json_pointer`] and [`text`]: where a finding is (JSON Pointer, line/column);
//! - [`time`]: RFC 3339 timestamps, with the clock passed in;
//! - [`options`]: strict reading of the options objects callers pass;
//! - [`phone`]: phone-number parsing;
//! - [`template`]: template definitions (create/edit payloads) and sends;
//! - [`message`]: outbound message bodies;
//! - [`flow`]: WhatsApp Flow JSON;
//! - [`preview`]: template previews (render tree and safe HTML);
//! - [`flow_preview`]: Flow screen previews (tree and safe HTML, If/Switch and values resolved);
//! - [`webhook`]: webhook bodies (a total parser) and their signatures;
//! - [`flow_endpoint`]: the Flow data endpoint's envelope, keys and media;
//! - `wasm`: the JavaScript boundary, compiled only for `wasm32`; it is the one
//!   module that names wasm-bindgen, js-sys, web-sys or gloo-net.

pub mod api;
pub mod base64;
pub mod body;
pub mod broadcast;
pub mod check;
pub mod error;
pub mod flow;
pub mod flow_endpoint;
pub mod flow_preview;
pub mod json;
pub mod json_pointer;
pub mod message;
pub mod options;
pub mod phone;
pub mod preview;
pub mod report;
pub mod template;
pub mod text;
pub mod time;
pub mod webhook;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::Error;
pub use report::{Issue, Report, Severity};
