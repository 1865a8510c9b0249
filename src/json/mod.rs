//! A JSON document model that remembers where each value came from.
//!
//! Validators walk [`Node`]s rather than typed structs: unknown keys, wrong
//! types and duplicates are findings to report, not reasons to stop. Every
//! node keeps its byte [`Span`] in the source text so findings can carry a
//! line and column when the caller gave text. JavaScript objects arrive as
//! `JSON.stringify` output, so there is one input path for text and objects.

mod parse;
mod write;

use std::borrow::Cow;

pub use parse::{parse, parse_number, MAX_DEPTH};
pub use write::{string_literal, write_string};

/// A byte range in the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

/// `a == b`, comparing lengths and first bytes inline before the bytes: most
/// keys compared differ there, and at opt-level "z" the general comparison is
/// a chain of calls (lookups by key were a fifth of validation time in wasm).
#[inline(always)]
pub fn same_text(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

/// A JSON value and where it is in the source. Strings borrow from the
/// source text unless they contain escapes.
#[derive(Clone, Debug, PartialEq)]
pub struct Node<'a> {
    /// The value.
    pub value: Value<'a>,
    /// Its bytes in the source text.
    pub span: Span,
}

/// An object member's key and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Key<'a> {
    /// The unescaped key.
    pub name: Cow<'a, str>,
    /// The key's bytes (with quotes) in the source text.
    pub span: Span,
}

/// A JSON value. Objects keep every member in source order, duplicates too.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// Any number, as `f64` (what JavaScript and Meta's API see).
    Number(f64),
    /// A string, unescaped.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Node<'a>>),
    /// An object's members, in source order.
    Object(Vec<(Key<'a>, Node<'a>)>),
}

/// `text` with each `(span, replacement)` applied; `edits` are in document
/// order and do not overlap (one walk of the text, no reparse). An edit
/// whose span is not in `text` is skipped.
pub fn splice(text: &str, edits: &[(Span, String)]) -> String {
    let mut out = String::with_capacity(text.len() + 16 * edits.len());
    let mut done = 0;
    for (span, replacement) in edits {
        let Some(before) = text.get(done..span.start) else { continue };
        out.push_str(before);
        out.push_str(replacement);
        done = span.end;
    }
    out.push_str(text.get(done..).unwrap_or_default());
    out
}

/// The source text of `node` (its span in `text`, the document it was parsed
/// from): copies a value into another document with its escapes intact.
pub fn source<'t>(text: &'t str, node: &Node<'_>) -> &'t str {
    text.get(node.span.start..node.span.end).unwrap_or_default()
}

impl Value<'_> {
    /// The JSON type name, for messages (`"object"`, `"array"`, `"string"`, …).
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }
}

impl<'a> Node<'a> {
    /// The member `key` of an object; the last one when a key repeats, as
    /// `JSON.parse` (and so Meta's servers, in practice) would keep it.
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        let members = self.members()?;
        members.iter().rev().find(|(k, _)| same_text(&k.name, key)).map(|(_, node)| node)
    }

    /// The members, when this is an object.
    pub fn members(&self) -> Option<&[(Key<'a>, Node<'a>)]> {
        match &self.value {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The elements, when this is an array.
    pub fn items(&self) -> Option<&[Node<'a>]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The text, when this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    /// The number, when this is a number.
    pub fn as_f64(&self) -> Option<f64> {
        match self.value {
            Value::Number(number) => Some(number),
            _ => None,
        }
    }

    /// The boolean, when this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            Value::Bool(flag) => Some(flag),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn get_returns_the_last_duplicate_like_json_parse() {
        let doc = parse(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap();
        assert_eq!(doc.get("a").and_then(|n| n.as_f64()), Some(3.0));
        assert_eq!(doc.members().map(<[_]>::len), Some(3), "duplicates are kept for validators");
        assert!(doc.get("missing").is_none());
    }

    #[test]
    fn splice_replaces_spans_in_order() {
        let text = r#"{"a": "x", "b": [1, "y"]}"#;
        let doc = parse(text).unwrap();
        let b = doc.get("b").unwrap().items().unwrap();
        let edits = [(doc.get("a").unwrap().span, "\"X\"".to_owned()), (b[1].span, "2".to_owned())];
        assert_eq!(super::splice(text, &edits), r#"{"a": "X", "b": [1, 2]}"#);
        assert_eq!(super::splice(text, &[]), text);
        assert_eq!(super::source(text, &b[1]), "\"y\"");
    }

    #[test]
    fn accessors_answer_only_for_their_type() {
        let doc = parse(r#"[true, "x", 1.5, null, {}]"#).unwrap();
        let items = doc.items().unwrap();
        assert_eq!(items[0].as_bool(), Some(true));
        assert_eq!(items[1].as_str(), Some("x"));
        assert_eq!(items[2].as_f64(), Some(1.5));
        assert_eq!(items[1].as_f64(), None);
        assert_eq!(items[3].value.type_name(), "null");
        assert!(items[4].get("k").is_none());
        assert!(items[0].get("k").is_none());
    }
}
