//! Interactive requests to the user: share contact info
//! (`request_contact_info`), permission to call (`call_permission_request`,
//! Calling API), and a delivery address (`address_message`, India).

use super::code;
use crate::check::{At, Checker};
use crate::text::quoted;

/// `request_contact_info` and `call_permission_request`: WhatsApp draws the
/// button itself, and only the body is the business's (Gupshup's Meta
/// passthrough: "The call permission request interactive object cannot be
/// edited by the business. Only the message body can be customized"; Meta's
/// and KAPSO's request_contact_info examples carry a body and
/// `action: {name}` only). The body was checked by the caller.
pub fn check_fixed(checker: &mut Checker<'_>, interactive: &At<'_>, kind: &str) {
    if let Some(header) = interactive.get("header") {
        checker.error(
            code::FIXED_REQUEST,
            &header,
            format!("{kind} messages take no header: only the body can be set"),
        );
    }
    if let Some(footer) = interactive.get("footer") {
        checker.warning(
            code::FIXED_REQUEST,
            &footer,
            format!("{kind} messages are documented with a body only; Meta may refuse the footer"),
        );
    }
    let Some(action) = interactive.required(checker, "action", "an interactive message") else { return };
    if action.object(checker).is_none() {
        return;
    }
    checker.unknown_keys(&action, &["name"], "this action");
    if let Some(name) = action.required(checker, "name", "this action") {
        if name.str(checker).is_some_and(|given| given != kind) {
            checker.error(code::ENUM, &name, format!("action.name must be {}", quoted(kind)));
        }
    }
}

/// Fields an address message can prefill (`values`) or report errors on
/// (`validation_errors`), from Meta's "Address messages" field table: the
/// India fields, and Singapore's from the On-Premises era.
const FIELDS: [&str; 13] = [
    "name",
    "phone_number",
    "in_pin_code",
    "house_number",
    "floor_number",
    "tower_number",
    "building_name",
    "address",
    "landmark_area",
    "city",
    "state",
    "sg_post_code",
    "unit_number",
];

/// An `address_message` action: `{name: "address_message", parameters:
/// {country, values?, saved_addresses?, validation_errors?}}` (Meta's
/// "Address messages": only for businesses in India and their Indian
/// customers on the Cloud API; Singapore was On-Premises only).
pub fn check_address(checker: &mut Checker<'_>, action: &At<'_>) {
    checker.unknown_keys(action, &["name", "parameters"], "an address_message action");
    if let Some(name) = action.required(checker, "name", "this action") {
        if name.str(checker).is_some_and(|given| given != "address_message") {
            checker.error(code::ENUM, &name, "action.name must be \"address_message\"");
        }
    }
    let Some(parameters) = action.required(checker, "parameters", "an address_message action") else {
        return;
    };
    if parameters.object(checker).is_none() {
        return;
    }
    checker.unknown_keys(
        &parameters,
        &["country", "values", "saved_addresses", "validation_errors"],
        "address_message parameters",
    );
    if let Some(country) = parameters.required(checker, "country", "address_message parameters") {
        match country.str(checker) {
            Some("IN") | None => {}
            Some("SG") => checker.warning(
                code::ADDRESS_INVALID,
                &country,
                "address messages to Singapore were On-Premises only; the Cloud API supports India (IN)",
            ),
            Some(other) => checker.error(
                code::ADDRESS_INVALID,
                &country,
                format!("address messages are for India: country is \"IN\", got {}", quoted(other)),
            ),
        }
    }
    if let Some(values) = parameters.get("values") {
        check_values(checker, &values, "values");
    }
    if let Some(saved) = parameters.get("saved_addresses") {
        for address in saved.array(checker).unwrap_or_default() {
            if address.object(checker).is_none() {
                continue;
            }
            checker.unknown_keys(&address, &["id", "value"], "a saved address");
            if let Some(id) = address.required(checker, "id", "a saved address") {
                id.str(checker);
            }
            if let Some(value) = address.required(checker, "value", "a saved address") {
                check_values(checker, &value, "a saved address value");
            }
        }
    }
    if let Some(errors) = parameters.get("validation_errors") {
        if errors.object(checker).is_some() {
            checker.unknown_keys(&errors, &FIELDS, "validation_errors");
            for (key, _) in errors.node.members().unwrap_or_default() {
                if let Some(message) = errors.get(&key.name) {
                    message.str(checker);
                }
            }
        }
    }
}

/// Prefilled address fields: strings; the PIN (and Singapore post) code has
/// at most 6 characters (Meta's field table: "Max length: 6"), all digits.
fn check_values(checker: &mut Checker<'_>, values: &At<'_>, what: &str) {
    if values.object(checker).is_none() {
        return;
    }
    checker.unknown_keys(values, &FIELDS, what);
    for field in FIELDS {
        let Some(at) = values.get(field) else { continue };
        let Some(text) = at.str(checker) else { continue };
        let postal = matches!(field, "in_pin_code" | "sg_post_code");
        if postal && (text.len() > 6 || !text.bytes().all(|b| b.is_ascii_digit())) {
            checker.error(
                code::ADDRESS_INVALID,
                &at,
                format!("{field} is at most 6 digits, got {}", quoted(text)),
            );
        }
    }
}
