//! Dynamic references (`${data.x}`, `${form.x}`, `${screen.S.form.x}`) and nested
//! expressions (backtick strings, Flow JSON 6.0+): parsing and operand types.

/// Where a reference points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope<'a> {
    /// `${data.…}`: the screen's data.
    Data,
    /// `${form.…}`: the screen's form.
    Form,
    /// `${screen.S.form.…}` or `${screen.S.data.…}`: another screen's form or data.
    Screen {
        /// The screen id `S`.
        screen: &'a str,
        /// `true` for `.form.`, `false` for `.data.`.
        form: bool,
    },
}

/// One `${…}` reference found in a string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference<'a> {
    /// Where it points.
    pub scope: Scope<'a>,
    /// The first field name after the scope (`x` in `${data.x.y}`).
    pub field: &'a str,
    /// The whole reference including `${` and `}`.
    pub text: &'a str,
    /// Byte offset of `$` in the string that was scanned.
    pub offset: usize,
}

/// A problem in a string's references or expression, at a byte offset of that string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Byte offset of the offending token or operand (of `$` for an unterminated reference, of `(`
    /// for an unclosed one).
    pub offset: usize,
    /// What was expected, for people.
    pub message: String,
    /// What kind of problem it is.
    pub kind: ProblemKind,
}

/// The kind of a [`Problem`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// A `${` that does not form a valid reference.
    MalformedReference,
    /// An expression that does not parse.
    Syntax,
    /// An operand of the wrong type for its operator.
    Type,
}

/// The type of an operand or expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    /// A string.
    String,
    /// A number.
    Number,
    /// A boolean.
    Boolean,
    /// A reference whose type the caller does not know; compatible with every type.
    Unknown,
}

/// Deepest nesting of parentheses and unary operators an expression may have.
const MAX_DEPTH: usize = 64;

/// Binary operators by precedence, lowest first; two-byte operators before their prefixes.
const LEVELS: [&[&str]; 6] =
    [&["||"], &["&&"], &["==", "!="], &["<=", ">=", "<", ">"], &["+", "-"], &["*", "/", "%"]];

fn problem(offset: usize, kind: ProblemKind, message: String) -> Problem {
    Problem { offset, message, kind }
}

/// The character at byte `at` of `text` in quotes, or `the end`.
fn shown(text: &str, at: usize) -> String {
    text.get(at..).and_then(|s| s.chars().next()).map_or_else(|| "the end".into(), |c| format!("'{c}'"))
}

/// The offset after the run of bytes from `i` that satisfy `pred`.
fn run(b: &[u8], i: usize, pred: impl Fn(u8) -> bool) -> usize {
    i + b.get(i..).map_or(0, |rest| rest.iter().take_while(|&&c| pred(c)).count())
}

/// The end of the identifier at `i`: `[A-Za-z_][A-Za-z0-9_-]*` for a field, else `[A-Za-z0-9_]*`.
fn ident_end(b: &[u8], i: usize, field: bool) -> usize {
    if field && !b.get(i).is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_') {
        return i;
    }
    run(b, i, |c| c.is_ascii_alphanumeric() || c == b'_' || (field && c == b'-'))
}

/// Parses the reference whose `${` is at `start`; returns it and the offset after its `}`.
fn parse_ref(text: &str, start: usize) -> Result<(Reference<'_>, usize), Problem> {
    let b = text.as_bytes();
    let bad = |at: usize, message: String| problem(at, ProblemKind::MalformedReference, message);
    // `.name` at `i`: the name and the offset after it.
    let segment = |i: usize, field: bool, what: &str| {
        if b.get(i) != Some(&b'.') {
            return Err(bad(i, format!("expected '.' then {what}, found {}", shown(text, i))));
        }
        let end = ident_end(b, i + 1, field);
        match text.get(i + 1..end) {
            Some(name) if !name.is_empty() => Ok((name, end)),
            _ => Err(bad(i + 1, format!("expected {what} after '.', found {}", shown(text, i + 1)))),
        }
    };
    let root_end = ident_end(b, start + 2, true);
    let (scope, i) = match text.get(start + 2..root_end).unwrap_or_default() {
        "data" => (Scope::Data, root_end),
        "form" => (Scope::Form, root_end),
        "screen" => {
            let (screen, i) = segment(root_end, false, "a screen id")?;
            let (kind, end) = segment(i, true, "'form' or 'data'")?;
            if kind != "form" && kind != "data" {
                return Err(bad(
                    i + 1,
                    format!("expected 'form' or 'data' after the screen id, found '{kind}'"),
                ));
            }
            (Scope::Screen { screen, form: kind == "form" }, end)
        }
        "" => return Err(bad(start + 2, "expected data, form or screen after '${'".into())),
        root => {
            let message = format!("unknown reference root '{root}'; expected data, form or screen");
            return Err(bad(start + 2, message));
        }
    };
    let (field, mut i) = segment(i, true, "a field name")?;
    loop {
        match b.get(i) {
            Some(b'}') => break,
            Some(b'.') => i = segment(i, true, "a field name")?.1,
            Some(b'[') => {
                let end = run(b, i + 1, |c| c.is_ascii_digit());
                if end == i + 1 || b.get(end) != Some(&b']') {
                    return Err(bad(i, "expected an index such as [0]".into()));
                }
                i = end + 1;
            }
            Some(_) => return Err(bad(i, format!("expected '.', '[' or '}}', found {}", shown(text, i)))),
            None => return Err(bad(start, "unterminated reference; expected '}'".into())),
        }
    }
    Ok((Reference { scope, field, text: text.get(start..=i).unwrap_or_default(), offset: start }, i + 1))
}

/// Whether the whole value is a nested expression (starts and ends with a backtick, length >= 2).
pub fn is_expression(text: &str) -> bool {
    text.len() >= 2 && text.starts_with('`') && text.ends_with('`')
}

/// Every `${…}` in `text` in order (for plain strings and expressions alike). A `${` that does not
/// form a valid reference is reported as a [`ProblemKind::MalformedReference`] problem, and scanning
/// continues after its `${`.
pub fn references(text: &str) -> (Vec<Reference<'_>>, Vec<Problem>) {
    let (mut found, mut problems, mut i) = (Vec::new(), Vec::new(), 0);
    while let Some(at) = reference_start(text, i) {
        let parsed = parse_ref(text, at);
        i = parsed.as_ref().map_or(at + 2, |(_, end)| *end);
        match parsed {
            Ok((reference, _)) => found.push(reference),
            Err(p) => problems.push(p),
        }
    }
    (found, problems)
}

/// Whether `text` contains a `${` (a byte scan: cheaper than a substring search per string).
pub fn has_reference(text: &str) -> bool {
    reference_start(text, 0).is_some()
}

/// The offset of the first `${` at or after `from`.
fn reference_start(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes().get(from..)?;
    bytes.windows(2).position(|pair| pair == b"${").map(|k| k + from)
}

/// Whether the whole string is exactly one reference (`"${data.x}"`), returning it.
pub fn whole_reference(text: &str) -> Option<Reference<'_>> {
    // Most strings are plain text: rule them out before parsing (which builds error messages).
    if !text.starts_with("${") || !text.ends_with('}') {
        return None;
    }
    match parse_ref(text, 0) {
        Ok((reference, end)) if text.starts_with("${") && end == text.len() => Some(reference),
        _ => None,
    }
}

/// Parses a nested expression (the text including its surrounding backticks) and infers its type;
/// `type_of` gives the type of a reference ([`Type::Unknown`] when unknown). Returns the expression's
/// type, or the first syntax problem (a malformed reference keeps its own kind), or else the first
/// type problem. Offsets are byte offsets into `text`. Linear time; nesting of parentheses and unary
/// operators deeper than 64 is a syntax problem.
pub fn check_expression(text: &str, type_of: &dyn Fn(&Reference<'_>) -> Type) -> Result<Type, Problem> {
    if !is_expression(text) {
        return Err(problem(0, ProblemKind::Syntax, "expected an expression between backticks".into()));
    }
    let end = text.len().saturating_sub(1);
    let mut p =
        Parser { text, pos: 1, end, tok: Tok::End, at: 1, prev: "", depth: 0, type_of, type_error: None };
    p.advance()?;
    let (ty, _) = p.seq()?;
    if !matches!(p.tok, Tok::End) {
        return Err(problem(p.at, ProblemKind::Syntax, "unexpected ')' without a matching '('".into()));
    }
    p.type_error.map_or(Ok(ty), Err)
}

#[derive(Clone)]
enum Tok<'a> {
    Ref(Reference<'a>),
    Lit(Type),
    Op(&'static str),
    End,
}

/// A type and the offset where its operand starts.
type Typed = Result<(Type, usize), Problem>;

struct Parser<'a, 'f> {
    text: &'a str,
    /// Where lexing resumes, and the offset of the closing backtick.
    pos: usize,
    end: usize,
    /// The current token, its offset, and the previous token if it was an operator.
    tok: Tok<'a>,
    at: usize,
    prev: &'static str,
    depth: usize,
    type_of: &'f dyn Fn(&Reference<'_>) -> Type,
    type_error: Option<Problem>,
}

impl<'a> Parser<'a, '_> {
    fn advance(&mut self) -> Result<(), Problem> {
        let b = self.text.as_bytes();
        self.prev = if let Tok::Op(op) = self.tok { op } else { "" };
        let i = run(b, self.pos, |c| c.is_ascii_whitespace()).min(self.end);
        self.at = i;
        let rest = b.get(i..self.end).unwrap_or_default();
        let syntax = |at: usize, message: String| Err(problem(at, ProblemKind::Syntax, message));
        let (tok, next) = match rest.first() {
            None => (Tok::End, i),
            Some(b'$') if rest.get(1) == Some(&b'{') => {
                let (reference, next) = parse_ref(self.text, i)?;
                (Tok::Ref(reference), next)
            }
            Some(b'\'') => {
                let mut j = i + 1;
                loop {
                    match b.get(j) {
                        _ if j >= self.end => return syntax(i, "unterminated string literal".into()),
                        Some(b'\\') => j += 2,
                        Some(b'\'') => break,
                        Some(b'`') => {
                            return syntax(j, "a backtick in a string literal is written \\`".into())
                        }
                        _ => j += 1,
                    }
                }
                (Tok::Lit(Type::String), j + 1)
            }
            Some(c) if c.is_ascii_digit() => {
                let j = run(b, i, |c| c.is_ascii_digit());
                let k = if b.get(j) == Some(&b'.') { run(b, j + 1, |c| c.is_ascii_digit()) } else { j };
                if k == j + 1 {
                    return syntax(k, "expected a digit after '.'".into());
                }
                (Tok::Lit(Type::Number), k)
            }
            Some(c) if c.is_ascii_alphabetic() || *c == b'_' => {
                let j = ident_end(b, i, false);
                match self.text.get(i..j).unwrap_or_default() {
                    "true" | "false" => (Tok::Lit(Type::Boolean), j),
                    word => {
                        let m =
                            format!("unexpected '{word}'; expected ${{data.x}}, 'text', a number or true");
                        return syntax(i, m);
                    }
                }
            }
            Some(c) => match LEVELS
                .iter()
                .flat_map(|ops| ops.iter())
                .chain(&["!", "(", ")"])
                .find(|op| rest.starts_with(op.as_bytes()))
            {
                Some(op) => (Tok::Op(op), i + op.len()),
                None => {
                    let hint = match c {
                        b'=' => "; compare with '=='",
                        b'&' => "; use '&&'",
                        b'|' => "; use '||'",
                        _ => "",
                    };
                    return syntax(i, format!("unexpected {}{hint}", shown(self.text, i)));
                }
            },
        };
        (self.tok, self.pos) = (tok, next);
        Ok(())
    }

    /// Records a type problem (the first one wins) if an operand is neither `wanted` nor unknown.
    fn want(&mut self, op: &str, verb: &str, wanted: Type, sides: &[(Type, usize, &str)]) {
        if let Some(&(ty, at, side)) = sides.iter().find(|s| s.0 != wanted && s.0 != Type::Unknown) {
            let message = format!("'{op}' {verb}; {side} is {}", name(ty));
            self.type_error.get_or_insert(problem(at, ProblemKind::Type, message));
        }
    }

    /// Operands side by side: one keeps its type, two or more concatenate to a string. Binary
    /// operators bind tighter, so `'a' -1` is a subtraction (a type problem), not `'a'` then `-1`.
    fn seq(&mut self) -> Typed {
        let first = self.binary(0)?;
        let mut joined = false;
        while matches!(self.tok, Tok::Ref(_) | Tok::Lit(_) | Tok::Op("(" | "!")) {
            self.binary(0)?;
            joined = true;
        }
        Ok(if joined { (Type::String, first.1) } else { first })
    }

    fn binary(&mut self, level: usize) -> Typed {
        let Some(ops) = LEVELS.get(level) else { return self.unary() };
        let (mut left, start) = self.binary(level + 1)?;
        while let Tok::Op(op) = self.tok {
            if !ops.contains(&op) {
                break;
            }
            self.advance()?;
            let (right, right_at) = self.binary(level + 1)?;
            let sides = [(left, start, "the left side"), (right, right_at, "the right side")];
            let (wanted, verb) = match level {
                0 | 1 => (Type::Boolean, "combines booleans"),
                3 => (Type::Number, "compares numbers"),
                _ => (Type::Number, "works on numbers"),
            };
            if level != 2 {
                self.want(op, verb, wanted, &sides);
            } else if left != right && left != Type::Unknown && right != Type::Unknown {
                let (l, r) = (name(left), name(right));
                let message = format!(
                    "'{op}' compares values of one type; the left side is {l}, the right side is {r}"
                );
                self.type_error.get_or_insert(problem(right_at, ProblemKind::Type, message));
            }
            left = if level < 4 { Type::Boolean } else { Type::Number };
        }
        Ok((left, start))
    }

    fn unary(&mut self) -> Typed {
        let at = self.at;
        let syntax = |message: String| Err(problem(at, ProblemKind::Syntax, message));
        match self.tok.clone() {
            Tok::Ref(reference) => {
                self.advance()?;
                Ok(((self.type_of)(&reference), at))
            }
            Tok::Lit(ty) => {
                self.advance()?;
                Ok((ty, at))
            }
            Tok::Op(op @ ("(" | "!" | "-")) => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return syntax(format!("expression nested more than {MAX_DEPTH} levels deep"));
                }
                self.advance()?;
                let ty = if op == "(" {
                    let (ty, _) = self.seq()?;
                    if !matches!(self.tok, Tok::Op(")")) {
                        return syntax("unclosed '('; expected ')'".into());
                    }
                    self.advance()?;
                    ty
                } else {
                    let (ty, ty_at) = self.unary()?;
                    let (wanted, verb) = if op == "!" {
                        (Type::Boolean, "negates a boolean")
                    } else {
                        (Type::Number, "negates a number")
                    };
                    self.want(op, verb, wanted, &[(ty, ty_at, "its operand")]);
                    wanted
                };
                self.depth -= 1;
                Ok((ty, at))
            }
            Tok::End if self.prev.is_empty() => syntax("empty expression".into()),
            Tok::Op(op) if self.prev.is_empty() => syntax(format!("expected an operand before '{op}'")),
            _ => syntax(format!("expected an operand after '{}'", self.prev)),
        }
    }
}

fn name(ty: Type) -> &'static str {
    match ty {
        Type::String => "a string",
        Type::Number => "a number",
        Type::Boolean => "a boolean",
        Type::Unknown => "unknown",
    }
}

#[cfg(test)]
mod tests;
