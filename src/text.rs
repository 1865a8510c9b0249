//! Positions in text the caller gave: 1-based line and UTF-16 column.
//!
//! Columns count UTF-16 code units because that is how JavaScript strings
//! (and so editors such as Monaco or CodeMirror) index text: `column - 1` is
//! the index to pass to `String.prototype.slice`.

/// A 1-based line and 1-based UTF-16 column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// 1-based line number; lines end at `\n`.
    pub line: u32,
    /// 1-based column in UTF-16 code units.
    pub column: u32,
}

impl Position {
    /// The position of byte offset `byte_offset` in `text`.
    ///
    /// An offset past the end (or inside a multi-byte character) is clamped to
    /// the nearest character boundary at or before it, so a caller's arithmetic
    /// error degrades to a slightly wrong position rather than a panic.
    pub fn of_byte_offset(text: &str, byte_offset: usize) -> Self {
        let mut end = byte_offset.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let before = text.get(..end).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        let line = 1 + before.bytes().filter(|&b| b == b'\n').count();
        let column_units: usize =
            before.get(line_start..).unwrap_or_default().chars().map(char::len_utf16).sum();
        Self { line: saturate(line), column: saturate(column_units + 1) }
    }

    /// The position of `byte_offset`, counting on from a `known` position at
    /// `known_offset` when that is before it: findings arrive roughly in text
    /// order, so a large text is scanned about once instead of once per finding.
    pub fn of_byte_offset_after(text: &str, known_offset: usize, known: Self, byte_offset: usize) -> Self {
        let start = known_offset.min(text.len());
        let mut end = byte_offset.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let Some(between) = text.get(start..end).filter(|_| text.is_char_boundary(start)) else {
            return Self::of_byte_offset(text, byte_offset);
        };
        match between.rfind('\n') {
            None => {
                let units: usize = between.chars().map(char::len_utf16).sum();
                Self { line: known.line, column: known.column.saturating_add(saturate(units)) }
            }
            Some(last_newline) => {
                let lines = between.bytes().filter(|&b| b == b'\n').count();
                let units: usize =
                    between.get(last_newline + 1..).unwrap_or_default().chars().map(char::len_utf16).sum();
                Self { line: known.line.saturating_add(saturate(lines)), column: saturate(units + 1) }
            }
        }
    }
}

/// How far apart [`PositionIndex`] keeps its checkpoints, in bytes.
const CHECKPOINT_BYTES: usize = 4096;

/// Positions of offsets in one text asked in any order: a checkpoint every
/// few kilobytes (one pass over the text, made once), then a scan of at most
/// that much. Without it, each finding out of text order rescans from the
/// start, and 500 findings in a 1 MB document cost 500 passes.
pub struct PositionIndex {
    checkpoints: Vec<(usize, Position)>,
}

impl PositionIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut known: (usize, Position) = (0, Position { line: 1, column: 1 });
        let mut checkpoints = vec![known];
        while let Some(mut next) = known.0.checked_add(CHECKPOINT_BYTES).filter(|&next| next < text.len()) {
            while !text.is_char_boundary(next) {
                next += 1;
            }
            known = (next, Position::of_byte_offset_after(text, known.0, known.1, next));
            checkpoints.push(known);
        }
        Self { checkpoints }
    }

    /// The position of `byte_offset` in the text this index was made from.
    pub fn position(&self, text: &str, byte_offset: usize) -> Position {
        let before = self.checkpoints.partition_point(|(offset, _)| *offset <= byte_offset);
        let (offset, known) = self
            .checkpoints
            .get(before.saturating_sub(1))
            .copied()
            .unwrap_or((0, Position { line: 1, column: 1 }));
        Position::of_byte_offset_after(text, offset, known, byte_offset)
    }
}

/// `text` in double quotes for a message, escaped as a JSON string literal
/// (quotes, backslashes and control characters, C1 included) so the message
/// shows exactly what was given. (Cheaper in the .wasm than `{:?}`, which
/// pulls in Unicode printability tables.)
pub fn quoted(text: &str) -> String {
    crate::json::string_literal(text)
}

/// Appends `value` in decimal, on hot paths where `format!` costs more than the work.
pub fn push_decimal(out: &mut String, value: u64) {
    if value >= 10 {
        push_decimal(out, value / 10);
    }
    out.push(char::from(b'0' + (value % 10) as u8));
}

fn saturate(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::{push_decimal, quoted, Position};

    #[test]
    fn decimals_without_the_formatting_machinery() {
        let mut out = String::new();
        for value in [0, 7, 10, 44, 1_000_000, u64::MAX] {
            push_decimal(&mut out, value);
            out.push(' ');
        }
        assert_eq!(out, format!("0 7 10 44 1000000 {} ", u64::MAX));
    }

    #[test]
    fn quoted_escapes_what_would_be_invisible_or_ambiguous() {
        assert_eq!(quoted("a b"), r#""a b""#);
        assert_eq!(quoted("say \"hi\"\\"), r#""say \"hi\"\\""#);
        assert_eq!(quoted("\n\t\u{1}é"), r#""\n\t\u0001é""#);
        assert_eq!(quoted("\u{1f}\u{7f}\u{9f}\u{a0}"), "\"\\u001f\\u007f\\u009f\u{a0}\"");
    }

    fn at(text: &str, offset: usize) -> (u32, u32) {
        let p = Position::of_byte_offset(text, offset);
        (p.line, p.column)
    }

    #[test]
    fn counts_lines_and_columns_from_one() {
        assert_eq!(at("abc", 0), (1, 1));
        assert_eq!(at("abc", 2), (1, 3));
        assert_eq!(at("ab\ncd", 3), (2, 1));
        assert_eq!(at("ab\ncd", 4), (2, 2));
    }

    #[test]
    fn columns_are_utf16_units() {
        // 'é' is 2 bytes / 1 unit; '😀' is 4 bytes / 2 units.
        assert_eq!(at("é😀x", 6), (1, 4));
    }

    #[test]
    fn counting_on_from_a_known_position_agrees_with_counting_from_the_start() {
        let text = "ab\né😀x\n\nyz😀\nq";
        for from in 0..=text.len() {
            for to in from..=text.len() + 2 {
                let known = Position::of_byte_offset(text, from);
                let on = Position::of_byte_offset_after(text, from, known, to);
                let from_start = Position::of_byte_offset(text, to);
                if text.is_char_boundary(from) {
                    assert_eq!(on, from_start, "from {from} to {to}");
                }
            }
        }
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_char_are_clamped() {
        assert_eq!(at("ab", 99), (1, 3));
        assert_eq!(at("😀", 2), (1, 1));
    }
}
