//! Runtime values of a Flow preview (data, form state, payloads), read from
//! JSON and written back as JSON, with the text WhatsApp shows for each.

use crate::json::{write_string, Node, Value};
use crate::text::push_decimal;

/// A value as the preview holds it.
#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    /// Absent or `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Num(f64),
    /// A string.
    Str(String),
    /// An array.
    List(Vec<Val>),
    /// An object, members in order.
    Obj(Vec<(String, Val)>),
}

/// Deepest nesting copied out of a JSON document (deeper values become null).
const MAX_DEPTH: usize = 64;

impl Val {
    /// The value of a JSON node.
    pub fn from_node(node: &Node<'_>) -> Self {
        Self::from_node_at(node, 0)
    }

    fn from_node_at(node: &Node<'_>, depth: usize) -> Self {
        if depth > MAX_DEPTH {
            return Val::Null;
        }
        match &node.value {
            Value::Null => Val::Null,
            Value::Bool(b) => Val::Bool(*b),
            Value::Number(n) => Val::Num(*n),
            Value::String(s) => Val::Str(s.to_string()),
            Value::Array(items) => {
                let mut list = Vec::with_capacity(items.len());
                for item in items {
                    list.push(Self::from_node_at(item, depth + 1));
                }
                Val::List(list)
            }
            Value::Object(members) => {
                let mut object = Vec::with_capacity(members.len());
                for (key, value) in members {
                    object.push((key.name.to_string(), Self::from_node_at(value, depth + 1)));
                }
                Val::Obj(object)
            }
        }
    }

    /// Member `key` of an object (the last one when repeated).
    #[inline(never)]
    pub fn get(&self, key: &str) -> Option<&Val> {
        match self {
            Val::Obj(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Sets member `key` of an object (a non-object becomes one).
    #[inline(never)]
    pub fn set(&mut self, key: &str, value: Val) {
        if !matches!(self, Val::Obj(_)) {
            *self = Val::Obj(Vec::new());
        }
        if let Val::Obj(members) = self {
            match members.iter_mut().find(|(k, _)| k == key) {
                Some(slot) => slot.1 = value,
                None => members.push((key.to_owned(), value)),
            }
        }
    }

    /// Empty as a form value: null, `""`, `[]` or `false` (what leaves a required input unfilled).
    #[inline(never)]
    pub fn is_empty(&self) -> bool {
        match self {
            Val::Null | Val::Bool(false) => true,
            Val::Str(s) => s.is_empty(),
            Val::List(items) => items.is_empty(),
            _ => false,
        }
    }

    /// Truthiness for `visible`, `enabled` and If conditions: booleans as
    /// themselves, `"true"`/`"false"` as written, other values when not empty.
    #[inline(never)]
    pub fn truthy(&self) -> bool {
        match self {
            Val::Bool(b) => *b,
            Val::Str(s) if s == "false" => false,
            Val::Num(n) => *n != 0.0,
            other => !other.is_empty(),
        }
    }

    /// The text shown for the value (numbers without exponent, lists joined by ", ").
    #[inline(never)]
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        out
    }

    fn push_text(&self, out: &mut String) {
        match self {
            Val::Null => {}
            Val::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Val::Num(n) => push_number(out, *n),
            Val::Str(s) => out.push_str(s),
            Val::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.push_text(out);
                }
            }
            Val::Obj(_) => self.write_json(out),
        }
    }

    /// The value as JSON.
    pub fn write_json(&self, out: &mut String) {
        match self {
            Val::Null => out.push_str("null"),
            Val::Bool(_) | Val::Num(_) => self.push_text(out),
            Val::Str(s) => write_string(out, s),
            Val::List(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_json(out);
                }
                out.push(']');
            }
            Val::Obj(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(out, key);
                    out.push(':');
                    value.write_json(out);
                }
                out.push('}');
            }
        }
    }

    /// The number this value reads as (null, `""` and non-numbers: 0).
    pub fn number(&self) -> f64 {
        match self {
            Val::Num(n) => *n,
            Val::Bool(b) => f64::from(u8::from(*b)),
            Val::Str(s) => crate::json::parse_number(s.trim()).unwrap_or(0.0),
            _ => 0.0,
        }
    }
}

/// A number as text with no exponent and at most six decimals (hand-written:
/// std's float formatting costs kilobytes of .wasm). Non-finite: empty.
pub fn push_number(out: &mut String, n: f64) {
    if !n.is_finite() {
        return;
    }
    if n < 0.0 {
        out.push('-');
    }
    let a = n.abs().min(9.0e15);
    let whole = a.trunc();
    let mut int = whole as u64;
    let mut frac = ((a - whole) * 1_000_000.0).round() as u64;
    if frac >= 1_000_000 {
        int += 1;
        frac -= 1_000_000;
    }
    push_decimal(out, int);
    if frac > 0 {
        out.push('.');
        let mut digits = [b'0'; 6];
        for slot in digits.iter_mut().rev() {
            *slot = b'0' + (frac % 10) as u8;
            frac /= 10;
        }
        let len = digits.iter().rposition(|d| *d != b'0').map_or(0, |p| p + 1);
        for digit in digits.iter().take(len) {
            out.push(char::from(*digit));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_without_exponent() {
        for (n, text) in
            [(3.0, "3"), (-2.5, "-2.5"), (0.1 + 0.2, "0.3"), (1e20, "9000000000000000"), (0.0, "0")]
        {
            let mut out = String::new();
            push_number(&mut out, n);
            assert_eq!(out, text);
        }
    }

    #[test]
    fn emptiness_and_truthiness_follow_form_values() {
        assert!(
            Val::Str(String::new()).is_empty() && Val::List(vec![]).is_empty() && Val::Bool(false).is_empty()
        );
        assert!(!Val::Str("false".into()).truthy() && Val::Str("x".into()).truthy() && !Val::Null.truthy());
    }
}
