//! The Cirrus (CommBox) request builders and error reader, against the documented V2 body.

use super::*;
use crate::json::parse;

fn cirrus() -> Cirrus {
    Cirrus { base_url: "https://api.example/".into(), stream_id: "aBc+1/x==".into(), v2_prefix: "/v2".into() }
}

fn item(to: &str) -> String {
    format!(
        r#"{{"template_data":{{"to":{to},"template":{{"name":"Text Template","language":{{"code":"en"}},"components":[]}}}}}}"#
    )
}

fn body(items: &[String]) -> String {
    format!(r#"{{"data":[{}]}}"#, items.join(","))
}

fn issues(text: &str) -> Vec<(&'static str, String)> {
    let doc = parse(text).unwrap();
    let report = validate_send(&doc, None);
    report.errors.into_iter().chain(report.warnings).map(|i| (i.code, i.path)).collect()
}

#[test]
fn a_send_goes_to_the_v2_path_with_the_stream_id_encoded_and_numbers_as_digits() {
    let text = body(&[item(r#""+1 (917) 253-7000""#), item("972537280801")]);
    let request = cirrus().send_templated_message(&text, &parse(&text).unwrap(), false).unwrap();
    assert_eq!(request.url, "https://api.example/v2/whatsapp/sendtemplatedmessage/aBc%2B1%2Fx%3D%3D");
    let sent = request.body.unwrap();
    assert!(sent.contains(r#""to":"19172537000""#), "{sent}");
    assert!(sent.contains(r#""to":"972537280801""#), "{sent}");
    assert!(!request.idempotent);
    let unprefixed = Cirrus { v2_prefix: String::new(), ..cirrus() };
    let request = unprefixed.send_templated_message(&text, &parse(&text).unwrap(), false).unwrap();
    assert!(request.url.starts_with("https://api.example/whatsapp/sendtemplatedmessage/"));
}

#[test]
fn one_to_twenty_recipients() {
    let twenty: Vec<String> = (0..20).map(|i| item(&format!(r#""1917253{i:04}""#))).collect();
    assert_eq!(issues(&body(&twenty)), []);
    let mut more = twenty.clone();
    more.push(item(r#""19172538000""#));
    assert_eq!(issues(&body(&more)), [(code::TOO_MANY_RECIPIENTS, "/data".to_owned())]);
    assert_eq!(issues(r#"{"data":[]}"#), [(code::NO_RECIPIENTS, "/data".to_owned())]);
    assert_eq!(issues("{}"), [("missing", "/data".to_owned())]);
}

#[test]
fn recipients_must_be_numbers_and_repeats_are_flagged() {
    let found = issues(&body(&[
        item(r#""+1 415""#),
        item(r#""abc""#),
        item("19172537000"),
        item(r#""19172537000""#),
    ]));
    assert_eq!(
        found,
        [
            (code::RECIPIENT_INVALID, "/data/0/template_data/to".to_owned()),
            (code::RECIPIENT_INVALID, "/data/1/template_data/to".to_owned()),
            (code::RECIPIENT_REPEATED, "/data/3/template_data/to".to_owned()),
        ]
    );
}

#[test]
fn schedules_are_unix_seconds_and_sent_as_integers() {
    let scheduled =
        |value: &str| body(&[format!(r#"{{"schedule":{value},{}"#, &item(r#""19172537000""#)[1..])]);
    assert_eq!(issues(&scheduled("1739365010")), []);
    assert_eq!(issues(&scheduled(r#""1739365010""#)), []);
    for bad in ["1739365010000", r#""soon""#, "-1", "1.5"] {
        assert_eq!(
            issues(&scheduled(bad)),
            [(code::SCHEDULE_INVALID, "/data/0/schedule".to_owned())],
            "{bad}"
        );
    }
    let text = scheduled(r#""1739365010""#);
    let sent = cirrus().send_templated_message(&text, &parse(&text).unwrap(), false).unwrap().body.unwrap();
    assert!(sent.starts_with(r#"{"data":[{"schedule":1739365010,"#), "{sent}");
}

#[test]
fn header_media_by_link_or_uploaded_id_and_object_data() {
    let header = |media: &str| {
        format!(
            r#"{{"data":[{{"template_data":{{"to":"19172537000","template":{{"name":"header_video","language":{{"code":"en"}},"components":[{{"type":"header","parameters":[{{"type":"video","video":{media}}}]}}]}}}},"object_data":{{"createChildObject":true,"SubStreamId":0,"StatusId":13,"ManagerId":78121,"Content":{{}},"User":{{"Phone1":"19172537000","Email":"a@b.c"}}}}}}]}}"#
        )
    };
    assert_eq!(issues(&header(r#"{"id":"27f8b007-7750-418e-9852-b4f8b7f95b9f"}"#)), []);
    assert_eq!(issues(&header(r#"{"link":"https://example.com/a.mp4"}"#)), []);
    let both = header(r#"{"id":"1","link":"https://example.com/a.mp4"}"#);
    let path = "/data/0/template_data/template/components/0/parameters/0/video";
    assert_eq!(issues(&both), [("message.media_source", format!("{path}/link"))]);
    assert_eq!(issues(&header("{}")), [("message.media_source", path.to_owned())]);
    let bad_status = header(r#"{"id":"1"}"#).replace(r#""StatusId":13"#, r#""StatusId":12"#);
    assert_eq!(issues(&bad_status), [(code::OBJECT_STATUS, "/data/0/object_data/StatusId".to_owned())]);
    let no_email = header(r#"{"id":"1"}"#).replace(r#","Email":"a@b.c""#, "");
    assert_eq!(issues(&no_email), [("missing", "/data/0/object_data/User/Email".to_owned())]);
}

#[test]
fn the_neutral_template_send_is_one_data_item() {
    let template = r#"{"name":"order_update","language":{"code":"en_US"},"components":[{"type":"body","parameters":[{"type":"text","text":"A12"}]}]}"#;
    let send = crate::api::template_send::prepare("+14155552671", template, None).unwrap();
    let request = cirrus().send_template(&send).unwrap();
    assert_eq!(
        request.body.unwrap(),
        format!(r#"{{"data":[{{"template_data":{{"to":"14155552671","template":{template}}}}}]}}"#)
    );
}

#[test]
fn uploads_and_contact_checks() {
    let upload = cirrus().upload_media("video/mp4", 1000, "a.mp4").unwrap();
    assert_eq!(upload.url, "https://api.example/whatsapp/uploadmedia/aBc%2B1%2Fx%3D%3D");
    assert_eq!(upload.form[0].name, "pic");
    assert_eq!(cirrus().upload_media("image/gif", 10, "a.gif").unwrap_err().code, "invalid_argument");
    let check = cirrus().validate_contact("+1 415 555 2671").unwrap();
    assert_eq!(check.url, "https://api.example/whatsapp/validatecontact/aBc%2B1%2Fx%3D%3D/14155552671");
    let bad = cirrus().validate_contact("+1 415").unwrap_err();
    assert_eq!((bad.code, bad.issues[0].path.as_str()), ("validation_failed", "/phone"));
}

#[test]
fn failures_carry_the_description_and_failed_recipients() {
    let body = r#"{"status":"400","description":"Missing parameter template_name","response_time":"2024-08-06T07:51:52.2581942Z","data":[{"recipient":972546663529,"status":400,"failed":"invalid — Not a valid WhatsApp user"}]}"#;
    let error = failure(&Response { status: 400, retry_after: None, body: body.into() });
    assert_eq!(error.code, "invalid_request");
    assert_eq!(
        error.message,
        "HTTP 400: Missing parameter template_name; 972546663529: invalid — Not a valid WhatsApp user"
    );
    let empty = failure(&Response { status: 401, retry_after: None, body: String::new() });
    assert_eq!((empty.code, empty.message.as_str()), ("auth_failed", "HTTP 401 (the body is not JSON)"));
}
