//! The `cm_`-key platform (CallMissed) WhatsApp API: request builders that
//! check bodies first, and its error envelopes. Called `cm` everywhere (the
//! `CmClient` class, the `cm.*` codes, docs/providers/cm.md).
//!
//! `mod.rs` holds the client's settings and what every call shares (the
//! number selector, the recipient, writing a body with the aliases);
//! `messages`, `templates` and `account` (onboarding, numbers, campaigns,
//! analytics) hold the endpoints, `errors` the error envelopes.

mod account;
mod errors;
mod messages;
mod templates;

pub use errors::{errors, with_scope};

use super::limits::{self, integer, member, object, text, Source};
use super::wire::{is_uuid, push_query, query_value, raw, Object};
use crate::api::cloud::fail_on_errors;
use crate::api::template_send::recipient;
use crate::api::Request;
use crate::check::{At, Checker};
use crate::json::Node;
use crate::Error;
use code::{ONE_OF, UNKNOWN_FIELD as UNKNOWN};

/// Stable issue codes for `cm` request bodies (`cm.*`).
pub mod code {
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
    /// A value that must be a UUID (the platform's ids) is not one.
    pub const UUID_INVALID: &str = "cm.uuid_invalid";
    /// A field this kind of message does not take (a caption on audio, a filename on an image, …).
    pub const FIELD_NOT_ALLOWED: &str = "cm.field_not_allowed";
    /// A media upload larger than 100 MB.
    pub const MEDIA_TOO_LARGE: &str = "cm.media_too_large";
}

/// The path prefix of the WhatsApp routes.
pub static DEFAULT_PREFIX: &str = "/api/v1/whatsapp";
/// The largest media upload (100 MB).
pub const MAX_UPLOAD_BYTES: u64 = 100 << 20;

const SELECTOR: [&str; 2] = ["phone_id", "phone_number_id"];
const ACCOUNT: [&str; 2] = ["account_id", "waba_id"];
const ANY: (usize, usize) = (1, usize::MAX);

/// Where a client's requests go, and its defaults.
#[derive(Clone, Debug, Default)]
pub struct Cm {
    /// The customer's host, e.g. `https://api.callmissed.com`.
    pub base_url: String,
    /// `/api/v1/whatsapp`.
    pub prefix: String,
    /// The default number (the platform's UUID), when a body names none.
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

/// Checks a member that must be a UUID when present.
fn uuid_member(checker: &mut Checker<'_>, body: &At<'_>, key: &str, required: bool) {
    let id = text(checker, body, key, required, ANY, code::LENGTH_OUT_OF_RANGE);
    if let (Some(id), Some(at)) = (id, body.get(key)) {
        if !is_uuid(id) {
            checker.error(code::UUID_INVALID, &at, format!("{key} is a CallMissed UUID"));
        }
    }
}

/// The checks `check` makes on `body`, with the top level an object of
/// `allowed` members (positions from `source`, when given).
fn checked(
    body: &Node,
    source: Source<'_>,
    allowed: &[&str],
    check: &dyn Fn(&mut Checker<'_>, &At<'_>),
) -> Result<(), Error> {
    fail_on_errors(limits::check_object(body, source.positions(), allowed, UNKNOWN, check))
}

impl Cm {
    fn url(&self, path: &str) -> String {
        format!("{}{}{path}", self.base_url.trim_end_matches('/'), self.prefix.trim_end_matches('/'))
    }

    /// The name `key` is sent under.
    fn name<'a>(&'a self, key: &'a str) -> &'a str {
        self.aliases.iter().find(|(from, _)| from == key).map_or(key, |(_, to)| to.as_str())
    }

    /// The client's default number as the member it is sent as, if it has one.
    fn default_selector(&self) -> Option<(&'static str, &str)> {
        match (&self.phone_id, &self.phone_number_id) {
            (Some(id), _) => Some(("phone_id", id)),
            (None, Some(id)) => Some(("phone_number_id", id)),
            (None, None) => None,
        }
    }

    /// `body` (parsed from `text`) rewritten for the wire: aliases applied, `to` as +E.164,
    /// the client's number selector added when the body names none.
    fn write(&self, text: &str, body: &Node, to: Option<&str>, selector: bool) -> String {
        let mut object = Object::default();
        if selector && SELECTOR.iter().all(|key| body.get(key).is_none()) {
            if let Some((key, id)) = self.default_selector() {
                object.string(self.name(key), id);
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
    fn selector(&self, checker: &mut Checker<'_>, body: &At<'_>) {
        match limits::exactly_one(checker, body, SELECTOR, false, ONE_OF) {
            Some("phone_id") => uuid_member(checker, body, "phone_id", true),
            Some(_) => {
                text(checker, body, "phone_number_id", true, (1, 64), code::LENGTH_OUT_OF_RANGE);
            }
            None if SELECTOR.iter().any(|key| body.get(key).is_some()) => {}
            None if self.default_selector().is_none() => checker.missing_as(
                ONE_OF,
                body,
                "phone_id",
                "give phone_id (CallMissed UUID) or phone_number_id (Meta id), in the body or on the client",
            ),
            None => {}
        }
    }

    /// The recipient `to` as +E.164 (its findings at `/to`).
    fn to(checker: &mut Checker<'_>, body: &At<'_>) -> Option<String> {
        let number = text(checker, body, "to", true, (5, 20), code::LENGTH_OUT_OF_RANGE)?;
        match recipient(number) {
            Ok(to) => Some(to),
            Err(error) => {
                if let Some(at) = member(checker, body, "to", true) {
                    for issue in error.issues {
                        checker.error(issue.code, &at, issue.message);
                    }
                }
                None
            }
        }
    }

    /// A checked send body posted to `path`.
    fn send(
        &self,
        path: &str,
        source: Source<'_>,
        body: &Node,
        allowed: &[&str],
        check: &dyn Fn(&mut Checker<'_>, &At<'_>),
    ) -> Result<Request, Error> {
        let mut to = None;
        let mut checker = Checker::new(body, source.positions());
        let root = At::root(body);
        if object(&mut checker, &root, allowed, UNKNOWN) {
            self.selector(&mut checker, &root);
            to = Self::to(&mut checker, &root);
            check(&mut checker, &root);
        }
        fail_on_errors(checker.finish())?;
        let body = self.write(source.text, body, to.as_deref(), true);
        Ok(Request::post(self.url(path), Some(body), false))
    }

    /// A checked body posted to `path` as written (aliases applied).
    fn plain(
        &self,
        path: &str,
        source: Source<'_>,
        body: &Node,
        allowed: &[&str],
        check: &dyn Fn(&mut Checker<'_>, &At<'_>),
    ) -> Result<Request, Error> {
        checked(body, source, allowed, check)?;
        Ok(Request::post(self.url(path), Some(self.write(source.text, body, None, false)), false))
    }

    /// GET `{path}` with the query object `source` checked: `allowed` keys, `limit` in `limit`.
    fn list(
        &self,
        path: &str,
        source: Source<'_>,
        query: &Node,
        allowed: &[&str],
        limit: (u64, u64),
    ) -> Result<Request, Error> {
        checked(query, source, allowed, &|checker, query| {
            integer(checker, query, "limit", limit, code::COUNT_OUT_OF_RANGE);
            integer(checker, query, "offset", (0, u64::MAX >> 11), code::COUNT_OUT_OF_RANGE);
            if allowed.contains(&"account_id") {
                limits::exactly_one(checker, query, ACCOUNT, false, ONE_OF);
            }
            if allowed.contains(&"days") {
                integer(checker, query, "days", (1, 90), code::DAYS_OUT_OF_RANGE);
            }
        })?;
        let mut url = self.url(path);
        for (key, value) in query.members().unwrap_or_default() {
            push_query(&mut url, &key.name, query_value(source.text, value));
        }
        Ok(Request::get(url))
    }
}

#[cfg(test)]
mod tests;
