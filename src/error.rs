//! The error type for misuse and for API/transport failures.
//!
//! Validation findings are never errors (they are [`crate::Report`] data).
//! An `Error` crosses to JavaScript as a real `Error` object whose `.code` is
//! [`Error::code`]; messages must never contain access tokens or secrets, so
//! they are built only from our own text and the shape of the input.

use crate::report::Issue;
use std::fmt;

/// Stable error codes, as seen in JavaScript on `error.code`.
pub mod code {
    /// The caller passed a value of the wrong JavaScript type or shape.
    pub const INVALID_ARGUMENT: &str = "invalid_argument";
    /// Local validation found errors; `issues` lists them. Nothing was sent.
    pub const VALIDATION_FAILED: &str = "validation_failed";
    /// The access token is invalid or expired (Meta 190, 102, HTTP 401).
    pub const AUTH_FAILED: &str = "auth_failed";
    /// The token lacks a permission, or the asset is not the app's (Meta 10, 200–299, HTTP 403).
    pub const PERMISSION_DENIED: &str = "permission_denied";
    /// A rate or spam limit (Meta 4, 17, 32, 613, 80007, 130429, 131048, 131056, HTTP 429).
    pub const RATE_LIMITED: &str = "rate_limited";
    /// A template problem at send or management time (Meta 132xxx).
    pub const TEMPLATE_ERROR: &str = "template_error";
    /// The recipient cannot get this message (Meta 131026, 131047, 131051, 131062, …).
    pub const RECIPIENT_ERROR: &str = "recipient_error";
    /// A Flows API failure (Meta 139xxx).
    pub const FLOW_ERROR: &str = "flow_error";
    /// Meta or a provider rejected the request's content (Meta 100, 131008, 131009, other 4xx; HTTP 501).
    pub const INVALID_REQUEST: &str = "invalid_request";
    /// The object does not exist (HTTP 404, Meta 803).
    pub const NOT_FOUND: &str = "not_found";
    /// Meta failed (HTTP 5xx, Meta 1, 2, 131000, 131016).
    pub const SERVER_ERROR: &str = "server_error";
    /// No response within the time limit.
    pub const TIMEOUT: &str = "timeout";
    /// The request did not complete (connection refused or reset, DNS, CORS).
    pub const NETWORK_ERROR: &str = "network_error";
    /// A success status with a body that is not the JSON expected.
    pub const INVALID_RESPONSE: &str = "invalid_response";
    /// A request body is over `maxBodyBytes` (HTTP 413); it was not read further.
    pub const BODY_TOO_LARGE: &str = "body_too_large";
}

/// A failure that the caller must handle (as opposed to a finding in a report).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// Stable machine-readable code (see [`code`]).
    pub code: &'static str,
    /// Human-readable explanation; never contains secrets.
    pub message: String,
    /// HTTP status of the failed response, for API errors.
    pub status: Option<u16>,
    /// Meta's (or the provider's) numeric error code, for API errors.
    pub meta_code: Option<u32>,
    /// Meta's `error_subcode`, for API errors.
    pub meta_subcode: Option<u32>,
    /// Meta's `fbtrace_id` (quote it to Meta support), for API errors.
    pub fbtrace_id: Option<String>,
    /// How long the server asked us to wait before retrying.
    pub retry_after_ms: Option<u32>,
    /// Whether repeating the same request may succeed.
    pub retryable: Option<bool>,
    /// The findings behind a `validation_failed` error.
    pub issues: Vec<Issue>,
}

impl Error {
    /// An error with only a code and a message.
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            status: None,
            meta_code: None,
            meta_subcode: None,
            fbtrace_id: None,
            retry_after_ms: None,
            retryable: None,
            issues: Vec::new(),
        }
    }

    /// The caller passed a value of the wrong type or shape.
    pub fn invalid_argument(message: impl Into<String>) -> Self {
        Self::new(code::INVALID_ARGUMENT, message)
    }

    /// Local validation failed; `issues` are the blocking findings.
    pub fn validation_failed(issues: Vec<Issue>) -> Self {
        let message = match issues.first() {
            Some(first) if issues.len() == 1 => {
                format!("validation failed: {} at '{}': {}", first.code, first.path, first.message)
            }
            Some(first) => format!(
                "validation failed with {} errors; first: {} at '{}': {}",
                issues.len(),
                first.code,
                first.path,
                first.message
            ),
            None => "validation failed".to_owned(),
        };
        Self { issues, ..Self::new(code::VALIDATION_FAILED, message) }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_failed_names_the_first_issue() {
        let issues = vec![
            Issue::error("phone.too_short", "/to", "too short"),
            Issue::error("phone.too_long", "/x", "too long"),
        ];
        let error = Error::validation_failed(issues);
        assert_eq!(error.code, "validation_failed");
        assert_eq!(error.issues.len(), 2);
        assert!(error.message.contains("2 errors"), "{}", error.message);
        assert!(error.message.contains("phone.too_short at '/to'"), "{}", error.message);
    }

    #[test]
    fn display_leads_with_the_code() {
        assert_eq!(Error::invalid_argument("x").to_string(), "invalid_argument: x");
    }
}
