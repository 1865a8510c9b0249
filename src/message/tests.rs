//! Rules of issue 19 for outbound messages, each tested from the shapes and
//! limits of Meta's pages (cited beside each rule in the source).
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use super::validate_message;
use crate::json::parse;
use crate::report::Report;

fn check(text: &str) -> Report {
    validate_message(&parse(text).unwrap(), Some(text))
}

/// `(code, path)` of every finding, errors first.
fn findings(report: &Report) -> Vec<(&'static str, String)> {
    report.errors.iter().chain(&report.warnings).map(|issue| (issue.code, issue.path.clone())).collect()
}

fn interactive(body: &str) -> String {
    format!(
        r#"{{"messaging_product":"whatsapp","to":"+16505551234","type":"interactive","interactive":{body}}}"#
    )
}

fn url_card(index: usize) -> String {
    format!(
        r#"{{"card_index":{index},"type":"cta_url","header":{{"type":"image","image":{{"link":"https://example.com/{index}.jpg"}}}},"body":{{"text":"*Blue Echeveria*\n\nA rosette-shaped succulent"}},"action":{{"name":"cta_url","parameters":{{"display_text":"Shop now","url":"https://example.com/{index}"}}}}}}"#
    )
}

fn reply_card(index: usize, replies: usize) -> String {
    let buttons: Vec<String> = (0..replies)
        .map(|b| {
            format!(r#"{{"type":"quick_reply","quick_reply":{{"id":"c{index}-b{b}","title":"Option {b}"}}}}"#)
        })
        .collect();
    format!(
        r#"{{"card_index":{index},"header":{{"type":"video","video":{{"id":"1234"}}}},"action":{{"buttons":[{}]}}}}"#,
        buttons.join(",")
    )
}

fn carousel(cards: &[String], extra: &str) -> String {
    interactive(&format!(
        r#"{{"type":"carousel"{extra},"body":{{"text":"Here are three of our latest arrivals"}},"action":{{"cards":[{}]}}}}"#,
        cards.join(",")
    ))
}

#[test]
fn carousels_of_url_cards_or_quick_reply_cards_are_valid() {
    let urls: Vec<String> = (0..3).map(url_card).collect();
    let report = check(&carousel(&urls, ""));
    assert!(report.ok && report.warnings.is_empty(), "{:?}", findings(&report));
    let replies: Vec<String> = (0..10).map(|i| reply_card(i, 2)).collect();
    let report = check(&carousel(&replies, ""));
    assert!(report.ok && report.warnings.is_empty(), "{:?}", findings(&report));
}

#[test]
fn a_carousel_has_two_to_ten_cards() {
    for count in [1, 11] {
        let cards: Vec<String> = (0..count).map(url_card).collect();
        let report = check(&carousel(&cards, ""));
        assert!(findings(&report).contains(&("message.carousel_invalid", "/interactive/action/cards".into())));
    }
}

#[test]
fn a_carousel_takes_no_main_header_or_footer() {
    let cards: Vec<String> = (0..2).map(url_card).collect();
    let header =
        carousel(&cards, r#","header":{"type":"text","text":"Plants"},"footer":{"text":"Lucky Shrub"}"#);
    assert_eq!(
        findings(&check(&header)),
        [
            ("message.carousel_invalid", "/interactive/header".to_owned()),
            ("message.carousel_invalid", "/interactive/footer".to_owned())
        ]
    );
}

#[test]
fn card_headers_are_image_or_video_and_indexes_are_distinct() {
    let mut cards: Vec<String> = (0..2).map(url_card).collect();
    cards[1] = cards[1].replace(r#""type":"image","image""#, r#""type":"document","document""#);
    let report = check(&carousel(&cards, ""));
    assert_eq!(
        findings(&report),
        [("message.carousel_invalid", "/interactive/action/cards/1/header/type".into())]
    );
    let cards = [url_card(0), url_card(0)];
    let report = check(&carousel(&cards, ""));
    assert_eq!(
        findings(&report),
        [("message.carousel_invalid", "/interactive/action/cards/1/card_index".into())]
    );
    let cards = [url_card(0), url_card(2)];
    let report = check(&carousel(&cards, ""));
    assert_eq!(
        findings(&report),
        [("message.carousel_invalid", "/interactive/action/cards/1/card_index".into())]
    );
}

#[test]
fn a_card_body_has_at_most_160_characters_and_2_line_breaks() {
    let body = |text: &str| {
        let card = url_card(1).replace("*Blue Echeveria*\\n\\nA rosette-shaped succulent", text);
        check(&carousel(&[url_card(0), card], ""))
    };
    assert!(body(&"a".repeat(160)).ok);
    assert_eq!(
        findings(&body(&"a".repeat(161))),
        [("message.text_too_long", "/interactive/action/cards/1/body/text".into())]
    );
    assert!(body("one\\ntwo\\nthree").ok);
    assert_eq!(
        findings(&body("one\\ntwo\\nthree\\nfour")),
        [("message.carousel_invalid", "/interactive/action/cards/1/body/text".into())]
    );
}

#[test]
fn every_card_has_the_same_buttons() {
    let report = check(&carousel(&[url_card(0), reply_card(1, 1)], ""));
    assert_eq!(findings(&report), [("message.carousel_layout", "/interactive/action/cards/1/action".into())]);
    let report = check(&carousel(&[reply_card(0, 2), reply_card(1, 1)], ""));
    assert_eq!(findings(&report), [("message.carousel_layout", "/interactive/action/cards/1/action".into())]);
    let both = url_card(1).replace(
        r#""name":"cta_url""#,
        r#""buttons":[{"type":"quick_reply","quick_reply":{"id":"x","title":"X"}}],"name":"cta_url""#,
    );
    let report = check(&carousel(&[url_card(0), both], ""));
    assert_eq!(
        findings(&report),
        [("message.carousel_layout", "/interactive/action/cards/1/action/buttons".into())]
    );
    let none = url_card(1).replace(
        r#""name":"cta_url","parameters":{"display_text":"Shop now","url":"https://example.com/1"}"#,
        "",
    );
    let report = check(&carousel(&[url_card(0), none], ""));
    assert_eq!(
        findings(&report),
        [("message.carousel_invalid", "/interactive/action/cards/1/action".into())]
    );
}

#[test]
fn contact_info_and_call_permission_requests_carry_a_body_only() {
    for kind in ["request_contact_info", "call_permission_request"] {
        let good = format!(
            r#"{{"messaging_product":"whatsapp","recipient_type":"individual","recipient":"US.13491208655302741918","type":"interactive","interactive":{{"type":"{kind}","body":{{"text":"Please share your phone number."}},"action":{{"name":"{kind}"}}}}}}"#
        );
        let report = check(&good);
        assert!(report.ok && report.warnings.is_empty(), "{kind}: {:?}", findings(&report));
        let header = good.replace(r#""body":"#, r#""header":{"type":"text","text":"Hi"},"body":"#);
        assert_eq!(findings(&check(&header)), [("message.fixed_request", "/interactive/header".into())]);
        let named = good.replace(&format!(r#""name":"{kind}""#), r#""name":"cta_url""#);
        assert_eq!(findings(&check(&named)), [("message.enum", "/interactive/action/name".into())]);
        let bodiless = good.replace(r#""body":{"text":"Please share your phone number."},"#, "");
        assert_eq!(findings(&check(&bodiless)), [("missing", "/interactive/body".into())]);
    }
}

fn address(parameters: &str) -> String {
    interactive(&format!(
        r#"{{"type":"address_message","body":{{"text":"Thanks for your order! Tell us what address you'd like this order delivered to."}},"action":{{"name":"address_message","parameters":{parameters}}}}}"#
    ))
}

#[test]
fn address_messages_are_for_india_with_known_prefilled_fields() {
    let good = address(
        r#"{"country":"IN","values":{"name":"CUSTOMER_NAME","phone_number":"+919000090000","in_pin_code":"400063","landmark_area":"Near Ganesh Mandir"},"saved_addresses":[{"id":"address1","value":{"name":"CUSTOMER_NAME","in_pin_code":"400063","city":"Mumbai"}}],"validation_errors":{"in_pin_code":"We could not locate this pin code."}}"#,
    );
    let report = check(&good);
    assert!(report.ok && report.warnings.is_empty(), "{:?}", findings(&report));
    let report = check(&address(r#"{"country":"US"}"#));
    assert_eq!(
        findings(&report),
        [("message.address_invalid", "/interactive/action/parameters/country".into())]
    );
    let report = check(&address(r#"{"country":"SG"}"#));
    assert!(report.ok);
    assert_eq!(
        findings(&report),
        [("message.address_invalid", "/interactive/action/parameters/country".into())]
    );
    let report = check(&address(r#"{"country":"IN","values":{"in_pin_code":"4000631"}}"#));
    assert_eq!(
        findings(&report),
        [("message.address_invalid", "/interactive/action/parameters/values/in_pin_code".into())]
    );
    assert_eq!(
        findings(&check(&address("{}"))),
        [("missing", "/interactive/action/parameters/country".into())]
    );
}

#[test]
fn cta_url_takes_text_image_video_and_document_headers() {
    let cta = |header: &str| {
        check(&interactive(&format!(
            r#"{{"type":"cta_url","header":{header},"body":{{"text":"Tap to see our dates"}},"action":{{"name":"cta_url","parameters":{{"display_text":"See Dates","url":"https://www.luckyshrub.com?clickID=kqDGWd24Q5TRwoEQTICY7W1JKoXvaZOXWAS7h1P76s0R7Paec4"}}}}}}"#
        )))
    };
    for header in [
        r#"{"type":"text","text":"New workshop dates"}"#,
        r#"{"type":"image","image":{"link":"https://www.luckyshrub.com/assets/lucky-shrub-banner-logo-v1.png"}}"#,
        r#"{"type":"video","video":{"id":"1234"}}"#,
        r#"{"type":"document","document":{"link":"https://example.com/dates.pdf"}}"#,
    ] {
        let report = cta(header);
        assert!(report.ok && report.warnings.is_empty(), "{header}: {:?}", findings(&report));
    }
    let report = cta(r#"{"type":"location"}"#);
    assert_eq!(findings(&report), [("message.interactive_invalid", "/interactive/header/type".into())]);
}

fn contacts(value: &str) -> String {
    format!(r#"{{"messaging_product":"whatsapp","to":"+16505551234","type":"contacts","contacts":{value}}}"#)
}

#[test]
fn contacts_as_a_json_string_are_decoded_checked_and_warned_about() {
    let encoded = r#""[{\"name\":{\"formatted_name\":\"Ana Ruiz\",\"first_name\":\"Ana\"},\"birthday\":\"1990-04-23\"}]""#;
    let report = check(&contacts(encoded));
    assert!(report.ok);
    assert_eq!(findings(&report), [("message.contacts_encoded", "/contacts".into())]);
    let bad = r#""[{\"name\":{\"formatted_name\":\"Ana Ruiz\",\"first_name\":\"Ana\"},\"birthday\":\"23/04/1990\"}]""#;
    let report = check(&contacts(bad));
    // Pointers name values of the message itself: the string, with the place
    // inside the decoded value in the message.
    assert_eq!(
        findings(&report),
        [("message.contact_birthday", "/contacts".into()), ("message.contacts_encoded", "/contacts".into())]
    );
    let birthday = &report.errors[0];
    assert!(birthday.message.starts_with("in the decoded string at /0/birthday: birthday"), "{birthday:?}");
    let column = u32::try_from(contacts(bad).find("\"[{").unwrap() + 1).unwrap();
    assert_eq!((birthday.line, birthday.column), (Some(1), Some(column)), "the string's position");
    let report = check(&contacts(r#""not json""#));
    assert_eq!(findings(&report), [("message.contact_invalid", "/contacts".into())]);
}

#[test]
fn a_contact_name_needs_a_part_beside_formatted_name() {
    let report = check(&contacts(r#"[{"name":{"formatted_name":"Ana Ruiz"}}]"#));
    assert_eq!(findings(&report), [("message.contact_name", "/contacts/0/name".into())]);
    for part in ["first_name", "last_name", "middle_name", "suffix", "prefix"] {
        let report =
            check(&contacts(&format!(r#"[{{"name":{{"formatted_name":"Ana Ruiz","{part}":"x"}}}}]"#)));
        assert!(report.ok && report.warnings.is_empty(), "{part}: {:?}", findings(&report));
    }
}

#[test]
fn a_contact_birthday_is_a_calendar_date() {
    for (birthday, ok) in [
        ("1990-04-23", true),
        ("2000-02-29", true),
        ("1990-02-30", false),
        ("1990/04/23", false),
        ("April 23", false),
    ] {
        let report = check(&contacts(&format!(
            r#"[{{"name":{{"formatted_name":"Ana Ruiz","first_name":"Ana"}},"birthday":"{birthday}"}}]"#
        )));
        assert_eq!(report.ok, ok, "{birthday}: {:?}", findings(&report));
        if !ok {
            assert_eq!(findings(&report), [("message.contact_birthday", "/contacts/0/birthday".into())]);
        }
    }
}

#[test]
fn to_and_recipient_together_are_valid_without_a_warning() {
    let text = r#"{"messaging_product":"whatsapp","to":"+16505551234","recipient":"US.13491208655302741918","type":"text","text":{"body":"hi"}}"#;
    let report = check(text);
    assert!(report.ok && report.warnings.is_empty(), "{:?}", findings(&report));
}

fn flow_cta(cta: &str) -> Report {
    check(&interactive(&format!(
        r#"{{"type":"flow","body":{{"text":"Book a table"}},"action":{{"name":"flow","parameters":{{"flow_message_version":"3","flow_id":"123","flow_cta":"{cta}"}}}}}}"#
    )))
}

#[test]
fn flow_cta_has_at_most_20_characters_and_no_emoji() {
    assert!(flow_cta(&"a".repeat(20)).ok);
    let path = "/interactive/action/parameters/flow_cta".to_owned();
    assert_eq!(findings(&flow_cta(&"a".repeat(21))), [("message.flow_cta", path.clone())]);
    for emoji in ["Book now 📅", "Go ✅", "Start ⭐"] {
        assert_eq!(findings(&flow_cta(emoji)), [("message.flow_cta", path.clone())], "{emoji}");
    }
    assert!(flow_cta("Réserver une table").ok, "accents are not emoji");
}

#[test]
fn reply_ids_have_no_leading_or_trailing_spaces() {
    let buttons = |id: &str| {
        check(&interactive(&format!(
            r#"{{"type":"button","body":{{"text":"Confirm?"}},"action":{{"buttons":[{{"type":"reply","reply":{{"id":"{id}","title":"Yes"}}}}]}}}}"#
        )))
    };
    assert!(buttons("change-button").ok);
    assert!(buttons("two words").ok, "inner spaces are fine");
    for id in [" yes", "yes ", "\\tyes"] {
        assert_eq!(
            findings(&buttons(id)),
            [("message.reply_id_spaces", "/interactive/action/buttons/0/reply/id".into())],
            "{id:?}"
        );
    }
    let card = reply_card(1, 1).replace("\"c1-b0\"", "\"c1-b0 \"");
    let report = check(&carousel(&[reply_card(0, 1), card], ""));
    assert_eq!(
        findings(&report),
        [("message.reply_id_spaces", "/interactive/action/cards/1/action/buttons/0/quick_reply/id".into())]
    );
}

#[test]
fn group_sends_go_to_the_group_id_in_to() {
    // Meta's "Group messaging" example.
    let text = r#"{"messaging_product":"whatsapp","recipient_type":"group","to":"Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD","type":"text","text":{"preview_url":true,"body":"This is another destination option"}}"#;
    let report = check(text);
    assert!(report.ok && report.warnings.is_empty(), "{report:?}");
    let template = text.replace(
        r#""type":"text","text":{"preview_url":true,"body":"This is another destination option"}"#,
        r#""type":"template","template":{"name":"launch","language":{"code":"en_US"}}"#,
    );
    assert!(check(&template).ok);
    for to in ["+16505551234", "16505551234", ""] {
        let phone = text.replace("Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD", to);
        assert_eq!(findings(&check(&phone)), vec![("message.group_recipient", "/to".to_owned())], "{to}");
    }
    let with_bsuid =
        text.replace(r#""type":"text""#, r#""recipient":"US.13491208655302741918","type":"text""#);
    assert_eq!(findings(&check(&with_bsuid)), vec![("message.group_recipient", "/recipient".to_owned())]);
    let no_to =
        r#"{"messaging_product":"whatsapp","recipient_type":"group","type":"text","text":{"body":"Hi"}}"#;
    assert_eq!(findings(&check(no_to)), vec![("message.recipient_missing", String::new())]);
    let location = text.replace(
        r#""type":"text","text":{"preview_url":true,"body":"This is another destination option"}"#,
        r#""type":"location","location":{"latitude":1,"longitude":2}"#,
    );
    let report = check(&location);
    assert!(report.ok);
    assert_eq!(findings(&report), vec![("message.group_type", "/type".to_owned())]);
}
