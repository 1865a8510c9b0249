//! The pattern matcher against the real metadata (tests/fixtures/phone/patterns.json,
//! exported from libphonenumber-js by tests/js/export-phone-patterns.mjs): every
//! pattern compiles, and around each region's example mobile number the
//! matcher agrees with JavaScript's RegExp.
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::fs;
use whatsapp_edge::json::{parse, Node};
use whatsapp_edge::phone::pattern::Compiled;
use whatsapp_edge::phone::region_by_id;

fn fixture() -> String {
    fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/phone/patterns.json")).unwrap()
}

#[test]
fn every_metadata_pattern_compiles() {
    let text = fixture();
    let doc = parse(&text).unwrap();
    let patterns = doc.get("patterns").unwrap().items().unwrap();
    assert!(patterns.len() > 1800, "{}", patterns.len());
    let failures: Vec<String> = patterns
        .iter()
        .map(|p| p.as_str().unwrap())
        .filter_map(|p| Compiled::new(p).err().map(|e| format!("{p}: {e:?}")))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn matches_agree_with_javascript_around_every_example() {
    let text = fixture();
    let doc = parse(&text).unwrap();
    let regions = doc.get("regions").unwrap().members().unwrap();
    assert!(regions.len() > 230);
    let mut checked = 0;
    let mut disagreements = Vec::new();
    for (region, data) in regions {
        let national = Compiled::new(data.get("national").and_then(Node::as_str).unwrap()).unwrap();
        let mobile = Compiled::new(data.get("mobile").and_then(Node::as_str).unwrap()).unwrap();
        // The blob's token streams decode to what the text compiles to.
        assert_eq!(region_by_id(&region.name).unwrap().general.code(), national.code(), "{}", region.name);
        for case in data.get("cases").unwrap().items().unwrap() {
            let case = case.items().unwrap();
            let input = case[0].as_str().unwrap().as_bytes();
            let (national_js, mobile_js) = (case[1].as_bool().unwrap(), case[2].as_bool().unwrap());
            checked += 1;
            if national.matches(input) != national_js || mobile.matches(input) != mobile_js {
                disagreements.push(format!("{} {}", region.name, String::from_utf8_lossy(input)));
            }
        }
    }
    assert!(checked > 1000);
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}
