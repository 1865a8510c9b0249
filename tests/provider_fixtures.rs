//! The provider bodies in tests/fixtures/providers/ (in the shapes the
//! providers' documents show) pass their provider's checks without findings.
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::fs;
use std::path::Path;
use whatsapp_edge::api::providers::{bird, cirrus};

/// 2026-01-01T10:00:00Z: the Bird fixture schedules for two hours later.
const NOW_MS: i64 = 1_767_261_600_000;

#[test]
fn the_fixture_bodies_pass_their_provider_checks() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/providers");
    let mut checked = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let doc = whatsapp_edge::json::parse(&text).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let report = match name.split('_').next() {
            Some("bird") => bird::validate_message(&doc, Some(&text), NOW_MS),
            Some("cirrus") => cirrus::validate_send(&doc, Some(&text)),
            _ => panic!("{name}: fixtures are named bird_* or cirrus_*"),
        };
        assert!(report.ok && report.warnings.is_empty(), "{name}: {:?} {:?}", report.errors, report.warnings);
        checked.push(name);
    }
    assert_eq!(checked.len(), 3, "{checked:?}");
}
