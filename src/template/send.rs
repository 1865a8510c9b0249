//! A template send (`{"type": "template", "template": {…}}`) against the
//! definition it uses (REFERENCE.md §1.15): what Meta answers with 132000,
//! 131008, 132001 or (#100), caught before the request.

use super::shape::{self, Button, Header, Parts, Shape};
use super::variables::Name;
use crate::check::{char_len, At, Checker};
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
}

const SEND_COMPONENTS: [&str; 6] =
    ["header", "body", "button", "carousel", "limited_time_offer", "tap_target_configuration"];

/// `sub_type` values Meta accepts (from its own error message).
const SUB_TYPES: [&str; 10] = [
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
    let mut checker = Checker::new(send, source);
    let shape = shape::of(definition);
    let root = At::root(send);
    if root.object(&mut checker).is_some() {
        // Accept the whole message body as well as its `template` object.
        let template = match (root.get("template"), root.get("name")) {
            (Some(template), None) => template,
            _ => root,
        };
        if template.object(&mut checker).is_some() {
            check_send(&mut checker, &shape, &template);
        }
    }
    checker.finish()
}

struct Send<'a, 'c> {
    checker: &'a mut Checker<'c>,
    shape: &'a Shape,
    named: bool,
    /// The authentication code seen in the body, to compare with the button's.
    auth_code: Option<String>,
}

fn check_send(checker: &mut Checker<'_>, shape: &Shape, template: &At<'_>) {
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
    let named = shape_is_named(shape);
    let mut send = Send { checker, shape, named, auth_code: None };
    let components = match template.get("components") {
        Some(list) => list.array(send.checker).unwrap_or_default(),
        None => Vec::new(),
    };
    let mut by_type: Vec<(String, At<'_>)> = Vec::new();
    for component in &components {
        if component.object(send.checker).is_none() {
            continue;
        }
        let Some(kind) = component.required(send.checker, "type", "a send component") else { continue };
        let Some(lower) = kind.one_of(
            send.checker,
            &SEND_COMPONENTS,
            code::COMPONENT_TYPE_INVALID,
            Some(100),
            "send component",
        ) else {
            continue;
        };
        by_type.push((lower.to_owned(), *component));
    }
    let parts = send.shape.parts.clone();
    check_parts(&mut send, &by_type, &parts, template, "");
    check_carousel(&mut send, &by_type, template);
    check_lto(&mut send, &by_type, template);
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
fn check_parts(
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
        (Some(header), Some(expected)) => check_header(send, &header, expected),
        (Some(header), None) => send.checker.error_meta(
            code::PARAMETER_COUNT,
            132_000,
            &header,
            format!("the template{within} has no header, so the send has no header component"),
        ),
        (None, Some(expected)) if expected.parameter_count() > 0 => send.checker.error_meta(
            code::PARAMETER_MISSING,
            131_008,
            parent,
            format!("the template{within} has a {} header that needs a parameter: add {{\"type\": \"header\", …}}", expected.format),
        ),
        (None, _) => {}
    }
    match once(send, "body") {
        Some(body) => check_body(send, &body, &parts.body, within),
        None if !parts.body.is_empty() => send.checker.error_meta(
            code::PARAMETER_MISSING,
            131_008,
            parent,
            format!("the template{within} body has {} variable(s): add {{\"type\": \"body\", \"parameters\": […]}}", parts.body.len()),
        ),
        None => {}
    }
    let buttons: Vec<At<'_>> = components.iter().filter(|(k, _)| k == "button").map(|(_, at)| *at).collect();
    check_buttons(send, &buttons, &parts.buttons, parent, within);
}

fn parameters<'n>(send: &mut Send<'_, '_>, component: &At<'n>) -> Vec<At<'n>> {
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

fn check_count(send: &mut Send<'_, '_>, at: &At<'_>, what: &str, given: usize, expected: usize) -> bool {
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

fn check_header(send: &mut Send<'_, '_>, header: &At<'_>, expected: &Header) {
    let params = parameters(send, header);
    check_count(send, header, "header", params.len(), expected.parameter_count());
    let allowed: &[&str] = match expected.format.as_str() {
        "TEXT" => &["text", "currency", "date_time"],
        "IMAGE" => &["image"],
        "VIDEO" => &["video"],
        "GIF" => &["gif", "video"],
        "DOCUMENT" => &["document"],
        "LOCATION" => &["location"],
        "PRODUCT" => &["product"],
        _ => return,
    };
    for param in &params {
        if expected.format == "TEXT" {
            check_parameter(send, param, allowed, 60);
        } else {
            check_parameter(send, param, allowed, 0);
        }
    }
    if expected.format == "TEXT" {
        check_names(send, &params, &expected.variables);
    }
}

fn check_body(send: &mut Send<'_, '_>, body: &At<'_>, expected: &[Name], within: &str) {
    let params = parameters(send, body);
    let count_ok = check_count(send, body, &format!("body{within}"), params.len(), expected.len());
    let limit = if send.shape.body_only { 32_768 } else { 1024 };
    for param in &params {
        check_parameter(send, param, &["text", "currency", "date_time"], limit);
    }
    if count_ok {
        check_names(send, &params, expected);
    }
    if send.shape.authentication {
        if let Some(code_text) = params.first().and_then(|p| p.node.get("text")).and_then(Node::as_str) {
            send.auth_code = Some(code_text.to_owned());
            if let Some(at) = params.first().and_then(|p| p.get("text")) {
                check_auth_code(send, &at, code_text);
            }
        }
    }
}

fn check_auth_code(send: &mut Send<'_, '_>, at: &At<'_>, code_text: &str) {
    if char_len(code_text) > 15 {
        send.checker.error(
            code::AUTH_CODE,
            at,
            format!("the code is {} characters; at most 15", char_len(code_text)),
        );
    }
}

/// Named templates need `parameter_name` on every parameter; positional ones must not have it.
fn check_names(send: &mut Send<'_, '_>, params: &[At<'_>], expected: &[Name]) {
    for param in params {
        let given = param.get("parameter_name");
        match (send.named, given) {
            (true, None) => send.checker.error_meta(
                code::PARAMETER_NAME,
                100,
                param,
                "the template uses named variables: every parameter needs \"parameter_name\"",
            ),
            (true, Some(name_at)) => {
                if let Some(name) = name_at.str(send.checker) {
                    if !expected.contains(&Name::Named(name.to_owned())) {
                        let known: Vec<String> = expected
                            .iter()
                            .filter_map(|n| match n {
                                Name::Named(n) => Some(n.clone()),
                                Name::Positional(_) => None,
                            })
                            .collect();
                        send.checker.error_meta(
                            code::PARAMETER_NAME,
                            100,
                            &name_at,
                            format!("the template has no variable {}; it has {}", quoted(name), known.join(", ")),
                        );
                    }
                }
            }
            (false, Some(name_at)) => send.checker.error(
                code::PARAMETER_NAME,
                &name_at,
                "the template uses positional variables ({{1}}): parameters go in order, without parameter_name",
            ),
            (false, None) => {}
        }
    }
}

/// One parameter: its type is allowed here and its value is well formed.
/// `text_limit` bounds text values (0: no text allowed).
fn check_parameter(send: &mut Send<'_, '_>, param: &At<'_>, allowed: &[&str], text_limit: usize) {
    if param.object(send.checker).is_none() {
        return;
    }
    let Some(type_at) = param.required(send.checker, "type", "a parameter") else { return };
    let Some(kind) = type_at.str(send.checker) else { return };
    let kind = kind.to_ascii_lowercase();
    if !allowed.contains(&kind.as_str()) {
        send.checker.error_meta(
            code::PARAMETER_TYPE,
            132_012,
            &type_at,
            format!("a {} parameter is not allowed here; use {}", quoted(&kind), allowed.join(" or ")),
        );
        return;
    }
    let Some(value) = param.required(send.checker, &kind, &format!("a {kind} parameter")) else { return };
    match kind.as_str() {
        "text" | "payload" | "coupon_code" => {
            if let Some(text) = value.str(send.checker) {
                check_text_value(send, &value, text, text_limit, kind == "text");
            }
        }
        "currency" => check_currency(send, &value),
        "date_time" => {
            if value.object(send.checker).is_some() {
                if let Some(fallback) = value.required(send.checker, "fallback_value", "date_time") {
                    fallback.str(send.checker);
                }
            }
        }
        "image" | "video" | "document" | "gif" => check_media(send, &value),
        "location" => {
            if value.object(send.checker).is_some() {
                for (field, limit) in [("latitude", 90), ("longitude", 180)] {
                    if let Some(at) = value.required(send.checker, field, "a location parameter") {
                        check_coordinate(send, &at, limit);
                    }
                }
                for field in ["name", "address"] {
                    if let Some(at) = value.required(send.checker, field, "a location parameter") {
                        at.str(send.checker);
                    }
                }
            }
        }
        "product" => {
            if value.object(send.checker).is_some() {
                for field in ["product_retailer_id", "catalog_id"] {
                    if let Some(at) = value.required(send.checker, field, "a product parameter") {
                        at.str(send.checker);
                    }
                }
            }
        }
        _ => {
            value.object(send.checker);
        }
    }
}

/// A latitude or longitude: a number, or a numeric string as Meta's own examples send it.
fn check_coordinate(send: &mut Send<'_, '_>, at: &At<'_>, limit: u16) {
    let value =
        at.node.as_f64().or_else(|| at.node.as_str().and_then(|text| crate::json::parse_number(text.trim())));
    match value {
        Some(degrees) if degrees.abs() <= f64::from(limit) => {}
        Some(_) => send.checker.error(
            code::PARAMETER_VALUE,
            at,
            format!("must be between -{limit} and {limit} degrees"),
        ),
        None => send.checker.error(crate::check::code::WRONG_TYPE, at, "expected a number of degrees"),
    }
}

fn check_text_value(send: &mut Send<'_, '_>, at: &At<'_>, text: &str, limit: usize, content_rules: bool) {
    if text.trim().is_empty() {
        send.checker.error_meta(code::PARAMETER_VALUE, 131_009, at, "parameter values cannot be empty");
        return;
    }
    if limit > 0 && char_len(text) > limit {
        send.checker.error_meta(
            code::PARAMETER_VALUE,
            132_005,
            at,
            format!("{} characters; this parameter allows {limit}", char_len(text)),
        );
    }
    if content_rules && (text.contains(['\n', '\t']) || text.contains("     ")) {
        send.checker.error(
            code::PARAMETER_TEXT,
            at,
            "parameter text cannot contain newlines, tabs or more than 4 consecutive spaces",
        );
    }
}

fn check_currency(send: &mut Send<'_, '_>, value: &At<'_>) {
    if value.object(send.checker).is_none() {
        return;
    }
    if let Some(fallback) = value.required(send.checker, "fallback_value", "currency") {
        fallback.str(send.checker);
    }
    if let Some(code_at) = value.required(send.checker, "code", "currency") {
        if let Some(code_text) = code_at.str(send.checker) {
            if code_text.len() != 3 || !code_text.bytes().all(|b| b.is_ascii_uppercase()) {
                send.checker.error(
                    code::PARAMETER_VALUE,
                    &code_at,
                    "currency code is ISO 4217: three capital letters, e.g. USD",
                );
            }
        }
    }
    if let Some(amount) = value.required(send.checker, "amount_1000", "currency") {
        if amount.integer(send.checker).is_some_and(|n| n <= 0) {
            send.checker.error(
                code::PARAMETER_VALUE,
                &amount,
                "amount_1000 is the amount times 1000, a whole number above 0 (e.g. 100990 for 100.99)",
            );
        }
    }
}

fn check_media(send: &mut Send<'_, '_>, value: &At<'_>) {
    if value.object(send.checker).is_none() {
        return;
    }
    let id = value.get("id");
    let link = value.get("link");
    match (&id, &link) {
        (Some(_), Some(_)) | (None, None) => send.checker.error(
            code::PARAMETER_VALUE,
            value,
            "media takes exactly one of id (an uploaded media id) or link (an https URL)",
        ),
        (_, Some(link)) => {
            if link
                .str(send.checker)
                .is_some_and(|url| !url.starts_with("https://") && !url.starts_with("http://"))
            {
                send.checker.error(code::PARAMETER_VALUE, link, "link must be an http(s) URL");
            }
        }
        (Some(id), None) => {
            id.str(send.checker);
        }
    }
}

fn button_index(send: &mut Send<'_, '_>, component: &At<'_>) -> Option<usize> {
    let at = component.required(send.checker, "index", "a button component")?;
    let index = match (at.node.as_f64(), at.node.as_str()) {
        (Some(n), _) if n >= 0.0 && n.fract() == 0.0 && n < 100.0 => Some(n as usize),
        (_, Some(text)) => text.parse::<usize>().ok(),
        _ => None,
    };
    if index.is_none() {
        send.checker.error(
            code::BUTTON_INDEX,
            &at,
            "index is the button's 0-based position in the template, e.g. 0 or \"0\"",
        );
    }
    index
}

/// The sub_type that sends a parameter to a definition button of `kind`.
fn sub_type_for(kind: &str, authentication: bool) -> Option<&'static str> {
    match kind {
        "URL" => Some("url"),
        "OTP" if authentication => Some("url"),
        "QUICK_REPLY" => Some("quick_reply"),
        "COPY_CODE" => Some("copy_code"),
        "FLOW" => Some("flow"),
        "CATALOG" => Some("catalog"),
        "MPM" => Some("mpm"),
        "VOICE_CALL" => Some("voice_call"),
        "SPM" => Some("spm"),
        _ => None,
    }
}

fn display_kind(kind: &str) -> &str {
    match kind {
        "PHONE_NUMBER" => "Call",
        other => other,
    }
}

fn check_buttons(
    send: &mut Send<'_, '_>,
    given: &[At<'_>],
    expected: &[Button],
    parent: &At<'_>,
    within: &str,
) {
    let mut seen: Vec<usize> = Vec::new();
    for component in given {
        let params = parameters(send, component);
        let sub_type = component.required(send.checker, "sub_type", "a button component");
        let sub_type = sub_type.and_then(|at| at.str(send.checker).map(|s| (s.to_ascii_lowercase(), at)));
        let Some(index) = button_index(send, component) else { continue };
        if seen.contains(&index) {
            send.checker.error(
                code::COMPONENT_DUPLICATE,
                component,
                format!("button index {index} is given more than once"),
            );
            continue;
        }
        seen.push(index);
        let Some(button) = expected.get(index) else {
            send.checker.error_meta(
                code::BUTTON_INDEX,
                100,
                component,
                format!(
                    "the template{within} has {} button(s); index {index} does not exist",
                    expected.len()
                ),
            );
            continue;
        };
        if let Some((sub_type, at)) = &sub_type {
            if sub_type != "spm" && !SUB_TYPES.contains(&sub_type.as_str()) {
                let hint = if sub_type == "phone_number" {
                    "; phone-number buttons take no parameter: leave them out of the send"
                } else {
                    ""
                };
                send.checker.error_meta(
                    code::BUTTON_SUB_TYPE,
                    100,
                    at,
                    format!(
                        "sub_type must be one of {}, got {}{hint}",
                        SUB_TYPES.join(", "),
                        quoted(sub_type)
                    ),
                );
                continue;
            }
        }
        if !button.accepts_parameter {
            send.checker.error_meta(
                code::BUTTON_INDEX,
                100,
                component,
                format!(
                    "button at index {index} is of type {} and does not support parameters (index counts every button of the template)",
                    display_kind(&button.kind)
                ),
            );
            continue;
        }
        let wanted = sub_type_for(&button.kind, send.shape.authentication);
        if let (Some((sub_type, at)), Some(wanted)) = (&sub_type, wanted) {
            if sub_type != wanted {
                send.checker.error_meta(
                    code::BUTTON_SUB_TYPE,
                    100,
                    at,
                    format!(
                        "button at index {index} is a {} button: use sub_type {}",
                        button.kind,
                        quoted(wanted)
                    ),
                );
                continue;
            }
        }
        check_button_parameters(send, component, &params, wanted.unwrap_or_default());
    }
    for (index, button) in expected.iter().enumerate() {
        if button.requires_parameter && !seen.contains(&index) {
            send.checker.error_meta(
                code::PARAMETER_MISSING,
                131_008,
                parent,
                format!(
                    "button at index {index} of type {} requires a parameter{within}: add {{\"type\": \"button\", \"sub_type\": \"{}\", \"index\": {index}, …}}",
                    display_kind(&button.kind),
                    sub_type_for(&button.kind, send.shape.authentication).unwrap_or("url"),
                ),
            );
        }
    }
}

fn check_button_parameters(send: &mut Send<'_, '_>, component: &At<'_>, params: &[At<'_>], sub_type: &str) {
    let (kind, limit) = match sub_type {
        "url" => ("text", 2000),
        "quick_reply" => ("payload", 1000),
        "copy_code" => ("coupon_code", 20),
        "flow" | "catalog" | "mpm" | "voice_call" | "spm" => ("action", 0),
        _ => return,
    };
    if !check_count(send, component, &format!("{sub_type} button"), params.len(), 1) {
        return;
    }
    for param in params {
        check_parameter(send, param, &[kind], limit);
        if kind == "action" {
            check_action(send, param, sub_type);
        }
    }
    if send.shape.authentication && sub_type == "url" {
        if let Some(at) = params.first().and_then(|p| p.get("text")) {
            if let Some(code_text) = at.node.as_str() {
                check_auth_code(send, &at, code_text);
                if send.auth_code.as_deref().is_some_and(|body| body != code_text) {
                    send.checker.warning(
                        code::AUTH_CODE,
                        &at,
                        "the button's code differs from the code in the body",
                    );
                }
            }
        }
    }
}

fn check_action(send: &mut Send<'_, '_>, param: &At<'_>, sub_type: &str) {
    let Some(action) = param.get("action") else { return };
    if action.object(send.checker).is_none() {
        return;
    }
    if matches!(sub_type, "catalog" | "mpm") {
        if let Some(thumbnail) =
            action.required(send.checker, "thumbnail_product_retailer_id", "a catalog action")
        {
            thumbnail.str(send.checker);
        }
    }
    if sub_type == "flow" {
        if let Some(token) = action.get("flow_token") {
            token.str(send.checker);
        }
        if let Some(data) = action.get("flow_action_data") {
            data.object(send.checker);
        }
    }
}

fn check_carousel(send: &mut Send<'_, '_>, components: &[(String, At<'_>)], template: &At<'_>) {
    let given = components.iter().find(|(k, _)| k == "carousel").map(|(_, at)| *at);
    let Some(expected) = send.shape.cards.clone() else {
        if let Some(given) = given {
            send.checker.error(code::CAROUSEL_CARDS, &given, "the template has no carousel");
        }
        return;
    };
    let Some(carousel) = given else {
        send.checker.error_meta(
            code::PARAMETER_MISSING,
            131_008,
            template,
            format!(
                "the template is a carousel of {} cards: add {{\"type\": \"carousel\", \"cards\": […]}}",
                expected.len()
            ),
        );
        return;
    };
    let Some(cards_at) = carousel.required(send.checker, "cards", "a carousel component") else { return };
    let Some(cards) = cards_at.array(send.checker) else { return };
    if cards.len() != expected.len() {
        send.checker.error_meta(
            code::CAROUSEL_CARDS,
            132_000,
            &cards_at,
            format!(
                "{} cards given; the template was created with {} and every send must use exactly that many",
                cards.len(),
                expected.len()
            ),
        );
    }
    let mut seen = Vec::new();
    for card in &cards {
        if card.object(send.checker).is_none() {
            continue;
        }
        send.checker.unknown_keys(card, &["card_index", "components"], "a carousel card");
        let index = card.required(send.checker, "card_index", "a carousel card").and_then(|at| {
            let index = at.integer(send.checker);
            index.and_then(|i| usize::try_from(i).ok()).filter(|i| *i < expected.len()).or_else(|| {
                if index.is_some() {
                    send.checker.error(
                        code::CAROUSEL_CARDS,
                        &at,
                        format!("card_index is 0 to {}", expected.len().saturating_sub(1)),
                    );
                }
                None
            })
        });
        let Some(index) = index else { continue };
        if seen.contains(&index) {
            send.checker.error(
                code::COMPONENT_DUPLICATE,
                card,
                format!("card_index {index} is given more than once"),
            );
            continue;
        }
        seen.push(index);
        let Some(parts) = expected.get(index) else { continue };
        let components = card
            .get("components")
            .map(|list| list.array(send.checker).unwrap_or_default())
            .unwrap_or_default();
        let typed: Vec<(String, At<'_>)> = components
            .iter()
            .filter_map(|c| c.node.get("type").and_then(Node::as_str).map(|t| (t.to_ascii_lowercase(), *c)))
            .collect();
        check_parts(send, &typed, parts, card, &format!(" (card {index})"));
    }
}

fn check_lto(send: &mut Send<'_, '_>, components: &[(String, At<'_>)], template: &At<'_>) {
    let given = components.iter().find(|(k, _)| k == "limited_time_offer").map(|(_, at)| *at);
    let has_expiration = send.shape.limited_time_offer;
    let Some(component) = given else {
        if has_expiration == Some(true) {
            send.checker.error_meta(
                code::LTO_EXPIRATION,
                131_008,
                template,
                "the offer has an expiration: add {\"type\": \"limited_time_offer\", \"parameters\": [{\"type\": \"limited_time_offer\", \"limited_time_offer\": {\"expiration_time_ms\": …}}]}",
            );
        }
        return;
    };
    if has_expiration.is_none() {
        send.checker.error(code::PARAMETER_COUNT, &component, "the template has no limited-time offer");
        return;
    }
    let params = parameters(send, &component);
    if !check_count(send, &component, "limited_time_offer", params.len(), 1) {
        return;
    }
    for param in &params {
        check_parameter(send, param, &["limited_time_offer"], 0);
        let Some(offer) = param.get("limited_time_offer") else { continue };
        let Some(expiration) = offer.required(send.checker, "expiration_time_ms", "limited_time_offer")
        else {
            continue;
        };
        match expiration.integer(send.checker) {
            Some(ms) if ms < 0 => {
                send.checker.error(
                    code::LTO_EXPIRATION,
                    &expiration,
                    "expiration_time_ms cannot be negative",
                );
            }
            Some(ms) if ms < 100_000_000_000 => send.checker.warning(
                code::LTO_EXPIRATION,
                &expiration,
                "expiration_time_ms looks like seconds; it is a Unix time in milliseconds",
            ),
            _ => {}
        }
    }
}
