//! National and international display forms, as libphonenumber formats them:
//! the first format whose leading digits and pattern fit the number, its
//! `$n` groups filled in, the national prefix added by the formatting rule.

use super::metadata::{main_region, Format, Region};
use super::pattern::{Subject, MAX_GROUPS};
use crate::text::push_decimal;

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

/// Emits `template` with each `$n` replaced by `group(n)` (format templates,
/// and national-prefix transform rules such as "9$1").
pub(super) fn fill<'g>(template: &str, group: &dyn Fn(u32) -> &'g [u8], emit: &mut dyn FnMut(char)) {
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek().and_then(|d| d.to_digit(10)).filter(|_| c == '$') {
            Some(n) => {
                chars.next();
                group(n).iter().for_each(|&digit| emit(char::from(digit)));
            }
            None => emit(c),
        }
    }
}

/// Emits `template` filled in, its first `$n` replaced by `rule` in which
/// `$1` stands for that group (as in libphonenumber, where the rule is a
/// regex replacement applied to the format: "0$1" on "$2 15-$3" gives "0$2 15-$3").
fn fill_with_rule<'g>(
    template: &str,
    rule: &str,
    group: &dyn Fn(u32) -> &'g [u8],
    emit: &mut dyn FnMut(char),
) {
    // Only the first '$', and only when a group number follows it.
    let first = template.find('$').and_then(|at| {
        let n = template.get(at + 1..)?.chars().next()?.to_digit(10)?;
        Some((at, n))
    });
    let Some((at, n)) = first.filter(|_| !rule.is_empty()) else { return fill(template, group, emit) };
    fill(template.get(..at).unwrap_or_default(), group, emit);
    fill(rule, &|k| if k == 1 { group(n) } else { group(k) }, emit);
    fill(template.get(at + 2..).unwrap_or_default(), group, emit);
}

fn choose<'r>(formats: &'r [Format], subject: &Subject<'_>) -> Option<&'r Format> {
    let length = subject.digits().len();
    formats.iter().find(|format| {
        (format.lengths.0..=format.lengths.1).contains(&length)
            && format.leading_digits.is_none_or(|pattern| pattern.matches_prefix(subject))
            && format.pattern.matches(subject)
    })
}

/// Formats national significant number `subject` of `region`.
pub fn format(region: &Region, subject: &Subject<'_>) -> Formatted {
    let nsn = subject.digits();
    let mut international = String::with_capacity(nsn.len() + 12);
    international.push('+');
    push_decimal(&mut international, u64::from(region.code));
    international.push(' ');
    let plain = |mut international: String| {
        let national: String = nsn.iter().map(|&digit| char::from(digit)).collect();
        international.push_str(&national);
        Formatted { national, international }
    };
    // Regions sharing a calling code keep formats and rules in the main
    // region; looked up only for the others (rank 0 is the main one).
    let main = || if region.rank == 0 { None } else { main_region(region.code) };
    let formats = match (&region.formats[..], region.formats.is_empty().then(main).flatten()) {
        ([], Some(main)) => &main.formats[..],
        (own, _) => own,
    };
    let Some(chosen) = choose(formats, subject) else { return plain(international) };
    let mut ends = [0; MAX_GROUPS];
    let Some(count) = chosen.pattern.group_ends(nsn, &mut ends) else { return plain(international) };
    let group = |n: u32| -> &[u8] {
        let n = usize::try_from(n).unwrap_or(0);
        if n == 0 || n > count {
            return &[];
        }
        let start = if n == 1 { 0 } else { ends.get(n - 2).copied().unwrap_or(0) };
        nsn.get(start..ends.get(n - 1).copied().unwrap_or(0)).unwrap_or_default()
    };
    // What the first match did not cover stays as it was (String.replace).
    let tail = ends.get(count.wrapping_sub(1)).and_then(|&end| nsn.get(end..)).unwrap_or_default();
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
    let mut national = String::with_capacity(nsn.len() + 8);
    fill_with_rule(chosen.national, rule, &group, &mut |c| national.push(c));
    national.extend(tail.iter().map(|&d| char::from(d)));
    let template = match chosen.international {
        "NA" => return Formatted { national, ..plain(international) },
        "" => chosen.national,
        template => template,
    };
    // As libphonenumber's international style: the groups separated by single spaces.
    let (mut started, mut gap) = (false, false);
    let mut spaced = |c: char| {
        if is_punctuation(c) {
            gap = started;
        } else {
            if gap {
                international.push(' ');
                gap = false;
            }
            international.push(c);
            started = true;
        }
    };
    fill(template, &group, &mut spaced);
    tail.iter().for_each(|&d| spaced(char::from(d)));
    Formatted { national, international }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phone::metadata::region_for;

    fn formatted(code: u16, nsn: &str) -> (String, String) {
        let subject = Subject::new(nsn.as_bytes());
        let (region, _) = region_for(code, &subject).unwrap();
        let f = format(region, &subject);
        (f.national, f.international)
    }

    #[test]
    fn formats_like_libphonenumber() {
        assert_eq!(formatted(1, "4155552671"), ("(415) 555-2671".into(), "+1 415 555 2671".into()));
        assert_eq!(formatted(44, "2071838750"), ("020 7183 8750".into(), "+44 20 7183 8750".into()));
        assert_eq!(formatted(33, "612345678"), ("06 12 34 56 78".into(), "+33 6 12 34 56 78".into()));
    }

    fn filled(template: &str, rule: &str, groups: &[&[u8]]) -> String {
        let mut out = String::new();
        let group =
            |n: u32| (n as usize).checked_sub(1).and_then(|i| groups.get(i).copied()).unwrap_or_default();
        fill_with_rule(template, rule, &group, &mut |c| out.push(c));
        out
    }

    #[test]
    fn templates_are_filled_group_by_group() {
        assert_eq!(filled("($1) $2-$3", "", &[b"415", b"555", b"2671"]), "(415) 555-2671");
        assert_eq!(filled("$1 $2", "0$1", &[b"20", b"7183"]), "020 7183");
        assert_eq!(filled("$2 15-$3-$4", "0$1", &[b"9", b"11", b"2345", b"6789"]), "011 15-2345-6789");
        assert_eq!(filled("$1 $9", "", &[b"1"]), "1 ");
        assert_eq!(filled("$$1 $x", "", &[b"1"]), "$1 $x");
        // The rule goes in only where the first '$' names a group.
        assert_eq!(filled("$x $1", "0$1", &[b"1"]), "$x 1");
    }
}
