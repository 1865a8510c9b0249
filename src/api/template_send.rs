//! The one template-send input every messaging client takes (`sendTemplate(to,
//! template, { definition? })`): a recipient and Meta's `template` object,
//! checked once — the number per country, the template as a Cloud API
//! message, and against its definition when given — so a caller can switch
//! provider without rewriting, and each provider only maps it to its body.

use super::parse_document;
use crate::report::Issue;
use crate::Error;

/// A template send that passed every local check.
pub struct TemplateSend {
    /// The recipient in +E.164.
    pub to: String,
    /// The whole Cloud API message (`{messaging_product, to, type: "template",
    /// template}`) as JSON text: the Cloud API's body, and what providers map from.
    pub message: String,
    /// The definition's `category` (MARKETING, …), when a definition was given.
    pub category: Option<String>,
}

impl TemplateSend {
    /// The Cloud API message, parsed (a provider maps its `template` node).
    pub fn parsed(&self) -> Result<crate::json::Node<'_>, Error> {
        parse_document(&self.message)
    }

    /// The send with `biz_opaque_callback_data` (echoed in its status
    /// webhooks): at most 512 characters (BROADCAST.md §1.5, the limit
    /// `validateMessage` applies), else `message.text_too_long` at
    /// `/biz_opaque_callback_data`.
    pub fn with_callback_data(self, data: &str) -> Result<Self, Error> {
        let length = crate::check::char_len(data);
        if length > CALLBACK_DATA_MAX {
            let message =
                format!("biz_opaque_callback_data is {length} characters; the limit is {CALLBACK_DATA_MAX}");
            let issue =
                Issue::error(crate::message::code::TEXT_TOO_LONG, "/biz_opaque_callback_data", message);
            return Err(Error::validation_failed(vec![issue]));
        }
        let mut message = self.message.trim_end().strip_suffix('}').unwrap_or_default().to_owned();
        message.push_str(r#","biz_opaque_callback_data":"#);
        crate::json::write_string(&mut message, data);
        message.push('}');
        Ok(Self { message, ..self })
    }
}

/// The most characters of `biz_opaque_callback_data`.
const CALLBACK_DATA_MAX: usize = 512;

/// Checks `to` (a phone number; digits alone count as international) and
/// `template` (Meta's template object as JSON text), and `template` against
/// `definition` (a template definition as JSON text) when one is given.
pub fn prepare(to: &str, template: &str, definition: Option<&str>) -> Result<TemplateSend, Error> {
    if let Some(definition) = definition {
        refuse_auth_to_bsuid(to, template, definition)?;
    }
    let to = recipient(to)?;
    parse_document(template)?;
    let message = format!(
        r#"{{"messaging_product":"whatsapp","recipient_type":"individual","to":"{to}","type":"template","template":{template}}}"#
    );
    let node = parse_document(&message)?;
    let report = crate::message::validate_message(&node, None);
    if !report.ok {
        return Err(Error::validation_failed(report.errors));
    }
    if let Some(definition) = definition {
        super::cloud::check_template_send(definition, &node)?;
    }
    let category = definition.and_then(super::cloud::category_of);
    Ok(TemplateSend { to, message, category })
}

/// A business-scoped user id as `to` with an authentication template fails
/// as `template_send.auth_to_bsuid` at `/to` (Meta 131062), the same check
/// `validateTemplateSend` makes on a message's `recipient`; any other `to`
/// goes on to the phone-number check.
fn refuse_auth_to_bsuid(to: &str, template: &str, definition: &str) -> Result<(), Error> {
    let to = to.trim();
    if !crate::message::is_bsuid(to) {
        return Ok(());
    }
    let definition = parse_document(definition)?;
    // A BSUID is letters, digits and dots: nothing to escape.
    let message = format!(r#"{{"recipient":"{to}","template":{template}}}"#);
    let report = crate::template::send::validate_template_send(&definition, &parse_document(&message)?, None);
    let issues: Vec<Issue> = report
        .errors
        .into_iter()
        .filter(|issue| issue.code == crate::template::send::code::AUTH_TO_BSUID)
        .map(|issue| Issue { path: "/to".into(), ..issue })
        .collect();
    if issues.is_empty() {
        Ok(())
    } else {
        Err(Error::validation_failed(issues))
    }
}

/// `to` as +E.164, or `validation_failed` with the phone parser's findings at `/to`.
pub fn recipient(to: &str) -> Result<String, Error> {
    phone_argument(to, "/to")
}

/// A phone number argument (digits alone count as international) as
/// +E.164, or `validation_failed` with the phone parser's findings at `path`.
pub fn phone_argument(number: &str, path: &str) -> Result<String, Error> {
    let trimmed = number.trim();
    let international = if trimmed.starts_with('+') { trimmed.to_owned() } else { format!("+{trimmed}") };
    let result = crate::phone::validate(&international, None);
    match result.e164 {
        Some(e164) if result.ok => Ok(e164),
        _ => {
            let issues: Vec<Issue> =
                result.errors.into_iter().map(|issue| Issue { path: path.into(), ..issue }).collect();
            Err(Error::validation_failed(issues))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORDER: &str = r#"{"name":"order_update","language":{"code":"en_US"},"components":[{"type":"body","parameters":[{"type":"text","text":"42"}]}]}"#;
    const DEFINITION: &str = r#"{"name":"order_update","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Order {{1}} shipped","example":{"body_text":[["42"]]}}]}"#;

    #[test]
    fn a_good_send_becomes_a_cloud_api_message_to_e164() {
        let send = prepare("14155552671", ORDER, Some(DEFINITION)).map_err(|e| e.message).unwrap();
        assert_eq!(send.to, "+14155552671");
        assert!(send
            .message
            .contains(r#""to":"+14155552671","type":"template","template":{"name":"order_update""#));
    }

    #[test]
    fn callback_data_is_added_escaped_up_to_512_characters() {
        let send = prepare("14155552671", ORDER, Some(DEFINITION)).map_err(|e| e.message).unwrap();
        assert_eq!(send.category.as_deref(), Some("UTILITY"));
        let tagged = send.with_callback_data("campaign \"spring\" é").map_err(|e| e.message).unwrap();
        let node = tagged.parsed().unwrap();
        assert_eq!(
            node.get("biz_opaque_callback_data").and_then(|n| n.as_str()),
            Some("campaign \"spring\" é")
        );
        assert!(crate::message::validate_message(&node, None).ok);
        let send = prepare("14155552671", ORDER, None).map_err(|e| e.message).unwrap();
        assert!(send.category.is_none());
        let long = send.with_callback_data(&"é".repeat(513)).err().unwrap();
        let found: Vec<(&str, &str)> = long.issues.iter().map(|i| (i.code, i.path.as_str())).collect();
        assert_eq!(found, [("message.text_too_long", "/biz_opaque_callback_data")]);
        let fits = prepare("14155552671", ORDER, None).map_err(|e| e.message).unwrap();
        assert!(fits.with_callback_data(&"é".repeat(512)).is_ok());
    }

    #[test]
    fn bad_numbers_fail_at_to() {
        let error = prepare("+1415", ORDER, None).err().unwrap();
        assert_eq!(error.code, crate::error::code::VALIDATION_FAILED);
        assert!(error.issues.iter().all(|issue| issue.path == "/to"), "{:?}", error.issues);
    }

    #[test]
    fn sends_that_do_not_match_the_definition_fail() {
        let two = ORDER.replace(
            r#"{"type":"text","text":"42"}"#,
            r#"{"type":"text","text":"42"},{"type":"text","text":"x"}"#,
        );
        let error = prepare("+14155552671", &two, Some(DEFINITION)).err().unwrap();
        assert_eq!(error.code, crate::error::code::VALIDATION_FAILED);
    }

    #[test]
    fn an_authentication_template_to_a_bsuid_fails_as_131062() {
        let definition = r#"{"name":"login_code","language":"en","category":"AUTHENTICATION","components":[{"type":"BODY","add_security_recommendation":true},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE","text":"Copy code"}]}]}"#;
        let template = r#"{"name":"login_code","language":{"code":"en"},"components":[{"type":"body","parameters":[{"type":"text","text":"123456"}]},{"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"123456"}]}]}"#;
        let error = prepare("US.13491208655302741918", template, Some(definition)).err().unwrap();
        let found: Vec<(&str, &str, Option<u32>)> =
            error.issues.iter().map(|i| (i.code, i.path.as_str(), i.meta_code)).collect();
        assert_eq!(found, [("template_send.auth_to_bsuid", "/to", Some(131_062))]);
        assert!(prepare("+14155552671", template, Some(definition)).is_ok());
        // Another category to a BSUID is not this finding (clients send to phone numbers).
        let error = prepare("US.13491208655302741918", ORDER, Some(DEFINITION)).err().unwrap();
        assert!(error.issues.iter().all(|i| i.code != "template_send.auth_to_bsuid"), "{:?}", error.issues);
    }

    #[test]
    fn template_text_that_is_not_json_fails_without_building_anything() {
        let error = prepare("+14155552671", r#"{"name":"x"},"to":"+1"#, None).err().unwrap();
        assert_eq!(error.code, crate::error::code::VALIDATION_FAILED);
    }
}
