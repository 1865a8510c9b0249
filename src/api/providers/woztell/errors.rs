//! Woztell's answers: the error bodies (`err`, `error`, `message`) and 2xx
//! answers without `"ok": 1`.

use crate::api::error::from_response;
use crate::api::Response;
use crate::error::code;
use crate::json::{self, Node, Value};
use crate::Error;

/// What Woztell said in an error body: `err`, `error` (text or `{message}`) or `message`.
fn said(body: &str) -> Option<String> {
    let document = json::parse(body).ok()?;
    let text = |node: &Node| match &node.value {
        Value::String(text) => Some(text.to_string()),
        Value::Object(_) => node.get("message").and_then(Node::as_str).map(str::to_owned),
        _ => None,
    };
    ["err", "error", "message"].iter().find_map(|key| document.get(key).and_then(text))
}

/// The error for a Woztell response that is not a success (the status decides the code).
pub fn errors(response: &Response) -> Error {
    let base = from_response(response);
    match said(&response.body) {
        Some(said) => Error { message: format!("HTTP {}: {said}", response.status), ..base },
        None => base,
    }
}

/// The error for a 2xx answer without `"ok": 1` (Woztell reports some failures that way), or none.
pub fn check_ok(body: &str) -> Option<Error> {
    let document = json::parse(body).ok();
    let ok = document.as_ref().and_then(|d| d.get("ok")).map(|ok| &ok.value);
    if matches!(ok, Some(Value::Number(n)) if *n == 1.0) || matches!(ok, Some(Value::Bool(true))) {
        return None;
    }
    let message = match said(body) {
        Some(said) => format!("Woztell answered without \"ok\": 1: {said}"),
        None => "Woztell answered without \"ok\": 1".to_owned(),
    };
    Some(Error { retryable: Some(false), ..Error::new(code::INVALID_REQUEST, message) })
}
