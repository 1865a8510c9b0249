//! The documented limits of provider request bodies, read with
//! [`Checker`](crate::check::Checker): a member by name with its length, set,
//! range or count, each finding under the code the provider gives.
//!
//! CmClient and WoztellClient bodies are flat objects of documented members,
//! so their rules read as "this member, these limits"; Bird and Cirrus walk
//! richer schemas with the `At` readers directly. Both record into one
//! `Checker`, so every provider's findings have the same pointers and, for
//! text, positions.

use crate::check::{char_len, At, Checker};
use crate::json::{Node, Value};
use crate::report::Report;
use crate::text::quoted;

/// A body or query as the caller gave it: its JSON text, and whether the
/// caller wrote that text (findings then carry its line and column) rather
/// than passing an object (whose `JSON.stringify` positions mean nothing to them).
#[derive(Clone, Copy, Debug)]
pub struct Source<'t> {
    /// The JSON text the body was parsed from.
    pub text: &'t str,
    /// Whether the caller wrote `text`.
    pub from_caller: bool,
}

impl<'t> Source<'t> {
    /// The text findings take positions from, when the caller wrote it.
    pub fn positions(self) -> Option<&'t str> {
        self.from_caller.then_some(self.text)
    }
}

/// As for `&str`.
impl<'t> From<&'t String> for Source<'t> {
    fn from(text: &'t String) -> Self {
        Self { text, from_caller: false }
    }
}

/// Text whose positions are not reported (an object's JSON).
impl<'t> From<&'t str> for Source<'t> {
    fn from(text: &'t str) -> Self {
        Self { text, from_caller: false }
    }
}

/// The findings about `body` (positions from `source`, when given): an
/// object of `allowed` members (another is an error with `unknown`), then
/// what `check` finds in it.
pub fn check_object(
    body: &Node,
    source: Option<&str>,
    allowed: &[&str],
    unknown: &'static str,
    check: &dyn Fn(&mut Checker<'_>, &At<'_>),
) -> Report {
    let mut checker = Checker::new(body, source);
    let root = At::root(body);
    if object(&mut checker, &root, allowed, unknown) {
        check(&mut checker, &root);
    }
    checker.finish()
}

/// Whether `at` is an object whose members are all `allowed` (another is an
/// error with `unknown`; a repeated one a warning).
pub fn object(checker: &mut Checker<'_>, at: &At<'_>, allowed: &[&str], unknown: &'static str) -> bool {
    if at.object(checker).is_none() {
        return false;
    }
    checker.closed_keys(at, allowed, "the object", unknown);
    true
}

/// Member `key` of `parent` (null counts as absent); a `missing` error when
/// it is `required` and absent.
pub fn member<'n>(checker: &mut Checker<'_>, parent: &At<'n>, key: &str, required: bool) -> Option<At<'n>> {
    let found = parent.get(key).filter(|at| !matches!(at.node.value, Value::Null));
    if found.is_none() && required {
        checker.missing(parent, key, format!("{key} is required"));
    }
    found
}

/// A string member of `min..=max` characters (else `code`).
pub fn text<'n>(
    checker: &mut Checker<'_>,
    parent: &At<'n>,
    key: &str,
    required: bool,
    (min, max): (usize, usize),
    code: &'static str,
) -> Option<&'n str> {
    let at = member(checker, parent, key, required)?;
    let text = at.str(checker)?;
    let length = char_len(text);
    if length < min || length > max {
        checker.error(code, &at, format!("{key} has {min} to {max} characters; this one has {length}"));
    }
    Some(text)
}

/// A string member that is one of `allowed` (else `code`).
pub fn choice<'n>(
    checker: &mut Checker<'_>,
    parent: &At<'n>,
    key: &str,
    required: bool,
    allowed: &[&str],
    code: &'static str,
) -> Option<&'n str> {
    let at = member(checker, parent, key, required)?;
    let text = at.str(checker)?;
    if !allowed.contains(&text) {
        checker.error(code, &at, format!("{key} is one of {}; got {}", allowed.join(", "), quoted(text)));
    }
    Some(text)
}

/// A boolean member.
pub fn boolean(checker: &mut Checker<'_>, parent: &At<'_>, key: &str, required: bool) -> Option<bool> {
    member(checker, parent, key, required)?.bool(checker)
}

/// An optional whole-number member in `min..=max` (else `code`).
pub fn integer(
    checker: &mut Checker<'_>,
    parent: &At<'_>,
    key: &str,
    (min, max): (u64, u64),
    code: &'static str,
) -> Option<u64> {
    let at = member(checker, parent, key, false)?;
    let number = at.integer(checker)?;
    let within = u64::try_from(number).ok().filter(|n| (min..=max).contains(n));
    if within.is_none() {
        // Shown as an integer: formatting an f64 would pull float printing (~9 KB) into the .wasm.
        checker.error(code, &at, format!("{key} is {min} to {max}; got {number}"));
    }
    within
}

/// An array member of `min..=max` items (else `code`).
pub fn array<'n>(
    checker: &mut Checker<'_>,
    parent: &At<'n>,
    key: &str,
    required: bool,
    (min, max): (usize, usize),
    code: &'static str,
) -> Option<Vec<At<'n>>> {
    let at = member(checker, parent, key, required)?;
    let items = at.array(checker)?;
    if items.len() < min || items.len() > max {
        checker.error(code, &at, format!("{key} has {min} to {max} items; this one has {}", items.len()));
    }
    Some(items)
}

/// An optional array member of at least one string (else `count`), each one
/// of `allowed` (else `value`; any string when `allowed` is empty).
pub fn strings(
    checker: &mut Checker<'_>,
    parent: &At<'_>,
    key: &str,
    allowed: &[&str],
    count: &'static str,
    value: &'static str,
) {
    let Some(items) = array(checker, parent, key, false, (1, usize::MAX), count) else { return };
    for item in items {
        match item.str(checker) {
            Some(text) if !allowed.is_empty() && !allowed.contains(&text) => {
                let message = format!("one of {}; got {}", allowed.join(", "), quoted(text));
                checker.error(value, &item, message);
            }
            _ => {}
        }
    }
}

/// Which of `keys` is present, when exactly one is; otherwise `code` (when
/// none is, only if `required`), at the later one given or the first one named.
pub fn exactly_one<'k>(
    checker: &mut Checker<'_>,
    parent: &At<'_>,
    keys: [&'k str; 2],
    required: bool,
    code: &'static str,
) -> Option<&'k str> {
    let [a, b] = keys;
    let given: Vec<(&str, At<'_>)> =
        keys.into_iter().filter_map(|key| Some((key, member(checker, parent, key, false)?))).collect();
    let message = format!("give exactly one of {a} and {b}");
    match given.as_slice() {
        [(one, _)] => return Some(one),
        [] if !required => {}
        [] => checker.missing_as(code, parent, a, message),
        [.., (_, last)] => checker.error(code, last, message),
    }
    None
}

/// Whether `url` is an http(s) URL (what the providers take for links).
pub fn is_web(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    #[test]
    fn findings_carry_the_codes_given_pointers_and_positions() {
        let source = r#"{"a":"","b":[1],"c":"x","d":1.5,"e/f":0,"g":"y","h":"z","i":["q"],"j":null}"#;
        let node = parse(source).unwrap();
        let mut checker = Checker::new(&node, Some(source));
        let root = At::root(&node);
        object(&mut checker, &root, &["a", "b", "c", "d", "g", "h", "i", "j"], "t.unknown");
        text(&mut checker, &root, "a", true, (1, 5), "t.length");
        array(&mut checker, &root, "b", true, (2, 3), "t.count");
        choice(&mut checker, &root, "c", true, &["y"], "t.value");
        integer(&mut checker, &root, "d", (1, 9), "t.count");
        text(&mut checker, &root, "j", true, (0, 1), "t.length");
        exactly_one(&mut checker, &root, ["g", "h"], true, "t.one_of");
        strings(&mut checker, &root, "i", &["p"], "t.count", "t.value");
        let report = checker.finish();
        let found: Vec<(&str, &str)> = report.errors.iter().map(|i| (i.code, i.path.as_str())).collect();
        assert_eq!(
            found,
            [
                ("t.unknown", "/e~1f"),
                ("t.length", "/a"),
                ("t.count", "/b"),
                ("t.value", "/c"),
                ("wrong_type", "/d"),
                ("missing", "/j"),
                ("t.one_of", "/h"),
                ("t.value", "/i/0")
            ]
        );
        assert_eq!((report.errors[1].line, report.errors[1].column), (Some(1), Some(6)));
    }
}
