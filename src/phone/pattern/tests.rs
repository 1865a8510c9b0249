//! Tests of `phone::pattern`.

use super::*;

fn full(pattern: &str, input: &str) -> bool {
    Compiled::new(pattern).unwrap().matches(input.as_bytes())
}

#[test]
fn digits_classes_groups_and_quantifiers() {
    assert!(full(r"[2-9]\d{9}", "4155552671"));
    assert!(!full(r"[2-9]\d{9}", "1155552671"));
    assert!(!full(r"[2-9]\d{9}", "415555267"));
    assert!(full(r"8(?:00|33|44)[2-9]\d{6}", "8002345678"));
    assert!(!full(r"8(?:00|33|44)[2-9]\d{6}", "8112345678"));
    assert!(full(r"(?:11|[89]\d\d)\d{8}|[2368]\d{9}", "1123456789"));
    assert!(full(r"0?\d{2,3}", "123") && full(r"0?\d{2,3}", "0123") && !full(r"0?\d{2,3}", "01234"));
    assert!(full(r"[13-57]", "4") && !full(r"[13-57]", "6"));
    assert!(full(r"(?:12){2}3?", "1212") && full(r"(?:12){2}3?", "12123") && !full(r"(?:12){2}3?", "12"));
    assert!(full("", ""));
}

#[test]
fn length_bounds_count_digits() {
    let bounds = |pattern: &str| Compiled::new(pattern).unwrap().pattern().length_bounds();
    assert_eq!(bounds(r"(\d{3})(\d{3,4})"), (6, 7));
    assert_eq!(bounds(r"1|[2-9]\d{2}(?:5\d)?"), (1, 5));
    assert_eq!(bounds(r"(5\d{6})$|1"), (1, 7));
}

#[test]
fn prefix_matching_is_looking_at() {
    let leading = Compiled::new("2(?:2[024-9]|3[0-59])").unwrap();
    assert!(leading.matches_prefix(b"2241234"));
    assert!(!leading.matches_prefix(b"2231234"));
    assert!(!leading.matches_prefix(b"2131234"));
    assert!(!leading.matches_prefix(b"22"));
}

fn groups(pattern: &str, digits: &str) -> Option<Vec<usize>> {
    let mut ends = [0; MAX_GROUPS];
    let count = Compiled::new(pattern).unwrap().pattern().group_ends(digits.as_bytes(), &mut ends)?;
    Some(ends[..count].to_vec())
}

#[test]
fn format_groups_are_placed_like_javascript() {
    assert_eq!(groups(r"(\d{2,3})(\d{4})", "1234567"), Some(vec![3, 7]));
    assert_eq!(groups(r"(\d{2,3})(\d{4})", "123456"), Some(vec![2, 6]));
    assert_eq!(groups(r"(\d{2,3})(\d{4})", "12345"), None);
    assert_eq!(groups(r"(\d)([2-9]\d?)", "123"), None);
    assert_eq!(groups(r"([1-3]{1,2})([1-3])", "123"), Some(vec![2, 3]));
    // JavaScript stops at the first match: here before the last digit.
    assert_eq!(groups(r"(\d{3})(\d{1,2})", "123456789"), Some(vec![3, 5]));
    // Not a sequence of single-atom groups.
    assert_eq!(groups(r"(\d{3})(\d{4})|(\d)(\d{6})", "1234567"), None);
}

#[test]
fn dollar_anchors_the_end_inside_prefix_matches() {
    let prefix = Compiled::new(r"(5\d{6})$|1").unwrap();
    assert!(prefix.matches_prefix(b"5123456"));
    assert!(!prefix.matches(b"51234567") && !prefix.matches_prefix(b"51234567"));
    assert!(prefix.matches_prefix(b"1999"));
}

#[test]
fn prefix_matches_and_groups_follow_javascript() {
    let japan = Compiled::new(r"(000[2569]\d{4,6})$|(?:(?:003768)0?)|0").unwrap();
    let m = japan.match_prefix(b"0312345678").unwrap();
    assert_eq!((m.length, m.groups.clone()), (1, vec![None]));
    let m = japan.match_prefix(b"00021234").unwrap();
    assert_eq!((m.length, m.groups), (8, vec![Some((0, 8))]));
    let nested = Compiled::new(r"0?(?:(11|2\d)15)?").unwrap();
    let m = nested.match_prefix(b"01115234").unwrap();
    assert_eq!((m.length, m.groups), (5, vec![Some((1, 3))]));
    let m = nested.match_prefix(b"0123").unwrap();
    assert_eq!((m.length, m.groups), (1, vec![None]));
    assert!(Compiled::new("5").unwrap().match_prefix(b"6").is_none());
    assert!(Compiled::new("(?=1)").is_err());
}

#[test]
fn unsupported_syntax_is_an_error_with_a_position() {
    assert_eq!(Compiled::new(r"\w").unwrap_err().at, 1);
    assert_eq!(Compiled::new("(12").unwrap_err().reason, "expected ')'");
    assert!(Compiled::new("1{3,2}").is_err());
    assert!(Compiled::new("12)").is_err());
    assert!(Compiled::new("[9-1]").is_err());
}

#[test]
fn long_inputs_never_match_and_never_panic() {
    let pattern = Compiled::new(r"\d{1,31}").unwrap();
    assert!(pattern.matches(&[b'1'; 31]));
    assert!(!pattern.matches(&[b'1'; 32]));
    assert!(!pattern.matches(b"12a4"));
    // Truncated bytecode reads as digits that match nothing.
    assert!(!Pattern::new(&[3, 0, GROUP, 9]).matches(&Subject::new(b"1")));
    assert!(!Pattern::new(&[9]).matches(&Subject::new(b"1")));
}
