//! The WABA and number: WABA info, business profile, display-name status,
//! media ids, conversation analytics, catalogs and products, and the
//! business encryption key.

use super::code::{
    COUNT_OUT_OF_RANGE as COUNT, LENGTH_OUT_OF_RANGE as LENGTH, ONE_OF, PUBLIC_KEY_INVALID, RANGE_INVALID,
    UNKNOWN_FIELD as UNKNOWN, VALUE_INVALID,
};
use super::{checked, id_arg, needs, Auth, Built, Woztell};
use crate::api::providers::limits::{
    array, choice, exactly_one, integer, is_web, member, object, strings, text, Source,
};
use crate::api::providers::wire::{push_query, Object};
use crate::api::Request;
use crate::check::{At, Checker};
use crate::json::Node;
use crate::report::Issue;
use crate::Error;

const MEDIA_TYPES: [&str; 4] = ["image", "audio", "video", "file"];
const GRANULARITY: [&str; 3] = ["HALF_HOUR", "DAILY", "MONTHLY"];
const METRIC_TYPES: [&str; 2] = ["COST", "CONVERSATION"];
const CONVERSATION_TYPES: [&str; 4] = ["FREE_ENTRY_POINT", "FREE_TIER", "REGULAR", "UNKNOWN"];
const DIRECTIONS: [&str; 4] =
    ["business_initiated", "user_initiated", "BUSINESS_INITIATED", "USER_INITIATED"];
const DIMENSIONS: [&str; 5] =
    ["phone", "country", "conversation_type", "conversation_direction", "conversation_reaction"];
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

impl Woztell {
    /// GET `/waba-info` with `channelId` or `wabaId` (the client's channel, else its WABA).
    pub fn waba_info<'t>(&self, json: impl Into<Source<'t>>, query: &Node) -> Built {
        let source: Source<'_> = json.into();
        let json = source.text;
        let has_default = self.channel_id.is_some() || self.waba_id.is_some();
        checked(query, source, &["channelId", "wabaId"], &|checker, query| {
            exactly_one(checker, query, ["channelId", "wabaId"], !has_default, ONE_OF);
        })?;
        let given = query.get("channelId").is_some() || query.get("wabaId").is_some();
        let defaults = match (&self.channel_id, &self.waba_id) {
            _ if given => vec![],
            (Some(channel), _) => vec![("channelId", Some(channel))],
            (None, waba) => vec![("wabaId", waba.as_ref())],
        };
        Ok((Auth::Token, self.get("waba-info", json, query, &defaults)))
    }

    fn phone_query(&self, path: &str, source: Source<'_>, query: &Node, auth: Auth) -> Built {
        let default = self.phone_number_id.as_ref();
        checked(query, source, &["phoneNumberId"], &|checker, query| {
            needs(checker, query, "phoneNumberId", default);
        })?;
        Ok((auth, self.get(path, source.text, query, &[("phoneNumberId", default)])))
    }

    /// GET `/whatsapp-business-profile?phoneNumberId=`.
    pub fn business_profile<'t>(&self, json: impl Into<Source<'t>>, query: &Node) -> Built {
        self.phone_query("whatsapp-business-profile", json.into(), query, Auth::Token)
    }

    /// GET `/whatsapp-displayname-status?phoneNumberId=` (token and signed headers).
    pub fn display_name_status<'t>(&self, json: impl Into<Source<'t>>, query: &Node) -> Built {
        self.phone_query("whatsapp-displayname-status", json.into(), query, Auth::Both)
    }

    /// PATCH `/whatsapp-business-profile`: `{ phoneNumberId, profile }`, the profile checked
    /// (`messaging_product` "whatsapp", added when absent; at most 2 http(s) websites; Meta's text limits).
    pub fn update_business_profile<'t>(&self, json: impl Into<Source<'t>>, body: &Node) -> Built {
        let source: Source<'_> = json.into();
        let json = source.text;
        let default = self.phone_number_id.as_ref();
        checked(body, source, &["phoneNumberId", "profile"], &|checker, body| {
            needs(checker, body, "phoneNumberId", default);
            if let Some(profile) = member(checker, body, "profile", true) {
                check_profile(checker, &profile);
            }
        })?;
        let mut profile = Object::default();
        let given = body.get("profile");
        if given.and_then(|p| p.get("messaging_product")).is_none() {
            profile.string("messaging_product", "whatsapp");
        }
        if let Some(given) = given {
            profile.members(json, given, &[]);
        }
        let mut object = Object::default();
        if let (None, Some(phone)) = (body.get("phoneNumberId"), default) {
            object.string("phoneNumberId", phone);
        }
        if let Some(token) = &self.body_token {
            object.string("accessToken", token);
        }
        object.members(json, body, &["profile"]).raw("profile", &profile.finish());
        let request = Request {
            method: "PATCH",
            ..Request::post(self.url("whatsapp-business-profile"), Some(object.finish()), true)
        };
        Ok((Auth::Token, request))
    }

    /// PUT `/media-id`: `{ phoneNumberId, type: image|audio|video|file, url }`; the answer's `mediaId` lasts 30 days.
    pub fn media_id<'t>(&self, json: impl Into<Source<'t>>, body: &Node) -> Built {
        let source: Source<'_> = json.into();
        let json = source.text;
        let default = self.phone_number_id.as_ref();
        checked(body, source, &["phoneNumberId", "type", "url"], &|checker, body| {
            needs(checker, body, "phoneNumberId", default);
            choice(checker, body, "type", true, &MEDIA_TYPES, VALUE_INVALID);
            let url = text(checker, body, "url", true, (1, 2048), LENGTH);
            if let (Some(false), Some(at)) = (url.map(is_web), body.get("url")) {
                checker.error(VALUE_INVALID, &at, "url is an http(s) link to the media file");
            }
        })?;
        let body = self.body(json, body, &[("phoneNumberId", default)]);
        Ok((Auth::Token, Request { method: "PUT", ..Request::post(self.url("media-id"), Some(body), false) }))
    }

    /// GET `/conversation-analytics`: `from`, `to` (Unix seconds), `granularity`, and the optional lists.
    pub fn conversation_analytics<'t>(&self, json: impl Into<Source<'t>>, query: &Node) -> Built {
        let source: Source<'_> = json.into();
        let json = source.text;
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
        checked(query, source, &KEYS, &|checker, query| {
            let mut bound = |key| {
                let limit = (0, 1 << 40);
                member(checker, query, key, true).and_then(|_| integer(checker, query, key, limit, COUNT))
            };
            if let (Some(from), Some(to), Some(at)) = (bound("from"), bound("to"), query.get("to")) {
                if from >= to {
                    checker.error(RANGE_INVALID, &at, "to must be after from (Unix seconds)");
                }
            }
            choice(checker, query, "granularity", true, &GRANULARITY, VALUE_INVALID);
            strings(checker, query, "numbers", &[], COUNT, VALUE_INVALID);
            strings(checker, query, "metric_types", &METRIC_TYPES, COUNT, VALUE_INVALID);
            strings(checker, query, "conversation_types", &CONVERSATION_TYPES, COUNT, VALUE_INVALID);
            strings(checker, query, "conversation_directions", &DIRECTIONS, COUNT, VALUE_INVALID);
            strings(checker, query, "dimensions", &DIMENSIONS, COUNT, VALUE_INVALID);
        })?;
        Ok((Auth::Signed, self.get("conversation-analytics", json, query, &[])))
    }

    /// GET `/catalogs`.
    pub fn catalogs(&self) -> (Auth, Request) {
        (Auth::Signed, Request::get(self.url("catalogs")))
    }

    /// GET `/products?catalogId=`.
    pub fn products(&self, catalog_id: &str) -> Built {
        let mut url = self.url("products");
        push_query(&mut url, "catalogId", id_arg(catalog_id, "catalogId")?);
        Ok((Auth::Signed, Request::get(url)))
    }

    /// GET `/whatsapp-business-encryption`.
    pub fn encryption(&self) -> (Auth, Request) {
        (Auth::Signed, Request::get(self.url("whatsapp-business-encryption")))
    }

    /// POST `/whatsapp-business-encryption` with `{ publicKey }` (a PEM public key; never the private key).
    pub fn set_encryption(&self, public_key: &str) -> Built {
        let pem = public_key.trim();
        if !pem.starts_with("-----BEGIN PUBLIC KEY-----") || !pem.ends_with("-----END PUBLIC KEY-----") {
            let issue = Issue::error(
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

/// A business profile: Meta's members and text limits, at most 2 http(s) websites.
fn check_profile(checker: &mut Checker<'_>, profile: &At<'_>) {
    const LIMITS: [(&str, usize); 4] =
        [("about", 139), ("address", 256), ("description", 512), ("email", 128)];
    if !object(checker, profile, &PROFILE_KEYS, UNKNOWN) {
        return;
    }
    choice(checker, profile, "messaging_product", false, &["whatsapp"], VALUE_INVALID);
    for (key, max) in LIMITS {
        text(checker, profile, key, false, (0, max), LENGTH);
    }
    text(checker, profile, "vertical", false, (1, 64), LENGTH);
    text(checker, profile, "profile_picture_url", false, (1, 4096), LENGTH);
    for site in array(checker, profile, "websites", false, (0, 2), COUNT).unwrap_or_default() {
        let url = site.node.as_str();
        if !url.is_some_and(|url| is_web(url) && url.chars().count() <= 256) {
            checker.error(VALUE_INVALID, &site, "an http(s) URL of at most 256 characters");
        }
    }
}
