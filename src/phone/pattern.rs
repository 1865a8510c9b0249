//! The regular-expression subset libphonenumber's metadata is written in,
//! compiled to a small tree and matched without backtracking.
//!
//! The metadata patterns use only digits, `\d`, `[...]` digit classes with
//! ranges, `(...)` and `(?:...)` groups, `|`, `?`, `{n}` / `{n,m}` and `$`
//! (checked against every pattern of the pinned metadata). Inputs are at
//! most 32 digits, so the matcher tracks *sets of positions* as `u32` bit
//! masks: every construct maps the positions where it may start to the
//! positions where it may end. Time is linear in pattern size × input
//! length whatever the pattern; there is no backtracking to blow up.

/// Longest input the position masks can hold.
pub const MAX_INPUT: usize = 31;

/// A compiled pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    root: Alternation,
    /// How many capturing groups it has.
    groups: usize,
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

#[derive(Clone, Debug, PartialEq, Eq)]
struct Alternation(Vec<Sequence>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct Sequence(Vec<Repeat>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct Repeat {
    atom: Atom,
    min: u8,
    max: u8,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Atom {
    /// The digits this position accepts, bit `d` for digit `d`.
    Digits(u16),
    /// A group; `capture` is its 1-based number for `(...)`, `None` for `(?:...)`.
    Group { body: Alternation, capture: Option<usize> },
    /// `$`: the end of the input.
    End,
}

/// Why a pattern does not compile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternError {
    /// Byte offset in the pattern.
    pub at: usize,
    /// What was expected.
    pub reason: &'static str,
}

impl Pattern {
    /// Compiles `source`.
    pub fn new(source: &str) -> Result<Self, PatternError> {
        let mut parser = Parser { bytes: source.as_bytes(), at: 0, groups: 0 };
        let root = parser.alternation()?;
        if parser.at != source.len() {
            return Err(parser.error("unexpected ')'"));
        }
        Ok(Self { root, groups: parser.groups })
    }

    /// Whether the whole of `digits` matches.
    pub fn matches(&self, digits: &[u8]) -> bool {
        digits.len() <= MAX_INPUT && self.root.ends(digits, 1) & (1 << digits.len()) != 0
    }

    /// Whether some prefix of `digits` matches (libphonenumber's "looking at",
    /// used for leading-digit patterns).
    pub fn matches_prefix(&self, digits: &[u8]) -> bool {
        digits.len() <= MAX_INPUT && self.root.ends(digits, 1) != 0
    }

    /// The lengths of the prefixes of `digits` that match, as a bit mask
    /// (bit `n`: the first `n` digits match).
    pub fn prefix_lengths(&self, digits: &[u8]) -> u32 {
        if digits.len() > MAX_INPUT {
            return 0;
        }
        self.root.ends(digits, 1)
    }

    /// Whether the pattern has capturing groups anywhere.
    pub fn has_captures(&self) -> bool {
        self.groups > 0
    }

    /// The match JavaScript's `RegExp` would find at the start of `digits`,
    /// with its groups: needed where metadata rewrites what a group captured
    /// (national-prefix transform rules). Backtracks, which is bounded here:
    /// the input is at most [`MAX_INPUT`] digits and patterns come from the
    /// metadata, not from callers.
    pub fn match_prefix(&self, digits: &[u8]) -> Option<PrefixMatch> {
        if digits.len() > MAX_INPUT {
            return None;
        }
        let mut groups = vec![None; self.groups];
        let mut length = None;
        let found = self.root.backtrack(digits, 0, &mut groups, &mut |end, _| {
            length = Some(end);
            true
        });
        found.then(|| PrefixMatch { length: length.unwrap_or(0), groups })
    }

    /// The texts of the top-level capturing groups when the whole of `digits`
    /// matches, each group taking as much as it can (as JavaScript's greedy
    /// matching does). Used with format patterns such as `(\d{3})(\d{4})`.
    pub fn captures<'d>(&self, digits: &'d [u8]) -> Option<Vec<&'d [u8]>> {
        if !self.matches(digits) {
            return None;
        }
        // Alternatives are tried in order, as a regex engine would.
        self.root.0.iter().find_map(|sequence| sequence.captures(digits))
    }
}

type Groups = Vec<Option<(usize, usize)>>;
type Continuation<'k> = dyn FnMut(usize, &mut Groups) -> bool + 'k;

impl Alternation {
    fn backtrack(&self, digits: &[u8], at: usize, groups: &mut Groups, next: &mut Continuation<'_>) -> bool {
        self.0.iter().any(|sequence| sequence.backtrack(0, digits, at, groups, next))
    }

    fn ends(&self, digits: &[u8], starts: u32) -> u32 {
        self.0.iter().fold(0, |ends, sequence| ends | sequence.ends(digits, starts))
    }
}

impl Sequence {
    fn backtrack(
        &self,
        item: usize,
        digits: &[u8],
        at: usize,
        groups: &mut Groups,
        next: &mut Continuation<'_>,
    ) -> bool {
        match self.0.get(item) {
            None => next(at, groups),
            Some(repeat) => repeat.backtrack(0, digits, at, groups, &mut |end, groups| {
                self.backtrack(item + 1, digits, end, groups, next)
            }),
        }
    }

    fn ends(&self, digits: &[u8], starts: u32) -> u32 {
        let mut positions = starts;
        for repeat in &self.0 {
            if positions == 0 {
                break;
            }
            positions = repeat.ends(digits, positions);
        }
        positions
    }

    fn captures<'d>(&self, digits: &'d [u8]) -> Option<Vec<&'d [u8]>> {
        let full = 1u32 << digits.len();
        // finishes[i]: positions from which items i.. reach the end.
        let mut finishes = vec![full];
        for item in self.0.iter().rev() {
            let later = finishes.last().copied().unwrap_or(0);
            let mask = (0..digits.len() + 1)
                .filter(|&p| item.ends(digits, 1 << p) & later != 0)
                .fold(0, |mask, p| mask | 1 << p);
            finishes.push(mask);
        }
        finishes.reverse();
        let mut at = 0usize;
        let mut groups = Vec::new();
        for (index, item) in self.0.iter().enumerate() {
            let allowed = item.ends(digits, 1 << at) & finishes.get(index + 1).copied().unwrap_or(0);
            let end = usize::try_from(31 - allowed.leading_zeros()).ok().filter(|_| allowed != 0)?;
            if matches!(item.atom, Atom::Group { capture: Some(_), .. }) {
                groups.push(digits.get(at..end)?);
            }
            at = end;
        }
        (at == digits.len()).then_some(groups)
    }
}

impl Repeat {
    /// Greedy: one more repetition first, then stop (if `min` is reached).
    fn backtrack(
        &self,
        count: u8,
        digits: &[u8],
        at: usize,
        groups: &mut Groups,
        next: &mut Continuation<'_>,
    ) -> bool {
        let more = count < self.max
            && self.atom.backtrack(digits, at, groups, &mut |end, groups| {
                // An empty repetition cannot make progress: stop looping on it.
                (end != at || count + 1 >= self.min) && self.backtrack(count + 1, digits, end, groups, next)
            });
        more || (count >= self.min && next(at, groups))
    }

    fn ends(&self, digits: &[u8], starts: u32) -> u32 {
        let mut current = starts;
        let mut ends = if self.min == 0 { starts } else { 0 };
        // A plain loop: this is the matcher's hot spot, and inclusive ranges
        // are not optimised away at opt-level "z".
        let mut count = 0;
        while count < self.max {
            count += 1;
            current = self.atom.step(digits, current);
            if current == 0 {
                break;
            }
            if count >= self.min {
                ends |= current;
            }
        }
        ends
    }
}

impl Atom {
    fn backtrack(&self, digits: &[u8], at: usize, groups: &mut Groups, next: &mut Continuation<'_>) -> bool {
        match self {
            Atom::Digits(set) => {
                let accepts =
                    digits.get(at).is_some_and(|&d| d.is_ascii_digit() && set & (1 << (d - b'0')) != 0);
                accepts && next(at + 1, groups)
            }
            Atom::End => at == digits.len() && next(at, groups),
            Atom::Group { body, capture } => body.backtrack(digits, at, groups, &mut |end, groups| {
                let Some(slot) = capture.and_then(|n| n.checked_sub(1)) else { return next(end, groups) };
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

    fn step(&self, digits: &[u8], starts: u32) -> u32 {
        match self {
            Atom::Digits(set) => {
                // Visit only the positions in `starts` (usually one or two).
                let mut ends = 0;
                let mut pending = starts;
                while pending != 0 {
                    let position = pending.trailing_zeros() as usize;
                    pending &= pending - 1;
                    if digits
                        .get(position)
                        .is_some_and(|&d| d.is_ascii_digit() && set & (1 << (d - b'0')) != 0)
                    {
                        ends |= 1 << (position + 1);
                    }
                }
                ends
            }
            Atom::Group { body, .. } => body.ends(digits, starts),
            Atom::End => starts & (1 << digits.len()),
        }
    }
}

struct Parser<'p> {
    bytes: &'p [u8],
    at: usize,
    /// Capturing groups seen so far (they are numbered by their opening parenthesis).
    groups: usize,
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

    fn alternation(&mut self) -> Result<Alternation, PatternError> {
        let mut sequences = vec![self.sequence()?];
        while self.eat(b'|') {
            sequences.push(self.sequence()?);
        }
        Ok(Alternation(sequences))
    }

    fn sequence(&mut self) -> Result<Sequence, PatternError> {
        let mut items = Vec::new();
        while let Some(byte) = self.peek() {
            if byte == b'|' || byte == b')' {
                break;
            }
            let atom = self.atom()?;
            let (min, max) = self.quantifier()?;
            items.push(Repeat { atom, min, max });
        }
        Ok(Sequence(items))
    }

    fn atom(&mut self) -> Result<Atom, PatternError> {
        match self.peek() {
            Some(digit @ b'0'..=b'9') => {
                self.at += 1;
                Ok(Atom::Digits(1 << (digit - b'0')))
            }
            Some(b'\\') => {
                self.at += 1;
                if self.eat(b'd') {
                    Ok(Atom::Digits(0x3FF))
                } else {
                    Err(self.error("only \\d is supported after '\\'"))
                }
            }
            Some(b'[') => {
                self.at += 1;
                self.class()
            }
            Some(b'$') => {
                self.at += 1;
                Ok(Atom::End)
            }
            Some(b'(') => {
                self.at += 1;
                let capture = if self.eat(b'?') {
                    if !self.eat(b':') {
                        return Err(self.error("only (?: groups are supported"));
                    }
                    None
                } else {
                    self.groups += 1;
                    Some(self.groups)
                };
                let body = self.alternation()?;
                if !self.eat(b')') {
                    return Err(self.error("expected ')'"));
                }
                Ok(Atom::Group { body, capture })
            }
            _ => Err(self.error("expected a digit, \\d, '[', '(' or '$'")),
        }
    }

    fn class(&mut self) -> Result<Atom, PatternError> {
        let mut set = 0u16;
        loop {
            match self.peek() {
                Some(b']') => {
                    self.at += 1;
                    return Ok(Atom::Digits(set));
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

    fn quantifier(&mut self) -> Result<(u8, u8), PatternError> {
        if self.eat(b'?') {
            return Ok((0, 1));
        }
        if !self.eat(b'{') {
            return Ok((1, 1));
        }
        let min = self.number().ok_or_else(|| self.error("expected a count after '{'"))?;
        let max =
            if self.eat(b',') { self.number().ok_or_else(|| self.error("expected a maximum"))? } else { min };
        if !self.eat(b'}') || max < min || usize::from(max) > MAX_INPUT {
            return Err(self.error("expected {n} or {n,m} with n <= m <= 31"));
        }
        Ok((min, max))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(pattern: &str, input: &str) -> bool {
        Pattern::new(pattern).unwrap().matches(input.as_bytes())
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
        assert!(full("", ""));
    }

    #[test]
    fn prefix_matching_is_looking_at() {
        let leading = Pattern::new("2(?:2[024-9]|3[0-59])").unwrap();
        assert!(leading.matches_prefix(b"2241234"));
        assert!(!leading.matches_prefix(b"2231234"));
        assert!(!leading.matches_prefix(b"2131234"));
        assert!(!leading.matches_prefix(b"22"));
    }

    #[test]
    fn captures_are_greedy_like_javascript() {
        let format = Pattern::new(r"(\d{2,3})(\d{4})").unwrap();
        assert_eq!(format.captures(b"1234567").unwrap(), [&b"123"[..], b"4567"]);
        assert_eq!(format.captures(b"123456").unwrap(), [&b"12"[..], b"3456"]);
        assert!(format.captures(b"12345").is_none());
        let alternatives = Pattern::new(r"(\d{3})(\d{4})|(\d)(\d{6})").unwrap();
        assert_eq!(alternatives.captures(b"1234567").unwrap(), [&b"123"[..], b"4567"]);
    }

    #[test]
    fn dollar_anchors_the_end_inside_prefix_matches() {
        let prefix = Pattern::new(r"(5\d{6})$|1").unwrap();
        assert!(prefix.matches_prefix(b"5123456"));
        assert!(!prefix.matches(b"51234567") && !prefix.matches_prefix(b"51234567"));
        assert!(prefix.matches_prefix(b"1999"));
    }

    #[test]
    fn prefix_matches_and_groups_follow_javascript() {
        let japan = Pattern::new(r"(000[2569]\d{4,6})$|(?:(?:003768)0?)|0").unwrap();
        let m = japan.match_prefix(b"0312345678").unwrap();
        assert_eq!((m.length, m.groups.clone()), (1, vec![None]));
        let m = japan.match_prefix(b"00021234").unwrap();
        assert_eq!((m.length, m.groups), (8, vec![Some((0, 8))]));
        let nested = Pattern::new(r"0?(?:(11|2\d)15)?").unwrap();
        let m = nested.match_prefix(b"01115234").unwrap();
        assert_eq!((m.length, m.groups), (5, vec![Some((1, 3))]));
        let m = nested.match_prefix(b"0123").unwrap();
        assert_eq!((m.length, m.groups), (1, vec![None]));
        assert!(Pattern::new("5").unwrap().match_prefix(b"6").is_none());
        assert!(Pattern::new("(?=1)").is_err());
    }

    #[test]
    fn unsupported_syntax_is_an_error_with_a_position() {
        assert_eq!(Pattern::new(r"\w").unwrap_err().at, 1);
        assert_eq!(Pattern::new("(12").unwrap_err().reason, "expected ')'");
        assert!(Pattern::new("1{3,2}").is_err());
        assert!(Pattern::new("12)").is_err());
        assert!(Pattern::new("[9-1]").is_err());
    }

    #[test]
    fn long_inputs_never_match_and_never_panic() {
        let pattern = Pattern::new(r"\d{1,31}").unwrap();
        assert!(pattern.matches(&[b'1'; 31]));
        assert!(!pattern.matches(&[b'1'; 32]));
        assert!(!pattern.matches(b"12a4"));
    }
}
