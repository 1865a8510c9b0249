//! Request body caps: the defaults, the caller's `maxBodyBytes`, and what a
//! `Content-Length` header says before any byte is read.
//!
//! WebAssembly linear memory grows and never shrinks, so a body that enters
//! it costs its size for the isolate's whole life (a Worker has 128 MB). The
//! package therefore counts bodies on the JavaScript side as they stream in
//! and copies into wasm only what passed the cap (and the signature check);
//! this module is the part of that decision that needs no I/O.

use crate::error::code;
use crate::Error;

/// The Flow data endpoint's default cap (1 MiB): its requests are one
/// encrypted screen's worth of user input, far below this.
pub const FLOW_ENDPOINT_DEFAULT: u32 = 1 << 20;

/// The webhooks' default cap (4 MiB): Meta batches up to 1,000 updates in one
/// POST, which can pass 1 MiB, and a dropped webhook is lost data.
pub const WEBHOOK_DEFAULT: u32 = 4 << 20;

/// Whether a `Content-Length` header declares a body over `max` bytes, so
/// it can be refused unread. Anything but digits (a malformed header, or
/// repeated ones joined with ", ") says nothing (`false`): the running count
/// while reading enforces the cap anyway. Too many digits for `u64` is over
/// any cap.
pub fn declared_over(content_length: Option<&str>, max: u32) -> bool {
    let digits = content_length.unwrap_or_default().trim();
    !digits.is_empty()
        && digits.bytes().all(|byte| byte.is_ascii_digit())
        && digits.parse::<u64>().map_or(true, |length| length > u64::from(max))
}

/// Reads a caller's `maxBodyBytes`: a whole number from 1 to 2^32 − 1.
pub fn limit(value: Option<f64>, function: &str, default: u32) -> Result<u32, Error> {
    let Some(value) = value else { return Ok(default) };
    if value.fract() == 0.0 && (1.0..=f64::from(u32::MAX)).contains(&value) {
        // Whole and in range: the cast is exact.
        Ok(value as u32)
    } else {
        Err(Error::invalid_argument(format!(
            "{function}: maxBodyBytes must be a whole number from 1 to {}",
            u32::MAX
        )))
    }
}

/// The error for a body over the cap: `body_too_large`, status 413.
pub fn too_large(function: &str, max: u32) -> Error {
    Error {
        status: Some(413),
        ..Error::new(
            code::BODY_TOO_LARGE,
            format!(
                "{function}: the request body is over maxBodyBytes ({max} bytes); it was not read further. \
                 Raise options.maxBodyBytes if such bodies are expected"
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declared_length_over_the_cap_is_refused_unread() {
        assert!(declared_over(Some("11"), 10));
        assert!(declared_over(Some(" 11 "), 10));
        assert!(declared_over(Some("99999999999999999999999999"), u32::MAX), "past u64");
        assert!(declared_over(Some("0011"), 10));
    }

    #[test]
    fn anything_else_is_left_to_the_running_count() {
        for within in [None, Some("10"), Some("0"), Some("000")] {
            assert!(!declared_over(within, 10), "{within:?}");
        }
        for malformed in ["", "-1", "1e9", "0x100", "11, 11", "11,", "+11", "١١"] {
            assert!(!declared_over(Some(malformed), 10), "{malformed}");
        }
    }

    #[test]
    fn limits_are_whole_positive_and_fit_u32() {
        assert_eq!(limit(None, "f", 7).unwrap(), 7);
        assert_eq!(limit(Some(1.0), "f", 7).unwrap(), 1);
        assert_eq!(limit(Some(f64::from(u32::MAX)), "f", 7).unwrap(), u32::MAX);
        for bad in [0.0, -1.0, 1.5, f64::NAN, f64::INFINITY, 2f64.powi(32)] {
            let error = limit(Some(bad), "f", 7).unwrap_err();
            assert_eq!(error.code, "invalid_argument", "{bad}");
        }
    }

    #[test]
    fn too_large_is_413_and_names_the_option() {
        let error = too_large("readBody", 1024);
        assert_eq!((error.code, error.status), ("body_too_large", Some(413)));
        assert!(error.message.contains("maxBodyBytes (1024 bytes)"));
    }
}
