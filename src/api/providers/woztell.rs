//! Woztell's WhatsApp Cloud Public Integration API: request builders (bodies checked first), the Payload + SignedContext headers, and its answers.

use super::fields::{push_query, query_value, raw, Codes, Findings, Object};
use crate::api::error::from_response;
use crate::api::{parse_document, Request, Response};
use crate::base64;
use crate::error::code;
use crate::flow::{validate_flow, FlowOptions};
use crate::json::string_literal;
use crate::json::{self, Node, Value};
use crate::json_pointer::JsonPointer;
use crate::template::{validate_template, TemplateOptions};
use crate::Error;

/// A field the document does not list.
pub const UNKNOWN_FIELD: &str = "woztell.unknown_field";
/// A text shorter or longer than allowed.
pub const LENGTH_OUT_OF_RANGE: &str = "woztell.length_out_of_range";
/// A value outside the documented set.
pub const VALUE_INVALID: &str = "woztell.value_invalid";
/// Too few or too many items, or a number out of its range.
pub const COUNT_OUT_OF_RANGE: &str = "woztell.count_out_of_range";
/// Not exactly one of two alternatives (`channelId`/`wabaId`, `after`/`before`).
pub const ONE_OF: &str = "woztell.one_of";
/// A date range whose `from` is not before its `to`.
pub const RANGE_INVALID: &str = "woztell.range_invalid";
/// A business public key that is not a PEM public key.
pub const PUBLIC_KEY_INVALID: &str = "woztell.public_key_invalid";

static CODES: Codes = Codes {
    unknown: UNKNOWN_FIELD,
    length: LENGTH_OUT_OF_RANGE,
    value: VALUE_INVALID,
    count: COUNT_OUT_OF_RANGE,
    one_of: ONE_OF,
};

/// The Public Integration API host.
pub static DEFAULT_BASE_URL: &str = "https://api.whatsapp-cloud.woztell.sanuker.com";
/// The API version segment.
pub static DEFAULT_VERSION: &str = "v1.2";

/// Woztell's template categories (legacy names) and Meta's, for local validation.
const CATEGORIES: [(&str, &str); 5] = [
    ("TRANSACTIONAL", "UTILITY"),
    ("OTP", "AUTHENTICATION"),
    ("MARKETING", "MARKETING"),
    ("UTILITY", "UTILITY"),
    ("AUTHENTICATION", "AUTHENTICATION"),
];
const MEDIA_TYPES: [&str; 4] = ["image", "audio", "video", "file"];
const GRANULARITY: [&str; 3] = ["HALF_HOUR", "DAILY", "MONTHLY"];
const METRIC_TYPES: [&str; 2] = ["COST", "CONVERSATION"];
const CONVERSATION_TYPES: [&str; 4] = ["FREE_ENTRY_POINT", "FREE_TIER", "REGULAR", "UNKNOWN"];
const DIRECTIONS: [&str; 4] =
    ["business_initiated", "user_initiated", "BUSINESS_INITIATED", "USER_INITIATED"];
const DIMENSIONS: [&str; 5] =
    ["phone", "country", "conversation_type", "conversation_direction", "conversation_reaction"];
const QUALITY: [&str; 3] = ["GREEN", "YELLOW", "RED"];
const PROFILE_KEYS: [&str; 8] = [
    "messaging_product",
    "about",
    "address",
    "description",
    "email",
    "vertical",
    "websites",
    "profile_picture_url",
];

/// Which credentials an endpoint takes (seed 003, PROVIDERS.md §3.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Auth {
    /// The channel access token (`accessToken`).
    Token,
    /// The `X-Woztell-Payload` and `X-Woztell-SignedContext` headers.
    Signed,
    /// Both (display-name status).
    Both,
}

/// Where a client's requests go, and its defaults.
#[derive(Clone, Debug, Default)]
pub struct Woztell {
    /// `https://api.whatsapp-cloud.woztell.sanuker.com`.
    pub base_url: String,
    /// `v1.2`.
    pub version: String,
    /// The channel access token to put in bodies, when it goes there too.
    pub body_token: Option<String>,
    /// The channel (WABA info by default).
    pub channel_id: Option<String>,
    /// The WABA (templates, WABA info when no channel).
    pub waba_id: Option<String>,
    /// The phone number id (profile, display name, media).
    pub phone_number_id: Option<String>,
}

/// The `X-Woztell-Payload` and `X-Woztell-SignedContext` values: the payload
/// `{"app":…,"appIntegration":…,"channel":…}` as compact JSON, and
/// `<signature>.<base64 of the payload>` (the signature is Woztell's, sent as given).
pub fn signed_context(
    app: &str,
    app_integration: &str,
    channel: &str,
    signature: &str,
) -> Result<(String, String), Error> {
    for (value, name) in [(app, "appId"), (app_integration, "appIntegrationId"), (channel, "channelId")] {
        if value.is_empty() || !value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
            return Err(Error::invalid_argument(format!(
                "WoztellClient: {name} may only hold letters, digits, '-' and '_'"
            )));
        }
    }
    if signature.is_empty() || signature.bytes().any(|b| b.is_ascii_control() || b == b' ' || !b.is_ascii()) {
        return Err(Error::invalid_argument(
            "WoztellClient: signature is the appIntegrationSignature as Woztell gives it",
        ));
    }
    let payload = format!(r#"{{"app":"{app}","appIntegration":"{app_integration}","channel":"{channel}"}}"#);
    let signed = format!("{signature}.{}", base64::encode(payload.as_bytes()));
    Ok((payload, signed))
}

/// A query/body id: letters, digits, `_`, `-`, `.`.
fn id_arg<'a>(value: &'a str, what: &str) -> Result<&'a str, Error> {
    let fine = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.');
    if !value.is_empty() && value.bytes().all(fine) {
        Ok(value)
    } else {
        Err(Error::invalid_argument(format!("{what} may only hold letters, digits, '_', '-' and '.'")))
    }
}

fn check(findings: Findings, errors: Vec<crate::report::Issue>) -> Result<(), Error> {
    let mut findings = findings;
    findings.issues.extend(errors);
    findings.finish()
}

impl Woztell {
    fn url(&self, path: &str) -> String {
        format!("{}/{}/api/{path}", self.base_url.trim_end_matches('/'), self.version.trim_matches('/'))
    }

    /// A body object: the client's defaults (`defaults`: key and value when the body lacks the key),
    /// the token when it goes in bodies, then the caller's members.
    fn body(&self, text: &str, node: &Node, defaults: &[(&str, Option<&String>)]) -> String {
        let mut object = Object::default();
        for (key, value) in defaults {
            if let (None, Some(value)) = (node.get(key), value) {
                object.string(key, value);
            }
        }
        if let Some(token) = &self.body_token {
            object.string("accessToken", token);
        }
        object.members(text, node, &[]).finish()
    }

    /// A required id the body gives or the client has (a `missing` finding otherwise).
    fn needs(findings: &mut Findings, body: &Node, key: &str, default: Option<&String>) {
        if default.is_none() {
            findings.text(body, &JsonPointer::root(), key, true, (1, 64));
        } else {
            findings.text(body, &JsonPointer::root(), key, false, (1, 64));
        }
    }

    /// A GET of `path` with the checked query object's members (arrays as JSON text).
    fn get(&self, path: &str, text: &str, query: &Node, defaults: &[(&str, Option<&String>)]) -> Request {
        let mut url = self.url(path);
        for (key, value) in defaults {
            if let (None, Some(value)) = (query.get(key), value) {
                push_query(&mut url, key, value);
            }
        }
        for (key, value) in query.members().unwrap_or_default() {
            push_query(&mut url, &key.name, query_value(text, value));
        }
        Request::get(url)
    }

    /// GET `/waba-info` with `channelId` or `wabaId` (the client's channel, else its WABA).
    pub fn waba_info(&self, text: &str, query: &Node) -> Result<(Auth, Request), Error> {
        let mut findings = Findings::new(&CODES);
        let root = JsonPointer::root();
        if findings.object(query, &root, &["channelId", "wabaId"]) {
            let has_default = self.channel_id.is_some() || self.waba_id.is_some();
            findings.exactly_one(query, &root, ["channelId", "wabaId"], !has_default);
        }
        findings.finish()?;
        let given = query.get("channelId").is_some() || query.get("wabaId").is_some();
        let defaults = match (&self.channel_id, &self.waba_id) {
            _ if given => vec![],
            (Some(channel), _) => vec![("channelId", Some(channel))],
            (None, waba) => vec![("wabaId", waba.as_ref())],
        };
        Ok((Auth::Token, self.get("waba-info", text, query, &defaults)))
    }

    fn phone_query(
        &self,
        path: &str,
        text: &str,
        query: &Node,
        auth: Auth,
    ) -> Result<(Auth, Request), Error> {
        let mut findings = Findings::new(&CODES);
        if findings.object(query, &JsonPointer::root(), &["phoneNumberId"]) {
            Self::needs(&mut findings, query, "phoneNumberId", self.phone_number_id.as_ref());
        }
        findings.finish()?;
        Ok((auth, self.get(path, text, query, &[("phoneNumberId", self.phone_number_id.as_ref())])))
    }

    /// GET `/whatsapp-business-profile?phoneNumberId=`.
    pub fn business_profile(&self, text: &str, query: &Node) -> Result<(Auth, Request), Error> {
        self.phone_query("whatsapp-business-profile", text, query, Auth::Token)
    }

    /// GET `/whatsapp-displayname-status?phoneNumberId=` (token and signed headers).
    pub fn display_name_status(&self, text: &str, query: &Node) -> Result<(Auth, Request), Error> {
        self.phone_query("whatsapp-displayname-status", text, query, Auth::Both)
    }

    /// PATCH `/whatsapp-business-profile`: `{ phoneNumberId, profile }`, the profile checked
    /// (`messaging_product` "whatsapp", added when absent; at most 2 http(s) websites; Meta's text limits).
    pub fn update_business_profile(&self, text: &str, body: &Node) -> Result<(Auth, Request), Error> {
        const LIMITS: [(&str, usize); 4] =
            [("about", 139), ("address", 256), ("description", 512), ("email", 128)];
        let mut findings = Findings::new(&CODES);
        let root = JsonPointer::root();
        let mut profile_text = None;
        if findings.object(body, &root, &["phoneNumberId", "profile"]) {
            Self::needs(&mut findings, body, "phoneNumberId", self.phone_number_id.as_ref());
            if let Some(profile) = findings.member(body, &root, "profile", true) {
                let at = root.key("profile");
                if findings.object(profile, &at, &PROFILE_KEYS) {
                    findings.choice(profile, &at, "messaging_product", false, &["whatsapp"]);
                    for (key, max) in LIMITS {
                        findings.text(profile, &at, key, false, (0, max));
                    }
                    findings.text(profile, &at, "vertical", false, (1, 64));
                    findings.text(profile, &at, "profile_picture_url", false, (1, 4096));
                    if let Some(sites) = findings.array(profile, &at, "websites", false, (0, 2)) {
                        for (index, site) in sites.iter().enumerate() {
                            let web = site
                                .as_str()
                                .is_some_and(|s| s.starts_with("https://") || s.starts_with("http://"));
                            if !web || site.as_str().is_some_and(|s| s.chars().count() > 256) {
                                findings.error(
                                    VALUE_INVALID,
                                    &at.key("websites").index(index),
                                    "an http(s) URL of at most 256 characters",
                                );
                            }
                        }
                    }
                    let mut object = Object::default();
                    if profile.get("messaging_product").is_none() {
                        object.string("messaging_product", "whatsapp");
                    }
                    profile_text = Some(object.members(text, profile, &[]).finish());
                }
            }
        }
        findings.finish()?;
        let mut object = Object::default();
        if let (None, Some(phone)) = (body.get("phoneNumberId"), &self.phone_number_id) {
            object.string("phoneNumberId", phone);
        }
        if let Some(token) = &self.body_token {
            object.string("accessToken", token);
        }
        object.members(text, body, &["profile"]).raw("profile", profile_text.as_deref().unwrap_or("{}"));
        let request = Request {
            method: "PATCH",
            ..Request::post(self.url("whatsapp-business-profile"), Some(object.finish()), true)
        };
        Ok((Auth::Token, request))
    }

    /// PUT `/media-id`: `{ phoneNumberId, type: image|audio|video|file, url }`; the answer's `mediaId` lasts 30 days.
    pub fn media_id(&self, text: &str, body: &Node) -> Result<(Auth, Request), Error> {
        let mut findings = Findings::new(&CODES);
        let root = JsonPointer::root();
        if findings.object(body, &root, &["phoneNumberId", "type", "url"]) {
            Self::needs(&mut findings, body, "phoneNumberId", self.phone_number_id.as_ref());
            findings.choice(body, &root, "type", true, &MEDIA_TYPES);
            let url = findings.text(body, &root, "url", true, (1, 2048));
            if url.is_some_and(|u| !u.starts_with("https://") && !u.starts_with("http://")) {
                findings.error(VALUE_INVALID, &root.key("url"), "url is an http(s) link to the media file");
            }
        }
        findings.finish()?;
        let body = self.body(text, body, &[("phoneNumberId", self.phone_number_id.as_ref())]);
        Ok((Auth::Token, Request { method: "PUT", ..Request::post(self.url("media-id"), Some(body), false) }))
    }

    /// GET `/conversation-analytics`: `from`, `to` (Unix seconds), `granularity`, and the optional lists.
    pub fn conversation_analytics(&self, text: &str, query: &Node) -> Result<(Auth, Request), Error> {
        const KEYS: [&str; 8] = [
            "from",
            "to",
            "granularity",
            "numbers",
            "metric_types",
            "conversation_types",
            "conversation_directions",
            "dimensions",
        ];
        let mut findings = Findings::new(&CODES);
        let root = JsonPointer::root();
        if findings.object(query, &root, &KEYS) {
            let limit = (0, 1 << 40);
            let from = findings
                .member(query, &root, "from", true)
                .and(findings.integer(query, &root, "from", limit, None));
            let to = findings
                .member(query, &root, "to", true)
                .and(findings.integer(query, &root, "to", limit, None));
            if let (Some(from), Some(to)) = (from, to) {
                if from >= to {
                    findings.error(RANGE_INVALID, &root.key("to"), "to must be after from (Unix seconds)");
                }
            }
            findings.choice(query, &root, "granularity", true, &GRANULARITY);
            findings.strings(query, &root, "numbers", &[]);
            findings.strings(query, &root, "metric_types", &METRIC_TYPES);
            findings.strings(query, &root, "conversation_types", &CONVERSATION_TYPES);
            findings.strings(query, &root, "conversation_directions", &DIRECTIONS);
            findings.strings(query, &root, "dimensions", &DIMENSIONS);
        }
        findings.finish()?;
        Ok((Auth::Signed, self.get("conversation-analytics", text, query, &[])))
    }

    /// GET `/catalogs`.
    pub fn catalogs(&self) -> (Auth, Request) {
        (Auth::Signed, Request::get(self.url("catalogs")))
    }

    /// GET `/products?catalogId=`.
    pub fn products(&self, catalog_id: &str) -> Result<(Auth, Request), Error> {
        let mut url = self.url("products");
        push_query(&mut url, "catalogId", id_arg(catalog_id, "catalogId")?);
        Ok((Auth::Signed, Request::get(url)))
    }

    /// GET `/whatsapp-message-templates`: `wabaId`, `first` (1–100), `after` | `before`, and the filters.
    pub fn templates(&self, text: &str, query: &Node) -> Result<(Auth, Request), Error> {
        const KEYS: [&str; 10] = [
            "wabaId",
            "first",
            "after",
            "before",
            "status",
            "category",
            "quality_score",
            "language",
            "name",
            "content",
        ];
        let mut findings = Findings::new(&CODES);
        let root = JsonPointer::root();
        if findings.object(query, &root, &KEYS) {
            Self::needs(&mut findings, query, "wabaId", self.waba_id.as_ref());
            findings.member(query, &root, "first", true);
            findings.integer(query, &root, "first", (1, 100), None);
            findings.exactly_one(query, &root, ["after", "before"], false);
            findings.strings(
                query,
                &root,
                "status",
                &["APPROVED", "PENDING", "REJECTED", "PENDING_DELETION", "DELETED"],
            );
            findings.strings(query, &root, "category", &["TRANSACTIONAL", "MARKETING", "OTP"]);
            findings.strings(query, &root, "language", &[]);
            findings.choice(query, &root, "quality_score", false, &QUALITY);
            findings.text(query, &root, "name", false, (1, 512));
            findings.text(query, &root, "content", false, (1, 1024));
        }
        findings.finish()?;
        Ok((
            Auth::Token,
            self.get("whatsapp-message-templates", text, query, &[("wabaId", self.waba_id.as_ref())]),
        ))
    }

    /// The definition `{ name, language, category, components }` of a Woztell body, with
    /// Woztell's category (TRANSACTIONAL, OTP) mapped onto Meta's for `validateTemplate`.
    fn meta_definition(text: &str, body: &Node) -> String {
        let mut object = Object::default();
        for (key, value) in body.members().unwrap_or_default() {
            match key.name.as_ref() {
                "category" => {
                    match value.as_str().and_then(|c| CATEGORIES.iter().find(|(woztell, _)| *woztell == c)) {
                        Some((_, meta)) => object.string("category", meta),
                        None => object.raw("category", raw(text, value)),
                    }
                }
                "name" | "language" | "components" => object.raw(&key.name, raw(text, value)),
                _ => &mut object,
            };
        }
        object.finish()
    }

    /// PUT `/whatsapp-message-template`: `{ wabaId, name, language, category (TRANSACTIONAL, MARKETING, OTP), components }`,
    /// checked like `validateTemplate` with the category mapped onto Meta's.
    pub fn create_template(&self, text: &str, body: &Node) -> Result<(Auth, Request), Error> {
        let mut findings = Findings::new(&CODES);
        let root = JsonPointer::root();
        let mut report = crate::report::Report::default();
        if findings.object(body, &root, &["wabaId", "name", "language", "category", "components"]) {
            Self::needs(&mut findings, body, "wabaId", self.waba_id.as_ref());
            let allowed: Vec<&str> = CATEGORIES.iter().map(|(woztell, _)| *woztell).collect();
            findings.choice(body, &root, "category", true, &allowed);
            let definition = Self::meta_definition(text, body);
            report = validate_template(&parse_document(&definition)?, None, &TemplateOptions::default());
            // The category is checked above against Woztell's names (and Meta's).
            report.errors.retain(|issue| issue.path != "/category");
        }
        check(findings, report.errors)?;
        let body = self.body(text, body, &[("wabaId", self.waba_id.as_ref())]);
        let request = Request {
            method: "PUT",
            ..Request::post(self.url("whatsapp-message-template"), Some(body), false)
        };
        Ok((Auth::Token, request))
    }

    /// PATCH `/whatsapp-message-template`: `{ wabaId, messageTemplateName, messageTemplateLanguage,
    /// messageTemplateId, components }`, the components checked as an edit.
    pub fn edit_template(&self, text: &str, body: &Node) -> Result<(Auth, Request), Error> {
        const KEYS: [&str; 5] =
            ["wabaId", "messageTemplateName", "messageTemplateLanguage", "messageTemplateId", "components"];
        let mut findings = Findings::new(&CODES);
        let root = JsonPointer::root();
        let mut report = crate::report::Report::default();
        if findings.object(body, &root, &KEYS) {
            Self::needs(&mut findings, body, "wabaId", self.waba_id.as_ref());
            findings.text(body, &root, "messageTemplateName", true, (1, 512));
            findings.text(body, &root, "messageTemplateLanguage", true, (2, 12));
            findings.text(body, &root, "messageTemplateId", true, (1, 64));
            if findings.array(body, &root, "components", true, (1, usize::MAX)).is_some() {
                let edit = Object::default().members(text, body, &KEYS[..4]).finish();
                let options = TemplateOptions { mode: Some("edit".to_owned()) };
                report = validate_template(&parse_document(&edit)?, None, &options);
            }
        }
        check(findings, report.errors)?;
        let body = self.body(text, body, &[("wabaId", self.waba_id.as_ref())]);
        let request = Request {
            method: "PATCH",
            ..Request::post(self.url("whatsapp-message-template"), Some(body), true)
        };
        Ok((Auth::Token, request))
    }

    /// DELETE `/whatsapp-message-template` with the body `{ wabaId, name }`.
    pub fn delete_template(&self, text: &str, body: &Node) -> Result<(Auth, Request), Error> {
        let mut findings = Findings::new(&CODES);
        if findings.object(body, &JsonPointer::root(), &["wabaId", "name"]) {
            Self::needs(&mut findings, body, "wabaId", self.waba_id.as_ref());
            findings.text(body, &JsonPointer::root(), "name", true, (1, 512));
        }
        findings.finish()?;
        let body = self.body(text, body, &[("wabaId", self.waba_id.as_ref())]);
        Ok((
            Auth::Token,
            Request { body: Some(body), ..Request::delete(self.url("whatsapp-message-template")) },
        ))
    }

    /// GET `/flow`: `limit` (required), `after` | `before`.
    pub fn flows(&self, text: &str, query: &Node) -> Result<(Auth, Request), Error> {
        let mut findings = Findings::new(&CODES);
        let root = JsonPointer::root();
        if findings.object(query, &root, &["limit", "after", "before"]) {
            findings.member(query, &root, "limit", true);
            findings.integer(query, &root, "limit", (1, 1000), None);
            findings.exactly_one(query, &root, ["after", "before"], false);
        }
        findings.finish()?;
        Ok((Auth::Signed, self.get("flow", text, query, &[])))
    }

    /// GET `/{path}?flowId=` (`flow-screen-payload`, `flow-preview`, `flow-detail`).
    pub fn flow_get(&self, path: &str, flow_id: &str) -> Result<(Auth, Request), Error> {
        let mut url = self.url(path);
        push_query(&mut url, "flowId", id_arg(flow_id, "flowId")?);
        Ok((Auth::Signed, Request::get(url)))
    }

    /// Flow categories checked against Meta's list.
    fn flow_fields(findings: &mut Findings, data: &Node, name_required: bool, categories_required: bool) {
        let root = JsonPointer::root();
        findings.text(data, &root, "name", name_required, (1, 200));
        let categories = crate::api::cloud::FLOW_CATEGORIES;
        if findings.array(data, &root, "categories", categories_required, (1, categories.len())).is_some() {
            findings.strings(data, &root, "categories", &categories);
        }
        let url = findings.text(data, &root, "endpoint_url", false, (1, 2048));
        if url.is_some_and(|u| !u.starts_with("https://")) {
            findings.error(VALUE_INVALID, &root.key("endpoint_url"), "endpoint_url is an https URL");
        }
    }

    /// PUT `/create-flow` with `{ "data": { name, categories, clone_flow_id?, endpoint_url? } }`.
    pub fn create_flow(&self, text: &str, data: &Node) -> Result<(Auth, Request), Error> {
        let mut findings = Findings::new(&CODES);
        if findings.object(
            data,
            &JsonPointer::root(),
            &["name", "categories", "clone_flow_id", "endpoint_url"],
        ) {
            Self::flow_fields(&mut findings, data, true, true);
            findings.text(data, &JsonPointer::root(), "clone_flow_id", false, (1, 64));
        }
        findings.finish()?;
        let body = Object::default().raw("data", raw(text, data)).finish();
        Ok((
            Auth::Signed,
            Request { method: "PUT", ..Request::post(self.url("create-flow"), Some(body), false) },
        ))
    }

    /// PATCH `/flow-metadata`: `{ flowId, data: { name?, categories? }, endpoint_url? }` (the shape of the
    /// document's sample: `endpoint_url` beside `data`).
    pub fn flow_metadata(
        &self,
        flow_id: &str,
        text: &str,
        metadata: &Node,
    ) -> Result<(Auth, Request), Error> {
        let id = id_arg(flow_id, "flowId")?;
        let mut findings = Findings::new(&CODES);
        if findings.object(metadata, &JsonPointer::root(), &["name", "categories", "endpoint_url"]) {
            Self::flow_fields(&mut findings, metadata, false, false);
            if metadata.members().is_some_and(<[_]>::is_empty) {
                findings.error(
                    crate::check::code::MISSING,
                    &JsonPointer::root(),
                    "give name, categories or endpoint_url",
                );
            }
        }
        findings.finish()?;
        let mut object = Object::default();
        object.string("flowId", id);
        object.raw("data", &Object::default().members(text, metadata, &["endpoint_url"]).finish());
        if let Some(url) = metadata.get("endpoint_url") {
            object.raw("endpoint_url", raw(text, url));
        }
        let request = Request {
            method: "PATCH",
            ..Request::post(self.url("flow-metadata"), Some(object.finish()), true)
        };
        Ok((Auth::Signed, request))
    }

    /// PATCH `/flow-json`: `{ flowId, data: <Flow JSON> }`, the Flow JSON checked like `validateFlow` first.
    pub fn flow_json(&self, flow_id: &str, flow_json: &str) -> Result<(Auth, Request), Error> {
        let id = id_arg(flow_id, "flowId")?;
        let doc = parse_document(flow_json)?;
        let report = validate_flow(&doc, Some(flow_json), &FlowOptions::default());
        check(Findings::new(&CODES), report.errors)?;
        let body = Object::default().string("flowId", id).raw("data", flow_json.trim()).finish();
        Ok((
            Auth::Signed,
            Request { method: "PATCH", ..Request::post(self.url("flow-json"), Some(body), true) },
        ))
    }

    /// `{ flowId }` to `path`: DELETE `/flow`, POST `/publish-flow`, POST `/deprecate-flow`.
    pub fn flow_action(
        &self,
        method: &'static str,
        path: &str,
        flow_id: &str,
    ) -> Result<(Auth, Request), Error> {
        let body = format!("{{\"flowId\":{}}}", string_literal(id_arg(flow_id, "flowId")?));
        Ok((Auth::Signed, Request { method, ..Request::post(self.url(path), Some(body), true) }))
    }

    /// GET `/whatsapp-business-encryption`.
    pub fn encryption(&self) -> (Auth, Request) {
        (Auth::Signed, Request::get(self.url("whatsapp-business-encryption")))
    }

    /// POST `/whatsapp-business-encryption` with `{ publicKey }` (a PEM public key; never the private key).
    pub fn set_encryption(&self, public_key: &str) -> Result<(Auth, Request), Error> {
        let pem = public_key.trim();
        if !pem.starts_with("-----BEGIN PUBLIC KEY-----") || !pem.ends_with("-----END PUBLIC KEY-----") {
            let issue = crate::report::Issue::error(
                PUBLIC_KEY_INVALID,
                "/publicKey",
                "a 2048-bit RSA public key in PEM (-----BEGIN PUBLIC KEY----- … -----END PUBLIC KEY-----); never the private key",
            );
            return Err(Error::validation_failed(vec![issue]));
        }
        let body = Object::default().string("publicKey", pem).finish();
        Ok((Auth::Signed, Request::post(self.url("whatsapp-business-encryption"), Some(body), true)))
    }
}

/// What Woztell said in an error body: `err`, `error` (text or `{message}`) or `message`.
fn said(body: &str) -> Option<String> {
    let document = json::parse(body).ok()?;
    let text = |node: &Node| match &node.value {
        Value::String(text) => Some(text.to_string()),
        Value::Object(_) => node.get("message").and_then(Node::as_str).map(str::to_owned),
        _ => None,
    };
    ["err", "error", "message"].iter().find_map(|key| document.get(key).and_then(text))
}

/// The error for a Woztell response that is not a success (the status decides the code).
pub fn errors(response: &Response) -> Error {
    let base = from_response(response);
    match said(&response.body) {
        Some(said) => Error { message: format!("HTTP {}: {said}", response.status), ..base },
        None => base,
    }
}

/// The error for a 2xx answer without `"ok": 1` (Woztell reports some failures that way), or none.
pub fn check_ok(body: &str) -> Option<Error> {
    let document = json::parse(body).ok();
    let ok = document.as_ref().and_then(|d| d.get("ok")).map(|ok| &ok.value);
    if matches!(ok, Some(Value::Number(n)) if *n == 1.0) || matches!(ok, Some(Value::Bool(true))) {
        return None;
    }
    let message = match said(body) {
        Some(said) => format!("Woztell answered without \"ok\": 1: {said}"),
        None => "Woztell answered without \"ok\": 1".to_owned(),
    };
    Some(Error { retryable: Some(false), ..Error::new(code::INVALID_REQUEST, message) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn woztell() -> Woztell {
        Woztell {
            base_url: DEFAULT_BASE_URL.into(),
            version: DEFAULT_VERSION.into(),
            body_token: Some("tok".into()),
            channel_id: Some("696327315430a1f98231dfde".into()),
            waba_id: Some("190787529545503".into()),
            phone_number_id: Some("123164329653069".into()),
        }
    }

    fn codes(error: &Error) -> Vec<(&str, &str)> {
        error.issues.iter().map(|issue| (issue.code, issue.path.as_str())).collect()
    }

    #[test]
    fn signed_context_is_the_documented_payload_and_base64() {
        let (payload, signed) = signed_context(
            "699802d69a73fc555f1c6bc4",
            "696327325430a1cbd131dfdf",
            "696327315430a1f98231dfde",
            "1RJ7rKRTHbOBoY95AgtXF5WT2578gy9+b4ekBp727cQ=",
        )
        .unwrap();
        assert_eq!(
            payload,
            r#"{"app":"699802d69a73fc555f1c6bc4","appIntegration":"696327325430a1cbd131dfdf","channel":"696327315430a1f98231dfde"}"#
        );
        assert_eq!(signed, "1RJ7rKRTHbOBoY95AgtXF5WT2578gy9+b4ekBp727cQ=.eyJhcHAiOiI2OTk4MDJkNjlhNzNmYzU1NWYxYzZiYzQiLCJhcHBJbnRlZ3JhdGlvbiI6IjY5NjMyNzMyNTQzMGExY2JkMTMxZGZkZiIsImNoYW5uZWwiOiI2OTYzMjczMTU0MzBhMWY5ODIzMWRmZGUifQ==");
        assert!(signed_context("a\"b", "c", "d", "s").is_err());
    }

    #[test]
    fn template_bodies_get_defaults_and_legacy_categories_are_checked_as_metas() {
        let text = r#"{"name":"test_template","language":"en_US","category":"TRANSACTIONAL","components":[{"type":"BODY","text":"hello {{1}} this is body template","example":{"body_text":[["Test"]]}}]}"#;
        let (auth, request) = woztell().create_template(text, &parse(text).unwrap()).unwrap();
        assert_eq!((auth, request.method), (Auth::Token, "PUT"));
        assert_eq!(
            request.url,
            "https://api.whatsapp-cloud.woztell.sanuker.com/v1.2/api/whatsapp-message-template"
        );
        assert!(request
            .body
            .unwrap()
            .starts_with(r#"{"wabaId":"190787529545503","accessToken":"tok","name":"test_template""#));
        let bad = text.replace("TRANSACTIONAL", "GAMES").replace("hello {{1}}", "hello {{2}}");
        let error = woztell().create_template(&bad, &parse(&bad).unwrap()).unwrap_err();
        let found = codes(&error);
        assert!(found.contains(&("woztell.value_invalid", "/category")), "{found:?}");
        assert!(
            found.iter().any(
                |(code, path)| code.starts_with("template.variable") && path.starts_with("/components/0")
            ),
            "{found:?}"
        );
    }

    #[test]
    fn queries_use_json_arrays_and_checked_ranges() {
        let text = r#"{"first":10,"after":"MAZDZD","status":["APPROVED"]}"#;
        let (_, request) = woztell().templates(text, &parse(text).unwrap()).unwrap();
        assert!(request.url.ends_with("whatsapp-message-templates?wabaId=190787529545503&first=10&after=MAZDZD&status=%5B%22APPROVED%22%5D"), "{}", request.url);
        let bad = r#"{"first":101,"after":"a","before":"b"}"#;
        assert_eq!(
            codes(&woztell().templates(bad, &parse(bad).unwrap()).unwrap_err()),
            [("woztell.count_out_of_range", "/first"), ("woztell.one_of", "/before")]
        );
        let analytics = r#"{"from":20,"to":10,"granularity":"HOURLY","dimensions":["planet"]}"#;
        let error = woztell().conversation_analytics(analytics, &parse(analytics).unwrap()).unwrap_err();
        let found = codes(&error);
        assert_eq!(
            found,
            [
                ("woztell.range_invalid", "/to"),
                ("woztell.value_invalid", "/granularity"),
                ("woztell.value_invalid", "/dimensions/0")
            ]
        );
    }

    #[test]
    fn flows_are_checked_and_shaped_as_documented() {
        let flow = r#"{"version":"3.1","screens":[]}"#;
        assert_eq!(woztell().flow_json("9", flow).unwrap_err().code, "validation_failed");
        let meta = r#"{"name":"Test Flow ABC","endpoint_url":"https://x.example/flow"}"#;
        let (auth, request) =
            woztell().flow_metadata("1005133727262236", meta, &parse(meta).unwrap()).unwrap();
        assert_eq!(auth, Auth::Signed);
        assert_eq!(
            request.body.unwrap(),
            r#"{"flowId":"1005133727262236","data":{"name":"Test Flow ABC"},"endpoint_url":"https://x.example/flow"}"#
        );
        let create = r#"{"name":"x","categories":["GAMES"]}"#;
        assert_eq!(
            codes(&woztell().create_flow(create, &parse(create).unwrap()).unwrap_err()),
            [("woztell.value_invalid", "/categories/0")]
        );
        let (_, delete) = woztell().flow_action("DELETE", "flow", "913687770028833").unwrap();
        assert_eq!(
            (delete.method, delete.body.unwrap().as_str()),
            ("DELETE", r#"{"flowId":"913687770028833"}"#)
        );
        assert_eq!(
            codes(&woztell().set_encryption("-----BEGIN PRIVATE KEY-----").unwrap_err()),
            [("woztell.public_key_invalid", "/publicKey")]
        );
    }

    #[test]
    fn profiles_get_their_messaging_product() {
        let text = r#"{"profile":{"about":"Hi","websites":["https://woztell.com/"]}}"#;
        let (_, request) = woztell().update_business_profile(text, &parse(text).unwrap()).unwrap();
        assert_eq!(request.method, "PATCH");
        assert_eq!(
            request.body.unwrap(),
            r#"{"phoneNumberId":"123164329653069","accessToken":"tok","profile":{"messaging_product":"whatsapp","about":"Hi","websites":["https://woztell.com/"]}}"#
        );
        let bad = r#"{"profile":{"websites":["a","b","c"],"colour":"red"}}"#;
        let error = woztell().update_business_profile(bad, &parse(bad).unwrap()).unwrap_err();
        let found = codes(&error);
        assert_eq!(
            found,
            [
                ("woztell.unknown_field", "/profile/colour"),
                ("woztell.count_out_of_range", "/profile/websites"),
                ("woztell.value_invalid", "/profile/websites/0"),
                ("woztell.value_invalid", "/profile/websites/1"),
                ("woztell.value_invalid", "/profile/websites/2")
            ]
        );
    }

    #[test]
    fn answers_without_ok_and_error_bodies_become_errors() {
        assert!(check_ok(r#"{"ok":1,"data":[]}"#).is_none());
        let error = check_ok(r#"{"ok":0,"err":"Invalid wabaId"}"#).unwrap();
        assert_eq!(
            (error.code, error.message.as_str()),
            (code::INVALID_REQUEST, "Woztell answered without \"ok\": 1: Invalid wabaId")
        );
        let response =
            Response { status: 401, retry_after: None, body: r#"{"ok":0,"err":"Unauthorized"}"#.into() };
        assert_eq!(
            (errors(&response).code, errors(&response).message.as_str()),
            (code::AUTH_FAILED, "HTTP 401: Unauthorized")
        );
    }
}
