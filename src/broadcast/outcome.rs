//! What one send's answer means for a broadcast: accepted (or held for
//! quality assessment), refused by Meta with the action of its code (the
//! one table, [`crate::api::actions`]), or ambiguous — a timeout, a lost
//! connection, a 5xx without Meta's body — where Meta may have accepted it
//! and the recipient must not be sent again blindly (BROADCAST.md §1.6, §4.2).

use crate::api::actions::{self, action};
use crate::error::code as error_code;
use crate::json::Node;
use crate::webhook::out::Out;

/// The kinds of outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "clients"),
    derive(tsify::Tsify),
    serde(rename_all = "snake_case")
)]
pub enum SendOutcomeClass {
    /// Meta accepted the message (`message_status: "accepted"` or none): delivery comes by webhook.
    Accepted,
    /// Accepted but held for quality assessment (template or portfolio pacing): it may still fail by webhook.
    Held,
    /// Meta answered with an error: nothing was sent; `action` says what to do.
    Rejected,
    /// No answer that proves either way (timeout, network error, unreadable 2xx,
    /// 5xx without Meta's body): Meta may have accepted it. Settle it from its status webhook.
    Ambiguous,
}

/// What an answer or an error means for the recipient it was sent to.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "clients"),
    derive(tsify::Tsify),
    serde(rename_all = "camelCase")
)]
pub struct SendOutcome {
    /// The kind of outcome.
    pub class: SendOutcomeClass,
    /// What to do (`slow_down`, `pause_number`, `do_not_retry`, … as on
    /// thrown errors' `action`); absent when the message was accepted.
    #[cfg_attr(all(target_arch = "wasm32", feature = "clients"), tsify(optional, type = "ErrorAction"))]
    pub action: Option<&'static str>,
    /// Meta's error code, when there is one.
    #[cfg_attr(all(target_arch = "wasm32", feature = "clients"), tsify(optional))]
    pub meta_code: Option<u32>,
    /// How long to wait, when the answer said (`Retry-After`).
    #[cfg_attr(all(target_arch = "wasm32", feature = "clients"), tsify(optional))]
    pub retry_after_ms: Option<u32>,
    /// The accepted message's id (`wamid.…`).
    #[cfg_attr(all(target_arch = "wasm32", feature = "clients"), tsify(optional))]
    pub wamid: Option<String>,
}

impl SendOutcomeClass {
    /// Its name in JavaScript.
    pub fn name(self) -> &'static str {
        match self {
            SendOutcomeClass::Accepted => "accepted",
            SendOutcomeClass::Held => "held",
            SendOutcomeClass::Rejected => "rejected",
            SendOutcomeClass::Ambiguous => "ambiguous",
        }
    }
}

impl SendOutcome {
    /// As a JSON object (`class`, then the fields present, camelCase).
    pub fn to_json(&self) -> String {
        let mut out = Out::new("");
        out.open();
        out.str("class", self.class.name());
        if let Some(action) = self.action {
            out.str("action", action);
        }
        for (name, value) in [("metaCode", self.meta_code), ("retryAfterMs", self.retry_after_ms)] {
            if let Some(value) = value {
                out.key(name);
                out.number(value);
            }
        }
        if let Some(wamid) = &self.wamid {
            out.str("wamid", wamid);
        }
        out.close();
        out.finish()
    }

    fn of(class: SendOutcomeClass, action: Option<&'static str>) -> Self {
        Self { class, action, meta_code: None, retry_after_ms: None, wamid: None }
    }
}

/// Classifies a send's answer (`{ messages: [{ id, message_status }] }`),
/// an error the clients threw (`{ code, status?, metaCode?, retryAfterMs? }`)
/// or a Graph error body (`{ error: { code } }`, optionally with `status`).
/// Anything else cannot prove Meta refused the message, so it is ambiguous.
pub fn classify(answer: &Node<'_>) -> SendOutcome {
    if let Some(message) = answer.get("messages").and_then(Node::items).and_then(<[Node<'_>]>::first) {
        if let Some(id) = message.get("id").and_then(Node::as_str) {
            let held =
                message.get("message_status").and_then(Node::as_str) == Some("held_for_quality_assessment");
            let class = if held { SendOutcomeClass::Held } else { SendOutcomeClass::Accepted };
            return SendOutcome { wamid: Some(id.to_owned()), ..SendOutcome::of(class, None) };
        }
    }
    let status = whole(answer.get("status")).and_then(|s| u16::try_from(s).ok());
    let retry_after_ms = whole(answer.get("retryAfterMs"));
    let graph = answer.get("error");
    let meta_code =
        whole(answer.get("metaCode")).or_else(|| whole(graph.and_then(|error| error.get("code"))));
    let thrown = answer.get("code").and_then(Node::as_str);
    let refused = |action| SendOutcome {
        meta_code,
        retry_after_ms,
        ..SendOutcome::of(SendOutcomeClass::Rejected, Some(action))
    };
    match (thrown, status, meta_code) {
        // Misuse found before any request: nothing left.
        (
            Some(error_code::INVALID_ARGUMENT | error_code::VALIDATION_FAILED | error_code::BODY_TOO_LARGE),
            _,
            _,
        ) => refused(action::FIX_REQUEST),
        (_, _, Some(meta)) => refused(
            actions::for_meta_code(meta)
                .unwrap_or_else(|| status.map_or(action::DO_NOT_RETRY, actions::for_status)),
        ),
        // A 5xx without Meta's body may come from a proxy after Meta accepted.
        (_, Some(status), None)
            if !(500..=599).contains(&status) && thrown != Some(error_code::INVALID_RESPONSE) =>
        {
            refused(actions::for_status(status))
        }
        _ => SendOutcome {
            retry_after_ms,
            ..SendOutcome::of(SendOutcomeClass::Ambiguous, Some(action::RETRY))
        },
    }
}

/// A whole number ≥ 0 that fits `u32`.
fn whole(node: Option<&Node<'_>>) -> Option<u32> {
    node?.as_f64().filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n <= f64::from(u32::MAX)).map(|n| n as u32)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn of(text: &str) -> SendOutcome {
        classify(&crate::json::parse(text).unwrap())
    }

    #[test]
    fn accepted_and_held_answers_carry_the_wamid() {
        let ok = of(
            r#"{"messaging_product":"whatsapp","contacts":[{"input":"+1","wa_id":"1"}],"messages":[{"id":"wamid.A","message_status":"accepted"}]}"#,
        );
        assert_eq!(
            (ok.class, ok.wamid.as_deref(), ok.action),
            (SendOutcomeClass::Accepted, Some("wamid.A"), None)
        );
        let held = of(r#"{"messages":[{"id":"wamid.B","message_status":"held_for_quality_assessment"}]}"#);
        assert_eq!(held.class, SendOutcomeClass::Held);
        assert_eq!(held.to_json(), r#"{"class":"held","wamid":"wamid.B"}"#);
        let throttled = of(r#"{"metaCode":130429,"retryAfterMs":2000}"#);
        assert_eq!(
            throttled.to_json(),
            r#"{"class":"rejected","action":"slow_down","metaCode":130429,"retryAfterMs":2000}"#
        );
    }

    #[test]
    fn meta_codes_take_the_action_of_the_table() {
        for (text, action, code) in [
            (
                r#"{"code":"api_error","status":400,"metaCode":130429,"retryAfterMs":2000}"#,
                "slow_down",
                130_429,
            ),
            (r#"{"code":"api_error","status":400,"metaCode":131056}"#, "retry_recipient_later", 131_056),
            (r#"{"code":"api_error","status":400,"metaCode":131048}"#, "pause_number", 131_048),
            (r#"{"code":"api_error","status":400,"metaCode":131049}"#, "do_not_retry_24h", 131_049),
            (r#"{"code":"api_error","status":400,"metaCode":131026}"#, "do_not_retry", 131_026),
            (r#"{"code":"api_error","status":401,"metaCode":190}"#, "refresh_token", 190),
            (
                r#"{"error":{"message":"(#132000) Number of parameters","code":132000}}"#,
                "fix_request",
                132_000,
            ),
            (r#"{"status":503,"error":{"code":131016}}"#, "retry", 131_016),
        ] {
            let outcome = of(text);
            assert_eq!(
                (outcome.class, outcome.action, outcome.meta_code),
                (SendOutcomeClass::Rejected, Some(action), Some(code))
            );
        }
        assert_eq!(of(r#"{"metaCode":130429,"retryAfterMs":2000}"#).retry_after_ms, Some(2000));
    }

    #[test]
    fn lost_answers_are_ambiguous_and_local_misuse_sent_nothing() {
        for text in [
            r#"{"code":"timeout"}"#,
            r#"{"code":"network_error"}"#,
            r#"{"code":"invalid_response","status":200}"#,
            r#"{"code":"api_error","status":502}"#,
            r#"{}"#,
            r#""socket hang up""#,
        ] {
            assert_eq!(of(text).class, SendOutcomeClass::Ambiguous, "{text}");
        }
        let misuse = of(r#"{"code":"validation_failed","issues":[]}"#);
        assert_eq!((misuse.class, misuse.action), (SendOutcomeClass::Rejected, Some("fix_request")));
        let throttled = of(r#"{"code":"api_error","status":429}"#);
        assert_eq!((throttled.class, throttled.action), (SendOutcomeClass::Rejected, Some("retry_after")));
    }
}
