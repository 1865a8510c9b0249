//! Reading `metadata.bin`: its index (where each region's data starts) at
//! start-up, and a region's columns and pattern streams when a number first
//! needs it. The layout is described in `scripts/phone-metadata.mjs`.

use super::*;
use std::sync::OnceLock;

static DATA: &[u8] = include_bytes!("../metadata.bin");

/// One section of the blob, read front to back. Reading past its end gives
/// zeros and empty strings: the blob is generated and tested, so a short read
/// is a bug the tests catch, never a panic (and no error path per field).
#[derive(Clone, Copy)]
struct Reader {
    bytes: &'static [u8],
    at: usize,
}

impl Reader {
    fn byte(&mut self) -> u8 {
        let byte = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at = self.at.saturating_add(1);
        byte
    }

    #[inline(never)]
    fn varint(&mut self) -> usize {
        let (mut value, mut shift) = (0usize, 0);
        loop {
            let byte = self.byte();
            value |= usize::from(byte & 0x7f) << shift;
            shift += 7;
            if byte & 0x80 == 0 || shift > 28 {
                return value;
            }
        }
    }

    fn bytes(&mut self) -> &'static [u8] {
        let length = self.varint();
        let bytes = self.bytes.get(self.at..self.at.saturating_add(length)).unwrap_or_default();
        self.at = self.at.saturating_add(length);
        bytes
    }

    #[inline(never)]
    fn string(&mut self) -> &'static str {
        std::str::from_utf8(self.bytes()).unwrap_or_default()
    }

    #[inline(never)]
    fn section(&mut self) -> Reader {
        Reader { bytes: self.bytes(), at: 0 }
    }

    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }
}

/// Pattern tokens of the blob (scripts/phone-metadata.mjs has the same table):
/// bytecode ops where they coincide, else expanded by [`Patterns::decode`].
mod token {
    pub const CLASS: u8 = 11;
    pub const GROUP: u8 = 12;
    pub const CAPTURE: u8 = 13;
    pub const ALT: u8 = 15;
    pub const RANGE: u8 = 17;
    pub const CLOSE: u8 = 18;
    pub const STOP: u8 = 19;
    pub const EXACT: u8 = 32;
    pub const ANY_EXACT: u8 = 64;
}

/// Compiles the next pattern of the streams into bytecode.
struct Compiler<'s> {
    streams: &'s mut Streams,
    /// Where each open group's or sequence's length goes.
    open: Vec<usize>,
}

impl<'s> Compiler<'s> {
    fn new(streams: &'s mut Streams) -> Self {
        Self { streams, open: Vec::new() }
    }

    /// Starts a group or a sequence: room for its length.
    fn open(&mut self, code: &mut Vec<u8>) {
        self.open.push(code.len());
        code.extend([0, 0]);
    }

    /// Ends the innermost open group or sequence: its length.
    fn close(&mut self, code: &mut [u8]) {
        if let Some(at) = self.open.pop() {
            let length = u16::try_from(code.len() - at - 2).unwrap_or(0);
            if let Some(slot) = code.get_mut(at..at + 2) {
                slot.copy_from_slice(&length.to_le_bytes());
            }
        }
    }

    /// The pattern, compiled into an allocation that lives as long as the
    /// program (as the regions that use it do).
    fn compile(mut self) -> Pattern<'static> {
        let code = &mut Vec::new();
        let mut captures = 0u8;
        self.open(code);
        while !self.streams.tokens.done() {
            match self.streams.tokens.byte() {
                token @ (0..=pattern::ANY | pattern::END | pattern::OPTIONAL) => code.push(token),
                token::CLASS => {
                    // Digits 8 and 9 of four classes share a byte, the first in the low bits.
                    let class = self.streams.masks.at;
                    let high =
                        self.streams.masks89.get(class / 4).map_or(0, |byte| byte >> (2 * (class % 4)) & 3);
                    code.extend([pattern::CLASS, self.streams.masks.byte(), high]);
                }
                token @ (token::GROUP | token::CAPTURE) => {
                    code.push(token);
                    if token == token::CAPTURE {
                        captures = captures.wrapping_add(1);
                        code.push(captures);
                    }
                    self.open(code);
                    self.open(code);
                }
                token::ALT => {
                    self.close(code);
                    self.open(code);
                }
                token::CLOSE => {
                    self.close(code);
                    self.close(code);
                }
                token::RANGE => {
                    code.extend([pattern::RANGE, self.streams.ranges.byte(), self.streams.ranges.byte()]);
                }
                token @ token::EXACT..token::ANY_EXACT => code.extend([pattern::EXACT, token - token::EXACT]),
                token @ token::ANY_EXACT.. => {
                    code.extend([pattern::ANY, pattern::EXACT, token - token::ANY_EXACT])
                }
                // STOP ends the pattern; so does a token this reader does not know.
                _ => break,
            }
        }
        while !self.open.is_empty() {
            self.close(code);
        }
        Pattern::new(std::mem::take(code).leak())
    }
}

/// What the region columns refer to by index: the strings, and the shared
/// and format patterns (compiled at start-up: a few hundred small ones).
struct Refs {
    strings: Vec<&'static str>,
    patterns: Vec<Pattern<'static>>,
    /// Where the format patterns start in `patterns`.
    formats: usize,
}

// Not inlined: a region's reader refers to them from many places.
impl Refs {
    #[inline(never)]
    fn string(&self, reader: &mut Reader) -> &'static str {
        self.strings.get(reader.varint()).copied().unwrap_or_default()
    }

    /// Out of range (a bug the tests catch) reads as a pattern that matches nothing.
    #[inline(never)]
    fn pattern(&self, index: usize) -> Pattern<'static> {
        self.patterns.get(index).copied().unwrap_or(Pattern::new(&[]))
    }

    /// A shared pattern, written as its index + 1 (0: none).
    fn shared(&self, reader: &mut Reader) -> Option<Pattern<'static>> {
        reader.varint().checked_sub(1).map(|index| self.pattern(index))
    }
}

/// The region columns after ids and codes, each at one region's data (blob order).
#[derive(Clone, Copy)]
struct Columns {
    leading: Reader,
    lengths: Reader,
    prefix: Reader,
    parser: Reader,
    transform: Reader,
    idd: Reader,
    rule: Reader,
    format_counts: Reader,
    format_patterns: Reader,
    format_templates: Reader,
    format_leading: Reader,
    format_rules: Reader,
    format_international: Reader,
    type_kinds: Reader,
    type_lengths: Reader,
}

/// Where one region's data starts, and the region once it has been read.
pub(super) struct Entry {
    pub(super) id: &'static str,
    code: u16,
    rank: u8,
    columns: Columns,
    patterns: Streams,
    region: OnceLock<Region>,
}

/// The pattern streams' positions (the tokens, the masks, the counts).
#[derive(Clone, Copy)]
struct Streams {
    tokens: Reader,
    masks: Reader,
    masks89: &'static [u8],
    ranges: Reader,
}

impl Streams {
    /// Steps over the next pattern without compiling it: one pass over its
    /// tokens (the index steps over every region's patterns at start-up).
    fn skip(&mut self) {
        let (mut classes, mut ranges) = (0, 0);
        while let Some(&token) = self.tokens.bytes.get(self.tokens.at) {
            self.tokens.at += 1;
            match token {
                token::STOP => break,
                token::CLASS => classes += 1,
                token::RANGE => ranges += 2,
                _ => {}
            }
        }
        self.masks.at += classes;
        self.ranges.at += ranges;
    }
}

/// The blob's index: every region's id, code and where its data starts; a
/// region is read the first time a number needs it (the first call then
/// pays for the regions it touches, not 254).
pub(super) struct Metadata {
    pub(super) source: &'static str,
    refs: Refs,
    pub(super) entries: Vec<Entry>,
    /// Indexed by calling code (all below 1000): the range of its regions in `entries`.
    pub(super) by_code: Vec<(u16, u16)>,
}

pub(super) fn metadata() -> &'static Metadata {
    static METADATA: OnceLock<Metadata> = OnceLock::new();
    METADATA.get_or_init(index)
}

fn index() -> Metadata {
    // A blob of another version gives no regions: every number is then
    // unknown, which the tests would catch.
    let valid = DATA.starts_with(b"WAPN\x03");
    let mut blob = Reader { bytes: if valid { DATA } else { &[] }, at: 5 };
    let source = blob.string();
    let region_count = blob.varint();
    let shared_count = blob.varint();
    let format_count = blob.varint();
    let mut table = blob.section();
    let strings: Vec<&'static str> = (0..table.varint()).map(|_| table.string()).collect();
    let ranges = blob.section();
    let [mut ids, mut codes] = [(); 2].map(|()| blob.section());
    let mut columns = Columns {
        leading: blob.section(),
        lengths: blob.section(),
        prefix: blob.section(),
        parser: blob.section(),
        transform: blob.section(),
        idd: blob.section(),
        rule: blob.section(),
        format_counts: blob.section(),
        format_patterns: blob.section(),
        format_templates: blob.section(),
        format_leading: blob.section(),
        format_rules: blob.section(),
        format_international: blob.section(),
        type_kinds: blob.section(),
        type_lengths: blob.section(),
    };
    let tokens = blob.section();
    let masks89 = blob.section().bytes;
    let mut streams = Streams { tokens, masks: blob.section(), masks89, ranges };

    // The shared and format patterns, which come first in the streams.
    let patterns = (0..shared_count + format_count).map(|_| Compiler::new(&mut streams).compile()).collect();
    let refs = Refs { strings, patterns, formats: shared_count };

    let mut entries: Vec<Entry> = Vec::with_capacity(region_count);
    let mut by_code = vec![(0u16, 0u16); 1000];
    for index in 0..region_count {
        let id = ids.string();
        let code =
            entries.last().map_or(0, |previous| previous.code) + u16::try_from(codes.varint()).unwrap_or(0);
        let rank = match entries.last() {
            Some(previous) if previous.code == code => previous.rank.saturating_add(1),
            _ => 0,
        };
        // Regions are ordered by calling code, then rank: a code's are consecutive.
        if let Some(range) = by_code.get_mut(usize::from(code)) {
            let index = u16::try_from(index).unwrap_or(u16::MAX);
            *range = (if rank == 0 { index } else { range.0 }, index + 1);
        }
        entries.push(Entry { id, code, rank, columns, patterns: streams, region: OnceLock::new() });
        skip_region(&mut columns, &mut streams);
    }
    Metadata { source, refs, entries, by_code }
}

/// Steps over one region's data: what [`read_region`] reads, in the same order.
fn skip_region(c: &mut Columns, streams: &mut Streams) {
    for column in [
        &mut c.leading,
        &mut c.lengths,
        &mut c.prefix,
        &mut c.parser,
        &mut c.transform,
        &mut c.idd,
        &mut c.rule,
    ] {
        column.varint();
    }
    streams.skip();
    for _ in 0..c.format_counts.varint() {
        for column in [
            &mut c.format_patterns,
            &mut c.format_templates,
            &mut c.format_rules,
            &mut c.format_international,
        ] {
            column.varint();
        }
        if c.format_leading.byte() != 0 {
            streams.skip();
        }
    }
    for _ in 0..10 {
        let kind = c.type_kinds.byte();
        if kind == 1 {
            streams.skip();
        }
        if kind != 0 {
            c.type_lengths.varint();
        }
    }
}

/// Reads the region `entry` names from its data at `c` and `streams`,
/// compiling its own patterns.
fn read_region(entry: &Entry, refs: &Refs, c: &mut Columns, streams: &mut Streams) -> Region {
    let mut compile = || Compiler::new(streams).compile();
    let leading_digits = refs.shared(&mut c.leading);
    let lengths = Lengths(u32::try_from(c.lengths.varint()).unwrap_or(0));
    let national_prefix = refs.string(&mut c.prefix);
    let national_prefix_parser = refs.shared(&mut c.parser);
    let national_prefix_transform = refs.string(&mut c.transform);
    let international_prefix = refs.shared(&mut c.idd);
    let national_prefix_formatting_rule = refs.string(&mut c.rule);
    let general = compile();
    let count = c.format_counts.varint();
    let mut formats = Vec::with_capacity(count);
    for _ in 0..count {
        let pattern = refs.pattern(refs.formats + c.format_patterns.varint());
        formats.push(Format {
            pattern,
            lengths: pattern.length_bounds(),
            leading_digits: (c.format_leading.byte() != 0).then(&mut compile),
            national: refs.string(&mut c.format_templates),
            national_prefix_formatting_rule: refs.string(&mut c.format_rules),
            international: refs.string(&mut c.format_international),
        });
    }
    let mut types = [Type { pattern: TypePattern::None, lengths: Lengths(0) }; 10];
    for kind in &mut types {
        kind.pattern = match c.type_kinds.byte() {
            0 => continue,
            1 => TypePattern::Own(compile()),
            _ => TypePattern::SameAsFixedLine,
        };
        // Bit i: the region's i-th shortest length.
        let relative = c.type_lengths.varint();
        kind.lengths = Lengths(
            lengths
                .iter()
                .enumerate()
                .filter(|(i, _)| relative >> i & 1 != 0)
                .fold(0, |m, (_, n)| m | 1 << n),
        );
    }
    Region {
        id: entry.id,
        code: entry.code,
        rank: entry.rank,
        leading_digits,
        general,
        lengths,
        national_prefix,
        national_prefix_parser,
        national_prefix_transform,
        international_prefix,
        national_prefix_formatting_rule,
        formats,
        types,
    }
}

pub(super) fn region_at(entry: &'static Entry) -> &'static Region {
    let (mut columns, mut streams) = (entry.columns, entry.patterns);
    entry.region.get_or_init(|| read_region(entry, &metadata().refs, &mut columns, &mut streams))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index steps over each region with `skip_region`: it must step
    /// exactly as far as reading the region does.
    #[test]
    fn skipping_a_region_steps_as_far_as_reading_it() {
        let data = metadata();
        let positions = |c: &Columns, s: &Streams| {
            let columns = [
                c.leading,
                c.lengths,
                c.prefix,
                c.parser,
                c.transform,
                c.idd,
                c.rule,
                c.format_counts,
                c.format_patterns,
                c.format_templates,
                c.format_leading,
                c.format_rules,
                c.format_international,
                c.type_kinds,
                c.type_lengths,
            ];
            columns.iter().map(|r| r.at).chain([s.tokens.at, s.masks.at, s.ranges.at]).collect::<Vec<_>>()
        };
        for pair in data.entries.windows(2) {
            let (mut columns, mut streams) = (pair[0].columns, pair[0].patterns);
            read_region(&pair[0], &data.refs, &mut columns, &mut streams);
            assert_eq!(
                positions(&columns, &streams),
                positions(&pair[1].columns, &pair[1].patterns),
                "{}",
                pair[0].id
            );
        }
    }
}
