//! Plans of small campaigns, read back as JSON.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use super::*;

const ORDER: &str = r#"{"name":"order_update","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Order {{1}} shipped","example":{"body_text":[["42"]]}}]}"#;
const PROMO: &str = r#"{"name":"promo","language":"en_US","category":"MARKETING","components":[{"type":"BODY","text":"Hello"}]}"#;
const AUTH: &str = r#"{"name":"otp","language":"en_US","category":"AUTHENTICATION","components":[{"type":"BODY","add_security_recommendation":true},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE"}]}]}"#;
const SEND: &str = r#"{"name":"order_update","language":{"code":"en_US"},"components":[{"type":"body","parameters":[{"type":"text","text":"42"}]}]}"#;

fn run(
    definition: &str,
    send: &str,
    recipients: &str,
    country: Option<&str>,
    chunk: Option<u32>,
) -> (String, Summary) {
    let definition = json::parse(definition).unwrap();
    let send_node = json::parse(send).unwrap();
    let rows = json::parse(recipients).unwrap();
    let campaign = Campaign {
        campaign_id: "c1",
        phone_number_id: "106540352242922",
        default_country: country,
        chunk_size: chunk,
    };
    let plan = plan(
        &campaign,
        &definition,
        Doc { node: &send_node, text: send },
        Doc { node: &rows, text: recipients },
    )
    .map_err(|e| e.message)
    .unwrap();
    json::parse(&plan.json).expect("the plan is JSON");
    (plan.json, plan.summary)
}

#[test]
fn typed_numbers_of_one_person_are_one_recipient() {
    let (out, summary) =
        run(ORDER, SEND, r#"["+1 (415) 555-2671", "14155552671", "(415) 555-2671"]"#, Some("US"), None);
    assert_eq!(summary, Summary { rows: 3, accepted: 1, rejected: 0, duplicates: 2 });
    assert!(out.contains(r#""key":"c1:14155552671","to":"+14155552671""#), "{out}");
    assert!(out.contains(r#""duplicates":[{"row":1,"firstRow":0},{"row":2,"firstRow":0}]"#), "{out}");
    assert!(out.contains(
        r#""send":{"name":"order_update","language":{"code":"en_US"},"components":[{"type":"body""#
    ));
}

#[test]
fn digits_alone_are_international_without_a_default_country() {
    let (out, summary) = run(ORDER, SEND, r#"["14155552671", "4155552671"]"#, None, None);
    assert_eq!(summary, Summary { rows: 2, accepted: 1, rejected: 1, duplicates: 0 });
    assert!(out.contains(r#""rejected":[{"row":1,"issues":[{"code":"phone."#), "{out}");
    assert!(out.contains(r#""path":"/recipients/1""#), "{out}");
}

#[test]
fn own_components_replace_the_shared_ones_and_are_checked_per_recipient() {
    let rows = r#"[{"to":"+14155552671","components":[{"type":"body","parameters":[{"type":"text","text":"7"}]}]},
        {"to":"+14155552672","components":[{"type":"body","parameters":[]}]},
        {"to":"+14155552673","colour":"red"}, 42, {"components":[]}]"#;
    let (out, summary) = run(ORDER, SEND, rows, None, None);
    assert_eq!(summary, Summary { rows: 5, accepted: 1, rejected: 4, duplicates: 0 });
    assert!(out.contains(r#""text":"7"}]}]}"#), "{out}");
    assert!(out.contains(r#""path":"/recipients/1/components/0""#), "{out}");
    assert!(out.contains(r#"{"code":"broadcast.recipient_invalid","message":"a recipient has only to and components","path":"/recipients/2/colour""#), "{out}");
    assert!(out.contains(r#""path":"/recipients/3""#), "{out}");
    assert!(out.contains(r#""path":"/recipients/4/to""#), "{out}");
}

#[test]
fn a_wrong_shared_send_rejects_every_row_at_send() {
    let send = r#"{"name":"other","language":{"code":"en_US"},"components":[{"type":"body","parameters":[{"type":"text","text":"42"}]}]}"#;
    let (out, summary) = run(ORDER, send, r#"["+14155552671", "+442071838750"]"#, None, None);
    assert_eq!(summary, Summary { rows: 2, accepted: 0, rejected: 2, duplicates: 0 });
    assert_eq!(out.matches(r#""code":"template_send.template_mismatch""#).count(), 2);
    assert!(out.contains(r#""path":"/send/name""#), "{out}");
    assert!(out.contains(r#""chunks":[]"#), "{out}");
}

#[test]
fn marketing_to_us_numbers_and_authentication_to_bsuids_are_flagged() {
    let promo = r#"{"name":"promo","language":{"code":"en_US"}}"#;
    let (out, summary) =
        run(PROMO, promo, r#"["+14155552671", "+442071838750", "US.13491208655302741918"]"#, None, None);
    assert_eq!(summary, Summary { rows: 3, accepted: 2, rejected: 1, duplicates: 0 });
    assert!(out.contains(r#"{"row":0,"issues":[{"code":"broadcast.us_marketing_undeliverable""#), "{out}");
    assert!(out.contains(r#""key":"c1:US.13491208655302741918","to":"US.13491208655302741918""#), "{out}");

    let otp = r#"{"name":"otp","language":{"code":"en_US"},"components":[{"type":"body","parameters":[{"type":"text","text":"123456"}]},{"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"123456"}]}]}"#;
    let (out, summary) = run(AUTH, otp, r#"["+14155552671", "US.13491208655302741918"]"#, None, None);
    assert_eq!(summary, Summary { rows: 2, accepted: 1, rejected: 1, duplicates: 0 }, "{out}");
    assert!(out.contains(r#"{"row":1,"issues":[{"code":"template_send.auth_to_bsuid""#), "{out}");
    assert!(out.contains(r#""path":"/recipients/1","severity":"error","metaCode":131062"#), "{out}");
}

#[test]
fn chunks_hold_at_most_chunk_size_recipients_in_row_order() {
    let rows: Vec<String> = (0..7).map(|i| format!("\"+1415555267{i}\"")).collect();
    let (out, summary) = run(ORDER, SEND, &format!("[{}]", rows.join(",")), None, Some(3));
    assert_eq!(summary.accepted, 7);
    let plan = json::parse(&out).unwrap();
    let chunks = plan.get("chunks").unwrap().items().unwrap();
    let sizes: Vec<usize> =
        chunks.iter().map(|c| c.get("recipients").unwrap().items().unwrap().len()).collect();
    assert_eq!(sizes, [3, 3, 1]);
    assert_eq!(chunks[2].get("index").unwrap().as_f64(), Some(2.0));
    assert_eq!(chunks[0].get("phoneNumberId").unwrap().as_str(), Some("106540352242922"));
    let rows: Vec<f64> = chunks
        .iter()
        .flat_map(|c| {
            c.get("recipients")
                .unwrap()
                .items()
                .unwrap()
                .iter()
                .map(|r| r.get("row").unwrap().as_f64().unwrap())
        })
        .collect();
    assert_eq!(rows, [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
}

#[test]
fn misuse_is_an_error_not_a_rejection() {
    let definition = json::parse(ORDER).unwrap();
    let send = json::parse(SEND).unwrap();
    let rows = json::parse("[]").unwrap();
    let doc = |node| Doc { node, text: "" };
    for (id, number, country, size) in [
        ("", "1", None, None),
        ("c", "abc", None, None),
        ("c", "1", Some("XX"), None),
        ("c", "1", None, Some(0)),
        ("c", "1", None, Some(101)),
    ] {
        let campaign =
            Campaign { campaign_id: id, phone_number_id: number, default_country: country, chunk_size: size };
        let error = plan(&campaign, &definition, doc(&send), doc(&rows)).err().unwrap();
        assert_eq!(error.code, crate::error::code::INVALID_ARGUMENT);
    }
    let campaign =
        Campaign { campaign_id: "c", phone_number_id: "1", default_country: None, chunk_size: None };
    assert!(plan(&campaign, &definition, doc(&send), doc(&send)).is_err());
    let empty = plan(&campaign, &definition, doc(&send), doc(&rows)).map_err(|e| e.message).unwrap();
    assert_eq!(
        empty.json,
        r#"{"chunks":[],"rejected":[],"duplicates":[],"summary":{"rows":0,"accepted":0,"rejected":0,"duplicates":0}}"#
    );
}
