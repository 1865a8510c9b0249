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

/// What to do about a failed call (`error.action`); see "What to do about a
/// thrown error" in ISSUE-CODES.md (the table is [`crate::api::actions`]).
#[cfg(feature = "clients")]
#[derive(tsify::Tsify)]
#[serde(rename_all = "snake_case")]
pub enum ErrorAction {
    /// Transient: the client already retried within its budget; try later.
    Retry,
    /// Wait `retryAfterMs`, then try again.
    RetryAfter,
    /// Send more slowly (throughput limit, or an upgrade in progress).
    SlowDown,
    /// Too many messages to this user: back off (4^n seconds).
    RetryRecipientLater,
    /// Stop sending from this number (spam rate limit).
    PauseNumber,
    /// The user's marketing limit: not before tomorrow.
    #[serde(rename = "do_not_retry_24h")]
    DoNotRetry24h,
    /// Sending again cannot succeed.
    DoNotRetry,
    /// The access token is invalid or expired.
    RefreshToken,
    /// The request is wrong: fix it before sending again.
    FixRequest,
}

/// What a client's promise rejects with (`catch (e) { const error = e as ApiError; … }`).
#[cfg(feature = "clients")]
#[derive(tsify::Tsify)]
#[expect(dead_code, reason = "declares the Error `to_js_error` builds")]
pub struct ApiError {
    /// `message`, `name` and `stack`, as every Error.
    #[serde(flatten)]
    #[tsify(type = "Error")]
    base: (),
    /// The stable error code: "rate_limited", "validation_failed", …
    code: String,
    /// What to do; absent when nothing was sent (local validation or misuse).
    #[tsify(optional)]
    action: Option<ErrorAction>,
    /// The wait the server asked for (or the client's default for a rate limit), in ms.
    #[tsify(optional)]
    #[serde(rename = "retryAfterMs")]
    retry_after_ms: Option<u32>,
    /// Whether the same request may succeed later.
    #[tsify(optional)]
    retryable: Option<bool>,
    /// The HTTP status of the failed answer.
    #[tsify(optional)]
    status: Option<u32>,
    /// Meta's (or the provider's) numeric error code.
    #[tsify(optional)]
    #[serde(rename = "metaCode")]
    meta_code: Option<u32>,
    /// Meta's error_subcode.
    #[tsify(optional)]
    #[serde(rename = "metaSubcode")]
    meta_subcode: Option<u32>,
    /// Meta's fbtrace_id (quote it to Meta support).
    #[tsify(optional)]
    #[serde(rename = "fbtraceId")]
    fbtrace_id: Option<String>,
    /// The findings behind "validation_failed".
    #[tsify(optional)]
    issues: Option<Vec<crate::Issue>>,
}

impl From<Error> for JsValue {
    fn from(error: Error) -> Self {
        to_js_error(&error)
    }
}
