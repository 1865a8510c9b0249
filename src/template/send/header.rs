//! The header of a send against the definition's header: one parameter of the
//! header's format, or a text header's variables (REFERENCE.md §1.15).

use super::shape::Header;
use super::{body::check_names, check_count, parameters, params, Send};
use crate::check::At;

pub(super) fn check_header(send: &mut Send<'_, '_>, header: &At<'_>, expected: &Header) {
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
            params::check_parameter(send.checker, param, allowed, 60);
        } else {
            params::check_parameter(send.checker, param, allowed, 0);
        }
    }
    if expected.format == "TEXT" {
        check_names(send, &params, &expected.variables);
    }
}
