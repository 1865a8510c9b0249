//! The Marketing Messages API (MM API for WhatsApp): where a send goes —
//! MARKETING template sends to POST `/<PHONE_NUMBER_ID>/marketing_messages`,
//! everything else to `/messages` (Meta's "Route template messages" page,
//! META-2026.md §1.4) — and the checks of a send made there.
//!
//! The one per-send field Meta's MM API pages document is
//! `message_activity_sharing`, a boolean that overrides the account's
//! "share event activity" setting for that message (Meta's MM API
//! onboarding page, "Configure via API":
//! https://developers.facebook.com/documentation/business-messaging/whatsapp/marketing-messages/onboarding/).
//! The per-message max-price multiplier (META-2026.md §1.4) is named by no
//! Meta page this package has read, so it is not checked: like any member
//! the validator does not know, it is sent as given (an `unknown_key` warning).

use super::Cloud;
use crate::api::Request;
use crate::json::{Node, Value};
use crate::report::Issue;
use crate::Error;

/// Issue codes of sends through the Marketing Messages API (`marketing.*`).
pub mod code {
    /// `sendMarketingMessage` with a message that is not a template message.
    pub const NOT_TEMPLATE: &str = "marketing.not_template";
    /// `sendMarketingMessage` with a template whose definition is not MARKETING.
    pub const NOT_MARKETING: &str = "marketing.not_marketing";
    /// `message_activity_sharing` that is not a boolean.
    pub const ACTIVITY_SHARING: &str = "marketing.activity_sharing_invalid";
}

/// Where a message send goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// Always `/messages`.
    Messages,
    /// A template whose definition is known to be MARKETING to
    /// `/marketing_messages`, anything else to `/messages` (`routeMarketing: true`).
    ByCategory,
    /// Always `/marketing_messages`, after [`check_marketing`] (`sendMarketingMessage`).
    Marketing,
}

/// The `category` of a template definition (JSON text), if it names one.
pub fn category_of(definition: &str) -> Option<String> {
    let definition = crate::json::parse(definition).ok()?;
    definition.get("category")?.as_str().map(str::to_owned)
}

/// Checks a send through the Marketing Messages API: a template message
/// (`marketing.not_template` at `/type`), a MARKETING template when the
/// definition's `category` is known (`marketing.not_marketing` at
/// `/template`), and `message_activity_sharing`, when given, a boolean
/// (`marketing.activity_sharing_invalid`).
pub fn check_marketing(message: &Node, category: Option<&str>) -> Result<(), Error> {
    let mut issues = Vec::new();
    let kind = message.get("type").and_then(Node::as_str);
    if kind != Some("template") {
        let message = "the Marketing Messages API sends template messages only (type \"template\")";
        issues.push(Issue::error(code::NOT_TEMPLATE, "/type", message));
    }
    if let Some(category) = category.filter(|c| *c != "MARKETING") {
        let message = format!(
            "the Marketing Messages API sends MARKETING templates; this one is {}: send it with sendMessage",
            crate::text::quoted(category)
        );
        issues.push(Issue::error(code::NOT_MARKETING, "/template", message));
    }
    if let Some(sharing) = message.get("message_activity_sharing") {
        if !matches!(sharing.value, Value::Bool(_)) {
            let message =
                "message_activity_sharing is true or false (share this message's events with Meta or not)";
            issues.push(Issue::error(code::ACTIVITY_SHARING, "/message_activity_sharing", message));
        }
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(Error::validation_failed(issues))
    }
}

impl Cloud {
    /// The POST of a send whose `body` passed the message checks (and its
    /// definition's, when known), to `/marketing_messages` or `/messages`
    /// as `route` says; `category` is the template definition's, when known.
    pub fn routed_send(
        &self,
        body: String,
        message: &Node,
        category: Option<&str>,
        route: Route,
    ) -> Result<Request, Error> {
        let marketing = match route {
            Route::Messages => false,
            Route::ByCategory => category == Some("MARKETING"),
            Route::Marketing => true,
        };
        if marketing {
            check_marketing(message, category)?;
        }
        let path = if marketing { "marketing_messages" } else { "messages" };
        Ok(Request::post(self.url(&format!("{}/{path}", self.phone()?)), Some(body), false))
    }
}

#[cfg(test)]
mod tests {
    use super::super::example as cloud;
    use super::*;
    use crate::json::parse;

    const SEND: &str = r#"{"messaging_product":"whatsapp","to":"+14155552671","type":"template","template":{"name":"spring_sale","language":{"code":"en_US"}},"message_activity_sharing":false}"#;

    fn path(request: Result<Request, Error>) -> String {
        request
            .map(|r| r.url)
            .unwrap_or_else(|e| e.issues.iter().map(|i| format!("{} {}", i.code, i.path)).collect())
    }

    #[test]
    fn marketing_templates_go_to_marketing_messages_when_asked() {
        let node = parse(SEND).unwrap();
        let send = |category, route| path(cloud().routed_send(SEND.into(), &node, category, route));
        let base = "https://graph.example/v23.0/106540352242922";
        assert_eq!(send(Some("MARKETING"), Route::ByCategory), format!("{base}/marketing_messages"));
        assert_eq!(send(Some("UTILITY"), Route::ByCategory), format!("{base}/messages"));
        assert_eq!(send(None, Route::ByCategory), format!("{base}/messages"), "unknown: /messages");
        assert_eq!(send(Some("MARKETING"), Route::Messages), format!("{base}/messages"));
        assert_eq!(send(None, Route::Marketing), format!("{base}/marketing_messages"));
        assert_eq!(send(Some("MARKETING"), Route::Marketing), format!("{base}/marketing_messages"));
        let request = cloud().routed_send(SEND.into(), &node, None, Route::Marketing).unwrap();
        assert_eq!(
            (request.method, request.body.as_deref(), request.idempotent),
            ("POST", Some(SEND), false)
        );
    }

    #[test]
    fn other_categories_other_types_and_bad_options_are_refused_with_their_codes() {
        let node = parse(SEND).unwrap();
        assert_eq!(
            path(cloud().routed_send(SEND.into(), &node, Some("UTILITY"), Route::Marketing)),
            "marketing.not_marketing /template"
        );
        let text = r#"{"messaging_product":"whatsapp","to":"+14155552671","type":"text","text":{"body":"hi"},"message_activity_sharing":"yes"}"#;
        let error = check_marketing(&parse(text).unwrap(), None).unwrap_err();
        let found: Vec<(&str, &str)> = error.issues.iter().map(|i| (i.code, i.path.as_str())).collect();
        assert_eq!(
            found,
            [(code::NOT_TEMPLATE, "/type"), (code::ACTIVITY_SHARING, "/message_activity_sharing")]
        );
        assert_eq!(error.code, crate::error::code::VALIDATION_FAILED);
    }

    #[test]
    fn categories_are_read_from_definitions() {
        assert_eq!(category_of(r#"{"name":"x","category":"MARKETING"}"#).as_deref(), Some("MARKETING"));
        assert_eq!(category_of(r#"{"name":"x"}"#), None);
        assert_eq!(category_of("not json"), None);
    }
}
