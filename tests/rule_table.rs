//! The rule table (tests/fixtures/rules.json, exported from tests/js/rules.mjs)
//! natively: for every code, the bad input reports it (at its path, as an
//! error or, with `"severity": "warning"`, a warning) and the good input
//! reports no error and not that code — the same cases the JS tests run on the package.
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::fs;
use whatsapp_edge::flow::{validate_flow, FlowOptions};
use whatsapp_edge::json::{parse, Node, Value};
use whatsapp_edge::message::validate_message;
use whatsapp_edge::template::send::{validate_template_send, validate_template_send_alone};
use whatsapp_edge::template::{validate_template, TemplateOptions};
use whatsapp_edge::Report;

/// Runs a case; `fixture` is the text the case was parsed from (for `grow`).
fn run(fixture: &str, case: &Node<'_>) -> Report {
    let input = case.get("input").unwrap();
    match case.get("grow") {
        Some(grow) => {
            let text = grown(fixture, input, grow);
            call(case, &parse(&text).unwrap())
        }
        None => call(case, input),
    }
}

fn call(case: &Node<'_>, input: &Node<'_>) -> Report {
    match case.get("fn").and_then(Node::as_str).unwrap() {
        "validateTemplate" => validate_template(input, None, &TemplateOptions::default()),
        "validateTemplateSend" => match input.value {
            // A null definition: the rules that hold without one.
            Value::Null => validate_template_send_alone(case.get("extra").unwrap(), None),
            _ => validate_template_send(input, case.get("extra").unwrap(), None),
        },
        "validateMessage" => validate_message(input, None),
        "validateFlow" => {
            let flow = validate_flow(input, None, &FlowOptions::default());
            Report { ok: flow.ok, errors: flow.errors, warnings: flow.warnings }
        }
        other => panic!("unknown function {other}"),
    }
}

/// The input's JSON text with each string `grow` names (by JSON Pointer) padded
/// with "A" to the length given, as `run` in tests/js/rules.mjs does.
fn grown(fixture: &str, input: &Node<'_>, grow: &Node<'_>) -> String {
    let mut pads: Vec<(usize, usize)> = grow
        .members()
        .unwrap()
        .iter()
        .map(|(pointer, length)| {
            let target = pointer.name.split('/').skip(1).fold(input, |node, token| match node.items() {
                Some(items) => &items[token.parse::<usize>().unwrap()],
                None => node.get(token).unwrap(),
            });
            let length: usize = length.as_f64().unwrap().to_string().parse().unwrap();
            // Before the closing quote; the strings are ASCII, so bytes are characters.
            (target.span.end - 1, length - target.as_str().unwrap().len())
        })
        .collect();
    pads.sort_unstable();
    let mut text = String::new();
    let mut from = input.span.start;
    for (at, count) in pads {
        text.push_str(&fixture[from..at]);
        text.push_str(&"A".repeat(count));
        from = at;
    }
    text.push_str(&fixture[from..input.span.end]);
    text
}

#[test]
fn every_rule_fails_its_bad_input_and_passes_its_good_one() {
    let text = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rules.json")).unwrap();
    let table = parse(&text).unwrap();
    let rules = table.members().unwrap();
    assert!(rules.len() > 110, "{} rules", rules.len());
    let mut failures = Vec::new();
    for (code, case) in rules {
        // "code#variant": another case of the same code.
        let code = code.name.split('#').next().unwrap();
        let bad = run(&text, case.get("bad").unwrap());
        let warning = case.get("severity").and_then(Node::as_str) == Some("warning");
        let found = if warning { &bad.warnings } else { &bad.errors };
        let hits: Vec<&str> = found.iter().filter(|i| i.code == code).map(|i| i.path.as_str()).collect();
        match case.get("path").and_then(Node::as_str) {
            _ if hits.is_empty() => failures.push(format!("{code}: not reported; got {bad:?}")),
            Some(path) if !hits.contains(&path) => failures.push(format!("{code}: at {hits:?}, not {path}")),
            _ => {}
        }
        let good = run(&text, case.get("good").unwrap());
        if !good.errors.is_empty() || good.warnings.iter().any(|i| i.code == code) {
            failures.push(format!("{code}: good input reports {:?} {:?}", good.errors, good.warnings));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
