//! The WhatsApp Cloud API (Graph API) endpoints as request builders: each
//! validates its input locally first (a bad message or template never costs a
//! request) and returns the [`Request`] to make. Responses are Meta's JSON,
//! handed back as is; failures go through [`super::error::from_response`].

mod account;
mod analytics;
mod flows;
mod media;

pub use analytics::{PricingFilters, Range};
pub use flows::FLOW_CATEGORIES;
pub use media::check_media_file;

use super::{encode_component, Request};
use crate::json::{Node, Value};
use crate::report::Report;
use crate::template::{validate_template, TemplateOptions};
use crate::Error;

/// The Graph API version used unless the client sets one.
pub static DEFAULT_API_VERSION: &str = "v23.0";
/// Meta's Graph API host.
pub static DEFAULT_BASE_URL: &str = "https://graph.facebook.com";

/// Where a client's requests go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cloud {
    /// `https://graph.facebook.com` (a test points it at a local fake).
    pub base_url: String,
    /// `v23.0`.
    pub api_version: String,
    /// The business phone number messages are sent from.
    pub phone_number_id: Option<String>,
    /// The WhatsApp Business Account that owns templates and numbers.
    pub waba_id: Option<String>,
}

/// `Ok` when `report` has no errors, else `validation_failed` with them.
pub(crate) fn fail_on_errors(report: Report) -> Result<(), Error> {
    if report.ok {
        Ok(())
    } else {
        Err(Error::validation_failed(report.errors))
    }
}

/// An id that goes into a URL path: digits, letters, `_`, `-`, `.` only.
pub(crate) fn path_id<'a>(value: Option<&'a str>, what: &str) -> Result<&'a str, Error> {
    match value {
        Some(id)
            if !id.is_empty()
                && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')) =>
        {
            Ok(id)
        }
        Some(_) => {
            Err(Error::invalid_argument(format!("{what} may only hold letters, digits, '_', '-' and '.'")))
        }
        None => Err(Error::invalid_argument(format!("this call needs {what} (set it on the client)"))),
    }
}

impl Cloud {
    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}/{}/{path}", self.base_url.trim_end_matches('/'), self.api_version)
    }

    pub(crate) fn phone(&self) -> Result<&str, Error> {
        path_id(self.phone_number_id.as_deref(), "phoneNumberId")
    }

    pub(crate) fn waba(&self) -> Result<&str, Error> {
        path_id(self.waba_id.as_deref(), "wabaId")
    }

    /// POST `/<PHONE_NUMBER_ID>/messages` with `text` (the message JSON, parsed
    /// as `message`): validated first; a `to` without `+` is sent as `+<digits>`
    /// so Meta cannot prepend the business number's country code.
    pub fn send_message(&self, text: &str, message: &Node) -> Result<Request, Error> {
        fail_on_errors(crate::message::validate_message(message, None))?;
        self.post_message(normalise_recipient(text, message))
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

    /// GET `/<WABA_ID>/message_templates` with query filters (`limit`, `after`,
    /// `before`, `name`, `status`, `category`, `language`, `fields`).
    pub fn list_templates(&self, query: &[(&str, &str)]) -> Result<Request, Error> {
        const FILTERS: [&str; 8] =
            ["limit", "after", "before", "name", "status", "category", "language", "fields"];
        if let Some((key, _)) = query.iter().find(|(key, _)| !FILTERS.contains(key)) {
            return Err(Error::invalid_argument(format!(
                "unknown template filter {key}; known: {}",
                FILTERS.join(", ")
            )));
        }
        let mut url = self.url(&format!("{}/message_templates", self.waba()?));
        for (index, (key, value)) in query.iter().enumerate() {
            url.push(if index == 0 { '?' } else { '&' });
            url.push_str(key);
            url.push('=');
            url.push_str(&encode_component(value));
        }
        Ok(Request::get(url))
    }

    /// GET `/<WABA_ID>/message_templates?name=…&language=…` with the fields a
    /// send is checked against (the definition a template message uses).
    pub fn find_template(&self, name: &str, language: &str) -> Result<Request, Error> {
        const FIELDS: &str = "name,language,status,category,parameter_format,components";
        self.list_templates(&[("name", name), ("language", language), ("fields", FIELDS)])
    }

    /// GET `/<TEMPLATE_ID>`.
    pub fn get_template(&self, template_id: &str) -> Result<Request, Error> {
        let id = path_id(Some(template_id), "a template id")?;
        Ok(Request::get(self.url(id)))
    }

    /// POST `/<WABA_ID>/message_templates`: `definition` validated as a create payload first.
    pub fn create_template(&self, text: &str, definition: &Node) -> Result<Request, Error> {
        fail_on_errors(validate_template(definition, None, &TemplateOptions::default()))?;
        let url = self.url(&format!("{}/message_templates", self.waba()?));
        Ok(Request::post(url, Some(text.to_owned()), false))
    }

    /// POST `/<TEMPLATE_ID>`: an edit, validated first.
    pub fn edit_template(&self, template_id: &str, text: &str, edit: &Node) -> Result<Request, Error> {
        let options = TemplateOptions { mode: Some("edit".to_owned()) };
        fail_on_errors(validate_template(edit, None, &options))?;
        let id = path_id(Some(template_id), "a template id")?;
        // Editing twice to the same content changes nothing: safe to repeat.
        Ok(Request::post(self.url(id), Some(text.to_owned()), true))
    }

    /// DELETE `/<WABA_ID>/message_templates?name=…` (every language), or one
    /// template with `hsm_id`.
    pub fn delete_template(&self, name: &str, template_id: Option<&str>) -> Result<Request, Error> {
        if name.is_empty() {
            return Err(Error::invalid_argument("deleteTemplate needs the template's name"));
        }
        let mut url = format!(
            "{}?name={}",
            self.url(&format!("{}/message_templates", self.waba()?)),
            encode_component(name)
        );
        if let Some(id) = template_id {
            url.push_str("&hsm_id=");
            url.push_str(path_id(Some(id), "a template id")?);
        }
        Ok(Request::delete(url))
    }

    /// GET `/<WABA_ID>/phone_numbers`.
    pub fn list_phone_numbers(&self) -> Result<Request, Error> {
        Ok(Request::get(self.url(&format!("{}/phone_numbers", self.waba()?))))
    }

    /// GET `/<PHONE_NUMBER_ID>/whatsapp_business_profile` with every documented field.
    pub fn get_business_profile(&self) -> Result<Request, Error> {
        const FIELDS: &str = "about,address,description,email,profile_picture_url,websites,vertical";
        let url = self.url(&format!("{}/whatsapp_business_profile?fields={FIELDS}", self.phone()?));
        Ok(Request::get(url))
    }
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
    let definition = super::parse_document(definition)?;
    let report = crate::template::send::validate_template_send(&definition, message, None);
    fail_on_errors(report)
}

/// `text` with a `to` of digits only rewritten as `+<digits>` (Meta would
/// otherwise prepend the business number's country code, REFERENCE.md §2.2).
fn normalise_recipient(text: &str, message: &Node) -> String {
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
    use super::*;
    use crate::json::parse;

    fn cloud() -> Cloud {
        Cloud {
            base_url: "https://graph.example/".into(),
            api_version: "v23.0".into(),
            phone_number_id: Some("106540352242922".into()),
            waba_id: Some("102290129340398".into()),
        }
    }

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
    }

    #[test]
    fn template_endpoints_build_metas_paths() {
        let list = cloud().list_templates(&[("limit", "10"), ("name", "order update")]).unwrap();
        assert_eq!(
            list.url,
            "https://graph.example/v23.0/102290129340398/message_templates?limit=10&name=order%20update"
        );
        assert!(cloud().list_templates(&[("page", "2")]).is_err());
        let delete = cloud().delete_template("order_update", Some("123")).unwrap();
        assert_eq!(
            delete.url,
            "https://graph.example/v23.0/102290129340398/message_templates?name=order_update&hsm_id=123"
        );
        assert_eq!(delete.method, "DELETE");
        assert!(cloud().get_template("../me").is_err(), "ids cannot walk the path");
        let missing = Cloud { waba_id: None, ..cloud() };
        assert_eq!(missing.list_phone_numbers().unwrap_err().code, "invalid_argument");
    }
}
