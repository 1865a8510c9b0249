//! Woztell's WhatsApp Cloud Public Integration API: request builders (bodies
//! checked first), the Payload + SignedContext headers, and its answers.
//!
//! `mod.rs` holds the client's settings, the signed context and what every
//! call shares (defaults, the token in bodies, queries); `account` (WABA,
//! number, profile, media, analytics, commerce, encryption), `templates` and
//! `flows` hold the endpoints, `errors` Woztell's answers.

mod account;
mod credentials;
mod errors;
mod flows;
mod templates;

pub use credentials::{credentials, Settings, WoztellCredentials};
pub use errors::{check_ok, errors};

use super::limits::{check_object, text, Source};
use super::wire::{push_query, query_value, Object};
use crate::api::cloud::fail_on_errors;
use crate::api::Request;
use crate::base64;
use crate::check::{At, Checker};
use crate::json::Node;
use crate::Error;

/// Stable issue codes for Woztell request bodies (`woztell.*`).
pub mod code {
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
}

/// The Public Integration API host.
pub static DEFAULT_BASE_URL: &str = "https://api.whatsapp-cloud.woztell.sanuker.com";
/// The API version segment.
pub static DEFAULT_VERSION: &str = "v1.2";

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
}

/// What a builder makes: the credentials the endpoint takes and the request.
pub type Built = Result<(Auth, Request), Error>;

/// `validation_failed` unless `body` is an object of `allowed` members in
/// which `check` finds nothing (positions from `source` when the caller wrote it).
fn checked(
    body: &Node,
    source: Source<'_>,
    allowed: &[&str],
    check: &dyn Fn(&mut Checker<'_>, &At<'_>),
) -> Result<(), Error> {
    fail_on_errors(check_object(body, source.positions(), allowed, code::UNKNOWN_FIELD, check))
}

/// An id the body gives or the client has (a `missing` finding when neither does).
fn needs(checker: &mut Checker<'_>, body: &At<'_>, key: &str, default: Option<&String>) {
    text(checker, body, key, default.is_none(), (1, 64), code::LENGTH_OUT_OF_RANGE);
}

#[cfg(test)]
mod tests;
