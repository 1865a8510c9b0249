//! The state of one recipient of a campaign (BROADCAST.md §4.2):
//! pending → claimed → accepted → sent → delivered → read, or failed(code),
//! deferred(notBefore), unknown. Transitions only move forward, so a queue
//! message delivered twice, a late send answer and webhooks out of order are
//! harmless: applying an event that is stale leaves the state as it is.

/// Where a recipient is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Not yet sent.
    Pending,
    /// A consumer holds it until this time (ms): its send may be in flight.
    Claimed {
        /// When the lease ends.
        until: u64,
    },
    /// Refused for now (pair limit, throughput): not before this time (ms).
    Deferred {
        /// The earliest time to claim it again.
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

/// Something that happened to a recipient.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A consumer asks to send it at `now`, holding it until `until`;
    /// `resend_unknown` is the opt-in at-least-once policy (`onAmbiguous: "resend"`).
    Claim {
        /// The time of the claim (ms).
        now: u64,
        /// The end of the lease (ms).
        until: u64,
        /// Claim `unknown` recipients too.
        resend_unknown: bool,
    },
    /// The send was accepted (see [`super::outcome::Class`]).
    Accepted {
        /// Held for quality assessment.
        held: bool,
    },
    /// The send's answer was lost.
    Ambiguous,
    /// Meta refused it for now: try again from `not_before`.
    Defer {
        /// The earliest time to try again (ms).
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
    /// Time passed: a lease that ended with its send possibly in flight becomes unknown.
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
            State::Unknown => 2,
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
            // A live lease is someone else's; an ended one may have sent.
            (State::Claimed { until }, Event::Claim { now, .. } | Event::Expire { now }) if until <= now => {
                State::Unknown
            }
            // A send's answer counts only for the lease that made it (or a lost one).
            (State::Claimed { .. } | State::Unknown, Event::Accepted { held }) => State::Accepted { held },
            (State::Claimed { .. }, Event::Ambiguous) => State::Unknown,
            (State::Claimed { .. }, Event::Defer { not_before }) => State::Deferred { not_before },
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

#[cfg(test)]
#[path = "ledger_tests.rs"]
mod tests;
