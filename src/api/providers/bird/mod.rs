//! Bird's Channels API (PROVIDERS.md §1): send a message to a channel of a
//! workspace (every WhatsApp body type, or a Bird template) with the message
//! options, and a contact's channel details (its service window). The body
//! is checked against Bird's schema first — its top level, its body and its
//! template are closed (`additionalProperties: false`, a 422 at Bird) — and
//! the options against what Bird documents: frequency capping only for
//! marketing, at most 10 tags, `scheduledFor` at least 10 minutes and at most
//! 35 days ahead of the caller's clock.

mod body;
mod message;
mod template;

use crate::api::error::from_status;
use crate::api::template_send::TemplateSend;
use crate::api::{encode_component, Request, Response};
use crate::check::{At, Checker};
use crate::json::{self, Node};
use crate::report::Report;
use crate::Error;

/// Stable issue codes for Bird sends (`bird.*`).
pub mod code {
    /// A member Bird's closed schema does not have (Bird answers 422).
    pub const UNKNOWN_FIELD: &str = "bird.unknown_field";
    /// Neither `body` nor `template`, or both.
    pub const BODY_OR_TEMPLATE: &str = "bird.body_or_template";
    /// `receiver` names no contact, or a contact without an identifier.
    pub const RECEIVER_INVALID: &str = "bird.receiver_invalid";
    /// A phone number identifier that is not a valid number in +E.164.
    pub const RECIPIENT_INVALID: &str = "bird.recipient_invalid";
    /// A body `type` WhatsApp channels do not take, or its object is missing.
    pub const BODY_TYPE_INVALID: &str = "bird.body_type_invalid";
    /// A required text is empty.
    pub const TEXT_EMPTY: &str = "bird.text_empty";
    /// An action of unknown type, without its object, or with a bad amount or currency.
    pub const ACTION_INVALID: &str = "bird.action_invalid";
    /// A label over its limit (row description 72, list button 20).
    pub const LABEL_TOO_LONG: &str = "bird.label_too_long";
    /// A URL that is not http(s).
    pub const URL_INVALID: &str = "bird.url_invalid";
    /// A file's `contentType` that is not a MIME type.
    pub const CONTENT_TYPE_INVALID: &str = "bird.content_type_invalid";
    /// Latitude or longitude out of range.
    pub const COORDINATES: &str = "bird.coordinates";
    /// A list with too few or too many entries (images, files, list items, actions, carousel cards).
    pub const ITEMS_COUNT: &str = "bird.items_count";
    /// `replyTo` without an id, or of an unknown type.
    pub const REPLY_TO_INVALID: &str = "bird.reply_to_invalid";
    /// `replyTo` inside `body`: it belongs at the top level.
    pub const REPLY_TO_PLACEMENT: &str = "bird.reply_to_placement";
    /// `capFrequency` without `meta.extraInformation.useCase` "marketing".
    pub const CAP_FREQUENCY: &str = "bird.cap_frequency";
    /// More than 10 tags.
    pub const TOO_MANY_TAGS: &str = "bird.too_many_tags";
    /// A tag that is empty, longer than 50 or not letters, digits, `-`, `_` and spaces.
    pub const TAG_INVALID: &str = "bird.tag_invalid";
    /// The same tag twice, ignoring case (a warning: Bird lower-cases tags).
    pub const TAG_REPEATED: &str = "bird.tag_repeated";
    /// `shortLinks` without a domain, or one over 128 characters; or set next to a template.
    pub const SHORT_LINKS_INVALID: &str = "bird.short_links_invalid";
    /// `scheduledFor` is not an RFC 3339 date-time.
    pub const SCHEDULED_FOR_INVALID: &str = "bird.scheduled_for_invalid";
    /// `scheduledFor` in the past or less than 10 minutes ahead: Bird may send at once.
    pub const SCHEDULED_TOO_SOON: &str = "bird.scheduled_too_soon";
    /// `scheduledFor` more than 35 days ahead: Bird rejects it.
    pub const SCHEDULED_TOO_FAR: &str = "bird.scheduled_too_far";
    /// `validity` is not a whole number of seconds ≥ 0.
    pub const VALIDITY_INVALID: &str = "bird.validity_invalid";
    /// A template that names no template, or a bad project id, version, locale, attachment or UTM parameter.
    pub const TEMPLATE_INVALID: &str = "bird.template_invalid";
    /// A template parameter of unknown type, or whose value does not have that type.
    pub const TEMPLATE_PARAMETER: &str = "bird.template_parameter";
    /// A part of a Cloud API template send Bird's template call has no place for.
    pub const TEMPLATE_UNMAPPABLE: &str = "bird.template_unmappable";
}

/// Bird's API host (paths carry no version).
pub static DEFAULT_BASE_URL: &str = "https://api.bird.com";
/// A message's validity when none is given: promotional, conversational and
/// transactional channels (36 hours).
pub const DEFAULT_VALIDITY_SECONDS: u32 = 129_600;
/// A message's validity on a 2FA channel when none is given (10 minutes).
pub const DEFAULT_VALIDITY_2FA_SECONDS: u32 = 600;

pub use super::wire::is_uuid;

/// Where a client's requests go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bird {
    /// `https://api.bird.com` (a test points it at a local fake).
    pub base_url: String,
    /// The workspace (a UUID).
    pub workspace_id: String,
    /// The WhatsApp channel of the workspace (a UUID).
    pub channel_id: String,
}

impl Bird {
    /// Fails with `invalid_argument` unless both ids are UUIDs.
    pub fn new(base_url: String, workspace_id: String, channel_id: String) -> Result<Self, Error> {
        for (name, id) in [("workspaceId", &workspace_id), ("channelId", &channel_id)] {
            if !is_uuid(id) {
                return Err(Error::invalid_argument(format!("BirdClient: {name} is a UUID")));
            }
        }
        Ok(Self { base_url, workspace_id, channel_id })
    }

    fn url(&self, path: &str) -> String {
        let base = self.base_url.trim_end_matches('/');
        format!("{base}/workspaces/{}/channels/{}/{path}", self.workspace_id, self.channel_id)
    }

    /// POST `/workspaces/{workspaceId}/channels/{channelId}/messages` with
    /// `text` (a CreateMessage, parsed as `message`), checked first against
    /// `now_ms` (Unix milliseconds) for `scheduledFor`; tags are sent
    /// lower-cased, as Bird stores them. `caller_text`: findings get a line
    /// and column (the caller gave `text`, rather than an object).
    pub fn send_message(
        &self,
        text: &str,
        message: &Node,
        now_ms: i64,
        caller_text: bool,
    ) -> Result<Request, Error> {
        let source = caller_text.then_some(text);
        crate::api::cloud::fail_on_errors(validate_message(message, source, now_ms))?;
        let body = json::splice(text, &message::lower_case_tags(message));
        Ok(Request::post(self.url("messages"), Some(body), false))
    }

    /// The provider-neutral template send as a Bird template message: the
    /// template by `name` in `locale` (Meta's `en_US` as BCP 47 `en-US`),
    /// body parameters as string parameters keyed by their `parameter_name`
    /// or position (`"1"`, `"2"`, …), header text parameters by their
    /// `parameter_name`. Anything else (media, buttons, currency, dates)
    /// fails with `bird.template_unmappable`: send those with
    /// `send_message` and the template's Bird keys.
    pub fn send_template(&self, send: &TemplateSend) -> Result<Request, Error> {
        let message = send.parsed()?;
        let template = template::from_cloud(&send.message, &message)?;
        let body = format!(
            r#"{{"receiver":{{"contacts":[{{"identifierKey":"phonenumber","identifierValue":"{}"}}]}},"template":{template}}}"#,
            send.to
        );
        Ok(Request::post(self.url("messages"), Some(body), false))
    }

    /// GET `/workspaces/{workspaceId}/channels/{channelId}/contacts/{contactId}`
    /// (with `contactIdentifierValue` when given): `serviceWindowExpireAt`,
    /// `isPermanentSession` and `metadata`.
    pub fn get_channel_contact(
        &self,
        contact_id: &str,
        identifier_value: Option<&str>,
    ) -> Result<Request, Error> {
        let id = crate::api::cloud::path_id(Some(contact_id), "a contact id")?;
        let mut url = self.url(&format!("contacts/{id}"));
        if let Some(value) = identifier_value {
            url.push_str("?contactIdentifierValue=");
            url.push_str(&encode_component(value));
        }
        Ok(Request::get(url))
    }
}

/// Checks a CreateMessage body; `now_ms` (Unix milliseconds) is the clock
/// `scheduledFor` is checked against.
pub fn validate_message(doc: &Node, source: Option<&str>, now_ms: i64) -> Report {
    let mut checker = Checker::new(doc, source);
    let root = At::root(doc);
    if root.object(&mut checker).is_some() {
        message::check(&mut checker, &root, now_ms);
    }
    checker.finish()
}

/// The error for a failed call: the HTTP status decides the code; Bird's
/// `{code, message, details}` (RequestError, ValidationError) says what happened.
pub fn failure(response: &Response) -> Error {
    let document = json::parse(&response.body).ok();
    let said = document.as_ref().and_then(|doc| {
        let text = |key: &str| doc.get(key).and_then(Node::as_str);
        let mut said = match (text("code"), text("message")) {
            (Some(code), Some(message)) => format!("{code}: {message}"),
            (code, message) => code.or(message)?.to_owned(),
        };
        let details = doc.get("details").and_then(Node::members).unwrap_or_default();
        for (index, (field, problems)) in details.iter().enumerate() {
            let problems: Vec<&str> =
                problems.items().unwrap_or_default().iter().filter_map(Node::as_str).collect();
            said.push_str(if index == 0 { " (" } else { "; " });
            said.push_str(&format!("{}: {}", field.name, problems.join(", ")));
            if index + 1 == details.len() {
                said.push(')');
            }
        }
        Some(said)
    });
    from_status(response, said)
}

#[cfg(test)]
mod tests;
