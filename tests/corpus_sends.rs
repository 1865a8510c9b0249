//! The shared corpus against `validate_template_send`: real sends pass against
//! the definition they were written for; the invalid sends fail with Meta's code.
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::fs;
use whatsapp_edge::json::{parse, Node};
use whatsapp_edge::template::send::validate_template_send;
use whatsapp_edge::Report;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");

/// Reads a file for the rest of the test run (documents borrow their text).
fn read(path: &std::path::Path) -> &'static str {
    Box::leak(fs::read_to_string(path).unwrap().into_boxed_str())
}

fn load(path: &str) -> Node<'static> {
    parse(read(std::path::Path::new(&format!("{CORPUS}/{path}")))).unwrap()
}

fn definitions() -> Vec<(String, Node<'static>)> {
    fs::read_dir(format!("{CORPUS}/templates"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .map(|path| (path.file_name().unwrap().to_string_lossy().into_owned(), parse(read(&path)).unwrap()))
        .collect()
}

/// Corpus sends that contradict their own definition, with the code they must give.
const INCONSISTENT: [(&str, &str); 1] = [
    // Meta's docs create the product-card carousel with 2 cards and send it with 3.
    ("metadocs_send_carousel_template_product_cards_v1.json", "template_send.carousel_cards"),
];

#[test]
fn every_corpus_send_passes_against_a_definition_of_its_template() {
    let definitions = definitions();
    let mut checked = 0;
    let mut failures = Vec::new();
    for entry in fs::read_dir(format!("{CORPUS}/template_sends")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        let send = parse(&text).unwrap();
        let name =
            send.get("template").and_then(|t| t.get("name")).and_then(Node::as_str).unwrap().to_owned();
        let candidates: Vec<&(String, Node<'_>)> =
            definitions.iter().filter(|(_, d)| d.get("name").and_then(Node::as_str) == Some(&name)).collect();
        if candidates.is_empty() {
            continue;
        }
        checked += 1;
        let reports: Vec<(String, Report)> = candidates
            .iter()
            .map(|(file, definition)| (file.clone(), validate_template_send(definition, &send, Some(&text))))
            .collect();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        if let Some((_, code)) = INCONSISTENT.iter().find(|(name, _)| *name == file) {
            let all_flag_it = reports.iter().all(|(_, r)| r.errors.iter().any(|issue| issue.code == *code));
            assert!(all_flag_it, "{file} should give {code}: {reports:#?}");
            continue;
        }
        if !reports.iter().any(|(_, report)| report.ok) {
            failures.push(format!("{}: {:#?}", path.display(), reports));
        }
    }
    assert_eq!(checked, 14, "sends whose definition is in the corpus");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn errors(definition: &str, send_file: &str) -> Vec<(&'static str, String, Option<u32>)> {
    let report =
        validate_template_send(&parse(definition).unwrap(), &load(&format!("invalid/{send_file}")), None);
    report.errors.iter().map(|issue| (issue.code, issue.path.clone(), issue.meta_code)).collect()
}

#[test]
fn missing_dynamic_url_parameter_is_131008() {
    let definition = r#"{"name": "t", "language": "en_US", "components": [
        {"type": "BODY", "text": "Your order is ready."},
        {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "Track", "url": "https://x.example/track/{{1}}", "example": ["https://x.example/track/1"]}]}]}"#;
    let found = errors(definition, "send_dynamic_url_button_param_missing_131008.json");
    assert!(
        found.iter().any(|e| e.0 == "template_send.parameter_missing"
            && e.2 == Some(131_008)
            && e.1 == "/template/components"),
        "{found:?}"
    );
}

#[test]
fn named_template_without_parameter_name_is_100() {
    let definition = r#"{"name": "t", "language": "en", "parameter_format": "NAMED", "components": [
        {"type": "BODY", "text": "Hello {{customer_name}}! Get a discount with {{voucher_code}} today.",
         "example": {"body_text_named_params": [{"param_name": "customer_name", "example": "Budi"}, {"param_name": "voucher_code", "example": "X"}]}}]}"#;
    let found = errors(definition, "send_named_param_missing_parameter_name.json");
    let paths: Vec<&str> =
        found.iter().filter(|e| e.0 == "template_send.parameter_name").map(|e| e.1.as_str()).collect();
    assert_eq!(paths, ["/template/components/0/parameters/0", "/template/components/0/parameters/1"]);
}

#[test]
fn url_value_in_the_body_is_132000() {
    let definition = r#"{"name": "t", "language": "en_US", "components": [
        {"type": "BODY", "text": "Hi {{1}}, your order shipped today."},
        {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "Track", "url": "https://x.example/{{1}}", "example": ["https://x.example/1"]}]}]}"#;
    let found = errors(definition, "send_param_count_mismatch_132000.json");
    assert!(
        found.contains(&("template_send.parameter_count", "/template/components/0".into(), Some(132_000))),
        "{found:?}"
    );
    assert!(
        found.iter().any(|e| e.0 == "template_send.parameter_missing"),
        "the URL button is still missing: {found:?}"
    );
}

#[test]
fn phone_number_sub_type_is_rejected_like_meta_does() {
    let definition = r#"{"name": "template_name", "language": "en", "components": [
        {"type": "HEADER", "format": "IMAGE", "example": {"header_handle": ["4::x"]}},
        {"type": "BODY", "text": "See our new catalogue today."},
        {"type": "BUTTONS", "buttons": [{"type": "PHONE_NUMBER", "text": "Call", "phone_number": "+919876543210"},
                                        {"type": "URL", "text": "About", "url": "http://example.com/{{1}}", "example": ["http://example.com/about"]}]}]}"#;
    let found = errors(definition, "send_subtype_phone_number_rejected.json");
    assert_eq!(
        found,
        [("template_send.button_sub_type", "/template/components/1/sub_type".into(), Some(100))]
    );
}

#[test]
fn url_parameter_at_the_call_button_index_is_rejected() {
    let definition = r#"{"name": "buttons", "language": "en", "components": [
        {"type": "BODY", "text": "Call us or visit the site."},
        {"type": "BUTTONS", "buttons": [{"type": "PHONE_NUMBER", "text": "Call", "phone_number": "+15550001111"},
                                        {"type": "URL", "text": "Visit", "url": "https://x.example/{{1}}", "example": ["https://x.example/a"]}]}]}"#;
    let found = errors(definition, "send_url_param_on_call_button_rejected.json");
    assert!(
        found.contains(&("template_send.button_index", "/template/components/0".into(), Some(100))),
        "{found:?}"
    );
    assert!(
        found.iter().any(|e| e.0 == "template_send.parameter_missing"),
        "index 1 still needs its value: {found:?}"
    );
}
