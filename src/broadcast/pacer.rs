//! The pacer of one business phone number (BROADCAST.md §4.4): sends are
//! granted as time slots spaced `ceil(1 s / rate)` apart, so no 1-second
//! window ever holds more than `rate` of them; the rate targets 90 % of the
//! number's throughput by default (throughput counts inbound traffic too,
//! §1.1). 130429 halves the rate and quiet seconds ramp it back: fast up to
//! nine tenths of where the throttle came, then slowly, so a lowered limit is
//! learned. 131057 pauses the number 60 s; 131048 (spam), 190 (token) and the
//! other stops pause it until [`Pacer::resume`]. Pure: time is passed in, in
//! milliseconds.

use crate::api::actions::action;

/// The share of the throughput used by default, in percent.
pub const DEFAULT_SHARE_PERCENT: u32 = 90;
/// How long 131057 (an upgrade in progress) pauses the number (BROADCAST.md §1.1).
pub const MAINTENANCE_PAUSE_MS: u64 = 60_000;
/// How long an app or account rate limit (4, 80007) pauses without `Retry-After`.
pub const RATE_LIMIT_PAUSE_MS: u64 = 60_000;

const MICROS_PER_SECOND: u64 = 1_000_000;

/// Why a number does not send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pause {
    /// Sending.
    None,
    /// Until this time (ms).
    Until(u64),
    /// Until [`Pacer::resume`] (spam limit, token, account or policy block).
    Halted,
}

/// Send times for a batch, or when to ask again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grant {
    /// The times (ms) at which the granted sends may go, in order.
    pub slots: Vec<u64>,
    /// When none could be granted within the horizon: when to ask again (ms),
    /// `None` when the number is halted.
    pub retry_at: Option<u64>,
}

/// The token bucket of one phone number, as time slots.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pacer {
    /// The rate the number is meant to use (sends per second).
    target: u32,
    /// The rate now (≤ `target` after a throttle).
    rate: u32,
    /// The earliest free slot, in microseconds.
    next_us: u64,
    /// When the rate last changed or ramped (ms).
    changed_ms: u64,
    /// When the rate was last halved (ms): refusals of sends granted before
    /// it arrive together and must not halve it again (see [`Pacer::throttled`]).
    throttled_ms: Option<u64>,
    /// Nine tenths of the rate the last 130429 came at: the ramp climbs fast
    /// up to it, then probes slowly (a lowered limit is learned, not hit
    /// again every few seconds). None until a throttle, and after a new ceiling.
    threshold: Option<u32>,
    pause: Pause,
}

/// A pacer's whole state, to store and restore it (a Durable Object keeps
/// it across restarts): every field of [`Pacer`], as they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PacerState {
    /// The rate the number is meant to use (sends per second).
    pub target: u32,
    /// The rate now.
    pub rate: u32,
    /// The earliest free slot, in microseconds.
    pub next_us: u64,
    /// When the rate last changed or ramped (ms).
    pub changed_ms: u64,
    /// When the rate was last halved (ms).
    pub throttled_ms: Option<u64>,
    /// Where the fast ramp stops (see [`Pacer`]).
    pub threshold: Option<u32>,
    /// Whether and until when the number is paused.
    pub pause: Pause,
}

/// How long after a halving further 130429s leave the rate alone (ms): the
/// sends in flight when it was halved were granted at the old rate.
pub const THROTTLE_SETTLE_MS: u64 = 1_000;

impl Pacer {
    /// A pacer for a number of `ceiling` messages per second (80 by default,
    /// 20 in coexistence, up to 1,000) using `share_percent` of it (at least 1 per second).
    pub fn new(ceiling: u32, share_percent: u32) -> Self {
        let target = (u64::from(ceiling) * u64::from(share_percent.min(100)) / 100).max(1);
        let target = u32::try_from(target).unwrap_or(u32::MAX);
        Self {
            target,
            rate: target,
            next_us: 0,
            changed_ms: 0,
            throttled_ms: None,
            threshold: None,
            pause: Pause::None,
        }
    }

    /// A pacer from a stored state; rates are kept within 1 ..= target, so a
    /// tampered or zeroed state cannot stop the arithmetic.
    pub fn from_state(state: PacerState) -> Self {
        let target = state.target.max(1);
        Self {
            target,
            rate: state.rate.clamp(1, target),
            next_us: state.next_us,
            changed_ms: state.changed_ms,
            throttled_ms: state.throttled_ms,
            threshold: state.threshold.map(|t| t.clamp(1, target)),
            pause: state.pause,
        }
    }

    /// Its state, to store.
    pub fn state(&self) -> PacerState {
        PacerState {
            target: self.target,
            rate: self.rate,
            next_us: self.next_us,
            changed_ms: self.changed_ms,
            throttled_ms: self.throttled_ms,
            threshold: self.threshold,
            pause: self.pause,
        }
    }

    /// A new throughput (an upgrade, a coexistence number, a lowered limit):
    /// the target follows at once; the rate drops with it, or ramps up to it.
    pub fn set_ceiling(&mut self, ceiling: u32, share_percent: u32) {
        self.target = Self::new(ceiling, share_percent).target;
        self.rate = self.rate.min(self.target);
        // The limit is now known: nothing learned from throttles holds.
        self.threshold = None;
    }

    /// The rate now, in sends per second.
    pub fn rate(&self) -> u32 {
        self.rate
    }

    /// The rate the pacer ramps back to.
    pub fn target(&self) -> u32 {
        self.target
    }

    /// Whether and until when the number is paused.
    pub fn pause(&self) -> Pause {
        self.pause
    }

    /// Up to `count` slots from `now_ms`, none later than `now_ms + horizon_ms`.
    pub fn grant(&mut self, now_ms: u64, count: usize, horizon_ms: u64) -> Grant {
        match self.pause {
            Pause::Halted => return Grant { slots: Vec::new(), retry_at: None },
            Pause::Until(until) if until > now_ms => {
                return Grant { slots: Vec::new(), retry_at: Some(until) }
            }
            _ => self.pause = Pause::None,
        }
        self.ramp(now_ms);
        let spacing = MICROS_PER_SECOND.div_ceil(u64::from(self.rate));
        let horizon_us = now_ms.saturating_add(horizon_ms).saturating_mul(1000);
        let mut slot = self.next_us.max(now_ms.saturating_mul(1000));
        let mut slots = Vec::with_capacity(count.min(1000));
        while slots.len() < count && slot <= horizon_us {
            slots.push(slot.div_ceil(1000));
            slot += spacing;
        }
        self.next_us = slot;
        let retry_at = slots.is_empty().then(|| slot.div_ceil(1000).saturating_sub(horizon_ms));
        Grant { slots, retry_at }
    }

    /// What a send's refusal means for the number (`action` and Meta's code
    /// from [`super::outcome::classify`]).
    pub fn on_refusal(
        &mut self,
        now_ms: u64,
        action: &str,
        meta_code: Option<u32>,
        retry_after_ms: Option<u32>,
    ) {
        let wait = retry_after_ms.map(u64::from);
        match (action, meta_code) {
            (_, Some(131_057)) => self.pause_until(now_ms + wait.unwrap_or(MAINTENANCE_PAUSE_MS)),
            (action::SLOW_DOWN, _) => self.throttled(now_ms, wait),
            (action::RETRY_AFTER, _) => self.pause_until(now_ms + wait.unwrap_or(RATE_LIMIT_PAUSE_MS)),
            (action::PAUSE_NUMBER | action::REFRESH_TOKEN, _) => self.halt(),
            (_, Some(131_031 | 131_042 | 135_000 | 368)) => self.halt(),
            _ => {}
        }
    }

    /// 130429: half the rate now (at least 1 per second), no slot before
    /// `Retry-After`. Once per [`THROTTLE_SETTLE_MS`]: the other sends in
    /// flight were granted at the rate already halved.
    pub fn throttled(&mut self, now_ms: u64, retry_after_ms: Option<u64>) {
        let settled = self.throttled_ms.is_none_or(|at| now_ms >= at.saturating_add(THROTTLE_SETTLE_MS));
        if settled {
            self.threshold = Some((self.rate / 10 * 9).max(1));
            self.rate = (self.rate / 2).max(1);
            self.changed_ms = now_ms;
            self.throttled_ms = Some(now_ms);
        }
        let after = now_ms.saturating_add(retry_after_ms.unwrap_or(0)).saturating_mul(1000);
        self.next_us = self.next_us.max(after);
    }

    /// No slots before `until_ms` (a later pause already set wins).
    pub fn pause_until(&mut self, until_ms: u64) {
        self.pause = match self.pause {
            Pause::Halted => Pause::Halted,
            Pause::Until(other) => Pause::Until(other.max(until_ms)),
            Pause::None => Pause::Until(until_ms),
        };
    }

    /// No slots until [`Pacer::resume`].
    pub fn halt(&mut self) {
        self.pause = Pause::Halted;
    }

    /// Sends again (after a halt or pause), at the rate it had.
    pub fn resume(&mut self) {
        self.pause = Pause::None;
    }

    /// Additive increase per quiet second: a tenth of the target up to the
    /// threshold a throttle left, a hundredth (at least 1) above it.
    fn ramp(&mut self, now_ms: u64) {
        let quiet = now_ms.saturating_sub(self.changed_ms) / 1000;
        if self.rate >= self.target || quiet == 0 {
            if self.rate >= self.target {
                self.changed_ms = now_ms;
            }
            return;
        }
        let (fast, slow) = ((self.target / 10).max(1), (self.target / 100).max(1));
        let threshold = self.threshold.unwrap_or(self.target);
        // At most ~110 rounds: each adds at least a hundredth of the target.
        for _ in 0..quiet {
            self.rate = if self.rate < threshold {
                self.rate.saturating_add(fast).min(threshold)
            } else {
                self.rate.saturating_add(slow)
            }
            .min(self.target);
            if self.rate >= self.target {
                break;
            }
        }
        self.changed_ms += quiet * 1000;
    }
}

#[cfg(test)]
#[path = "pacer_tests.rs"]
mod tests;
