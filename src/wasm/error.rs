//! [`crate::Error`] as a JavaScript `Error` with a stable `.code`.

use crate::Error;

use wasm_bindgen::JsValue;

/// Builds the JavaScript `Error` thrown (or rejected with) for `error`:
/// `message`, `code`, and `status`, `metaCode`, `metaSubcode`, `fbtraceId`, `retryAfterMs`, `retryable`,
/// `action` (what to do: [`crate::api::actions`]), `issues` where they apply. It is `instanceof Error` in every runtime.
pub fn to_js_error(error: &Error) -> JsValue {
    let js_error = js_sys::Error::new(&error.message);
    let set = |key: &str, value: JsValue| super::object::set(&js_error, key, &value);
    set("code", JsValue::from_str(error.code));
    if let Some(status) = error.status {
        set("status", JsValue::from(status));
    }
    if let Some(meta_code) = error.meta_code {
        set("metaCode", JsValue::from(meta_code));
    }
    if let Some(subcode) = error.meta_subcode {
        set("metaSubcode", JsValue::from(subcode));
    }
    if let Some(trace) = &error.fbtrace_id {
        set("fbtraceId", JsValue::from_str(trace));
    }
    if let Some(retry_after_ms) = error.retry_after_ms {
        set("retryAfterMs", JsValue::from(retry_after_ms));
    }
    if let Some(retryable) = error.retryable {
        set("retryable", JsValue::from(retryable));
    }
    // What to do about it (`retry`, `pause_number`, …): the clients' errors only.
    #[cfg(feature = "clients")]
    if let Some(action) = crate::api::actions::of(error) {
        set("action", JsValue::from_str(action));
    }
    // Only the validating builds throw with issues: the phone build does
    // not carry serde-wasm-bindgen for them.
    #[cfg(any(feature = "validate", feature = "clients", feature = "receive"))]
    if !error.issues.is_empty() {
        set("issues", super::convert::to_js(&error.issues));
    }
    js_error.into()
}

impl From<Error> for JsValue {
    fn from(error: Error) -> Self {
        to_js_error(&error)
    }
}
