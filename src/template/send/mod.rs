//! A template send (`{"type": "template", "template": {…}}`) against the
//! definition it uses (REFERENCE.md §1.15): what Meta answers with 132000,
//! 131008, 132001 or (#100), caught before the request.

mod alone;
mod body;
mod buttons;
mod cards;
mod header;
mod params;
#[cfg(test)]
mod tests;

use super::shape::{self, Parts, Shape};
use super::variables::{self, Name};
use crate::check::{At, Checker};
use crate::json::Node;
use crate::report::Report;
use crate::text::quoted;

/// Stable issue codes for template sends (`template_send.*`).
pub mod code {
    /// The send names another template or language than the definition (132001).
    pub const TEMPLATE_MISMATCH: &str = "template_send.template_mismatch";
    /// `language.policy` is not `deterministic`.
    pub const LANGUAGE_POLICY: &str = "template_send.language_policy";
    /// A send component type Meta does not know.
    pub const COMPONENT_TYPE_INVALID: &str = "template_send.component_type_invalid";
    /// The same component (or button index, or card) given twice.
    pub const COMPONENT_DUPLICATE: &str = "template_send.component_duplicate";
    /// Parameters for a part of the template that has none, or the wrong number (132000).
    pub const PARAMETER_COUNT: &str = "template_send.parameter_count";
    /// A component with variables left out of the send (131008).
    pub const PARAMETER_MISSING: &str = "template_send.parameter_missing";
    /// A parameter type the component does not take.
    pub const PARAMETER_TYPE: &str = "template_send.parameter_type";
    /// A parameter's value is missing, empty or malformed.
    pub const PARAMETER_VALUE: &str = "template_send.parameter_value";
    /// Text with newlines, tabs or more than 4 consecutive spaces.
    pub const PARAMETER_TEXT: &str = "template_send.parameter_text";
    /// `parameter_name` missing in a NAMED template, unknown, or given in a POSITIONAL one.
    pub const PARAMETER_NAME: &str = "template_send.parameter_name";
    /// A button `sub_type` Meta does not accept, or not the type of the definition's button.
    pub const BUTTON_SUB_TYPE: &str = "template_send.button_sub_type";
    /// A button `index` that is missing, out of range, or names a button without parameters.
    pub const BUTTON_INDEX: &str = "template_send.button_index";
    /// Carousel cards that do not match the definition's cards.
    pub const CAROUSEL_CARDS: &str = "template_send.carousel_cards";
    /// A limited-time-offer expiration that is missing or not a time in milliseconds.
    pub const LTO_EXPIRATION: &str = "template_send.lto_expiration";
    /// An authentication code longer than 15 characters, or body and button codes that differ.
    pub const AUTH_CODE: &str = "template_send.auth_code";
    /// Named (`parameter_name`) and positional parameters mixed in one send.
    pub const PARAMETER_NAMES_MIXED: &str = "template_send.parameter_names_mixed";
    /// A multi-product button's sections: not 1 to 10, or untitled when more than one.
    pub const MPM_SECTIONS: &str = "template_send.mpm_sections";
    /// An authentication template sent to a business-scoped user id (131062).
    pub const AUTH_TO_BSUID: &str = "template_send.auth_to_bsuid";
}

const SEND_COMPONENTS: [&str; 6] =
    ["header", "body", "button", "carousel", "limited_time_offer", "tap_target_configuration"];

/// `sub_type` values Meta accepts (from its own error message).
pub(super) const SUB_TYPES: [&str; 10] = [
    "booking_confirmation",
    "catalog",
    "copy_code",
    "flow",
    "mpm",
    "order_details",
    "quick_reply",
    "reminder",
    "url",
    "voice_call",
];

/// Checks `send` — the `template` object of a send, or the whole message —
/// against `definition`. `source` is the send's JSON text, when given as text.
pub fn validate_template_send(definition: &Node, send: &Node, source: Option<&str>) -> Report {
    let shape = shape::of(definition);
    check_document(send, source, |checker, root, template| {
        check_recipient(checker, &shape, root);
        check_send(checker, &shape, template);
    })
}

/// Checks `send` — the `template` object of a send, or the whole message —
/// without its definition: the rules every send must keep whatever the
/// template is (the same as `validateMessage` applies to a template message).
pub fn validate_template_send_alone(send: &Node, source: Option<&str>) -> Report {
    check_document(send, source, |checker, _, template| {
        let components = read_send(checker, &Shape::default(), template);
        alone::check_components(checker, &components);
    })
}

/// The rules without a definition over the `template` object of a message
/// whose shape `validateMessage` has already checked.
pub(crate) fn check_without_definition(checker: &mut Checker<'_>, template: &At<'_>) {
    alone::check_template(checker, template);
}

fn check_document(
    send: &Node,
    source: Option<&str>,
    check: impl FnOnce(&mut Checker<'_>, &At<'_>, &At<'_>),
) -> Report {
    let mut checker = Checker::new(send, source);
    let root = At::root(send);
    if root.object(&mut checker).is_some() {
        // Accept the whole message body as well as its `template` object.
        let template = match (root.get("template"), root.get("name")) {
            (Some(template), None) => template,
            _ => root,
        };
        if template.object(&mut checker).is_some() {
            check(&mut checker, &root, &template);
        }
    }
    checker.finish()
}

/// An authentication template cannot go to a business-scoped user id: Meta
/// answers 131062 (META-2026.md §1.2, from KAPSO's README and 8x8's release
/// notes of 2026-07-21; REFERENCE.md §2.2: "not allowed for one-tap / zero-tap /
/// copy-code auth templates"). With `to` and `recipient` both given the
/// phone number wins (META-2026.md §1.2), so only a send addressed by BSUID alone is flagged.
fn check_recipient(checker: &mut Checker<'_>, shape: &Shape, root: &At<'_>) {
    if !shape.authentication {
        return;
    }
    let is_bsuid = |at: &At<'_>| at.node.as_str().is_some_and(crate::message::is_bsuid);
    let target = match (root.get("to"), root.get("recipient")) {
        (Some(to), _) if is_bsuid(&to) => to,
        (None, Some(recipient)) if is_bsuid(&recipient) => recipient,
        _ => return,
    };
    checker.error_meta(
        code::AUTH_TO_BSUID,
        131_062,
        &target,
        "authentication templates cannot be sent to a business-scoped user id: send the code to the user's phone number in \"to\"",
    );
}

pub(super) struct Send<'a, 'c> {
    checker: &'a mut Checker<'c>,
    shape: &'a Shape,
    named: bool,
    /// The authentication code seen in the body, to compare with the button's.
    auth_code: Option<String>,
}

fn check_send(checker: &mut Checker<'_>, shape: &Shape, template: &At<'_>) {
    let by_type = read_send(checker, shape, template);
    let named = shape_is_named(shape);
    let mut send = Send { checker, shape, named, auth_code: None };
    let parts = send.shape.parts.clone();
    check_parts(&mut send, &by_type, &parts, template, "");
    cards::check_carousel(&mut send, &by_type, template);
    cards::check_lto(&mut send, &by_type, template);
}

/// Name, language and the component types of a send; its components by lowercase type.
fn read_send<'n>(checker: &mut Checker<'_>, shape: &Shape, template: &At<'n>) -> Vec<(String, At<'n>)> {
    checker.unknown_keys(template, &["name", "language", "components", "namespace"], "a template send");
    if let Some(name_at) = template.required(checker, "name", "a template send") {
        if let (Some(name), Some(expected)) = (name_at.str(checker), &shape.name) {
            if name != expected {
                checker.error_meta(
                    code::TEMPLATE_MISMATCH,
                    132_001,
                    &name_at,
                    format!("the send names {} but the definition is {}", quoted(name), quoted(expected)),
                );
            }
        }
    }
    if let Some(language) = template.required(checker, "language", "a template send") {
        check_language(checker, shape, &language);
    }
    let components = match template.get("components") {
        Some(list) => list.array(checker).unwrap_or_default(),
        None => Vec::new(),
    };
    let mut by_type: Vec<(String, At<'_>)> = Vec::new();
    for component in &components {
        if component.object(checker).is_none() {
            continue;
        }
        let Some(kind) = component.required(checker, "type", "a send component") else { continue };
        let Some(lower) =
            kind.one_of(checker, &SEND_COMPONENTS, code::COMPONENT_TYPE_INVALID, Some(100), "send component")
        else {
            continue;
        };
        by_type.push((lower.to_owned(), *component));
    }
    by_type
}

fn shape_is_named(shape: &Shape) -> bool {
    let all = shape.parts.body.iter().chain(shape.parts.header.iter().flat_map(|h| h.variables.iter()));
    all.into_iter().any(|name| matches!(name, Name::Named(_)))
}

fn check_language(checker: &mut Checker<'_>, shape: &Shape, language: &At<'_>) {
    if language.object(checker).is_none() {
        return;
    }
    checker.unknown_keys(language, &["code", "policy"], "language");
    if let Some(code_at) = language.required(checker, "code", "language") {
        if let (Some(code), Some(expected)) = (code_at.str(checker), &shape.language) {
            if code != expected {
                checker.error_meta(
                    code::TEMPLATE_MISMATCH,
                    132_001,
                    &code_at,
                    format!(
                        "the definition's language is {}; the send asks for {}",
                        quoted(expected),
                        quoted(code)
                    ),
                );
            }
        }
    }
    if let Some(policy) = language.get("policy") {
        if policy.str(checker).is_some_and(|p| p != "deterministic") {
            checker.error(code::LANGUAGE_POLICY, &policy, "language.policy can only be \"deterministic\"");
        }
    }
}

/// Header, body and buttons of the template or of one card (`within` names the card for messages).
pub(super) fn check_parts(
    send: &mut Send<'_, '_>,
    components: &[(String, At<'_>)],
    parts: &Parts,
    parent: &At<'_>,
    within: &str,
) {
    let once = |send: &mut Send<'_, '_>, kind: &str| -> Option<At<'_>> {
        let mut found = components.iter().filter(|(k, _)| k == kind).map(|(_, at)| *at);
        let first = found.next();
        for extra in found {
            send.checker.error(code::COMPONENT_DUPLICATE, &extra, format!("{kind} is given more than once"));
        }
        first
    };
    match (once(send, "header"), &parts.header) {
        (Some(header), Some(expected)) => header::check_header(send, &header, expected),
        (Some(header), None) => send.checker.error_meta(
            code::PARAMETER_COUNT,
            132_000,
            &header,
            format!("the template{within} has no header, so the send has no header component"),
        ),
        (None, Some(expected)) if expected.parameter_count() > 0 => missing_component(
            send.checker,
            parent,
            format!("the template{within} has a {} header that needs a parameter: add {{\"type\": \"header\", …}}", expected.format),
        ),
        (None, _) => {}
    }
    match once(send, "body") {
        Some(body) => body::check_body(send, &body, &parts.body, within),
        None if !parts.body.is_empty() => missing_component(
            send.checker,
            parent,
            format!("the template{within} body has {} variable(s): add {{\"type\": \"body\", \"parameters\": […]}}", parts.body.len()),
        ),
        None => {}
    }
    let buttons: Vec<At<'_>> = components.iter().filter(|(k, _)| k == "button").map(|(_, at)| *at).collect();
    buttons::check_buttons(send, &buttons, &parts.buttons, parent, within);
}

/// A component the template needs and the send lacks (131008), reported at
/// the `components` of `parent` (the template or a card), where it belongs.
pub(super) fn missing_component(checker: &mut Checker<'_>, parent: &At<'_>, message: String) {
    missing_in(checker, code::PARAMETER_MISSING, parent, message);
}

/// `code` (Meta 131008) at `parent`'s `components`, or as that member missing.
pub(super) fn missing_in(checker: &mut Checker<'_>, code: &'static str, parent: &At<'_>, message: String) {
    match parent.get("components") {
        Some(list) => checker.error_meta(code, 131_008, &list, message),
        None => checker.missing_meta(code, 131_008, parent, "components", message),
    }
}

pub(super) fn parameters<'n>(send: &mut Send<'_, '_>, component: &At<'n>) -> Vec<At<'n>> {
    send.checker.unknown_keys(
        component,
        &["type", "parameters", "sub_type", "index", "cards"],
        "a send component",
    );
    match component.get("parameters") {
        Some(list) => list.array(send.checker).unwrap_or_default(),
        None => Vec::new(),
    }
}

pub(super) fn check_count(
    send: &mut Send<'_, '_>,
    at: &At<'_>,
    what: &str,
    given: usize,
    expected: usize,
) -> bool {
    if given == expected {
        return true;
    }
    send.checker.error_meta(
        code::PARAMETER_COUNT,
        132_000,
        at,
        format!("{what}: {given} parameter(s) given, the template expects {expected}"),
    );
    false
}
