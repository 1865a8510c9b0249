//! Free-form message bodies (`body`): text, image, file, location, list and
//! carousel, each with the actions it may carry (reply, postback, location
//! request, link, buy). WhatsApp's reaction, contacts and product messages
//! have no Channels API type.

use super::code;
use crate::check::{char_len, At, Checker};
use crate::text::quoted;

/// Body types a WhatsApp channel takes.
const TYPES: [&str; 6] = ["text", "image", "file", "location", "list", "carousel"];
const ACTION_TYPES: [&str; 5] = ["reply", "postback", "locationRequest", "link", "buy"];
/// Row descriptions (`metadata.description.label`).
const DESCRIPTION_LABEL_MAX: usize = 72;
/// A list's button (`list.metadata.button.label`).
const BUTTON_LABEL_MAX: usize = 20;
const CAROUSEL_CARDS: (usize, usize) = (2, 10);

pub(super) fn check(checker: &mut Checker<'_>, body: &At<'_>) {
    if body.object(checker).is_none() {
        return;
    }
    if let Some(reply_to) = body.node.members().and_then(|m| m.iter().find(|(key, _)| key.name == "replyTo"))
    {
        let message = "replyTo goes at the top level of the message, next to body (not inside it)";
        checker.key_error(code::REPLY_TO_PLACEMENT, body, &reply_to.0, message);
    }
    let kind = body.get("type").and_then(|k| k.node.as_str());
    // An unknown type's object is not reported again: the type's finding says it all.
    let known: Vec<&str> = ["type", "replyTo"].into_iter().chain(kind).collect();
    checker.closed_keys(body, &known, "a Bird body", code::UNKNOWN_FIELD);
    let Some(kind_at) = body.required(checker, "type", "a Bird body") else { return };
    let Some(kind) = kind_at.str(checker) else { return };
    if !TYPES.contains(&kind) {
        let message = format!(
            "body type {} is not one a WhatsApp channel takes: {} (reactions, contacts and product messages have no Channels API type)",
            quoted(kind),
            TYPES.join(", ")
        );
        checker.error(code::BODY_TYPE_INVALID, &kind_at, message);
        return;
    }
    let Some(content) = body.get(kind) else {
        let message = format!(
            "a {kind} body carries its content in {kind}: {{ \"type\": \"{kind}\", \"{kind}\": {{ … }} }}"
        );
        checker.missing_as(code::BODY_TYPE_INVALID, body, kind, message);
        return;
    };
    if content.object(checker).is_none() {
        return;
    }
    match kind {
        "text" => check_text(checker, &content),
        "image" => check_media_list(checker, &content, "images", &["mediaUrl", "altText"]),
        "file" => {
            check_media_list(checker, &content, "files", &["mediaUrl", "contentType", "filename", "altText"])
        }
        "location" => check_location(checker, &content),
        "list" => check_list(checker, &content),
        _ => check_carousel(checker, &content),
    }
}

fn check_text(checker: &mut Checker<'_>, text: &At<'_>) {
    checker.unknown_keys(text, &["text", "actions", "metadata"], "a text body");
    required_text(checker, text, "text", "a text body");
    if let Some(actions) = text.get("actions") {
        check_actions(checker, &actions);
    }
    let preview = text.get("metadata").and_then(|m| m.get("whatsapp")).and_then(|w| w.get("previewUrl"));
    if let Some(preview) = preview {
        preview.bool(checker);
    }
}

/// `images` or `files`: at least one, each with a `mediaUrl` (files also a
/// `contentType`), plus an optional `text` and actions.
fn check_media_list(checker: &mut Checker<'_>, content: &At<'_>, list: &str, item_keys: &[&str]) {
    checker.unknown_keys(content, &[list, "text", "actions", "metadata"], "the body");
    if let Some(text) = content.get("text") {
        text.str(checker);
    }
    if let Some(actions) = content.get("actions") {
        check_actions(checker, &actions);
    }
    let Some(items) = content.required(checker, list, "the body") else { return };
    let Some(entries) = items.array(checker) else { return };
    if entries.is_empty() {
        checker.error(code::ITEMS_COUNT, &items, format!("{list} needs at least one entry"));
    }
    for entry in entries {
        if entry.object(checker).is_none() {
            continue;
        }
        checker.unknown_keys(&entry, item_keys, list);
        if let Some(url) = entry.required(checker, "mediaUrl", list) {
            check_url(checker, &url);
        }
        if item_keys.contains(&"contentType") {
            if let Some(kind) =
                entry.required(checker, "contentType", "a file (its MIME type, e.g. application/pdf)")
            {
                if kind.str(checker).is_some_and(|k| !k.contains('/')) {
                    checker.error(
                        code::CONTENT_TYPE_INVALID,
                        &kind,
                        "contentType is a MIME type, e.g. video/mp4 or application/pdf",
                    );
                }
            }
        }
        for key in ["altText", "filename"] {
            if let Some(text) = entry.get(key) {
                text.str(checker);
            }
        }
    }
}

fn check_location(checker: &mut Checker<'_>, content: &At<'_>) {
    checker.unknown_keys(content, &["coordinates", "location"], "a location body");
    if let Some(coordinates) = content.required(checker, "coordinates", "a location body") {
        if coordinates.object(checker).is_some() {
            checker.unknown_keys(&coordinates, &["latitude", "longitude"], "coordinates");
            for (key, bound) in [("latitude", 90), ("longitude", 180)] {
                let Some(at) = coordinates.required(checker, key, "coordinates") else { continue };
                // An integer bound: formatting a float would pull float printing into the .wasm.
                if at.number(checker).is_some_and(|n: f64| n.abs() > f64::from(bound)) {
                    checker.error(code::COORDINATES, &at, format!("{key} is between -{bound} and {bound}"));
                }
            }
        }
    }
    if let Some(place) = content.get("location") {
        if place.object(checker).is_some() {
            checker.unknown_keys(&place, &["address", "label"], "location");
            for key in ["address", "label"] {
                if let Some(text) = place.get(key) {
                    text.str(checker);
                }
            }
        }
    }
}

fn check_list(checker: &mut Checker<'_>, content: &At<'_>) {
    checker.unknown_keys(content, &["text", "title", "altText", "items", "metadata"], "a list body");
    required_text(checker, content, "text", "a list body");
    for key in ["title", "altText"] {
        if let Some(text) = content.get(key) {
            text.str(checker);
        }
    }
    let label = content.get("metadata").and_then(|m| m.get("button")).and_then(|b| b.get("label"));
    if let Some(label) = label {
        max_label(checker, &label, BUTTON_LABEL_MAX, "the list button's label");
    }
    let Some(items) = content.required(checker, "items", "a list body") else { return };
    let Some(sections) = items.array(checker) else { return };
    if sections.is_empty() {
        checker.error(code::ITEMS_COUNT, &items, "a list needs at least one item");
    }
    for section in sections {
        if section.object(checker).is_none() {
            continue;
        }
        checker.unknown_keys(&section, &["title", "actions"], "a list item (section)");
        if let Some(title) = section.get("title") {
            title.str(checker);
        }
        match section.get("actions") {
            Some(actions) => {
                if check_actions(checker, &actions) == 0 {
                    checker.error(
                        code::ITEMS_COUNT,
                        &actions,
                        "a list item needs at least one action (its rows)",
                    );
                }
            }
            None => checker.missing(&section, "actions", "a list item needs actions (its rows)"),
        }
    }
}

fn check_carousel(checker: &mut Checker<'_>, content: &At<'_>) {
    checker.unknown_keys(content, &["text", "items"], "a carousel body");
    if let Some(text) = content.get("text") {
        text.str(checker);
    }
    let Some(items) = content.required(checker, "items", "a carousel body") else { return };
    let Some(cards) = items.array(checker) else { return };
    let (min, max) = CAROUSEL_CARDS;
    if !(min..=max).contains(&cards.len()) {
        let message = format!("a carousel has {min} to {max} cards; this one has {}", cards.len());
        checker.error(code::ITEMS_COUNT, &items, message);
    }
    for card in cards {
        if card.object(checker).is_none() {
            continue;
        }
        checker.unknown_keys(&card, &["title", "description", "mediaUrl", "actions"], "a carousel card");
        required_text(checker, &card, "title", "a carousel card");
        if let Some(url) = card.required(checker, "mediaUrl", "a carousel card") {
            check_url(checker, &url);
        }
        if let Some(actions) = card.get("actions") {
            check_actions(checker, &actions);
        }
    }
}

/// The actions of a body; returns how many there are.
fn check_actions(checker: &mut Checker<'_>, actions: &At<'_>) -> usize {
    let Some(list) = actions.array(checker) else { return 0 };
    for action in &list {
        check_action(checker, action);
    }
    list.len()
}

fn check_action(checker: &mut Checker<'_>, action: &At<'_>) {
    if action.object(checker).is_none() {
        return;
    }
    let kind = action.get("type").and_then(|k| k.node.as_str());
    let known: Vec<&str> = ["type"].into_iter().chain(kind).collect();
    checker.unknown_keys(action, &known, "an action");
    let Some(kind_at) = action.required(checker, "type", "an action") else { return };
    let Some(kind) = kind_at.str(checker) else { return };
    if !ACTION_TYPES.contains(&kind) {
        let message = format!("action type {} is not one of {}", quoted(kind), ACTION_TYPES.join(", "));
        checker.error(code::ACTION_INVALID, &kind_at, message);
        return;
    }
    let Some(content) = action.get(kind) else {
        // A location request may leave its object out (the button then reads "Send location").
        if kind != "locationRequest" {
            let message = format!(
                "a {kind} action carries {kind}: {{ \"type\": \"{kind}\", \"{kind}\": {{ \"text\": … }} }}"
            );
            checker.missing_as(code::ACTION_INVALID, action, kind, message);
        }
        return;
    };
    if content.object(checker).is_none() {
        return;
    }
    match kind {
        "reply" | "postback" => {
            let keys: &[&str] = if kind == "reply" {
                &["text", "imageUrl", "metadata"]
            } else {
                &["text", "payload", "imageUrl", "metadata"]
            };
            checker.unknown_keys(&content, keys, kind);
            required_text(checker, &content, "text", "the action");
            if let Some(payload) = content.get("payload").filter(|_| kind == "postback") {
                payload.str(checker);
            }
            if let Some(url) = content.get("imageUrl") {
                check_url(checker, &url);
            }
            let label =
                content.get("metadata").and_then(|m| m.get("description")).and_then(|d| d.get("label"));
            if let Some(label) = label {
                max_label(checker, &label, DESCRIPTION_LABEL_MAX, "a row description");
            }
        }
        "locationRequest" => {
            checker.unknown_keys(&content, &["text"], kind);
            if let Some(text) = content.get("text") {
                text.str(checker);
            }
        }
        "link" => {
            checker.unknown_keys(&content, &["text", "url"], kind);
            required_text(checker, &content, "text", "a link action");
            if let Some(url) = content.required(checker, "url", "a link action") {
                check_url(checker, &url);
            }
        }
        _ => check_buy(checker, &content),
    }
}

fn check_buy(checker: &mut Checker<'_>, buy: &At<'_>) {
    checker.unknown_keys(buy, &["text", "amountCents", "currency"], "buy");
    if let Some(text) = buy.get("text") {
        text.str(checker);
    }
    if let Some(amount) = buy.get("amountCents") {
        if amount.integer(checker).is_some_and(|n| n < 0) {
            checker.error(code::ACTION_INVALID, &amount, "amountCents is a whole number of cents ≥ 0");
        }
    }
    if let Some(currency) = buy.get("currency") {
        if currency.str(checker).is_some_and(|c| c.len() != 3 || !c.bytes().all(|b| b.is_ascii_alphabetic()))
        {
            checker.error(
                code::ACTION_INVALID,
                &currency,
                "currency is an ISO 4217 code of 3 letters, e.g. EUR",
            );
        }
    }
}

/// A required string member that is not empty.
fn required_text(checker: &mut Checker<'_>, parent: &At<'_>, key: &str, what: &str) {
    let Some(at) = parent.required(checker, key, what) else { return };
    if at.str(checker).is_some_and(str::is_empty) {
        checker.error(code::TEXT_EMPTY, &at, format!("{key} cannot be empty"));
    }
}

fn max_label(checker: &mut Checker<'_>, label: &At<'_>, max: usize, what: &str) {
    let Some(text) = label.str(checker) else { return };
    let length = char_len(text);
    if length > max {
        checker.error(
            code::LABEL_TOO_LONG,
            label,
            format!("{what} is {length} characters; the limit is {max}"),
        );
    }
}

/// An http(s) URL.
pub(super) fn check_url(checker: &mut Checker<'_>, url: &At<'_>) {
    let Some(text) = url.str(checker) else { return };
    let scheme = text.get(..8).map(str::to_ascii_lowercase);
    let web = scheme.as_deref().is_some_and(|s| s == "https://" || s.starts_with("http://"));
    if !web || text.len() < 10 || text.contains(char::is_whitespace) {
        checker.error(code::URL_INVALID, url, format!("{} is not an http(s) URL", quoted(text)));
    }
}
