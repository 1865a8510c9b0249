//! Parsing what people type into a phone number: separators, `tel:` URIs,
//! full-width and Arabic-Indic digits, `+` or the region's international
//! prefix (`00`, `011`, …), or national format with a default country and its
//! trunk prefix. Every problem is reported at its position in the input.

use super::format::{fill, format};
use super::metadata::{self, split_calling_code, Region};
use super::pattern::Subject;
use super::{code, PhoneResult};
use crate::report::Issue;
use crate::text::{push_decimal, Position};
use std::borrow::Cow;

/// Digits and where each came from in the input.
struct Digits {
    plus: bool,
    digits: Vec<u8>,
    /// Byte offset in the input of each digit.
    offsets: Vec<usize>,
}

/// A digit in any of the scripts people type phone numbers in.
fn digit_value(c: char) -> Option<u8> {
    let base = match c {
        '0'..='9' => '0',
        '０'..='９' => '０',
        '٠'..='٩' => '٠',
        '۰'..='۹' => '۰',
        _ => return None,
    };
    u8::try_from(u32::from(c) - u32::from(base)).ok().map(|d| b'0' + d)
}

/// Separators allowed between digits.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '/' | '.' | '(' | ')' | '[' | ']' | '~' | '～'
    ) || c.is_whitespace()
}

#[inline(never)]
fn error(input: &str, code: &'static str, offset: usize, message: String) -> Issue {
    Issue::error(code, "", message).at(Position::of_byte_offset(input, offset))
}

/// A message built without the formatting machinery, which the phone build
/// would otherwise carry for these alone.
struct Message(String);

impl Default for Message {
    fn default() -> Self {
        Self(String::with_capacity(96))
    }
}

// Not inlined: each inlined push carries its own growth path.
impl Message {
    #[inline(never)]
    fn text(mut self, text: &str) -> Self {
        self.0.push_str(text);
        self
    }

    #[inline(never)]
    fn number(mut self, value: usize) -> Self {
        push_decimal(&mut self.0, value as u64);
        self
    }
}

fn normalize(input: &str) -> Result<Digits, Issue> {
    // tel: URIs (RFC 3966): the number is before any ;parameters.
    let (start, end) = match input.get(..4).filter(|scheme| scheme.eq_ignore_ascii_case("tel:")) {
        Some(_) => (4, input.find(';').unwrap_or(input.len())),
        None => (0, input.len()),
    };
    let mut result = Digits {
        plus: false,
        digits: Vec::with_capacity(input.len()),
        offsets: Vec::with_capacity(input.len()),
    };
    for (offset, c) in input.get(start..end).unwrap_or_default().char_indices() {
        let offset = offset + start;
        if let Some(digit) = digit_value(c) {
            result.digits.push(digit);
            result.offsets.push(offset);
        } else if (c == '+' || c == '＋') && result.digits.is_empty() && !result.plus {
            result.plus = true;
        } else if !is_separator(c) {
            let shown = crate::text::quoted(c.encode_utf8(&mut [0; 4]));
            return Err(error(
                input,
                code::NOT_A_NUMBER,
                offset,
                Message::default().text(&shown).text(" cannot be part of a phone number").0,
            ));
        }
    }
    if result.digits.is_empty() {
        return Err(error(input, code::NOT_A_NUMBER, 0, "there are no digits".to_owned()));
    }
    Ok(result)
}

/// `digits` with the region's national (trunk) prefix removed — or
/// rewritten by the region's transform rule (e.g. a local number given its
/// area code) — as libphonenumber-js does it, unless what is left would not be
/// a plausible number.
fn strip_national_prefix<'d>(region: &Region, digits: &'d [u8]) -> Cow<'d, [u8]> {
    let unchanged = || Cow::Borrowed(digits);
    let subject = Subject::new(digits);
    let Some(found) = region.national_prefix_parser.and_then(|pattern| pattern.match_prefix(&subject)) else {
        return unchanged();
    };
    let group = |n: u32| -> &[u8] {
        let range =
            usize::try_from(n).ok().and_then(|n| n.checked_sub(1)).and_then(|i| found.groups.get(i)).copied();
        range.flatten().and_then(|(start, end)| digits.get(start..end)).unwrap_or_default()
    };
    let last_group_captured = found.groups.last().copied().flatten().is_some_and(|(start, end)| end > start);
    let rest = digits.get(found.length..).unwrap_or_default();
    let national: Vec<u8> = if !region.national_prefix_transform.is_empty() && last_group_captured {
        let mut rewritten = Vec::with_capacity(digits.len() + 4);
        fill(region.national_prefix_transform, &group, &mut |c| {
            rewritten.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        });
        rewritten.extend_from_slice(rest);
        rewritten
    } else {
        rest.to_vec()
    };
    let breaks_a_valid_number =
        region.general.matches(&subject) && !region.general.matches(&Subject::new(&national));
    let shortest = region.lengths.min().unwrap_or(0);
    if national == digits || breaks_a_valid_number || national.len() < shortest {
        unchanged()
    } else {
        Cow::Owned(national)
    }
}

/// The national significant number of digits typed without `+` in `region`:
/// the country code is dropped when someone typed it without the `+` (only
/// if the rest then fits the region better, as libphonenumber decides), then
/// the national prefix is handled.
fn national_number<'d>(region: &Region, digits: &'d [u8]) -> Cow<'d, [u8]> {
    let as_typed = strip_national_prefix(region, digits);
    let mut code = String::new();
    push_decimal(&mut code, u64::from(region.code));
    let Some(after_code) = digits.strip_prefix(code.as_bytes()) else { return as_typed };
    let shorter = strip_national_prefix(region, after_code);
    let fits = |number: &[u8]| region.general.matches(&Subject::new(number));
    let too_long = region.lengths.max().is_some_and(|longest| as_typed.len() > longest);
    if (!fits(&as_typed) && fits(&shorter)) || too_long {
        shorter
    } else {
        as_typed
    }
}

/// Parses `input`; `default_country` (ISO alpha-2, upper case) is used for
/// numbers written without `+`.
pub fn parse(input: &str, default_country: Option<&str>) -> PhoneResult {
    parse_as(input, default_country, true)
}

/// [`parse`] without the national and international formats: the verdict,
/// E.164, country and type, for callers that only check a number (a
/// message's recipient) and should not pay for formatting it.
pub fn validate(input: &str, default_country: Option<&str>) -> PhoneResult {
    parse_as(input, default_country, false)
}

fn parse_as(input: &str, default_country: Option<&str>, formats: bool) -> PhoneResult {
    let digits = match normalize(input) {
        Ok(digits) => digits,
        Err(issue) => return PhoneResult::invalid(issue),
    };
    let default_region = default_country.and_then(metadata::region_by_id);
    let offset_of = |index: usize| digits.offsets.get(index).copied().unwrap_or(input.len());

    // Where the calling code starts: after `+`, after an international prefix, or nowhere.
    let international_start = if digits.plus {
        Some(0)
    } else {
        default_region.and_then(|region| {
            let mask = region.international_prefix?.prefix_lengths(&Subject::new(&digits.digits));
            (mask > 1).then(|| 31 - mask.leading_zeros() as usize)
        })
    };
    let (code, nsn, nsn_start) =
        match (international_start, default_region) {
            (Some(start), _) => {
                let rest = digits.digits.get(start..).unwrap_or_default();
                match split_calling_code(rest) {
                    // People write a trunk prefix after the country code too ("+44 (0)20…");
                    // libphonenumber forgives it, with the plan of the code's main region.
                    Some((code, nsn)) => match metadata::main_region(code) {
                        Some(main) => {
                            let stripped = strip_national_prefix(main, nsn);
                            let start = digits.digits.len().saturating_sub(stripped.len());
                            (code, stripped, start)
                        }
                        None => (code, Cow::Borrowed(nsn), digits.digits.len() - nsn.len()),
                    },
                    None => {
                        return PhoneResult::invalid(error(
                            input,
                            code::INVALID_COUNTRY_CODE,
                            offset_of(start),
                            "no country uses this calling code".to_owned(),
                        ))
                    }
                }
            }
            (None, Some(region)) => {
                let nsn = national_number(region, &digits.digits);
                // A transform rule can add digits (an area code): errors then point at the start.
                let start = digits.digits.len().saturating_sub(nsn.len());
                (region.code, nsn, start)
            }
            (None, None) => return PhoneResult::invalid(error(
                input,
                code::MISSING_COUNTRY,
                0,
                "write the number with + and its country code (e.g. +14155552671), or pass defaultCountry"
                    .to_owned(),
            )),
        };
    classify_and_format(input, code, &nsn, offset_of(nsn_start), formats)
}

fn classify_and_format(input: &str, code: u16, nsn: &[u8], nsn_offset: usize, formats: bool) -> PhoneResult {
    let subject = Subject::new(nsn);
    let mut e164 = String::with_capacity(nsn.len() + 4);
    e164.push('+');
    push_decimal(&mut e164, u64::from(code));
    e164.push_str(std::str::from_utf8(nsn).unwrap_or_default());
    let mut result = PhoneResult::number(e164);
    let found = metadata::region_for(code, &subject);
    let region = found.map(|(region, _)| region);
    let lengths_region = region.or_else(|| metadata::main_region(code));
    result.country = region.map(|r| r.id).filter(|id| *id != "001");
    let lengths = lengths_region.map(|r| r.lengths).unwrap_or_default();
    let length = nsn.len();
    let have =
        || Message::default().number(length).text(" digits after the country code; numbers there have ");
    let length_error = match (lengths.min(), lengths.max()) {
        (Some(min), _) if length < min => {
            Some((code::TOO_SHORT, input.len(), have().text("at least ").number(min)))
        }
        (_, Some(max)) if length > max => {
            let excess = nsn_offset_of_digit(input, nsn_offset, max);
            Some((code::TOO_LONG, excess, have().text("at most ").number(max)))
        }
        (Some(_), _) if !lengths.contains(length) => Some((
            code::INVALID_LENGTH,
            nsn_offset,
            lengths
                .iter()
                .enumerate()
                .fold(have(), |m, (i, n)| if i > 0 { m.text(", ") } else { m }.number(n)),
        )),
        _ => None,
    };
    result.possible = length_error.is_none();
    if let Some((code, offset, message)) = length_error {
        result.errors.push(error(input, code, offset, message.0));
        return result.finish();
    }
    match found.and_then(|(region, number_type)| number_type.map(|t| (region, t))) {
        Some((region, number_type)) => {
            result.valid = true;
            result.number_type = Some(number_type);
            if formats {
                let formatted = format(region, &subject);
                result.national = Some(formatted.national);
                result.international = Some(formatted.international);
            }
        }
        None => result.errors.push(error(
            input,
            code::INVALID_FOR_REGION,
            nsn_offset,
            match region.or(lengths_region) {
                Some(r) if r.id != "001" => Message::default()
                    .text("not a number in use in ")
                    .text(r.id)
                    .text(" (+")
                    .number(usize::from(code))
                    .text(")"),
                _ => Message::default().text("not a number in use for +").number(usize::from(code)),
            }
            .0,
        )),
    }
    result.finish()
}

/// Byte offset of the digit `index` places after the national number starts.
fn nsn_offset_of_digit(input: &str, nsn_offset: usize, index: usize) -> usize {
    input
        .get(nsn_offset..)
        .unwrap_or_default()
        .char_indices()
        .filter(|(_, c)| digit_value(*c).is_some())
        .nth(index)
        .map_or(input.len(), |(offset, _)| nsn_offset + offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phone::metadata::NumberType;

    #[test]
    fn validate_gives_parses_verdict_without_the_formats() {
        for input in [
            "+14155552671",
            "+442071838750",
            "+5511987654321",
            "+1415",
            "+999123",
            "+44 (0)20 7183 8750",
            "x",
        ] {
            let (full, quick) = (parse(input, None), validate(input, None));
            assert_eq!(
                (full.ok, &full.e164, &full.country, &full.number_type),
                (quick.ok, &quick.e164, &quick.country, &quick.number_type),
                "{input}"
            );
            assert_eq!(full.errors, quick.errors, "{input}");
            assert!(quick.national.is_none() && quick.international.is_none(), "{input}");
        }
    }

    fn ok(input: &str, country: Option<&str>) -> PhoneResult {
        let result = parse(input, country);
        assert!(result.ok, "{input}: {:?}", result.errors);
        result
    }

    fn fails(input: &str, country: Option<&str>) -> (&'static str, u32) {
        let result = parse(input, country);
        assert!(!result.ok, "{input} should fail");
        (result.errors[0].code, result.errors[0].column.unwrap())
    }

    #[test]
    fn parses_what_people_type() {
        let us = ok("+1 (415) 555-2671", None);
        assert_eq!(us.e164.as_deref(), Some("+14155552671"));
        assert_eq!(us.wa_id.as_deref(), Some("14155552671"));
        assert_eq!(us.country, Some("US"));
        assert_eq!(us.national.as_deref(), Some("(415) 555-2671"));
        assert_eq!(us.international.as_deref(), Some("+1 415 555 2671"));
        assert_eq!(ok("tel:+1-415-555-2671;ext=12", None).e164.as_deref(), Some("+14155552671"));
        assert_eq!(ok("＋１ ４１５ ５５５ ２６７１", None).e164.as_deref(), Some("+14155552671"));
        assert_eq!(ok("020 7183 8750", Some("GB")).e164.as_deref(), Some("+442071838750"));
        assert_eq!(ok("00 44 20 7183 8750", Some("FR")).e164.as_deref(), Some("+442071838750"));
        assert_eq!(ok("011 44 20 7183 8750", Some("US")).e164.as_deref(), Some("+442071838750"));
        assert_eq!(ok("(415) 555-2671", Some("US")).e164.as_deref(), Some("+14155552671"));
        assert_eq!(ok("7 912 345 67 89", Some("RU")).e164.as_deref(), Some("+79123456789"));
        assert_eq!(ok("+44 7400 123456", None).number_type, Some(NumberType::Mobile));
        assert_eq!(ok("+44 (0)20 7183 8750", None).e164.as_deref(), Some("+442071838750"));
    }

    #[test]
    fn problems_are_reported_where_they_are() {
        assert_eq!(fails("+1 415 abc", None), (code::NOT_A_NUMBER, 8));
        assert_eq!(fails("", None), (code::NOT_A_NUMBER, 1));
        assert_eq!(fails("4155552671", None), (code::MISSING_COUNTRY, 1));
        assert_eq!(fails("+999 123", None), (code::INVALID_COUNTRY_CODE, 2));
        assert_eq!(fails("+1 415", None), (code::TOO_SHORT, 7));
        assert_eq!(fails("+1 415 555 26710", None), (code::TOO_LONG, 16));
        assert_eq!(fails("+1 555 555 5555", None), (code::INVALID_FOR_REGION, 4));
        let invalid = parse("+1 555 555 5555", None);
        assert!(invalid.possible && !invalid.valid && invalid.e164.is_some());
    }

    #[test]
    fn never_panics_on_arbitrary_input() {
        let alphabet: Vec<char> = "+0123456789 -().\n\t１😀a0٣;tel:".chars().collect();
        let mut state: u64 = 0x1234_5678_9ABC_DEF1;
        for round in 0..20_000 {
            let mut input = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            for _ in 0..(state % 24) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                input.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            let result = parse(&input, if round % 2 == 0 { Some("GB") } else { None });
            assert_eq!(result.ok, result.errors.is_empty(), "{input:?}");
        }
    }
}
