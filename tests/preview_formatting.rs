//! Golden tests of the WhatsApp formatting parser: tests/fixtures/preview/formatting.json.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::BTreeSet;
use std::fmt::Write;
use whatsapp_edge::json::{self, Value};
use whatsapp_edge::preview::markup::{parse, Block};

const FIXTURE: &str = include_str!("fixtures/preview/formatting.json");

/// `text` as a JSON string literal.
fn quote(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 || ('\u{E000}'..='\u{F8FF}').contains(&c) => {
                write!(out, "\\u{:04x}", u32::from(c)).unwrap()
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A value of the crate's JSON model written back as compact JSON, members in source order.
fn canonical(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            assert!(n.fract() == 0.0 && n.abs() < 1e15, "only integers in the fixture: {n}");
            write!(out, "{}", *n as i64).unwrap();
        }
        Value::String(s) => quote(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(&item.value, out);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, (key, node)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                quote(&key.name, out);
                out.push(':');
                canonical(&node.value, out);
            }
            out.push('}');
        }
    }
}

/// `parse`'s output as the package hands it to JavaScript (`preview::json`),
/// read back and written canonically.
fn to_json(blocks: &[Block]) -> String {
    let text = whatsapp_edge::preview::json::blocks(blocks);
    let node =
        json::parse(&text).unwrap_or_else(|issue| panic!("writer output is not JSON: {issue:?}\n{text}"));
    let mut out = String::new();
    canonical(&node.value, &mut out);
    out
}

/// The fixture's cases: (name, input, expected JSON written canonically).
fn cases() -> Vec<(String, String, String)> {
    let root = json::parse(FIXTURE).unwrap_or_else(|issue| panic!("fixture is not JSON: {issue:?}"));
    let Value::Array(items) = &root.value else { panic!("the fixture is an array") };
    items
        .iter()
        .map(|item| {
            let member = |name: &str| match &item.value {
                Value::Object(members) => {
                    &members
                        .iter()
                        .find(|(key, _)| key.name == name)
                        .unwrap_or_else(|| panic!("no {name}"))
                        .1
                        .value
                }
                _ => panic!("each case is an object"),
            };
            let (Value::String(name), Value::String(input)) = (member("name"), member("input")) else {
                panic!("name and input are strings")
            };
            let mut expected = String::new();
            canonical(member("expected"), &mut expected);
            (name.to_string(), input.to_string(), expected)
        })
        .collect()
}

#[test]
fn golden_cases_match() {
    let mut failures = Vec::new();
    for (name, input, expected) in cases() {
        let actual = to_json(&parse(&input));
        if actual != expected {
            failures
                .push(format!("{name}\n  input:    {input:?}\n  expected: {expected}\n  actual:   {actual}"));
        }
    }
    assert!(failures.is_empty(), "{} golden case(s) differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn golden_cases_are_many_and_named_once() {
    let cases = cases();
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    let names: BTreeSet<_> = cases.iter().map(|(name, ..)| name.as_str()).collect();
    assert_eq!(names.len(), cases.len(), "duplicate case names");
}

#[test]
fn the_writer_gives_the_documented_shape() {
    let json = to_json(&parse("*hi*\n\n3. x"));
    assert_eq!(
        json,
        r#"[{"type":"paragraph","children":[{"type":"bold","children":[{"type":"text","text":"hi"}]}]},{"type":"numberedList","start":3,"items":[[{"type":"text","text":"x"}]]}]"#
    );
}
