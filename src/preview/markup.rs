//! WhatsApp message formatting (`*bold*`, `_italic_`, lists, quotes, code, links) parsed into a small tree.
//!
//! Rules, sources and choices: `docs/formatting.md`. Linear time: one pass finds the ```` ``` ````
//! spans, one pass per line the code, links and style markers (a stack at most four frames deep).

/// A block of formatted text.
// Written to JSON by `preview::json`; the attributes below only shape the
// generated TypeScript types (tsify reads serde's attributes).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(test, derive(serde::Serialize))]
#[cfg_attr(any(test, target_arch = "wasm32"), serde(tag = "type", rename_all = "camelCase"))]
pub enum Block {
    /// Consecutive ordinary lines; each single line break inside is an [`Inline::Break`].
    Paragraph {
        /// The paragraph's content.
        children: Vec<Inline>,
    },
    /// Consecutive `> ` lines merged into one quote, lines separated by [`Inline::Break`].
    Quote {
        /// The quoted text, without the `> ` markers.
        children: Vec<Inline>,
    },
    /// Consecutive `* ` or `- ` lines (the two markers may mix).
    BulletList {
        /// One entry per line, without its marker.
        items: Vec<Vec<Inline>>,
    },
    /// Consecutive `1. ` lines (digits, a dot and a space).
    NumberedList {
        /// The first item's number; later items count on from it whatever they say.
        start: u32,
        /// One entry per line, without its number.
        items: Vec<Vec<Inline>>,
    },
    /// A ```` ``` ```` span that occupies whole lines, shown verbatim.
    CodeBlock {
        /// The text between the fences, without the line breaks right after and before them.
        text: String,
    },
}

/// Formatted text inside a block.
// Written to JSON by `preview::json`; the attributes below only shape the
// generated TypeScript types (tsify reads serde's attributes).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(test, derive(serde::Serialize))]
#[cfg_attr(any(test, target_arch = "wasm32"), serde(tag = "type", rename_all = "camelCase"))]
pub enum Inline {
    /// Plain text (adjacent texts are always merged).
    Text {
        /// The text, markers that did not count included.
        text: String,
    },
    /// `*bold*`
    Bold {
        /// The styled content.
        children: Vec<Inline>,
    },
    /// `_italic_`
    Italic {
        /// The styled content.
        children: Vec<Inline>,
    },
    /// `~strikethrough~`
    Strike {
        /// The styled content.
        children: Vec<Inline>,
    },
    /// `` `inline code` `` or inline ```` ```monospace``` ````: verbatim, never formatted.
    Code {
        /// The text between the markers.
        text: String,
    },
    /// A bare URL or phone number.
    Link {
        /// `http(s)://…` as written, `https://` + a `www.…` address, or `tel:+<digits>`.
        href: String,
        /// The link as written in the message.
        text: String,
    },
    /// A line break inside a paragraph or quote.
    Break,
    /// A template variable, filled after parsing (never produced by [`parse`]):
    /// its value, or its placeholder when it has none.
    Variable {
        /// As written in the template (`{{1}}`, `{{first_name}}`).
        name: String,
        /// What is shown: the value, or `name` when unresolved.
        text: String,
        /// Whether a value was found (in the send or the examples).
        resolved: bool,
    },
}

const FENCE: &str = "```";
/// The characters around a caller's placeholder index: word characters here.
const SLOT: [char; 2] = ['\u{E000}', '\u{E001}'];

/// Parses WhatsApp-formatted text. Never fails: what is not formatting is text.
pub fn parse(text: &str) -> Vec<Block> {
    let fences = fences(text);
    let (mut blocks, mut open, mut next, mut pos) = (Vec::new(), None, 0, 0);
    while pos < text.len() {
        if let Some(fence) = fences.get(next).filter(|f| f.block && f.open == pos) {
            // The closing fence ends its line: the next line read is empty, a blank line.
            blocks.extend(open.take());
            blocks.push(Block::CodeBlock { text: block_text(text, fence) });
            (next, pos) = (next + 1, fence.end);
            continue;
        }
        // A logical line: up to the next line break that is not inside a ``` span.
        let (first, mut line_end) = (next, find(text, "\n", pos).unwrap_or(text.len()));
        while let Some(fence) = fences.get(next).filter(|f| f.open < line_end) {
            next += 1;
            if fence.end > line_end {
                line_end = find(text, "\n", fence.end).unwrap_or(text.len());
            }
        }
        let line = text.get(pos..line_end).unwrap_or_default();
        add_line(&mut blocks, &mut open, line, pos, fences.get(first..next).unwrap_or_default());
        pos = line_end + 1;
    }
    blocks.extend(open);
    blocks
}

/// A ```` ``` ```` span: byte offsets of its opening fence and of the end of its closing fence.
struct Fence {
    open: usize,
    end: usize,
    /// Opens at a line start and closes at a line end.
    block: bool,
}

/// Every ```` ``` ```` pair with some non-blank text inside, left to right.
fn fences(text: &str) -> Vec<Fence> {
    let (mut out, mut from) = (Vec::new(), 0);
    while let Some(open) = find(text, FENCE, from) {
        let Some(close) = find(text, FENCE, open + FENCE.len()) else { break };
        from = close + FENCE.len();
        if text.get(open + FENCE.len()..close).is_some_and(|inside| !inside.trim().is_empty()) {
            let starts_line = open == 0 || text.get(..open).is_some_and(|s| s.ends_with('\n'));
            let after = text.get(from..).unwrap_or_default();
            let ends_line = after.is_empty() || after.starts_with('\n') || after.starts_with("\r\n");
            out.push(Fence { open, end: from, block: starts_line && ends_line });
        }
    }
    out
}

fn find(text: &str, pattern: &str, from: usize) -> Option<usize> {
    text.get(from..)?.find(pattern).map(|at| at + from)
}

/// A code block's text: what is between the fences, less a line break right after and before them.
fn block_text(text: &str, fence: &Fence) -> String {
    let inside = text.get(fence.open + FENCE.len()..fence.end - FENCE.len()).unwrap_or_default();
    let inside = inside.strip_prefix("\r\n").or_else(|| inside.strip_prefix('\n')).unwrap_or(inside);
    let inside = inside.strip_suffix('\n').map_or(inside, |s| s.strip_suffix('\r').unwrap_or(s));
    inside.to_owned()
}

/// An empty block of the line's kind and where its content starts (markers need content after them).
fn classify(line: &str) -> (Block, usize) {
    let has_content = |from: usize| line.get(from..).is_some_and(|rest| !rest.trim().is_empty());
    if (line.starts_with("* ") || line.starts_with("- ")) && has_content(2) {
        return (Block::BulletList { items: Vec::new() }, 2);
    }
    if line.starts_with("> ") && has_content(2) {
        return (Block::Quote { children: Vec::new() }, 2);
    }
    // At most 9 digits: every such number fits in a u32.
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let dot = line.get(digits..).is_some_and(|rest| rest.starts_with(". "));
    if (1..=9).contains(&digits) && dot && has_content(digits + 2) {
        let start = line.bytes().take(digits).fold(0, |n, digit| n * 10 + u32::from(digit - b'0'));
        return (Block::NumberedList { start, items: Vec::new() }, digits + 2);
    }
    (Block::Paragraph { children: Vec::new() }, 0)
}

/// Adds one logical line (at byte `at` of the text, with the ``` spans `fences`) to the
/// block being built, or starts a new block. A blank line ends the block.
fn add_line(blocks: &mut Vec<Block>, open: &mut Option<Block>, line: &str, at: usize, fences: &[Fence]) {
    let line = line.strip_suffix('\r').unwrap_or(line);
    if line.trim().is_empty() {
        return blocks.extend(open.take());
    }
    let (mut block, skip) = classify(line);
    let start = at + skip;
    let fences: Vec<_> =
        fences.iter().map(|f| (f.open.saturating_sub(start), f.end.saturating_sub(start))).collect();
    let content = inlines(line.get(skip..).unwrap_or_default(), &fences);
    match (open.as_mut(), &mut block) {
        (Some(Block::Paragraph { children }), Block::Paragraph { .. })
        | (Some(Block::Quote { children }), Block::Quote { .. }) => {
            children.push(Inline::Break);
            return children.extend(content);
        }
        (Some(Block::BulletList { items }), Block::BulletList { .. })
        | (Some(Block::NumberedList { items, .. }), Block::NumberedList { .. }) => {
            return items.push(content)
        }
        (_, Block::Paragraph { children } | Block::Quote { children }) => *children = content,
        (_, Block::BulletList { items } | Block::NumberedList { items, .. }) => items.push(content),
        (_, Block::CodeBlock { .. }) => {}
    }
    blocks.extend(open.replace(block));
}

/// Start or end of the line, whitespace or punctuation: anything but a letter, a digit or a placeholder's.
fn boundary(c: Option<char>) -> bool {
    !c.is_some_and(|c| c.is_alphanumeric() || SLOT.contains(&c))
}

fn before(line: &str, at: usize) -> Option<char> {
    line.get(..at)?.chars().next_back()
}

fn after(line: &str, at: usize) -> Option<char> {
    line.get(at..)?.chars().next()
}

/// Whether a marker between `prev` and `next` may open (after a boundary, before a
/// non-space character) and may close (after a non-space character, before a boundary).
fn flanks(prev: Option<char>, next: Option<char>) -> (bool, bool) {
    let solid = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    (boundary(prev) && solid(next), solid(prev) && boundary(next))
}

/// An open style marker and what follows it so far; the bottom frame (marker `\0`) is the line.
struct Frame {
    marker: char,
    children: Vec<Inline>,
}

/// Appends `node`, merging it into a preceding text; an empty text vanishes.
fn add(children: &mut Vec<Inline>, node: Inline) {
    match (children.last_mut(), node) {
        (_, Inline::Text { text }) if text.is_empty() => {}
        (Some(Inline::Text { text }), Inline::Text { text: more }) => text.push_str(&more),
        (_, node) => children.push(node),
    }
}

/// Appends `node` to the innermost frame.
fn push(stack: &mut [Frame], node: Inline) {
    if let Some(frame) = stack.last_mut() {
        add(&mut frame.children, node);
    }
}

fn add_text(stack: &mut [Frame], text: &str) {
    push(stack, Inline::Text { text: text.to_owned() });
}

/// Turns the innermost open frame back into literal text in its parent.
fn collapse(stack: &mut Vec<Frame>) {
    if let Some(frame) = stack.pop() {
        add_text(stack, frame.marker.encode_utf8(&mut [0; 4]));
        if let Some(parent) = stack.last_mut() {
            frame.children.into_iter().for_each(|node| add(&mut parent.children, node));
        }
    }
}

/// The inline content of one logical line; `fences` are its ``` spans (start, end).
fn inlines(line: &str, fences: &[(usize, usize)]) -> Vec<Inline> {
    let mut stack = vec![Frame { marker: '\0', children: Vec::new() }];
    let codes = codes(line, fences);
    let (mut codes, mut at, mut run) = (codes.iter().peekable(), 0, 0);
    while let Some(c) = after(line, at) {
        while codes.next_if(|code| code.0 < at).is_some() {}
        let token = if let Some(&(start, end, marker)) = codes.next_if(|code| code.0 == at) {
            let text = line.get(start + marker..end - marker).unwrap_or_default();
            Some((end, Some(Inline::Code { text: text.to_owned() })))
        } else if let Some((len, link)) = link(line, at) {
            Some((at + len, Some(link)))
        } else if matches!(c, '*' | '_' | '~') {
            Some((at + 1, None))
        } else {
            None
        };
        let Some((end, node)) = token else {
            at += c.len_utf8();
            continue;
        };
        add_text(&mut stack, line.get(run..at).unwrap_or_default());
        match node {
            Some(node) => push(&mut stack, node),
            None => marker(&mut stack, c, before(line, at), after(line, end)),
        }
        (at, run) = (end, end);
    }
    add_text(&mut stack, line.get(run..).unwrap_or_default());
    while stack.len() > 1 {
        collapse(&mut stack);
    }
    stack.pop().map(|frame| frame.children).unwrap_or_default()
}

/// A `*`, `_` or `~`: closes the open frame of the same marker, opens a frame, or is text.
fn marker(stack: &mut Vec<Frame>, marker: char, prev: Option<char>, next: Option<char>) {
    let ((can_open, can_close), open_at) =
        (flanks(prev, next), stack.iter().rposition(|frame| frame.marker == marker));
    // Styles opened inside and still open do not count; an empty pair (`**`) is text.
    let filled = |at: usize| stack.len() > at + 1 || stack.last().is_some_and(|f| !f.children.is_empty());
    match open_at {
        Some(at) if can_close && filled(at) => {
            while stack.len() > at + 1 {
                collapse(stack);
            }
            let children = stack.pop().map(|frame| frame.children).unwrap_or_default();
            let node = match marker {
                '*' => Inline::Bold { children },
                '_' => Inline::Italic { children },
                _ => Inline::Strike { children },
            };
            push(stack, node);
        }
        // The same style never nests in itself: a second opener while one is open is text.
        None if can_open => stack.push(Frame { marker, children: Vec::new() }),
        _ => add_text(stack, marker.encode_utf8(&mut [0; 4])),
    }
}

/// The line's code as (start, end, marker length), in order: its ``` spans and, between them,
/// single-backtick spans (the first opener pairs with the first closer after it; backticks
/// next to backticks never count).
fn codes(line: &str, fences: &[(usize, usize)]) -> Vec<(usize, usize, usize)> {
    let (mut out, mut open, mut fences) = (Vec::new(), None, fences.iter().peekable());
    for (at, c) in line.char_indices() {
        while fences.next_if(|f| f.1 <= at).is_some() {}
        if let Some(&&(start, end)) = fences.peek().filter(|f| f.0 <= at) {
            if start == at {
                out.push((start, end, FENCE.len()));
            }
            open = None;
            continue;
        }
        let (prev, next) = (before(line, at), after(line, at + 1));
        if c != '`' || prev == Some('`') || next == Some('`') {
            continue;
        }
        match (open, flanks(prev, next)) {
            (Some(start), (_, true)) => {
                out.push((start, at + 1, 1));
                open = None;
            }
            (None, (true, _)) => open = Some(at),
            _ => {}
        }
    }
    out
}

/// A bare URL or phone number starting at `at` after a boundary: its length and link.
fn link(line: &str, at: usize) -> Option<(usize, Inline)> {
    let rest = line.get(at..)?;
    if !boundary(before(line, at)) {
        return None;
    }
    if rest.starts_with('+') {
        return phone(rest);
    }
    let prefix = ["https://", "http://", "www."]
        .into_iter()
        .find(|prefix| rest.get(..prefix.len()).is_some_and(|start| start.eq_ignore_ascii_case(prefix)))?;
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`') || SLOT.contains(&c))
        .unwrap_or(rest.len());
    let url = trim_url(rest.get(..end)?);
    if url.len() <= prefix.len() {
        return None;
    }
    let href = if prefix == "www." { format!("https://{url}") } else { url.to_owned() };
    Some((url.len(), Inline::Link { href, text: url.to_owned() }))
}

/// Drops trailing punctuation, and closing parentheses that match no opening one in the URL.
fn trim_url(mut url: &str) -> &str {
    let (opened, mut closed) = (url.matches('(').count(), url.matches(')').count());
    while let Some(c) = url.chars().next_back() {
        let unbalanced = c == ')' && closed > opened;
        if !unbalanced && !matches!(c, '.' | ',' | '!' | '?' | ';' | ':' | '\'' | '*' | '_' | '~') {
            break;
        }
        closed -= usize::from(c == ')');
        url = url.get(..url.len() - c.len_utf8()).unwrap_or_default();
    }
    url
}

/// `+` and 7 to 15 digits; between two digits at most one of space, `-`, `.` and one parenthesis.
fn phone(text: &str) -> Option<(usize, Inline)> {
    let (mut digits, mut end, mut depth, mut plain, mut paren) = (String::new(), 0, 0, false, false);
    let mut balanced = true;
    for (at, c) in text.char_indices().skip(1) {
        match c {
            '0'..='9' if digits.len() < 15 => {
                digits.push(c);
                (end, plain, paren, balanced) = (at + 1, false, false, depth == 0);
            }
            '0'..='9' => return None,
            ' ' | '-' | '.' if !plain && !digits.is_empty() => plain = true,
            '(' if !paren && depth == 0 && !digits.is_empty() => (paren, depth) = (true, 1),
            ')' if !paren && !plain && depth == 1 => (paren, depth) = (true, 0),
            _ => break,
        }
    }
    // Parentheses balanced up to the last digit, and no letter glued to it.
    if digits.len() < 7 || !balanced || !boundary(after(text, end)) {
        return None;
    }
    Some((end, Inline::Link { href: format!("tel:+{digits}"), text: text.get(..end)?.to_owned() }))
}

#[cfg(test)]
mod tests;
