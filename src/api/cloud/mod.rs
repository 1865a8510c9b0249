//! The WhatsApp Cloud API (Graph API) endpoints as request builders: each
//! validates its input locally first (a bad message or template never costs a
//! request) and returns the [`Request`] to make. Responses are Meta's JSON,
//! handed back as is; failures go through [`super::error::from_response`].

mod account;
mod analytics;
mod blocking;
mod calling;
mod commerce;
mod flows;
mod groups;
mod marketing;
mod media;
mod messages;
mod qr_codes;
mod templates;
pub mod versions;

pub use analytics::{PricingFilters, Range};
pub use flows::FLOW_CATEGORIES;
pub use marketing::{category_of, check_marketing, code as marketing_code, Route};
pub use media::check_media_file;
pub use messages::{check_template_send, checked_body, template_of};
pub use templates::TemplateDefinitions;

use crate::api::Request;
use crate::check::{char_len, At, Checker};
use crate::json::{write_string, Node};
use crate::report::Report;
use crate::Error;

/// Stable issue codes for the bodies of Cloud API management calls (`cloud.*`).
pub mod code {
    /// A text over Meta's limit (group subject or description, QR code message).
    pub const TEXT_TOO_LONG: &str = "cloud.text_too_long";
    /// A required text is empty.
    pub const TEXT_EMPTY: &str = "cloud.text_empty";
    /// A value that is not one Meta accepts (an enumerated value, a time, a date).
    pub const VALUE_INVALID: &str = "cloud.value_invalid";
    /// A list that is empty, over Meta's limit, or holds something other than ids.
    pub const LIST_INVALID: &str = "cloud.list_invalid";
    /// Call hours Meta refuses: closing before opening, overlapping or over 2 a day.
    pub const CALL_HOURS_INVALID: &str = "cloud.call_hours_invalid";
}

/// A page of a Graph API list: how many, and the cursor to start after or before.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// At most this many entries.
    pub limit: Option<u32>,
    /// The `after` cursor of the previous page.
    pub after: Option<String>,
    /// The `before` cursor of the next page.
    pub before: Option<String>,
}

impl Page {
    /// `url` with the page's query (`?limit=…&after=…&before=…`), `limit` in `1..=max`.
    pub(crate) fn query(&self, mut url: String, max: u32) -> Result<String, Error> {
        if self.limit.is_some_and(|limit| limit == 0 || limit > max) {
            return Err(Error::invalid_argument(format!("limit is 1 to {max}")));
        }
        let limit = self.limit.map(|limit| limit.to_string());
        let pairs = [
            ("limit", limit.as_deref()),
            ("after", self.after.as_deref()),
            ("before", self.before.as_deref()),
        ];
        for (key, value) in pairs {
            if let Some(value) = value {
                url.push(if url.contains('?') { '&' } else { '?' });
                url.push_str(key);
                url.push('=');
                url.push_str(&crate::api::encode_component(value));
            }
        }
        Ok(url)
    }
}

/// Runs `rules` over `node` (the root: an object when `object`, else a list)
/// and fails with `validation_failed` and their findings (JSON Pointer paths).
pub(crate) fn check_body<'n>(
    node: &'n Node<'n>,
    object: bool,
    rules: impl FnOnce(&mut Checker<'_>, At<'n>),
) -> Result<(), Error> {
    let mut checker = Checker::new(node, None);
    let root = At::root(node);
    if !object || root.object(&mut checker).is_some() {
        rules(&mut checker, root);
    }
    fail_on_errors(checker.finish())
}

/// Member `key` of `at` as text of at most `limit` characters (`required`: present and not blank).
pub(crate) fn check_text<'n>(
    checker: &mut Checker<'_>,
    at: &At<'n>,
    key: &str,
    limit: usize,
    required: bool,
) -> Option<&'n str> {
    let field = match at.get(key) {
        Some(field) => field,
        None if required => {
            checker.missing_as(code::TEXT_EMPTY, at, key, format!("{key} is required"));
            return None;
        }
        None => return None,
    };
    let text = field.str(checker)?;
    if required && text.trim().is_empty() {
        checker.error(code::TEXT_EMPTY, &field, format!("{key} cannot be empty"));
    } else if char_len(text) > limit {
        checker.error(
            code::TEXT_TOO_LONG,
            &field,
            format!("{key} has at most {limit} characters, got {}", char_len(text)),
        );
    }
    Some(text)
}

/// The strings of the array `list` (ids, phone numbers): `1..=max` of them,
/// none blank; `what` names them in findings.
pub(crate) fn check_ids<'n>(
    checker: &mut Checker<'_>,
    list: &At<'n>,
    max: usize,
    what: &str,
) -> Vec<&'n str> {
    let Some(items) = list.array(checker) else { return Vec::new() };
    if items.is_empty() || items.len() > max {
        checker.error(code::LIST_INVALID, list, format!("give 1 to {max} {what}, got {}", items.len()));
    }
    let mut ids = Vec::with_capacity(items.len());
    for item in &items {
        match item.str(checker) {
            Some(id) if id.trim().is_empty() => {
                checker.error(code::LIST_INVALID, item, format!("{what} cannot be blank"))
            }
            Some(id) => ids.push(id),
            None => {}
        }
    }
    ids
}

/// `{"messaging_product":"whatsapp","<key>":[…]}` (without `messaging_product`
/// when `key` is `hsm_ids`) with each id as a string, or as `{"<wrap>":id}`
/// when `wrap` is given (Meta's `{"user": …}` entries).
pub(crate) fn id_list_body(key: &str, ids: &[&str], wrap: Option<&str>) -> String {
    let product = if key == "hsm_ids" { "" } else { r#""messaging_product":"whatsapp","# };
    let mut body = format!(r#"{{{product}"{key}":["#);
    for (index, id) in ids.iter().enumerate() {
        if index > 0 {
            body.push(',');
        }
        if let Some(wrap) = wrap {
            body.push_str(&format!(r#"{{"{wrap}":"#));
        }
        write_string(&mut body, id);
        if wrap.is_some() {
            body.push('}');
        }
    }
    body.push_str("]}");
    body
}

/// `text` (a JSON object, parsed as `node`) with `"messaging_product":"whatsapp"`
/// first, unless it has one already (Meta requires it on these bodies).
pub(crate) fn with_product(text: &str, node: &Node<'_>) -> String {
    match text.trim_start().strip_prefix('{') {
        Some(rest) if node.get("messaging_product").is_none() => {
            let separator = if node.members().is_some_and(<[_]>::is_empty) { "" } else { "," };
            format!("{{\"messaging_product\":\"whatsapp\"{separator}{rest}")
        }
        _ => text.to_owned(),
    }
}

/// The Graph API version used unless the client sets one: the newest
/// Meta has published ([`versions::GRAPH_VERSIONS`]).
pub static DEFAULT_API_VERSION: &str = "v27.0";
/// Meta's Graph API host.
pub static DEFAULT_BASE_URL: &str = "https://graph.facebook.com";

/// Where a client's requests go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cloud {
    /// `https://graph.facebook.com` (a test points it at a local fake).
    pub base_url: String,
    /// `v27.0`.
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

    /// `method` to `/<PHONE_NUMBER_ID>/<path>` (`path` may be empty: the number itself).
    pub(crate) fn on_phone(
        &self,
        method: &'static str,
        path: &str,
        body: Option<String>,
    ) -> Result<Request, Error> {
        let phone = self.phone()?;
        let url = if path.is_empty() { self.url(phone) } else { self.url(&format!("{phone}/{path}")) };
        Ok(self.request(method, url, body))
    }

    /// `method` to `url` with a JSON `body` (or none). Only POSTs may do something twice when repeated.
    pub(crate) fn request(&self, method: &'static str, url: String, body: Option<String>) -> Request {
        Request { method, ..Request::post(url, body, method != "POST") }
    }
}

/// The client every test of this module's files builds requests with.
#[cfg(test)]
pub(super) fn example() -> Cloud {
    Cloud {
        base_url: "https://graph.example/".into(),
        api_version: "v23.0".into(),
        phone_number_id: Some("106540352242922".into()),
        waba_id: Some("102290129340398".into()),
    }
}
#[cfg(test)]
mod tests;
