//! Interactive messages: reply buttons, lists, CTA URL, Flows, products,
//! catalogs and location requests, with Meta's counts and limits. Media
//! carousels are in `super::carousel`; contact-info, call-permission and
//! address requests in `super::requests`.

use super::{carousel, check_media, code, limit, requests, required_text};
use crate::check::{char_len, At, Checker};
use crate::text::quoted;

const KINDS: [&str; 12] = [
    "button",
    "list",
    "cta_url",
    "flow",
    "product",
    "product_list",
    "catalog_message",
    "location_request_message",
    "carousel",
    "request_contact_info",
    "call_permission_request",
    "address_message",
];

/// An `interactive` object.
pub fn check(checker: &mut Checker<'_>, interactive: &At<'_>) {
    checker.unknown_keys(interactive, &["type", "header", "body", "footer", "action"], "interactive");
    let Some(type_at) = interactive.required(checker, "type", "an interactive message") else { return };
    let Some(kind) = type_at.str(checker) else { return };
    if !KINDS.contains(&kind) {
        checker.error_meta(
            code::TYPE_INVALID,
            131_051,
            &type_at,
            format!("unknown interactive type {}; known: {}", quoted(kind), KINDS.join(", ")),
        );
        return;
    }
    check_body(checker, interactive, kind);
    match kind {
        "carousel" => return carousel::check(checker, interactive),
        "request_contact_info" | "call_permission_request" => {
            return requests::check_fixed(checker, interactive, kind)
        }
        _ => {}
    }
    check_header(checker, interactive, kind);
    if let Some(footer) = interactive.get("footer") {
        if footer.object(checker).is_some() {
            checker.unknown_keys(&footer, &["text"], "footer");
            required_text(checker, &footer, "text", 60, "a footer");
        }
    }
    let Some(action) = interactive.required(checker, "action", "an interactive message") else { return };
    if action.object(checker).is_none() {
        return;
    }
    match kind {
        "button" => check_reply_buttons(checker, &action),
        "list" => check_list(checker, &action),
        "cta_url" => check_cta_url(checker, &action),
        "flow" => check_flow(checker, &action),
        "product" => check_product(checker, &action),
        "product_list" => check_product_list(checker, &action),
        "catalog_message" => check_named_action(checker, &action, "catalog_message"),
        "address_message" => requests::check_address(checker, &action),
        _ => check_named_action(checker, &action, "send_location"),
    }
}

fn check_header(checker: &mut Checker<'_>, interactive: &At<'_>, kind: &str) {
    let Some(header) = interactive.get("header") else {
        if kind == "product_list" {
            checker.error(code::INTERACTIVE_INVALID, interactive, "product_list messages need a text header");
        }
        return;
    };
    if header.object(checker).is_none() {
        return;
    }
    if matches!(kind, "product" | "catalog_message" | "location_request_message") {
        checker.error(code::INTERACTIVE_INVALID, &header, format!("{kind} messages take no header"));
        return;
    }
    let Some(type_at) = header.required(checker, "type", "a header") else { return };
    let Some(header_type) = type_at.str(checker) else { return };
    // cta_url takes text, image, video and document headers (Meta's
    // "Interactive CTA URL button messages" page, header object).
    let text_only = matches!(kind, "list" | "product_list" | "flow");
    match header_type {
        "text" => {
            checker.unknown_keys(&header, &["type", "text"], "a text header");
            required_text(checker, &header, "text", 60, "a text header");
        }
        "image" | "video" | "document" if !text_only => {
            checker.unknown_keys(&header, &["type", header_type], "a media header");
            if let Some(media) = header.required(checker, header_type, "a media header") {
                if media.object(checker).is_some() {
                    check_media(checker, &media, header_type);
                }
            }
        }
        _ => {
            let allowed = if text_only { "text" } else { "text, image, video or document" };
            checker.error(
                code::INTERACTIVE_INVALID,
                &type_at,
                format!("a {kind} message's header is {allowed}, not {}", quoted(header_type)),
            );
        }
    }
}

pub(super) fn check_body(checker: &mut Checker<'_>, interactive: &At<'_>, kind: &str) {
    let max = if kind == "list" { 4096 } else { 1024 };
    match interactive.get("body") {
        Some(body) if body.object(checker).is_some() => {
            checker.unknown_keys(&body, &["text"], "body");
            required_text(checker, &body, "text", max, "a body");
        }
        Some(_) => {}
        None if kind != "product" => {
            checker.missing(interactive, "body", format!("{kind} messages need body.text"))
        }
        None => {}
    }
}

/// A reply button's `id` (≤ 256 characters), collected into `ids` for the
/// uniqueness check. Meta rejects ids with leading or trailing spaces
/// (Cloud API "Interactive reply buttons messages": "Cannot have leading or
/// trailing spaces").
// Not inlined: reply buttons and carousel quick replies share one copy.
#[inline(never)]
/// A button `{ type: kind, kind: { id, title } }` (reply buttons, a
/// carousel card's quick replies): its type and keys checked, its inner
/// object returned. `what` names one button, `plural` all of them.
pub(super) fn typed_reply<'n>(
    checker: &mut Checker<'_>,
    button: &At<'n>,
    kind: &str,
    what: &str,
    plural: &str,
) -> Option<At<'n>> {
    button.object(checker)?;
    checker.unknown_keys(button, &["type", kind], what);
    if let Some(type_at) = button.required(checker, "type", what) {
        if type_at.str(checker).is_some_and(|t| t != kind) {
            checker.error(code::ENUM, &type_at, format!("{plural} have type \"{kind}\""));
        }
    }
    let reply = button.required(checker, kind, what)?;
    reply.object(checker)?;
    checker.unknown_keys(&reply, &["id", "title"], kind);
    Some(reply)
}

pub(super) fn reply_id<'n>(checker: &mut Checker<'_>, reply: &At<'n>, ids: &mut Vec<(String, At<'n>)>) {
    let (Some(id), Some(at)) = (required_text(checker, reply, "id", 256, "a reply"), reply.get("id")) else {
        return;
    };
    if !id.trim().is_empty() && id.trim() != id {
        checker.error(
            code::REPLY_ID_SPACES,
            &at,
            format!("reply id {} has leading or trailing spaces; Meta rejects them", quoted(id)),
        );
    }
    ids.push((id.to_owned(), at));
}

/// Reports a repeated value among `values` (texts with their places).
pub(super) fn unique(checker: &mut Checker<'_>, values: &[(String, At<'_>)], what: &str) {
    let first_of =
        crate::check::first_occurrences(values.len(), &|i| values.get(i).map_or("", |v| v.0.as_str()));
    for ((value, at), first) in values.iter().zip(first_of) {
        if first.is_some() {
            checker.error(
                code::NOT_UNIQUE,
                at,
                format!("{what} {} is used twice; each must be unique", quoted(value)),
            );
        }
    }
}

fn check_reply_buttons(checker: &mut Checker<'_>, action: &At<'_>) {
    checker.unknown_keys(action, &["buttons"], "a button action");
    let Some(list) = action.required(checker, "buttons", "a button action") else { return };
    let Some(buttons) = list.array(checker) else { return };
    if buttons.is_empty() || buttons.len() > 3 {
        checker.error(
            code::INTERACTIVE_INVALID,
            &list,
            format!("{} reply buttons; give 1 to 3", buttons.len()),
        );
    }
    let mut ids = Vec::new();
    let mut titles = Vec::new();
    for button in &buttons {
        let Some(reply) = typed_reply(checker, button, "reply", "a reply button", "reply buttons") else {
            continue;
        };
        reply_id(checker, &reply, &mut ids);
        if let (Some(title), Some(at)) =
            (required_text(checker, &reply, "title", 20, "a reply"), reply.get("title"))
        {
            titles.push((title.to_owned(), at));
        }
    }
    unique(checker, &ids, "reply id");
    unique(checker, &titles, "button title");
}

fn check_list(checker: &mut Checker<'_>, action: &At<'_>) {
    checker.unknown_keys(action, &["button", "sections"], "a list action");
    required_text(checker, action, "button", 20, "a list action");
    let Some(list) = action.required(checker, "sections", "a list action") else { return };
    let Some(sections) = list.array(checker) else { return };
    if sections.is_empty() || sections.len() > 10 {
        checker.error(code::INTERACTIVE_INVALID, &list, format!("{} sections; give 1 to 10", sections.len()));
    }
    let mut ids = Vec::new();
    let mut rows_total = 0;
    for section in &sections {
        if section.object(checker).is_none() {
            continue;
        }
        checker.unknown_keys(section, &["title", "rows"], "a section");
        match section.get("title") {
            Some(title) => {
                if let Some(text) = title.str(checker) {
                    limit(checker, &title, text, 24, "section title");
                }
            }
            None if sections.len() > 1 => {
                checker.missing(section, "title", "with more than one section, every section needs a title")
            }
            None => {}
        }
        let Some(rows_at) = section.required(checker, "rows", "a section") else { continue };
        let Some(rows) = rows_at.array(checker) else { continue };
        if rows.is_empty() {
            checker.error(code::INTERACTIVE_INVALID, &rows_at, "a section needs at least one row");
        }
        rows_total += rows.len();
        for row in &rows {
            if row.object(checker).is_none() {
                continue;
            }
            checker.unknown_keys(row, &["id", "title", "description"], "a row");
            if let (Some(id), Some(at)) = (required_text(checker, row, "id", 200, "a row"), row.get("id")) {
                ids.push((id.to_owned(), at));
            }
            required_text(checker, row, "title", 24, "a row");
            if let Some(description) = row.get("description") {
                if let Some(text) = description.str(checker) {
                    limit(checker, &description, text, 72, "row description");
                }
            }
        }
    }
    if rows_total > 10 {
        checker.error(
            code::INTERACTIVE_INVALID,
            &list,
            format!("{rows_total} rows; a list has at most 10 across all sections"),
        );
    }
    unique(checker, &ids, "row id");
}

pub(super) fn check_cta_url(checker: &mut Checker<'_>, action: &At<'_>) {
    checker.unknown_keys(action, &["name", "parameters"], "a cta_url action");
    expect_name(checker, action, "cta_url");
    let Some(parameters) = action.required(checker, "parameters", "a cta_url action") else { return };
    if parameters.object(checker).is_none() {
        return;
    }
    checker.unknown_keys(&parameters, &["display_text", "url"], "cta_url parameters");
    required_text(checker, &parameters, "display_text", 20, "cta_url parameters");
    if let Some(url) = required_text(checker, &parameters, "url", 2000, "cta_url parameters") {
        if !url.starts_with("https://") && !url.starts_with("http://") {
            if let Some(at) = parameters.get("url") {
                checker.error(code::INTERACTIVE_INVALID, &at, "url must be an http(s) URL");
            }
        }
    }
}

fn expect_name(checker: &mut Checker<'_>, action: &At<'_>, name: &str) {
    if let Some(at) = action.required(checker, "name", "this action") {
        if at.str(checker).is_some_and(|given| given != name) {
            checker.error(code::ENUM, &at, format!("action.name must be {}", quoted(name)));
        }
    }
}

fn check_named_action(checker: &mut Checker<'_>, action: &At<'_>, name: &str) {
    checker.unknown_keys(action, &["name", "parameters"], "this action");
    expect_name(checker, action, name);
    if let Some(parameters) = action.get("parameters") {
        if parameters.object(checker).is_some() && name == "catalog_message" {
            checker.unknown_keys(&parameters, &["thumbnail_product_retailer_id"], "catalog parameters");
        }
    }
}

/// An interactive Flow message (REFERENCE.md §3.8).
fn check_flow(checker: &mut Checker<'_>, action: &At<'_>) {
    checker.unknown_keys(action, &["name", "parameters"], "a flow action");
    expect_name(checker, action, "flow");
    let Some(p) = action.required(checker, "parameters", "a flow action") else { return };
    if p.object(checker).is_none() {
        return;
    }
    checker.unknown_keys(
        &p,
        &[
            "flow_message_version",
            "flow_id",
            "flow_name",
            "flow_cta",
            "mode",
            "flow_token",
            "flow_action",
            "flow_action_payload",
        ],
        "flow parameters",
    );
    if let Some(version) = p.required(checker, "flow_message_version", "flow parameters") {
        if version.str(checker).is_some_and(|v| v != "3") {
            checker.error(code::ENUM, &version, "flow_message_version is \"3\"");
        }
    }
    match (p.get("flow_id"), p.get("flow_name")) {
        (Some(_), Some(name)) => {
            checker.error(code::INTERACTIVE_INVALID, &name, "give flow_id or flow_name, not both")
        }
        (None, None) => {
            checker.error(code::INTERACTIVE_INVALID, &p, "flow parameters need flow_id or flow_name")
        }
        (Some(at), None) | (None, Some(at)) => {
            at.str(checker);
        }
    }
    check_flow_cta(checker, &p);
    enum_field(checker, &p, "mode", &["draft", "published"]);
    let navigate = enum_field(checker, &p, "flow_action", &["navigate", "data_exchange"])
        .is_none_or(|a| a == "navigate");
    if let Some(token) = p.get("flow_token") {
        token.str(checker);
    }
    if let Some(payload) = p.get("flow_action_payload") {
        if !navigate {
            checker.error(
                code::INTERACTIVE_INVALID,
                &payload,
                "flow_action_payload is only for flow_action navigate",
            );
        } else if payload.object(checker).is_some() {
            checker.unknown_keys(&payload, &["screen", "data"], "flow_action_payload");
            if let Some(screen) = payload.get("screen") {
                screen.str(checker);
            }
            if let Some(data) = payload.get("data") {
                if data.object(checker).is_some() && data.node.members().is_some_and(<[_]>::is_empty) {
                    checker.error(
                        code::INTERACTIVE_INVALID,
                        &data,
                        "data must be a non-empty object, or left out",
                    );
                }
            }
        }
    }
}

/// `flow_cta`: at most 20 characters and no emoji. Meta's send page once said
/// 20 and now "advises" 30 without emoji (REFERENCE.md §3.8); issue 19 makes
/// both an error, as wajs and Sinch document and older clients cut at 20.
fn check_flow_cta(checker: &mut Checker<'_>, parameters: &At<'_>) {
    let Some(cta) = required_text(checker, parameters, "flow_cta", usize::MAX, "flow parameters") else {
        return;
    };
    let Some(at) = parameters.get("flow_cta") else { return };
    let length = char_len(cta);
    if length > 20 {
        checker.error(code::FLOW_CTA, &at, format!("flow_cta is {length} characters; the limit is 20"));
    } else if cta.chars().any(is_emoji) {
        checker.error(code::FLOW_CTA, &at, "flow_cta cannot contain an emoji");
    }
}

/// Emoji and pictographs: the Unicode blocks emoji come from (with the
/// variation selector and joiner that build emoji sequences).
fn is_emoji(c: char) -> bool {
    matches!(
        u32::from(c),
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2300..=0x23FF | 0xFE0F | 0x200D
    )
}

fn enum_field<'n>(checker: &mut Checker<'_>, parent: &At<'n>, key: &str, values: &[&str]) -> Option<&'n str> {
    let at = parent.get(key)?;
    let value = at.str(checker)?;
    if !values.contains(&value) {
        checker.error(code::ENUM, &at, format!("{key} is {}, got {}", values.join(" or "), quoted(value)));
    }
    Some(value)
}

fn check_product(checker: &mut Checker<'_>, action: &At<'_>) {
    checker.unknown_keys(action, &["catalog_id", "product_retailer_id"], "a product action");
    for field in ["catalog_id", "product_retailer_id"] {
        required_text(checker, action, field, 1000, "a product action");
    }
}

fn check_product_list(checker: &mut Checker<'_>, action: &At<'_>) {
    checker.unknown_keys(action, &["catalog_id", "sections"], "a product_list action");
    required_text(checker, action, "catalog_id", 1000, "a product_list action");
    let Some(list) = action.required(checker, "sections", "a product_list action") else { return };
    let Some(sections) = list.array(checker) else { return };
    if sections.is_empty() || sections.len() > 10 {
        checker.error(code::INTERACTIVE_INVALID, &list, format!("{} sections; give 1 to 10", sections.len()));
    }
    let mut total = 0;
    for section in &sections {
        if section.object(checker).is_none() {
            continue;
        }
        checker.unknown_keys(section, &["title", "product_items"], "a product section");
        required_text(checker, section, "title", 24, "a product section");
        let Some(items_at) = section.required(checker, "product_items", "a product section") else {
            continue;
        };
        let items = items_at.array(checker).unwrap_or_default();
        if items.is_empty() {
            checker.error(code::INTERACTIVE_INVALID, &items_at, "a section needs at least one product");
        }
        total += items.len();
        for item in &items {
            if item.object(checker).is_some() {
                required_text(checker, item, "product_retailer_id", 1000, "a product item");
            }
        }
    }
    if total > 30 {
        checker.error(
            code::INTERACTIVE_INVALID,
            &list,
            format!("{total} products; at most 30 across all sections"),
        );
    }
}
