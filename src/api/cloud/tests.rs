//! The management endpoints of issue 21 (groups, block list, calling, QR
//! codes, commerce, phone registration, template archive): each builds
//! Meta's method, path and whole body, and refuses what Meta documents it
//! refuses, with the issue's code and JSON Pointer.
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use super::{example as cloud, Page};
use crate::api::Request;
use crate::json::parse;
use crate::Error;

const V: &str = "https://graph.example/v23.0";
const PHONE: &str = "106540352242922";
const GROUP: &str = "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD";

fn parts(request: Request) -> (&'static str, String, Option<String>) {
    (request.method, request.url, request.body)
}

/// The first issue of a `validation_failed` error: (code, path).
fn issue(error: Error) -> (&'static str, String) {
    assert_eq!(error.code, "validation_failed", "{}", error.message);
    (error.issues[0].code, error.issues[0].path.clone())
}

fn doc(text: &str) -> crate::json::Node<'_> {
    parse(text).unwrap()
}

#[test]
fn groups_are_created_read_listed_updated_and_deleted_on_metas_paths() {
    let text = r#"{"subject":"Spring launch","description":"Early access","join_approval_mode":"approval_required"}"#;
    let (method, url, body) = parts(cloud().create_group(text, &doc(text)).unwrap());
    assert_eq!((method, url.as_str()), ("POST", format!("{V}/{PHONE}/groups").as_str()));
    assert_eq!(body.unwrap(), format!(r#"{{"messaging_product":"whatsapp",{}"#, &text[1..]));
    let get = cloud().get_group(GROUP, None).unwrap();
    assert_eq!(get.url, format!("{V}/{GROUP}?fields={}", super::groups::GROUP_FIELDS));
    assert_eq!(
        cloud().get_group(GROUP, Some("subject,participants")).unwrap().url,
        format!("{V}/{GROUP}?fields=subject,participants")
    );
    assert!(cloud().get_group(GROUP, Some("subject,owner")).is_err());
    let page = Page { limit: Some(10), after: Some("MTAx=".into()), before: None };
    assert_eq!(cloud().list_groups(&page).unwrap().url, format!("{V}/{PHONE}/groups?limit=10&after=MTAx%3D"));
    assert!(cloud().list_groups(&Page { limit: Some(1025), ..Page::default() }).is_err());
    let settings = r#"{"subject":"Spring launch 2"}"#;
    let (method, url, body) = parts(cloud().update_group(GROUP, settings, &doc(settings)).unwrap());
    assert_eq!((method, url), ("POST", format!("{V}/{GROUP}")));
    assert_eq!(body.unwrap(), r#"{"messaging_product":"whatsapp","subject":"Spring launch 2"}"#);
    assert_eq!(parts(cloud().delete_group(GROUP).unwrap()), ("DELETE", format!("{V}/{GROUP}"), None));
    assert!(cloud().delete_group("../me").is_err(), "ids cannot walk the path");
}

#[test]
fn group_bodies_follow_metas_limits() {
    let cases = [
        (r#"{"description":"no subject"}"#, ("cloud.text_empty", "/subject")),
        (r#"{"subject":"   "}"#, ("cloud.text_empty", "/subject")),
        (
            r#"{"subject":"ok","join_approval_mode":"invite_only"}"#,
            ("cloud.value_invalid", "/join_approval_mode"),
        ),
        (r#"{"subject":3}"#, ("wrong_type", "/subject")),
    ];
    for (text, expected) in cases {
        let error = cloud().create_group(text, &doc(text)).unwrap_err();
        assert_eq!(issue(error), (expected.0, expected.1.to_owned()), "{text}");
    }
    let long = format!(r#"{{"subject":"{}"}}"#, "s".repeat(129));
    assert_eq!(issue(cloud().create_group(&long, &doc(&long)).unwrap_err()).0, "cloud.text_too_long");
    let described = format!(r#"{{"subject":"ok","description":"{}"}}"#, "d".repeat(2049));
    assert_eq!(issue(cloud().create_group(&described, &doc(&described)).unwrap_err()).1, "/description");
    let exactly = format!(r#"{{"subject":"{}","description":"{}"}}"#, "s".repeat(128), "d".repeat(2048));
    assert!(cloud().create_group(&exactly, &doc(&exactly)).is_ok());
    // join_approval_mode is set at creation only; an update is subject and description.
    let update = r#"{"subject":""}"#;
    assert_eq!(issue(cloud().update_group(GROUP, update, &doc(update)).unwrap_err()).0, "cloud.text_empty");
    let mode = r#"{"join_approval_mode":"auto_approve"}"#;
    let warned = cloud().update_group(GROUP, mode, &doc(mode));
    assert!(warned.is_ok(), "an unknown key is a warning, as everywhere");
}

#[test]
fn invite_links_participants_and_join_requests() {
    assert_eq!(
        parts(cloud().group_invite_link(GROUP, false).unwrap()),
        ("GET", format!("{V}/{GROUP}/invite_link"), None)
    );
    let (method, _, body) = parts(cloud().group_invite_link(GROUP, true).unwrap());
    assert_eq!((method, body.unwrap().as_str()), ("POST", r#"{"messaging_product":"whatsapp"}"#));
    let users = r#"["+16505551234","16505550000"]"#;
    let (method, url, body) = parts(cloud().remove_group_participants(GROUP, &doc(users)).unwrap());
    assert_eq!((method, url), ("DELETE", format!("{V}/{GROUP}/participants")));
    assert_eq!(
        body.unwrap(),
        r#"{"messaging_product":"whatsapp","participants":[{"user":"+16505551234"},{"user":"16505550000"}]}"#
    );
    let nine = format!("[{}]", [r#""+16505551234""#; 9].join(","));
    assert_eq!(
        issue(cloud().remove_group_participants(GROUP, &doc(&nine)).unwrap_err()),
        ("cloud.list_invalid", String::new())
    );
    assert_eq!(
        issue(cloud().remove_group_participants(GROUP, &doc("[]")).unwrap_err()).0,
        "cloud.list_invalid"
    );
    assert_eq!(
        issue(cloud().remove_group_participants(GROUP, &doc(r#"["+1", " "]"#)).unwrap_err()),
        ("cloud.list_invalid", "/1".to_owned())
    );
    assert_eq!(
        issue(cloud().remove_group_participants(GROUP, &doc(r#"{"user":"+1"}"#)).unwrap_err()).0,
        "wrong_type"
    );
    let requests = r#"["MTY0NjcwNDM1OTU6MTIwMzYzNDA0Njk0MjMzODIw"]"#;
    let approve = cloud().answer_group_join_requests(GROUP, &doc(requests), true).unwrap();
    let reject = cloud().answer_group_join_requests(GROUP, &doc(requests), false).unwrap();
    assert_eq!((approve.method, reject.method), ("POST", "DELETE"));
    assert_eq!(approve.url, format!("{V}/{GROUP}/join_requests"));
    assert_eq!(
        reject.body.unwrap(),
        r#"{"messaging_product":"whatsapp","join_requests":["MTY0NjcwNDM1OTU6MTIwMzYzNDA0Njk0MjMzODIw"]}"#
    );
    let listed = cloud().list_group_join_requests(GROUP, &Page::default()).unwrap();
    assert_eq!(parts(listed), ("GET", format!("{V}/{GROUP}/join_requests"), None));
}

#[test]
fn users_are_blocked_unblocked_and_listed() {
    let users = r#"["+16505551234"]"#;
    let (method, url, body) = parts(cloud().block_users(&doc(users), true).unwrap());
    assert_eq!((method, url), ("POST", format!("{V}/{PHONE}/block_users")));
    assert_eq!(body.unwrap(), r#"{"messaging_product":"whatsapp","block_users":[{"user":"+16505551234"}]}"#);
    assert_eq!(cloud().block_users(&doc(users), false).unwrap().method, "DELETE");
    let many = format!("[{}]", vec![r#""16505551234""#; 1001].join(","));
    assert_eq!(issue(cloud().block_users(&doc(&many), true).unwrap_err()).0, "cloud.list_invalid");
    let page = Page { limit: Some(50), ..Page::default() };
    assert_eq!(cloud().list_blocked_users(&page).unwrap().url, format!("{V}/{PHONE}/block_users?limit=50"));
}

#[test]
fn call_permissions_and_settings() {
    let permissions = cloud().get_call_permissions("16505551234").unwrap();
    assert_eq!(permissions.url, format!("{V}/{PHONE}/call_permissions?user_wa_id=16505551234"));
    assert!(cloud().get_call_permissions(" ").is_err());
    assert_eq!(parts(cloud().get_phone_settings().unwrap()), ("GET", format!("{V}/{PHONE}/settings"), None));
    let settings = r#"{"calling":{"status":"ENABLED","call_icon_visibility":"DEFAULT","callback_permission_status":"ENABLED",
        "call_hours":{"status":"ENABLED","timezone_id":"America/Manaus",
        "weekly_operating_hours":[{"day_of_week":"MONDAY","open_time":"0400","close_time":"1020"},{"day_of_week":"MONDAY","open_time":"1100","close_time":"1800"}],
        "holiday_schedule":[{"date":"2026-12-25","start_time":"0000","end_time":"2359"}]}}}"#;
    let (method, url, body) = parts(cloud().update_call_settings(settings, &doc(settings)).unwrap());
    assert_eq!((method, url, body.unwrap().as_str()), ("POST", format!("{V}/{PHONE}/settings"), settings));
    let cases = [
        (r#"{"status":"ON"}"#, "cloud.value_invalid", "/calling/status"),
        (r#"{"call_icon_visibility":"HIDDEN"}"#, "cloud.value_invalid", "/calling/call_icon_visibility"),
        (
            r#"{"call_hours":{"status":"ENABLED","timezone_id":"Manaus","weekly_operating_hours":[{"day_of_week":"MONDAY","open_time":"0400","close_time":"1020"}]}}"#,
            "cloud.value_invalid",
            "/calling/call_hours/timezone_id",
        ),
        (
            r#"{"call_hours":{"status":"ENABLED","timezone_id":"UTC","weekly_operating_hours":[{"day_of_week":"MONDAY","open_time":"1200","close_time":"0900"}]}}"#,
            "cloud.call_hours_invalid",
            "/calling/call_hours/weekly_operating_hours/0",
        ),
        (
            r#"{"call_hours":{"status":"ENABLED","timezone_id":"UTC","weekly_operating_hours":[{"day_of_week":"MONDAY","open_time":"0900","close_time":"1200"},{"day_of_week":"MONDAY","open_time":"1100","close_time":"1300"}]}}"#,
            "cloud.call_hours_invalid",
            "/calling/call_hours/weekly_operating_hours/1",
        ),
        (
            r#"{"call_hours":{"status":"ENABLED","timezone_id":"UTC","weekly_operating_hours":[{"day_of_week":"FUNDAY","open_time":"0900","close_time":"1200"}]}}"#,
            "cloud.value_invalid",
            "/calling/call_hours/weekly_operating_hours/0/day_of_week",
        ),
        (
            r#"{"call_hours":{"status":"ENABLED","timezone_id":"UTC","weekly_operating_hours":[{"day_of_week":"MONDAY","open_time":"9:00","close_time":"1200"}]}}"#,
            "cloud.value_invalid",
            "/calling/call_hours/weekly_operating_hours/0/open_time",
        ),
        (
            r#"{"call_hours":{"status":"ENABLED","timezone_id":"UTC","weekly_operating_hours":[]}}"#,
            "cloud.call_hours_invalid",
            "/calling/call_hours/weekly_operating_hours",
        ),
        (
            r#"{"call_hours":{"status":"ENABLED","timezone_id":"UTC","weekly_operating_hours":[{"day_of_week":"MONDAY","open_time":"0900","close_time":"1200"}],"holiday_schedule":[{"date":"2026-02-30","start_time":"0000","end_time":"2359"}]}}"#,
            "cloud.value_invalid",
            "/calling/call_hours/holiday_schedule/0/date",
        ),
    ];
    for (calling, code, path) in cases {
        let text = format!(r#"{{"calling":{calling}}}"#);
        assert_eq!(
            issue(cloud().update_call_settings(&text, &doc(&text)).unwrap_err()),
            (code, path.to_owned()),
            "{calling}"
        );
    }
    let three = r#"{"calling":{"call_hours":{"status":"ENABLED","timezone_id":"UTC","weekly_operating_hours":[
        {"day_of_week":"MONDAY","open_time":"0100","close_time":"0200"},{"day_of_week":"MONDAY","open_time":"0300","close_time":"0400"},
        {"day_of_week":"MONDAY","open_time":"0500","close_time":"0600"}]}}}"#;
    assert_eq!(
        issue(cloud().update_call_settings(three, &doc(three)).unwrap_err()).0,
        "cloud.call_hours_invalid"
    );
    assert_eq!(
        issue(cloud().update_call_settings("{}", &doc("{}")).unwrap_err()),
        ("missing", "/calling".to_owned())
    );
}

#[test]
fn qr_codes_are_created_listed_read_updated_and_deleted() {
    let text = r#"{"prefilled_message":"Hi! I'd like the spring catalog","generate_qr_image":"SVG"}"#;
    let (method, url, body) = parts(cloud().save_qr_code(None, text, &doc(text)).unwrap());
    assert_eq!((method, url, body.unwrap().as_str()), ("POST", format!("{V}/{PHONE}/message_qrdls"), text));
    let update = r#"{"prefilled_message":"Hi again"}"#;
    let body = cloud().save_qr_code(Some("4O4YGZEG3RIVE1"), update, &doc(update)).unwrap().body.unwrap();
    assert_eq!(body, r#"{"code":"4O4YGZEG3RIVE1","prefilled_message":"Hi again"}"#);
    assert_eq!(cloud().get_qr_codes(None).unwrap().url, format!("{V}/{PHONE}/message_qrdls"));
    assert_eq!(
        cloud().get_qr_codes(Some("4O4YGZEG3RIVE1")).unwrap().url,
        format!("{V}/{PHONE}/message_qrdls/4O4YGZEG3RIVE1")
    );
    assert_eq!(parts(cloud().delete_qr_code("4O4YGZEG3RIVE1").unwrap()).0, "DELETE");
    let long = format!(r#"{{"prefilled_message":"{}"}}"#, "x".repeat(141));
    assert_eq!(
        issue(cloud().save_qr_code(None, &long, &doc(&long)).unwrap_err()),
        ("cloud.text_too_long", "/prefilled_message".to_owned())
    );
    let gif = r#"{"prefilled_message":"Hi","generate_qr_image":"GIF"}"#;
    assert_eq!(issue(cloud().save_qr_code(None, gif, &doc(gif)).unwrap_err()).1, "/generate_qr_image");
    assert_eq!(
        issue(cloud().save_qr_code(None, "{}", &doc("{}")).unwrap_err()),
        ("cloud.text_empty", "/prefilled_message".to_owned())
    );
}

#[test]
fn commerce_settings_go_in_the_query() {
    assert_eq!(
        cloud().get_commerce_settings().unwrap().url,
        format!("{V}/{PHONE}/whatsapp_commerce_settings")
    );
    let text = r#"{"is_catalog_visible":true,"is_cart_enabled":false}"#;
    let (method, url, body) = parts(cloud().update_commerce_settings(&doc(text)).unwrap());
    assert_eq!(
        (method, url, body),
        (
            "POST",
            format!("{V}/{PHONE}/whatsapp_commerce_settings?is_cart_enabled=false&is_catalog_visible=true"),
            None
        )
    );
    assert_eq!(issue(cloud().update_commerce_settings(&doc("{}")).unwrap_err()).0, "cloud.value_invalid");
    assert_eq!(
        issue(cloud().update_commerce_settings(&doc(r#"{"is_cart_enabled":"yes"}"#)).unwrap_err()),
        ("wrong_type", "/is_cart_enabled".to_owned())
    );
}

#[test]
fn phone_registration_verification_and_pin_keep_the_secrets_out_of_errors() {
    let (method, url, body) = parts(cloud().register_phone_number("123456", Some("IN")).unwrap());
    assert_eq!((method, url), ("POST", format!("{V}/{PHONE}/register")));
    assert_eq!(
        body.unwrap(),
        r#"{"messaging_product":"whatsapp","pin":"123456","data_localization_region":"IN"}"#
    );
    assert_eq!(
        cloud().register_phone_number("123456", None).unwrap().body.unwrap(),
        r#"{"messaging_product":"whatsapp","pin":"123456"}"#
    );
    assert_eq!(
        parts(cloud().deregister_phone_number().unwrap()),
        ("POST", format!("{V}/{PHONE}/deregister"), None)
    );
    let code = cloud().request_verification_code("SMS", "en_US").unwrap();
    assert_eq!(
        (code.url.as_str(), code.body.unwrap().as_str()),
        (format!("{V}/{PHONE}/request_code").as_str(), r#"{"code_method":"SMS","language":"en_US"}"#)
    );
    assert!(cloud().request_verification_code("EMAIL", "en").is_err());
    assert!(cloud().request_verification_code("VOICE", "en\"x").is_err());
    assert_eq!(cloud().verify_code("000111").unwrap().body.unwrap(), r#"{"code":"000111"}"#);
    let pin = cloud().set_two_step_pin("654321").unwrap();
    assert_eq!((pin.url, pin.body.unwrap()), (format!("{V}/{PHONE}"), r#"{"pin":"654321"}"#.to_owned()));
    for secret in ["12345", "1234567", "12a456", "98765\""] {
        for error in [
            cloud().register_phone_number(secret, None).unwrap_err(),
            cloud().set_two_step_pin(secret).unwrap_err(),
            cloud().verify_code(secret).unwrap_err(),
        ] {
            assert_eq!(error.code, "invalid_argument");
            assert!(!error.message.contains(secret), "{}", error.message);
        }
    }
    assert!(cloud().register_phone_number("123456", Some("india")).is_err());
}

#[test]
fn templates_are_archived_and_unarchived_by_id() {
    let ids = r#"["1387372356726668","594425479261596"]"#;
    let (method, url, body) = parts(cloud().archive_templates(&doc(ids), true).unwrap());
    assert_eq!(
        (method, url),
        ("POST", "https://graph.example/v23.0/102290129340398/message_templates/archive".to_owned())
    );
    assert_eq!(body.unwrap(), r#"{"hsm_ids":["1387372356726668","594425479261596"]}"#);
    assert!(cloud()
        .archive_templates(&doc(ids), false)
        .unwrap()
        .url
        .ends_with("/message_templates/unarchive"));
    let many = format!("[{}]", vec![r#""1""#; 101].join(","));
    assert_eq!(issue(cloud().archive_templates(&doc(&many), true).unwrap_err()).0, "cloud.list_invalid");
    assert_eq!(cloud().archive_templates(&doc(r#"["1/2"]"#), true).unwrap_err().code, "invalid_argument");
}
