//! What the provider request builders share: body checks that report findings with JSON Pointer paths, and a small JSON writer.

use crate::api::encode_component;
use crate::check::code::{MISSING, WRONG_TYPE};
use crate::json::{string_literal, Node};
use crate::json_pointer::JsonPointer;
use crate::report::Issue;
use crate::Error;

/// A provider's finding codes for the generic rules.
pub struct Codes {
    /// A member the provider does not document.
    pub unknown: &'static str,
    /// A text shorter or longer than allowed.
    pub length: &'static str,
    /// A value outside the documented set.
    pub value: &'static str,
    /// Too few or too many items, or a number out of range.
    pub count: &'static str,
    /// Not exactly one of two alternatives.
    pub one_of: &'static str,
}

/// Findings about one request body (or query object).
pub struct Findings {
    codes: &'static Codes,
    /// The findings so far.
    pub issues: Vec<Issue>,
}

impl Findings {
    /// No findings yet.
    pub fn new(codes: &'static Codes) -> Self {
        Self { codes, issues: Vec::new() }
    }

    /// Records an error finding.
    pub fn error(&mut self, code: &'static str, path: &JsonPointer, message: impl Into<String>) {
        self.issues.push(Issue::error(code, path, message));
    }

    /// Whether `node` is an object whose keys are all `allowed` (an unknown one is an error).
    pub fn object(&mut self, node: &Node, path: &JsonPointer, allowed: &[&str]) -> bool {
        let Some(members) = node.members() else {
            self.error(WRONG_TYPE, path, format!("expected an object, got {}", node.value.type_name()));
            return false;
        };
        for (key, _) in members {
            if !allowed.contains(&key.name.as_ref()) {
                let message = format!("unknown field; known: {}", allowed.join(", "));
                self.error(self.codes.unknown, &path.key(&key.name), message);
            }
        }
        true
    }

    /// Member `key` of `parent` if present; a missing required one is a finding.
    pub fn member<'n, 'a>(
        &mut self,
        parent: &'n Node<'a>,
        path: &JsonPointer,
        key: &str,
        required: bool,
    ) -> Option<&'n Node<'a>> {
        let found = parent.get(key).filter(|node| !matches!(node.value, crate::json::Value::Null));
        if found.is_none() && required {
            self.error(MISSING, &path.key(key), format!("{key} is required"));
        }
        found
    }

    /// A string member of `min..=max` characters.
    pub fn text<'n>(
        &mut self,
        parent: &'n Node,
        path: &JsonPointer,
        key: &str,
        required: bool,
        (min, max): (usize, usize),
    ) -> Option<&'n str> {
        let node = self.member(parent, path, key, required)?;
        let Some(text) = node.as_str() else {
            self.wrong_type(node, &path.key(key), "a string");
            return None;
        };
        let length = text.chars().count();
        if length < min || length > max {
            let message = format!("{key} has {min} to {max} characters; this one has {length}");
            self.error(self.codes.length, &path.key(key), message);
        }
        Some(text)
    }

    /// A string member that must be one of `allowed`.
    pub fn choice<'n>(
        &mut self,
        parent: &'n Node,
        path: &JsonPointer,
        key: &str,
        required: bool,
        allowed: &[&str],
    ) -> Option<&'n str> {
        let text = self.text(parent, path, key, required, (0, usize::MAX))?;
        if !allowed.contains(&text) {
            let message =
                format!("{key} is one of {}; got {}", allowed.join(", "), crate::text::quoted(text));
            self.error(self.codes.value, &path.key(key), message);
        }
        Some(text)
    }

    /// A boolean member.
    pub fn boolean(&mut self, parent: &Node, path: &JsonPointer, key: &str, required: bool) -> Option<bool> {
        let node = self.member(parent, path, key, required)?;
        let flag = node.as_bool();
        if flag.is_none() {
            self.wrong_type(node, &path.key(key), "true or false");
        }
        flag
    }

    /// A whole-number member in `min..=max`, reported with `code` when out of range.
    pub fn integer(
        &mut self,
        parent: &Node,
        path: &JsonPointer,
        key: &str,
        (min, max): (u64, u64),
        code: Option<&'static str>,
    ) -> Option<u64> {
        let node = self.member(parent, path, key, false)?;
        let Some(number) = node.as_f64().filter(|n| n.fract() == 0.0) else {
            self.wrong_type(node, &path.key(key), "a whole number");
            return None;
        };
        if number < min as f64 || number > max as f64 {
            // Shown as an integer: formatting the f64 would pull float printing (~9 KB) into the .wasm.
            let got =
                if number.abs() < 1e18 { format!("{}", number as i64) } else { "a larger number".to_owned() };
            let message = format!("{key} is {min} to {max}; got {got}");
            self.error(code.unwrap_or(self.codes.count), &path.key(key), message);
            return None;
        }
        Some(number as u64)
    }

    /// An array member of `min..=max` items.
    pub fn array<'n, 'a>(
        &mut self,
        parent: &'n Node<'a>,
        path: &JsonPointer,
        key: &str,
        required: bool,
        (min, max): (usize, usize),
    ) -> Option<&'n [Node<'a>]> {
        let node = self.member(parent, path, key, required)?;
        let Some(items) = node.items() else {
            self.wrong_type(node, &path.key(key), "an array");
            return None;
        };
        if items.len() < min || items.len() > max {
            let message = format!("{key} has {min} to {max} items; this one has {}", items.len());
            self.error(self.codes.count, &path.key(key), message);
        }
        Some(items)
    }

    /// An array member of strings, each one of `allowed` (any string when empty).
    pub fn strings(&mut self, parent: &Node, path: &JsonPointer, key: &str, allowed: &[&str]) {
        let Some(items) = self.array(parent, path, key, false, (1, usize::MAX)) else { return };
        for (index, item) in items.iter().enumerate() {
            let at = path.key(key).index(index);
            match item.as_str() {
                Some(text) if allowed.is_empty() || allowed.contains(&text) => {}
                Some(text) => {
                    let message = format!("one of {}; got {}", allowed.join(", "), crate::text::quoted(text));
                    self.error(self.codes.value, &at, message);
                }
                None => self.wrong_type(item, &at, "a string"),
            }
        }
    }

    /// Which of `keys` is present, when exactly one is (a finding otherwise, if `required`).
    pub fn exactly_one<'k>(
        &mut self,
        parent: &Node,
        path: &JsonPointer,
        keys: [&'k str; 2],
        required: bool,
    ) -> Option<&'k str> {
        let present: Vec<&str> =
            keys.into_iter().filter(|key| self.member(parent, path, key, false).is_some()).collect();
        match present.as_slice() {
            [one] => Some(one),
            [] if !required => None,
            _ => {
                let [a, b] = keys;
                let at = path.key(present.last().copied().unwrap_or(a));
                self.error(self.codes.one_of, &at, format!("give exactly one of {a} and {b}"));
                None
            }
        }
    }

    fn wrong_type(&mut self, node: &Node, path: &JsonPointer, expected: &str) {
        self.error(WRONG_TYPE, path, format!("expected {expected}, got {}", node.value.type_name()));
    }

    /// `validation_failed` with the findings, if any.
    pub fn finish(self) -> Result<(), Error> {
        if self.issues.is_empty() {
            Ok(())
        } else {
            Err(Error::validation_failed(self.issues))
        }
    }
}

/// A JSON object written member by member (values are JSON text).
#[derive(Default)]
pub struct Object(String);

impl Object {
    /// Adds `key` with `value` (JSON text).
    pub fn raw(&mut self, key: &str, value: &str) -> &mut Self {
        self.0.push(if self.0.is_empty() { '{' } else { ',' });
        self.0.push_str(&string_literal(key));
        self.0.push(':');
        self.0.push_str(value);
        self
    }

    /// Adds `key` with a string value.
    pub fn string(&mut self, key: &str, value: &str) -> &mut Self {
        self.raw(key, &string_literal(value))
    }

    /// Adds every member of `node` (parsed from `text`) except `skip`, as written.
    pub fn members(&mut self, text: &str, node: &Node, skip: &[&str]) -> &mut Self {
        for (key, value) in node.members().unwrap_or_default() {
            if !skip.contains(&key.name.as_ref()) {
                self.raw(&key.name, raw(text, value));
            }
        }
        self
    }

    /// The object's text.
    pub fn finish(&self) -> String {
        if self.0.is_empty() {
            "{}".to_owned()
        } else {
            format!("{}}}", self.0)
        }
    }
}

/// The source text of `node` (parsed from `text`).
pub fn raw<'t>(text: &'t str, node: &Node) -> &'t str {
    text.get(node.span.start..node.span.end).unwrap_or("null")
}

/// `url` with `key=value` appended to its query.
pub fn push_query(url: &mut String, key: &str, value: &str) {
    url.push(if url.contains('?') { '&' } else { '?' });
    url.push_str(key);
    url.push('=');
    url.push_str(&encode_component(value));
}

/// A query value of `node`: strings as they are, numbers and booleans as
/// written, arrays and objects as JSON text (`status=["APPROVED"]`).
pub fn query_value<'t>(text: &'t str, node: &'t Node) -> &'t str {
    node.as_str().unwrap_or_else(|| raw(text, node))
}

/// Whether `text` is a UUID (8-4-4-4-12 hex digits).
pub fn is_uuid(text: &str) -> bool {
    text.len() == 36
        && text.bytes().enumerate().all(|(index, byte)| {
            if matches!(index, 8 | 13 | 18 | 23) {
                byte == b'-'
            } else {
                byte.is_ascii_hexdigit()
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    static CODES: Codes = Codes {
        unknown: "t.unknown",
        length: "t.length",
        value: "t.value",
        count: "t.count",
        one_of: "t.one_of",
    };

    #[test]
    fn findings_carry_codes_and_pointers() {
        let text = r#"{"a":"","b":[1],"c":"x","d":1.5,"e/f":0,"g":"y","h":"z"}"#;
        let node = parse(text).unwrap();
        let root = JsonPointer::root();
        let mut findings = Findings::new(&CODES);
        findings.object(&node, &root, &["a", "b", "c", "d", "g", "h"]);
        findings.text(&node, &root, "a", true, (1, 5));
        findings.array(&node, &root, "b", true, (2, 3));
        findings.choice(&node, &root, "c", true, &["y"]);
        findings.integer(&node, &root, "d", (1, 9), None);
        findings.text(&node, &root, "missing", true, (0, 1));
        findings.exactly_one(&node, &root, ["g", "h"], true);
        let found: Vec<(&str, &str)> = findings.issues.iter().map(|i| (i.code, i.path.as_str())).collect();
        assert_eq!(
            found,
            [
                ("t.unknown", "/e~1f"),
                ("t.length", "/a"),
                ("t.count", "/b"),
                ("t.value", "/c"),
                ("wrong_type", "/d"),
                ("missing", "/missing"),
                ("t.one_of", "/h")
            ]
        );
        assert_eq!(findings.finish().unwrap_err().code, "validation_failed");
    }

    #[test]
    fn objects_are_written_as_json() {
        let text = r#"{"keep":[1, 2],"drop":true}"#;
        let node = parse(text).unwrap();
        let mut object = Object::default();
        object.string("a\"b", "line\nnext\u{1}").members(text, &node, &["drop"]);
        assert_eq!(object.finish(), r#"{"a\"b":"line\nnext\u0001","keep":[1, 2]}"#);
        assert_eq!(Object::default().finish(), "{}");
        let mut url = "https://x/y".to_owned();
        push_query(&mut url, "status", r#"["APPROVED"]"#);
        push_query(&mut url, "first", "10");
        assert_eq!(url, "https://x/y?status=%5B%22APPROVED%22%5D&first=10");
        assert!(is_uuid("123e4567-e89b-12d3-a456-426614174000"));
        assert!(!is_uuid("123e4567e89b12d3a456426614174000"));
    }
}
