//! The Markdown subset of Flow texts (M-FC "Syntax cheatsheet", spec §4):
//! standard Markdown, so `*x*` is italic (not WhatsApp chat formatting, which
//! `preview::markup` parses). RichText has headings, tables and inline base64
//! images; TextBody/TextCaption with `markdown: true` only inline styles,
//! paragraphs, single-level lists and links. Unsupported syntax stays text.

use super::image::{self, Img};

/// Deepest nesting of inline styles (deeper stays text).
const MAX_NESTING: usize = 8;

/// A block of formatted text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// `# ` (1) or `## ` (2): heading styles.
    Heading(u8, Vec<Inline>),
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A single-level list; `true` when ordered (`1.`).
    List(bool, Vec<Vec<Inline>>),
    /// A table: the header row, then the rows (cells of inlines).
    Table(Vec<Vec<Inline>>, Vec<Vec<Vec<Inline>>>),
}

/// Formatted text inside a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// `**x**`.
    Bold(Vec<Inline>),
    /// `*x*`.
    Italic(Vec<Inline>),
    /// `~~x~~`.
    Strike(Vec<Inline>),
    /// `[text](https://…)`: only http(s) links get here.
    Link(String, Vec<Inline>),
    /// `![alt](data:image/…;base64,…)` (RichText only; checked by its bytes).
    Image(Img),
}

/// A problem found while parsing (an unsafe link, a refused image): the code and message.
pub type Problem = (&'static str, String);

/// Parses `parts` (array items are paragraphs of their own); `rich` for RichText.
pub fn parse(parts: &[String], rich: bool, problems: &mut Vec<Problem>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut p = Parser { rich, problems };
    for part in parts {
        // Each line is trimmed below, so a `\r` before the `\n` goes with it.
        let lines: Vec<&str> = part.split('\n').collect();
        let mut i = 0;
        let mut paragraph: Vec<&str> = Vec::new();
        while let Some(line) = lines.get(i) {
            let trimmed = line.trim();
            let next_is_rule = lines.get(i + 1).is_some_and(|l| is_table_rule(l));
            if trimmed.is_empty() {
                p.flush(&mut blocks, &mut paragraph);
            } else if let Some((level, text)) = heading(trimmed).filter(|_| rich) {
                p.flush(&mut blocks, &mut paragraph);
                let inlines = p.inlines(text, 0);
                blocks.push(if level <= 2 {
                    Block::Heading(level, inlines)
                } else {
                    Block::Paragraph(inlines)
                });
            } else if rich && trimmed.starts_with('|') && next_is_rule {
                p.flush(&mut blocks, &mut paragraph);
                let header = p.cells(trimmed);
                i += 2;
                let mut rows = Vec::new();
                while let Some(row) = lines.get(i).map(|l| l.trim()).filter(|l| l.starts_with('|')) {
                    rows.push(p.cells(row));
                    i += 1;
                }
                blocks.push(Block::Table(header, rows));
                continue;
            } else if let Some((ordered, _)) = list_item(trimmed) {
                p.flush(&mut blocks, &mut paragraph);
                let mut items = Vec::new();
                while let Some((kind, text)) = lines.get(i).and_then(|l| list_item(l.trim())) {
                    if kind != ordered {
                        break;
                    }
                    items.push(p.inlines(text, 0));
                    i += 1;
                }
                blocks.push(Block::List(ordered, items));
                continue;
            } else {
                paragraph.push(trimmed);
            }
            i += 1;
        }
        p.flush(&mut blocks, &mut paragraph);
    }
    // Consecutive items of one kind are one list, whether blank lines or array
    // items part them (a "loose" list in CommonMark; M-FC's examples write one item per line).
    let mut merged: Vec<Block> = Vec::with_capacity(blocks.len());
    for block in blocks {
        match (merged.last_mut(), block) {
            (Some(Block::List(kind, items)), Block::List(next, mut more)) if *kind == next => {
                items.append(&mut more)
            }
            (_, block) => merged.push(block),
        }
    }
    merged
}

fn heading(line: &str) -> Option<(u8, &str)> {
    let level = line.bytes().take_while(|b| *b == b'#').count();
    let text = line.get(level..)?.strip_prefix(' ')?;
    (1..=6).contains(&level).then(|| (u8::try_from(level).unwrap_or(6), text.trim()))
}

/// `- x` / `+ x` (unordered) or `1. x` (ordered).
fn list_item(line: &str) -> Option<(bool, &str)> {
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("+ ")) {
        return Some((false, rest));
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = line.get(digits..)?.strip_prefix(". ")?;
    (digits > 0 && digits < 10).then_some((true, rest))
}

fn is_table_rule(line: &str) -> bool {
    let line = line.trim();
    line.starts_with('|') && line.contains('-') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

struct Parser<'p> {
    rich: bool,
    problems: &'p mut Vec<Problem>,
}

impl Parser<'_> {
    fn flush(&mut self, blocks: &mut Vec<Block>, paragraph: &mut Vec<&str>) {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(self.inlines(&paragraph.join(" "), 0)));
            paragraph.clear();
        }
    }

    fn cells(&mut self, row: &str) -> Vec<Vec<Inline>> {
        let inner = row.trim().trim_start_matches('|').trim_end_matches('|');
        let mut cells = Vec::new();
        for cell in inner.split('|') {
            cells.push(self.inlines(cell.trim(), 0));
        }
        cells
    }

    fn inlines(&mut self, text: &str, depth: usize) -> Vec<Inline> {
        let mut out = Vec::new();
        let mut plain = String::new();
        let mut i = 0;
        while let Some(rest) = text.get(i..).filter(|r| !r.is_empty()) {
            if let Some((mut inline, used)) = self.styled(rest, depth) {
                if !plain.is_empty() {
                    out.push(Inline::Text(std::mem::take(&mut plain)));
                }
                out.append(&mut inline);
                i += used;
                continue;
            }
            let mut chars = rest.chars();
            let c = chars.next().unwrap_or_default();
            if c == '\\' {
                if let Some(escaped) = chars.next().filter(char::is_ascii_punctuation) {
                    plain.push(escaped);
                    i += 2;
                    continue;
                }
            }
            plain.push(c);
            i += c.len_utf8();
        }
        if !plain.is_empty() {
            out.push(Inline::Text(plain));
        }
        out
    }

    /// A styled span, link or image at the start of `rest`, and the bytes it used.
    fn styled(&mut self, rest: &str, depth: usize) -> Option<(Vec<Inline>, usize)> {
        if depth >= MAX_NESTING {
            return None;
        }
        for (mark, make) in [
            ("***", (|c| Inline::Bold(vec![Inline::Italic(c)])) as fn(Vec<Inline>) -> Inline),
            ("**", Inline::Bold),
            ("~~", Inline::Strike),
            ("*", Inline::Italic),
        ] {
            if let Some(inner) = delimited(rest, mark) {
                return Some((vec![make(self.inlines(inner, depth + 1))], inner.len() + 2 * mark.len()));
            }
        }
        let image = rest.starts_with("![");
        let (label, target, used) = bracketed(rest.get(usize::from(image)..)?)?;
        let used = used + usize::from(image);
        if image {
            if !self.rich {
                return None;
            }
            return Some(match image::read(target, label, true) {
                Ok(img) => (vec![Inline::Image(img)], used),
                Err(why) => {
                    self.problems.push((super::code::IMAGE_REJECTED, format!("markdown image: {why}")));
                    (vec![Inline::Text(label.to_owned())], used)
                }
            });
        }
        let children = self.inlines(label, depth + 1);
        if is_web_link(target) {
            Some((vec![Inline::Link(target.to_owned(), children)], used))
        } else {
            let message = format!(
                "link {}: only http: and https: links are shown as links",
                crate::text::quoted(target)
            );
            self.problems.push((crate::preview::code::LINK_UNSAFE, message));
            Some((children, used))
        }
    }
}

/// An `http:`/`https:` link safe to show (the template preview's rule, without `tel:`).
pub fn is_web_link(href: &str) -> bool {
    let lower = href.get(..8).unwrap_or(href).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && crate::preview::html::is_safe_href(href)
}

/// The text between `mark` at the start of `rest` and its closing `mark`
/// (flanking: no space just inside either mark).
fn delimited<'r>(rest: &'r str, mark: &str) -> Option<&'r str> {
    let after = rest.strip_prefix(mark)?;
    if after.starts_with(char::is_whitespace) || after.starts_with(mark.chars().next()?) {
        return None;
    }
    let mut from = 0;
    loop {
        let close = from + after.get(from..)?.find(mark)?;
        let inner = after.get(..close)?;
        let doubled = mark == "*" && after.get(close + 1..).is_some_and(|r| r.starts_with('*'));
        if !inner.is_empty() && !inner.ends_with(char::is_whitespace) && !doubled {
            return Some(inner);
        }
        from = close + if doubled { 2 } else { mark.len() };
    }
}

/// `[label](target)` at the start of `rest`: label, target and bytes used.
fn bracketed(rest: &str) -> Option<(&str, &str, usize)> {
    let body = rest.strip_prefix('[')?;
    let close = body.find("](")?;
    let label = body.get(..close)?;
    let after = body.get(close + 2..)?;
    let end = after.find(')')?;
    let target = after.get(..end)?.trim();
    Some((label, target, 1 + close + 2 + end + 1))
}

#[cfg(test)]
mod tests;
