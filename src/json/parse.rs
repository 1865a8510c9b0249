//! A strict RFC 8259 JSON parser that never panics and reports where it stopped.
//!
//! Recursion is bounded by [`MAX_DEPTH`] so hostile input cannot exhaust the
//! stack (a trap would kill the wasm instance). Lone UTF-16 surrogates in
//! `\u` escapes — which `JSON.stringify` emits for such strings — become
//! U+FFFD, since a Rust string cannot hold them.

use super::{Key, Node, Span, Value};
use crate::report::Issue;
use crate::text::Position;
use std::borrow::Cow;

/// Deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 128;
const TOO_DEEP_MESSAGE: &str = "nesting deeper than 128 levels";

/// Stable issue codes for JSON text.
pub mod code {
    /// The text is not valid JSON.
    pub const SYNTAX: &str = "json.syntax";
    /// Arrays and objects nest deeper than [`super::MAX_DEPTH`].
    pub const TOO_DEEP: &str = "json.too_deep";
}

/// The value of `text` if it is exactly a JSON number (e.g. `"37.48"`,
/// as some APIs write coordinates), without `str::parse::<f64>`'s tables.
pub fn parse_number(text: &str) -> Option<f64> {
    let mut parser = Parser::new(text);
    match parser.number() {
        Ok(Value::Number(number)) if parser.at == text.len() => Some(number),
        _ => None,
    }
}

/// Parses one JSON value filling the whole text (whitespace around it allowed).
pub fn parse(text: &str) -> Result<Node<'_>, Issue> {
    let mut parser = Parser::new(text);
    let parsed = parser.document();
    parsed
        .map_err(|stop| Issue::error(stop.code, "", stop.message).at(Position::of_byte_offset(text, stop.at)))
}

/// Why and where parsing stopped. Kept small (not an [`Issue`]): every
/// value's `Result` carries room for it, and a large error type made each
/// return a large copy.
struct Stop {
    code: &'static str,
    message: &'static str,
    at: usize,
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    /// Members and items of the containers being parsed, innermost last: each
    /// container moves its own into one exact-size Vec when it closes, so
    /// there is one allocation per container instead of a growing Vec each.
    members: Vec<(Key<'a>, Node<'a>)>,
    items: Vec<Node<'a>>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Self { text, bytes: text.as_bytes(), at: 0, members: Vec::new(), items: Vec::new() }
    }

    fn error(&self, code: &'static str, message: &'static str) -> Stop {
        Stop { code, message, at: self.at }
    }

    fn document(&mut self) -> Result<Node<'a>, Stop> {
        self.skip_whitespace();
        let node = self.value(0)?;
        self.skip_whitespace();
        if self.at < self.bytes.len() {
            return Err(self.error(code::SYNTAX, "unexpected text after the JSON value"));
        }
        Ok(node)
    }

    // The small helpers below run once or more per byte: always inline them,
    // even at opt-level "z" (a call per byte made parsing ~2x slower in wasm).
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Advances past the leading bytes of the rest that `keep` accepts.
    #[inline(always)]
    fn skip_while(&mut self, keep: impl Fn(u8) -> bool) {
        // A plain loop: `Iterator::position` stays an out-of-line call at opt-level "z".
        while let Some(&byte) = self.bytes.get(self.at) {
            if !keep(byte) {
                break;
            }
            self.at += 1;
        }
    }

    #[inline(always)]
    fn skip_whitespace(&mut self) {
        self.skip_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'));
    }

    fn expect(&mut self, byte: u8, message: &'static str) -> Result<(), Stop> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(code::SYNTAX, message))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node<'a>, Stop> {
        let start = self.at;
        let value = match self.peek() {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => return Err(self.error(code::SYNTAX, "expected a JSON value")),
            None => return Err(self.error(code::SYNTAX, "unexpected end of text; expected a JSON value")),
        };
        Ok(Node { value, span: Span { start, end: self.at } })
    }

    fn nested(&self, depth: usize) -> Result<usize, Stop> {
        if depth >= MAX_DEPTH {
            return Err(self.error(code::TOO_DEEP, TOO_DEEP_MESSAGE));
        }
        Ok(depth + 1)
    }

    fn object(&mut self, depth: usize) -> Result<Value<'a>, Stop> {
        let depth = self.nested(depth)?;
        self.at += 1; // '{'
        let first = self.members.len();
        let result = self.object_members(depth);
        // On error the partial members are dropped with the parser.
        result.map(|()| Value::Object(self.members.drain(first..).collect()))
    }

    fn object_members(&mut self, depth: usize) -> Result<(), Stop> {
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(());
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.error(code::SYNTAX, "expected a string key in double quotes"));
            }
            let key_start = self.at;
            let name = self.string()?;
            let key = Key { name, span: Span { start: key_start, end: self.at } };
            self.skip_whitespace();
            self.expect(b':', "expected ':' after the key")?;
            self.skip_whitespace();
            let value = self.value(depth)?;
            self.members.push((key, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return Err(self.error(code::SYNTAX, "expected ',' or '}' in the object")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value<'a>, Stop> {
        let depth = self.nested(depth)?;
        self.at += 1; // '['
        let first = self.items.len();
        let result = self.array_items(depth);
        result.map(|()| Value::Array(self.items.drain(first..).collect()))
    }

    fn array_items(&mut self, depth: usize) -> Result<(), Stop> {
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(());
        }
        loop {
            self.skip_whitespace();
            let item = self.value(depth)?;
            self.items.push(item);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return Err(self.error(code::SYNTAX, "expected ',' or ']' in the array")),
            }
        }
    }

    fn literal(&mut self, word: &str, value: Value<'a>) -> Result<Value<'a>, Stop> {
        if self.bytes.get(self.at..self.at + word.len()) == Some(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error(code::SYNTAX, "expected a JSON value (true, false and null are lowercase)"))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        self.skip_while(|b| b.is_ascii_digit());
        self.at - start
    }

    fn number(&mut self) -> Result<Value<'a>, Stop> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let int_start = self.at;
        match self.digits() {
            0 => return Err(self.error(code::SYNTAX, "expected a digit")),
            n if n > 1 && self.bytes.get(int_start) == Some(&b'0') => {
                self.at = int_start;
                return Err(self.error(code::SYNTAX, "numbers cannot have leading zeros"));
            }
            _ => {}
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error(code::SYNTAX, "expected a digit after the decimal point"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error(code::SYNTAX, "expected a digit in the exponent"));
            }
        }
        let text = self.text.get(start..self.at).unwrap_or_default();
        Ok(Value::Number(number_value(text)))
    }

    fn hex4(&mut self) -> Result<u32, Stop> {
        let digits = self.text.get(self.at..self.at + 4).filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        let value = digits
            .and_then(|d| u32::from_str_radix(d, 16).ok())
            .ok_or_else(|| self.error(code::SYNTAX, "expected 4 hex digits after \\u"))?;
        self.at += 4;
        Ok(value)
    }

    /// A string; borrowed from the text unless it has escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, Stop> {
        self.at += 1; // opening quote
        let start = self.at;
        self.skip_plain();
        if self.peek() == Some(b'"') {
            // Runs stop only at ASCII bytes, so they end on char boundaries.
            let text = self.text.get(start..self.at).unwrap_or_default();
            self.at += 1;
            return Ok(Cow::Borrowed(text));
        }
        let mut out = String::from(self.text.get(start..self.at).unwrap_or_default());
        loop {
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => {
                    return Err(self.error(code::SYNTAX, "control characters must be escaped in strings"))
                }
                None => return Err(self.error(code::SYNTAX, "unterminated string")),
            }
            let run_start = self.at;
            self.skip_plain();
            out.push_str(self.text.get(run_start..self.at).unwrap_or_default());
        }
    }

    /// Skips characters that stand for themselves in a string.
    #[inline(always)]
    fn skip_plain(&mut self) {
        self.skip_while(|b| b != b'"' && b != b'\\' && b >= 0x20);
    }

    fn escape(&mut self, out: &mut String) -> Result<(), Stop> {
        let simple = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                out.push(self.unicode_escape()?);
                return Ok(());
            }
            _ => return Err(self.error(code::SYNTAX, "invalid escape sequence")),
        };
        self.at += 1;
        out.push(simple);
        Ok(())
    }

    fn unicode_escape(&mut self) -> Result<char, Stop> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) && self.bytes.get(self.at..self.at + 2) == Some(b"\\u") {
            let after_high = self.at;
            self.at += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(combined).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            // Not a low surrogate: the high one stands alone; reread the next escape.
            self.at = after_high;
        }
        Ok(char::from_u32(first).unwrap_or(char::REPLACEMENT_CHARACTER))
    }
}

/// The value of a number the grammar above accepted.
///
/// Not `str::parse::<f64>`: its correctly-rounded algorithm carries a ~10 KB
/// table of powers into the .wasm. Validators compare counts, lengths and
/// limits, so this is exact where that matters — every integer up to 2^53 and
/// every decimal with at most 15 significant digits and |exponent| <= 22
/// (Clinger's fast path) — and within a few ulps beyond.
pub(crate) fn number_value(text: &str) -> f64 {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa_text, exponent_text) = match rest.find(['e', 'E']) {
        Some(at) => (rest.get(..at).unwrap_or_default(), rest.get(at + 1..).unwrap_or_default()),
        None => (rest, ""),
    };
    let mut mantissa: u64 = 0;
    let mut exponent: i64 = 0;
    let mut after_point = false;
    for byte in mantissa_text.bytes() {
        match byte {
            b'.' => after_point = true,
            digit if mantissa < 1_000_000_000_000_000_000 => {
                mantissa = mantissa * 10 + u64::from(digit - b'0');
                exponent -= i64::from(after_point);
            }
            // Digits past 19 significant ones only scale the value.
            _ => exponent += i64::from(!after_point),
        }
    }
    let written: i64 = if exponent_text.is_empty() {
        0
    } else {
        // Only an exponent too long for i64 fails to parse: it is +/- "huge".
        let huge = if exponent_text.starts_with('-') { i64::MIN / 2 } else { i64::MAX / 2 };
        exponent_text.trim_start_matches('+').parse().unwrap_or(huge)
    };
    let exponent = exponent.saturating_add(written).clamp(-400, 400);
    let magnitude = if mantissa == 0 {
        0.0
    } else if exponent >= 0 {
        // Exponent is clamped to 400, so the cast is lossless.
        (mantissa as f64) * 10f64.powi(exponent as i32)
    } else if exponent >= -22 {
        (mantissa as f64) / 10f64.powi(-exponent as i32)
    } else {
        // Two steps so 10^-exponent does not overflow to infinity first.
        (mantissa as f64) / 1e22 / 10f64.powi((-exponent - 22) as i32)
    };
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

#[cfg(test)]
mod tests;
