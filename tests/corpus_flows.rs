//! The shared corpus against `validate_flow`: every public Flow passes (one
//! exception, explained below), every invalid one fails with the documented
//! code at the documented place.
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::fs;
use std::path::Path;
use whatsapp_edge::flow::{validate_flow, FlowOptions, FlowReport};
use whatsapp_edge::json::parse;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");

fn validate_file(path: &Path) -> FlowReport {
    let text = fs::read_to_string(path).unwrap();
    let doc = parse(&text).unwrap();
    validate_flow(&doc, Some(&text), &FlowOptions::default())
}

/// Corpus flows with a real mistake, and the one error each must give.
const KNOWN_BROKEN: [(&str, &str, &str); 1] = [
    // pywa's copy of Meta's NavigationList example navigates to FOURTH_SCREEN,
    // which the Flow does not have (its routing model omits it too).
    (
        "pywa_v6_2_navigation_list.json",
        "flow.navigate_target",
        "/screens/0/layout/children/0/list-items/2/on-click-action/next/name",
    ),
];

#[test]
fn every_corpus_flow_has_no_errors() {
    let mut failures = Vec::new();
    let mut count = 0;
    for entry in fs::read_dir(format!("{CORPUS}/flows")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        count += 1;
        let report = validate_file(&path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let found: Vec<(&str, &str)> = report.errors.iter().map(|i| (i.code, i.path.as_str())).collect();
        let expected: Vec<(&str, &str)> = KNOWN_BROKEN
            .iter()
            .filter(|(file, _, _)| *file == name)
            .map(|(_, code, path)| (*code, *path))
            .collect();
        if found != expected {
            failures.push(format!("{name}: {:#?}", report.errors));
        }
        assert!(report.version.is_some(), "{name}: every corpus version is a known one");
    }
    assert_eq!(count, 36, "the corpus has 36 flows");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Each invalid corpus flow: the code and path it must report (`.src.txt` has Meta's message).
const INVALID: [(&str, &str, &str); 10] = [
    ("flow_data_api_version_without_routing_model.json", "flow.routing_model_required", "/routing_model"),
    ("flow_if_empty_then.json", "flow.branch_empty", "/screens/0/layout/children/0/then"),
    ("flow_if_footer_without_else.json", "flow.footer_branches", "/screens/0/layout/children/0"),
    ("flow_optin_over_limit.json", "flow.component_limit", "/screens/0/layout/children/0/children/5"),
    (
        "flow_photo_and_document_picker_same_screen.json",
        "flow.component_limit",
        "/screens/0/layout/children/1",
    ),
    (
        "flow_photopicker_in_navigate_payload.json",
        "flow.payload_invalid",
        "/screens/0/layout/children/1/on-click-action/payload/images",
    ),
    (
        "flow_photopicker_min_gt_max.json",
        "flow.range_invalid",
        "/screens/0/layout/children/0/max-uploaded-photos",
    ),
    ("flow_screen_id_with_digits.json", "flow.screen_id_invalid", "/screens/0/id"),
    ("flow_switch_empty_cases.json", "flow.branch_empty", "/screens/0/layout/children/0/cases"),
    ("flow_two_footers_if_and_outside.json", "flow.component_limit", "/screens/0/layout/children/1"),
];

#[test]
fn every_invalid_corpus_flow_gives_its_documented_error() {
    let files: Vec<String> = fs::read_dir(format!("{CORPUS}/invalid"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("flow_") && name.ends_with(".json"))
        .collect();
    assert_eq!(files.len(), INVALID.len(), "every invalid flow in the corpus has an expectation here");
    for (file, code, path) in INVALID {
        let report = validate_file(&Path::new(CORPUS).join("invalid").join(file));
        let hit = report.errors.iter().find(|i| i.code == code && i.path == path);
        let hit = hit.unwrap_or_else(|| panic!("{file}: no {code} at {path}; got {:#?}", report.errors));
        assert!(hit.line.is_some() && hit.column.is_some(), "{file}: text input gives positions");
    }
}

#[test]
fn metas_documented_messages_are_reproduced() {
    let message = |file: &str, code: &str| {
        let report = validate_file(&Path::new(CORPUS).join("invalid").join(file));
        report.errors.into_iter().find(|i| i.code == code).unwrap().message
    };
    assert_eq!(
        message("flow_if_footer_without_else.json", "flow.footer_branches"),
        "Missing Footer inside one of the if branches. Branch \"else\" should exist and contain one Footer."
    );
    assert_eq!(
        message("flow_optin_over_limit.json", "flow.component_limit"),
        "Maximum number of OptIn allowed per screen is 5 but found 7."
    );
    assert_eq!(
        message("flow_two_footers_if_and_outside.json", "flow.component_limit"),
        "You can only have 1 Footer component per screen."
    );
    assert_eq!(
        message("flow_photopicker_in_navigate_payload.json", "flow.payload_invalid"),
        "The PhotoPicker component's value is not allowed in the payload of the navigate action."
    );
}
