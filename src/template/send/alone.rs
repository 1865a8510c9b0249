//! What a template send must get right whatever its definition says: the
//! rules `validateMessage` (a `type: "template"` message) and
//! `validateTemplateSend` without a definition apply. With a definition the
//! same rules hold and are checked against it instead (the other modules).

use super::{code, params};
use crate::check::{At, Checker};
use crate::json::Node;

/// Parameter types a header takes: one of them, once (REFERENCE.md §1.15;
/// Meta's components page: a header has at most one variable, or one media).
const HEADER_TYPES: [&str; 9] =
    ["text", "currency", "date_time", "image", "video", "document", "gif", "location", "product"];

/// Parameter types a body takes (REFERENCE.md §1.15).
const BODY_TYPES: [&str; 3] = ["text", "currency", "date_time"];

/// The components of `template` by their lowercase type, read without
/// reporting (the caller has already checked their shape).
pub(crate) fn components<'n>(template: &At<'n>) -> Vec<(String, At<'n>)> {
    let list = template.get("components").map(|list| list.items()).unwrap_or_default();
    list.into_iter()
        .filter_map(|c| c.node.get("type").and_then(Node::as_str).map(|t| (t.to_ascii_lowercase(), c)))
        .collect()
}

/// The `template` object of a send checked without its definition.
pub(crate) fn check_template(checker: &mut Checker<'_>, template: &At<'_>) {
    check_components(checker, &components(template));
}

/// The rules that hold without a definition, over the send's components.
pub(super) fn check_components(checker: &mut Checker<'_>, components: &[(String, At<'_>)]) {
    // wajs BodyParameter/BodyComponent (REFERENCE.md §1.4): body parameters
    // reach 32,768 characters only when the body is the template's only part;
    // without the definition only the send tells, so a body given alone gets the longer limit.
    let body_alone = components.iter().all(|(kind, _)| kind == "body");
    let body_limit = if body_alone { 32_768 } else { 1024 };
    check_parts(checker, components, body_limit);
    for (kind, component) in components {
        match kind.as_str() {
            "carousel" => check_cards(checker, component),
            "limited_time_offer" => check_offer(checker, component),
            _ => {}
        }
    }
    check_mixed_names(checker, components);
}

/// Header, body and buttons of the template or of one carousel card.
fn check_parts(checker: &mut Checker<'_>, components: &[(String, At<'_>)], body_limit: usize) {
    for (kind, component) in components {
        match kind.as_str() {
            "header" => check_header(checker, component),
            "body" => {
                for param in parameters(component) {
                    params::check_parameter(checker, &param, &BODY_TYPES, body_limit);
                }
            }
            "button" => check_button(checker, component),
            _ => {}
        }
    }
}

fn parameters<'n>(component: &At<'n>) -> Vec<At<'n>> {
    component.get("parameters").map(|list| list.items()).unwrap_or_default()
}

/// A header takes one parameter, of a header type; header text is at most
/// 60 characters (REFERENCE.md §1.4, wajs HeaderParameter).
fn check_header(checker: &mut Checker<'_>, header: &At<'_>) {
    let list = parameters(header);
    if list.len() != 1 {
        checker.error_meta(
            code::PARAMETER_COUNT,
            132_000,
            header.get("parameters").as_ref().unwrap_or(header),
            format!(
                "a header component takes exactly one parameter (its text variable or its media), {} given",
                list.len()
            ),
        );
    }
    for param in &list {
        // Media, location and product values are the message validators' to
        // check (`message.media_source`…); here only that the type is a header's.
        let media =
            param.node.get("type").and_then(Node::as_str).is_some_and(|kind| {
                HEADER_TYPES.iter().skip(3).any(|media| media.eq_ignore_ascii_case(kind))
            });
        if !media {
            params::check_parameter(checker, param, &HEADER_TYPES, 60);
        }
    }
}

/// A button's one parameter: the type its `sub_type` takes, and not empty
/// (REFERENCE.md §1.15: url → text, quick_reply → payload, copy_code → coupon_code).
fn check_button(checker: &mut Checker<'_>, button: &At<'_>) {
    let Some(sub_type) = button.node.get("sub_type").and_then(Node::as_str) else { return };
    let sub_type = sub_type.to_ascii_lowercase();
    let (kind, limit) = match sub_type.as_str() {
        "url" => ("text", 2000),
        "quick_reply" => ("payload", 1000),
        "copy_code" => ("coupon_code", 20),
        "flow" | "catalog" | "mpm" => ("action", 0),
        _ => return,
    };
    for param in parameters(button) {
        params::check_parameter(checker, &param, &[kind], limit);
        if kind == "action" {
            params::check_action(checker, &param, &sub_type);
        }
    }
}

/// Carousel cards: each card's header, body and buttons.
fn check_cards(checker: &mut Checker<'_>, carousel: &At<'_>) {
    let cards = carousel.get("cards").map(|list| list.items()).unwrap_or_default();
    for card in cards {
        check_parts(checker, &components(&card), 1024);
    }
}

/// `expiration_time_ms` of a limited-time offer is a positive Unix time in
/// milliseconds (REFERENCE.md §1.12: "expiration_time_ms: <unix ms>").
fn check_offer(checker: &mut Checker<'_>, offer: &At<'_>) {
    for param in parameters(offer) {
        let Some(expiration) = param.get("limited_time_offer").and_then(|o| o.get("expiration_time_ms"))
        else {
            continue;
        };
        params::check_expiration(checker, &expiration);
    }
}

/// Named (`parameter_name`) and positional parameters cannot be mixed in one
/// send: a template is either NAMED or POSITIONAL (REFERENCE.md §1.5).
fn check_mixed_names(checker: &mut Checker<'_>, components: &[(String, At<'_>)]) {
    let list: Vec<At<'_>> = components
        .iter()
        .filter(|(kind, _)| kind == "header" || kind == "body")
        .flat_map(|(_, component)| parameters(component))
        // Only variables have names: media, location and product headers never do.
        .filter(|param| {
            param
                .node
                .get("type")
                .and_then(Node::as_str)
                .is_some_and(|kind| BODY_TYPES.iter().any(|variable| variable.eq_ignore_ascii_case(kind)))
        })
        .collect();
    let named = |param: &At<'_>| param.get("parameter_name").is_some();
    let Some(first) = list.first() else { return };
    let first_named = named(first);
    if let Some(other) = list.iter().find(|param| named(param) != first_named) {
        let (this, that) = if first_named { ("named", "positional") } else { ("positional", "named") };
        checker.error_meta(
            code::PARAMETER_NAMES_MIXED,
            100,
            other,
            format!(
                "the send mixes {this} and {that} parameters: a template's variables are all named (every parameter has parameter_name) or all positional (none has)"
            ),
        );
    }
}
