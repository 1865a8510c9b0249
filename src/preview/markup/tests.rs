//! Tests of `preview::markup`.

use super::*;

fn text(text: &str) -> Inline {
    Inline::Text { text: text.to_owned() }
}

/// Hostile shapes (long runs of markers, 100 KB of mixed text) parse to
/// something; how fast is a bench matter, not a test assertion.
fn parsed(input: &str) -> Vec<Block> {
    let blocks = parse(input);
    assert!(!blocks.is_empty(), "{} bytes gave no blocks", input.len());
    blocks
}

#[test]
fn long_runs_of_markers_parse() {
    for marker in ["*", "_", "~", "`", "```", "* ", "_a ", "*_~", "(", "+1", "www.", "https://"] {
        let input = marker.repeat(10_000);
        parsed(&input);
        parsed(&format!("{input}\n").repeat(3));
    }
    assert_eq!(parse("**"), vec![Block::Paragraph { children: vec![text("**")] }]);
    // Like a lazy `\*(.+?)\*` scan: every third star closes a bold star.
    let blocks = parsed(&"*".repeat(10_000));
    let Some(Block::Paragraph { children }) = blocks.first() else { panic!("not a paragraph") };
    assert_eq!(children.len(), 3_334);
    assert_eq!(children.first(), Some(&Inline::Bold { children: vec![text("*")] }));
    assert_eq!(children.last(), Some(&text("*")));
}

#[test]
fn large_mixed_text_parses() {
    let line = "*bold* _it_ ~s~ `c` ```m``` https://x.io/a_(b) +1 555 123 4567 \u{E000}0\u{E001} مرحبا 🎉 ";
    let mut input = String::new();
    while input.len() < 100_000 {
        input.push_str(line);
        input.push_str(["\n", "\n\n", "\n* ", "\n1. ", "\n> ", "\n```\n"][input.len() % 6]);
    }
    parsed(&input);
    parsed(&input.replace('\n', " "));
    parsed(&"*a _b ~c `d ".repeat(10_000));
    parsed(&"www.)".repeat(20_000));
    parsed(&"+1 (2".repeat(20_000));
}

/// No empty text and no two texts side by side, at any depth.
fn assert_merged(children: &[Inline]) {
    for pair in children.windows(2) {
        assert!(!matches!(pair, [Inline::Text { .. }, Inline::Text { .. }]), "unmerged: {children:?}");
    }
    for child in children {
        match child {
            Inline::Text { text } => assert!(!text.is_empty(), "empty text in {children:?}"),
            Inline::Bold { children } | Inline::Italic { children } | Inline::Strike { children } => {
                assert_merged(children)
            }
            _ => {}
        }
    }
}

fn assert_blocks_merged(blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Paragraph { children } | Block::Quote { children } => assert_merged(children),
            Block::BulletList { items } | Block::NumberedList { items, .. } => {
                items.iter().for_each(|item| assert_merged(item))
            }
            Block::CodeBlock { text } => assert!(!text.trim().is_empty()),
        }
    }
}

#[test]
fn never_panics_and_texts_are_merged() {
    let alphabet = [
        '*', '_', '~', '`', ' ', '\n', '\r', '(', ')', '+', '1', '.', '>', '-', 'a', 'é', '🎉', '\u{E000}',
        '\u{E001}', 'w', 'h', ':', '/',
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..20_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = (seed % 24) as usize;
        let input: String =
            (0..len).map(|i| alphabet[((seed >> (i * 2 % 60)) as usize + i) % alphabet.len()]).collect();
        for input in [input.clone(), format!("https://{input}"), format!("+1234{input}")] {
            assert_blocks_merged(&parse(&input));
        }
    }
}
