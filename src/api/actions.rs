//! What to do about a failed API call: the one table from Meta's error codes
//! (and, without one, the HTTP status) to an `action` — the `error.action`
//! thrown to JavaScript, and what the retry policy ([`super::retry`]) and the
//! error categories ([`super::error`]) consult. Sources per code are in
//! `docs/issue-codes.md` ("What to do about a thrown error").

use crate::error::code;
use crate::Error;

/// The actions, as seen in JavaScript on `error.action`.
pub mod action {
    /// Transient: the client already retried within its budget; try again later.
    pub const RETRY: &str = "retry";
    /// A rate limit on the app or account: wait `retryAfterMs`, then try again.
    pub const RETRY_AFTER: &str = "retry_after";
    /// The number's throughput (130429) or an upgrade in progress (131057): send slower.
    pub const SLOW_DOWN: &str = "slow_down";
    /// The pair rate limit (131056): 1 message per 6 s to one user; retry that user after 4^n s.
    pub const RETRY_RECIPIENT_LATER: &str = "retry_recipient_later";
    /// The spam rate limit (131048): pause the number's sending and check its quality; never retried automatically.
    pub const PAUSE_NUMBER: &str = "pause_number";
    /// The per-user marketing limit (131049): do not send this user marketing for at least 24 h.
    pub const DO_NOT_RETRY_24H: &str = "do_not_retry_24h";
    /// The message cannot be delivered as it is (undeliverable, opted out, policy, permission).
    pub const DO_NOT_RETRY: &str = "do_not_retry";
    /// The access token is invalid or expired (190 family, HTTP 401): replace it.
    pub const REFRESH_TOKEN: &str = "refresh_token";
    /// The request itself is wrong (parameters, template, unknown object): fix it before sending again.
    pub const FIX_REQUEST: &str = "fix_request";
}

use action::*;

/// Meta's error codes and what each calls for (Meta's error-code page,
/// BROADCAST.md §1.6, REFERENCE.md §1.15). Codes not listed follow the HTTP
/// status ([`for_status`]); 132xxx and 139xxx not listed are request errors.
pub const META_ACTIONS: [(u32, &str); 42] = [
    (130_429, SLOW_DOWN),
    (131_057, SLOW_DOWN),
    (131_056, RETRY_RECIPIENT_LATER),
    (131_048, PAUSE_NUMBER),
    (131_049, DO_NOT_RETRY_24H),
    (4, RETRY_AFTER),
    (17, RETRY_AFTER),
    (32, RETRY_AFTER),
    (613, RETRY_AFTER),
    (80_007, RETRY_AFTER),
    (1, RETRY),
    (2, RETRY),
    (131_000, RETRY),
    (131_016, RETRY),
    (190, REFRESH_TOKEN),
    (102, REFRESH_TOKEN),
    (10, DO_NOT_RETRY),
    (368, DO_NOT_RETRY),
    (130_472, DO_NOT_RETRY),
    (130_497, DO_NOT_RETRY),
    (131_021, DO_NOT_RETRY),
    (131_026, DO_NOT_RETRY),
    (131_031, DO_NOT_RETRY),
    (131_042, DO_NOT_RETRY),
    (131_045, DO_NOT_RETRY),
    (131_047, DO_NOT_RETRY),
    (131_050, DO_NOT_RETRY),
    (131_062, DO_NOT_RETRY),
    (132_015, DO_NOT_RETRY),
    (132_016, DO_NOT_RETRY),
    (135_000, DO_NOT_RETRY),
    (100, FIX_REQUEST),
    (803, FIX_REQUEST),
    (131_008, FIX_REQUEST),
    (131_009, FIX_REQUEST),
    (131_051, FIX_REQUEST),
    (131_053, FIX_REQUEST),
    (132_000, FIX_REQUEST),
    (132_001, FIX_REQUEST),
    (132_005, FIX_REQUEST),
    (132_012, FIX_REQUEST),
    (132_018, FIX_REQUEST),
];

/// The action for a failed response: by Meta's code when it has one the
/// table knows, else by the HTTP status.
pub fn for_response(status: u16, meta_code: Option<u32>) -> &'static str {
    meta_code.and_then(for_meta_code).unwrap_or_else(|| for_status(status))
}

/// The action of a Meta error code, if the table knows it.
pub fn for_meta_code(meta: u32) -> Option<&'static str> {
    match META_ACTIONS.iter().find(|(code, _)| *code == meta) {
        Some((_, action)) => Some(action),
        None => match meta {
            200..=299 => Some(DO_NOT_RETRY),
            132_000..=132_999 | 139_000..=139_999 => Some(FIX_REQUEST),
            _ => None,
        },
    }
}

/// The action of an HTTP status without a known Meta code (providers' errors too).
pub fn for_status(status: u16) -> &'static str {
    match status {
        401 => REFRESH_TOKEN,
        403 => DO_NOT_RETRY,
        408 | 500..=599 if status != 501 => RETRY,
        429 => RETRY_AFTER,
        400..=499 => FIX_REQUEST,
        _ => DO_NOT_RETRY,
    }
}

/// The action of an error the clients throw, or `None` for local misuse
/// (`invalid_argument`, `validation_failed`, …), where nothing was sent.
pub fn of(error: &Error) -> Option<&'static str> {
    Some(match error.code {
        code::TIMEOUT | code::NETWORK_ERROR => RETRY,
        code::INVALID_RESPONSE => DO_NOT_RETRY,
        code::INVALID_ARGUMENT | code::VALIDATION_FAILED | code::BODY_TOO_LARGE => return None,
        // Every API answer has a status; an API error without one (a 2xx
        // that says it failed, a template not found) is about the request.
        _ => error.status.map_or(FIX_REQUEST, |status| for_response(status, error.meta_code)),
    })
}

/// Whether the transport may retry an error with this action by itself
/// (131048 and 131049 never are).
pub fn retries(action: &str) -> bool {
    matches!(action, RETRY | RETRY_AFTER | SLOW_DOWN | RETRY_RECIPIENT_LATER)
}

/// Whether the action is a rate limit of some kind (the `rate_limited` category).
pub fn is_rate_limit(action: &str) -> bool {
    matches!(action, RETRY_AFTER | SLOW_DOWN | RETRY_RECIPIENT_LATER | PAUSE_NUMBER)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code the table names, with the action Meta's documents give it.
    #[test]
    fn every_code_in_the_table_has_its_documented_action() {
        let expected: [(u32, &str); 42] = [
            (130429, "slow_down"),
            (131057, "slow_down"),
            (131056, "retry_recipient_later"),
            (131048, "pause_number"),
            (131049, "do_not_retry_24h"),
            (4, "retry_after"),
            (17, "retry_after"),
            (32, "retry_after"),
            (613, "retry_after"),
            (80007, "retry_after"),
            (1, "retry"),
            (2, "retry"),
            (131000, "retry"),
            (131016, "retry"),
            (190, "refresh_token"),
            (102, "refresh_token"),
            (10, "do_not_retry"),
            (368, "do_not_retry"),
            (130472, "do_not_retry"),
            (130497, "do_not_retry"),
            (131021, "do_not_retry"),
            (131026, "do_not_retry"),
            (131031, "do_not_retry"),
            (131042, "do_not_retry"),
            (131045, "do_not_retry"),
            (131047, "do_not_retry"),
            (131050, "do_not_retry"),
            (131062, "do_not_retry"),
            (132015, "do_not_retry"),
            (132016, "do_not_retry"),
            (135000, "do_not_retry"),
            (100, "fix_request"),
            (803, "fix_request"),
            (131008, "fix_request"),
            (131009, "fix_request"),
            (131051, "fix_request"),
            (131053, "fix_request"),
            (132000, "fix_request"),
            (132001, "fix_request"),
            (132005, "fix_request"),
            (132012, "fix_request"),
            (132018, "fix_request"),
        ];
        for (meta, action) in expected {
            // The status must not matter when the code is known.
            for status in [400, 429, 500] {
                assert_eq!(for_response(status, Some(meta)), action, "{meta} with HTTP {status}");
            }
        }
        assert_eq!(expected.len(), META_ACTIONS.len(), "a code in the table without a test");
    }

    #[test]
    fn ranges_and_unknown_codes_follow_the_family_then_the_status() {
        assert_eq!(for_response(403, Some(200)), DO_NOT_RETRY);
        assert_eq!(for_response(400, Some(132_999)), FIX_REQUEST);
        assert_eq!(for_response(400, Some(139_002)), FIX_REQUEST);
        assert_eq!(for_response(400, Some(424_242)), FIX_REQUEST);
        assert_eq!(for_response(503, Some(424_242)), RETRY);
        for (status, action) in [
            (401, REFRESH_TOKEN),
            (403, DO_NOT_RETRY),
            (404, FIX_REQUEST),
            (408, RETRY),
            (422, FIX_REQUEST),
            (429, RETRY_AFTER),
            (500, RETRY),
            (501, DO_NOT_RETRY),
            (503, RETRY),
            (302, DO_NOT_RETRY),
        ] {
            assert_eq!(for_status(status), action, "HTTP {status}");
        }
    }

    #[test]
    fn thrown_errors_get_the_action_of_what_happened() {
        let with = |code, status: Option<u16>, meta: Option<u32>| Error {
            status,
            meta_code: meta,
            ..Error::new(code, "x")
        };
        assert_eq!(of(&with(code::TIMEOUT, None, None)), Some(RETRY));
        assert_eq!(of(&with(code::NETWORK_ERROR, None, None)), Some(RETRY));
        assert_eq!(of(&with(code::INVALID_RESPONSE, Some(302), None)), Some(DO_NOT_RETRY));
        assert_eq!(of(&with(code::RATE_LIMITED, Some(400), Some(131_048))), Some(PAUSE_NUMBER));
        assert_eq!(of(&with(code::TEMPLATE_ERROR, None, None)), Some(FIX_REQUEST));
        assert_eq!(of(&with(code::AUTH_FAILED, Some(401), None)), Some(REFRESH_TOKEN));
        assert_eq!(of(&with(code::VALIDATION_FAILED, None, None)), None);
        assert_eq!(of(&with(code::INVALID_ARGUMENT, None, None)), None);
    }

    #[test]
    fn the_spam_and_marketing_limits_are_never_retried() {
        for meta in [131_048, 131_049, 131_050, 131_026, 190, 100] {
            assert!(!retries(for_response(400, Some(meta))), "{meta}");
        }
        for meta in [130_429, 131_056, 131_057, 4, 131_000] {
            assert!(retries(for_response(400, Some(meta))), "{meta}");
        }
    }
}
