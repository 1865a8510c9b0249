//! Resolving `${data.…}`, `${form.…}` and `${screen.S.…}` against the preview's
//! state, and evaluating nested expressions (Flow JSON 6.0+, M-FJ: `== != < <=
//! > >= && || !`, `+ - * / %`, division by zero gives 0, juxtaposed values concatenate).

use super::value::Val;
use crate::flow::expr::{self, Reference, Scope};

/// The values a screen's strings are read against.
pub struct Env<'e> {
    /// `${data.…}`.
    pub data: &'e Val,
    /// `${form.…}`.
    pub form: &'e Val,
    /// `${screen.S.data|form.…}`: `{ S: { data, form } }`.
    pub context: &'e Val,
    /// Expressions are evaluated (6.0+); before, a backtick string is text.
    pub expressions: bool,
    /// Data references that found no value (for `preview.flow_data_unresolved`).
    pub unresolved: Vec<String>,
    /// Expressions that did not evaluate (for `preview.flow_expression_error`).
    pub failed: Vec<String>,
}

impl Env<'_> {
    /// What the property value `text` shows: a whole reference keeps its
    /// value's type, an expression evaluates, other text has its references filled in.
    #[inline(never)]
    pub fn string(&mut self, text: &str) -> Val {
        if self.expressions && expr::is_expression(text) {
            return match self.expression(text) {
                Some(value) => value,
                None => {
                    self.failed.push(text.to_owned());
                    Val::Null
                }
            };
        }
        if let Some(reference) = expr::whole_reference(text) {
            return self.reference(&reference);
        }
        if !expr::has_reference(text) {
            return Val::Str(text.to_owned());
        }
        let (references, _) = expr::references(text);
        let mut out = String::with_capacity(text.len());
        let mut done = 0;
        for reference in &references {
            out.push_str(text.get(done..reference.offset).unwrap_or_default());
            out.push_str(&self.reference(reference).text());
            done = reference.offset + reference.text.len();
        }
        out.push_str(text.get(done..).unwrap_or_default());
        Val::Str(out)
    }

    /// An If `condition` (an expression without backticks, 4.0+): its truth.
    pub fn condition(&mut self, node: &crate::json::Node<'_>) -> bool {
        let Some(text) = node.as_str() else { return Val::from_node(node).truthy() };
        let wrapped = format!("`{text}`");
        match self.expression(&wrapped) {
            Some(value) => value.truthy(),
            None => {
                self.failed.push(text.to_owned());
                false
            }
        }
    }

    /// A JSON property value: strings are read as above, arrays and objects member by member.
    pub fn node(&mut self, node: &crate::json::Node<'_>) -> Val {
        match &node.value {
            crate::json::Value::String(text) => self.string(text),
            crate::json::Value::Array(items) => {
                let mut list = Vec::with_capacity(items.len());
                for item in items {
                    list.push(self.node(item));
                }
                Val::List(list)
            }
            crate::json::Value::Object(members) => {
                let mut object = Vec::with_capacity(members.len());
                for (key, value) in members {
                    object.push((key.name.to_string(), self.node(value)));
                }
                Val::Obj(object)
            }
            _ => Val::from_node(node),
        }
    }

    /// The value a reference names (null when absent).
    pub fn reference(&mut self, reference: &Reference<'_>) -> Val {
        let (root, rest) = match reference.scope {
            Scope::Data => (self.data, reference.text.get(7..)),
            Scope::Form => (self.form, reference.text.get(7..)),
            Scope::Screen { screen, form } => {
                let scope = self.context.get(screen).and_then(|s| s.get(if form { "form" } else { "data" }));
                // `${screen.` + id + `.form.` or `.data.`
                let skip = 9 + screen.len() + 6;
                (scope.unwrap_or(&Val::Null), reference.text.get(skip..))
            }
        };
        let path = rest.and_then(|r| r.strip_suffix('}')).unwrap_or_default();
        let found = walk(root, path).cloned().unwrap_or(Val::Null);
        if matches!(found, Val::Null) && reference.scope == Scope::Data {
            self.unresolved.push(reference.text.to_owned());
        }
        found
    }

    fn expression(&mut self, text: &str) -> Option<Val> {
        // Syntax first, with the validator's parser: what it rejects is not evaluated.
        expr::check_expression(text, &|_| expr::Type::Unknown).ok()?;
        let inner = text.get(1..text.len().saturating_sub(1))?;
        let mut parser = Eval { text: inner, pos: 0, env: self, depth: 0 };
        let value = parser.seq()?;
        Some(value)
    }
}

/// `a.b[0].c` under `root`.
fn walk<'v>(root: &'v Val, path: &str) -> Option<&'v Val> {
    let mut here = root;
    for segment in path.split('.') {
        let (name, indexes) = segment.split_once('[').map_or((segment, ""), |(n, i)| (n, i));
        if !name.is_empty() {
            here = here.get(name)?;
        }
        for index in indexes.split('[').filter(|i| !i.is_empty()) {
            let n: usize = index.trim_end_matches(']').parse().ok()?;
            here = match here {
                Val::List(items) => items.get(n)?,
                _ => return None,
            };
        }
    }
    Some(here)
}

/// Binary operators by precedence, lowest first (as `flow::expr`).
const LEVELS: [&[&str]; 6] =
    [&["||"], &["&&"], &["==", "!="], &["<=", ">=", "<", ">"], &["+", "-"], &["*", "/", "%"]];

struct Eval<'t, 'e, 'v> {
    text: &'t str,
    pos: usize,
    env: &'e mut Env<'v>,
    depth: usize,
}

impl<'t> Eval<'t, '_, '_> {
    fn skip_space(&mut self) {
        while self.text.as_bytes().get(self.pos).is_some_and(u8::is_ascii_whitespace) {
            self.pos += 1;
        }
    }

    fn rest(&self) -> &'t str {
        self.text.get(self.pos..).unwrap_or_default()
    }

    fn operator(&mut self, ops: &[&str]) -> Option<&'static str> {
        self.skip_space();
        let rest = self.rest();
        // The first operator of any level at this point (longest first within a level).
        let mut found = None;
        'levels: for level in LEVELS {
            for op in level {
                if rest.starts_with(op) {
                    found = Some(*op);
                    break 'levels;
                }
            }
        }
        let op = found?;
        ops.contains(&op).then(|| {
            self.pos += op.len();
            op
        })
    }

    fn seq(&mut self) -> Option<Val> {
        let first = self.binary(0)?;
        let mut joined: Option<String> = None;
        loop {
            self.skip_space();
            let rest = self.rest();
            if rest.is_empty() || rest.starts_with(')') {
                break;
            }
            let next = self.binary(0)?;
            joined.get_or_insert_with(|| first.text()).push_str(&next.text());
        }
        Some(joined.map_or(first, Val::Str))
    }

    fn binary(&mut self, level: usize) -> Option<Val> {
        let Some(ops) = LEVELS.get(level) else { return self.unary() };
        let mut left = self.binary(level + 1)?;
        while let Some(op) = self.operator(ops) {
            let right = self.binary(level + 1)?;
            left = apply(op, &left, &right);
        }
        Some(left)
    }

    fn unary(&mut self) -> Option<Val> {
        self.skip_space();
        self.depth += 1;
        if self.depth > 64 {
            return None;
        }
        let rest = self.rest();
        let value = if rest.starts_with("${") {
            let end = rest.find('}')? + 1;
            let (reference, _) = expr::references(rest.get(..end)?);
            self.pos += end;
            let reference = reference.first()?;
            self.env.reference(reference)
        } else if let Some(body) = rest.strip_prefix('\'') {
            let mut out = String::new();
            let mut chars = body.char_indices();
            let mut end = None;
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => {
                        if let Some((_, escaped)) = chars.next() {
                            out.push(escaped);
                        }
                    }
                    '\'' => {
                        end = Some(i);
                        break;
                    }
                    c => out.push(c),
                }
            }
            self.pos += end? + 2;
            Val::Str(out)
        } else if rest.starts_with(|c: char| c.is_ascii_digit()) {
            let len = rest.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(rest.len());
            self.pos += len;
            Val::Num(crate::json::parse_number(rest.get(..len)?).unwrap_or(0.0))
        } else if rest.starts_with("true") || rest.starts_with("false") {
            let value = rest.starts_with("true");
            self.pos += if value { 4 } else { 5 };
            Val::Bool(value)
        } else if let Some(op) = ["(", "!", "-"].into_iter().find(|op| rest.starts_with(op)) {
            self.pos += 1;
            if op == "(" {
                let value = self.seq()?;
                self.skip_space();
                self.rest().starts_with(')').then_some(())?;
                self.pos += 1;
                value
            } else {
                let value = self.unary()?;
                if op == "!" {
                    Val::Bool(!value.truthy())
                } else {
                    Val::Num(-value.number())
                }
            }
        } else {
            return None;
        };
        self.depth -= 1;
        Some(value)
    }
}

fn apply(op: &str, left: &Val, right: &Val) -> Val {
    let (a, b) = (left.number(), right.number());
    match op {
        "||" => Val::Bool(left.truthy() || right.truthy()),
        "&&" => Val::Bool(left.truthy() && right.truthy()),
        "==" => Val::Bool(same(left, right)),
        "!=" => Val::Bool(!same(left, right)),
        "<" => Val::Bool(a < b),
        "<=" => Val::Bool(a <= b),
        ">" => Val::Bool(a > b),
        ">=" => Val::Bool(a >= b),
        "+" => Val::Num(a + b),
        "-" => Val::Num(a - b),
        "*" => Val::Num(a * b),
        // M-FJ: division or modulo by zero (or null) gives 0.
        "/" if b == 0.0 => Val::Num(0.0),
        "%" if b == 0.0 => Val::Num(0.0),
        "/" => Val::Num(a / b),
        // `a % b` as a - b·trunc(a / b): the same remainder, without pulling libm's fmod
        // (and its 128-bit division) into the .wasm (2.3 KB).
        _ => Val::Num(a - b * (a / b).trunc()),
    }
}

/// Equality across the shapes one value can arrive in (a number typed as text, null as `""`).
fn same(left: &Val, right: &Val) -> bool {
    match (left, right) {
        (Val::Num(a), Val::Num(b)) => a == b,
        (Val::Null, other) | (other, Val::Null) => other.is_empty() && !matches!(other, Val::Bool(false)),
        (Val::Bool(a), Val::Bool(b)) => a == b,
        _ => left.text() == right.text(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'e>(data: &'e Val, form: &'e Val, context: &'e Val) -> Env<'e> {
        Env { data, form, context, expressions: true, unresolved: Vec::new(), failed: Vec::new() }
    }

    fn obj(members: &[(&str, Val)]) -> Val {
        Val::Obj(members.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect())
    }

    #[test]
    fn references_fill_text_and_keep_types_when_whole() {
        let data = obj(&[("name", Val::Str("Ana".into())), ("n", Val::Num(2.0))]);
        let form = obj(&[("first_name", Val::Str("Bo".into()))]);
        let context = obj(&[("S", obj(&[("form", obj(&[("x", Val::Str("cx".into()))]))]))]);
        let mut env = env(&data, &form, &context);
        assert_eq!(env.string("Hi ${data.name}, ${form.first_name}!"), Val::Str("Hi Ana, Bo!".into()));
        assert_eq!(env.string("${data.n}"), Val::Num(2.0));
        assert_eq!(env.string("${screen.S.form.x}"), Val::Str("cx".into()));
        assert_eq!(env.string("${data.missing}"), Val::Null);
        assert_eq!(env.unresolved, ["${data.missing}"]);
    }

    // M-FJ (6.0): operators, division by zero gives 0, juxtaposition concatenates.
    #[test]
    fn expressions_evaluate_per_meta() {
        let data = obj(&[("value", Val::Bool(true)), ("a", Val::Num(7.0))]);
        let form = obj(&[("animal", Val::Str(String::new()))]);
        let mut env = env(&data, &form, &Val::Null);
        // MWP: `${data.value} && (${form.animal} == 'cat')` with the input empty is false.
        assert_eq!(env.string("`${data.value} && (${form.animal} == 'cat')`"), Val::Bool(false));
        assert_eq!(env.string("`${data.a} / 0`"), Val::Num(0.0));
        assert_eq!(env.string("`${data.a} % 0`"), Val::Num(0.0));
        assert_eq!(env.string("`${data.a} * 2 + 1`"), Val::Num(15.0));
        assert_eq!(env.string("`${data.a} % 4`"), Val::Num(3.0));
        assert_eq!(env.string("`-${data.a} % 4`"), Val::Num(-3.0));
        assert_eq!(env.string("`'Hello ' ${data.a}`"), Val::Str("Hello 7".into()));
        assert_eq!(env.string("`!(${data.a} >= 7)`"), Val::Bool(false));
        assert_eq!(env.string("`(${form.animal} != '')`"), Val::Bool(false));
        assert_eq!(env.string("`1 +`"), Val::Null);
        assert_eq!(env.failed, ["`1 +`"]);
    }
}
