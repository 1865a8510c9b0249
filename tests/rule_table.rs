//! The rule table (tests/fixtures/rules.json, exported from tests/js/rules.mjs)
//! natively: for every code, the bad input reports it (at its path) and the
//! good input reports no error — the same cases the JS tests run on the package.
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::fs;
use whatsapp_edge::json::{parse, Node};
use whatsapp_edge::message::validate_message;
use whatsapp_edge::template::send::validate_template_send;
use whatsapp_edge::template::{validate_template, TemplateOptions};
use whatsapp_edge::Report;

fn run(case: &Node<'_>) -> Report {
    let function = case.get("fn").and_then(Node::as_str).unwrap();
    let input = case.get("input").unwrap();
    match function {
        "validateTemplate" => validate_template(input, None, &TemplateOptions::default()),
        "validateTemplateSend" => validate_template_send(input, case.get("extra").unwrap(), None),
        "validateMessage" => validate_message(input, None),
        other => panic!("unknown function {other}"),
    }
}

#[test]
fn every_rule_fails_its_bad_input_and_passes_its_good_one() {
    let text = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rules.json")).unwrap();
    let table = parse(&text).unwrap();
    let rules = table.members().unwrap();
    assert!(rules.len() > 70, "{} rules", rules.len());
    let mut failures = Vec::new();
    for (code, case) in rules {
        let bad = run(case.get("bad").unwrap());
        let hits: Vec<&str> =
            bad.errors.iter().filter(|i| i.code == code.name.as_ref()).map(|i| i.path.as_str()).collect();
        match case.get("path").and_then(Node::as_str) {
            _ if hits.is_empty() => {
                failures.push(format!("{}: not reported; got {:?}", code.name, bad.errors))
            }
            Some(path) if !hits.contains(&path) => {
                failures.push(format!("{}: at {hits:?}, not {path}", code.name))
            }
            _ => {}
        }
        let good = run(case.get("good").unwrap());
        if !good.errors.is_empty() {
            failures.push(format!("{}: good input has errors {:?}", code.name, good.errors));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
