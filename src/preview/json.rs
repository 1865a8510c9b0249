//! The render tree as JSON text, written by hand: JavaScript receives it
//! through one `JSON.parse`. (Deriving `Serialize` for the tree's dozen types
//! cost ~4 KB gzip of .wasm; this writer is a fraction of that.) The shape is
//! the one the TypeScript types (generated from `tree.rs` and `markup.rs`) describe.

use super::markup::{Block, Inline};
use super::tree::{Button, Card, Direction, Header, Theme, Tree};
use crate::json::write_string;
use std::fmt::Write;

/// `tree` as JSON.
pub fn tree(tree: &Tree) -> String {
    let mut out = String::with_capacity(512);
    let direction = if tree.direction == Direction::Rtl { "rtl" } else { "ltr" };
    let theme = if tree.theme == Theme::Dark { "dark" } else { "light" };
    out.push_str("{\"direction\":");
    write_string(&mut out, direction);
    out.push_str(",\"theme\":");
    write_string(&mut out, theme);
    if let Some(value) = &tree.header {
        out.push_str(",\"header\":");
        header(&mut out, value);
    }
    if let Some(offer) = &tree.offer {
        out.push_str(",\"offer\":{\"text\":");
        write_string(&mut out, &offer.text);
        optional(&mut out, "expires", offer.expires.as_deref());
        out.push('}');
    }
    out.push_str(",\"body\":");
    write_blocks(&mut out, &tree.body);
    optional(&mut out, "footer", tree.footer.as_deref());
    out.push_str(",\"buttons\":");
    buttons(&mut out, &tree.buttons);
    out.push_str(",\"hiddenButtons\":");
    buttons(&mut out, &tree.hidden_buttons);
    out.push_str(",\"cards\":");
    list(&mut out, &tree.cards, card);
    out.push('}');
    out
}

/// Formatted text (what [`super::markup::parse`] returns) as JSON.
pub fn blocks(blocks: &[Block]) -> String {
    let mut out = String::new();
    write_blocks(&mut out, blocks);
    out
}

fn list<T>(out: &mut String, items: &[T], write: fn(&mut String, &T)) {
    out.push('[');
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        write(out, item);
    }
    out.push(']');
}

fn card(out: &mut String, card: &Card) {
    out.push('{');
    if let Some(value) = &card.header {
        out.push_str("\"header\":");
        header(out, value);
        out.push(',');
    }
    out.push_str("\"body\":");
    write_blocks(out, &card.body);
    out.push_str(",\"buttons\":");
    buttons(out, &card.buttons);
    out.push('}');
}

fn buttons(out: &mut String, buttons: &[Button]) {
    list(out, buttons, |out, button| {
        out.push_str("{\"kind\":");
        write_string(out, button.kind);
        out.push_str(",\"text\":");
        write_string(out, &button.text);
        optional(out, "href", button.href.as_deref());
        out.push('}');
    });
}

fn header(out: &mut String, header: &Header) {
    match header {
        Header::Text { children } => {
            out.push_str("{\"type\":\"text\",\"children\":");
            inlines(out, children);
        }
        Header::Media { media, url, filename } => {
            out.push_str("{\"type\":\"media\",\"media\":");
            write_string(out, media);
            optional(out, "url", url.as_deref());
            optional(out, "filename", filename.as_deref());
        }
        Header::Location { name, address } => {
            out.push_str("{\"type\":\"location\"");
            optional(out, "name", name.as_deref());
            optional(out, "address", address.as_deref());
        }
        Header::Product => out.push_str("{\"type\":\"product\""),
    }
    out.push('}');
}

fn write_blocks(out: &mut String, blocks: &[Block]) {
    list(out, blocks, |out, block| {
        match block {
            Block::Paragraph { children } => tagged(out, "paragraph", "children", children),
            Block::Quote { children } => tagged(out, "quote", "children", children),
            Block::BulletList { items } => {
                out.push_str("{\"type\":\"bulletList\",\"items\":");
                list(out, items, |out, item| inlines(out, item));
            }
            Block::NumberedList { start, items } => {
                // Writing to a String cannot fail.
                let _ = write!(out, "{{\"type\":\"numberedList\",\"start\":{start},\"items\":");
                list(out, items, |out, item| inlines(out, item));
            }
            Block::CodeBlock { text } => text_node(out, "codeBlock", text),
        }
        out.push('}');
    });
}

fn inlines(out: &mut String, inlines: &[Inline]) {
    list(out, inlines, |out, inline| {
        match inline {
            Inline::Text { text } => text_node(out, "text", text),
            Inline::Bold { children } => tagged(out, "bold", "children", children),
            Inline::Italic { children } => tagged(out, "italic", "children", children),
            Inline::Strike { children } => tagged(out, "strike", "children", children),
            Inline::Code { text } => text_node(out, "code", text),
            Inline::Link { href, text } => {
                out.push_str("{\"type\":\"link\",\"href\":");
                write_string(out, href);
                out.push_str(",\"text\":");
                write_string(out, text);
            }
            Inline::Break => out.push_str("{\"type\":\"break\""),
            Inline::Variable { name, text, resolved } => {
                out.push_str("{\"type\":\"variable\",\"name\":");
                write_string(out, name);
                out.push_str(",\"text\":");
                write_string(out, text);
                out.push_str(if *resolved { ",\"resolved\":true" } else { ",\"resolved\":false" });
            }
        }
        out.push('}');
    });
}

/// `{"type":kind,"<key>":[…]` (the caller closes the object).
fn tagged(out: &mut String, kind: &str, key: &str, children: &[Inline]) {
    out.push_str("{\"type\":");
    write_string(out, kind);
    out.push_str(",\"");
    out.push_str(key);
    out.push_str("\":");
    inlines(out, children);
}

/// `{"type":kind,"text":…` (the caller closes the object).
fn text_node(out: &mut String, kind: &str, text: &str) {
    out.push_str("{\"type\":");
    write_string(out, kind);
    out.push_str(",\"text\":");
    write_string(out, text);
}

fn optional(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        out.push_str(",\"");
        out.push_str(key);
        out.push_str("\":");
        write_string(out, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::preview::markup::parse;

    /// What crosses is what the `.d.ts` says: tsify declares the types from
    /// the serde attributes in `tree.rs` and `markup.rs`; serde's own derive
    /// over those attributes (tests only) must write the same JSON as this
    /// writer, for every corpus template (valid and invalid), in both themes.
    #[test]
    #[cfg(not(target_arch = "wasm32"))] // serde_json is a native dev-dependency
    fn the_writer_matches_the_declared_types_for_every_corpus_template() {
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");
        let mut compared = 0;
        for dir in ["templates", "invalid"] {
            let mut files: Vec<_> =
                std::fs::read_dir(format!("{corpus}/{dir}")).unwrap().map(|e| e.unwrap().path()).collect();
            files.sort();
            for file in files.iter().filter(|f| f.extension().is_some_and(|e| e == "json")) {
                let text = std::fs::read_to_string(file).unwrap();
                let Ok(definition) = crate::json::parse(&text) else { continue };
                for theme in ["light", "dark"] {
                    let options = format!(r#"{{"theme":"{theme}"}}"#);
                    let options = crate::json::parse(&options).unwrap();
                    let mut fields = crate::options::OptionFields::new("t", Some(&options)).unwrap();
                    let options = crate::preview::PreviewOptions::read(&mut fields).unwrap();
                    let preview = crate::preview::render(&definition, Some(&text), None, &options);
                    let written: serde_json::Value = serde_json::from_str(&tree(&preview.tree)).unwrap();
                    let derived = serde_json::to_value(&preview.tree).unwrap();
                    assert_eq!(written, derived, "{}", file.display());
                    compared += 1;
                }
            }
        }
        assert!(compared >= 120, "only {compared} trees compared");
    }

    #[test]
    fn output_is_json_the_crate_reads_back() {
        let text = blocks(&parse("*hi* \"there\"\n\n1. a\\b\n> q\n```x\u{1}```"));
        let node = crate::json::parse(&text).unwrap();
        assert!(node.items().is_some_and(|blocks| blocks.len() >= 3));
        assert!(text.starts_with(
            r#"[{"type":"paragraph","children":[{"type":"bold","children":[{"type":"text","text":"hi"}]}"#
        ));
    }
}
