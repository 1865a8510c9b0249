//! [`At`]: a node of the document being checked, with readers that report a
//! wrong type once and return `None`.

use super::{code, Checker};
use crate::json::Node;

/// A node of the document being checked.
#[derive(Clone, Copy)]
pub struct At<'n> {
    /// The value.
    pub node: &'n Node<'n>,
}

impl<'n> At<'n> {
    /// The document root.
    pub fn root(node: &'n Node<'n>) -> Self {
        Self { node }
    }

    /// Member `key`, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<At<'n>> {
        self.node.get(key).map(|node| At { node })
    }

    /// The elements, if this is an array.
    pub fn items(&self) -> Vec<At<'n>> {
        self.node.items().unwrap_or_default().iter().map(|node| At { node }).collect()
    }

    fn expect<T>(&self, checker: &mut Checker<'_>, value: Option<T>, expected: &str) -> Option<T> {
        if value.is_none() {
            checker.error(
                code::WRONG_TYPE,
                self,
                format!("expected {expected}, got {}", self.node.value.type_name()),
            );
        }
        value
    }

    /// The string, or a `wrong_type` error.
    pub fn str(&self, checker: &mut Checker<'_>) -> Option<&'n str> {
        self.expect(checker, self.node.as_str(), "a string")
    }

    /// The boolean, or a `wrong_type` error.
    pub fn bool(&self, checker: &mut Checker<'_>) -> Option<bool> {
        self.expect(checker, self.node.as_bool(), "true or false")
    }

    /// The number, or a `wrong_type` error.
    pub fn number(&self, checker: &mut Checker<'_>) -> Option<f64> {
        self.expect(checker, self.node.as_f64(), "a number")
    }

    /// The integer, or a `wrong_type` error (fractions and non-numbers).
    pub fn integer(&self, checker: &mut Checker<'_>) -> Option<i64> {
        let value = self.node.as_f64().filter(|n| n.fract() == 0.0 && n.abs() < 9.0e15);
        // Checked above: a whole number well inside i64.
        self.expect(checker, value, "a whole number").map(|n| n as i64)
    }

    /// The elements, or a `wrong_type` error.
    pub fn array(&self, checker: &mut Checker<'_>) -> Option<Vec<At<'n>>> {
        self.expect(checker, self.node.items().map(|_| self.items()), "an array")
    }

    /// The elements as the document holds them (no collecting), or a `wrong_type` error.
    pub fn elements(&self, checker: &mut Checker<'_>) -> Option<&'n [Node<'n>]> {
        self.expect(checker, self.node.items(), "an array")
    }

    /// This node if it is an object, or a `wrong_type` error.
    pub fn object(&self, checker: &mut Checker<'_>) -> Option<At<'n>> {
        self.expect(checker, self.node.members().map(|_| *self), "an object")
    }

    /// The entry of `allowed` this string names, ignoring ASCII case (Meta
    /// accepts `"body"` and `"BODY"` alike); otherwise a `wrong_type` error,
    /// or `code` (with `meta_code`) naming the allowed values.
    pub fn one_of(
        &self,
        checker: &mut Checker<'_>,
        allowed: &[&'static str],
        code: &'static str,
        meta_code: Option<u32>,
        what: &str,
    ) -> Option<&'static str> {
        let given = self.str(checker)?;
        let found = allowed.iter().copied().find(|known| known.eq_ignore_ascii_case(given));
        if found.is_none() {
            let message =
                format!("unknown {what} {}; known: {}", crate::text::quoted(given), allowed.join(", "));
            match meta_code {
                Some(meta) => checker.error_meta(code, meta, self, message),
                None => checker.error(code, self, message),
            }
        }
        found
    }

    /// Member `key` of this object, or a `missing` error (a `wrong_type`
    /// error when this is not an object at all).
    pub fn required(&self, checker: &mut Checker<'_>, key: &str, what: &str) -> Option<At<'n>> {
        self.object(checker)?;
        let found = self.get(key);
        if found.is_none() {
            checker.missing(self, key, format!("{what} needs {key}"));
        }
        found
    }
}

/// Length as Meta counts it for limits: Unicode characters.
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}
