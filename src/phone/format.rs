//! National and international display forms, as libphonenumber formats them:
//! the first format whose leading digits and pattern fit the number, its
//! `$n` groups filled in, the national prefix added by the formatting rule.

use super::metadata::{regions_for_code, Format, Region};

/// A number's two display forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Formatted {
    /// As dialled inside the country, e.g. "(415) 555-2671" or "020 7183 8750".
    pub national: String,
    /// As dialled from abroad, e.g. "+1 415 555 2671".
    pub international: String,
}

/// Characters libphonenumber treats as punctuation between groups.
fn is_punctuation(c: char) -> bool {
    matches!(
        c,
        '-' | '‐'
            | '‑'
            | '‒'
            | '–'
            | '—'
            | '―'
            | '−'
            | '/'
            | '.'
            | '('
            | ')'
            | '['
            | ']'
            | '~'
            | '⁓'
            | '∼'
            | '～'
    ) || c.is_whitespace()
}

/// `template` with each `$n` replaced by group `n` of `groups` (format
/// templates, and national-prefix transform rules such as "9$1").
pub(super) fn fill(template: &str, groups: &[&[u8]]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        let group = chars.peek().and_then(|d| d.to_digit(10)).filter(|_| c == '$');
        match group {
            Some(n) => {
                chars.next();
                let digits = usize::try_from(n).ok().and_then(|n| groups.get(n.checked_sub(1)?));
                out.push_str(std::str::from_utf8(digits.copied().unwrap_or_default()).unwrap_or_default());
            }
            None => out.push(c),
        }
    }
    out
}

/// `template` with its first `$n` replaced by `rule`, in which `$1` stands
/// for that first group (as in libphonenumber, where the rule is a regex
/// replacement applied to the format: "0$1" on "$2 15-$3" gives "0$2 15-$3").
fn with_national_prefix(template: &str, rule: &str) -> String {
    let first = template
        .find('$')
        .filter(|&at| template.get(at + 1..at + 2).is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit())));
    match (first, first.and_then(|at| template.get(at..at + 2))) {
        (Some(at), Some(group)) => format!(
            "{}{}{}",
            template.get(..at).unwrap_or_default(),
            rule.replace("$1", group),
            template.get(at + 2..).unwrap_or_default()
        ),
        _ => template.to_owned(),
    }
}

fn choose<'r>(formats: &'r [Format], nsn: &[u8]) -> Option<&'r Format> {
    formats.iter().find(|format| {
        let leading = format.leading_digits.get().is_none_or(|pattern| pattern.matches_prefix(nsn));
        leading && format.pattern.get().is_some_and(|pattern| pattern.matches(nsn))
    })
}

/// Formats national significant number `nsn` of `region`.
pub fn format(region: &Region, nsn: &[u8]) -> Formatted {
    let digits = std::str::from_utf8(nsn).unwrap_or_default();
    let plain =
        Formatted { national: digits.to_owned(), international: format!("+{} {digits}", region.code) };
    // Regions sharing a calling code keep formats and rules in the main
    // region; looked up only for the others (rank 0 is the main one).
    let main = || if region.rank == 0 { None } else { regions_for_code(region.code).into_iter().next() };
    let formats = match (&region.formats[..], region.formats.is_empty().then(main).flatten()) {
        ([], Some(main)) => &main.formats[..],
        (own, _) => own,
    };
    let Some(chosen) = choose(formats, nsn) else { return plain };
    let Some(groups) = chosen.pattern.get().and_then(|pattern| pattern.captures(nsn)) else { return plain };
    let region_rule = match (
        region.national_prefix_formatting_rule,
        region.national_prefix_formatting_rule.is_empty().then(main).flatten(),
    ) {
        ("", Some(main)) => main.national_prefix_formatting_rule,
        (rule, _) => rule,
    };
    let rule = if chosen.national_prefix_formatting_rule.is_empty() {
        region_rule
    } else {
        chosen.national_prefix_formatting_rule
    };
    let national_template = if rule.is_empty() {
        chosen.national.to_owned()
    } else {
        with_national_prefix(chosen.national, rule)
    };
    let international = match chosen.international {
        "NA" => plain.international,
        "" => spaced(region.code, &fill(chosen.national, &groups)),
        template => spaced(region.code, &fill(template, &groups)),
    };
    Formatted { national: fill(&national_template, &groups), international }
}

/// "+code " and the groups separated by single spaces, as libphonenumber's international style.
fn spaced(code: u16, grouped: &str) -> String {
    let mut out = format!("+{code} ");
    let mut gap = false;
    for c in grouped.trim_matches(is_punctuation).chars() {
        if is_punctuation(c) {
            gap = true;
        } else {
            if gap {
                out.push(' ');
                gap = false;
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phone::metadata::region_for;

    fn formatted(code: u16, nsn: &str) -> (String, String) {
        let (region, _) = region_for(code, nsn.as_bytes()).unwrap();
        let f = format(region, nsn.as_bytes());
        (f.national, f.international)
    }

    #[test]
    fn formats_like_libphonenumber() {
        assert_eq!(formatted(1, "4155552671"), ("(415) 555-2671".into(), "+1 415 555 2671".into()));
        assert_eq!(formatted(44, "2071838750"), ("020 7183 8750".into(), "+44 20 7183 8750".into()));
        assert_eq!(formatted(33, "612345678"), ("06 12 34 56 78".into(), "+33 6 12 34 56 78".into()));
    }

    #[test]
    fn templates_are_filled_group_by_group() {
        assert_eq!(fill("($1) $2-$3", &[b"415", b"555", b"2671"]), "(415) 555-2671");
        assert_eq!(with_national_prefix("$1 $2", "0$1"), "0$1 $2");
        assert_eq!(with_national_prefix("$2 15-$3-$4", "0$1"), "0$2 15-$3-$4");
        assert_eq!(fill("$1 $9", &[b"1"]), "1 ");
    }
}
