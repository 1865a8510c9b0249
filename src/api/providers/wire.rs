//! Writing provider request bodies and queries: a JSON object member by
//! member (members the caller gave are copied as written), query parameters,
//! and the UUID test the providers' ids share.

use crate::api::encode_component;
use crate::json::{string_literal, Node};

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
