//! The CreateMessage envelope: receiver, `body` or `template`, `replyTo`, and
//! the message options (frequency capping, link tracking, quiet hours, tags,
//! short links, scheduling, validity).

use super::{code, DEFAULT_VALIDITY_2FA_SECONDS, DEFAULT_VALIDITY_SECONDS};
use crate::check::{char_len, At, Checker};
use crate::json::{Node, Span};
use crate::text::quoted;
use crate::time::parse_rfc3339;

/// The members a CreateMessage may have (Bird's schema is closed).
const MESSAGE_KEYS: [&str; 16] = [
    "sender",
    "receiver",
    "reference",
    "template",
    "meta",
    "replyTo",
    "body",
    "notification",
    "capFrequency",
    "enableLinkTracking",
    "ignoreQuietHours",
    "ignoreGlobalHoldout",
    "tags",
    "shortLinks",
    "scheduledFor",
    "validity",
];
const MAX_TAGS: usize = 10;
const MAX_TAG_CHARS: usize = 50;
const MAX_SHORT_LINK_DOMAIN: usize = 128;
/// A schedule closer than this may be sent at once.
const SCHEDULE_MIN_AHEAD_MS: i64 = 10 * 60 * 1000;
/// A schedule farther than this is rejected.
const SCHEDULE_MAX_AHEAD_MS: i64 = 35 * 24 * 60 * 60 * 1000;

pub(super) fn check(checker: &mut Checker<'_>, root: &At<'_>, now_ms: i64) {
    checker.closed_keys(root, &MESSAGE_KEYS, "a Bird message", code::UNKNOWN_FIELD);
    match root.get("receiver") {
        Some(receiver) => check_receiver(checker, &receiver),
        None => checker.missing(root, "receiver", "a Bird message needs receiver: { contacts: [...] }"),
    }
    match (root.get("body"), root.get("template")) {
        (Some(body), None) => super::body::check(checker, &body),
        (None, Some(template)) => super::template::check(checker, &template),
        (Some(_), Some(template)) => checker.error(
            code::BODY_OR_TEMPLATE,
            &template,
            "give body (a free-form message) or template, not both",
        ),
        (None, None) => checker.error(
            code::BODY_OR_TEMPLATE,
            root,
            "a Bird message needs body (a free-form message) or template",
        ),
    }
    if let Some(reply_to) = root.get("replyTo") {
        check_reply_to(checker, &reply_to);
    }
    if let Some(reference) = root.get("reference") {
        reference.str(checker);
    }
    for key in ["capFrequency", "enableLinkTracking", "ignoreQuietHours", "ignoreGlobalHoldout"] {
        if let Some(at) = root.get(key) {
            at.bool(checker);
        }
    }
    check_cap_frequency(checker, root);
    if let Some(notification) = root.get("notification") {
        if notification.object(checker).is_some() {
            if let Some(url) = notification.get("url") {
                super::body::check_url(checker, &url);
            }
        }
    }
    if let Some(sender) = root.get("sender") {
        sender.object(checker);
    }
    if let Some(tags) = root.get("tags") {
        check_tags(checker, &tags);
    }
    if let Some(links) = root.get("shortLinks") {
        check_short_links(checker, &links, root.get("template").is_some());
    }
    if let Some(when) = root.get("scheduledFor") {
        check_schedule(checker, &when, now_ms);
    }
    if let Some(validity) = root.get("validity") {
        if validity.node.as_f64().is_none_or(|n| n.fract() != 0.0 || !(0.0..=4e9).contains(&n)) {
            let message = format!(
                "validity is how long the message may be delivered, in whole seconds ≥ 0 (default: {DEFAULT_VALIDITY_SECONDS}, 36 hours; {DEFAULT_VALIDITY_2FA_SECONDS} on a 2FA channel)"
            );
            checker.error(code::VALIDITY_INVALID, &validity, message);
        }
    }
}

fn check_receiver(checker: &mut Checker<'_>, receiver: &At<'_>) {
    if receiver.object(checker).is_none() {
        return;
    }
    checker.unknown_keys(receiver, &["contacts"], "receiver");
    let Some(contacts) = receiver.required(checker, "contacts", "receiver") else { return };
    let Some(contacts) = contacts_of(checker, &contacts) else { return };
    for contact in contacts {
        if contact.object(checker).is_none() {
            continue;
        }
        let known = [
            "id",
            "identifierKey",
            "identifierValue",
            "type",
            "identifiers",
            "platformAddress",
            "platformAddressSelector",
        ];
        checker.unknown_keys(&contact, &known, "a receiver contact");
        if !["id", "identifierValue", "identifiers", "platformAddress"]
            .iter()
            .any(|k| contact.get(k).is_some())
        {
            let message =
                "a receiver contact needs identifierValue (for WhatsApp, the number in +E.164) or id";
            checker.error(code::RECEIVER_INVALID, &contact, message);
        }
        check_identifier(checker, &contact, true);
        for identifier in contact.get("identifiers").and_then(|i| i.array(checker)).unwrap_or_default() {
            if identifier.object(checker).is_some() {
                check_identifier(checker, &identifier, false);
            }
        }
    }
}

fn contacts_of<'n>(checker: &mut Checker<'_>, contacts: &At<'n>) -> Option<Vec<At<'n>>> {
    let list = contacts.array(checker)?;
    if list.is_empty() {
        checker.error(code::RECEIVER_INVALID, contacts, "receiver.contacts names no contact");
    }
    Some(list)
}

/// A `phonenumber` identifier (on a WhatsApp channel, also one without a key)
/// is a valid number in +E.164.
fn check_identifier(checker: &mut Checker<'_>, holder: &At<'_>, key_optional: bool) {
    let key = holder.get("identifierKey").and_then(|k| k.str(checker));
    let Some(value) = holder.get("identifierValue") else { return };
    let Some(number) = value.str(checker) else { return };
    if !(key == Some("phonenumber") || (key.is_none() && key_optional)) {
        return;
    }
    let parsed = crate::phone::validate(number, None);
    let problem = match parsed.errors.first() {
        _ if !number.starts_with('+') => Some(format!(
            "{} is not in +E.164: write + and the country code (e.g. +31612345678)",
            quoted(number)
        )),
        Some(issue) => Some(format!(
            "{} is not a valid phone number ({}): {}",
            quoted(number),
            issue.code,
            issue.message
        )),
        None if parsed.e164.as_deref() != Some(number) => Some(format!(
            "{} is not in +E.164: write it without spaces or punctuation, {}",
            quoted(number),
            quoted(parsed.e164.as_deref().unwrap_or_default())
        )),
        None => None,
    };
    if let Some(message) = problem {
        checker.error(code::RECIPIENT_INVALID, &value, message);
    }
}

fn check_reply_to(checker: &mut Checker<'_>, reply_to: &At<'_>) {
    if reply_to.object(checker).is_none() {
        return;
    }
    checker.closed_keys(reply_to, &["id", "type", "order"], "replyTo", code::UNKNOWN_FIELD);
    match reply_to.get("id") {
        Some(id) => {
            id.str(checker);
        }
        None => checker.missing_as(
            code::REPLY_TO_INVALID,
            reply_to,
            "id",
            "replyTo needs id: the id of the received message replied to",
        ),
    }
    match reply_to.get("type") {
        Some(kind) => {
            if kind.str(checker).is_some_and(|k| !["message", "click", "referrals"].contains(&k)) {
                checker.error(
                    code::REPLY_TO_INVALID,
                    &kind,
                    "replyTo.type is message (a reply to a received message), click or referrals",
                );
            }
        }
        None => checker.missing_as(
            code::REPLY_TO_INVALID,
            reply_to,
            "type",
            "replyTo needs type: \"message\" for a received message",
        ),
    }
    if let Some(order) = reply_to.get("order") {
        order.integer(checker);
    }
}

/// `capFrequency: true` only for marketing messages (`meta.extraInformation.useCase`).
fn check_cap_frequency(checker: &mut Checker<'_>, root: &At<'_>) {
    let use_case = root.get("meta").and_then(|meta| {
        meta.object(checker)?;
        let extra = meta.get("extraInformation")?;
        extra.object(checker)?;
        extra.get("useCase")?.str(checker)
    });
    let Some(cap) = root.get("capFrequency").filter(|cap| cap.node.as_bool() == Some(true)) else { return };
    if use_case != Some("marketing") {
        let said = use_case.map_or_else(|| "none is set".to_owned(), |u| format!("it is {}", quoted(u)));
        let message = format!(
            "capFrequency can be true only for marketing messages: set meta.extraInformation.useCase to \"marketing\" ({said}), or leave capFrequency out"
        );
        checker.error(code::CAP_FREQUENCY, &cap, message);
    }
}

fn check_tags(checker: &mut Checker<'_>, tags: &At<'_>) {
    let Some(items) = tags.array(checker) else { return };
    if items.len() > MAX_TAGS {
        let message = format!("{} tags; a message takes at most {MAX_TAGS}", items.len());
        checker.error(code::TOO_MANY_TAGS, tags, message);
    }
    let mut seen: Vec<String> = Vec::new();
    for tag in &items {
        let Some(text) = tag.str(checker) else { continue };
        let charset = text.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b' '));
        if text.is_empty() || char_len(text) > MAX_TAG_CHARS || !charset {
            let message = format!(
                "tag {} must have 1 to {MAX_TAG_CHARS} letters, digits, '-', '_' or spaces",
                quoted(text)
            );
            checker.error(code::TAG_INVALID, tag, message);
            continue;
        }
        if items.len() > MAX_TAGS {
            // Too many to send anyway: repeats are not looked for (a bound on hostile input).
            continue;
        }
        let lower = text.to_ascii_lowercase();
        if seen.contains(&lower) {
            let message = format!("tag {} repeats an earlier one: Bird lower-cases tags", quoted(text));
            checker.warning(code::TAG_REPEATED, tag, message);
        } else {
            seen.push(lower);
        }
    }
}

fn check_short_links(checker: &mut Checker<'_>, links: &At<'_>, template: bool) {
    if links.node.value == crate::json::Value::Null {
        return;
    }
    if links.object(checker).is_none() {
        return;
    }
    if template {
        let message =
            "shortLinks at the top level is for body messages: with a template, set template.shortLinks";
        checker.error(code::SHORT_LINKS_INVALID, links, message);
    }
    checker.unknown_keys(links, &["domain"], "shortLinks");
    match links.get("domain").map(|d| (d, d.str(checker))) {
        Some((domain, Some(text))) if text.is_empty() || char_len(text) > MAX_SHORT_LINK_DOMAIN => {
            let message = format!("shortLinks.domain has 1 to {MAX_SHORT_LINK_DOMAIN} characters (\"default\": the workspace's)");
            checker.error(code::SHORT_LINKS_INVALID, &domain, message);
        }
        Some(_) => {}
        None => checker.missing_as(
            code::SHORT_LINKS_INVALID,
            links,
            "domain",
            "shortLinks needs domain (\"default\" for the workspace's)",
        ),
    }
}

fn check_schedule(checker: &mut Checker<'_>, when: &At<'_>, now_ms: i64) {
    let Some(text) = when.str(checker) else { return };
    let Some(at) = parse_rfc3339(text) else {
        let message =
            format!("scheduledFor {} is not an RFC 3339 date-time (e.g. 2026-01-01T10:00:00Z)", quoted(text));
        checker.error(code::SCHEDULED_FOR_INVALID, when, message);
        return;
    };
    let ahead = at.saturating_sub(now_ms);
    if ahead < SCHEDULE_MIN_AHEAD_MS {
        let message = format!(
            "scheduledFor {} is {}: Bird may send a message scheduled in the past or less than 10 minutes ahead at once; schedule it at least 10 minutes ahead, or leave scheduledFor out to send now",
            quoted(text),
            describe_ahead(ahead)
        );
        checker.error(code::SCHEDULED_TOO_SOON, when, message);
    } else if ahead > SCHEDULE_MAX_AHEAD_MS {
        let message = format!(
            "scheduledFor {} is {}: Bird rejects messages scheduled more than 35 days ahead",
            quoted(text),
            describe_ahead(ahead)
        );
        checker.error(code::SCHEDULED_TOO_FAR, when, message);
    }
}

/// "in the past", "3 minutes ahead", "36 days ahead" (rounded down).
fn describe_ahead(ahead_ms: i64) -> String {
    if ahead_ms < 0 {
        return "in the past".to_owned();
    }
    let minutes = ahead_ms / 60_000;
    match minutes {
        0..=119 => format!("{minutes} minutes ahead"),
        120..=2879 => format!("{} hours ahead", minutes / 60),
        _ => format!("{} days ahead", minutes / 1440),
    }
}

/// Edits that write every tag in lower case (as Bird stores them), for a
/// message that passed the checks.
pub(super) fn lower_case_tags(message: &Node) -> Vec<(Span, String)> {
    let tags = message.get("tags").and_then(Node::items).unwrap_or_default();
    tags.iter()
        .filter_map(|tag| {
            let text = tag.as_str()?;
            text.bytes()
                .any(|b| b.is_ascii_uppercase())
                .then(|| (tag.span, format!("\"{}\"", text.to_ascii_lowercase())))
        })
        .collect()
}
