//! Regular-expression text to bytecode, for tests and tools that hold the
//! text (the metadata arrives compiled).

use super::*;

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
