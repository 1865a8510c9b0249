//! Sends (text, the provider-neutral template send, media, interactive),
//! read receipts and media uploads.

use super::code::{
    COUNT_OUT_OF_RANGE as COUNT, FIELD_NOT_ALLOWED, LENGTH_OUT_OF_RANGE as LENGTH, MEDIA_TOO_LARGE, ONE_OF,
    UNKNOWN_FIELD as UNKNOWN, UUID_INVALID, VALUE_INVALID,
};
use super::{Cm, ANY, MAX_UPLOAD_BYTES};
use crate::api::cloud::fail_on_errors;
use crate::api::providers::limits::{
    array, boolean, choice, exactly_one, is_web, member, object, text, Source,
};
use crate::api::providers::wire::{is_uuid, raw, Object};
use crate::api::template_send::TemplateSend;
use crate::api::{encode_component, parse_document, FormPart, FormValue, Request};
use crate::check::{At, Checker};
use crate::json::{string_literal, Node};
use crate::report::{Issue, Report};
use crate::Error;

const MEDIA_KINDS: [&str; 5] = ["image", "audio", "video", "document", "sticker"];
const INTERACTIVE_TYPES: [&str; 4] = ["button", "list", "cta_url", "flow"];
const FLOW_ACTIONS: [&str; 2] = ["navigate", "data_exchange"];

/// A path argument of letters, digits, `_`, `-`, `.` and `=` (Meta message ids).
fn id_arg<'a>(value: &'a str, what: &str) -> Result<&'a str, Error> {
    let fine = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'=');
    if !value.is_empty() && value.len() <= 512 && value.bytes().all(fine) {
        Ok(value)
    } else {
        Err(Error::invalid_argument(format!("{what} may only hold letters, digits, '_', '-', '.' and '='")))
    }
}

impl Cm {
    /// The findings about the number selector `{ key: value }`, or the client's default.
    fn selector_report(&self, selector: Option<(&str, &str)>) -> Result<Report, Error> {
        let probe = match selector {
            Some((key, value)) => format!("{{{}:{}}}", string_literal(key), string_literal(value)),
            None => "{}".to_owned(),
        };
        let probe = parse_document(&probe)?;
        let mut checker = Checker::new(&probe, None);
        self.selector(&mut checker, &At::root(&probe));
        Ok(checker.finish())
    }

    /// POST `/messages`: `{ to, text (1–65536), preview_url?, context_message_id? }` plus the selector.
    pub fn send_text<'t>(&self, json: impl Into<Source<'t>>, body: &Node) -> Result<Request, Error> {
        let source: Source<'_> = json.into();
        const KEYS: [&str; 6] =
            ["phone_id", "phone_number_id", "to", "text", "preview_url", "context_message_id"];
        self.send("/messages", source, body, &KEYS, &|checker, body| {
            text(checker, body, "text", true, (1, 65_536), LENGTH);
            boolean(checker, body, "preview_url", false);
            text(checker, body, "context_message_id", false, ANY, LENGTH);
        })
    }

    /// POST `/messages/template` from the provider-neutral send: `template_name`,
    /// `language_code` and `components` taken from Meta's template object.
    pub fn send_template(
        &self,
        send: &TemplateSend,
        selector: Option<(&str, &str)>,
    ) -> Result<Request, Error> {
        let message = parse_document(&send.message)?;
        let template = message.get("template");
        let field = |key: &str| template.and_then(|t| t.get(key));
        let mut object = Object::default();
        let mut report = self.selector_report(selector)?;
        match selector.or_else(|| self.default_selector()) {
            Some((key, value)) => object.string(self.name(key), value),
            None => &mut object,
        };
        if let Some(template) = template {
            // Pointers inside the template object, as the send names it.
            let mut checker = Checker::new(template, None);
            let root = At::root(template);
            text(&mut checker, &root, "name", true, (1, 512), LENGTH);
            if let Some(language) = root.get("language") {
                text(&mut checker, &language, "code", true, (1, 12), LENGTH);
            }
            report.errors.extend(checker.finish().errors);
        }
        fail_on_errors(Report::from_issues(report.errors))?;
        object.string(self.name("to"), &send.to);
        if let Some(name) = field("name") {
            object.raw(self.name("template_name"), raw(&send.message, name));
        }
        if let Some(code) = field("language").and_then(|l| l.get("code")) {
            object.raw(self.name("language_code"), raw(&send.message, code));
        }
        if let Some(components) = field("components") {
            object.raw(self.name("components"), raw(&send.message, components));
        }
        Ok(Request::post(self.url("/messages/template"), Some(object.finish()), false))
    }

    /// POST `/messages/media`: `{ to, kind, media_id (≤ 64) | link (≤ 2048), caption? (≤ 1024), filename? (≤ 255) }`.
    pub fn send_media<'t>(&self, json: impl Into<Source<'t>>, body: &Node) -> Result<Request, Error> {
        let source: Source<'_> = json.into();
        const KEYS: [&str; 8] =
            ["phone_id", "phone_number_id", "to", "kind", "media_id", "link", "caption", "filename"];
        self.send("/messages/media", source, body, &KEYS, &|checker, body| {
            let kind = choice(checker, body, "kind", true, &MEDIA_KINDS, VALUE_INVALID);
            match exactly_one(checker, body, ["media_id", "link"], true, ONE_OF) {
                Some("media_id") => drop(text(checker, body, "media_id", true, (1, 64), LENGTH)),
                Some(_) => {
                    let link = text(checker, body, "link", true, (1, 2048), LENGTH);
                    if let (Some(false), Some(at)) = (link.map(is_web), body.get("link")) {
                        checker.error(VALUE_INVALID, &at, "link is an http(s) URL");
                    }
                }
                None => {}
            }
            text(checker, body, "caption", false, (1, 1024), LENGTH);
            text(checker, body, "filename", false, (1, 255), LENGTH);
            if let (true, Some(at)) = (matches!(kind, Some("audio" | "sticker")), body.get("caption")) {
                checker.error(FIELD_NOT_ALLOWED, &at, "audio and stickers take no caption");
            }
            if let (true, Some(at)) = (kind.is_some_and(|k| k != "document"), body.get("filename")) {
                checker.error(FIELD_NOT_ALLOWED, &at, "only documents take a filename");
            }
        })
    }

    /// POST `/messages/interactive`: `{ to, interactive_type, body_text, footer_text?, header?, … }`
    /// with the fields of its variant (buttons; list sections; CTA URL; Flow).
    pub fn send_interactive<'t>(&self, json: impl Into<Source<'t>>, body: &Node) -> Result<Request, Error> {
        let source: Source<'_> = json.into();
        static KEYS: [&str; 18] = [
            "phone_id",
            "phone_number_id",
            "to",
            "interactive_type",
            "body_text",
            "footer_text",
            "header",
            "buttons",
            "button_text",
            "sections",
            "button_url",
            "flow_cta",
            "flow_id",
            "flow_name",
            "flow_action",
            "flow_action_payload",
            "flow_token",
            "flow_mode",
        ];
        self.send("/messages/interactive", source, body, &KEYS, &|checker, body| {
            let kind = choice(checker, body, "interactive_type", true, &INTERACTIVE_TYPES, VALUE_INVALID);
            text(checker, body, "body_text", true, (1, 1024), LENGTH);
            text(checker, body, "footer_text", false, (1, 60), LENGTH);
            let variant: &[&str] = match kind {
                Some("button") => {
                    for button in array(checker, body, "buttons", true, (1, 3), COUNT).unwrap_or_default() {
                        if object(checker, &button, &["id", "title"], UNKNOWN) {
                            text(checker, &button, "id", true, (1, 256), LENGTH);
                            text(checker, &button, "title", true, (1, 20), LENGTH);
                        }
                    }
                    &["buttons"]
                }
                Some("list") => {
                    text(checker, body, "button_text", true, (1, 20), LENGTH);
                    check_sections(checker, body);
                    &["button_text", "sections"]
                }
                Some("cta_url") => {
                    text(checker, body, "button_text", true, (1, 20), LENGTH);
                    let url = text(checker, body, "button_url", true, (1, 2048), LENGTH);
                    if let (Some(false), Some(at)) = (url.map(is_web), body.get("button_url")) {
                        checker.error(VALUE_INVALID, &at, "button_url is an http(s) URL");
                    }
                    &["button_text", "button_url"]
                }
                Some("flow") => {
                    text(checker, body, "flow_cta", true, (1, 30), LENGTH);
                    exactly_one(checker, body, ["flow_id", "flow_name"], true, ONE_OF);
                    choice(checker, body, "flow_action", false, &FLOW_ACTIONS, VALUE_INVALID);
                    choice(checker, body, "flow_mode", false, &["draft", "published"], VALUE_INVALID);
                    text(checker, body, "flow_token", false, ANY, LENGTH);
                    if let Some(payload) = member(checker, body, "flow_action_payload", false) {
                        if object(checker, &payload, &["screen", "data"], UNKNOWN) {
                            text(checker, &payload, "screen", true, ANY, LENGTH);
                        }
                    }
                    KEYS.get(11..).unwrap_or_default()
                }
                _ => &[],
            };
            // Fields of another variant are refused rather than silently dropped by the server.
            for key in KEYS.get(7..).unwrap_or_default() {
                if let (Some(kind), Some(at)) = (kind, body.get(key)) {
                    if !variant.contains(key) {
                        let message = format!("{key} does not belong to a {kind} message");
                        checker.error(FIELD_NOT_ALLOWED, &at, message);
                    }
                }
            }
        })
    }

    /// POST `/messages/{message_id}/read`: `{ typing_indicator? }` plus the selector.
    pub fn mark_read(
        &self,
        message_id: &str,
        typing: bool,
        selector: Option<(&str, &str)>,
    ) -> Result<Request, Error> {
        let id = id_arg(message_id, "a message id")?;
        let mut object = Object::default();
        if let Some((key, value)) = selector {
            object.string(key, value);
        }
        if typing {
            object.raw("typing_indicator", "true");
        }
        let text = object.finish();
        fail_on_errors(self.selector_report(selector)?)?;
        let body = self.write(&text, &parse_document(&text)?, None, true);
        Ok(Request::post(self.url(&format!("/messages/{}/read", encode_component(id))), Some(body), true))
    }

    /// POST `/media` (multipart `file` plus the selector field), at most 100 MB.
    pub fn upload_media(
        &self,
        content_type: &str,
        size: u64,
        filename: &str,
        selector: Option<(&str, &str)>,
    ) -> Result<Request, Error> {
        // No body to point into: the file and the selector are arguments.
        let mut issues = Vec::new();
        if size == 0 || size > MAX_UPLOAD_BYTES {
            let message = format!("media is 1 to {MAX_UPLOAD_BYTES} bytes (100 MB); this file has {size}");
            issues.push(Issue::error(MEDIA_TOO_LARGE, "/file", message));
        }
        if !content_type.contains('/') {
            issues.push(Issue::error(VALUE_INVALID, "/file", "the file needs a MIME type (pass { type })"));
        }
        let (key, value) = selector.or_else(|| self.default_selector()).unwrap_or_default();
        if key.is_empty() {
            issues.push(Issue::error(ONE_OF, "/phone_id", "give phone_id or phone_number_id"));
        }
        if key == "phone_id" && !is_uuid(value) {
            issues.push(Issue::error(UUID_INVALID, "/phone_id", "phone_id is a CallMissed UUID"));
        }
        fail_on_errors(Report::from_issues(issues))?;
        let name: &'static str = if key == "phone_id" { "phone_id" } else { "phone_number_id" };
        let form = vec![
            FormPart { name, value: FormValue::Text(value.to_owned()) },
            FormPart {
                name: "file",
                value: FormValue::File {
                    filename: filename.to_owned(),
                    content_type: content_type.to_owned(),
                },
            },
        ];
        Ok(Request::post_form(self.url("/media"), form, false))
    }
}

/// List sections: 1–10 of `{ title ≤ 24, rows: 1–10 of { id ≤ 200, title ≤ 24, description? ≤ 72 } }`.
fn check_sections(checker: &mut Checker<'_>, body: &At<'_>) {
    let Some(sections) = array(checker, body, "sections", true, (1, 10), COUNT) else { return };
    let several = sections.len() > 1;
    for section in sections {
        if !object(checker, &section, &["title", "rows"], UNKNOWN) {
            continue;
        }
        text(checker, &section, "title", several, (1, 24), LENGTH);
        for row in array(checker, &section, "rows", true, (1, 10), COUNT).unwrap_or_default() {
            if object(checker, &row, &["id", "title", "description"], UNKNOWN) {
                text(checker, &row, "id", true, (1, 200), LENGTH);
                text(checker, &row, "title", true, (1, 24), LENGTH);
                text(checker, &row, "description", false, (1, 72), LENGTH);
            }
        }
    }
}
