//! Top-level fields of a template create that are not components: a
//! template made from Meta's template library (`library_template_*`), and
//! the Marketing Messages API's max price (`optimization_spec`, and the
//! retired `bid_spec`).

use super::{code, Category, Ctx};
use crate::check::At;

/// `library_template_body_inputs` (META-2026.md §1.4; AWS End User Messaging
/// `LibraryTemplateBodyInputs`, pywa `LibraryTemplateBodyInputs`): four
/// booleans and the code's expiry in minutes.
const BODY_INPUTS: [&str; 5] = [
    "add_contact_number",
    "add_learn_more_link",
    "add_security_recommendation",
    "add_track_package_link",
    "code_expiration_minutes",
];

/// Members of one `library_template_button_inputs` entry (AWS
/// `LibraryTemplateButtonInput`: type, url, phone_number, otp_type,
/// zero_tap_terms_accepted, supported_apps).
const BUTTON_INPUT_KEYS: [&str; 6] =
    ["type", "url", "phone_number", "otp_type", "zero_tap_terms_accepted", "supported_apps"];

/// The library fields: they customise a template from the library, so they
/// need `library_template_name`; each has its own shape.
pub(super) fn check_library(ctx: &mut Ctx<'_>, root: &At<'_>) {
    let named = root.get("library_template_name").is_some();
    if let Some(name) = root.get("library_template_name") {
        name.str(&mut ctx.checker);
    }
    for key in ["library_template_body_inputs", "library_template_button_inputs"] {
        if let (Some(at), false) = (root.get(key), named) {
            ctx.checker.error(
                code::LIBRARY_INPUTS_INVALID,
                &at,
                format!(
                    "{key} customises a template from Meta's template library: add library_template_name"
                ),
            );
        }
    }
    if let Some(inputs) = root.get("library_template_body_inputs") {
        check_body_inputs(ctx, &inputs);
    }
    if let Some(inputs) = root.get("library_template_button_inputs") {
        check_button_inputs(ctx, &inputs);
    }
}

fn check_body_inputs(ctx: &mut Ctx<'_>, inputs: &At<'_>) {
    if inputs.object(&mut ctx.checker).is_none() {
        return;
    }
    ctx.checker.unknown_keys(inputs, &BODY_INPUTS, "library_template_body_inputs");
    for key in BODY_INPUTS.iter().take(4) {
        if let Some(at) = inputs.get(key) {
            at.bool(&mut ctx.checker);
        }
    }
    if let Some(minutes) = inputs.get("code_expiration_minutes") {
        // The same 1–90 minutes as an authentication footer's
        // code_expiration_minutes (REFERENCE.md §1.10).
        if minutes.integer(&mut ctx.checker).is_some_and(|m| !(1..=90).contains(&m)) {
            ctx.checker.error(
                code::LIBRARY_INPUTS_INVALID,
                &minutes,
                "code_expiration_minutes is 1 to 90 minutes",
            );
        }
    }
}

fn check_button_inputs(ctx: &mut Ctx<'_>, inputs: &At<'_>) {
    let Some(list) = inputs.array(&mut ctx.checker) else { return };
    // AWS LibraryTemplateButtonInput lists hold at most 10 entries, as a template's buttons do.
    if list.is_empty() || list.len() > 10 {
        ctx.checker.error(
            code::LIBRARY_INPUTS_INVALID,
            inputs,
            format!("library_template_button_inputs has 1 to 10 entries, {} given", list.len()),
        );
    }
    for input in &list {
        if input.object(&mut ctx.checker).is_none() {
            continue;
        }
        ctx.checker.unknown_keys(input, &BUTTON_INPUT_KEYS, "a library button input");
        let Some(type_at) = input.required(&mut ctx.checker, "type", "a library button input") else {
            continue;
        };
        // Types other than these pass unchecked: Meta's list is not published in full.
        let Some(kind) = type_at.str(&mut ctx.checker).map(str::to_ascii_uppercase) else { continue };
        match kind.as_str() {
            "URL" => {
                // `url: {base_url, url_suffix_example}` in Meta's library examples.
                let Some(url) = input.required(&mut ctx.checker, "url", "a URL library button input") else {
                    continue;
                };
                if url.object(&mut ctx.checker).is_none() {
                    continue;
                }
                if let Some(base) = url.required(&mut ctx.checker, "base_url", "url") {
                    if base.str(&mut ctx.checker).is_some_and(|text| !text.starts_with("https://")) {
                        ctx.checker.error(
                            code::LIBRARY_INPUTS_INVALID,
                            &base,
                            "base_url is the https URL of the button",
                        );
                    }
                }
            }
            "PHONE_NUMBER" => {
                if let Some(number) =
                    input.required(&mut ctx.checker, "phone_number", "a PHONE_NUMBER library button input")
                {
                    number.str(&mut ctx.checker);
                }
            }
            "OTP" => {
                if let Some(otp) = input.required(&mut ctx.checker, "otp_type", "an OTP library button input")
                {
                    otp.str(&mut ctx.checker);
                }
            }
            _ => {}
        }
    }
}

/// The last day Meta accepted `bid_spec` (META-2026.md §1.4, Meta's Marketing
/// Messages changelog: `optimization_spec` replaces it, unsupported after 2026-07-31).
const BID_SPEC_LAST_DAY: &str = "2026-07-31";

/// `optimization_spec` (the max price of the Marketing Messages API, set per
/// template; META-2026.md §1.4) and the retired `bid_spec`.
///
/// `bid_spec` is an error without asking a clock: this version of the
/// package was released after its last day, so every run is after it
/// (the validators are deterministic; `src/time.rs` takes "now" from callers
/// only where the answer depends on it).
pub(super) fn check_max_price(ctx: &mut Ctx<'_>, root: &At<'_>) {
    if let Some(bid) = root.get("bid_spec") {
        ctx.checker.error(
            code::BID_SPEC_RETIRED,
            &bid,
            format!(
                "bid_spec is not supported after {BID_SPEC_LAST_DAY}: set the max price in optimization_spec instead"
            ),
        );
    }
    let Some(spec) = root.get("optimization_spec") else { return };
    if spec.object(&mut ctx.checker).is_none() {
        return;
    }
    // Max price is a Marketing Messages API feature for MARKETING templates
    // (Meta's "Set a max price for marketing messages" page).
    if let Some(category) = ctx.category.filter(|c| *c != Category::Marketing) {
        ctx.checker.error(
            code::OPTIMIZATION_SPEC_INVALID,
            &spec,
            format!(
                "optimization_spec (max price) is for MARKETING templates sent with the Marketing Messages API; this one is {}",
                if category == Category::Utility { "UTILITY" } else { "AUTHENTICATION" }
            ),
        );
    }
    if spec.node.members().is_some_and(<[_]>::is_empty) {
        ctx.checker.error(
            code::OPTIMIZATION_SPEC_INVALID,
            &spec,
            "optimization_spec is empty: give the max price, or leave the field out to pay the published rate",
        );
    }
}

#[cfg(test)]
mod tests {
    // Test code: a failed unwrap is a failed test.
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

    use super::super::{code, validate_template, TemplateOptions};
    use crate::json::parse;
    use crate::report::Report;

    fn check(text: &str) -> Report {
        validate_template(&parse(text).unwrap(), None, &TemplateOptions::default())
    }

    fn codes(report: &Report) -> Vec<(&'static str, String)> {
        report.errors.iter().chain(&report.warnings).map(|i| (i.code, i.path.clone())).collect()
    }

    /// Meta's "create a template from the template library" example, with
    /// the body inputs AWS End User Messaging and pywa document.
    const LIBRARY: &str = r#"{"name": "my_delivery_update", "language": "en_US", "category": "UTILITY",
        "library_template_name": "delivery_update_1",
        "library_template_body_inputs": {"add_contact_number": true, "add_track_package_link": true},
        "library_template_button_inputs": [
            {"type": "URL", "url": {"base_url": "https://www.example.com/{{1}}", "url_suffix_example": "https://www.example.com/order_update"}},
            {"type": "PHONE_NUMBER", "phone_number": "+16315551010"}]}"#;

    #[test]
    fn a_library_template_needs_no_components_and_has_no_unknown_keys() {
        let report = check(LIBRARY);
        assert!(report.ok, "{report:?}");
        assert!(report.warnings.is_empty(), "{report:?}");
    }

    #[test]
    fn library_inputs_need_a_library_template() {
        let without = LIBRARY.replace(r#""library_template_name": "delivery_update_1","#, "");
        let found = codes(&check(&without));
        assert!(
            found.contains(&(code::LIBRARY_INPUTS_INVALID, "/library_template_body_inputs".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&(code::LIBRARY_INPUTS_INVALID, "/library_template_button_inputs".into())),
            "{found:?}"
        );
        assert!(found.contains(&("missing", "/components".into())), "{found:?}");
    }

    #[test]
    fn library_inputs_have_their_shapes() {
        let cases = [
            (
                r#""add_contact_number": true"#,
                r#""code_expiration_minutes": 0"#,
                "/library_template_body_inputs/code_expiration_minutes",
            ),
            (
                r#""add_contact_number": true"#,
                r#""add_contact_number": "yes""#,
                "/library_template_body_inputs/add_contact_number",
            ),
            (
                r#""base_url": "https://"#,
                r#""base_url": "http://"#,
                "/library_template_button_inputs/0/url/base_url",
            ),
            (r#", "phone_number": "+16315551010""#, "", "/library_template_button_inputs/1/phone_number"),
        ];
        for (from, to, path) in cases {
            let report = check(&LIBRARY.replace(from, to));
            assert!(!report.ok, "{to}");
            assert!(report.errors.iter().any(|i| i.path == path), "{to}: {report:?}");
        }
        let ten_minutes =
            LIBRARY.replace(r#""add_contact_number": true"#, r#""code_expiration_minutes": 10"#);
        assert!(check(&ten_minutes).ok);
        let empty = LIBRARY.replace(
            r#""library_template_button_inputs": ["#,
            r#""library_template_button_inputs": [], "x": ["#,
        );
        assert!(codes(&check(&empty))
            .contains(&(code::LIBRARY_INPUTS_INVALID, "/library_template_button_inputs".into())));
    }

    const MARKETING: &str = r#"{"name": "promo", "language": "en_US", "category": "MARKETING", "components": [
        {"type": "BODY", "text": "Our summer sale starts today."}]}"#;

    #[test]
    fn bid_spec_is_retired_for_optimization_spec() {
        let with = |field: &str| MARKETING.replacen('{', &format!("{{{field}, "), 1);
        let bid = check(&with(r#""bid_spec": {"bid_amount": 120}"#));
        assert_eq!(codes(&bid), [(code::BID_SPEC_RETIRED, "/bid_spec".into())]);
        assert!(
            bid.errors[0].message.contains("optimization_spec")
                && bid.errors[0].message.contains("2026-07-31")
        );
        let spec = check(&with(r#""optimization_spec": {"bid_amount": 120}"#));
        assert!(spec.ok && spec.warnings.is_empty(), "{spec:?}");
        let empty = check(&with(r#""optimization_spec": {}"#));
        assert_eq!(codes(&empty), [(code::OPTIMIZATION_SPEC_INVALID, "/optimization_spec".into())]);
        let utility = with(r#""optimization_spec": {"bid_amount": 120}"#).replace("MARKETING", "UTILITY");
        assert_eq!(codes(&check(&utility)), [(code::OPTIMIZATION_SPEC_INVALID, "/optimization_spec".into())]);
    }

    #[test]
    fn a_copy_code_example_is_at_most_15_characters_without_an_offer_too() {
        let coupon = |example: &str| {
            MARKETING.replace(
                r#"{"type": "BODY", "text": "Our summer sale starts today."}"#,
                &format!(
                    r#"{{"type": "BODY", "text": "Our summer sale starts today."}}, {{"type": "BUTTONS", "buttons": [{{"type": "COPY_CODE", "example": "{example}"}}]}}"#
                ),
            )
        };
        assert!(check(&coupon(&"S".repeat(15))).ok);
        assert_eq!(
            codes(&check(&coupon(&"S".repeat(16)))),
            [(code::BUTTON_COPY_CODE_INVALID, "/components/1/buttons/0/example".into())]
        );
    }
}
