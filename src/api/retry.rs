//! When to try a failed request again, and after how long: exponential
//! backoff with jitter, `Retry-After` honoured, a limit on attempts and on
//! the total time spent waiting. Only errors whose action
//! ([`super::actions`]) allows it are retried (never the spam or per-user
//! marketing limits, 131048 and 131049); the pair rate limit (131056) backs
//! off 4^n s as Meta advises. A request that is not idempotent (a send) is
//! retried only when the failure proves the server did not accept it.

use super::actions::{self, action};
use crate::error::code;
use crate::Error;

/// The retry settings of a client.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0: never retry).
    pub max_retries: u32,
    /// The first backoff, doubled for each retry.
    pub base_delay_ms: u32,
    /// The longest single backoff (a `Retry-After` may ask for more).
    pub max_delay_ms: u32,
    /// The most time spent waiting across all retries of one call.
    pub budget_ms: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self { max_retries: 3, base_delay_ms: 500, max_delay_ms: 20_000, budget_ms: 60_000 }
    }
}

/// Whether `error` shows the server refused the request without acting on it
/// (so sending it again cannot send twice): a rate limit, or a 4xx refusal.
pub fn proves_not_accepted(error: &Error) -> bool {
    error.code == code::RATE_LIMITED || error.status == Some(429)
}

impl RetryPolicy {
    /// How long to wait before retry number `retries_done + 1`, or `None` to
    /// give up. `waited_ms` is the time already spent waiting in this call;
    /// `jitter` is a random number in [0, 1).
    pub fn next_delay(
        &self,
        error: &Error,
        idempotent: bool,
        retries_done: u32,
        waited_ms: u32,
        jitter: f64,
    ) -> Option<u32> {
        let action = actions::of(error);
        if retries_done >= self.max_retries || !action.is_some_and(actions::retries) {
            return None;
        }
        if !idempotent && !proves_not_accepted(error) {
            return None;
        }
        let delay = match error.retry_after_ms {
            Some(asked) => asked,
            // Meta's advice for the pair rate limit: wait 4^X seconds, X = 0, 1, 2… (BROADCAST.md §1.2).
            None if action == Some(action::RETRY_RECIPIENT_LATER) => {
                1000u32.saturating_mul(4u32.saturating_pow(retries_done.min(15)))
            }
            None => {
                let backoff =
                    self.base_delay_ms.saturating_mul(1 << retries_done.min(16)).min(self.max_delay_ms);
                // "Equal jitter": half fixed, half random, so retries of many clients spread out.
                let half = f64::from(backoff) / 2.0;
                (half + half * jitter.clamp(0.0, 1.0)) as u32
            }
        };
        (waited_ms.saturating_add(delay) <= self.budget_ms).then_some(delay)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failure(code: &'static str, status: u16, retryable: bool, retry_after_ms: Option<u32>) -> Error {
        Error { status: Some(status), retryable: Some(retryable), retry_after_ms, ..Error::new(code, "x") }
    }

    #[test]
    fn reads_back_off_exponentially_within_limits() {
        let policy = RetryPolicy::default();
        let server = failure(code::SERVER_ERROR, 503, true, None);
        assert_eq!(policy.next_delay(&server, true, 0, 0, 0.0), Some(250));
        assert_eq!(policy.next_delay(&server, true, 1, 0, 0.999_999), Some(999));
        assert_eq!(policy.next_delay(&server, true, 3, 0, 0.5), None, "attempts are limited");
        assert_eq!(policy.next_delay(&server, true, 0, 59_900, 0.5), None, "the wait budget is limited");
    }

    #[test]
    fn sends_are_retried_only_when_refused() {
        let policy = RetryPolicy::default();
        let server = failure(code::SERVER_ERROR, 500, true, None);
        assert_eq!(policy.next_delay(&server, false, 0, 0, 0.5), None, "Meta may have accepted it");
        let limited = failure(code::RATE_LIMITED, 429, true, Some(2000));
        assert_eq!(policy.next_delay(&limited, false, 0, 0, 0.5), Some(2000), "Retry-After is honoured");
        let invalid = failure(code::INVALID_REQUEST, 400, false, None);
        assert_eq!(policy.next_delay(&invalid, true, 0, 0, 0.5), None);
    }

    #[test]
    fn the_table_decides_what_is_retried() {
        let policy = RetryPolicy::default();
        let meta = |code: u32, retry_after: Option<&str>| {
            let body = format!(r#"{{"error":{{"code":{code}}}}}"#);
            let response =
                crate::api::Response { status: 400, retry_after: retry_after.map(str::to_owned), body };
            crate::api::error::from_response(&response)
        };
        for never in [131_048, 131_049, 131_050, 190, 100, 132_018] {
            let error = meta(never, Some("1"));
            assert_eq!(policy.next_delay(&error, false, 0, 0, 0.5), None, "{never} on a send");
            assert_eq!(policy.next_delay(&error, true, 0, 0, 0.5), None, "{never} on a read");
        }
        // The pair rate limit backs off 4^n s; a Retry-After wins.
        let pair = meta(131_056, None);
        let waits: Vec<_> = (0..3).map(|n| policy.next_delay(&pair, false, n, 0, 0.5)).collect();
        assert_eq!(waits, [Some(1000), Some(4000), Some(16_000)]);
        assert_eq!(policy.next_delay(&meta(131_056, Some("2")), false, 0, 0, 0.5), Some(2000));
        assert_eq!(policy.next_delay(&meta(130_429, None), false, 0, 0, 0.5), Some(1000));
        assert_eq!(policy.next_delay(&meta(131_057, Some("5")), false, 0, 0, 0.5), Some(5000));
    }
}
