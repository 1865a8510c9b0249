//! Responses that are not successes, as [`Error`]s: Meta's error object
//! (`{"error": {message, type, code, error_subcode, fbtrace_id}}`) mapped to a
//! stable `code` (the category), whether trying again may help, and how long
//! to wait. The access token is never in a request we build, and the
//! transport scrubs it from anything a server echoes back.

use super::actions::{self, action};
use super::Response;
use crate::error::code;
use crate::json::{self, Node};
use crate::Error;

/// Meta codes for a recipient that cannot receive this message.
const RECIPIENT_CODES: [u32; 7] = [131021, 131026, 131045, 131047, 131049, 131051, 131062];
/// How long to wait after a rate limit when the server does not say.
const DEFAULT_RATE_LIMIT_WAIT_MS: u32 = 1_000;

/// The error for a response whose status is not 2xx.
pub fn from_response(response: &Response) -> Error {
    let document = json::parse(&response.body).ok();
    let detail = document.as_ref().and_then(|doc| doc.get("error"));
    let number = |key: &str| {
        detail
            .and_then(|d| d.get(key))
            .and_then(Node::as_f64)
            .filter(|n| *n >= 0.0 && *n < 4e9)
            .map(|n| n as u32)
    };
    let meta_code = number("code");
    let meta_subcode = number("error_subcode");
    let text = |key: &str| detail.and_then(|d| d.get(key)).and_then(Node::as_str);
    let mut message = format!("HTTP {}", response.status);
    if let Some(meta) = meta_code {
        message.push_str(&format!(", Meta error {meta}"));
    }
    match text("error_user_msg").or_else(|| text("message")) {
        Some(said) => {
            message.push_str(": ");
            message.push_str(said);
        }
        None if document.is_none() => message.push_str(" (the body is not JSON)"),
        None => {}
    }
    Error {
        meta_code,
        meta_subcode,
        fbtrace_id: text("fbtrace_id").map(str::to_owned),
        ..failure(
            response,
            categorize(response.status, meta_code),
            actions::for_response(response.status, meta_code),
            message,
        )
    }
}

/// The error for a failed response of a provider whose error body is not
/// Meta's: the category comes from the HTTP status; `said` is what the body
/// says (the provider's own code and message), when it says anything.
pub fn from_status(response: &Response, said: Option<String>) -> Error {
    let mut message = format!("HTTP {}", response.status);
    match said {
        Some(said) => {
            message.push_str(": ");
            message.push_str(&said);
        }
        None if json::parse(&response.body).is_err() => message.push_str(" (the body is not JSON)"),
        None => {}
    }
    failure(response, categorize(response.status, None), actions::for_status(response.status), message)
}

/// An API error in `category`: retryable when its action ([`actions`]) lets
/// the transport retry, with the wait (the pair rate limit's default wait
/// is the retry policy's 4^n s, so none is set for it here).
fn failure(response: &Response, category: &'static str, action: &str, message: String) -> Error {
    let retryable = actions::retries(action);
    let retry_after_ms = parse_retry_after(response.retry_after.as_deref()).or_else(|| {
        matches!(action, action::RETRY_AFTER | action::SLOW_DOWN).then_some(DEFAULT_RATE_LIMIT_WAIT_MS)
    });
    Error {
        status: Some(response.status),
        retryable: Some(retryable),
        retry_after_ms,
        ..Error::new(category, message)
    }
}

/// The error code (category) of a failed response.
fn categorize(status: u16, meta_code: Option<u32>) -> &'static str {
    match meta_code {
        Some(190 | 102) => code::AUTH_FAILED,
        Some(10 | 200..=299) => code::PERMISSION_DENIED,
        Some(meta) if actions::for_meta_code(meta).is_some_and(actions::is_rate_limit) => code::RATE_LIMITED,
        Some(132_000..=132_999) => code::TEMPLATE_ERROR,
        Some(meta) if RECIPIENT_CODES.contains(&meta) => code::RECIPIENT_ERROR,
        Some(139_000..=139_999) => code::FLOW_ERROR,
        Some(803) => code::NOT_FOUND,
        Some(1 | 2 | 131_000 | 131_016) => code::SERVER_ERROR,
        _ => match status {
            401 => code::AUTH_FAILED,
            403 => code::PERMISSION_DENIED,
            404 => code::NOT_FOUND,
            429 => code::RATE_LIMITED,
            // Not Implemented: the server does not support the operation; waiting cannot help.
            501 => code::INVALID_REQUEST,
            500..=599 => code::SERVER_ERROR,
            _ => code::INVALID_REQUEST,
        },
    }
}

/// `Retry-After` in milliseconds: delta-seconds only (an HTTP date would need a clock).
fn parse_retry_after(header: Option<&str>) -> Option<u32> {
    let seconds: u32 = header?.trim().parse().ok()?;
    Some(seconds.saturating_mul(1000))
}

/// `text` with every echo of `secret` replaced, for anything a server sent
/// back (some echo the token they rejected): as given, or with any of its
/// bytes percent-encoded (either case of hex), form-encoded (`+` for a
/// space) or JSON-escaped (`\/`, `\"`, `\\`, `\u00XX`) — however the
/// server's framework wrote it back.
pub fn scrub(text: &str, secret: &str) -> String {
    if secret.len() < 4 {
        return text.to_owned();
    }
    let (bytes, secret) = (text.as_bytes(), secret.as_bytes());
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while let Some(rest) = bytes.get(at..) {
        if rest.is_empty() {
            break;
        }
        match echo_length(rest, secret) {
            Some(length) => {
                out.extend_from_slice(b"[redacted]");
                at += length;
            }
            None => {
                out.extend_from_slice(rest.get(..1).unwrap_or_default());
                at += 1;
            }
        }
    }
    // Only whole UTF-8 sequences were copied or replaced by ASCII, so this is lossless.
    String::from_utf8_lossy(&out).into_owned()
}

/// The length of the echo of `secret` that `text` starts with, if it does.
fn echo_length(text: &[u8], secret: &[u8]) -> Option<usize> {
    let mut at = 0;
    for &want in secret {
        at += echoed_byte_length(text.get(at..)?, want)?;
    }
    Some(at)
}

/// How many bytes at the start of `text` spell the byte `want`, in any of the encodings above.
fn echoed_byte_length(text: &[u8], want: u8) -> Option<usize> {
    let hex = |pair: &[u8]| {
        let digits = std::str::from_utf8(pair).ok()?;
        u8::from_str_radix(digits, 16).ok().filter(|_| digits.bytes().all(|b| b.is_ascii_hexdigit()))
    };
    match text {
        [first, ..] if *first == want => Some(1),
        [b'+', ..] if want == b' ' => Some(1),
        [b'%', a, b, ..] if hex(&[*a, *b]) == Some(want) => Some(3),
        [b'\\', b'u', a, b, c, d, ..] if hex(&[*a, *b]) == Some(0) && hex(&[*c, *d]) == Some(want) => Some(6),
        [b'\\', escaped, ..] if *escaped == want && matches!(want, b'/' | b'"' | b'\\') => Some(2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, body: &str, retry_after: Option<&str>) -> Response {
        Response { status, retry_after: retry_after.map(str::to_owned), body: body.to_owned() }
    }

    #[test]
    fn metas_error_object_is_kept_and_categorised() {
        let body = r#"{"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,"error_subcode":2494010,"fbtrace_id":"AbC123"}}"#;
        let error = from_response(&response(400, body, None));
        assert_eq!(error.code, code::RECIPIENT_ERROR);
        assert_eq!(
            (error.status, error.meta_code, error.meta_subcode),
            (Some(400), Some(131047), Some(2494010))
        );
        assert_eq!(error.fbtrace_id.as_deref(), Some("AbC123"));
        assert_eq!(error.retryable, Some(false));
        assert_eq!(error.message, "HTTP 400, Meta error 131047: (#131047) Re-engagement message");
    }

    #[test]
    fn rate_limits_wait_as_told_or_a_second() {
        let limited = from_response(&response(429, r#"{"error":{"code":130429}}"#, Some("2")));
        assert_eq!(
            (limited.code, limited.retryable, limited.retry_after_ms),
            (code::RATE_LIMITED, Some(true), Some(2000))
        );
        let untold = from_response(&response(400, r#"{"error":{"code":80007}}"#, None));
        assert_eq!((untold.code, untold.retry_after_ms), (code::RATE_LIMITED, Some(1000)));
    }

    #[test]
    fn the_spam_limit_is_a_rate_limit_never_retried_and_the_marketing_limit_a_recipient_error() {
        let spam = from_response(&response(400, r#"{"error":{"code":131048}}"#, Some("1")));
        assert_eq!((spam.code, spam.retryable), (code::RATE_LIMITED, Some(false)));
        let marketing = from_response(&response(400, r#"{"error":{"code":131049}}"#, None));
        assert_eq!((marketing.code, marketing.retryable), (code::RECIPIENT_ERROR, Some(false)));
        let upgrade = from_response(&response(400, r#"{"error":{"code":131057}}"#, None));
        assert_eq!(
            (upgrade.code, upgrade.retryable, upgrade.retry_after_ms),
            (code::RATE_LIMITED, Some(true), Some(1000))
        );
        let pair = from_response(&response(400, r#"{"error":{"code":131056}}"#, None));
        assert_eq!((pair.retryable, pair.retry_after_ms), (Some(true), None), "the policy's 4^n s");
    }

    #[test]
    fn categories_follow_codes_then_status() {
        let of = |status, body: &str| from_response(&response(status, body, None)).code;
        assert_eq!(of(401, r#"{"error":{"code":190}}"#), code::AUTH_FAILED);
        assert_eq!(of(403, r#"{"error":{"code":200}}"#), code::PERMISSION_DENIED);
        assert_eq!(of(400, r#"{"error":{"code":132001}}"#), code::TEMPLATE_ERROR);
        assert_eq!(of(400, r#"{"error":{"code":139002}}"#), code::FLOW_ERROR);
        assert_eq!(of(400, r#"{"error":{"code":100}}"#), code::INVALID_REQUEST);
        assert_eq!(of(502, "<html>Bad gateway</html>"), code::SERVER_ERROR);
        assert_eq!(of(404, ""), code::NOT_FOUND);
        assert!(from_response(&response(502, "<html>", None)).message.contains("not JSON"));
    }

    #[test]
    fn provider_errors_are_categorised_by_status_with_what_the_body_says() {
        let said = from_status(&response(422, "{}", None), Some("invalid_body: tags".into()));
        assert_eq!((said.code, said.retryable), (code::INVALID_REQUEST, Some(false)));
        assert_eq!(said.message, "HTTP 422: invalid_body: tags");
        let limited = from_status(&response(429, "", Some("3")), None);
        assert_eq!((limited.code, limited.retry_after_ms), (code::RATE_LIMITED, Some(3000)));
        assert!(limited.message.ends_with("(the body is not JSON)"), "{}", limited.message);
        assert_eq!(from_status(&response(501, "", None), None).code, code::INVALID_REQUEST);
        assert_eq!(from_status(&response(503, "{}", None), None).retryable, Some(true));
    }

    #[test]
    fn secrets_are_scrubbed() {
        assert_eq!(scrub("bad token EAAG123456", "EAAG123456"), "bad token [redacted]");
        assert_eq!(scrub("abc", ""), "abc");
        let secret = "EAAG/a~b*c+d";
        for echo in [
            "EAAG/a~b*c+d",
            "EAAG%2Fa~b*c%2Bd",
            "EAAG%2fa%7Eb%2Ac%2bd",
            r"EAAG\/a~b*c+d",
            r"EAAG\u002fa\u007eb*c+d",
        ] {
            assert_eq!(scrub(&format!("x {echo} y é"), secret), "x [redacted] y é", "{echo}");
        }
        assert_eq!(scrub("EAAG/a~b*c+ EAAG/a~b*c+d", secret), "EAAG/a~b*c+ [redacted]");
    }
}
