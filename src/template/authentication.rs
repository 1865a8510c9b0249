//! The BODY and FOOTER of an AUTHENTICATION template: presets, not text (REFERENCE.md §1.12).

use super::{code, Ctx};
use crate::check::At;

/// The BODY of an AUTHENTICATION template: preset text, optional security recommendation.
pub fn check_auth_body(ctx: &mut Ctx<'_>, body: &At<'_>) {
    ctx.checker.unknown_keys(
        body,
        &["type", "add_security_recommendation", "text"],
        "an authentication BODY",
    );
    for field in ["text", "example"] {
        if let Some(at) = body.get(field) {
            ctx.checker.error(
                code::AUTH_CONTENT,
                &at,
                format!("authentication bodies are preset (\"<code> is your verification code.\"); remove {field}"),
            );
        }
    }
    if let Some(at) = body.get("add_security_recommendation") {
        at.bool(&mut ctx.checker);
    }
}

/// The FOOTER of an AUTHENTICATION template: only `code_expiration_minutes`, 1–90.
pub fn check_auth_footer(ctx: &mut Ctx<'_>, footer: &At<'_>) {
    ctx.checker.unknown_keys(
        footer,
        &["type", "code_expiration_minutes", "text"],
        "an authentication FOOTER",
    );
    if let Some(at) = footer.get("text") {
        ctx.checker.error(
            code::AUTH_CONTENT,
            &at,
            "authentication footers are preset; set code_expiration_minutes instead",
        );
    }
    if let Some(at) = footer.get("code_expiration_minutes") {
        if let Some(minutes) = at.integer(&mut ctx.checker) {
            if !(1..=90).contains(&minutes) {
                ctx.checker.error(
                    code::AUTH_EXPIRATION_RANGE,
                    &at,
                    format!("code_expiration_minutes is {minutes}; give 1 to 90"),
                );
            }
        }
    }
}
