//! CallMissed (the `cm_`-key platform) WhatsApp API: request builders that check bodies first, and its error envelopes.

use super::fields::{is_uuid, push_query, query_value, raw, Codes, Findings, Object};
use crate::api::error::from_response;
use crate::api::template_send::{recipient, TemplateSend};
use crate::api::{encode_component, parse_document, FormPart, FormValue, Request, Response};
use crate::error::code;
use crate::json::string_literal;
use crate::json::{self, Node};
use crate::json_pointer::JsonPointer;
use crate::template::{validate_template, TemplateOptions};
use crate::Error;

/// A field the platform does not document.
pub const UNKNOWN_FIELD: &str = "cm.unknown_field";
/// A text shorter or longer than the platform allows.
pub const LENGTH_OUT_OF_RANGE: &str = "cm.length_out_of_range";
/// A value outside the documented set.
pub const VALUE_INVALID: &str = "cm.value_invalid";
/// Too few or too many items, or a number out of its range.
pub const COUNT_OUT_OF_RANGE: &str = "cm.count_out_of_range";
/// Not exactly one of two alternatives (`phone_id`/`phone_number_id`, `account_id`/`waba_id`, `media_id`/`link`).
pub const ONE_OF: &str = "cm.one_of";
/// `days` outside 1–90.
pub const DAYS_OUT_OF_RANGE: &str = "cm.days_out_of_range";
/// A value that must be a UUID (CallMissed ids) is not one.
pub const UUID_INVALID: &str = "cm.uuid_invalid";
/// A field this kind of message does not take (a caption on audio, a filename on an image, …).
pub const FIELD_NOT_ALLOWED: &str = "cm.field_not_allowed";
/// A media upload larger than 100 MB.
pub const MEDIA_TOO_LARGE: &str = "cm.media_too_large";

static CODES: Codes = Codes {
    unknown: UNKNOWN_FIELD,
    length: LENGTH_OUT_OF_RANGE,
    value: VALUE_INVALID,
    count: COUNT_OUT_OF_RANGE,
    one_of: ONE_OF,
};

/// The path prefix of the WhatsApp routes.
pub static DEFAULT_PREFIX: &str = "/api/v1/whatsapp";
/// The largest media upload (100 MB).
pub const MAX_UPLOAD_BYTES: u64 = 100 << 20;

const SELECTOR: [&str; 2] = ["phone_id", "phone_number_id"];
const ACCOUNT: [&str; 2] = ["account_id", "waba_id"];
const MEDIA_KINDS: [&str; 5] = ["image", "audio", "video", "document", "sticker"];
const INTERACTIVE_TYPES: [&str; 4] = ["button", "list", "cta_url", "flow"];
const TEMPLATE_CATEGORIES: [&str; 3] = ["MARKETING", "UTILITY", "AUTHENTICATION"];
const ANY: (usize, usize) = (1, usize::MAX);

/// Where a client's requests go, and its defaults.
#[derive(Clone, Debug, Default)]
pub struct Cm {
    /// The customer's host, e.g. `https://api.callmissed.com`.
    pub base_url: String,
    /// `/api/v1/whatsapp`.
    pub prefix: String,
    /// The default number (a CallMissed UUID), when a body names none.
    pub phone_id: Option<String>,
    /// The default number as Meta's id, when a body names none.
    pub phone_number_id: Option<String>,
    /// Body field names to send under another name (detailed name → name sent).
    pub aliases: Vec<(String, String)>,
}

/// A path argument that must be a UUID.
fn uuid_arg<'a>(value: &'a str, what: &str) -> Result<&'a str, Error> {
    if is_uuid(value) {
        Ok(value)
    } else {
        Err(Error::invalid_argument(format!("{what} must be a CallMissed UUID (8-4-4-4-12 hex digits)")))
    }
}

/// A path argument of letters, digits, `_`, `-`, `.` and `=` (Meta message ids).
fn id_arg<'a>(value: &'a str, what: &str) -> Result<&'a str, Error> {
    let fine = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'=');
    if !value.is_empty() && value.len() <= 512 && value.bytes().all(fine) {
        Ok(value)
    } else {
        Err(Error::invalid_argument(format!("{what} may only hold letters, digits, '_', '-', '.' and '='")))
    }
}

/// Checks a member that must be a UUID when present.
fn uuid_member(findings: &mut Findings, body: &Node, key: &str, required: bool) {
    let root = JsonPointer::root();
    if let Some(id) = findings.text(body, &root, key, required, ANY) {
        if !is_uuid(id) {
            findings.error(UUID_INVALID, &root.key(key), format!("{key} is a CallMissed UUID"));
        }
    }
}

impl Cm {
    fn url(&self, path: &str) -> String {
        format!("{}{}{path}", self.base_url.trim_end_matches('/'), self.prefix.trim_end_matches('/'))
    }

    /// The name `key` is sent under.
    fn name<'a>(&'a self, key: &'a str) -> &'a str {
        self.aliases.iter().find(|(from, _)| from == key).map_or(key, |(_, to)| to.as_str())
    }

    /// `body` (parsed from `text`) rewritten for the wire: aliases applied, `to` as +E.164,
    /// the client's number selector added when the body names none.
    fn write(&self, text: &str, body: &Node, to: Option<&str>, selector: bool) -> String {
        let mut object = Object::default();
        if selector && SELECTOR.iter().all(|key| body.get(key).is_none()) {
            if let Some(id) = &self.phone_id {
                object.string(self.name("phone_id"), id);
            } else if let Some(id) = &self.phone_number_id {
                object.string(self.name("phone_number_id"), id);
            }
        }
        for (key, value) in body.members().unwrap_or_default() {
            match (key.name.as_ref(), to) {
                ("to", Some(to)) => object.string(self.name("to"), to),
                (name, _) => object.raw(self.name(name), raw(text, value)),
            };
        }
        object.finish()
    }

    /// Checks the number selector: one of `phone_id` (UUID) or `phone_number_id` (≤ 64), or a client default.
    fn selector(&self, findings: &mut Findings, body: &Node) {
        let root = JsonPointer::root();
        match findings.exactly_one(body, &root, SELECTOR, false) {
            Some("phone_id") => uuid_member(findings, body, "phone_id", true),
            Some(_) => {
                findings.text(body, &root, "phone_number_id", true, (1, 64));
            }
            None if SELECTOR.iter().any(|key| body.get(key).is_some()) => {}
            None if self.phone_id.is_none() && self.phone_number_id.is_none() => findings.error(
                ONE_OF,
                &root.key("phone_id"),
                "give phone_id (CallMissed UUID) or phone_number_id (Meta id), in the body or on the client",
            ),
            None => {}
        }
    }

    /// The recipient `to` as +E.164 (its findings at `/to`).
    fn to(findings: &mut Findings, body: &Node) -> Option<String> {
        let text = findings.text(body, &JsonPointer::root(), "to", true, (5, 20))?;
        match recipient(text) {
            Ok(to) => Some(to),
            Err(error) => {
                findings.issues.extend(error.issues);
                None
            }
        }
    }

    /// A checked send body posted to `path`.
    fn send(
        &self,
        path: &str,
        text: &str,
        body: &Node,
        allowed: &[&str],
        check: &dyn Fn(&mut Findings, &Node),
    ) -> Result<Request, Error> {
        let mut findings = Findings::new(&CODES);
        if findings.object(body, &JsonPointer::root(), allowed) {
            self.selector(&mut findings, body);
            let to = Self::to(&mut findings, body);
            check(&mut findings, body);
            findings.finish()?;
            let body = self.write(text, body, to.as_deref(), true);
            return Ok(Request::post(self.url(path), Some(body), false));
        }
        Err(findings.finish().err().unwrap_or_else(|| Error::invalid_argument("expected an object")))
    }

    /// POST `/onboarding/exchange`: `{ code, waba_id, phone_number_id, business_id?, bot_id?, data_localization_region? }`.
    pub fn exchange(&self, text: &str, body: &Node) -> Result<Request, Error> {
        const KEYS: [&str; 6] =
            ["code", "waba_id", "phone_number_id", "business_id", "bot_id", "data_localization_region"];
        self.plain("/onboarding/exchange", text, body, &KEYS, &|findings, body| {
            let root = JsonPointer::root();
            findings.text(body, &root, "code", true, (1, 2048));
            findings.text(body, &root, "waba_id", true, (1, 64));
            findings.text(body, &root, "phone_number_id", true, (1, 64));
            findings.text(body, &root, "business_id", false, (1, 64));
            uuid_member(findings, body, "bot_id", false);
            findings.text(body, &root, "data_localization_region", false, (2, 2));
        })
    }

    /// POST `/onboarding/manual`: `{ waba_id, phone_number_id, access_token, business_id?, bot_id? }`
    /// (the platform takes it with a dashboard JWT only).
    pub fn manual(&self, text: &str, body: &Node) -> Result<Request, Error> {
        const KEYS: [&str; 5] = ["waba_id", "phone_number_id", "access_token", "business_id", "bot_id"];
        self.plain("/onboarding/manual", text, body, &KEYS, &|findings, body| {
            let root = JsonPointer::root();
            findings.text(body, &root, "waba_id", true, (1, 64));
            findings.text(body, &root, "phone_number_id", true, (1, 64));
            findings.text(body, &root, "access_token", true, (20, 4096));
            findings.text(body, &root, "business_id", false, (1, 64));
            uuid_member(findings, body, "bot_id", false);
        })
    }

    /// A checked body posted to `path` as written (aliases applied).
    fn plain(
        &self,
        path: &str,
        text: &str,
        body: &Node,
        allowed: &[&str],
        check: &dyn Fn(&mut Findings, &Node),
    ) -> Result<Request, Error> {
        let mut findings = Findings::new(&CODES);
        if findings.object(body, &JsonPointer::root(), allowed) {
            check(&mut findings, body);
        }
        findings.finish()?;
        Ok(Request::post(self.url(path), Some(self.write(text, body, None, false)), false))
    }

    /// GET `/accounts`.
    pub fn accounts(&self) -> Request {
        Request::get(self.url("/accounts"))
    }

    /// GET `/phone_numbers`.
    pub fn phone_numbers(&self) -> Request {
        Request::get(self.url("/phone_numbers"))
    }

    /// POST `/phone_numbers/{phone_id}/link-bot` with `{ bot_id }` (a UUID, or none to unlink).
    pub fn link_bot(&self, phone_id: &str, bot_id: Option<&str>) -> Result<Request, Error> {
        let phone = uuid_arg(phone_id, "phoneId")?;
        let bot = match bot_id {
            Some(bot) => string_literal(uuid_arg(bot, "botId")?),
            None => "null".to_owned(),
        };
        let body = Object::default().raw(self.name("bot_id"), &bot).finish();
        Ok(Request::post(self.url(&format!("/phone_numbers/{phone}/link-bot")), Some(body), true))
    }

    /// POST `/phone_numbers/{phone_id}/autoreply` with `{ enabled }`.
    pub fn autoreply(&self, phone_id: &str, enabled: bool) -> Result<Request, Error> {
        let phone = uuid_arg(phone_id, "phoneId")?;
        let body =
            Object::default().raw(self.name("enabled"), if enabled { "true" } else { "false" }).finish();
        Ok(Request::post(self.url(&format!("/phone_numbers/{phone}/autoreply")), Some(body), true))
    }

    /// POST `/messages`: `{ to, text (1–65536), preview_url?, context_message_id? }` plus the selector.
    pub fn send_text(&self, text: &str, body: &Node) -> Result<Request, Error> {
        const KEYS: [&str; 6] =
            ["phone_id", "phone_number_id", "to", "text", "preview_url", "context_message_id"];
        self.send("/messages", text, body, &KEYS, &|findings, body| {
            let root = JsonPointer::root();
            findings.text(body, &root, "text", true, (1, 65_536));
            findings.boolean(body, &root, "preview_url", false);
            findings.text(body, &root, "context_message_id", false, ANY);
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
        let mut findings = Findings::new(&CODES);
        let at = JsonPointer::root();
        match selector {
            Some((key, value)) => {
                let probe = format!("{{{}:{}}}", string_literal(key), string_literal(value));
                let probe = parse_document(&probe)?;
                self.selector(&mut findings, &probe);
                object.string(self.name(key), value);
            }
            None => {
                self.selector(&mut findings, &parse_document("{}")?);
                match (&self.phone_id, &self.phone_number_id) {
                    (Some(id), _) => object.string(self.name("phone_id"), id),
                    (None, Some(id)) => object.string(self.name("phone_number_id"), id),
                    (None, None) => &mut object,
                };
            }
        }
        if let Some(template) = template {
            findings.text(template, &at, "name", true, (1, 512));
            if let Some(language) = template.get("language") {
                findings.text(language, &at.key("language"), "code", true, (1, 12));
            }
        }
        findings.finish()?;
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
    pub fn send_media(&self, text: &str, body: &Node) -> Result<Request, Error> {
        const KEYS: [&str; 8] =
            ["phone_id", "phone_number_id", "to", "kind", "media_id", "link", "caption", "filename"];
        self.send("/messages/media", text, body, &KEYS, &|findings, body| {
            let root = JsonPointer::root();
            let kind = findings.choice(body, &root, "kind", true, &MEDIA_KINDS);
            match findings.exactly_one(body, &root, ["media_id", "link"], true) {
                Some("media_id") => drop(findings.text(body, &root, "media_id", true, (1, 64))),
                Some(_) => {
                    let link = findings.text(body, &root, "link", true, (1, 2048));
                    if link.is_some_and(|l| !l.starts_with("https://") && !l.starts_with("http://")) {
                        findings.error(VALUE_INVALID, &root.key("link"), "link is an http(s) URL");
                    }
                }
                None => {}
            }
            findings.text(body, &root, "caption", false, (1, 1024));
            findings.text(body, &root, "filename", false, (1, 255));
            if matches!(kind, Some("audio" | "sticker")) && body.get("caption").is_some() {
                findings.error(FIELD_NOT_ALLOWED, &root.key("caption"), "audio and stickers take no caption");
            }
            if kind.is_some_and(|k| k != "document") && body.get("filename").is_some() {
                findings.error(FIELD_NOT_ALLOWED, &root.key("filename"), "only documents take a filename");
            }
        })
    }

    /// POST `/messages/interactive`: `{ to, interactive_type, body_text, footer_text?, header?, … }`
    /// with the fields of its variant (buttons; list sections; CTA URL; Flow).
    pub fn send_interactive(&self, text: &str, body: &Node) -> Result<Request, Error> {
        const KEYS: [&str; 18] = [
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
        self.send("/messages/interactive", text, body, &KEYS, &|findings, body| {
            let root = JsonPointer::root();
            let kind = findings.choice(body, &root, "interactive_type", true, &INTERACTIVE_TYPES);
            findings.text(body, &root, "body_text", true, (1, 1024));
            findings.text(body, &root, "footer_text", false, (1, 60));
            let variant: &[&str] = match kind {
                Some("button") => {
                    if let Some(buttons) = findings.array(body, &root, "buttons", true, (1, 3)) {
                        for (index, button) in buttons.iter().enumerate() {
                            let at = root.key("buttons").index(index);
                            if findings.object(button, &at, &["id", "title"]) {
                                findings.text(button, &at, "id", true, (1, 256));
                                findings.text(button, &at, "title", true, (1, 20));
                            }
                        }
                    }
                    &["buttons"]
                }
                Some("list") => {
                    findings.text(body, &root, "button_text", true, (1, 20));
                    check_sections(findings, body);
                    &["button_text", "sections"]
                }
                Some("cta_url") => {
                    findings.text(body, &root, "button_text", true, (1, 20));
                    let url = findings.text(body, &root, "button_url", true, (1, 2048));
                    if url.is_some_and(|u| !u.starts_with("https://") && !u.starts_with("http://")) {
                        findings.error(
                            VALUE_INVALID,
                            &root.key("button_url"),
                            "button_url is an http(s) URL",
                        );
                    }
                    &["button_text", "button_url"]
                }
                Some("flow") => {
                    findings.text(body, &root, "flow_cta", true, (1, 30));
                    findings.exactly_one(body, &root, ["flow_id", "flow_name"], true);
                    findings.choice(body, &root, "flow_action", false, &["navigate", "data_exchange"]);
                    findings.choice(body, &root, "flow_mode", false, &["draft", "published"]);
                    findings.text(body, &root, "flow_token", false, ANY);
                    if let Some(payload) = findings.member(body, &root, "flow_action_payload", false) {
                        let at = root.key("flow_action_payload");
                        if findings.object(payload, &at, &["screen", "data"]) {
                            findings.text(payload, &at, "screen", true, ANY);
                        }
                    }
                    &[
                        "flow_cta",
                        "flow_id",
                        "flow_name",
                        "flow_action",
                        "flow_action_payload",
                        "flow_token",
                        "flow_mode",
                    ]
                }
                _ => &[],
            };
            // Fields of another variant are refused rather than silently dropped by the server.
            for key in KEYS.get(7..18).unwrap_or_default() {
                if body.get(key).is_some() && !variant.contains(key) && kind.is_some() {
                    let message = format!("{key} does not belong to a {} message", kind.unwrap_or_default());
                    findings.error(FIELD_NOT_ALLOWED, &root.key(key), message);
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
        let node = parse_document(&text)?;
        let mut findings = Findings::new(&CODES);
        self.selector(&mut findings, &node);
        findings.finish()?;
        let body = self.write(&text, &node, None, true);
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
        let mut findings = Findings::new(&CODES);
        let at = JsonPointer::root().key("file");
        if size == 0 || size > MAX_UPLOAD_BYTES {
            let message = format!("media is 1 to {MAX_UPLOAD_BYTES} bytes (100 MB); this file has {size}");
            findings.error(MEDIA_TOO_LARGE, &at, message);
        }
        if !content_type.contains('/') {
            findings.error(VALUE_INVALID, &at, "the file needs a MIME type (pass { type })");
        }
        let (key, value) = match selector {
            Some((key, value)) => (key.to_owned(), value.to_owned()),
            None => match (&self.phone_id, &self.phone_number_id) {
                (Some(id), _) => ("phone_id".to_owned(), id.clone()),
                (None, Some(id)) => ("phone_number_id".to_owned(), id.clone()),
                (None, None) => {
                    findings.error(
                        ONE_OF,
                        &JsonPointer::root().key("phone_id"),
                        "give phone_id or phone_number_id",
                    );
                    (String::new(), String::new())
                }
            },
        };
        if key == "phone_id" && !is_uuid(&value) {
            findings.error(
                UUID_INVALID,
                &JsonPointer::root().key("phone_id"),
                "phone_id is a CallMissed UUID",
            );
        }
        findings.finish()?;
        let name: &'static str = if key == "phone_id" { "phone_id" } else { "phone_number_id" };
        let form = vec![
            FormPart { name, value: FormValue::Text(value) },
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

    /// GET `{path}` with the query object `text` checked: `allowed` keys, `limit` in `limit`.
    fn list(
        &self,
        path: &str,
        text: &str,
        query: &Node,
        allowed: &[&str],
        limit: (u64, u64),
    ) -> Result<Request, Error> {
        let mut findings = Findings::new(&CODES);
        let root = JsonPointer::root();
        if findings.object(query, &root, allowed) {
            findings.integer(query, &root, "limit", limit, None);
            findings.integer(query, &root, "offset", (0, u64::MAX >> 11), None);
            if allowed.contains(&"account_id") {
                findings.exactly_one(query, &root, ACCOUNT, false);
            }
            if allowed.contains(&"days") {
                findings.integer(query, &root, "days", (1, 90), Some(DAYS_OUT_OF_RANGE));
            }
        }
        findings.finish()?;
        let mut url = self.url(path);
        for (key, value) in query.members().unwrap_or_default() {
            push_query(&mut url, &key.name, query_value(text, value));
        }
        Ok(Request::get(url))
    }

    /// GET `/templates` with filters `account_id`, `waba_id`, `status`, `category`, `language`, `limit` (1–500).
    pub fn templates(&self, text: &str, query: &Node) -> Result<Request, Error> {
        const KEYS: [&str; 6] = ["account_id", "waba_id", "status", "category", "language", "limit"];
        self.list("/templates", text, query, &KEYS, (1, 500))
    }

    /// POST `/templates`: `{ account_id | waba_id, name, category, language, components, parameter_format?,
    /// allow_category_change? }`, the definition checked like `validateTemplate` first.
    pub fn create_template(&self, text: &str, body: &Node) -> Result<Request, Error> {
        const KEYS: [&str; 8] = [
            "account_id",
            "waba_id",
            "name",
            "category",
            "language",
            "components",
            "parameter_format",
            "allow_category_change",
        ];
        let mut findings = Findings::new(&CODES);
        let root = JsonPointer::root();
        if findings.object(body, &root, &KEYS) {
            findings.exactly_one(body, &root, ACCOUNT, true);
            findings.text(body, &root, "language", true, (2, 12));
            findings.choice(body, &root, "category", true, &TEMPLATE_CATEGORIES);
            findings.boolean(body, &root, "allow_category_change", false);
            let report = validate_template(body, None, &TemplateOptions::default());
            findings.issues.extend(report.errors);
        }
        findings.finish()?;
        Ok(Request::post(self.url("/templates"), Some(self.write(text, body, None, false)), false))
    }

    /// POST `/templates/sync`: `{ account_id | waba_id }`.
    pub fn sync_templates(&self, text: &str, body: &Node) -> Result<Request, Error> {
        let request = self.plain("/templates/sync", text, body, &ACCOUNT, &|findings, body| {
            findings.exactly_one(body, &JsonPointer::root(), ACCOUNT, true);
        })?;
        Ok(Request { idempotent: true, ..request })
    }

    /// DELETE `/templates/{uuid}` (the CallMissed template id); answers 204.
    pub fn delete_template(&self, uuid: &str) -> Result<Request, Error> {
        Ok(Request::delete(self.url(&format!("/templates/{}", uuid_arg(uuid, "the template id")?))))
    }

    /// GET `/campaigns` (`limit`).
    pub fn campaigns(&self, text: &str, query: &Node) -> Result<Request, Error> {
        self.list("/campaigns", text, query, &["limit"], (1, 1000))
    }

    /// POST `/campaigns`: `{ phone_number_id (a CallMissed UUID), name, template_name,
    /// template_language?, template_components?, scheduled_at? }` (the client's `phoneId` by default).
    pub fn create_campaign(&self, text: &str, body: &Node) -> Result<Request, Error> {
        const KEYS: [&str; 6] = [
            "phone_number_id",
            "name",
            "template_name",
            "template_language",
            "template_components",
            "scheduled_at",
        ];
        let mut findings = Findings::new(&CODES);
        let root = JsonPointer::root();
        if findings.object(body, &root, &KEYS) {
            let default = self.phone_id.as_ref().filter(|_| body.get("phone_number_id").is_none());
            if default.is_none() {
                uuid_member(&mut findings, body, "phone_number_id", true);
            }
            findings.text(body, &root, "name", true, (1, 255));
            findings.text(body, &root, "template_name", true, (1, 512));
            findings.text(body, &root, "template_language", false, (2, 12));
            findings.array(body, &root, "template_components", false, (0, usize::MAX));
            findings.text(body, &root, "scheduled_at", false, (1, 64));
        }
        findings.finish()?;
        let mut object = Object::default();
        if let Some(id) = self.phone_id.as_ref().filter(|_| body.get("phone_number_id").is_none()) {
            object.string(self.name("phone_number_id"), id);
        }
        for (key, value) in body.members().unwrap_or_default() {
            object.raw(self.name(&key.name), raw(text, value));
        }
        Ok(Request::post(self.url("/campaigns"), Some(object.finish()), false))
    }

    /// POST `/campaigns/{id}/recipients`: `recipients` (1–10000 of `{ to_phone, variables? }`), numbers as +E.164.
    pub fn add_recipients(&self, campaign_id: &str, text: &str, recipients: &Node) -> Result<Request, Error> {
        let id = uuid_arg(campaign_id, "the campaign id")?;
        let mut findings = Findings::new(&CODES);
        let root = JsonPointer::root();
        let mut list = String::from("[");
        match recipients.items() {
            Some(items) if !items.is_empty() && items.len() <= 10_000 => {
                for (index, item) in items.iter().enumerate() {
                    let at = root.index(index);
                    if !findings.object(item, &at, &["to_phone", "variables"]) {
                        continue;
                    }
                    let phone = findings.text(item, &at, "to_phone", true, (5, 20)).map(recipient);
                    if let Some(variables) = item.get("variables").filter(|v| v.members().is_none()) {
                        findings.error(
                            crate::check::code::WRONG_TYPE,
                            &at.key("variables"),
                            format!(
                                "variables is an object of name → value, got {}",
                                variables.value.type_name()
                            ),
                        );
                    }
                    match phone {
                        Some(Ok(phone)) => {
                            let mut object = Object::default();
                            object.string(self.name("to_phone"), &phone);
                            if let Some(variables) = item.get("variables") {
                                object.raw(self.name("variables"), raw(text, variables));
                            }
                            if index > 0 {
                                list.push(',');
                            }
                            list.push_str(&object.finish());
                        }
                        Some(Err(error)) => {
                            findings.issues.extend(error.issues.into_iter().map(|issue| {
                                crate::report::Issue { path: at.key("to_phone").into(), ..issue }
                            }))
                        }
                        None => {}
                    }
                }
            }
            Some(items) => findings.error(
                COUNT_OUT_OF_RANGE,
                &root,
                format!("a campaign takes 1 to 10000 recipients per call; got {}", items.len()),
            ),
            None => findings.error(crate::check::code::WRONG_TYPE, &root, "recipients is an array"),
        }
        findings.finish()?;
        list.push(']');
        let body = Object::default().raw(self.name("recipients"), &list).finish();
        Ok(Request::post(self.url(&format!("/campaigns/{id}/recipients")), Some(body), false))
    }

    /// POST `/campaigns/{id}/launch`.
    pub fn launch_campaign(&self, campaign_id: &str) -> Result<Request, Error> {
        let id = uuid_arg(campaign_id, "the campaign id")?;
        Ok(Request::post(self.url(&format!("/campaigns/{id}/launch")), None, false))
    }

    /// GET `/analytics/{report}` (`funnel`, `timeseries`, `costs`) with `days` 1–90.
    pub fn analytics(&self, report: &str, text: &str, query: &Node) -> Result<Request, Error> {
        self.list(&format!("/analytics/{report}"), text, query, &["days"], (0, 0))
    }
}

/// List sections: 1–10 of `{ title ≤ 24, rows: 1–10 of { id ≤ 200, title ≤ 24, description? ≤ 72 } }`.
fn check_sections(findings: &mut Findings, body: &Node) {
    let root = JsonPointer::root();
    let Some(sections) = findings.array(body, &root, "sections", true, (1, 10)) else { return };
    for (index, section) in sections.iter().enumerate() {
        let at = root.key("sections").index(index);
        if !findings.object(section, &at, &["title", "rows"]) {
            continue;
        }
        findings.text(section, &at, "title", sections.len() > 1, (1, 24));
        let Some(rows) = findings.array(section, &at, "rows", true, (1, 10)) else { continue };
        for (row_index, row) in rows.iter().enumerate() {
            let at = at.key("rows").index(row_index);
            if findings.object(row, &at, &["id", "title", "description"]) {
                findings.text(row, &at, "id", true, (1, 200));
                findings.text(row, &at, "title", true, (1, 24));
                findings.text(row, &at, "description", false, (1, 72));
            }
        }
    }
}

/// The error for a CallMissed response that is not a success: `{"detail": "…"}`,
/// `{"detail": [{loc, msg, …}]}` (422) or `{"error": {code, message, type}}`,
/// on top of the status mapping (401 auth, 403 scope, 404, 429 with Retry-After, 5xx).
pub fn errors(response: &Response) -> Error {
    let base = from_response(response);
    let document = json::parse(&response.body).ok();
    let detail = document.as_ref().and_then(|doc| doc.get("detail"));
    let platform = document.as_ref().and_then(|doc| doc.get("error"));
    let platform_code = platform.and_then(|e| e.get("code")).and_then(Node::as_str);
    let said = match (detail, platform) {
        (Some(detail), _) => match detail.items() {
            Some(items) => items
                .iter()
                .map(|item| {
                    let location: Vec<String> = item
                        .get("loc")
                        .and_then(Node::items)
                        .unwrap_or_default()
                        .iter()
                        // A number (an array index) as written in the body: printing an
                        // f64 would pull float formatting (~9 KB gzip) into the wasm.
                        .map(|part| {
                            part.as_str().unwrap_or_else(|| json::source(&response.body, part)).to_owned()
                        })
                        .collect();
                    let message = item.get("msg").and_then(Node::as_str).unwrap_or("invalid");
                    format!("{}: {message}", location.join("."))
                })
                .collect::<Vec<_>>()
                .join("; "),
            None => detail.as_str().unwrap_or_default().to_owned(),
        },
        (None, Some(error)) => {
            let message = error.get("message").and_then(Node::as_str).unwrap_or_default();
            format!("{} {message}", platform_code.unwrap_or("error"))
        }
        (None, None) => return base,
    };
    let category = match platform_code {
        Some("invalid_api_key" | "token_expired") => code::AUTH_FAILED,
        Some("permission_denied" | "domain_not_allowed") => code::PERMISSION_DENIED,
        Some("not_found") => code::NOT_FOUND,
        Some("rate_limit_exceeded") => code::RATE_LIMITED,
        _ => base.code,
    };
    let retryable = matches!(category, code::RATE_LIMITED | code::SERVER_ERROR);
    Error {
        code: category,
        message: format!("HTTP {}: {said}", response.status),
        retryable: Some(retryable),
        ..base
    }
}

/// `error` with the API-key scope the call needs named, when the platform refused it for want of a permission.
pub fn with_scope(error: Error, scope: &str) -> Error {
    if error.code != code::PERMISSION_DENIED || error.status.is_none() {
        return error;
    }
    let message = format!("{} (this call needs an API key with the {scope} scope)", error.message);
    Error { message, ..error }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    const PHONE: &str = "5f0c6a1e-8a7b-4c2d-9e3f-0a1b2c3d4e5f";

    fn cm() -> Cm {
        Cm {
            base_url: "https://cm.example/".into(),
            prefix: DEFAULT_PREFIX.into(),
            phone_id: Some(PHONE.into()),
            ..Cm::default()
        }
    }

    fn codes(error: &Error) -> Vec<(&str, &str)> {
        error.issues.iter().map(|issue| (issue.code, issue.path.as_str())).collect()
    }

    #[test]
    fn texts_get_the_selector_and_an_e164_recipient() {
        let text = r#"{"to":"14155552671","text":"hi","preview_url":true}"#;
        let request = cm().send_text(text, &parse(text).unwrap()).unwrap();
        assert_eq!(request.url, "https://cm.example/api/v1/whatsapp/messages");
        assert_eq!(
            request.body.unwrap(),
            format!(r#"{{"phone_id":"{PHONE}","to":"+14155552671","text":"hi","preview_url":true}}"#)
        );
        let bad = r#"{"to":"+1415","text":"","phone_id":"x","phone_number_id":"1","colour":1}"#;
        let error = cm().send_text(bad, &parse(bad).unwrap()).unwrap_err();
        let found = codes(&error);
        assert!(found.contains(&("cm.unknown_field", "/colour")), "{found:?}");
        assert!(found.contains(&("cm.one_of", "/phone_number_id")), "{found:?}");
        assert!(found.contains(&("cm.length_out_of_range", "/text")), "{found:?}");
        assert!(found.iter().any(|(code, path)| code.starts_with("phone.") && *path == "/to"), "{found:?}");
    }

    #[test]
    fn aliases_rename_fields_on_the_wire() {
        let client = Cm { aliases: vec![("template_name".into(), "template".into())], ..cm() };
        let send = crate::api::template_send::prepare(
            "+14155552671",
            r#"{"name":"order_update","language":{"code":"en_US"}}"#,
            None,
        )
        .unwrap();
        let body = client.send_template(&send, None).unwrap().body.unwrap();
        assert_eq!(
            body,
            format!(
                r#"{{"phone_id":"{PHONE}","to":"+14155552671","template":"order_update","language_code":"en_US"}}"#
            )
        );
    }

    #[test]
    fn media_and_interactive_bodies_follow_the_documented_limits() {
        let both =
            r#"{"to":"+14155552671","kind":"audio","media_id":"1","link":"https://x/a","caption":"c"}"#;
        let found = codes(&cm().send_media(both, &parse(both).unwrap()).unwrap_err())
            .into_iter()
            .map(|(c, p)| format!("{c} {p}"))
            .collect::<Vec<_>>();
        assert_eq!(found, ["cm.one_of /link", "cm.field_not_allowed /caption"]);
        let list = r#"{"to":"+14155552671","interactive_type":"list","body_text":"Pick","button_text":"Options","sections":[{"rows":[{"id":"1","title":"A title that is far too long"}]}],"buttons":[]}"#;
        let error = cm().send_interactive(list, &parse(list).unwrap()).unwrap_err();
        let found = codes(&error);
        assert_eq!(
            found,
            [("cm.length_out_of_range", "/sections/0/rows/0/title"), ("cm.field_not_allowed", "/buttons")]
        );
        let flow = r#"{"to":"+14155552671","interactive_type":"flow","body_text":"Go","flow_cta":"Open","flow_name":"survey","flow_action":"navigate","flow_action_payload":{"screen":"START"}}"#;
        assert!(cm().send_interactive(flow, &parse(flow).unwrap()).is_ok());
    }

    #[test]
    fn days_templates_and_campaigns_are_checked_before_sending() {
        let days = r#"{"days":91}"#;
        let error = cm().analytics("timeseries", days, &parse(days).unwrap()).unwrap_err();
        assert_eq!(codes(&error), [("cm.days_out_of_range", "/days")]);
        let ok = r#"{"days":90}"#;
        assert!(cm()
            .analytics("costs", ok, &parse(ok).unwrap())
            .unwrap()
            .url
            .ends_with("/analytics/costs?days=90"));
        let template =
            r#"{"waba_id":"1","name":"Bad Name","category":"MARKETING","language":"en_US","components":[]}"#;
        let error = cm().create_template(template, &parse(template).unwrap()).unwrap_err();
        let found = codes(&error);
        assert!(found.contains(&("template.name_invalid", "/name")), "{found:?}");
        let none = r#"{"name":"a","category":"UTILITY","language":"en_US","components":[{"type":"BODY","text":"Hi"}]}"#;
        assert_eq!(
            codes(&cm().create_template(none, &parse(none).unwrap()).unwrap_err()),
            [("cm.one_of", "/account_id")]
        );
        let recipients = r#"[{"to_phone":"14155552671","variables":{"1":"Ana"}},{"to_phone":"+1415"}]"#;
        let error = cm().add_recipients(PHONE, recipients, &parse(recipients).unwrap()).unwrap_err();
        assert!(error.issues.iter().all(|issue| issue.path == "/1/to_phone"), "{:?}", error.issues);
        let campaign = r#"{"name":"Spring","template_name":"sale"}"#;
        let body = cm().create_campaign(campaign, &parse(campaign).unwrap()).unwrap().body.unwrap();
        assert!(body.starts_with(&format!(r#"{{"phone_number_id":"{PHONE}""#)), "{body}");
    }

    #[test]
    fn uploads_and_ids_are_checked() {
        assert_eq!(
            codes(&cm().upload_media("video/mp4", MAX_UPLOAD_BYTES + 1, "a.mp4", None).unwrap_err()),
            [("cm.media_too_large", "/file")]
        );
        let upload = cm().upload_media("video/mp4", 10, "a.mp4", None).unwrap();
        assert_eq!(upload.form.first().map(|part| part.name), Some("phone_id"));
        assert!(cm().delete_template("../x").is_err());
        assert_eq!(cm().link_bot(PHONE, None).unwrap().body.unwrap(), r#"{"bot_id":null}"#);
        let read = cm().mark_read("wamid.HBg=", true, None).unwrap();
        assert_eq!(read.body.unwrap(), format!(r#"{{"phone_id":"{PHONE}","typing_indicator":true}}"#));
    }

    #[test]
    fn every_error_envelope_is_read() {
        let response = |status, body: &str| Response { status, retry_after: None, body: body.into() };
        let scope =
            errors(&response(403, r#"{"detail":"API key missing required scope: whatsapp:send. Add it."}"#));
        assert_eq!(scope.code, code::PERMISSION_DENIED);
        let scope = with_scope(scope, "whatsapp:send");
        assert!(
            scope.message.contains("missing required scope: whatsapp:send")
                && scope.message.ends_with("whatsapp:send scope)")
        );
        let invalid = errors(&response(
            422,
            r#"{"detail":[{"type":"missing","loc":["body","to"],"msg":"Field required","input":{}}]}"#,
        ));
        assert_eq!(
            (invalid.code, invalid.message.as_str()),
            (code::INVALID_REQUEST, "HTTP 422: body.to: Field required")
        );
        let platform = errors(&response(
            400,
            r#"{"error":{"code":"rate_limit_exceeded","message":"Slow down","type":"rate_limit"}}"#,
        ));
        assert_eq!((platform.code, platform.retryable), (code::RATE_LIMITED, Some(true)));
        let limited = errors(&Response { status: 429, retry_after: Some("3".into()), body: "{}".into() });
        assert_eq!((limited.code, limited.retry_after_ms), (code::RATE_LIMITED, Some(3000)));
        assert_eq!(errors(&response(502, "<html>")).code, code::SERVER_ERROR);
        assert_eq!(with_scope(Error::invalid_argument("x"), "whatsapp:read").message, "x");
    }
}
