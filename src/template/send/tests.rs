//! Template sends checked with and without their definition, from the
//! examples and limits of Meta's template pages (send template messages,
//! multi-product, limited-time offer, business-scoped user ids).
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use super::{code, validate_template_send, validate_template_send_alone};
use crate::json::parse;
use crate::report::Report;

fn alone(send: &str) -> Report {
    validate_template_send_alone(&parse(send).unwrap(), None)
}

fn against(definition: &str, send: &str) -> Report {
    validate_template_send(&parse(definition).unwrap(), &parse(send).unwrap(), None)
}

/// (code, path, metaCode) of every error.
fn errors(report: &Report) -> Vec<(&'static str, String, Option<u32>)> {
    report.errors.iter().map(|issue| (issue.code, issue.path.clone(), issue.meta_code)).collect()
}

/// A send whose only parameterised part is `components` (JSON array text).
fn send_of(components: &str) -> String {
    format!(r#"{{"name": "t", "language": {{"code": "en_US"}}, "components": {components}}}"#)
}

fn text(length: usize) -> String {
    format!(r#"{{"type": "text", "text": "{}"}}"#, "x".repeat(length))
}

/// Meta's "Send template messages" example: a text header, and a body with
/// text, currency and date_time parameters.
const META_EXAMPLE: &str = r#"{"name": "order_confirmation", "language": {"code": "en_US"}, "components": [
    {"type": "header", "parameters": [{"type": "text", "text": "Order #1234"}]},
    {"type": "body", "parameters": [
        {"type": "text", "text": "Pablo"},
        {"type": "currency", "currency": {"fallback_value": "$100.99", "code": "USD", "amount_1000": 100990}},
        {"type": "date_time", "date_time": {"fallback_value": "February 25, 1977"}}]}]}"#;

#[test]
fn metas_example_passes_without_its_definition() {
    let report = alone(META_EXAMPLE);
    assert!(report.ok, "{report:?}");
    assert!(report.warnings.is_empty(), "{report:?}");
}

#[test]
fn header_text_is_at_most_60_characters() {
    let header = |n| send_of(&format!(r#"[{{"type": "header", "parameters": [{}]}}]"#, text(n)));
    assert!(alone(&header(60)).ok);
    assert_eq!(
        errors(&alone(&header(61))),
        [(code::PARAMETER_VALUE, "/components/0/parameters/0/text".into(), Some(132_005))]
    );
}

#[test]
fn a_header_takes_one_parameter_of_a_header_type() {
    let two = send_of(&format!(r#"[{{"type": "header", "parameters": [{}, {}]}}]"#, text(3), text(3)));
    assert_eq!(
        errors(&alone(&two)),
        [(code::PARAMETER_COUNT, "/components/0/parameters".into(), Some(132_000))]
    );
    let none = send_of(r#"[{"type": "header", "parameters": []}]"#);
    assert_eq!(errors(&alone(&none))[0].0, code::PARAMETER_COUNT);
    let payload = send_of(r#"[{"type": "header", "parameters": [{"type": "payload", "payload": "x"}]}]"#);
    assert_eq!(
        errors(&alone(&payload)),
        [(code::PARAMETER_TYPE, "/components/0/parameters/0/type".into(), Some(132_012))]
    );
    for media in [
        r#"{"type": "image", "image": {"link": "https://x.example/a.png"}}"#,
        r#"{"type": "document", "document": {"id": "1", "filename": "a.pdf"}}"#,
        r#"{"type": "location", "location": {"latitude": "37.48", "longitude": "-122.15", "name": "HQ", "address": "1 Hacker Way"}}"#,
    ] {
        let report = alone(&send_of(&format!(r#"[{{"type": "header", "parameters": [{media}]}}]"#)));
        assert!(report.ok, "{media}: {report:?}");
    }
}

#[test]
fn body_text_is_1024_beside_other_components_and_32768_alone() {
    let beside = |n| {
        send_of(&format!(
            r#"[{{"type": "header", "parameters": [{}]}}, {{"type": "body", "parameters": [{}]}}]"#,
            text(3),
            text(n)
        ))
    };
    assert!(alone(&beside(1024)).ok);
    assert_eq!(errors(&alone(&beside(1025)))[0].1, "/components/1/parameters/0/text");
    let only = |n| send_of(&format!(r#"[{{"type": "body", "parameters": [{}]}}]"#, text(n)));
    assert!(alone(&only(32_768)).ok);
    assert_eq!(
        errors(&alone(&only(32_769))),
        [(code::PARAMETER_VALUE, "/components/0/parameters/0/text".into(), Some(132_005))]
    );
}

#[test]
fn button_parameters_cannot_be_empty() {
    for (sub_type, param, field) in [
        ("url", r#"{"type": "text", "text": ""}"#, "text"),
        ("quick_reply", r#"{"type": "payload", "payload": "  "}"#, "payload"),
        ("copy_code", r#"{"type": "coupon_code", "coupon_code": ""}"#, "coupon_code"),
    ] {
        let send = send_of(&format!(
            r#"[{{"type": "button", "sub_type": "{sub_type}", "index": "0", "parameters": [{param}]}}]"#
        ));
        assert_eq!(
            errors(&alone(&send)),
            [(code::PARAMETER_VALUE, format!("/components/0/parameters/0/{field}"), Some(131_009))],
            "{sub_type}"
        );
        let filled = send.replace(r#": """#, r#": "ABC""#).replace(r#": "  ""#, r#": "ABC""#);
        assert!(alone(&filled).ok, "{filled}");
    }
}

#[test]
fn named_and_positional_parameters_do_not_mix() {
    let mixed = send_of(
        r#"[{"type": "body", "parameters": [
            {"type": "text", "parameter_name": "first_name", "text": "Pablo"},
            {"type": "text", "text": "Friday"}]}]"#,
    );
    assert_eq!(
        errors(&alone(&mixed)),
        [(code::PARAMETER_NAMES_MIXED, "/components/0/parameters/1".into(), Some(100))]
    );
    let named = mixed.replace(
        r#"{"type": "text", "text": "Friday"}"#,
        r#"{"type": "text", "parameter_name": "day", "text": "Friday"}"#,
    );
    assert!(alone(&named).ok);
    // A product header has no name in a named template (Meta's SPM example).
    let spm = send_of(
        r#"[{"type": "header", "parameters": [{"type": "product", "product": {"product_retailer_id": "1", "catalog_id": "2"}}]},
            {"type": "body", "parameters": [{"type": "text", "parameter_name": "code", "text": "25OFF"}]}]"#,
    );
    assert!(alone(&spm).ok, "{:?}", alone(&spm));
}

/// Meta's multi-product template send: a thumbnail and titled sections.
fn mpm(sections: &str) -> String {
    send_of(&format!(
        r#"[{{"type": "button", "sub_type": "mpm", "index": 0, "parameters": [{{"type": "action", "action": {{
            "thumbnail_product_retailer_id": "2lc20305pt", "sections": {sections}}}}}]}}]"#
    ))
}

#[test]
fn multi_product_sections_are_titled_when_more_than_one() {
    let titled = r#"[{"title": "Popular Bundles", "product_items": [{"product_retailer_id": "2lc20305pt"}]},
                     {"title": "Premium Packages", "product_items": [{"product_retailer_id": "nseiw1x3a5"}]}]"#;
    assert!(alone(&mpm(titled)).ok);
    let one_untitled = r#"[{"product_items": [{"product_retailer_id": "2lc20305pt"}]}]"#;
    assert!(alone(&mpm(one_untitled)).ok);
    let untitled = titled.replace(r#""title": "Premium Packages", "#, "");
    assert_eq!(
        errors(&alone(&mpm(&untitled))),
        [(code::MPM_SECTIONS, "/components/0/parameters/0/action/sections/1/title".into(), None)]
    );
    let blank = titled.replace("Premium Packages", " ");
    assert_eq!(errors(&alone(&mpm(&blank)))[0].0, code::MPM_SECTIONS);
    assert_eq!(errors(&alone(&mpm("[]")))[0].1, "/components/0/parameters/0/action/sections");
}

#[test]
fn an_offer_expires_at_a_positive_time_in_milliseconds() {
    let offer = |ms: &str| {
        send_of(&format!(
            r#"[{{"type": "limited_time_offer", "parameters": [{{"type": "limited_time_offer", "limited_time_offer": {{"expiration_time_ms": {ms}}}}}]}}]"#
        ))
    };
    assert!(alone(&offer("1893456000000")).ok);
    let path = "/components/0/parameters/0/limited_time_offer/expiration_time_ms";
    for bad in ["0", "-1"] {
        assert_eq!(errors(&alone(&offer(bad))), [(code::LTO_EXPIRATION, path.into(), None)], "{bad}");
    }
}

const AUTH: &str = r#"{"name": "login_code", "language": "en", "category": "AUTHENTICATION", "components": [
    {"type": "BODY", "add_security_recommendation": true},
    {"type": "BUTTONS", "buttons": [{"type": "OTP", "otp_type": "COPY_CODE", "text": "Copy code"}]}]}"#;

fn auth_message(address: &str) -> String {
    format!(
        r#"{{"messaging_product": "whatsapp", {address}, "type": "template", "template": {{"name": "login_code",
        "language": {{"code": "en"}}, "components": [{{"type": "body", "parameters": [{{"type": "text", "text": "123456"}}]}},
        {{"type": "button", "sub_type": "url", "index": "0", "parameters": [{{"type": "text", "text": "123456"}}]}}]}}}}"#
    )
}

#[test]
fn authentication_templates_cannot_go_to_a_bsuid() {
    for bsuid in ["US.13491208655302741918", "US.ENT.11815799212886844830"] {
        let report = against(AUTH, &auth_message(&format!(r#""recipient": "{bsuid}""#)));
        assert_eq!(errors(&report), [(code::AUTH_TO_BSUID, "/recipient".into(), Some(131_062))], "{bsuid}");
    }
    // With a phone number as well, the phone number wins.
    let both = auth_message(r#""to": "+16505551234", "recipient": "US.13491208655302741918""#);
    assert!(against(AUTH, &both).ok);
    assert!(against(AUTH, &auth_message(r#""to": "+16505551234""#)).ok);
    // Other categories may go to a BSUID.
    let utility = AUTH.replace("AUTHENTICATION", "UTILITY").replace(
        r#"{"type": "BODY", "add_security_recommendation": true}"#,
        r#"{"type": "BODY", "text": "Your code {{1}}", "example": {"body_text": [["123456"]]}}"#,
    );
    let to_bsuid = auth_message(r#""recipient": "US.13491208655302741918""#);
    assert!(errors(&against(&utility, &to_bsuid)).iter().all(|e| e.0 != code::AUTH_TO_BSUID));
}

const ORDER: &str = r#"{"name": "t", "language": "en_US", "category": "UTILITY", "components": [
    {"type": "BODY", "text": "Order {{1}} has shipped.", "example": {"body_text": [["A12"]]}}]}"#;

#[test]
fn missing_components_are_reported_where_they_belong() {
    let without_body = send_of(r#"[]"#);
    assert_eq!(
        errors(&against(ORDER, &without_body)),
        [(code::PARAMETER_MISSING, "/components".into(), Some(131_008))]
    );
    let no_components = r#"{"name": "t", "language": {"code": "en_US"}}"#;
    assert_eq!(
        errors(&against(ORDER, no_components)),
        [(code::PARAMETER_MISSING, "/components".into(), Some(131_008))]
    );
    let message = format!(
        r#"{{"messaging_product": "whatsapp", "to": "+16505551234", "type": "template", "template": {without_body}}}"#
    );
    assert_eq!(errors(&against(ORDER, &message))[0].1, "/template/components");
}

#[test]
fn a_card_without_its_body_is_reported_at_the_cards_components() {
    let card = r#"{"components": [{"type": "HEADER", "format": "IMAGE", "example": {"header_handle": ["4::a"]}},
        {"type": "BODY", "text": "Plant {{1}}", "example": {"body_text": [["Aloe"]]}}]}"#;
    let definition = format!(
        r#"{{"name": "t", "language": "en_US", "category": "MARKETING", "components": [
        {{"type": "BODY", "text": "See our plants."}}, {{"type": "CAROUSEL", "cards": [{card}, {card}]}}]}}"#
    );
    let card = |index: usize, body: bool| {
        let body =
            if body { r#", {"type": "body", "parameters": [{"type": "text", "text": "Aloe"}]}"# } else { "" };
        format!(
            r#"{{"card_index": {index}, "components": [{{"type": "header", "parameters": [{{"type": "image", "image": {{"id": "9"}}}}]}}{body}]}}"#
        )
    };
    let send =
        send_of(&format!(r#"[{{"type": "carousel", "cards": [{}, {}]}}]"#, card(0, true), card(1, false)));
    assert_eq!(
        errors(&against(&definition, &send)),
        [(code::PARAMETER_MISSING, "/components/0/cards/1/components".into(), Some(131_008))]
    );
}

#[test]
fn validate_message_applies_the_rules_without_a_definition() {
    let message = format!(
        r#"{{"messaging_product": "whatsapp", "to": "+16505551234", "type": "template", "template": {}}}"#,
        send_of(&format!(r#"[{{"type": "header", "parameters": [{}]}}]"#, text(61)))
    );
    let report = crate::message::validate_message(&parse(&message).unwrap(), None);
    assert_eq!(
        errors(&report),
        [(code::PARAMETER_VALUE, "/template/components/0/parameters/0/text".into(), Some(132_005))]
    );
    let fine = format!(
        r#"{{"messaging_product": "whatsapp", "to": "+16505551234", "type": "template", "template": {META_EXAMPLE}}}"#
    );
    assert!(crate::message::validate_message(&parse(&fine).unwrap(), None).ok);
}
