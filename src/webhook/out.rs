//! A small JSON text writer for webhook results: raw input slices are copied
//! verbatim, so nothing is re-encoded (no floats, nothing lost).

use crate::json::{write_string, Node, Value};

/// Which members to copy: only strings, or any JSON value.
#[derive(Clone, Copy)]
pub enum Kind {
    /// Copied only when the input member is a string.
    Str,
    /// Copied whatever its type.
    Any,
}

/// JSON text being written; `source` is the text every [`Node`] came from.
pub struct Out<'s> {
    text: String,
    source: &'s str,
    /// Whether the object being written already has a member (a comma is due).
    comma: bool,
}

impl<'s> Out<'s> {
    /// An empty writer over `source`.
    pub fn new(source: &'s str) -> Self {
        Self { text: String::with_capacity(source.len() * 2 + 64), source, comma: false }
    }

    /// The finished text.
    pub fn finish(self) -> String {
        self.text
    }

    /// Opens an object (as a value).
    pub fn open(&mut self) {
        self.text.push('{');
        self.comma = false;
    }

    /// Closes the innermost object.
    pub fn close(&mut self) {
        self.text.push('}');
        self.comma = true;
    }

    /// Opens an array (as a value).
    pub fn open_array(&mut self) {
        self.text.push('[');
        self.comma = false;
    }

    /// Closes the innermost array.
    pub fn close_array(&mut self) {
        self.text.push(']');
        self.comma = true;
    }

    /// Starts an array element.
    pub fn item(&mut self) {
        if self.comma {
            self.text.push(',');
        }
        self.comma = false;
    }

    /// Writes `"name":` (with the comma before it when due).
    pub fn key(&mut self, name: &str) {
        self.item();
        write_string(&mut self.text, name);
        self.text.push(':');
    }

    /// A member whose value is a string.
    pub fn str(&mut self, name: &str, value: &str) {
        self.key(name);
        write_string(&mut self.text, value);
        self.comma = true;
    }

    /// A member whose value is the exact input text of `node`.
    pub fn raw(&mut self, name: &str, node: &Node<'_>) {
        self.key(name);
        self.raw_value(node);
    }

    /// An unsigned integer value (after a `key`).
    pub fn number(&mut self, value: u32) {
        self.text.push_str(&value.to_string());
        self.comma = true;
    }

    /// JSON text known to be valid (strictly parsed), as a value.
    pub fn push_json(&mut self, text: &str) {
        self.text.push_str(text.trim());
        self.comma = true;
    }

    /// The exact input text of `node`, as a value.
    pub fn raw_value(&mut self, node: &Node<'_>) {
        match self.source.get(node.span.start..node.span.end) {
            Some(slice) => self.text.push_str(slice),
            // Spans always come from `source`; `null` beats invalid JSON.
            None => self.text.push_str("null"),
        }
        self.comma = true;
    }

    /// The members `(from, to, kind)` of `object` that are present (and of
    /// the right kind), renamed: the camelCase view of a snake_case object.
    pub fn fields(&mut self, object: &Node<'_>, table: &[(&str, &str, Kind)]) {
        for (from, to, kind) in table {
            match (object.get(from), kind) {
                (Some(node @ Node { value: Value::String(_), .. }), Kind::Str) | (Some(node), Kind::Any) => {
                    self.raw(to, node);
                }
                _ => {}
            }
        }
    }

    /// `fields` as a nested object named `name`, when `object` is one.
    pub fn object(&mut self, name: &str, object: Option<&Node<'_>>, table: &[(&str, &str, Kind)]) {
        if let Some(object) = object.filter(|node| node.members().is_some()) {
            self.key(name);
            self.open();
            self.fields(object, table);
            self.close();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_nested_objects_with_raw_members() {
        let source = r#"{"a": 1.50, "b": "x\u00e9", "c": 7}"#;
        let node = crate::json::parse(source).unwrap();
        let mut out = Out::new(source);
        out.open();
        out.str("t", "q\"\n\u{1}");
        out.fields(&node, &[("a", "A", Kind::Any), ("b", "B", Kind::Str), ("c", "C", Kind::Str)]);
        out.object("o", Some(&node), &[("c", "c", Kind::Any)]);
        out.close();
        assert_eq!(out.finish(), r#"{"t":"q\"\n\u0001","A":1.50,"B":"x\u00e9","o":{"c":7}}"#);
    }
}
