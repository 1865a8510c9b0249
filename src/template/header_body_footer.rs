//! HEADER, BODY and FOOTER: formats and text limits (REFERENCE.md §1.5,
//! §1.7–§1.9); their variables and examples are checked by `variables_and_examples`.

use super::variables_and_examples::{check_examples, check_variables, Examples};
use super::{code, Ctx};
use crate::check::{char_len, At};

/// Which body limits apply.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    /// An ordinary template body: 1024 characters.
    Standard,
    /// The body of a limited-time-offer template: 600 characters.
    LimitedTimeOffer,
    /// A carousel card's body: 160 characters.
    Card,
}

impl BodyKind {
    pub fn for_template(has_lto: bool) -> Self {
        if has_lto {
            Self::LimitedTimeOffer
        } else {
            Self::Standard
        }
    }

    fn limit(self) -> usize {
        match self {
            Self::Standard => 1024,
            Self::LimitedTimeOffer => 600,
            Self::Card => 160,
        }
    }
}

const HEADER_FORMATS: [&str; 7] = ["TEXT", "IMAGE", "VIDEO", "DOCUMENT", "GIF", "LOCATION", "PRODUCT"];

/// A HEADER component; returns its format (uppercase) when it has a valid one.
pub fn check_header(ctx: &mut Ctx<'_>, header: &At<'_>) -> Option<&'static str> {
    ctx.checker.unknown_keys(header, &["type", "format", "text", "example"], "a HEADER component");
    let Some(format_at) = header.get("format") else {
        ctx.checker.missing(
            header,
            "format",
            "a HEADER needs a format: TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION or PRODUCT",
        );
        return None;
    };
    let format = format_at.one_of(
        &mut ctx.checker,
        &HEADER_FORMATS,
        code::HEADER_FORMAT_INVALID,
        Some(100),
        "header format",
    )?;
    match format {
        "TEXT" => check_header_text(ctx, header),
        "LOCATION" | "PRODUCT" => {
            for field in ["text", "example"] {
                if let Some(at) = header.get(field) {
                    ctx.checker.warning(
                        code::EXAMPLE_UNUSED,
                        &at,
                        format!("a {format} header takes no {field}"),
                    );
                }
            }
            if format == "LOCATION" && ctx.category == Some(super::Category::Authentication) {
                ctx.checker.error(
                    code::CATEGORY_FEATURE,
                    &format_at,
                    "LOCATION headers are for UTILITY and MARKETING templates",
                );
            }
        }
        _ => check_media_header(ctx, header, format, &format_at),
    }
    Some(format)
}

fn check_media_header(ctx: &mut Ctx<'_>, header: &At<'_>, format: &str, format_at: &At<'_>) {
    if format == "GIF" {
        ctx.checker.warning(
            code::HEADER_FORMAT_RESTRICTED,
            format_at,
            "GIF headers (mp4, at most 3.5 MB) can only be sent with the Marketing Messages API",
        );
    }
    if let Some(text) = header.get("text") {
        ctx.checker.warning(code::EXAMPLE_UNUSED, &text, format!("a {format} header takes no text"));
    }
    let handle = header.get("example").and_then(|example| example.get("header_handle"));
    let Some(handle) = handle else {
        ctx.checker.error(
            code::HEADER_HANDLE_MISSING,
            header,
            format!(
                "a {format} header needs example.header_handle: [\"<handle>\"] from the Resumable Upload API"
            ),
        );
        return;
    };
    let Some(items) = handle.array(&mut ctx.checker) else { return };
    let valid =
        items.len() == 1 && items.iter().all(|item| item.node.as_str().is_some_and(|h| !h.is_empty()));
    if !valid {
        ctx.checker.error(
            code::EXAMPLE_MISMATCH,
            &handle,
            "example.header_handle is an array of one non-empty upload handle",
        );
    }
}

fn check_header_text(ctx: &mut Ctx<'_>, header: &At<'_>) {
    let Some(text_at) = header.required(&mut ctx.checker, "text", "a TEXT header") else { return };
    let Some(text) = text_at.str(&mut ctx.checker) else { return };
    check_length(ctx, &text_at, text, 60, "header text");
    if text.contains(['\n', '\r']) {
        ctx.checker.error_meta(
            code::TEXT_FORMATTING,
            2_388_047,
            &text_at,
            "header text cannot contain line breaks",
        );
    }
    if text.contains(['*', '~', '`']) {
        ctx.checker.error_meta(
            code::TEXT_FORMATTING,
            2_388_047,
            &text_at,
            "header text cannot use formatting characters (*, ~, `)",
        );
    }
    let found = check_variables(ctx, &text_at, text, Some(1), false);
    check_examples(ctx, header, &found, Examples::Header);
}

/// A BODY component (not authentication).
pub fn check_body(ctx: &mut Ctx<'_>, body: &At<'_>, kind: BodyKind) {
    ctx.checker.unknown_keys(body, &["type", "text", "example"], "a BODY component");
    if let Some(at) = body.get("add_security_recommendation") {
        ctx.checker.warning(
            code::AUTH_CONTENT,
            &at,
            "add_security_recommendation applies only to AUTHENTICATION templates",
        );
    }
    let Some(text_at) = body.required(&mut ctx.checker, "text", "a BODY") else { return };
    let Some(text) = text_at.str(&mut ctx.checker) else { return };
    if text.trim().is_empty() {
        ctx.checker.error(code::TEXT_EMPTY, &text_at, "body text cannot be empty");
        return;
    }
    check_length(ctx, &text_at, text, kind.limit(), "body text");
    if kind == BodyKind::Card && text.matches('\n').count() > 2 {
        ctx.checker.error(code::TEXT_FORMATTING, &text_at, "a carousel card body has at most 2 line breaks");
    }
    let found = check_variables(ctx, &text_at, text, None, true);
    check_examples(ctx, body, &found, Examples::Body);
}

/// A FOOTER component (not authentication): text only, no variables.
pub fn check_footer(ctx: &mut Ctx<'_>, footer: &At<'_>) {
    ctx.checker.unknown_keys(footer, &["type", "text"], "a FOOTER component");
    if let Some(at) = footer.get("code_expiration_minutes") {
        ctx.checker.error(
            code::AUTH_CONTENT,
            &at,
            "code_expiration_minutes applies only to AUTHENTICATION templates",
        );
    }
    let Some(text_at) = footer.required(&mut ctx.checker, "text", "a FOOTER") else { return };
    let Some(text) = text_at.str(&mut ctx.checker) else { return };
    if text.trim().is_empty() {
        ctx.checker.error(code::TEXT_EMPTY, &text_at, "footer text cannot be empty");
    }
    check_length(ctx, &text_at, text, 60, "footer text");
    check_variables(ctx, &text_at, text, Some(0), false);
}

/// Reports a text over `limit` characters.
pub fn check_length(ctx: &mut Ctx<'_>, at: &At<'_>, text: &str, limit: usize, what: &str) {
    let length = char_len(text);
    if length > limit {
        ctx.checker.error_meta(
            code::TEXT_TOO_LONG,
            2_388_040,
            at,
            format!("{what} is {length} characters; the limit is {limit}"),
        );
    }
}
