//! The Woztell request builders and answer readers, against the documented shapes and samples.

use super::*;
use crate::api::Response;
use crate::error::code;
use crate::json::parse;

fn woztell() -> Woztell {
    Woztell {
        base_url: DEFAULT_BASE_URL.into(),
        version: DEFAULT_VERSION.into(),
        body_token: Some("tok".into()),
        channel_id: Some("696327315430a1f98231dfde".into()),
        waba_id: Some("190787529545503".into()),
        phone_number_id: Some("123164329653069".into()),
    }
}

fn codes(error: &Error) -> Vec<(&str, &str)> {
    error.issues.iter().map(|issue| (issue.code, issue.path.as_str())).collect()
}

#[test]
fn signed_context_is_the_documented_payload_and_base64() {
    let (payload, signed) = signed_context(
        "699802d69a73fc555f1c6bc4",
        "696327325430a1cbd131dfdf",
        "696327315430a1f98231dfde",
        "1RJ7rKRTHbOBoY95AgtXF5WT2578gy9+b4ekBp727cQ=",
    )
    .unwrap();
    assert_eq!(
        payload,
        r#"{"app":"699802d69a73fc555f1c6bc4","appIntegration":"696327325430a1cbd131dfdf","channel":"696327315430a1f98231dfde"}"#
    );
    assert_eq!(signed, "1RJ7rKRTHbOBoY95AgtXF5WT2578gy9+b4ekBp727cQ=.eyJhcHAiOiI2OTk4MDJkNjlhNzNmYzU1NWYxYzZiYzQiLCJhcHBJbnRlZ3JhdGlvbiI6IjY5NjMyNzMyNTQzMGExY2JkMTMxZGZkZiIsImNoYW5uZWwiOiI2OTYzMjczMTU0MzBhMWY5ODIzMWRmZGUifQ==");
    assert!(signed_context("a\"b", "c", "d", "s").is_err());
}

#[test]
fn template_bodies_get_defaults_and_legacy_categories_are_checked_as_metas() {
    let text = r#"{"name":"test_template","language":"en_US","category":"TRANSACTIONAL","components":[{"type":"BODY","text":"hello {{1}} this is body template","example":{"body_text":[["Test"]]}}]}"#;
    let (auth, request) = woztell().create_template(text, &parse(text).unwrap()).unwrap();
    assert_eq!((auth, request.method), (Auth::Token, "PUT"));
    assert_eq!(
        request.url,
        "https://api.whatsapp-cloud.woztell.sanuker.com/v1.2/api/whatsapp-message-template"
    );
    assert!(request
        .body
        .unwrap()
        .starts_with(r#"{"wabaId":"190787529545503","accessToken":"tok","name":"test_template""#));
    let bad = text.replace("TRANSACTIONAL", "GAMES").replace("hello {{1}}", "hello {{2}}");
    let error = woztell().create_template(&bad, &parse(&bad).unwrap()).unwrap_err();
    let found = codes(&error);
    assert!(found.contains(&("woztell.value_invalid", "/category")), "{found:?}");
    assert!(
        found
            .iter()
            .any(|(code, path)| code.starts_with("template.variable") && path.starts_with("/components/0")),
        "{found:?}"
    );
}

#[test]
fn queries_use_json_arrays_and_checked_ranges() {
    let text = r#"{"first":10,"after":"MAZDZD","status":["APPROVED"]}"#;
    let (_, request) = woztell().templates(text, &parse(text).unwrap()).unwrap();
    assert!(request.url.ends_with("whatsapp-message-templates?wabaId=190787529545503&first=10&after=MAZDZD&status=%5B%22APPROVED%22%5D"), "{}", request.url);
    let bad = r#"{"first":101,"after":"a","before":"b"}"#;
    assert_eq!(
        codes(&woztell().templates(bad, &parse(bad).unwrap()).unwrap_err()),
        [("woztell.count_out_of_range", "/first"), ("woztell.one_of", "/before")]
    );
    let analytics = r#"{"from":20,"to":10,"granularity":"HOURLY","dimensions":["planet"]}"#;
    let error = woztell().conversation_analytics(analytics, &parse(analytics).unwrap()).unwrap_err();
    let found = codes(&error);
    assert_eq!(
        found,
        [
            ("woztell.range_invalid", "/to"),
            ("woztell.value_invalid", "/granularity"),
            ("woztell.value_invalid", "/dimensions/0")
        ]
    );
}

#[test]
fn flows_are_checked_and_shaped_as_documented() {
    let flow = r#"{"version":"3.1","screens":[]}"#;
    assert_eq!(woztell().flow_json("9", flow).unwrap_err().code, "validation_failed");
    let meta = r#"{"name":"Test Flow ABC","endpoint_url":"https://x.example/flow"}"#;
    let (auth, request) = woztell().flow_metadata("1005133727262236", meta, &parse(meta).unwrap()).unwrap();
    assert_eq!(auth, Auth::Signed);
    assert_eq!(
        request.body.unwrap(),
        r#"{"flowId":"1005133727262236","data":{"name":"Test Flow ABC"},"endpoint_url":"https://x.example/flow"}"#
    );
    let create = r#"{"name":"x","categories":["GAMES"]}"#;
    assert_eq!(
        codes(&woztell().create_flow(create, &parse(create).unwrap()).unwrap_err()),
        [("woztell.value_invalid", "/categories/0")]
    );
    let (_, delete) = woztell().flow_action("DELETE", "flow", "913687770028833").unwrap();
    assert_eq!((delete.method, delete.body.unwrap().as_str()), ("DELETE", r#"{"flowId":"913687770028833"}"#));
    assert_eq!(
        codes(&woztell().set_encryption("-----BEGIN PRIVATE KEY-----").unwrap_err()),
        [("woztell.public_key_invalid", "/publicKey")]
    );
}

#[test]
fn profiles_get_their_messaging_product() {
    let text = r#"{"profile":{"about":"Hi","websites":["https://woztell.com/"]}}"#;
    let (_, request) = woztell().update_business_profile(text, &parse(text).unwrap()).unwrap();
    assert_eq!(request.method, "PATCH");
    assert_eq!(
        request.body.unwrap(),
        r#"{"phoneNumberId":"123164329653069","accessToken":"tok","profile":{"messaging_product":"whatsapp","about":"Hi","websites":["https://woztell.com/"]}}"#
    );
    let bad = r#"{"profile":{"websites":["a","b","c"],"colour":"red"}}"#;
    let error = woztell().update_business_profile(bad, &parse(bad).unwrap()).unwrap_err();
    let found = codes(&error);
    assert_eq!(
        found,
        [
            ("woztell.unknown_field", "/profile/colour"),
            ("woztell.count_out_of_range", "/profile/websites"),
            ("woztell.value_invalid", "/profile/websites/0"),
            ("woztell.value_invalid", "/profile/websites/1"),
            ("woztell.value_invalid", "/profile/websites/2")
        ]
    );
}

#[test]
fn answers_without_ok_and_error_bodies_become_errors() {
    assert!(check_ok(r#"{"ok":1,"data":[]}"#).is_none());
    let error = check_ok(r#"{"ok":0,"err":"Invalid wabaId"}"#).unwrap();
    assert_eq!(
        (error.code, error.message.as_str()),
        (code::INVALID_REQUEST, "Woztell answered without \"ok\": 1: Invalid wabaId")
    );
    let response =
        Response { status: 401, retry_after: None, body: r#"{"ok":0,"err":"Unauthorized"}"#.into() };
    assert_eq!(
        (errors(&response).code, errors(&response).message.as_str()),
        (code::AUTH_FAILED, "HTTP 401: Unauthorized")
    );
}
