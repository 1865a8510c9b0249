//! The BUTTONS component: types, per-type counts, grouping, and each button
//! type's fields (REFERENCE.md §1.10, §1.12 for OTP).

use super::header_body_footer::check_length;
use super::variables;
use super::variables_and_examples::check_variables;
use super::{code, Category, Ctx};
use crate::check::At;
use crate::text::quoted;

const BUTTON_TYPES: [&str; 13] = [
    "QUICK_REPLY",
    "URL",
    "PHONE_NUMBER",
    "COPY_CODE",
    "OTP",
    "FLOW",
    "MPM",
    "CATALOG",
    "SPM",
    "VOICE_CALL",
    "APP",
    "CALL_PERMISSION_REQUEST",
    "REQUEST_CONTACT_INFO",
];

/// Per-type maximum counts in one BUTTONS component.
const TYPE_LIMITS: [(&str, usize); 6] =
    [("QUICK_REPLY", 10), ("URL", 2), ("PHONE_NUMBER", 1), ("COPY_CODE", 1), ("VOICE_CALL", 1), ("OTP", 1)];

/// A top-level BUTTONS component.
pub fn check_buttons_component(ctx: &mut Ctx<'_>, component: &At<'_>) {
    ctx.checker.unknown_keys(component, &["type", "buttons"], "a BUTTONS component");
    let Some(list) = component.required(&mut ctx.checker, "buttons", "a BUTTONS component") else { return };
    let Some(buttons) = list.array(&mut ctx.checker) else { return };
    let types = check_buttons(ctx, &list, &buttons, 10, &BUTTON_TYPES);
    let otp_count = types.iter().filter(|t| **t == "OTP").count();
    match ctx.category {
        Some(Category::Authentication) if otp_count != 1 || types.len() != 1 => ctx.checker.error(
            code::OTP_BUTTON_REQUIRED,
            &list,
            "authentication templates have exactly one button, of type OTP",
        ),
        _ => {}
    }
    if ctx.has_lto {
        super::offer::check_lto_buttons(ctx, &list, &types);
    }
}

/// Checks a list of buttons; returns their types (uppercase), in order, for
/// the buttons whose type is valid. `allowed` narrows the types (carousel cards).
pub fn check_buttons(
    ctx: &mut Ctx<'_>,
    list: &At<'_>,
    buttons: &[At<'_>],
    max: usize,
    allowed: &[&str],
) -> Vec<&'static str> {
    if buttons.is_empty() || buttons.len() > max {
        ctx.checker.error_meta(
            code::BUTTONS_COUNT,
            100,
            list,
            format!("{} buttons; give 1 to {max}", buttons.len()),
        );
    }
    let mut types = Vec::new();
    for button in buttons {
        if button.object(&mut ctx.checker).is_none() {
            continue;
        }
        let Some(type_at) = button.required(&mut ctx.checker, "type", "a button") else { continue };
        let Some(kind) = type_at.one_of(
            &mut ctx.checker,
            &BUTTON_TYPES,
            code::BUTTON_TYPE_INVALID,
            Some(100),
            "button type",
        ) else {
            continue;
        };
        if !allowed.contains(&kind) {
            ctx.checker.error(
                code::BUTTON_TYPE_INVALID,
                &type_at,
                format!("{kind} buttons are not allowed here; allowed: {}", allowed.join(", ")),
            );
            continue;
        }
        check_button(ctx, button, kind);
        types.push(kind);
    }
    for (kind, limit) in TYPE_LIMITS {
        let count = types.iter().filter(|t| **t == kind).count();
        if count > limit {
            ctx.checker.error_meta(
                code::BUTTON_TYPE_COUNT,
                100,
                list,
                format!("{count} {kind} buttons; at most {limit} allowed"),
            );
        }
    }
    check_grouping(ctx, list, &types);
    types
}

/// Quick replies must be contiguous, and so must all other buttons.
fn check_grouping(ctx: &mut Ctx<'_>, list: &At<'_>, types: &[&str]) {
    let runs = types
        .windows(2)
        .filter(|pair| matches!(pair, [a, b] if (*a == "QUICK_REPLY") != (*b == "QUICK_REPLY")))
        .count();
    if runs > 1 {
        ctx.checker.error_meta(
            code::BUTTONS_GROUPING,
            100,
            list,
            format!(
                "buttons are {}: group quick replies together, before or after the other buttons",
                types.join(", ")
            ),
        );
    }
}

fn check_button(ctx: &mut Ctx<'_>, button: &At<'_>, kind: &'static str) {
    match kind {
        "URL" => check_url_button(ctx, button),
        "PHONE_NUMBER" => check_phone_button(ctx, button),
        "COPY_CODE" => check_copy_code_button(ctx, button),
        "FLOW" => check_flow_button(ctx, button),
        "OTP" => check_otp_button(ctx, button),
        _ => {
            ctx.checker.unknown_keys(button, &["type", "text"], &format!("a {kind} button"));
            let label_required = matches!(kind, "QUICK_REPLY" | "VOICE_CALL");
            check_label(ctx, button, label_required);
        }
    }
    if kind != "OTP" {
        if ctx.category == Some(Category::Authentication) {
            ctx.checker.error(
                code::OTP_BUTTON_REQUIRED,
                button,
                "authentication templates take only an OTP button",
            );
        }
        if kind == "COPY_CODE" && ctx.category.is_some_and(|c| c != Category::Marketing) {
            ctx.checker.error(
                code::CATEGORY_FEATURE,
                button,
                "coupon (COPY_CODE) buttons are for MARKETING templates",
            );
        }
    }
}

/// The button label: at most 25 characters; `required` when the type has no default.
fn check_label(ctx: &mut Ctx<'_>, button: &At<'_>, required: bool) {
    let label =
        if required { button.required(&mut ctx.checker, "text", "this button") } else { button.get("text") };
    let Some(label) = label else { return };
    let Some(text) = label.str(&mut ctx.checker) else { return };
    if text.trim().is_empty() {
        ctx.checker.error(code::TEXT_EMPTY, &label, "button text cannot be empty");
    }
    check_length(ctx, &label, text, 25, "button text");
    check_variables(ctx, &label, text, Some(0), false);
}

fn check_url_button(ctx: &mut Ctx<'_>, button: &At<'_>) {
    ctx.checker.unknown_keys(button, &["type", "text", "url", "example", "app_deep_link"], "a URL button");
    check_label(ctx, button, true);
    let Some(url_at) = button.required(&mut ctx.checker, "url", "a URL button") else { return };
    let Some(url) = url_at.str(&mut ctx.checker) else { return };
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        ctx.checker.error_meta(
            code::BUTTON_URL_INVALID,
            100,
            &url_at,
            "url must start with https:// or http://",
        );
    }
    check_length(ctx, &url_at, url, 2000, "url");
    let found = variables::scan(url);
    for malformed in &found.malformed {
        ctx.checker.error_meta(code::VARIABLE_MALFORMED, 100, &url_at, malformed.reason);
    }
    let example = button.get("example");
    match found.variables.as_slice() {
        [] => {
            if let Some(example) = example {
                ctx.checker.warning(
                    code::EXAMPLE_UNUSED,
                    &example,
                    "an example was given but the url has no variable",
                );
            }
        }
        [variable] => {
            if variable.end != url.len() {
                ctx.checker.error_meta(
                    code::BUTTON_URL_INVALID,
                    100,
                    &url_at,
                    "a URL button's variable must come at the very end of the url",
                );
            }
            check_url_example(ctx, button, example);
        }
        _ => ctx.checker.error_meta(
            code::BUTTON_URL_INVALID,
            100,
            &url_at,
            "a URL button has at most one variable",
        ),
    }
}

fn check_url_example(ctx: &mut Ctx<'_>, button: &At<'_>, example: Option<At<'_>>) {
    let Some(example) = example else {
        ctx.checker.error(
            code::EXAMPLE_MISSING,
            button,
            "a url with a variable needs example: [\"<full example url>\"]",
        );
        return;
    };
    let value = match (example.node.as_str(), example.node.items()) {
        (Some(_), _) => Some(example),
        (_, Some([_])) => example.items().into_iter().next(),
        _ => None,
    };
    match value.as_ref().and_then(|v| v.node.as_str()) {
        Some(text) if !text.trim().is_empty() => {}
        _ => {
            ctx.checker.error(code::EXAMPLE_MISMATCH, &example, "example is an array of one non-empty string")
        }
    }
}

fn check_phone_button(ctx: &mut Ctx<'_>, button: &At<'_>) {
    ctx.checker.unknown_keys(button, &["type", "text", "phone_number"], "a PHONE_NUMBER button");
    check_label(ctx, button, true);
    let Some(number_at) = button.required(&mut ctx.checker, "phone_number", "a PHONE_NUMBER button") else {
        return;
    };
    let Some(number) = number_at.str(&mut ctx.checker) else { return };
    let digits = number.strip_prefix('+').unwrap_or(number);
    if digits.len() < 2 || !digits.bytes().all(|b| b.is_ascii_digit()) || number.len() > 20 {
        ctx.checker.error_meta(
            code::BUTTON_PHONE_INVALID,
            100,
            &number_at,
            "phone_number is the country code and number in digits, optionally after +, at most 20 characters (e.g. \"+15550051310\")",
        );
    }
}

fn check_copy_code_button(ctx: &mut Ctx<'_>, button: &At<'_>) {
    ctx.checker.unknown_keys(button, &["type", "example"], "a COPY_CODE button");
    if let Some(text) = button.get("text") {
        ctx.checker.warning(
            code::EXAMPLE_UNUSED,
            &text,
            "the copy-code button label is set by WhatsApp and cannot be changed",
        );
    }
    let Some(example) = button.required(&mut ctx.checker, "example", "a COPY_CODE button") else { return };
    let Some(code_text) = example.str(&mut ctx.checker) else { return };
    // 15 in every category and with or without an offer: Meta's limited-time
    // offer and coupon pages and pywa (REFERENCE.md §1.9 lists 20 from the
    // older components page; templates with 16–20 were rejected, issue 19 §2).
    let limit = 15;
    let length = code_text.chars().count();
    if code_text.trim().is_empty() || length > limit {
        ctx.checker.error(
            code::BUTTON_COPY_CODE_INVALID,
            &example,
            format!("the example code is {length} characters; give 1 to {limit}"),
        );
    }
}

fn check_flow_button(ctx: &mut Ctx<'_>, button: &At<'_>) {
    ctx.checker.unknown_keys(
        button,
        &["type", "text", "flow_id", "flow_name", "flow_json", "flow_action", "navigate_screen", "icon"],
        "a FLOW button",
    );
    check_label(ctx, button, true);
    let targets: Vec<(&str, At<'_>)> = ["flow_id", "flow_name", "flow_json"]
        .iter()
        .filter_map(|key| button.get(key).map(|at| (*key, at)))
        .collect();
    if targets.len() != 1 {
        ctx.checker.error_meta(
            code::BUTTON_FLOW_INVALID,
            100,
            button,
            format!(
                "a FLOW button names its Flow exactly one way (flow_id, flow_name or flow_json); found {}",
                targets.len()
            ),
        );
    }
    for (key, target) in &targets {
        let is_json = *key == "flow_json";
        match (target.node.as_str(), target.node.as_f64()) {
            (Some(text), _) if is_json => {
                if crate::json::parse(text).map_or(true, |doc| doc.members().is_none()) {
                    ctx.checker.error(
                        code::BUTTON_FLOW_INVALID,
                        target,
                        "flow_json is the Flow JSON object written as an escaped string",
                    );
                }
            }
            (Some(text), _) if text.trim().is_empty() => {
                ctx.checker.error(code::BUTTON_FLOW_INVALID, target, "the Flow reference cannot be empty");
            }
            (Some(_), _) => {}
            (None, Some(_)) if !is_json => {}
            _ => {
                target.str(&mut ctx.checker);
            }
        }
    }
    if let Some(action) = button.get("flow_action") {
        if let Some(text) = action.str(&mut ctx.checker) {
            if !matches!(text.to_ascii_lowercase().as_str(), "navigate" | "data_exchange") {
                ctx.checker.error(
                    code::BUTTON_FLOW_INVALID,
                    &action,
                    format!("flow_action is navigate or data_exchange, got {}", quoted(text)),
                );
            }
            if text.eq_ignore_ascii_case("data_exchange") {
                if let Some(screen) = button.get("navigate_screen") {
                    ctx.checker.warning(
                        code::BUTTON_FLOW_INVALID,
                        &screen,
                        "navigate_screen applies only to flow_action navigate",
                    );
                }
            }
        }
    }
    if let Some(screen) = button.get("navigate_screen") {
        screen.str(&mut ctx.checker);
    }
}

const OTP_TYPES: [&str; 3] = ["COPY_CODE", "ONE_TAP", "ZERO_TAP"];

fn check_otp_button(ctx: &mut Ctx<'_>, button: &At<'_>) {
    ctx.checker.unknown_keys(
        button,
        &[
            "type",
            "otp_type",
            "text",
            "autofill_text",
            "supported_apps",
            "zero_tap_terms_accepted",
            "package_name",
            "signature_hash",
        ],
        "an OTP button",
    );
    if ctx.category.is_some_and(|c| c != Category::Authentication) {
        ctx.checker.error(code::OTP_NOT_ALLOWED, button, "OTP buttons belong to AUTHENTICATION templates");
    }
    check_label(ctx, button, false);
    if let Some(autofill) = button.get("autofill_text") {
        if let Some(text) = autofill.str(&mut ctx.checker) {
            check_length(ctx, &autofill, text, 25, "autofill_text");
        }
    }
    let Some(type_at) = button.required(&mut ctx.checker, "otp_type", "an OTP button") else { return };
    let Some(otp_type) =
        type_at.one_of(&mut ctx.checker, &OTP_TYPES, code::OTP_TYPE_INVALID, None, "otp_type")
    else {
        return;
    };
    let legacy =
        ["package_name", "signature_hash"].iter().filter_map(|key| button.get(key)).collect::<Vec<_>>();
    for at in &legacy {
        ctx.checker.warning(
            code::OTP_LEGACY_APP_FIELDS,
            at,
            "package_name and signature_hash on the button work only up to Graph v20.0; put them in supported_apps",
        );
    }
    if otp_type == "COPY_CODE" {
        return;
    }
    match button.get("supported_apps") {
        Some(apps) => check_supported_apps(ctx, &apps),
        None if !legacy.is_empty() => check_app(ctx, button),
        None => ctx.checker.error(
            code::OTP_APPS_INVALID,
            button,
            format!(
                "{otp_type} buttons need supported_apps: [{{\"package_name\": …, \"signature_hash\": …}}]"
            ),
        ),
    }
    if otp_type == "ZERO_TAP"
        && button.get("zero_tap_terms_accepted").and_then(|at| at.node.as_bool()) != Some(true)
    {
        ctx.checker.error(
            code::OTP_ZERO_TAP_TERMS,
            button,
            "zero-tap buttons need \"zero_tap_terms_accepted\": true (you accept WhatsApp's zero-tap terms)",
        );
    }
}

fn check_supported_apps(ctx: &mut Ctx<'_>, apps: &At<'_>) {
    let Some(list) = apps.array(&mut ctx.checker) else { return };
    if list.is_empty() || list.len() > 5 {
        ctx.checker.error(
            code::OTP_APPS_INVALID,
            apps,
            format!("{} supported apps; give 1 to 5", list.len()),
        );
    }
    for app in &list {
        if app.object(&mut ctx.checker).is_some() {
            ctx.checker.unknown_keys(app, &["package_name", "signature_hash"], "a supported app");
            check_app(ctx, app);
        }
    }
}

/// `package_name` and `signature_hash` of one app (REFERENCE.md §1.12).
fn check_app(ctx: &mut Ctx<'_>, app: &At<'_>) {
    if let Some(at) = app.required(&mut ctx.checker, "package_name", "a supported app") {
        if let Some(name) = at.str(&mut ctx.checker) {
            if !is_android_package(name) {
                ctx.checker.error(
                    code::OTP_PACKAGE_NAME_INVALID,
                    &at,
                    "package_name is an Android package: at least two dot-separated parts, each starting with a letter, letters/digits/underscores only, at most 224 characters (e.g. com.example.app)",
                );
            }
        }
    }
    if let Some(at) = app.required(&mut ctx.checker, "signature_hash", "a supported app") {
        if let Some(hash) = at.str(&mut ctx.checker) {
            let decoded = hash.replace("%2F", "/").replace("%2B", "+").replace("%3D", "=");
            if !is_signature_hash(hash) && is_signature_hash(&decoded) {
                // Postman collections show the hash URL-encoded for form bodies.
                ctx.checker.warning(
                    code::OTP_SIGNATURE_HASH_INVALID,
                    &at,
                    format!("signature_hash looks percent-encoded; in a JSON body send {}", quoted(&decoded)),
                );
            } else if !is_signature_hash(hash) {
                ctx.checker.error(
                    code::OTP_SIGNATURE_HASH_INVALID,
                    &at,
                    "signature_hash is exactly 11 characters of A-Z, a-z, 0-9, +, / or =",
                );
            }
        }
    }
}

fn is_signature_hash(hash: &str) -> bool {
    hash.len() == 11 && hash.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
}

fn is_android_package(name: &str) -> bool {
    let parts: Vec<&str> = name.split('.').collect();
    name.len() <= 224
        && parts.len() >= 2
        && parts.iter().all(|part| {
            part.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        })
}

#[cfg(test)]
mod tests {
    use super::is_android_package;

    #[test]
    fn android_package_names() {
        assert!(is_android_package("com.example.luckyshrub"));
        assert!(is_android_package("a.b"));
        for bad in ["com", "com..app", "1com.app", "com.app-x", ".com.app", ""] {
            assert!(!is_android_package(bad), "{bad}");
        }
        assert!(!is_android_package(&format!("a.{}", "b".repeat(223))));
    }
}
