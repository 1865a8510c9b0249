//! Tests of `json::parse`.

use super::*;

fn err(text: &str) -> (&'static str, u32, u32) {
    let issue = parse(text).unwrap_err();
    (issue.code, issue.line.unwrap(), issue.column.unwrap())
}

#[test]
fn parses_every_kind_of_value_with_spans() {
    let text = r#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\u00e9\ud83d\ude00"} "#;
    let doc = parse(text).unwrap();
    assert_eq!(doc.span, Span { start: 1, end: text.len() - 1 });
    let items = doc.get("a").unwrap().items().unwrap();
    assert_eq!(items[1].value, Value::Number(-2500.0));
    assert_eq!(items[4].value, Value::Null);
    assert_eq!(doc.get("b").unwrap().as_str(), Some("x\"é😀"));
    let (key, _) = &doc.members().unwrap()[1];
    let b = text.find(r#""b""#).unwrap();
    assert_eq!((key.name.as_ref(), key.span), ("b", Span { start: b, end: b + 3 }));
}

#[test]
fn reports_syntax_errors_where_they_are() {
    assert_eq!(err(""), (code::SYNTAX, 1, 1));
    assert_eq!(err("{\n  \"a\" 1}"), (code::SYNTAX, 2, 7));
    assert_eq!(err("[1,]"), (code::SYNTAX, 1, 4));
    assert_eq!(err("{'a': 1}"), (code::SYNTAX, 1, 2));
    assert_eq!(err("[01]"), (code::SYNTAX, 1, 2));
    assert_eq!(err("\"a\tb\""), (code::SYNTAX, 1, 3));
    assert_eq!(err("\"abc"), (code::SYNTAX, 1, 5));
    assert_eq!(err("True"), (code::SYNTAX, 1, 1));
    assert_eq!(err("1 2"), (code::SYNTAX, 1, 3));
    assert_eq!(err("\"\\x\""), (code::SYNTAX, 1, 3));
    assert_eq!(err("\"\\u12G4\""), (code::SYNTAX, 1, 4));
    assert_eq!(err("-"), (code::SYNTAX, 1, 2));
    assert_eq!(err("1.e5"), (code::SYNTAX, 1, 3));
}

#[test]
fn lone_surrogates_become_replacement_characters() {
    assert_eq!(parse(r#""\ud800x""#).unwrap().as_str(), Some("\u{fffd}x"));
    assert_eq!(parse(r#""\udc00""#).unwrap().as_str(), Some("\u{fffd}"));
    assert_eq!(parse(r#""\ud800\u0041""#).unwrap().as_str(), Some("\u{fffd}A"));
}

#[test]
fn nesting_is_bounded() {
    let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
    assert!(parse(&ok).is_ok());
    let deep = "[".repeat(100_000);
    assert_eq!(parse(&deep).unwrap_err().code, code::TOO_DEEP);
}

#[test]
fn numbers_match_javascript_where_validators_need_exactness() {
    for text in [
        "0",
        "-0",
        "1",
        "-1",
        "42",
        "86400",
        "9007199254740992",
        "0.5",
        "1.25",
        "-2.5e3",
        "1E2",
        "1e-7",
        "123.456",
        "3.14159",
        "1e22",
        "0.000001",
    ] {
        assert_eq!(parse(text).unwrap().as_f64(), Some(text.parse::<f64>().unwrap()), "{text}");
    }
    assert_eq!(parse("1e400").unwrap().as_f64(), Some(f64::INFINITY));
    assert_eq!(parse("-1e400").unwrap().as_f64(), Some(f64::NEG_INFINITY));
    assert_eq!(parse("1e-400").unwrap().as_f64(), Some(0.0));
    assert_eq!(parse("1e99999999999999999999999").unwrap().as_f64(), Some(f64::INFINITY));
    assert_eq!(parse("12345678901234567890123").unwrap().as_f64(), Some(1.2345678901234568e22));
}

#[test]
fn long_decimals_are_within_a_few_ulps() {
    for text in ["0.1234567890123456789", "2.2250738585072014e-308", "123456.7890123456789e-10", "1.5e300"] {
        let ours = parse(text).unwrap().as_f64().unwrap();
        let exact = text.parse::<f64>().unwrap();
        assert!(((ours - exact) / exact).abs() < 1e-14, "{text}: {ours} vs {exact}");
    }
}

#[test]
fn never_panics_on_arbitrary_input() {
    let alphabet: Vec<char> = "{}[]\":,\\u0123456789abcdefnrt-+.eE \n\té😀\u{1}".chars().collect();
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..50_000 {
        let len = (next() % 32) as usize;
        let text: String = (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect();
        if let Ok(node) = parse(&text) {
            assert!(node.span.end <= text.len());
        }
    }
}
