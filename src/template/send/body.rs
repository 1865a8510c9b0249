//! The body of a send against the definition's body variables, named or
//! positional, and the code of an authentication body (REFERENCE.md §1.15).

use super::variables::Name;
use super::{check_count, code, parameters, params, Send};
use crate::check::{char_len, At};
use crate::json::Node;
use crate::text::quoted;

pub(super) fn check_body(send: &mut Send<'_, '_>, body: &At<'_>, expected: &[Name], within: &str) {
    let params = parameters(send, body);
    let count_ok = check_count(send, body, &format!("body{within}"), params.len(), expected.len());
    let limit = if send.shape.body_only { 32_768 } else { 1024 };
    for param in &params {
        params::check_parameter(send.checker, param, &["text", "currency", "date_time"], limit);
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

pub(super) fn check_auth_code(send: &mut Send<'_, '_>, at: &At<'_>, code_text: &str) {
    if char_len(code_text) > 15 {
        send.checker.error(
            code::AUTH_CODE,
            at,
            format!("the code is {} characters; at most 15", char_len(code_text)),
        );
    }
}

/// Named templates need `parameter_name` on every parameter; positional ones must not have it.
pub(super) fn check_names(send: &mut Send<'_, '_>, params: &[At<'_>], expected: &[Name]) {
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
