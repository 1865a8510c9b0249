//! Cirrus Digital / CommBox (Cirrus resells CommBox: one API, PROVIDERS.md
//! §2): the WhatsApp templated message V2 to 1–20 recipients, media upload
//! (multipart field `pic`) for a header by id, and the contact check. Every
//! path carries the channel's `ENCRYPTED_STREAM_ID`, percent-encoded (it is
//! base64-like and ends in `==`). Answers come in CommBox's envelope
//! `{status, description, response_time, data}`.

use crate::api::error::from_status;
use crate::api::template_send::{phone_argument, TemplateSend};
use crate::api::{encode_component, FormPart, FormValue, Request, Response};
use crate::check::{At, Checker};
use crate::json::{self, Node, Span, Value};
use crate::report::Report;
use crate::text::quoted;
use crate::Error;

/// Stable issue codes for Cirrus/CommBox sends (`cirrus.*`).
pub mod code {
    /// `data` lists no recipient.
    pub const NO_RECIPIENTS: &str = "cirrus.no_recipients";
    /// More than 20 recipients in one call.
    pub const TOO_MANY_RECIPIENTS: &str = "cirrus.too_many_recipients";
    /// A `to` that is not a phone number in international form.
    pub const RECIPIENT_INVALID: &str = "cirrus.recipient_invalid";
    /// The same number twice in one call (a warning: it gets the message twice).
    pub const RECIPIENT_REPEATED: &str = "cirrus.recipient_repeated";
    /// `schedule` is not a Unix time in seconds.
    pub const SCHEDULE_INVALID: &str = "cirrus.schedule_invalid";
    /// `object_data.StatusId` is not an ObjectStatusType value.
    pub const OBJECT_STATUS: &str = "cirrus.object_status";
}

/// CommBox's API host (Cirrus documents the same).
pub static DEFAULT_BASE_URL: &str = "https://api.commbox.io";
/// The path prefix of the V2 send (CommBox's spec, help page and Postman
/// collection; the Cirrus page prints the path without it, which is V1's).
pub static DEFAULT_V2_PREFIX: &str = "/v2";
/// Recipients per templated message call.
pub const MAX_RECIPIENTS: usize = 20;
/// ObjectStatusType values (1 Open … 15 Pending; there is no 12).
const OBJECT_STATUSES: [i64; 14] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15];
/// A `schedule` above this (year 5138 in seconds) was written in milliseconds.
const SCHEDULE_MAX_SECONDS: i64 = 99_999_999_999;

/// Where a client's requests go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cirrus {
    /// `https://api.commbox.io` (a test points it at a local fake).
    pub base_url: String,
    /// The channel's `ENCRYPTED_STREAM_ID`, as Cirrus/CommBox gave it.
    pub stream_id: String,
    /// `/v2`, or `""` for a deployment that serves V2 on the unprefixed path.
    pub v2_prefix: String,
}

impl Cirrus {
    fn url(&self, prefix: &str, operation: &str) -> String {
        let base = self.base_url.trim_end_matches('/');
        format!("{base}{prefix}/whatsapp/{operation}/{}", encode_component(&self.stream_id))
    }

    /// POST `/v2/whatsapp/sendtemplatedmessage/{ENCRYPTED_STREAM_ID}` with
    /// `text` (the V2 body, parsed as `body`), checked first; each `to` is
    /// sent as international digits without `+`, a `schedule` as an integer.
    /// `caller_text`: findings get a line and column (the caller gave `text`).
    pub fn send_templated_message(
        &self,
        text: &str,
        body: &Node,
        caller_text: bool,
    ) -> Result<Request, Error> {
        crate::api::cloud::fail_on_errors(validate_send(body, caller_text.then_some(text)))?;
        let url = self.url(&self.v2_prefix, "sendtemplatedmessage");
        Ok(Request::post(url, Some(json::splice(text, &normalise(body))), false))
    }

    /// The provider-neutral template send as a V2 call to one recipient.
    pub fn send_template(&self, send: &TemplateSend) -> Result<Request, Error> {
        let message = send.parsed()?;
        let template = message.get("template").map_or("", |node| json::source(&send.message, node));
        let digits = send.to.trim_start_matches('+');
        let body = format!(r#"{{"data":[{{"template_data":{{"to":"{digits}","template":{template}}}}}]}}"#);
        let node = crate::api::parse_document(&body)?;
        self.send_templated_message(&body, &node, false)
    }

    /// POST `/whatsapp/uploadmedia/{ENCRYPTED_STREAM_ID}`: the file as the
    /// multipart field `pic`, after checking WhatsApp takes its type and size.
    /// The answer's `data[0].id` goes in a header parameter as `{ id }`.
    pub fn upload_media(&self, content_type: &str, size: u64, filename: &str) -> Result<Request, Error> {
        crate::api::cloud::check_media_file(content_type, size)?;
        let file = FormValue::File { filename: filename.to_owned(), content_type: content_type.to_owned() };
        Ok(Request::post_form(
            self.url("", "uploadmedia"),
            vec![FormPart { name: "pic", value: file }],
            false,
        ))
    }

    /// GET `/whatsapp/validatecontact/{ENCRYPTED_STREAM_ID}/{PHONE_NUMBER}`
    /// (digits with country code): whether the number is on WhatsApp.
    /// Checking many numbers that then get no message gets the business
    /// banned by WhatsApp: check only opted-in numbers you will message.
    pub fn validate_contact(&self, phone: &str) -> Result<Request, Error> {
        let e164 = phone_argument(phone, "/phone")?;
        let url = format!("{}/{}", self.url("", "validatecontact"), e164.trim_start_matches('+'));
        Ok(Request::get(url))
    }
}

/// The error for a failed call: the HTTP status decides the code; the
/// envelope's `description` and the failed recipients say what happened.
pub fn failure(response: &Response) -> Error {
    let document = json::parse(&response.body).ok();
    let said = document.as_ref().and_then(|doc| {
        let mut said = doc.get("description").and_then(Node::as_str).unwrap_or_default().to_owned();
        for item in doc.get("data").and_then(Node::items).unwrap_or_default() {
            let failed = item.get("failed").and_then(Node::as_str);
            let recipient = item.get("recipient").map(|r| json::source(&response.body, r).trim_matches('"'));
            if let (Some(failed), Some(recipient)) = (failed, recipient) {
                said.push_str(if said.is_empty() { "" } else { "; " });
                said.push_str(&format!("{recipient}: {failed}"));
            }
        }
        (!said.is_empty()).then_some(said)
    });
    from_status(response, said)
}

/// Checks a V2 body (`{ data: [{ template_data: { to, template }, schedule?, object_data? }] }`).
pub fn validate_send(body: &Node, source: Option<&str>) -> Report {
    let mut checker = Checker::new(body, source);
    let root = At::root(body);
    if root.object(&mut checker).is_some() {
        check_send(&mut checker, &root);
    }
    checker.finish()
}

fn check_send(checker: &mut Checker<'_>, root: &At<'_>) {
    checker.unknown_keys(root, &["data"], "a templated message");
    let Some(data) = root.required(checker, "data", "a templated message (one data item per recipient)")
    else {
        return;
    };
    let Some(items) = data.array(checker) else { return };
    if items.is_empty() {
        checker.error(code::NO_RECIPIENTS, &data, "data needs 1 to 20 recipients; it has none");
    }
    if items.len() > MAX_RECIPIENTS {
        let message = format!(
            "data has {} recipients; a templated message call takes at most {MAX_RECIPIENTS}: split it into calls of {MAX_RECIPIENTS}",
            items.len()
        );
        checker.error(code::TOO_MANY_RECIPIENTS, &data, message);
    }
    let mut seen: Vec<String> = Vec::new();
    for item in &items {
        if item.object(checker).is_none() {
            continue;
        }
        checker.unknown_keys(item, &["schedule", "template_data", "object_data"], "a data item");
        if let Some(schedule) = item.get("schedule") {
            check_schedule(checker, &schedule);
        }
        if let Some(object_data) = item.get("object_data") {
            check_object_data(checker, &object_data);
        }
        let Some(data) = item.required(checker, "template_data", "a data item") else { continue };
        if data.object(checker).is_none() {
            continue;
        }
        // object_data next to template_data is canonical; three of CommBox's examples nest it.
        checker.unknown_keys(&data, &["to", "template", "object_data"], "template_data");
        if let Some(to) = data.required(checker, "to", "template_data") {
            // Repeats are looked for only in a call that can be sent (a bound on hostile input).
            if let Some(digits) = check_recipient(checker, &to).filter(|_| items.len() <= MAX_RECIPIENTS) {
                if seen.contains(&digits) {
                    let message =
                        format!("{digits} is already a recipient of this call: it gets the message twice");
                    checker.warning(code::RECIPIENT_REPEATED, &to, message);
                } else {
                    seen.push(digits);
                }
            }
        }
        if let Some(template) = data.required(checker, "template", "template_data") {
            if template.object(checker).is_some() {
                crate::message::check_template_shape(checker, &template);
                check_media_parameters(checker, &template);
            }
        }
        if let Some(object_data) = data.get("object_data") {
            check_object_data(checker, &object_data);
        }
    }
}

/// The digits of `to` (a string or a whole number: international, no `+` needed)
/// if it is a valid number, else an error.
fn check_recipient(checker: &mut Checker<'_>, to: &At<'_>) -> Option<String> {
    let Some(digits) = recipient_digits(to.node) else {
        let message = "to is the recipient's number in international form: country code and number, digits only (e.g. \"19172537000\")";
        checker.error(code::RECIPIENT_INVALID, to, message);
        return None;
    };
    let parsed = crate::phone::validate(&format!("+{digits}"), None);
    if let Some(issue) = parsed.errors.first() {
        let message =
            format!("to {} is not a valid phone number ({}): {}", quoted(&digits), issue.code, issue.message);
        checker.error(code::RECIPIENT_INVALID, to, message);
        return None;
    }
    Some(digits)
}

/// The digits of a `to`: a string of digits (an optional leading `+`, spaces,
/// dashes, dots and parentheses are dropped) or a positive whole number.
fn recipient_digits(node: &Node) -> Option<String> {
    let digits = match &node.value {
        Value::String(text) => {
            let text = text.trim();
            let text = text.strip_prefix('+').unwrap_or(text);
            let digits: String = text.chars().filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')')).collect();
            digits.bytes().all(|b| b.is_ascii_digit()).then_some(digits)?
        }
        Value::Number(number) if number.fract() == 0.0 && *number >= 1.0 && *number < 1e16 => {
            (*number as u64).to_string()
        }
        _ => return None,
    };
    (!digits.is_empty()).then_some(digits)
}

/// Unix seconds as a whole number or a string of digits.
fn schedule_seconds(node: &Node) -> Option<i64> {
    match &node.value {
        Value::Number(number) if number.fract() == 0.0 && *number >= 0.0 && *number < 9e15 => {
            Some(*number as i64)
        }
        Value::String(text)
            if !text.is_empty() && text.len() <= 15 && text.bytes().all(|b| b.is_ascii_digit()) =>
        {
            Some(text.bytes().fold(0i64, |n, b| n * 10 + i64::from(b - b'0')))
        }
        _ => None,
    }
}

fn check_schedule(checker: &mut Checker<'_>, schedule: &At<'_>) {
    match schedule_seconds(schedule.node) {
        None => checker.error(
            code::SCHEDULE_INVALID,
            schedule,
            "schedule is the Unix time to publish at, in seconds (e.g. 1739365010); leave it out to send now",
        ),
        Some(seconds) if seconds > SCHEDULE_MAX_SECONDS => checker.error(
            code::SCHEDULE_INVALID,
            schedule,
            format!("schedule {seconds} looks like milliseconds; it is in seconds ({})", seconds / 1000),
        ),
        Some(_) => {}
    }
}

/// Header media parameters (`image`, `video`, `document`) by `link` or by the
/// `id` an upload returned — one of them, not both.
fn check_media_parameters(checker: &mut Checker<'_>, template: &At<'_>) {
    let components = template.get("components").map(|c| c.items()).unwrap_or_default();
    for parameter in
        components.iter().flat_map(|c| c.get("parameters").map(|p| p.items()).unwrap_or_default())
    {
        let kind = parameter.get("type").and_then(|t| t.node.as_str());
        if let Some(kind @ ("image" | "video" | "document")) = kind {
            match parameter.get(kind) {
                Some(media) if media.object(checker).is_some() => {
                    crate::message::check_media(checker, &media, kind);
                }
                Some(_) => {}
                None => checker.missing(
                    &parameter,
                    kind,
                    format!("a {kind} parameter carries {{ link }} or {{ id }}"),
                ),
            }
        }
    }
}

/// `object_data` (creates a conversation, an Object, on the platform): the
/// fields CommBox's examples and schema describe; the rest is the caller's.
fn check_object_data(checker: &mut Checker<'_>, object_data: &At<'_>) {
    if object_data.object(checker).is_none() {
        return;
    }
    if let Some(flag) = object_data.get("createChildObject") {
        flag.bool(checker);
    }
    for key in ["SubStreamId", "ManagerId"] {
        if let Some(id) = object_data.get(key) {
            if id.integer(checker).is_some_and(|n| n < 0) {
                checker.error(
                    crate::check::code::WRONG_TYPE,
                    &id,
                    format!("{key} is an id: a whole number ≥ 0"),
                );
            }
        }
    }
    if let Some(status) = object_data.get("StatusId") {
        if let Some(value) = status.integer(checker) {
            if !OBJECT_STATUSES.contains(&value) {
                let message = format!(
                    "StatusId {value} is not an ObjectStatusType: 1 Open, 2 Resolved, 3 Forward, 4 Irrelevant, 5 Deleted, 6 Forward Reply, 7 Draft, 8 In Process, 9 Scheduled, 10 Follow Up, 11 Automated, 13 Sent, 14 Archive, 15 Pending"
                );
                checker.error(code::OBJECT_STATUS, &status, message);
            }
        }
    }
    if let Some(content) = object_data.get("Content") {
        content.object(checker);
    }
    if let Some(user) = object_data.required(checker, "User", "object_data (the customer the Object is for)")
    {
        if user.object(checker).is_some() {
            for key in ["Phone1", "Email"] {
                if let Some(value) = user.required(checker, key, "object_data.User") {
                    value.str(checker);
                }
            }
        }
    }
}

/// The edits that make a valid body what CommBox expects: each `to` as a
/// string of digits, each `schedule` as an integer.
fn normalise(body: &Node) -> Vec<(Span, String)> {
    let mut edits = Vec::new();
    for item in body.get("data").and_then(Node::items).unwrap_or_default() {
        let schedule = item.get("schedule").filter(|s| matches!(s.value, Value::String(_)));
        let schedule = schedule.and_then(|s| Some((s.span, schedule_seconds(s)?.to_string())));
        let to = item.get("template_data").and_then(|data| data.get("to"));
        let to = to.and_then(|to| {
            let digits = recipient_digits(to).filter(|d| to.as_str() != Some(d.as_str()))?;
            Some((to.span, format!("\"{digits}\"")))
        });
        // In document order: schedule may come before or after template_data.
        let (first, second) = match (&schedule, &to) {
            (Some(s), Some(t)) if t.0.start < s.0.start => (to, schedule),
            _ => (schedule, to),
        };
        edits.extend(first.into_iter().chain(second));
    }
    edits
}

#[cfg(test)]
mod tests;
