//! `BroadcastPacer`, `applyRecipientEvent` and `recipientEventAfterSend`
//! (cargo feature `clients`): the pacer and the recipient ledger of
//! [`crate::broadcast`] for the `BroadcastSender` Durable Object of
//! `whatsapp-edge/cloudflare`, so its logic is the Rust core's and not a
//! second copy. States cross as plain objects, which the object stores (its
//! SQLite rows, its pacer's JSON) and hands back after a restart.

use super::object::{field, set};
use super::options::{self, js_options, Js};
use crate::api::actions::action;
use crate::broadcast::ledger::{Event, State};
use crate::broadcast::outcome::{SendOutcome, SendOutcomeClass};
use crate::broadcast::pacer::{self, Pacer, PacerState, Pause};
use crate::Error;
use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;

const PACER: &str = "BroadcastPacer";
/// The actions a refusal can carry (the one table's names).
const ACTIONS: [&str; 9] = [
    action::RETRY,
    action::RETRY_AFTER,
    action::SLOW_DOWN,
    action::RETRY_RECIPIENT_LATER,
    action::PAUSE_NUMBER,
    action::DO_NOT_RETRY_24H,
    action::DO_NOT_RETRY,
    action::REFRESH_TOKEN,
    action::FIX_REQUEST,
];

js_options! {
    /// Settings of a BroadcastPacer.
    pub struct BroadcastPacerOptions {
        /// The number's throughput in messages per second: 80 by default, 20
        /// for a number also on the WhatsApp Business app, up to 1,000.
        #[tsify(optional)]
        ceiling "ceiling": Option<u32>,
        /// The share of it a broadcast uses, in percent (default 90:
        /// throughput counts inbound messages too).
        #[tsify(optional)]
        share_percent "sharePercent": Option<u32>,
    }
}

/// A pacer's state, to store and give back to `BroadcastPacer.restore`.
#[derive(tsify::Tsify)]
#[serde(rename_all = "camelCase")]
#[expect(dead_code, reason = "declares the object state() builds")]
pub struct BroadcastPacerState {
    /// The rate it ramps back to (sends per second).
    target: u32,
    /// The rate now.
    rate: u32,
    /// The earliest free slot, in microseconds since 1970.
    next_us: u64,
    /// When the rate last changed (ms).
    changed_ms: u64,
    /// When it was last halved (ms), or null.
    throttled_ms: Option<u64>,
    /// Where its fast ramp stops: nine tenths of the rate the last 130429
    /// came at (null until one, and after `setCeiling`).
    threshold: Option<u32>,
    /// No slots before this time (ms), or null.
    paused_until: Option<u64>,
    /// No slots until `resume()` (spam limit, token, account block).
    halted: bool,
}

/// What `grant` gives.
#[derive(tsify::Tsify)]
#[serde(rename_all = "camelCase")]
#[expect(dead_code, reason = "declares the object grant() builds")]
pub struct PacerGrant {
    /// The times (ms since 1970) at which the granted sends may start, in order.
    slots: Vec<u64>,
    /// When none were granted within the horizon: when to ask again (ms).
    #[tsify(optional)]
    retry_at: Option<u64>,
    /// The number is halted until `resume()`.
    halted: bool,
}

/// The token bucket of one business phone number, as time slots: sends
/// spaced so that no 1-second window holds more than its rate (90 % of the
/// number's throughput by default); a 130429 halves the rate (once per
/// second) and quiet seconds ramp it back; 131057 pauses the number a
/// minute; 131048, 190 and account blocks halt it until `resume()`. Time is
/// passed in (ms since 1970). Keep `state()` and `restore` it after a
/// restart: one pacer per number, wherever its sends are decided (the
/// `BroadcastSender` Durable Object of `whatsapp-edge/cloudflare`).
///
/// @example
/// ```ts
/// const pacer = new BroadcastPacer({ ceiling: 80 });
/// const { slots } = pacer.grant(Date.now(), 50, 30_000); // 50 start times, 1/72 s apart
/// pacer.observe(Date.now(), classifySendOutcome({ code: "api_error", status: 400, metaCode: 130429 }));
/// console.log(pacer.rate); // 36
/// const stored = JSON.stringify(pacer.state());
/// const again = BroadcastPacer.restore(JSON.parse(stored));
/// ```
#[wasm_bindgen]
pub struct BroadcastPacer {
    pacer: Pacer,
}

#[wasm_bindgen]
impl BroadcastPacer {
    /// A pacer at `sharePercent` (90) of `ceiling` (80) messages per second.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Option<Js<BroadcastPacerOptions>>) -> Result<BroadcastPacer, JsValue> {
        let BroadcastPacerOptions { ceiling, share_percent } = options::optional(options, PACER)?;
        Ok(BroadcastPacer { pacer: Pacer::new(ceiling_of(ceiling)?, share_of(share_percent)) })
    }

    /// The pacer a `state()` was taken from (rates kept within 1 ..= target).
    pub fn restore(state: Js<BroadcastPacerState>) -> Result<BroadcastPacer, JsValue> {
        // Read field by field: serde's deserializer would add ~100 KB of .wasm.
        let state: JsValue = state.into();
        let misuse =
            || Error::invalid_argument(format!("{PACER}.restore: state must be what state() returned"));
        let (Some(target), Some(rate)) = (whole(&state, "target"), whole(&state, "rate")) else {
            return Err(misuse().into());
        };
        let pause = match (field(&state, "halted").and_then(|h| h.as_bool()), whole(&state, "pausedUntil")) {
            (Some(true), _) => Pause::Halted,
            (_, Some(until)) => Pause::Until(until),
            _ => Pause::None,
        };
        Ok(BroadcastPacer {
            pacer: Pacer::from_state(PacerState {
                target: u32::try_from(target).map_err(|_| misuse())?,
                rate: u32::try_from(rate).map_err(|_| misuse())?,
                next_us: whole(&state, "nextUs").unwrap_or(0),
                changed_ms: whole(&state, "changedMs").unwrap_or(0),
                throttled_ms: whole(&state, "throttledMs"),
                threshold: whole(&state, "threshold").and_then(|t| u32::try_from(t).ok()),
                pause,
            }),
        })
    }

    /// Its whole state, a plain object to store (JSON-safe).
    #[wasm_bindgen(unchecked_return_type = "BroadcastPacerState")]
    pub fn state(&self) -> JsValue {
        let state = self.pacer.state();
        let (halted, paused_until) = match state.pause {
            Pause::Halted => (true, None),
            Pause::Until(until) => (false, Some(until)),
            Pause::None => (false, None),
        };
        // Built by hand, as every result here: serde's serializer for these
        // few shapes cost more .wasm than the pacer and the ledger together.
        object(&[
            ("target", Some(state.target.into())),
            ("rate", Some(state.rate.into())),
            ("nextUs", Some(number(state.next_us))),
            ("changedMs", Some(number(state.changed_ms))),
            ("throttledMs", Some(state.throttled_ms.map_or(JsValue::NULL, number))),
            ("threshold", Some(state.threshold.map_or(JsValue::NULL, JsValue::from))),
            ("pausedUntil", Some(paused_until.map_or(JsValue::NULL, number))),
            ("halted", Some(halted.into())),
        ])
    }

    /// Up to `count` send times from `nowMs`, none later than `nowMs + horizonMs`;
    /// with none, `retryAt` says when to ask again (absent when halted).
    #[wasm_bindgen(unchecked_return_type = "PacerGrant")]
    pub fn grant(
        &mut self,
        #[wasm_bindgen(js_name = nowMs)] now_ms: f64,
        count: u32,
        #[wasm_bindgen(js_name = horizonMs)] horizon_ms: f64,
    ) -> Result<JsValue, JsValue> {
        let (now, horizon) = (millis(now_ms, "grant", "nowMs")?, millis(horizon_ms, "grant", "horizonMs")?);
        let grant = self.pacer.grant(now, count as usize, horizon);
        let halted = self.pacer.pause() == Pause::Halted;
        let slots: Array = grant.slots.into_iter().map(number).collect();
        Ok(object(&[
            ("slots", Some(slots.into())),
            ("retryAt", grant.retry_at.map(number)),
            ("halted", Some(halted.into())),
        ]))
    }

    /// What a send's outcome (`classifySendOutcome`'s) means for the number:
    /// 130429 slows it, 131057 pauses it, 131048 / 190 / blocks halt it;
    /// accepted sends and a recipient's own refusals change nothing.
    pub fn observe(
        &mut self,
        #[wasm_bindgen(js_name = nowMs)] now_ms: f64,
        #[wasm_bindgen(unchecked_param_type = "SendOutcome")] outcome: JsValue,
    ) -> Result<(), JsValue> {
        let now = millis(now_ms, "observe", "nowMs")?;
        let outcome = outcome_of(&outcome, "observe")?;
        if outcome.class == SendOutcomeClass::Rejected {
            let action = outcome.action.unwrap_or(action::DO_NOT_RETRY);
            self.pacer.on_refusal(now, action, outcome.meta_code, outcome.retry_after_ms);
        }
        Ok(())
    }

    /// A new throughput (after an upgrade, or a lower limit): the target
    /// follows at once, the rate drops with it or ramps up to it.
    #[wasm_bindgen(js_name = setCeiling)]
    pub fn set_ceiling(
        &mut self,
        ceiling: u32,
        #[wasm_bindgen(js_name = sharePercent)] share_percent: Option<u32>,
    ) -> Result<(), JsValue> {
        self.pacer.set_ceiling(ceiling_of(Some(ceiling))?, share_of(share_percent));
        Ok(())
    }

    /// No slots before `untilMs` (a later pause already set wins).
    #[wasm_bindgen(js_name = pauseUntil)]
    pub fn pause_until(&mut self, #[wasm_bindgen(js_name = untilMs)] until_ms: f64) -> Result<(), JsValue> {
        self.pacer.pause_until(millis(until_ms, "pauseUntil", "untilMs")?);
        Ok(())
    }

    /// No slots until `resume()`.
    pub fn halt(&mut self) {
        self.pacer.halt();
    }

    /// Grants again after a pause or a halt, at the rate it had.
    pub fn resume(&mut self) {
        self.pacer.resume();
    }

    /// The rate now, in sends per second.
    #[wasm_bindgen(getter)]
    pub fn rate(&self) -> u32 {
        self.pacer.rate()
    }

    /// The rate it ramps back to.
    #[wasm_bindgen(getter)]
    pub fn target(&self) -> u32 {
        self.pacer.target()
    }
}

/// The state of a broadcast recipient after an event: the ledger's one
/// transition function (BROADCAST.md §4.2). Forward only: a duplicate queue
/// delivery, a late answer or an out-of-order webhook leaves the state as
/// it is, so the result equals the input when the event is stale. A send
/// goes claimed (a time slot, leased) → sending (written before the request
/// leaves) → accepted → sent → delivered → read, or deferred, failed, or
/// unknown (the answer was lost: never resent unless `resendUnknown`).
///
/// @example
/// ```ts
/// import { applyRecipientEvent, type RecipientState } from "whatsapp-edge";
/// let state: RecipientState = { state: "pending" };
/// state = applyRecipientEvent(state, { type: "claim", now: 1000, until: 31000, resendUnknown: false });
/// state = applyRecipientEvent(state, { type: "begin", now: 2000, until: 40000 });
/// state = applyRecipientEvent(state, { type: "expire", now: 40000 }); // { state: "unknown" }
/// state = applyRecipientEvent(state, { type: "delivered" }); // a webhook settles it
/// ```
#[wasm_bindgen(js_name = applyRecipientEvent, unchecked_return_type = "RecipientState")]
pub fn apply_recipient_event(
    #[wasm_bindgen(unchecked_param_type = "RecipientState")] state: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RecipientEvent")] event: JsValue,
) -> Result<JsValue, JsValue> {
    const NAME: &str = "applyRecipientEvent";
    let state = state_of(&state)
        .ok_or_else(|| Error::invalid_argument(format!("{NAME}: state must be a RecipientState")))?;
    let event = event_of(&event)
        .ok_or_else(|| Error::invalid_argument(format!("{NAME}: event must be a RecipientEvent")))?;
    Ok(state_js(state.apply(event)))
}

/// A `RecipientState` object as the core's (field by field, as `restore`).
fn state_of(value: &JsValue) -> Option<State> {
    let at = |key| whole(value, key);
    Some(match field(value, "state")?.as_string()?.as_str() {
        "pending" => State::Pending,
        "claimed" => State::Claimed { until: at("until")? },
        "sending" => State::Sending { until: at("until")? },
        "deferred" => State::Deferred { not_before: at("notBefore")? },
        "unknown" => State::Unknown,
        "accepted" => State::Accepted { held: flag(value, "held") },
        "sent" => State::Sent,
        "delivered" => State::Delivered,
        "read" => State::Read,
        "failed" => State::Failed { code: u32::try_from(whole(value, "code").unwrap_or(0)).ok()? },
        _ => return None,
    })
}

/// A `RecipientEvent` object as the core's.
fn event_of(value: &JsValue) -> Option<Event> {
    let at = |key| whole(value, key);
    Some(match field(value, "type")?.as_string()?.as_str() {
        "claim" => Event::Claim {
            now: at("now")?,
            until: at("until")?,
            resend_unknown: flag(value, "resendUnknown"),
        },
        "begin" => Event::Begin { now: at("now")?, until: at("until")? },
        "release" => Event::Release,
        "dead_letter" => Event::DeadLetter,
        "accepted" => Event::Accepted { held: flag(value, "held") },
        "ambiguous" => Event::Ambiguous,
        "defer" => Event::Defer { not_before: at("notBefore")? },
        "failed" => Event::Failed { code: u32::try_from(whole(value, "code").unwrap_or(0)).ok()? },
        "sent" => Event::Sent,
        "delivered" => Event::Delivered,
        "read" => Event::Read,
        "expire" => Event::Expire { now: at("now")? },
        _ => return None,
    })
}

/// JavaScript's `Number.MAX_SAFE_INTEGER`: times and counts above it lose precision.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// `value[key]` as a whole number ≥ 0 within 2^53 (times in ms or µs, codes).
fn whole(value: &JsValue, key: &str) -> Option<u64> {
    let safe = |n: &f64| n.fract() == 0.0 && (0.0..=MAX_SAFE_INTEGER).contains(n);
    field(value, key)?.as_f64().filter(safe).map(|n| n as u64)
}

fn flag(value: &JsValue, key: &str) -> bool {
    field(value, key).and_then(|flag| flag.as_bool()).unwrap_or(false)
}

/// The ledger event a send's outcome (`classifySendOutcome`'s) makes, on
/// the recipient's `attempts`-th send (1 for the first): accepted (held or
/// not), ambiguous, deferred (throttled or paused number; pair limit by
/// 4^(attempts-1) s; transient errors by 2^attempts s, failed after 5), or
/// failed with Meta's code (0 without one).
///
/// @example
/// ```ts
/// const outcome = classifySendOutcome({ code: "api_error", status: 400, metaCode: 131056 });
/// const event = recipientEventAfterSend(outcome, Date.now(), 1); // { type: "defer", notBefore: now + 1000 }
/// ```
#[wasm_bindgen(js_name = recipientEventAfterSend, unchecked_return_type = "RecipientEvent")]
pub fn recipient_event_after_send(
    #[wasm_bindgen(unchecked_param_type = "SendOutcome")] outcome: JsValue,
    #[wasm_bindgen(js_name = nowMs)] now_ms: f64,
    attempts: u32,
) -> Result<JsValue, JsValue> {
    const NAME: &str = "recipientEventAfterSend";
    let outcome = outcome_of(&outcome, NAME)?;
    Ok(event_js(Event::after_send(&outcome, millis(now_ms, NAME, "nowMs")?, attempts)))
}

/// A plain object of the fields given (`None`: left out).
fn object(fields: &[(&str, Option<JsValue>)]) -> JsValue {
    let object: JsValue = Object::new().into();
    for (key, value) in fields {
        if let Some(value) = value {
            set(&object, key, value);
        }
    }
    object
}

/// A time or count as a JavaScript number (below 2^53: times in ms or µs).
fn number(value: u64) -> JsValue {
    JsValue::from_f64(value as f64)
}

/// A `RecipientState` object (`state` and its field).
fn state_js(state: State) -> JsValue {
    let (name, field) = match state {
        State::Pending => ("pending", None),
        State::Claimed { until } => ("claimed", Some(("until", number(until)))),
        State::Sending { until } => ("sending", Some(("until", number(until)))),
        State::Deferred { not_before } => ("deferred", Some(("notBefore", number(not_before)))),
        State::Unknown => ("unknown", None),
        State::Accepted { held } => ("accepted", Some(("held", held.into()))),
        State::Sent => ("sent", None),
        State::Delivered => ("delivered", None),
        State::Read => ("read", None),
        State::Failed { code } => ("failed", Some(("code", code.into()))),
    };
    object(&[
        ("state", Some(JsValue::from_str(name))),
        field.map_or(("", None), |(key, value)| (key, Some(value))),
    ])
}

/// A `RecipientEvent` object (`type` and its fields).
fn event_js(event: Event) -> JsValue {
    let (name, fields): (&str, [(&str, Option<JsValue>); 3]) = match event {
        Event::Claim { now, until, resend_unknown } => (
            "claim",
            [
                ("now", Some(number(now))),
                ("until", Some(number(until))),
                ("resendUnknown", Some(resend_unknown.into())),
            ],
        ),
        Event::Begin { now, until } => {
            ("begin", [("now", Some(number(now))), ("until", Some(number(until))), ("", None)])
        }
        Event::Expire { now } => ("expire", [("now", Some(number(now))), ("", None), ("", None)]),
        Event::Accepted { held } => ("accepted", [("held", Some(held.into())), ("", None), ("", None)]),
        Event::Defer { not_before } => {
            ("defer", [("notBefore", Some(number(not_before))), ("", None), ("", None)])
        }
        Event::Failed { code } => ("failed", [("code", Some(code.into())), ("", None), ("", None)]),
        Event::Ambiguous => ("ambiguous", [("", None), ("", None), ("", None)]),
        Event::Release => ("release", [("", None), ("", None), ("", None)]),
        Event::DeadLetter => ("dead_letter", [("", None), ("", None), ("", None)]),
        Event::Sent => ("sent", [("", None), ("", None), ("", None)]),
        Event::Delivered => ("delivered", [("", None), ("", None), ("", None)]),
        Event::Read => ("read", [("", None), ("", None), ("", None)]),
    };
    let [first, second, third] = fields;
    object(&[("type", Some(JsValue::from_str(name))), first, second, third])
}

/// A `SendOutcome` object back as the core's (its `class`, `action`, codes).
fn outcome_of(value: &JsValue, function: &str) -> Result<SendOutcome, Error> {
    let misuse = || Error::invalid_argument(format!("{function}: outcome must be a SendOutcome"));
    let class = match field(value, "class").and_then(|class| class.as_string()).as_deref() {
        Some("accepted") => SendOutcomeClass::Accepted,
        Some("held") => SendOutcomeClass::Held,
        Some("rejected") => SendOutcomeClass::Rejected,
        Some("ambiguous") => SendOutcomeClass::Ambiguous,
        _ => return Err(misuse()),
    };
    let action = match field(value, "action").map(|action| action.as_string()) {
        None => None,
        Some(name) => {
            Some(ACTIONS.into_iter().find(|known| name.as_deref() == Some(known)).ok_or_else(misuse)?)
        }
    };
    let small = |key| whole(value, key).and_then(|n| u32::try_from(n).ok());
    Ok(SendOutcome {
        class,
        action,
        meta_code: small("metaCode"),
        retry_after_ms: small("retryAfterMs"),
        wamid: field(value, "wamid").and_then(|wamid| wamid.as_string()),
    })
}

/// A time in ms (a whole number ≥ 0, at most 2^53).
fn millis(value: f64, function: &str, name: &str) -> Result<u64, Error> {
    if (0.0..=MAX_SAFE_INTEGER).contains(&value) {
        Ok(value.floor() as u64)
    } else {
        Err(Error::invalid_argument(format!("{function}: {name} must be a time in ms (a number ≥ 0)")))
    }
}

fn ceiling_of(ceiling: Option<u32>) -> Result<u32, Error> {
    match ceiling.unwrap_or(80) {
        0 => Err(Error::invalid_argument(format!("{PACER}: ceiling must be at least 1"))),
        ceiling => Ok(ceiling),
    }
}

fn share_of(share_percent: Option<u32>) -> u32 {
    share_percent.unwrap_or(pacer::DEFAULT_SHARE_PERCENT).clamp(1, 100)
}
