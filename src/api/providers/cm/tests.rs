//! The `cm` request builders and error readers, against the platform's documented shapes.

use super::*;
use crate::api::Response;
use crate::error::code;
use crate::json::parse;

const PHONE: &str = "5f0c6a1e-8a7b-4c2d-9e3f-0a1b2c3d4e5f";

fn cm() -> Cm {
    Cm {
        base_url: "https://cm.example/".into(),
        prefix: DEFAULT_PREFIX.into(),
        phone_id: Some(PHONE.into()),
        ..Cm::default()
    }
}

fn codes(error: &Error) -> Vec<(&str, &str)> {
    error.issues.iter().map(|issue| (issue.code, issue.path.as_str())).collect()
}

#[test]
fn texts_get_the_selector_and_an_e164_recipient() {
    let text = r#"{"to":"14155552671","text":"hi","preview_url":true}"#;
    let request = cm().send_text(text, &parse(text).unwrap()).unwrap();
    assert_eq!(request.url, "https://cm.example/api/v1/whatsapp/messages");
    assert_eq!(
        request.body.unwrap(),
        format!(r#"{{"phone_id":"{PHONE}","to":"+14155552671","text":"hi","preview_url":true}}"#)
    );
    let bad = r#"{"to":"+1415","text":"","phone_id":"x","phone_number_id":"1","colour":1}"#;
    let error = cm().send_text(bad, &parse(bad).unwrap()).unwrap_err();
    let found = codes(&error);
    assert!(found.contains(&("cm.unknown_field", "/colour")), "{found:?}");
    assert!(found.contains(&("cm.one_of", "/phone_number_id")), "{found:?}");
    assert!(found.contains(&("cm.length_out_of_range", "/text")), "{found:?}");
    assert!(found.iter().any(|(code, path)| code.starts_with("phone.") && *path == "/to"), "{found:?}");
}

#[test]
fn aliases_rename_fields_on_the_wire() {
    let client = Cm { aliases: vec![("template_name".into(), "template".into())], ..cm() };
    let send = crate::api::template_send::prepare(
        "+14155552671",
        r#"{"name":"order_update","language":{"code":"en_US"}}"#,
        None,
    )
    .unwrap();
    let body = client.send_template(&send, None).unwrap().body.unwrap();
    assert_eq!(
        body,
        format!(
            r#"{{"phone_id":"{PHONE}","to":"+14155552671","template":"order_update","language_code":"en_US"}}"#
        )
    );
}

#[test]
fn media_and_interactive_bodies_follow_the_documented_limits() {
    let both = r#"{"to":"+14155552671","kind":"audio","media_id":"1","link":"https://x/a","caption":"c"}"#;
    let found = codes(&cm().send_media(both, &parse(both).unwrap()).unwrap_err())
        .into_iter()
        .map(|(c, p)| format!("{c} {p}"))
        .collect::<Vec<_>>();
    assert_eq!(found, ["cm.one_of /link", "cm.field_not_allowed /caption"]);
    let list = r#"{"to":"+14155552671","interactive_type":"list","body_text":"Pick","button_text":"Options","sections":[{"rows":[{"id":"1","title":"A title that is far too long"}]}],"buttons":[]}"#;
    let error = cm().send_interactive(list, &parse(list).unwrap()).unwrap_err();
    let found = codes(&error);
    assert_eq!(
        found,
        [("cm.length_out_of_range", "/sections/0/rows/0/title"), ("cm.field_not_allowed", "/buttons")]
    );
    let flow = r#"{"to":"+14155552671","interactive_type":"flow","body_text":"Go","flow_cta":"Open","flow_name":"survey","flow_action":"navigate","flow_action_payload":{"screen":"START"}}"#;
    assert!(cm().send_interactive(flow, &parse(flow).unwrap()).is_ok());
}

#[test]
fn days_templates_and_campaigns_are_checked_before_sending() {
    let days = r#"{"days":91}"#;
    let error = cm().analytics("timeseries", days, &parse(days).unwrap()).unwrap_err();
    assert_eq!(codes(&error), [("cm.days_out_of_range", "/days")]);
    let ok = r#"{"days":90}"#;
    assert!(cm()
        .analytics("costs", ok, &parse(ok).unwrap())
        .unwrap()
        .url
        .ends_with("/analytics/costs?days=90"));
    let template =
        r#"{"waba_id":"1","name":"Bad Name","category":"MARKETING","language":"en_US","components":[]}"#;
    let error = cm().create_template(template, &parse(template).unwrap()).unwrap_err();
    let found = codes(&error);
    assert!(found.contains(&("template.name_invalid", "/name")), "{found:?}");
    let none =
        r#"{"name":"a","category":"UTILITY","language":"en_US","components":[{"type":"BODY","text":"Hi"}]}"#;
    assert_eq!(
        codes(&cm().create_template(none, &parse(none).unwrap()).unwrap_err()),
        [("cm.one_of", "/account_id")]
    );
    let recipients = r#"[{"to_phone":"14155552671","variables":{"1":"Ana"}},{"to_phone":"+1415"}]"#;
    let error = cm().add_recipients(PHONE, recipients, &parse(recipients).unwrap()).unwrap_err();
    assert!(error.issues.iter().all(|issue| issue.path == "/1/to_phone"), "{:?}", error.issues);
    let campaign = r#"{"name":"Spring","template_name":"sale"}"#;
    let body = cm().create_campaign(campaign, &parse(campaign).unwrap()).unwrap().body.unwrap();
    assert!(body.starts_with(&format!(r#"{{"phone_number_id":"{PHONE}""#)), "{body}");
}

#[test]
fn uploads_and_ids_are_checked() {
    assert_eq!(
        codes(&cm().upload_media("video/mp4", MAX_UPLOAD_BYTES + 1, "a.mp4", None).unwrap_err()),
        [("cm.media_too_large", "/file")]
    );
    let upload = cm().upload_media("video/mp4", 10, "a.mp4", None).unwrap();
    assert_eq!(upload.form.first().map(|part| part.name), Some("phone_id"));
    assert!(cm().delete_template("../x").is_err());
    assert_eq!(cm().link_bot(PHONE, None).unwrap().body.unwrap(), r#"{"bot_id":null}"#);
    let read = cm().mark_read("wamid.HBg=", true, None).unwrap();
    assert_eq!(read.body.unwrap(), format!(r#"{{"phone_id":"{PHONE}","typing_indicator":true}}"#));
}

#[test]
fn every_error_envelope_is_read() {
    let response = |status, body: &str| Response { status, retry_after: None, body: body.into() };
    let scope =
        errors(&response(403, r#"{"detail":"API key missing required scope: whatsapp:send. Add it."}"#));
    assert_eq!(scope.code, code::PERMISSION_DENIED);
    let scope = with_scope(scope, "whatsapp:send");
    assert!(
        scope.message.contains("missing required scope: whatsapp:send")
            && scope.message.ends_with("whatsapp:send scope)")
    );
    let invalid = errors(&response(
        422,
        r#"{"detail":[{"type":"missing","loc":["body","to"],"msg":"Field required","input":{}}]}"#,
    ));
    assert_eq!(
        (invalid.code, invalid.message.as_str()),
        (code::INVALID_REQUEST, "HTTP 422: body.to: Field required")
    );
    let platform = errors(&response(
        400,
        r#"{"error":{"code":"rate_limit_exceeded","message":"Slow down","type":"rate_limit"}}"#,
    ));
    assert_eq!((platform.code, platform.retryable), (code::RATE_LIMITED, Some(true)));
    let limited = errors(&Response { status: 429, retry_after: Some("3".into()), body: "{}".into() });
    assert_eq!((limited.code, limited.retry_after_ms), (code::RATE_LIMITED, Some(3000)));
    assert_eq!(errors(&response(502, "<html>")).code, code::SERVER_ERROR);
    assert_eq!(with_scope(Error::invalid_argument("x"), "whatsapp:read").message, "x");
}

#[test]
fn text_the_caller_wrote_gets_line_and_column() {
    let text = "{\n  \"to\": \"+14155552671\",\n  \"text\": \"\"\n}";
    let source = Source { text, from_caller: true };
    let error = cm().send_text(source, &parse(text).unwrap()).unwrap_err();
    let issue = &error.issues[0];
    assert_eq!(
        (issue.code, issue.path.as_str(), issue.line, issue.column),
        ("cm.length_out_of_range", "/text", Some(3), Some(11))
    );
    // An object's JSON (no text from the caller) has pointers only.
    let error = cm().send_text(text, &parse(text).unwrap()).unwrap_err();
    assert_eq!(error.issues[0].line, None);
}
