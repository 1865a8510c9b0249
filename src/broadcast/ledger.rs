//! The state of one recipient of a campaign (BROADCAST.md §4.2):
//! pending → claimed → sending → accepted → sent → delivered → read, or
//! failed(code), deferred(notBefore), unknown. Transitions only move forward,
//! so a queue message delivered twice, a late send answer and webhooks out of
//! order are harmless: applying an event that is stale leaves the state as it
//! is. A claim is a lease on a time slot; `sending` is written just before
//! the request leaves, so an ended lease that never began is claimed again,
//! and only one that may have reached Meta becomes unknown.

use super::outcome::{SendOutcome, SendOutcomeClass};
use crate::api::actions::action;

/// How many times a transient refusal (`retry`: 131000, 131016, 1, 2) is
/// retried for one recipient before it is failed with its code.
pub const MAX_ATTEMPTS: u32 = 5;
/// How long a recipient waits after a throttle without `Retry-After` (ms).
const THROTTLE_WAIT_MS: u64 = 1_000;
/// The pair limit's wait is 4^n s (Meta's advice), at most 4^5 s (~17 min).
const PAIR_WAIT_MAX_EXPONENT: u32 = 5;

/// Where a recipient is. In JavaScript (`applyRecipientEvent`), an object
/// tagged by `state`: what a Durable Object stores per recipient.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "clients"),
    derive(tsify::Tsify),
    serde(tag = "state", rename_all = "snake_case"),
    tsify(type_prefix = "Recipient")
)]
pub enum State {
    /// Not yet sent.
    Pending,
    /// A consumer holds a time slot for it until this time (ms); nothing was sent yet.
    Claimed {
        /// When the lease ends.
        until: u64,
    },
    /// A consumer is sending it (the request may have left) until this time (ms).
    Sending {
        /// When the lease ends: past it without an answer, the send is unknown.
        until: u64,
    },
    /// Refused for now (pair limit, throughput): not before this time (ms).
    Deferred {
        /// The earliest time to claim it again.
        #[cfg_attr(all(target_arch = "wasm32", feature = "clients"), serde(rename = "notBefore"))]
        not_before: u64,
    },
    /// The send's answer was lost: Meta may have it. Settled by a status webhook.
    Unknown,
    /// Meta accepted it (`held`: held for quality assessment).
    Accepted {
        /// Held by template or portfolio pacing.
        held: bool,
    },
    /// Sent (status webhook).
    Sent,
    /// Delivered (status webhook).
    Delivered,
    /// Read (status webhook).
    Read,
    /// Failed with Meta's code (or 0 when it has none, e.g. a dead-lettered message).
    Failed {
        /// Meta's error code.
        code: u32,
    },
}

/// Something that happened to a recipient. In JavaScript, an object tagged by `type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "clients"),
    derive(tsify::Tsify),
    serde(tag = "type", rename_all = "snake_case"),
    tsify(type_prefix = "Recipient")
)]
pub enum Event {
    /// A consumer asks to send it at `now`, holding it until `until`;
    /// `resend_unknown` is the opt-in at-least-once policy (`onAmbiguous: "resend"`).
    Claim {
        /// The time of the claim (ms).
        now: u64,
        /// The end of the lease (ms).
        until: u64,
        /// Claim `unknown` recipients too.
        #[cfg_attr(all(target_arch = "wasm32", feature = "clients"), serde(rename = "resendUnknown"))]
        resend_unknown: bool,
    },
    /// The consumer holding the lease sends it now; the lease runs to `until`.
    Begin {
        /// The time (ms).
        now: u64,
        /// The end of the send's lease (ms): its timeout and a margin.
        until: u64,
    },
    /// The consumer gives its slot back unsent (it stopped, e.g. throttled).
    Release,
    /// The queue message carrying it went to the dead-letter queue: a
    /// recipient no send began for fails with code 0.
    DeadLetter,
    /// The send was accepted (see [`super::outcome::SendOutcomeClass`]).
    Accepted {
        /// Held for quality assessment.
        held: bool,
    },
    /// The send's answer was lost.
    Ambiguous,
    /// Meta refused it for now: try again from `not_before`.
    Defer {
        /// The earliest time to try again (ms).
        #[cfg_attr(all(target_arch = "wasm32", feature = "clients"), serde(rename = "notBefore"))]
        not_before: u64,
    },
    /// Meta refused it for good, or a status webhook says it failed.
    Failed {
        /// Meta's error code.
        code: u32,
    },
    /// A status webhook: `sent`.
    Sent,
    /// A status webhook: `delivered`.
    Delivered,
    /// A status webhook: `read`.
    Read,
    /// Time passed: an ended lease goes back to pending if no send began,
    /// or becomes unknown if one did.
    Expire {
        /// The time now (ms).
        now: u64,
    },
}

impl State {
    /// How far along the send is: a state never goes back to a lower rank.
    fn rank(self) -> u8 {
        match self {
            State::Pending | State::Deferred { .. } => 0,
            State::Claimed { .. } => 1,
            State::Sending { .. } | State::Unknown => 2,
            State::Accepted { .. } => 3,
            State::Sent => 4,
            State::Delivered => 5,
            State::Read => 6,
            State::Failed { .. } => 7,
        }
    }

    /// Nothing more will happen to it by itself: sent (or further) or failed.
    pub fn is_final(self) -> bool {
        self.rank() >= State::Sent.rank()
    }

    /// The state after `event` (the same state when the event is stale).
    pub fn apply(self, event: Event) -> State {
        match (self, event) {
            // Webhooks settle everything not yet settled further: a status
            // proves the message went out, whatever the send's answer said.
            (State::Failed { .. }, _) => self,
            (_, Event::Failed { code }) if self.rank() < State::Delivered.rank() => State::Failed { code },
            (_, Event::Sent) => self.forward(State::Sent),
            (_, Event::Delivered) => self.forward(State::Delivered),
            (_, Event::Read) => self.forward(State::Read),
            (State::Pending, Event::Claim { until, .. }) => State::Claimed { until },
            (State::Deferred { not_before }, Event::Claim { now, until, .. }) if not_before <= now => {
                State::Claimed { until }
            }
            (State::Unknown, Event::Claim { until, resend_unknown: true, .. }) => State::Claimed { until },
            // A live lease is someone else's; an ended one that never began sent nothing.
            (State::Claimed { until: ended }, Event::Claim { now, until, .. }) if ended <= now => {
                State::Claimed { until }
            }
            (State::Claimed { until }, Event::Expire { now }) if until <= now => State::Pending,
            (State::Claimed { .. }, Event::Release) => State::Pending,
            (State::Claimed { until: lease }, Event::Begin { now, until }) if now < lease => {
                State::Sending { until }
            }
            // An ended send may have reached Meta.
            (State::Sending { until }, Event::Claim { now, .. } | Event::Expire { now }) if until <= now => {
                State::Unknown
            }
            (State::Pending | State::Deferred { .. } | State::Claimed { .. }, Event::DeadLetter) => {
                State::Failed { code: 0 }
            }
            // A send's answer counts only for a send that began (or was lost).
            (State::Sending { .. } | State::Unknown, Event::Accepted { held }) => State::Accepted { held },
            (State::Sending { .. }, Event::Ambiguous) => State::Unknown,
            (State::Sending { .. }, Event::Defer { not_before }) => State::Deferred { not_before },
            _ => self,
        }
    }

    fn forward(self, to: State) -> State {
        if to.rank() > self.rank() {
            to
        } else {
            self
        }
    }
}

impl Event {
    /// What a send's outcome ([`super::outcome::classify`]) does to its
    /// recipient, on its `attempts`-th send (1 for the first): accepted or
    /// held; unknown when ambiguous; deferred when the number was throttled
    /// or paused (the pacer spaces it), by 4^(attempts-1) s for the pair limit,
    /// by 2^attempts s for a transient error (failed after [`MAX_ATTEMPTS`]);
    /// failed with Meta's code (0 without one) otherwise.
    pub fn after_send(outcome: &SendOutcome, now: u64, attempts: u32) -> Event {
        let retry_after = outcome.retry_after_ms.map(u64::from);
        let later = |wait_ms: u64| Event::Defer { not_before: now.saturating_add(wait_ms) };
        match (outcome.class, outcome.action) {
            (SendOutcomeClass::Accepted, _) => Event::Accepted { held: false },
            (SendOutcomeClass::Held, _) => Event::Accepted { held: true },
            (SendOutcomeClass::Ambiguous, _) => Event::Ambiguous,
            (_, Some(action::SLOW_DOWN | action::RETRY_AFTER)) => {
                later(retry_after.unwrap_or(THROTTLE_WAIT_MS))
            }
            // The pacer halts the number: the recipient waits for `resume`.
            (_, Some(action::PAUSE_NUMBER | action::REFRESH_TOKEN)) => later(0),
            (_, Some(action::RETRY_RECIPIENT_LATER)) => {
                let exponent = attempts.saturating_sub(1).min(PAIR_WAIT_MAX_EXPONENT);
                later(retry_after.unwrap_or(1_000 * 4u64.pow(exponent)))
            }
            (_, Some(action::RETRY)) if attempts < MAX_ATTEMPTS => {
                later(retry_after.unwrap_or(1_000 << attempts.min(10)))
            }
            _ => Event::Failed { code: outcome.meta_code.unwrap_or(0) },
        }
    }
}

#[cfg(test)]
#[path = "ledger_tests.rs"]
mod tests;
