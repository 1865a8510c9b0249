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
    /// A group; `capturing` for `(...)`, not for `(?:...)`.
    Group { body: Alternation, capturing: bool },
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
        let mut parser = Parser { bytes: source.as_bytes(), at: 0 };
        let root = parser.alternation()?;
        if parser.at != source.len() {
            return Err(parser.error("unexpected ')'"));
        }
        Ok(Self { root })
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

impl Alternation {
    fn ends(&self, digits: &[u8], starts: u32) -> u32 {
        self.0.iter().fold(0, |ends, sequence| ends | sequence.ends(digits, starts))
    }
}

impl Sequence {
    fn ends(&self, digits: &[u8], starts: u32) -> u32 {
        self.0.iter().fold(starts, |positions, repeat| repeat.ends(digits, positions))
    }

    fn captures<'d>(&self, digits: &'d [u8]) -> Option<Vec<&'d [u8]>> {
        let full = 1u32 << digits.len();
        // finishes[i]: positions from which items i.. reach the end.
        let mut finishes = vec![full];
        for item in self.0.iter().rev() {
            let later = finishes.last().copied().unwrap_or(0);
            let mask = (0..=digits.len())
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
            if matches!(item.atom, Atom::Group { capturing: true, .. }) {
                groups.push(digits.get(at..end)?);
            }
            at = end;
        }
        (at == digits.len()).then_some(groups)
    }
}

impl Repeat {
    fn ends(&self, digits: &[u8], starts: u32) -> u32 {
        let mut current = starts;
        let mut ends = if self.min == 0 { starts } else { 0 };
        for count in 1..=self.max {
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
    fn step(&self, digits: &[u8], starts: u32) -> u32 {
        match self {
            Atom::Digits(set) => digits.iter().enumerate().fold(0, |ends, (position, &digit)| {
                let accepts = digit.is_ascii_digit() && set & (1 << (digit - b'0')) != 0;
                if accepts && starts & (1 << position) != 0 {
                    ends | 1 << (position + 1)
                } else {
                    ends
                }
            }),
            Atom::Group { body, .. } => body.ends(digits, starts),
            Atom::End => starts & (1 << digits.len()),
        }
    }
}

struct Parser<'p> {
    bytes: &'p [u8],
    at: usize,
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
                let capturing = !(self.eat(b'?') && self.eat(b':'));
                let body = self.alternation()?;
                if !self.eat(b')') {
                    return Err(self.error("expected ')'"));
                }
                Ok(Atom::Group { body, capturing })
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
