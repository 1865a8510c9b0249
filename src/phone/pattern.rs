//! The regular-expression subset libphonenumber's metadata is written in,
//! as flat bytecode, matched by position sets (no backtracking) and, where
//! JavaScript's choice of groups matters, by a bounded backtracking matcher.
//!
//! The metadata patterns use only digits, `\d`, `[...]` digit classes with
//! ranges, `(...)` and `(?:...)` groups, `|`, `?`, `{n}` / `{n,m}` and `$`
//! (checked against every pattern of the pinned metadata). Inputs are at
//! most 31 digits, so the matcher tracks *sets of positions* as `u32` bit
//! masks: every construct maps the positions where it may start to the
//! positions where it may end. Time is linear in pattern size × input
//! length whatever the pattern. The bytecode is one byte slice per pattern.
//!
//! Bytecode: an alternation is its sequences, each `length:u16` (little
//! endian) and its items, so a sequence that stops matching is left at once;
//! an item is an atom and an optional quantifier. Atoms: `0`-`9` a digit,
//! [`ANY`], [`CLASS`] `low high` (a mask of digits), [`GROUP`] `length:u16`
//! alternation, [`CAPTURE`] `number length:u16` alternation, [`END`].
//! Quantifiers: [`OPTIONAL`], [`EXACT`] `n`, [`RANGE`] `n m`.

mod backtrack;
mod compile;
#[cfg(test)]
mod tests;

use backtrack::{backtrack_alternation, count_captures, place};
pub use backtrack::{PrefixMatch, MAX_GROUPS};
pub use compile::{Compiled, PatternError};

/// Longest input the position masks can hold.
pub const MAX_INPUT: usize = 31;

/// `\d`.
pub const ANY: u8 = 10;
/// `[...]`, followed by the mask of its digits (0-7, then 8-9).
pub const CLASS: u8 = 11;
/// `(?:...)`, followed by the body's length (u16, little-endian) and the body.
pub const GROUP: u8 = 12;
/// `(...)`, followed by its number (from 1), the body's length and the body.
pub const CAPTURE: u8 = 13;
/// `$`.
pub const END: u8 = 14;
/// `?` after an atom.
pub const OPTIONAL: u8 = 16;
/// `{n}` after an atom, followed by n.
pub const EXACT: u8 = 17;
/// `{n,m}` after an atom, followed by n and m.
pub const RANGE: u8 = 18;

/// A pattern's bytecode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pattern<'c> {
    code: &'c [u8],
}

/// The digits a pattern is matched against, with each digit's positions as a mask.
pub struct Subject<'d> {
    digits: &'d [u8],
    /// Bit `p` of entry `d`: the digit at position `p` is `d`.
    by_digit: [u32; 10],
    /// Positions holding a digit (`\d` steps from them).
    readable: u32,
}

impl<'d> Subject<'d> {
    /// `digits` (ASCII); longer than [`MAX_INPUT`] matches nothing.
    pub fn new(digits: &'d [u8]) -> Self {
        let mut by_digit = [0u32; 10];
        if digits.len() <= MAX_INPUT {
            for (position, &digit) in digits.iter().enumerate() {
                if let Some(mask) = by_digit.get_mut(usize::from(digit.wrapping_sub(b'0'))) {
                    *mask |= 1 << position;
                }
            }
        }
        let readable = by_digit.iter().fold(0, |all, mask| all | mask);
        Self { digits, by_digit, readable }
    }

    /// The digits.
    pub fn digits(&self) -> &'d [u8] {
        self.digits
    }

    fn fits(&self) -> bool {
        self.digits.len() <= MAX_INPUT
    }

    /// Whether the digit at `position` is in `mask`.
    fn digit_in(&self, position: usize, mask: u16) -> bool {
        self.digits.get(position).is_some_and(|&d| d.is_ascii_digit() && mask >> (d - b'0') & 1 != 0)
    }
}

/// One item of a sequence: an atom and how often it repeats.
#[derive(Clone, Copy)]
struct Item<'c> {
    atom: Atom<'c>,
    min: u8,
    max: u8,
}

#[derive(Clone, Copy)]
enum Atom<'c> {
    /// The digits it accepts, bit `d` for digit `d`.
    Set(u16),
    /// `\d`.
    Any,
    /// `$`.
    End,
    /// A group's body; the capture number (from 1) when it captures.
    Group(&'c [u8], Option<u8>),
}

fn u16_at(code: &[u8], at: usize) -> usize {
    let low = code.get(at).copied().unwrap_or(0);
    let high = code.get(at + 1).copied().unwrap_or(0);
    usize::from(u16::from_le_bytes([low, high]))
}

/// The item at `at` and where the next one starts. Bytecode the decoders
/// made is well formed; a truncated one reads as digits that match nothing.
fn item(code: &[u8], at: usize) -> (Item<'_>, usize) {
    let byte = |offset: usize| code.get(at + offset).copied().unwrap_or(0);
    let (atom, mut next) = match byte(0) {
        digit @ 0..=9 => (Atom::Set(1 << digit), at + 1),
        ANY => (Atom::Any, at + 1),
        CLASS => (Atom::Set(u16::from_le_bytes([byte(1), byte(2)])), at + 3),
        GROUP | CAPTURE => {
            let capture = byte(0) == CAPTURE;
            let start = at + 3 + usize::from(capture);
            let end = start + u16_at(code, start - 2);
            let body = code.get(start..end).unwrap_or_default();
            (Atom::Group(body, capture.then(|| byte(1))), end)
        }
        END => (Atom::End, at + 1),
        _ => (Atom::Set(0), at + 1),
    };
    let quantifier = code.get(next).copied();
    let (min, max) = match quantifier {
        Some(OPTIONAL) => (0, 1),
        Some(EXACT) => (byte(next - at + 1), byte(next - at + 1)),
        Some(RANGE) => (byte(next - at + 1), byte(next - at + 2)),
        _ => (1, 1),
    };
    next += match quantifier {
        Some(OPTIONAL) => 1,
        Some(EXACT) => 2,
        Some(RANGE) => 3,
        _ => 0,
    };
    (Item { atom, min, max }, next)
}

impl<'c> Pattern<'c> {
    /// The pattern whose bytecode is `code`.
    pub fn new(code: &'c [u8]) -> Self {
        Self { code }
    }

    /// The bytecode.
    pub fn code(self) -> &'c [u8] {
        self.code
    }

    /// The fewest and the most digits a match can have (`$` counts none).
    pub fn length_bounds(self) -> (usize, usize) {
        let mut bounds: Option<(usize, usize)> = None;
        for sequence in sequences(self.code) {
            let (mut min, mut max) = (0usize, 0usize);
            for item in items(sequence) {
                let (low, high) = match item.atom {
                    Atom::Set(_) | Atom::Any => (1, 1),
                    Atom::End => (0, 0),
                    Atom::Group(body, _) => Pattern::new(body).length_bounds(),
                };
                min = min.saturating_add(low.saturating_mul(usize::from(item.min)));
                max = max.saturating_add(high.saturating_mul(usize::from(item.max)));
            }
            bounds = Some(bounds.map_or((min, max), |(low, high)| (low.min(min), high.max(max))));
        }
        bounds.unwrap_or((0, 0))
    }

    /// Whether the whole of the subject matches.
    pub fn matches(self, subject: &Subject<'_>) -> bool {
        subject.fits() && alternation(self.code, 1, subject) & (1 << subject.digits.len()) != 0
    }

    /// Whether some prefix of the subject matches (libphonenumber's "looking
    /// at", used for leading-digit patterns).
    pub fn matches_prefix(self, subject: &Subject<'_>) -> bool {
        self.prefix_lengths(subject) != 0
    }

    /// The lengths of the prefixes of the subject that match, as a bit mask
    /// (bit `n`: the first `n` digits match).
    pub fn prefix_lengths(self, subject: &Subject<'_>) -> u32 {
        if subject.fits() {
            alternation(self.code, 1, subject)
        } else {
            0
        }
    }

    /// The match JavaScript's `RegExp` would find at the start of the
    /// subject, with its groups: needed where metadata rewrites what a group
    /// captured (national-prefix transform rules). Backtracks, which is
    /// bounded here: the input is at most [`MAX_INPUT`] digits and patterns
    /// come from the metadata, not from callers.
    pub fn match_prefix(self, subject: &Subject<'_>) -> Option<PrefixMatch> {
        if !subject.fits() || self.prefix_lengths(subject) == 0 {
            return None;
        }
        let mut groups = vec![None; count_captures(self.code)];
        let mut length = 0;
        let found = backtrack_alternation(self.code, subject, 0, &mut groups, &mut |end, _| {
            length = end;
            true
        });
        found.then_some(PrefixMatch { length, groups })
    }

    /// For a format pattern — a sequence of capturing groups of one atom
    /// each, such as `(\d{3})(\d{4})` — where each group ends in JavaScript's
    /// first match at the start of `digits` (the match `String.replace`
    /// rewrites; it can stop short of the end). `None` when the pattern is
    /// not of that shape or there is no match.
    pub fn group_ends(self, digits: &[u8], ends: &mut [usize; MAX_GROUPS]) -> Option<usize> {
        let mut groups = [(0u16, 0u8, 0u8); MAX_GROUPS];
        let mut count = 0;
        let mut alternatives = sequences(self.code);
        let (Some(sequence), None) = (alternatives.next(), alternatives.next()) else { return None };
        for outer in items(sequence) {
            let (Atom::Group(body, Some(_)), 1, 1) = (outer.atom, outer.min, outer.max) else { return None };
            let mut bodies = sequences(body);
            let (Some(body), None) = (bodies.next(), bodies.next()) else { return None };
            let mut inner = items(body);
            let (Some(inner), None) = (inner.next(), inner.next()) else { return None };
            let mask = match inner.atom {
                Atom::Set(mask) => mask,
                Atom::Any => 0x3ff,
                _ => return None,
            };
            *groups.get_mut(count)? = (mask, inner.min, inner.max);
            count += 1;
        }
        let subject = Subject::new(digits);
        place(groups.get(..count)?, &subject, 0, ends.get_mut(..count)?).then_some(count)
    }
}

/// The sequences of the alternation `code`.
fn sequences(code: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut at = 0usize;
    std::iter::from_fn(move || {
        let start = at.checked_add(2).filter(|&start| start <= code.len())?;
        at = start + u16_at(code, at);
        Some(code.get(start..at).unwrap_or_default())
    })
}

/// The items of the sequence `code`.
fn items(code: &[u8]) -> impl Iterator<Item = Item<'_>> {
    let mut at = 0;
    std::iter::from_fn(move || {
        (at < code.len()).then(|| {
            let (item, next) = item(code, at);
            at = next;
            item
        })
    })
}

/// Positions where the alternation `code` can end, started at `starts`.
fn alternation(code: &[u8], starts: u32, subject: &Subject<'_>) -> u32 {
    sequences(code).fold(0, |ends, sequence| ends | sequence_ends(sequence, starts, subject))
}

fn sequence_ends(code: &[u8], starts: u32, subject: &Subject<'_>) -> u32 {
    let mut positions = starts;
    let mut at = 0;
    while positions != 0 {
        let Some(&op) = code.get(at) else { break };
        // The commonest item, a digit without a quantifier, without decoding it.
        let quantified = code.get(at + 1).is_some_and(|&next| (OPTIONAL..=RANGE).contains(&next));
        if op <= 9 && !quantified {
            positions = (positions & subject.by_digit.get(usize::from(op)).copied().unwrap_or(0)) << 1;
            at += 1;
            continue;
        }
        let (item, next) = item(code, at);
        positions = repeat(item, positions, subject);
        at = next;
    }
    positions
}

fn repeat(item: Item<'_>, starts: u32, subject: &Subject<'_>) -> u32 {
    let mut current = starts;
    let mut ends = if item.min == 0 { starts } else { 0 };
    let mut count = 0;
    while count < item.max {
        count += 1;
        current = match item.atom {
            Atom::Any => (current & subject.readable) << 1,
            Atom::Set(mask) => step(mask, current, subject),
            Atom::Group(body, _) => alternation(body, current, subject),
            Atom::End => current & (1 << subject.digits.len()),
        };
        if current == 0 {
            break;
        }
        if count >= item.min {
            ends |= current;
        }
    }
    ends
}

fn step(mask: u16, starts: u32, subject: &Subject<'_>) -> u32 {
    if mask.is_power_of_two() {
        let digit = mask.trailing_zeros() as usize;
        return (starts & subject.by_digit.get(digit).copied().unwrap_or(0)) << 1;
    }
    // Visit only the positions in `starts` (usually one or two).
    let mut ends = 0;
    let mut pending = starts & subject.readable;
    while pending != 0 {
        let position = pending.trailing_zeros() as usize;
        pending &= pending - 1;
        if subject.digit_in(position, mask) {
            ends |= 2 << position;
        }
    }
    ends
}
