//! Outbound Cloud API message bodies (POST `/<PHONE_NUMBER_ID>/messages`):
//! the envelope, the recipient, and every message type's own rules.
//! Interactive messages are in `interactive` (carousels in `carousel`, the
//! fixed-button and address requests in `requests`), contacts in `contacts`;
//! template sends are checked for shape here and against their definition by
//! [`crate::template::send`].

mod carousel;
mod contacts;
mod interactive;
mod requests;
#[cfg(test)]
mod tests;

use crate::check::{char_len, At, Checker};
use crate::json::Node;
use crate::phone;
use crate::report::Report;
use crate::text::quoted;

/// Stable issue codes for outbound messages (`message.*`).
pub mod code {
    /// `messaging_product` is not `"whatsapp"`.
    pub const MESSAGING_PRODUCT: &str = "message.messaging_product";
    /// Neither `to` nor `recipient`.
    pub const RECIPIENT_MISSING: &str = "message.recipient_missing";
    /// `to` is not a usable phone number.
    pub const RECIPIENT_INVALID: &str = "message.recipient_invalid";
    /// `to` without `+`: Meta may prepend the business number's country code.
    pub const RECIPIENT_NO_PLUS: &str = "message.recipient_no_plus";
    /// `recipient` is not a business-scoped user id (`CC.<id>`).
    pub const BSUID_INVALID: &str = "message.bsuid_invalid";
    /// `recipient_type` is not individual or group.
    pub const RECIPIENT_TYPE: &str = "message.recipient_type";
    /// `type` is missing or unknown, or its object is missing.
    pub const TYPE_INVALID: &str = "message.type_invalid";
    /// A text over its limit.
    pub const TEXT_TOO_LONG: &str = "message.text_too_long";
    /// A required text is empty.
    pub const TEXT_EMPTY: &str = "message.text_empty";
    /// Media with both or neither of `id` and `link`, or a bad link.
    pub const MEDIA_SOURCE: &str = "message.media_source";
    /// A field this media type does not take (e.g. a caption on audio).
    pub const MEDIA_FIELD: &str = "message.media_field";
    /// Latitude or longitude out of range.
    pub const COORDINATES: &str = "message.coordinates";
    /// Contacts without a formatted name, or an empty list.
    pub const CONTACT_INVALID: &str = "message.contact_invalid";
    /// Interactive message rules (counts, ids, headers, actions).
    pub const INTERACTIVE_INVALID: &str = "message.interactive_invalid";
    /// Reply ids or titles, row ids that repeat.
    pub const NOT_UNIQUE: &str = "message.not_unique";
    /// A value outside the enumerated ones.
    pub const ENUM: &str = "message.enum";
    /// `contacts` given as a JSON-encoded string (a warning: the documented shape is an array).
    pub const CONTACTS_ENCODED: &str = "message.contacts_encoded";
    /// A contact name with `formatted_name` only: Meta needs one more name part.
    pub const CONTACT_NAME: &str = "message.contact_name";
    /// A contact `birthday` that is not `YYYY-MM-DD`.
    pub const CONTACT_BIRTHDAY: &str = "message.contact_birthday";
    /// A Flow message's `flow_cta` over 20 characters or with an emoji.
    pub const FLOW_CTA: &str = "message.flow_cta";
    /// A reply button id with leading or trailing spaces.
    pub const REPLY_ID_SPACES: &str = "message.reply_id_spaces";
    /// Carousel rules: 2–10 cards, their indexes, headers and bodies, no main header or footer.
    pub const CAROUSEL_INVALID: &str = "message.carousel_invalid";
    /// Carousel cards whose buttons differ, or a URL button beside quick replies.
    pub const CAROUSEL_LAYOUT: &str = "message.carousel_layout";
    /// A header or footer on a request whose only part to set is the body
    /// (`request_contact_info`, `call_permission_request`).
    pub const FIXED_REQUEST: &str = "message.fixed_request";
    /// An address message's country, prefilled values or saved addresses.
    pub const ADDRESS_INVALID: &str = "message.address_invalid";
    /// A group send (`recipient_type: "group"`) with a phone number or a
    /// `recipient` instead of the group id in `to`.
    pub const GROUP_RECIPIENT: &str = "message.group_recipient";
    /// A group send of a type Meta does not list for groups (a warning: text,
    /// media and templates are documented).
    pub const GROUP_TYPE: &str = "message.group_type";
}

const TYPES: [&str; 13] = [
    "text",
    "image",
    "audio",
    "video",
    "document",
    "sticker",
    "location",
    "contacts",
    "reaction",
    "interactive",
    "template",
    "address",
    "order_details",
];

const ENVELOPE_KEYS: [&str; 9] = [
    "messaging_product",
    "recipient_type",
    "to",
    "recipient",
    "type",
    "context",
    "biz_opaque_callback_data",
    "status",
    "message_id",
];

/// Validates an outbound message body. `source` is its JSON text, when given as text.
pub fn validate_message(doc: &Node, source: Option<&str>) -> Report {
    let mut checker = Checker::new(doc, source);
    let root = At::root(doc);
    if root.object(&mut checker).is_some() {
        check_message(&mut checker, &root);
    }
    checker.finish()
}

fn check_message(checker: &mut Checker<'_>, root: &At<'_>) {
    let kind = root.get("type").and_then(|at| at.node.as_str().map(str::to_owned));
    let mut known: Vec<&str> = ENVELOPE_KEYS.to_vec();
    if let Some(kind) = kind.as_deref().and_then(|k| TYPES.iter().copied().find(|t| *t == k)) {
        known.push(kind);
    }
    checker.unknown_keys(root, &known, "a message");
    if let Some(at) = root.required(checker, "messaging_product", "a message") {
        if at.str(checker).is_some_and(|p| p != "whatsapp") {
            checker.error_meta(code::MESSAGING_PRODUCT, 100, &at, "messaging_product must be \"whatsapp\"");
        }
    }
    check_recipient(checker, root);
    if let Some(context) = root.get("context") {
        if context.object(checker).is_some() {
            checker.unknown_keys(&context, &["message_id"], "context");
            if let Some(id) = context.required(checker, "message_id", "context") {
                id.str(checker);
            }
        }
    }
    if let Some(data) = root.get("biz_opaque_callback_data") {
        if let Some(text) = data.str(checker) {
            limit(checker, &data, text, 512, "biz_opaque_callback_data");
        }
    }
    let Some(type_at) = root.get("type") else {
        checker.missing(root, "type", format!("a message needs a type: {}", TYPES.join(", ")));
        return;
    };
    let Some(kind) = type_at.str(checker) else { return };
    if !TYPES.contains(&kind) {
        checker.error_meta(
            code::TYPE_INVALID,
            131_051,
            &type_at,
            format!("unknown message type {}; known: {}", quoted(kind), TYPES.join(", ")),
        );
        return;
    }
    let Some(body) = root.get(kind) else {
        checker.missing(root, kind, format!("a {kind} message carries a {kind} object"));
        return;
    };
    if kind == "contacts" {
        contacts::check(checker, &body);
        return;
    }
    if body.object(checker).is_none() {
        return;
    }
    match kind {
        "text" => check_text(checker, &body),
        "image" | "audio" | "video" | "document" | "sticker" => check_media(checker, &body, kind),
        "location" => check_location(checker, &body),
        "reaction" => check_reaction(checker, &body),
        "interactive" => interactive::check(checker, &body),
        "template" => check_template_shape(checker, &body),
        _ => {}
    }
}

fn check_recipient(checker: &mut Checker<'_>, root: &At<'_>) {
    let group = match root.get("recipient_type") {
        Some(at) => match at.str(checker) {
            Some("individual") | None => false,
            Some("group") => true,
            Some(other) => {
                checker.error(
                    code::RECIPIENT_TYPE,
                    &at,
                    format!("recipient_type is individual or group, got {}", quoted(other)),
                );
                false
            }
        },
        None => false,
    };
    let to = root.get("to");
    let recipient = root.get("recipient");
    if to.is_none() && recipient.is_none() {
        checker.error(
            code::RECIPIENT_MISSING,
            root,
            "a message needs to (the user's phone number) or recipient (a business-scoped user id)",
        );
    }
    // `to` and `recipient` together are valid: Meta delivers to the phone
    // number in `to` (META-2026.md §1.2: 8x8, Gupshup, KAPSO, WAJS), so both
    // are checked and nothing is said about the pair.
    match to {
        Some(to) if !group => check_phone_recipient(checker, &to),
        Some(to) => check_group_recipient(checker, root, &to),
        None => {}
    }
    if let Some(recipient) = recipient {
        if let Some(bsuid) = recipient.str(checker) {
            if !is_bsuid(bsuid) {
                checker.error(
                    code::BSUID_INVALID,
                    &recipient,
                    "recipient is a business-scoped user id: a 2-letter country code, '.', optionally 'ENT.', then up to 128 letters and digits (e.g. US.13491208655302741918)",
                );
            }
        }
    }
}

/// A group send: `to` is the group id ("Group messaging": `recipient_type`
/// `group` and the group id in `to`; Meta refuses a `to` of the other kind),
/// no `recipient`, and a type Meta lists for groups (text, media, templates).
fn check_group_recipient(checker: &mut Checker<'_>, root: &At<'_>, to: &At<'_>) {
    const GROUP_TYPES: [&str; 7] = ["text", "image", "audio", "video", "document", "sticker", "template"];
    let phone = |id: &str| id.trim().starts_with('+') || id.bytes().all(|b| b.is_ascii_digit() || b == b' ');
    if to.str(checker).is_some_and(phone) {
        checker.error(code::GROUP_RECIPIENT, to, "in a group send, to is the group id from the Groups API");
    }
    if let Some(recipient) = root.get("recipient") {
        checker.error(code::GROUP_RECIPIENT, &recipient, "a group send goes to the group id in to");
    }
    if let Some(kind) =
        root.get("type").filter(|t| t.node.as_str().is_some_and(|k| !GROUP_TYPES.contains(&k)))
    {
        checker.warning(code::GROUP_TYPE, &kind, "Meta documents text, media and templates for groups");
    }
}

/// A phone number as Meta's `to` accepts it (REFERENCE.md §2.2), checked
/// for its region with the same parser as `parsePhone`.
fn check_phone_recipient(checker: &mut Checker<'_>, to: &At<'_>) {
    let Some(number) = to.str(checker) else { return };
    let trimmed = number.trim();
    if trimmed.starts_with('+') {
        if let Some(issue) = phone::validate(trimmed, None).errors.first() {
            checker.error_meta(
                code::RECIPIENT_INVALID,
                100,
                to,
                format!("to is not a valid phone number ({}): {}", issue.code, issue.message),
            );
        }
        return;
    }
    let digits: String = trimmed.chars().filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.')).collect();
    let as_international = phone::validate(&format!("+{digits}"), None);
    if digits.bytes().all(|b| b.is_ascii_digit()) && as_international.ok {
        checker.warning(
            code::RECIPIENT_NO_PLUS,
            to,
            format!(
                "write {} with + and the country code: without +, Meta prepends your business number's country code to national numbers",
                quoted(as_international.e164.as_deref().unwrap_or_default())
            ),
        );
    } else {
        checker.error_meta(
            code::RECIPIENT_INVALID,
            100,
            to,
            "to is a phone number in international form: +, country code, number (e.g. +16505551234)",
        );
    }
}

pub(crate) fn is_bsuid(text: &str) -> bool {
    let Some((country, rest)) = text.split_once('.') else { return false };
    let id = rest.strip_prefix("ENT.").unwrap_or(rest);
    country.len() == 2
        && country.bytes().all(|b| b.is_ascii_uppercase())
        && (1..=128).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Reports `text` over `max` characters.
pub(crate) fn limit(checker: &mut Checker<'_>, at: &At<'_>, text: &str, max: usize, what: &str) {
    let length = char_len(text);
    if length > max {
        checker.error(code::TEXT_TOO_LONG, at, format!("{what} is {length} characters; the limit is {max}"));
    }
}

/// A required, non-empty string field of at most `max` characters.
pub(crate) fn required_text<'n>(
    checker: &mut Checker<'_>,
    parent: &At<'n>,
    key: &str,
    max: usize,
    what: &str,
) -> Option<&'n str> {
    let at = parent.required(checker, key, what)?;
    let text = at.str(checker)?;
    if text.trim().is_empty() {
        checker.error(code::TEXT_EMPTY, &at, format!("{key} cannot be empty"));
    }
    limit(checker, &at, text, max, key);
    Some(text)
}

fn check_text(checker: &mut Checker<'_>, text: &At<'_>) {
    checker.unknown_keys(text, &["body", "preview_url"], "text");
    required_text(checker, text, "body", 4096, "a text message");
    if let Some(preview) = text.get("preview_url") {
        preview.bool(checker);
    }
}

/// `{id}` or `{link}` media, with the fields each type takes.
pub(crate) fn check_media(checker: &mut Checker<'_>, media: &At<'_>, kind: &str) {
    let fields: &[&str] = match kind {
        "image" | "video" => &["id", "link", "caption"],
        "document" => &["id", "link", "caption", "filename"],
        _ => &["id", "link"],
    };
    for field in ["caption", "filename"] {
        if let Some(at) = media.get(field).filter(|_| !fields.contains(&field)) {
            checker.error(code::MEDIA_FIELD, &at, format!("{kind} messages take no {field}"));
        }
    }
    checker.unknown_keys(media, &["id", "link", "caption", "filename", "provider"], kind);
    match (media.get("id"), media.get("link")) {
        (Some(_), Some(link)) => {
            checker.error(code::MEDIA_SOURCE, &link, "give id (uploaded media) or link, not both")
        }
        (None, None) => {
            checker.error(code::MEDIA_SOURCE, media, "media needs id (uploaded media) or link (an https URL)")
        }
        (Some(id), None) => {
            id.str(checker);
        }
        (None, Some(link)) => {
            if let Some(url) = link.str(checker) {
                if !url.starts_with("https://") && !url.starts_with("http://") {
                    checker.error(code::MEDIA_SOURCE, &link, "link must be an http(s) URL Meta can download");
                }
            }
        }
    }
    if let Some(caption) = media.get("caption").filter(|_| fields.contains(&"caption")) {
        if let Some(text) = caption.str(checker) {
            limit(checker, &caption, text, 1024, "caption");
        }
    }
}

fn check_location(checker: &mut Checker<'_>, location: &At<'_>) {
    checker.unknown_keys(location, &["latitude", "longitude", "name", "address"], "location");
    for (field, max) in [("latitude", 90u16), ("longitude", 180)] {
        if let Some(at) = location.required(checker, field, "a location") {
            if at.number(checker).is_some_and(|degrees| degrees.abs() > f64::from(max)) {
                checker.error(code::COORDINATES, &at, format!("{field} is between -{max} and {max}"));
            }
        }
    }
    for field in ["name", "address"] {
        if let Some(at) = location.get(field) {
            at.str(checker);
        }
    }
}

fn check_reaction(checker: &mut Checker<'_>, reaction: &At<'_>) {
    checker.unknown_keys(reaction, &["message_id", "emoji"], "reaction");
    if let Some(id) = reaction.required(checker, "message_id", "a reaction") {
        id.str(checker);
    }
    if let Some(emoji) = reaction.required(checker, "emoji", "a reaction (\"\" removes one)") {
        if let Some(text) = emoji.str(checker) {
            if char_len(text) > 10 {
                checker.error(
                    code::TEXT_TOO_LONG,
                    &emoji,
                    "emoji is a single emoji, or \"\" to remove the reaction",
                );
            }
        }
    }
}

/// A `template` message: shape only (definition-aware checks are `validateTemplateSend`).
pub(crate) fn check_template_shape(checker: &mut Checker<'_>, template: &At<'_>) {
    checker.unknown_keys(template, &["name", "language", "components", "namespace"], "template");
    if let Some(name) = template.required(checker, "name", "a template message") {
        name.str(checker);
    }
    if let Some(language) = template.required(checker, "language", "a template message") {
        if language.object(checker).is_some() {
            if let Some(code_at) = language.required(checker, "code", "language") {
                code_at.str(checker);
            }
        }
    }
    if let Some(components) = template.get("components") {
        for component in components.array(checker).unwrap_or_default() {
            if component.object(checker).is_some() {
                if let Some(kind) = component.required(checker, "type", "a template component") {
                    kind.str(checker);
                }
                if let Some(params) = component.get("parameters") {
                    params.array(checker);
                }
            }
        }
    }
    crate::template::send::check_without_definition(checker, template);
}
