//! Every send in the shared corpus is a whole Cloud API message body: each
//! must pass `validate_message` (placeholders such as "<RECIPIENT>" aside).
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::fs;
use whatsapp_edge::json::parse;
use whatsapp_edge::message::validate_message;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");

#[test]
fn every_corpus_send_is_a_valid_message() {
    let mut failures = Vec::new();
    let mut count = 0;
    for entry in fs::read_dir(format!("{CORPUS}/template_sends")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        count += 1;
        // Doc examples leave the recipient as a placeholder or a made-up
        // number; this test is about the message, so give it a real one.
        let mut text = fs::read_to_string(&path).unwrap();
        for placeholder in ["\"<RECIPIENT>\"", "\"<WHATSAPP_USER_PHONE_NUMBER>\"", "\"YOUR_NUMBER\""] {
            text = text.replace(placeholder, "\"+16505551234\"");
        }
        for made_up in ["\"+1233214532\"", "\"+13287759822\"", "\"+15551234567\""] {
            text = text.replace(made_up, "\"+16505551234\"");
        }
        let report = validate_message(&parse(&text).unwrap(), Some(&text));
        if !report.ok {
            failures.push(format!("{}: {:#?}", path.display(), report.errors));
        }
    }
    assert_eq!(count, 22);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_made_up_numbers_in_metas_examples_are_reported() {
    for (to, code) in [
        ("+1233214532", "message.recipient_invalid"),
        ("+13287759822", "message.recipient_invalid"),
        ("+15551234567", "message.recipient_invalid"),
        ("16505551234", "message.recipient_no_plus"),
    ] {
        let text = format!(
            r#"{{"messaging_product": "whatsapp", "to": "{to}", "type": "text", "text": {{"body": "hi"}}}}"#
        );
        let report = validate_message(&parse(&text).unwrap(), None);
        let codes: Vec<&str> = report.errors.iter().chain(&report.warnings).map(|issue| issue.code).collect();
        assert_eq!(codes, [code], "{to}");
    }
}
