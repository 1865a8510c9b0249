//! The platform's error envelopes, and the API-key scope a refused call needs.

use crate::api::error::from_response;
use crate::api::Response;
use crate::error::code;
use crate::json::{self, Node};
use crate::Error;

/// The error for a `cm` response that is not a success: `{"detail": "…"}`,
/// `{"detail": [{loc, msg, …}]}` (422) or `{"error": {code, message, type}}`,
/// on top of the status mapping (401 auth, 403 scope, 404, 429 with Retry-After, 5xx).
pub fn errors(response: &Response) -> Error {
    let base = from_response(response);
    let document = json::parse(&response.body).ok();
    let detail = document.as_ref().and_then(|doc| doc.get("detail"));
    let platform = document.as_ref().and_then(|doc| doc.get("error"));
    let platform_code = platform.and_then(|e| e.get("code")).and_then(Node::as_str);
    let said = match (detail, platform) {
        (Some(detail), _) => match detail.items() {
            Some(items) => items
                .iter()
                .map(|item| {
                    let location: Vec<String> = item
                        .get("loc")
                        .and_then(Node::items)
                        .unwrap_or_default()
                        .iter()
                        // A number (an array index) as written in the body: printing an
                        // f64 would pull float formatting (~9 KB gzip) into the wasm.
                        .map(|part| {
                            part.as_str().unwrap_or_else(|| json::source(&response.body, part)).to_owned()
                        })
                        .collect();
                    let message = item.get("msg").and_then(Node::as_str).unwrap_or("invalid");
                    format!("{}: {message}", location.join("."))
                })
                .collect::<Vec<_>>()
                .join("; "),
            None => detail.as_str().unwrap_or_default().to_owned(),
        },
        (None, Some(error)) => {
            let message = error.get("message").and_then(Node::as_str).unwrap_or_default();
            format!("{} {message}", platform_code.unwrap_or("error"))
        }
        (None, None) => return base,
    };
    let category = match platform_code {
        Some("invalid_api_key" | "token_expired") => code::AUTH_FAILED,
        Some("permission_denied" | "domain_not_allowed") => code::PERMISSION_DENIED,
        Some("not_found") => code::NOT_FOUND,
        Some("rate_limit_exceeded") => code::RATE_LIMITED,
        _ => base.code,
    };
    let retryable = matches!(category, code::RATE_LIMITED | code::SERVER_ERROR);
    Error {
        code: category,
        message: format!("HTTP {}: {said}", response.status),
        retryable: Some(retryable),
        ..base
    }
}

/// `error` with the API-key scope the call needs named, when the platform refused it for want of a permission.
pub fn with_scope(error: Error, scope: &str) -> Error {
    if error.code != code::PERMISSION_DENIED || error.status.is_none() {
        return error;
    }
    let message = format!("{} (this call needs an API key with the {scope} scope)", error.message);
    Error { message, ..error }
}
