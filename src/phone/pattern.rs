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

/// Most capturing groups a format pattern may have.
pub const MAX_GROUPS: usize = 8;

/// Greedy placement with backtracking, as JavaScript's RegExp tries lengths:
/// each group takes as many digits as it can while the later groups still match.
fn place(groups: &[(u16, u8, u8)], subject: &Subject<'_>, at: usize, ends: &mut [usize]) -> bool {
    let (Some(&(mask, min, max)), Some((end, later_ends))) = (groups.first(), ends.split_first_mut()) else {
        return true;
    };
    let run = (0..usize::from(max)).take_while(|&i| subject.digit_in(at + i, mask)).count();
    (usize::from(min)..=run).rev().any(|length| {
        *end = at + length;
        place(groups.get(1..).unwrap_or_default(), subject, at + length, later_ends)
    })
}

/// A match at the start of the input, found the way JavaScript's RegExp
/// finds one (alternatives in order, quantifiers greedy, backtracking).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrefixMatch {
    /// Length of the matched prefix.
    pub length: usize,
    /// Each capturing group's range in the input, `None` if it did not take part.
    pub groups: Vec<Option<(usize, usize)>>,
}

fn count_captures(code: &[u8]) -> usize {
    let mut count = 0;
    for sequence in sequences(code) {
        for item in items(sequence) {
            if let Atom::Group(body, capture) = item.atom {
                count += usize::from(capture.is_some()) + count_captures(body);
            }
        }
    }
    count
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

type Groups = Vec<Option<(usize, usize)>>;
type Continuation<'k> = dyn FnMut(usize, &mut Groups) -> bool + 'k;

fn backtrack_alternation(
    code: &[u8],
    subject: &Subject<'_>,
    at: usize,
    groups: &mut Groups,
    next: &mut Continuation<'_>,
) -> bool {
    sequences(code).any(|sequence| backtrack_sequence(sequence, subject, at, groups, next))
}

fn backtrack_sequence(
    code: &[u8],
    subject: &Subject<'_>,
    at: usize,
    groups: &mut Groups,
    next: &mut Continuation<'_>,
) -> bool {
    if code.is_empty() {
        return next(at, groups);
    }
    let (first, after) = item(code, 0);
    let rest = code.get(after..).unwrap_or_default();
    backtrack_repeat(first, 0, subject, at, groups, &mut |end, groups| {
        backtrack_sequence(rest, subject, end, groups, next)
    })
}

/// Greedy: one more repetition first, then stop (if `min` is reached).
fn backtrack_repeat(
    item: Item<'_>,
    count: u8,
    subject: &Subject<'_>,
    at: usize,
    groups: &mut Groups,
    next: &mut Continuation<'_>,
) -> bool {
    let more = count < item.max
        && backtrack_atom(item.atom, subject, at, groups, &mut |end, groups| {
            // An empty repetition cannot make progress: stop looping on it.
            (end != at || count + 1 >= item.min)
                && backtrack_repeat(item, count + 1, subject, end, groups, next)
        });
    more || (count >= item.min && next(at, groups))
}

fn backtrack_atom(
    atom: Atom<'_>,
    subject: &Subject<'_>,
    at: usize,
    groups: &mut Groups,
    next: &mut Continuation<'_>,
) -> bool {
    match atom {
        Atom::Set(mask) => subject.digit_in(at, mask) && next(at + 1, groups),
        Atom::Any => subject.digit_in(at, 0x3ff) && next(at + 1, groups),
        Atom::End => at == subject.digits.len() && next(at, groups),
        Atom::Group(body, capture) => backtrack_alternation(body, subject, at, groups, &mut |end, groups| {
            let Some(slot) = capture.and_then(|n| usize::from(n).checked_sub(1)) else {
                return next(end, groups);
            };
            let saved = groups.get(slot).copied().flatten();
            if let Some(entry) = groups.get_mut(slot) {
                *entry = Some((at, end));
            }
            next(end, groups) || {
                if let Some(entry) = groups.get_mut(slot) {
                    *entry = saved;
                }
                false
            }
        }),
    }
}

/// Why a pattern does not compile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternError {
    /// Byte offset in the pattern.
    pub at: usize,
    /// What was expected.
    pub reason: &'static str,
}

/// A pattern compiled from its text (the metadata arrives as bytecode; this
/// is for tests and tools that hold the text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Compiled(Vec<u8>);

impl Compiled {
    /// Compiles `source`.
    pub fn new(source: &str) -> Result<Self, PatternError> {
        let mut parser = Parser { bytes: source.as_bytes(), at: 0, groups: 0, out: Vec::new() };
        parser.alternation()?;
        if parser.at != source.len() {
            return Err(parser.error("unexpected ')'"));
        }
        Ok(Self(parser.out))
    }

    /// The pattern.
    pub fn pattern(&self) -> Pattern<'_> {
        Pattern::new(&self.0)
    }

    /// The bytecode.
    pub fn code(&self) -> &[u8] {
        &self.0
    }

    /// Whether the whole of `digits` matches.
    pub fn matches(&self, digits: &[u8]) -> bool {
        self.pattern().matches(&Subject::new(digits))
    }

    /// Whether some prefix of `digits` matches.
    pub fn matches_prefix(&self, digits: &[u8]) -> bool {
        self.pattern().matches_prefix(&Subject::new(digits))
    }

    /// [`Pattern::match_prefix`] on `digits`.
    pub fn match_prefix(&self, digits: &[u8]) -> Option<PrefixMatch> {
        self.pattern().match_prefix(&Subject::new(digits))
    }
}

struct Parser<'p> {
    bytes: &'p [u8],
    at: usize,
    /// Capturing groups seen so far (they are numbered by their opening parenthesis).
    groups: u8,
    out: Vec<u8>,
}

impl Parser<'_> {
    fn error(&self, reason: &'static str) -> PatternError {
        PatternError { at: self.at, reason }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn alternation(&mut self) -> Result<(), PatternError> {
        self.sequence()?;
        while self.eat(b'|') {
            self.sequence()?;
        }
        Ok(())
    }

    fn sequence(&mut self) -> Result<(), PatternError> {
        let length_at = self.out.len();
        self.out.extend([0, 0]);
        while let Some(byte) = self.peek() {
            if byte == b'|' || byte == b')' {
                break;
            }
            self.atom()?;
            self.quantifier()?;
        }
        self.patch_length(length_at)
    }

    /// Writes the length of what follows `at` into the two bytes there.
    fn patch_length(&mut self, at: usize) -> Result<(), PatternError> {
        let length =
            u16::try_from(self.out.len() - at - 2).map_err(|_| self.error("longer than 65535 bytes"))?;
        if let Some(slot) = self.out.get_mut(at..at + 2) {
            slot.copy_from_slice(&length.to_le_bytes());
        }
        Ok(())
    }

    fn atom(&mut self) -> Result<(), PatternError> {
        match self.peek() {
            Some(digit @ b'0'..=b'9') => {
                self.at += 1;
                self.out.push(digit - b'0');
            }
            Some(b'\\') => {
                self.at += 1;
                if !self.eat(b'd') {
                    return Err(self.error("only \\d is supported after '\\'"));
                }
                self.out.push(ANY);
            }
            Some(b'[') => {
                self.at += 1;
                let [low, high] = self.class()?.to_le_bytes();
                self.out.extend([CLASS, low, high]);
            }
            Some(b'$') => {
                self.at += 1;
                self.out.push(END);
            }
            Some(b'(') => {
                self.at += 1;
                if self.eat(b'?') {
                    if !self.eat(b':') {
                        return Err(self.error("only (?: groups are supported"));
                    }
                    self.out.push(GROUP);
                } else {
                    self.groups = self.groups.checked_add(1).ok_or_else(|| self.error("too many groups"))?;
                    self.out.extend([CAPTURE, self.groups]);
                }
                let length_at = self.out.len();
                self.out.extend([0, 0]);
                self.alternation()?;
                if !self.eat(b')') {
                    return Err(self.error("expected ')'"));
                }
                self.patch_length(length_at)?;
            }
            _ => return Err(self.error("expected a digit, \\d, '[', '(' or '$'")),
        }
        Ok(())
    }

    fn class(&mut self) -> Result<u16, PatternError> {
        let mut set = 0u16;
        loop {
            match self.peek() {
                Some(b']') => {
                    self.at += 1;
                    return Ok(set);
                }
                Some(b'\\') if self.bytes.get(self.at + 1) == Some(&b'd') => {
                    self.at += 2;
                    set = 0x3FF;
                }
                Some(low @ b'0'..=b'9') => {
                    self.at += 1;
                    let high = if self.peek() == Some(b'-') {
                        self.at += 1;
                        match self.peek() {
                            Some(high @ b'0'..=b'9') if high >= low => {
                                self.at += 1;
                                high
                            }
                            _ => return Err(self.error("expected a digit range like 0-9")),
                        }
                    } else {
                        low
                    };
                    for digit in low..=high {
                        set |= 1 << (digit - b'0');
                    }
                }
                _ => return Err(self.error("expected digits or ']' in a class")),
            }
        }
    }

    fn number(&mut self) -> Option<u8> {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        std::str::from_utf8(self.bytes.get(start..self.at)?).ok()?.parse().ok()
    }

    fn quantifier(&mut self) -> Result<(), PatternError> {
        if self.eat(b'?') {
            self.out.push(OPTIONAL);
            return Ok(());
        }
        if !self.eat(b'{') {
            return Ok(());
        }
        let min = self.number().ok_or_else(|| self.error("expected a count after '{'"))?;
        let max =
            if self.eat(b',') { self.number().ok_or_else(|| self.error("expected a maximum"))? } else { min };
        if !self.eat(b'}') || max < min || usize::from(max) > MAX_INPUT {
            return Err(self.error("expected {n} or {n,m} with n <= m <= 31"));
        }
        if min == max {
            self.out.extend([EXACT, min]);
        } else {
            self.out.extend([RANGE, min, max]);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
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
}
