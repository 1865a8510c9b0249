use super::*;
use crate::json::parse;

const WORKSPACE: &str = "2d7a8ab8-b7a2-4a0d-9c5f-6c0c0b5d8a11";
const CHANNEL: &str = "8e0f1a52-2c6b-4f43-8a55-0d2c7d6f3b22";
/// 2026-01-01T10:00:00Z.
const NOW: i64 = 1_767_261_600_000;
const RECEIVER: &str =
    r#""receiver":{"contacts":[{"identifierKey":"phonenumber","identifierValue":"+31612345678"}]}"#;

fn bird() -> Bird {
    Bird::new("https://api.example/".into(), WORKSPACE.into(), CHANNEL.into()).unwrap()
}

fn with_body(body: &str) -> String {
    format!(r#"{{{RECEIVER},"body":{body}}}"#)
}

fn issues(text: &str) -> Vec<(&'static str, String)> {
    let doc = parse(text).unwrap_or_else(|issue| panic!("{text}: {issue:?}"));
    let report = validate_message(&doc, None, NOW);
    report.errors.into_iter().chain(report.warnings).map(|i| (i.code, i.path)).collect()
}

fn one(code: &'static str, path: &str) -> Vec<(&'static str, String)> {
    vec![(code, path.to_owned())]
}

/// Every body of the seed's examples (PROVIDERS.md §1.4), as Bird documents them.
const SEED_BODIES: [&str; 22] = [
    r#"{"type":"text","text":{"text":"Single text message"}}"#,
    r#"{"type":"text","text":{"text":"With reply actions","actions":[{"type":"reply","reply":{"text":"Reply action 1"}},{"type":"reply","reply":{"text":"Reply action 2"}}]}}"#,
    r#"{"type":"text","text":{"text":"With postback actions","actions":[{"type":"postback","postback":{"text":"Postback action 1","payload":"postback-payload-1"}},{"type":"postback","postback":{"text":"Postback action 2","payload":"postback-payload-2"}}]}}"#,
    r#"{"type":"text","text":{"text":"Reply and postback","actions":[{"type":"postback","postback":{"text":"Postback","payload":"p"}},{"type":"reply","reply":{"text":"Reply"}}]}}"#,
    r#"{"type":"text","text":{"text":"Where are you?","actions":[{"type":"locationRequest"}]}}"#,
    r#"{"type":"image","image":{"images":[{"altText":"Label of first image","mediaUrl":"https://example.com/1.jpg"}]}}"#,
    r#"{"type":"image","image":{"text":"An image","images":[{"mediaUrl":"https://example.com/1.jpg"}]}}"#,
    r#"{"type":"image","image":{"text":"Two images","images":[{"mediaUrl":"https://example.com/1.jpg"},{"mediaUrl":"https://example.com/2.jpg"}]}}"#,
    r#"{"type":"image","image":{"text":"t","images":[{"mediaUrl":"https://example.com/1.jpg"}],"actions":[{"type":"postback","postback":{"payload":"a","text":"A"}},{"type":"postback","postback":{"payload":"b","text":"B"}}]}}"#,
    r#"{"type":"image","image":{"images":[{"altText":"Label","mediaUrl":"https://example.com/1.jpg"}],"actions":[{"type":"reply","reply":{"text":"A"}},{"type":"reply","reply":{"text":"B"}}]}}"#,
    r#"{"type":"image","image":{"images":[{"altText":"Label","mediaUrl":"https://example.com/1.jpg"}],"actions":[{"type":"postback","postback":{"text":"A","payload":"a"}},{"type":"reply","reply":{"text":"B"}}]}}"#,
    r#"{"type":"image","image":{"images":[{"altText":"One","mediaUrl":"https://example.com/1.jpg"},{"altText":"Two","mediaUrl":"https://example.com/2.jpg"}],"actions":[{"type":"postback","postback":{"text":"A","payload":"a"}},{"type":"postback","postback":{"text":"B","payload":"b"}}]}}"#,
    r#"{"type":"image","image":{"images":[{"mediaUrl":"https://example.com/1.jpg"},{"mediaUrl":"https://example.com/2.jpg"}],"actions":[{"type":"reply","reply":{"text":"A"}},{"type":"reply","reply":{"text":"B"}}]}}"#,
    r#"{"type":"image","image":{"images":[{"altText":"One","mediaUrl":"https://example.com/1.jpg"},{"altText":"Two","mediaUrl":"https://example.com/2.jpg"}],"actions":[{"type":"postback","postback":{"text":"A","payload":"a"}},{"type":"reply","reply":{"text":"B"}}]}}"#,
    r#"{"type":"file","file":{"text":"A video","files":[{"contentType":"video/mp4","mediaUrl":"https://example.com/v.mp4"}]}}"#,
    r#"{"type":"file","file":{"text":"t","files":[{"contentType":"video/mp4","mediaUrl":"https://example.com/v.mp4"}],"actions":[{"type":"postback","postback":{"text":"Postback action"}},{"type":"reply","reply":{"text":"Reply"}}]}}"#,
    r#"{"type":"file","file":{"text":"t","files":[{"contentType":"video/mp4","mediaUrl":"https://example.com/v.mp4"},{"contentType":"application/pdf","mediaUrl":"https://example.com/p.pdf"}]}}"#,
    r#"{"type":"file","file":{"text":"t","files":[{"contentType":"video/mp4","mediaUrl":"https://example.com/v.mp4"},{"contentType":"application/pdf","mediaUrl":"https://example.com/p.pdf","filename":"passport.pdf"}]}}"#,
    r#"{"type":"file","file":{"text":"t","files":[{"contentType":"application/pdf","mediaUrl":"https://example.com/p.pdf"}],"actions":[{"type":"postback","postback":{"text":"A","payload":"a"}},{"type":"postback","postback":{"text":"B","payload":"b"}},{"type":"reply","reply":{"text":"C"}}]}}"#,
    r#"{"type":"location","location":{"coordinates":{"latitude":52.34,"longitude":4.90},"location":{"address":"Trompenburgstraat 2C","label":"Bird HQ"}}}"#,
    r#"{"type":"list","list":{"text":"List text","title":"List title","altText":"alt","items":[{"actions":[{"type":"postback","postback":{"payload":"1","text":"One"}},{"type":"postback","postback":{"payload":"2","text":"Two"}}]}]}}"#,
    r#"{"type":"list","list":{"text":"List text","metadata":{"button":{"label":"Show options"}},"items":[{"title":"Section 1","actions":[{"type":"postback","postback":{"payload":"1","text":"One","metadata":{"description":{"label":"The first"}}}}]},{"title":"Section 2","actions":[{"type":"postback","postback":{"payload":"2","text":"Two"}}]}]}}"#,
];

#[test]
fn every_seed_body_passes_and_goes_to_the_channels_messages_path() {
    for body in SEED_BODIES {
        let text = with_body(body);
        assert_eq!(issues(&text), [], "{body}");
        let request = bird().send_message(&text, &parse(&text).unwrap(), NOW, false).unwrap();
        assert_eq!(
            request.url,
            format!("https://api.example/workspaces/{WORKSPACE}/channels/{CHANNEL}/messages")
        );
        assert_eq!(request.body.as_deref(), Some(text.as_str()));
        assert!(!request.idempotent);
    }
    let reply = format!(
        r#"{{{RECEIVER},"body":{},"replyTo":{{"id":"b4f2c0a8-1111-4222-8333-944455556666","type":"message"}}}}"#,
        SEED_BODIES[0]
    );
    assert_eq!(issues(&reply), []);
    assert_eq!(
        issues(&format!(
            r#"{{{RECEIVER},"template":{{"projectId":"ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318","version":"latest","locale":"en","parameters":[{{"type":"string","key":"name","value":"Robert"}}]}}}}"#
        )),
        []
    );
}

#[test]
fn uuids_are_recognised() {
    assert!(is_uuid("ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318"));
    assert!(is_uuid("CE6A2FD6-B2FA-4F5A-A2CD-F3BD15883318"));
    assert!(!is_uuid("ce6a2fd6b2fa4f5aa2cdf3bd15883318"));
    assert!(!is_uuid("ce6a2fd6-b2fa-4f5a-a2cd-f3bd1588331g"));
    assert!(!is_uuid("../workspaces"));
}

#[test]
fn ids_must_be_uuids() {
    assert_eq!(Bird::new(String::new(), "ws".into(), CHANNEL.into()).unwrap_err().code, "invalid_argument");
    assert_eq!(
        Bird::new(String::new(), WORKSPACE.into(), "../x".into()).unwrap_err().code,
        "invalid_argument"
    );
}

#[test]
fn the_envelope_is_closed_and_needs_one_of_body_and_template() {
    let extra = format!(r#"{{{RECEIVER},"body":{},"useFrequencyCapping":true}}"#, SEED_BODIES[0]);
    assert_eq!(issues(&extra), one(code::UNKNOWN_FIELD, "/useFrequencyCapping"));
    assert_eq!(issues(&format!("{{{RECEIVER}}}")), one(code::BODY_OR_TEMPLATE, ""));
    let both = format!(r#"{{{RECEIVER},"body":{},"template":{{"name":"x"}}}}"#, SEED_BODIES[0]);
    assert_eq!(issues(&both), one(code::BODY_OR_TEMPLATE, "/template"));
    assert_eq!(issues(&format!(r#"{{"body":{}}}"#, SEED_BODIES[0])), one("missing", "/receiver"));
}

#[test]
fn receivers_are_numbers_in_e164() {
    let to =
        |contact: &str| format!(r#"{{"receiver":{{"contacts":[{contact}]}},"body":{}}}"#, SEED_BODIES[0]);
    assert_eq!(issues(&to(r#"{"identifierValue":"+31612345678"}"#)), []);
    assert_eq!(issues(&to(r#"{"identifierKey":"emailaddress","identifierValue":"a@b.c"}"#)), []);
    let path = "/receiver/contacts/0/identifierValue";
    for bad in [r#""31612345678""#, r#""+31 6 1234 5678""#, r#""+3161234""#] {
        let contact = format!(r#"{{"identifierKey":"phonenumber","identifierValue":{bad}}}"#);
        assert_eq!(issues(&to(&contact)), one(code::RECIPIENT_INVALID, path), "{bad}");
    }
    assert_eq!(issues(&to(r#"{"type":"to"}"#)), one(code::RECEIVER_INVALID, "/receiver/contacts/0"));
    let empty = format!(r#"{{"receiver":{{"contacts":[]}},"body":{}}}"#, SEED_BODIES[0]);
    assert_eq!(issues(&empty), one(code::RECEIVER_INVALID, "/receiver/contacts"));
}

#[test]
fn bodies_are_checked_by_type() {
    let cases: [(&str, &str, &str); 14] = [
        (r#"{"type":"text","text":{"text":""}}"#, code::TEXT_EMPTY, "/body/text/text"),
        (r#"{"type":"reaction","reaction":{}}"#, code::BODY_TYPE_INVALID, "/body/type"),
        (r#"{"type":"text"}"#, code::BODY_TYPE_INVALID, "/body/text"),
        (r#"{"type":"text","text":{"text":"x"},"image":{}}"#, code::UNKNOWN_FIELD, "/body/image"),
        (
            r#"{"type":"text","text":{"text":"x","actions":[{"type":"call","call":{}}]}}"#,
            code::ACTION_INVALID,
            "/body/text/actions/0/type",
        ),
        (
            r#"{"type":"text","text":{"text":"x","actions":[{"type":"reply"}]}}"#,
            code::ACTION_INVALID,
            "/body/text/actions/0/reply",
        ),
        (r#"{"type":"image","image":{"images":[]}}"#, code::ITEMS_COUNT, "/body/image/images"),
        (
            r#"{"type":"image","image":{"images":[{"mediaUrl":"ftp://x/a.jpg"}]}}"#,
            code::URL_INVALID,
            "/body/image/images/0/mediaUrl",
        ),
        (
            r#"{"type":"file","file":{"files":[{"mediaUrl":"https://x/a.pdf"}]}}"#,
            "missing",
            "/body/file/files/0/contentType",
        ),
        (
            r#"{"type":"file","file":{"files":[{"mediaUrl":"https://x/a.pdf","contentType":"pdf"}]}}"#,
            code::CONTENT_TYPE_INVALID,
            "/body/file/files/0/contentType",
        ),
        (
            r#"{"type":"location","location":{"coordinates":{"latitude":91,"longitude":4}}}"#,
            code::COORDINATES,
            "/body/location/coordinates/latitude",
        ),
        (
            r#"{"type":"list","list":{"items":[{"actions":[{"type":"reply","reply":{"text":"a"}}]}]}}"#,
            "missing",
            "/body/list/text",
        ),
        (
            r#"{"type":"list","list":{"text":"t","metadata":{"button":{"label":"Show me all the options"}},"items":[{"actions":[{"type":"reply","reply":{"text":"a"}}]}]}}"#,
            code::LABEL_TOO_LONG,
            "/body/list/metadata/button/label",
        ),
        (
            r#"{"type":"carousel","carousel":{"items":[{"title":"a","mediaUrl":"https://x/1.jpg"}]}}"#,
            code::ITEMS_COUNT,
            "/body/carousel/items",
        ),
    ];
    for (body, code, path) in cases {
        assert_eq!(issues(&with_body(body)), one(code, path), "{body}");
    }
    let long = format!(
        r#"{{"type":"list","list":{{"text":"t","items":[{{"actions":[{{"type":"postback","postback":{{"text":"a","metadata":{{"description":{{"label":"{}"}}}}}}}}]}}]}}}}"#,
        "x".repeat(73)
    );
    assert_eq!(
        issues(&with_body(&long)),
        one(code::LABEL_TOO_LONG, "/body/list/items/0/actions/0/postback/metadata/description/label")
    );
}

#[test]
fn reply_to_belongs_at_the_top_level() {
    let inside = r#"{"type":"text","text":{"text":"x"},"replyTo":{"id":"1","type":"message"}}"#;
    assert_eq!(issues(&with_body(inside)), one(code::REPLY_TO_PLACEMENT, "/body/replyTo"));
    let unknown =
        format!(r#"{{{RECEIVER},"body":{},"replyTo":{{"id":"1","type":"comment"}}}}"#, SEED_BODIES[0]);
    assert_eq!(issues(&unknown), one(code::REPLY_TO_INVALID, "/replyTo/type"));
}

fn with_options(options: &str) -> String {
    format!(r#"{{{RECEIVER},"body":{},{options}}}"#, SEED_BODIES[0])
}

#[test]
fn frequency_capping_only_for_marketing() {
    assert_eq!(
        issues(&with_options(r#""capFrequency":true,"meta":{"extraInformation":{"useCase":"marketing"}}"#)),
        []
    );
    assert_eq!(issues(&with_options(r#""capFrequency":false"#)), []);
    assert_eq!(issues(&with_options(r#""capFrequency":true"#)), one(code::CAP_FREQUENCY, "/capFrequency"));
    let transactional = r#""capFrequency":true,"meta":{"extraInformation":{"useCase":"transactional"}}"#;
    assert_eq!(issues(&with_options(transactional)), one(code::CAP_FREQUENCY, "/capFrequency"));
}

#[test]
fn at_most_ten_tags_sent_lower_case() {
    let tags = |n: usize| (0..n).map(|i| format!("\"Tag-{i}\"")).collect::<Vec<_>>().join(",");
    assert_eq!(issues(&with_options(&format!(r#""tags":[{}]"#, tags(10)))), []);
    assert_eq!(
        issues(&with_options(&format!(r#""tags":[{}]"#, tags(11)))),
        one(code::TOO_MANY_TAGS, "/tags")
    );
    assert_eq!(issues(&with_options(r#""tags":["ok","no!"]"#)), one(code::TAG_INVALID, "/tags/1"));
    assert_eq!(
        issues(&with_options(&format!(r#""tags":["{}"]"#, "a".repeat(51)))),
        one(code::TAG_INVALID, "/tags/0")
    );
    assert_eq!(issues(&with_options(r#""tags":["Sale","sale"]"#)), one(code::TAG_REPEATED, "/tags/1"));
    let text = with_options(r#""tags":["Spring Sale","vip"],"validity":600"#);
    let sent = bird().send_message(&text, &parse(&text).unwrap(), NOW, false).unwrap().body.unwrap();
    assert!(sent.ends_with(r#""tags":["spring sale","vip"],"validity":600}"#), "{sent}");
}

#[test]
fn scheduled_for_is_rfc_3339_between_10_minutes_and_35_days_ahead() {
    let at = |when: &str| issues(&with_options(&format!(r#""scheduledFor":"{when}""#)));
    assert_eq!(at("2026-01-01T10:10:00Z"), [], "exactly 10 minutes ahead");
    assert_eq!(at("2026-02-05T10:00:00Z"), [], "exactly 35 days ahead");
    assert_eq!(
        at("2026-01-01T12:00:00+02:00"),
        one(code::SCHEDULED_TOO_SOON, "/scheduledFor"),
        "now, in another zone"
    );
    assert_eq!(at("2026-01-01T10:09:59Z"), one(code::SCHEDULED_TOO_SOON, "/scheduledFor"));
    assert_eq!(at("2025-12-31T10:00:00Z"), one(code::SCHEDULED_TOO_SOON, "/scheduledFor"));
    assert_eq!(at("2026-02-05T10:00:01Z"), one(code::SCHEDULED_TOO_FAR, "/scheduledFor"));
    assert_eq!(at("2026-01-02 10:00"), one(code::SCHEDULED_FOR_INVALID, "/scheduledFor"));
    let text = with_options(r#""scheduledFor":"2026-01-01T10:05:00Z""#);
    let doc = parse(&text).unwrap();
    let message = &validate_message(&doc, None, NOW).errors[0].message;
    assert!(message.contains("5 minutes ahead"), "{message}");
}

#[test]
fn validity_short_links_and_notification() {
    assert_eq!(
        issues(&with_options(
            r#""validity":129600,"shortLinks":{"domain":"default"},"notification":{"url":"https://example.com/hook"}"#
        )),
        []
    );
    for bad in [r#""validity":-1"#, r#""validity":1.5"#, r#""validity":"600""#] {
        assert_eq!(issues(&with_options(bad)), one(code::VALIDITY_INVALID, "/validity"), "{bad}");
    }
    assert_eq!(
        issues(&with_options(r#""shortLinks":{}"#)),
        one(code::SHORT_LINKS_INVALID, "/shortLinks/domain")
    );
    assert_eq!(
        issues(&with_options(&format!(r#""shortLinks":{{"domain":"{}"}}"#, "d".repeat(129)))),
        one(code::SHORT_LINKS_INVALID, "/shortLinks/domain")
    );
    assert_eq!(
        issues(&with_options(r#""notification":{"url":"hook"}"#)),
        one(code::URL_INVALID, "/notification/url")
    );
}

fn with_template(template: &str) -> String {
    format!(r#"{{{RECEIVER},"template":{template}}}"#)
}

#[test]
fn templates_are_checked() {
    let good = r#"{"projectId":"ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318","version":"a1405560-c8d3-4b1a-877d-3f449ad95352","locale":"en-US","parameters":[{"type":"string","key":"name","value":"Robert"},{"type":"string","key":"url","value":"?campaignid=123456"}],"utmParameters":[{"key":"utm_source","reference":"platform_name"}]}"#;
    assert_eq!(issues(&with_template(good)), []);
    let cases: [(&str, &str, &str); 8] = [
        (r#"{"locale":"en"}"#, code::TEMPLATE_INVALID, "/template"),
        (r#"{"name":"x","components":[]}"#, code::UNKNOWN_FIELD, "/template/components"),
        (
            r#"{"projectId":"p1","version":"latest","locale":"en"}"#,
            code::TEMPLATE_INVALID,
            "/template/projectId",
        ),
        (r#"{"name":"x","version":"v2"}"#, code::TEMPLATE_INVALID, "/template/version"),
        (r#"{"name":"x","locale":"en_US"}"#, code::TEMPLATE_INVALID, "/template/locale"),
        (
            r#"{"name":"x","parameters":[{"type":"text","key":"a","value":"b"}]}"#,
            code::TEMPLATE_PARAMETER,
            "/template/parameters/0/type",
        ),
        (
            r#"{"name":"x","parameters":[{"type":"number","key":"a","value":"5"}]}"#,
            code::TEMPLATE_PARAMETER,
            "/template/parameters/0/value",
        ),
        (r#"{"name":"x","utmParameters":[]}"#, code::TEMPLATE_INVALID, "/template/utmParameters"),
    ];
    for (template, code, path) in cases {
        assert_eq!(issues(&with_template(template)), one(code, path), "{template}");
    }
    let with_links =
        format!(r#"{{{RECEIVER},"template":{{"name":"x"}},"shortLinks":{{"domain":"default"}}}}"#);
    assert_eq!(issues(&with_links), one(code::SHORT_LINKS_INVALID, "/shortLinks"));
}

#[test]
fn the_neutral_template_send_maps_name_locale_and_text_parameters() {
    let template = r#"{"name":"order_update","language":{"code":"en_US"},"components":[{"type":"header","parameters":[{"type":"text","parameter_name":"store","text":"Acme"}]},{"type":"body","parameters":[{"type":"text","parameter_name":"name","text":"Ana"},{"type":"text","parameter_name":"order","text":"A\"12"}]}]}"#;
    // All named: named and positional parameters cannot be mixed in one send
    // (template_send.parameter_names_mixed); positional keys are in provider-suite.mjs.
    let send = crate::api::template_send::prepare("14155552671", template, None).unwrap();
    let request = bird().send_template(&send).unwrap();
    assert_eq!(
        request.body.unwrap(),
        r#"{"receiver":{"contacts":[{"identifierKey":"phonenumber","identifierValue":"+14155552671"}]},"template":{"name":"order_update","locale":"en-US","parameters":[{"type":"string","key":"store","value":"Acme"},{"type":"string","key":"name","value":"Ana"},{"type":"string","key":"order","value":"A\"12"}]}}"#
    );
    let plain = r#"{"name":"hello_world","language":{"code":"en"}}"#;
    let send = crate::api::template_send::prepare("+14155552671", plain, None).unwrap();
    let body = bird().send_template(&send).unwrap().body.unwrap();
    assert!(body.ends_with(r#""template":{"name":"hello_world","locale":"en"}}"#), "{body}");
}

#[test]
fn what_bird_cannot_take_in_a_neutral_send_is_named() {
    let template = r#"{"name":"promo","language":{"code":"en"},"components":[{"type":"header","parameters":[{"type":"image","image":{"link":"https://x/a.jpg"}}]},{"type":"header","parameters":[{"type":"text","text":"Hi"}]},{"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"x"}]}]}"#;
    let send = crate::api::template_send::prepare("+14155552671", template, None).unwrap();
    let error = bird().send_template(&send).unwrap_err();
    let found: Vec<(&str, &str)> = error.issues.iter().map(|i| (i.code, i.path.as_str())).collect();
    assert_eq!(
        found,
        [
            (code::TEMPLATE_UNMAPPABLE, "/template/components/0/parameters/0"),
            (code::TEMPLATE_UNMAPPABLE, "/template/components/1/parameters/0"),
            (code::TEMPLATE_UNMAPPABLE, "/template/components/2"),
        ]
    );
}

#[test]
fn contacts_and_failures() {
    let contact = bird().get_channel_contact("c1d2", Some("+31 6")).unwrap();
    assert_eq!(
        contact.url,
        format!("https://api.example/workspaces/{WORKSPACE}/channels/{CHANNEL}/contacts/c1d2?contactIdentifierValue=%2B31%206")
    );
    assert_eq!(contact.method, "GET");
    assert!(bird().get_channel_contact("../../x", None).is_err());
    let body = r#"{"code":"invalid_body","message":"Request body is invalid","details":{"tags":["must have at most 10 items"],"receiver":["is required"]}}"#;
    let error = failure(&Response { status: 422, retry_after: None, body: body.into() });
    assert_eq!(error.code, "invalid_request");
    assert_eq!(
        error.message,
        "HTTP 422: invalid_body: Request body is invalid (tags: must have at most 10 items; receiver: is required)"
    );
    let missing = failure(&Response {
        status: 404,
        retry_after: None,
        body: r#"{"code":"NotFound","message":"channel not found"}"#.into(),
    });
    assert_eq!(
        (missing.code, missing.message.as_str()),
        ("not_found", "HTTP 404: NotFound: channel not found")
    );
}
