//! Strict E.164 shape: `+`, a country code not starting with 0, at most 15 digits.
//!
//! Shape only (REFERENCE.md §2.1: `^\+[1-9]\d{1,14}$`): no separators, no
//! trimming, no per-country rules. Each failure points at the character at fault.

use super::{code, PhoneResult};
use crate::report::Issue;
use crate::text::{quoted, Position};

/// E.164 allows at most 15 digits after the `+`.
const MAX_DIGITS: usize = 15;
/// A country code and at least one digit of national number.
const MIN_DIGITS: usize = 2;

/// Checks that `input` is exactly a strict E.164 number.
pub fn parse_strict_e164(input: &str) -> PhoneResult {
    let fail = |code, byte_offset: usize, message: String| {
        PhoneResult::invalid(Issue::error(code, "", message).at(Position::of_byte_offset(input, byte_offset)))
    };

    let Some(digits) = input.strip_prefix('+') else {
        return match input.chars().next() {
            None => fail(code::NOT_A_NUMBER, 0, "the number is empty".to_owned()),
            Some(first) => fail(
                code::NOT_A_NUMBER,
                0,
                format!("an E.164 number starts with '+', not {}", char_quoted(first)),
            ),
        };
    };

    if let Some((index, bad)) = digits.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        return fail(
            code::NOT_A_NUMBER,
            1 + index,
            format!(
                "{} is not a digit; E.164 has only digits after '+' (no spaces or separators)",
                char_quoted(bad)
            ),
        );
    }

    if digits.starts_with('0') {
        return fail(code::INVALID_COUNTRY_CODE, 1, "a country calling code never starts with 0".to_owned());
    }
    if digits.len() < MIN_DIGITS {
        return fail(
            code::TOO_SHORT,
            input.len(),
            format!("{} digit(s); a number needs at least {MIN_DIGITS}", digits.len()),
        );
    }
    if digits.len() > MAX_DIGITS {
        return fail(
            code::TOO_LONG,
            1 + MAX_DIGITS,
            format!("{} digits; E.164 allows at most {MAX_DIGITS}", digits.len()),
        );
    }
    PhoneResult::valid_shape(input.to_owned())
}

fn char_quoted(c: char) -> String {
    quoted(c.encode_utf8(&mut [0; 4]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_error(input: &str) -> (&'static str, u32) {
        let result = parse_strict_e164(input);
        assert!(!result.ok, "{input} should be rejected");
        assert_eq!(result.errors.len(), 1);
        let issue = &result.errors[0];
        assert_eq!(issue.line, Some(1));
        (issue.code, issue.column.unwrap())
    }

    #[test]
    fn accepts_strict_e164_and_derives_wa_id() {
        let result = parse_strict_e164("+14155552671");
        assert!(result.ok);
        assert_eq!(result.e164.as_deref(), Some("+14155552671"));
        assert_eq!(result.wa_id.as_deref(), Some("14155552671"));
        assert!(result.errors.is_empty());
    }

    #[test]
    fn accepts_the_length_bounds() {
        assert!(parse_strict_e164("+12").ok);
        assert!(parse_strict_e164("+123456789012345").ok);
    }

    #[test]
    fn rejects_with_the_position_of_the_problem() {
        assert_eq!(first_error(""), (code::NOT_A_NUMBER, 1));
        assert_eq!(first_error("14155552671"), (code::NOT_A_NUMBER, 1));
        assert_eq!(first_error("+1 415"), (code::NOT_A_NUMBER, 3));
        assert_eq!(first_error("+1415555267a"), (code::NOT_A_NUMBER, 12));
        assert_eq!(first_error("+0123456"), (code::INVALID_COUNTRY_CODE, 2));
        assert_eq!(first_error("+"), (code::TOO_SHORT, 2));
        assert_eq!(first_error("+1"), (code::TOO_SHORT, 3));
        assert_eq!(first_error("+1234567890123456"), (code::TOO_LONG, 17));
    }

    #[test]
    fn non_ascii_digits_are_not_digits_and_columns_count_utf16() {
        // Full-width digits are for the lenient parser; strict E.164 is ASCII.
        assert_eq!(first_error("+１4155552671"), (code::NOT_A_NUMBER, 2));
        assert_eq!(first_error("+1😀2"), (code::NOT_A_NUMBER, 3));
    }

    #[test]
    fn never_panics_on_arbitrary_input() {
        // A small deterministic generator over an alphabet rich in edge cases.
        let alphabet: Vec<char> = "+0123456789 -().\n\t１😀éa".chars().collect();
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            let mut input = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 24) as usize;
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                input.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            let result = parse_strict_e164(&input);
            assert_eq!(result.ok, result.errors.is_empty(), "{input:?}");
        }
    }
}
