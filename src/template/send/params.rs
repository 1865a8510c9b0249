//! Parameter values, whatever component they are in: text, currency,
//! date_time, media, location and product (REFERENCE.md §1.15).

use super::code;
use crate::check::{char_len, At, Checker};
use crate::text::quoted;

/// One parameter: its type is allowed here and its value is well formed.
/// `text_limit` bounds text values (0: no text allowed).
pub(super) fn check_parameter(
    checker: &mut Checker<'_>,
    param: &At<'_>,
    allowed: &[&str],
    text_limit: usize,
) {
    if param.object(checker).is_none() {
        return;
    }
    let Some(type_at) = param.required(checker, "type", "a parameter") else { return };
    let Some(kind) = type_at.str(checker) else { return };
    let kind = kind.to_ascii_lowercase();
    if !allowed.contains(&kind.as_str()) {
        checker.error_meta(
            code::PARAMETER_TYPE,
            132_012,
            &type_at,
            format!("a {} parameter is not allowed here; use {}", quoted(&kind), allowed.join(" or ")),
        );
        return;
    }
    let Some(value) = param.required(checker, &kind, &format!("a {kind} parameter")) else { return };
    match kind.as_str() {
        "text" | "payload" | "coupon_code" => {
            if let Some(text) = value.str(checker) {
                check_text_value(checker, &value, text, text_limit, kind == "text");
            }
        }
        "currency" => check_currency(checker, &value),
        "date_time" => {
            if value.object(checker).is_some() {
                if let Some(fallback) = value.required(checker, "fallback_value", "date_time") {
                    fallback.str(checker);
                }
            }
        }
        "image" | "video" | "document" | "gif" => check_media(checker, &value),
        "location" => {
            if value.object(checker).is_some() {
                for (field, limit) in [("latitude", 90), ("longitude", 180)] {
                    if let Some(at) = value.required(checker, field, "a location parameter") {
                        check_coordinate(checker, &at, limit);
                    }
                }
                for field in ["name", "address"] {
                    if let Some(at) = value.required(checker, field, "a location parameter") {
                        at.str(checker);
                    }
                }
            }
        }
        "product" => {
            if value.object(checker).is_some() {
                for field in ["product_retailer_id", "catalog_id"] {
                    if let Some(at) = value.required(checker, field, "a product parameter") {
                        at.str(checker);
                    }
                }
            }
        }
        _ => {
            value.object(checker);
        }
    }
}

/// A latitude or longitude: a number, or a numeric string as Meta's own examples send it.
pub(super) fn check_coordinate(checker: &mut Checker<'_>, at: &At<'_>, limit: u16) {
    let value =
        at.node.as_f64().or_else(|| at.node.as_str().and_then(|text| crate::json::parse_number(text.trim())));
    match value {
        Some(degrees) if degrees.abs() <= f64::from(limit) => {}
        Some(_) => {
            checker.error(code::PARAMETER_VALUE, at, format!("must be between -{limit} and {limit} degrees"))
        }
        None => checker.error(crate::check::code::WRONG_TYPE, at, "expected a number of degrees"),
    }
}

pub(super) fn check_text_value(
    checker: &mut Checker<'_>,
    at: &At<'_>,
    text: &str,
    limit: usize,
    content_rules: bool,
) {
    if text.trim().is_empty() {
        checker.error_meta(code::PARAMETER_VALUE, 131_009, at, "parameter values cannot be empty");
        return;
    }
    if limit > 0 && char_len(text) > limit {
        checker.error_meta(
            code::PARAMETER_VALUE,
            132_005,
            at,
            format!("{} characters; this parameter allows {limit}", char_len(text)),
        );
    }
    if content_rules && (text.contains(['\n', '\t']) || text.contains("     ")) {
        checker.error(
            code::PARAMETER_TEXT,
            at,
            "parameter text cannot contain newlines, tabs or more than 4 consecutive spaces",
        );
    }
}

pub(super) fn check_currency(checker: &mut Checker<'_>, value: &At<'_>) {
    if value.object(checker).is_none() {
        return;
    }
    if let Some(fallback) = value.required(checker, "fallback_value", "currency") {
        fallback.str(checker);
    }
    if let Some(code_at) = value.required(checker, "code", "currency") {
        if let Some(code_text) = code_at.str(checker) {
            if code_text.len() != 3 || !code_text.bytes().all(|b| b.is_ascii_uppercase()) {
                checker.error(
                    code::PARAMETER_VALUE,
                    &code_at,
                    "currency code is ISO 4217: three capital letters, e.g. USD",
                );
            }
        }
    }
    if let Some(amount) = value.required(checker, "amount_1000", "currency") {
        if amount.integer(checker).is_some_and(|n| n <= 0) {
            checker.error(
                code::PARAMETER_VALUE,
                &amount,
                "amount_1000 is the amount times 1000, a whole number above 0 (e.g. 100990 for 100.99)",
            );
        }
    }
}

pub(super) fn check_media(checker: &mut Checker<'_>, value: &At<'_>) {
    if value.object(checker).is_none() {
        return;
    }
    let id = value.get("id");
    let link = value.get("link");
    match (&id, &link) {
        (Some(_), Some(_)) | (None, None) => checker.error(
            code::PARAMETER_VALUE,
            value,
            "media takes exactly one of id (an uploaded media id) or link (an https URL)",
        ),
        (_, Some(link)) => {
            if link
                .str(checker)
                .is_some_and(|url| !url.starts_with("https://") && !url.starts_with("http://"))
            {
                checker.error(code::PARAMETER_VALUE, link, "link must be an http(s) URL");
            }
        }
        (Some(id), None) => {
            id.str(checker);
        }
    }
}

/// The `action` of a flow, catalog or multi-product button parameter.
pub(super) fn check_action(checker: &mut Checker<'_>, param: &At<'_>, sub_type: &str) {
    let Some(action) = param.get("action") else { return };
    if action.object(checker).is_none() {
        return;
    }
    if matches!(sub_type, "catalog" | "mpm") {
        if let Some(thumbnail) = action.required(checker, "thumbnail_product_retailer_id", "a catalog action")
        {
            thumbnail.str(checker);
        }
    }
    if sub_type == "mpm" {
        check_sections(checker, &action);
    }
    if sub_type == "flow" {
        if let Some(token) = action.get("flow_token") {
            token.str(checker);
        }
        if let Some(data) = action.get("flow_action_data") {
            data.object(checker);
        }
    }
}

/// The sections of a multi-product button: 1 to 10, and when there are more
/// than one, each has a title (REFERENCE.md §1.9, wajs MPMComponent; Meta's
/// multi-product message page: "title: required if the message has more than one section").
fn check_sections(checker: &mut Checker<'_>, action: &At<'_>) {
    let Some(list) = action.required(checker, "sections", "a multi-product (mpm) action") else { return };
    let Some(sections) = list.array(checker) else { return };
    if sections.is_empty() || sections.len() > 10 {
        checker.error(
            code::MPM_SECTIONS,
            &list,
            format!("a multi-product button has 1 to 10 sections, {} given", sections.len()),
        );
    }
    if sections.len() < 2 {
        return;
    }
    for section in &sections {
        if section.object(checker).is_none() {
            continue;
        }
        match section.get("title") {
            None => checker.missing_as(
                code::MPM_SECTIONS,
                section,
                "title",
                "with more than one section, every section needs a title",
            ),
            Some(title) => {
                if title.str(checker).is_some_and(|text| text.trim().is_empty()) {
                    checker.error(
                        code::MPM_SECTIONS,
                        &title,
                        "with more than one section, every section needs a title",
                    );
                }
            }
        }
    }
}

/// A limited-time offer's `expiration_time_ms`: a positive Unix time in
/// milliseconds (REFERENCE.md §1.12; wajs rejects negative ones, and 0 is 1970).
pub(super) fn check_expiration(checker: &mut Checker<'_>, expiration: &At<'_>) {
    match expiration.integer(checker) {
        Some(ms) if ms <= 0 => {
            checker.error(
                code::LTO_EXPIRATION,
                expiration,
                "expiration_time_ms is a Unix time in milliseconds, above 0 (e.g. 1893456000000)",
            );
        }
        Some(ms) if ms < 100_000_000_000 => checker.warning(
            code::LTO_EXPIRATION,
            expiration,
            "expiration_time_ms looks like seconds; it is a Unix time in milliseconds",
        ),
        _ => {}
    }
}
