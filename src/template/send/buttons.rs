//! Button components of a send against the definition's buttons: index,
//! sub_type and the one parameter each takes (REFERENCE.md §1.15).

use super::body::check_auth_code;
use super::shape::Button;
use super::{check_count, code, missing_component, parameters, params, Send, SUB_TYPES};
use crate::check::At;
use crate::text::quoted;

pub(super) fn button_index(send: &mut Send<'_, '_>, component: &At<'_>) -> Option<usize> {
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
pub(super) fn sub_type_for(kind: &str, authentication: bool) -> Option<&'static str> {
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

pub(super) fn display_kind(kind: &str) -> &str {
    match kind {
        "PHONE_NUMBER" => "Call",
        other => other,
    }
}

pub(super) fn check_buttons(
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
            missing_component(
                send.checker,
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

pub(super) fn check_button_parameters(
    send: &mut Send<'_, '_>,
    component: &At<'_>,
    params: &[At<'_>],
    sub_type: &str,
) {
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
        params::check_parameter(send.checker, param, &[kind], limit);
        if kind == "action" {
            params::check_action(send.checker, param, sub_type);
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
