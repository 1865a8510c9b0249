//! Messages: sending one (validated first, its recipient put in +E.164),
//! posting a body already checked, marking one read; and the template a
//! message uses, checked against its definition.

use super::{fail_on_errors, path_id, Cloud};
use crate::api::Request;
use crate::json::{Node, Value};
use crate::Error;

impl Cloud {
    /// POST `/<PHONE_NUMBER_ID>/messages` with `text` (the message JSON, parsed
    /// as `message`): validated first; a `to` without `+` is sent as `+<digits>`
    /// so Meta cannot prepend the business number's country code.
    pub fn send_message(&self, text: &str, message: &Node) -> Result<Request, Error> {
        self.post_message(checked_body(text, message)?)
    }

    /// POST `/<PHONE_NUMBER_ID>/messages` with a body already checked (and
    /// its recipient in +E.164), e.g. a [`crate::api::template_send::TemplateSend`].
    pub fn post_message(&self, body: String) -> Result<Request, Error> {
        Ok(Request::post(self.url(&format!("{}/messages", self.phone()?)), Some(body), false))
    }

    /// Marks an incoming message as read (and, with `typing`, shows the typing indicator).
    pub fn mark_read(&self, message_id: &str, typing: bool) -> Result<Request, Error> {
        let id = path_id(Some(message_id), "a message id")?;
        let typing = if typing { r#","typing_indicator":{"type":"text"}"# } else { "" };
        let body =
            format!(r#"{{"messaging_product":"whatsapp","status":"read","message_id":"{id}"{typing}}}"#);
        Ok(Request::post(self.url(&format!("{}/messages", self.phone()?)), Some(body), true))
    }
}

/// `text` (the message JSON, parsed as `message`) validated, with a `to`
/// without `+` written `+<digits>`: the body to send.
pub fn checked_body(text: &str, message: &Node) -> Result<String, Error> {
    fail_on_errors(crate::message::validate_message(message, None))?;
    Ok(normalise_recipient(text, message))
}

/// The `(name, language code)` of a template message, if `message` is one.
pub fn template_of<'a>(message: &'a Node<'a>) -> Option<(&'a str, &'a str)> {
    let template = message.get("template")?;
    let name = template.get("name")?.as_str()?;
    let language = template.get("language")?.get("code")?.as_str()?;
    Some((name, language))
}

/// Checks a template message against the definition it uses (`definition`
/// is the template's JSON, as given or as Meta returned it).
pub fn check_template_send(definition: &str, message: &Node) -> Result<(), Error> {
    let definition = crate::api::parse_document(definition)?;
    let report = crate::template::send::validate_template_send(&definition, message, None);
    fail_on_errors(report)
}

/// `text` with a `to` of digits only rewritten as `+<digits>` (Meta would
/// otherwise prepend the business number's country code, REFERENCE.md §2.2).
fn normalise_recipient(text: &str, message: &Node) -> String {
    // A group send's `to` is the group id, sent as given.
    if message.get("recipient_type").and_then(Node::as_str) == Some("group") {
        return text.to_owned();
    }
    let Some(to) = message.get("to") else { return text.to_owned() };
    let Value::String(number) = &to.value else { return text.to_owned() };
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    if number.trim_start().starts_with('+') || digits.is_empty() {
        return text.to_owned();
    }
    let e164 =
        crate::phone::validate(&format!("+{digits}"), None).e164.unwrap_or_else(|| format!("+{digits}"));
    let (start, end) = (to.span.start, to.span.end);
    match (text.get(..start), text.get(end..)) {
        (Some(before), Some(after)) => format!("{before}\"{e164}\"{after}"),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::example as cloud;
    use crate::json::parse;

    #[test]
    fn sends_are_validated_and_recipients_get_their_plus() {
        let text =
            r#"{"messaging_product":"whatsapp","to":"1 415 555 2671","type":"text","text":{"body":"hi"}}"#;
        let request = cloud().send_message(text, &parse(text).unwrap()).unwrap();
        assert_eq!(request.url, "https://graph.example/v23.0/106540352242922/messages");
        assert!(request.body.unwrap().contains(r#""to":"+14155552671""#));
        assert!(!request.idempotent);
        let bad = r#"{"messaging_product":"whatsapp","to":"+14155552671","type":"text","text":{"body":""}}"#;
        let error = cloud().send_message(bad, &parse(bad).unwrap()).unwrap_err();
        assert_eq!(error.code, "validation_failed");
        assert_eq!(error.issues[0].code, "message.text_empty");
        // A group id holds digits too: it is never rewritten as a phone number.
        let group = r#"{"messaging_product":"whatsapp","recipient_type":"group","to":"Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD","type":"text","text":{"body":"hi"}}"#;
        assert_eq!(cloud().send_message(group, &parse(group).unwrap()).unwrap().body.unwrap(), group);
    }
}
