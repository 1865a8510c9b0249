//! Variables in text handed to the markup parser: each value goes in as a
//! slot of private-use characters, so formatting cannot split or restyle it,
//! and comes out again as an [`Inline::Variable`] (or plain text).

use super::markup::{Block, Inline};

/// Marks a variable's slot in text handed to the markup parser, so values
/// stay atomic (`\u{E000}<slot>\u{E001}`, private-use characters).
pub(super) const SLOT_OPEN: char = '\u{E000}';
pub(super) const SLOT_CLOSE: char = '\u{E001}';

/// A variable as written (`{{1}}`) and its value, if one was found.
pub(super) type Slot = (String, Option<String>);

pub(super) fn fill_block(block: Block, slots: &[Slot]) -> Block {
    let fill = |children: Vec<Inline>| fill_inlines(children, slots);
    match block {
        Block::Paragraph { children } => Block::Paragraph { children: fill(children) },
        Block::Quote { children } => Block::Quote { children: fill(children) },
        Block::BulletList { items } => Block::BulletList { items: items.into_iter().map(fill).collect() },
        Block::NumberedList { start, items } => {
            Block::NumberedList { start, items: items.into_iter().map(fill).collect() }
        }
        Block::CodeBlock { text } => Block::CodeBlock { text: fill_plain(&text, slots) },
    }
}

pub(super) fn fill_inlines(children: Vec<Inline>, slots: &[Slot]) -> Vec<Inline> {
    let mut out = Vec::with_capacity(children.len());
    for inline in children {
        match inline {
            Inline::Text { text } => split_slots(&text, slots, &mut out),
            Inline::Bold { children } => out.push(Inline::Bold { children: fill_inlines(children, slots) }),
            Inline::Italic { children } => {
                out.push(Inline::Italic { children: fill_inlines(children, slots) })
            }
            Inline::Strike { children } => {
                out.push(Inline::Strike { children: fill_inlines(children, slots) })
            }
            Inline::Code { text } => out.push(Inline::Code { text: fill_plain(&text, slots) }),
            Inline::Link { href, text } => out.push(Inline::Link { href, text: fill_plain(&text, slots) }),
            other => out.push(other),
        }
    }
    out
}

/// The slots of `text` as Text and Variable nodes.
pub(super) fn split_slots(text: &str, slots: &[Slot], out: &mut Vec<Inline>) {
    let mut rest = text;
    while let Some((before, slot, after)) = next_slot(rest) {
        if !before.is_empty() {
            out.push(Inline::Text { text: before.to_owned() });
        }
        if let Some((name, value)) = slots.get(slot) {
            let resolved = value.is_some();
            let text = value.clone().unwrap_or_else(|| name.clone());
            out.push(Inline::Variable { name: name.clone(), text, resolved });
        }
        rest = after;
    }
    if !rest.is_empty() {
        out.push(Inline::Text { text: rest.to_owned() });
    }
}

/// Slots inside code or link text: just their value (or placeholder) as text.
pub(super) fn fill_plain(text: &str, slots: &[Slot]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, slot, after)) = next_slot(rest) {
        out.push_str(before);
        if let Some((name, value)) = slots.get(slot) {
            out.push_str(value.as_deref().unwrap_or(name));
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Text before the next slot, the slot's number, and the text after it.
pub(super) fn next_slot(text: &str) -> Option<(&str, usize, &str)> {
    let (before, rest) = text.split_once(SLOT_OPEN)?;
    let (number, after) = rest.split_once(SLOT_CLOSE)?;
    Some((before, number.parse().ok()?, after))
}
