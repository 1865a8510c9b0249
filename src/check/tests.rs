//! Tests of `check`.

use super::*;
use crate::json::parse;

#[test]
fn readers_report_wrong_types_with_path_and_position() {
    let text = "{\n  \"a\": 1,\n  \"b\": \"x\"\n}";
    let doc = parse(text).unwrap();
    let mut checker = Checker::new(&doc, Some(text));
    let root = At::root(&doc);
    assert_eq!(root.get("a").unwrap().str(&mut checker), None);
    assert_eq!(root.get("b").unwrap().str(&mut checker), Some("x"));
    assert!(root.required(&mut checker, "c", "the thing").is_none());
    let report = checker.finish();
    assert_eq!(report.errors.len(), 2);
    let wrong = &report.errors[0];
    assert_eq!(
        (wrong.code, wrong.path.as_str(), wrong.line, wrong.column),
        ("wrong_type", "/a", Some(2), Some(8))
    );
    assert_eq!(wrong.message, "expected a string, got number");
    let missing = &report.errors[1];
    assert_eq!((missing.code, missing.path.as_str(), missing.line), ("missing", "/c", Some(1)));
}

#[test]
fn objects_given_as_values_have_no_positions() {
    let doc = parse(r#"{"a": 1}"#).unwrap();
    let mut checker = Checker::new(&doc, None);
    At::root(&doc).get("a").unwrap().str(&mut checker);
    assert_eq!(checker.finish().errors[0].line, None);
}

#[test]
fn unknown_and_duplicate_keys_are_warnings_at_the_key() {
    let text = r#"{"a": 1, "zz": 2, "a": 3}"#;
    let doc = parse(text).unwrap();
    let mut checker = Checker::new(&doc, Some(text));
    checker.unknown_keys(&At::root(&doc), &["a"], "the thing");
    let report = checker.finish();
    assert!(report.ok);
    let mut codes: Vec<_> = report.warnings.iter().map(|w| (w.code, w.path.as_str(), w.column)).collect();
    codes.sort_unstable();
    assert_eq!(codes, [("duplicate_key", "/a", Some(2)), ("unknown_key", "/zz", Some(10))]);
}

#[test]
fn findings_are_deduplicated_and_capped() {
    let items = vec!["1"; MAX_ISSUES + 50].join(",");
    let text = format!("[{items}]");
    let doc = parse(&text).unwrap();
    let mut checker = Checker::new(&doc, None);
    for item in At::root(&doc).items() {
        item.str(&mut checker);
        item.str(&mut checker);
    }
    let report = checker.finish();
    assert_eq!(report.errors.len(), MAX_ISSUES);
    assert_eq!(report.warnings[0].code, code::TOO_MANY_ISSUES);
}

#[test]
fn first_occurrences_small_and_large() {
    for size in [5, 40] {
        let texts: Vec<String> = (0..size).map(|i| format!("t{}", i % 3)).collect();
        let firsts = first_occurrences(size, &|i| texts[i].as_str());
        let expected: Vec<Option<usize>> = (0..size).map(|i| (i >= 3).then_some(i % 3)).collect();
        assert_eq!(firsts, expected, "{size}");
    }
}

#[test]
fn integers_reject_fractions() {
    let doc = parse("[1, 1.5, \"1\"]").unwrap();
    let mut checker = Checker::new(&doc, None);
    let items = At::root(&doc).items();
    assert_eq!(items[0].integer(&mut checker), Some(1));
    assert_eq!(items[1].integer(&mut checker), None);
    assert_eq!(items[2].integer(&mut checker), None);
    assert_eq!(checker.finish().errors.len(), 2);
}
