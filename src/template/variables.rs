//! Template variables (`{{1}}`, `{{first_name}}`) in a text field: finding
//! them and the rules Meta's review applies to them (REFERENCE.md §1.5).

/// What is between the braces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Name {
    /// `{{1}}`, `{{2}}`, …
    Positional(u32),
    /// `{{first_name}}`
    Named(String),
}

/// One `{{…}}` occurrence, with its byte range in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variable {
    /// What it names.
    pub name: Name,
    /// Byte offset of the opening `{{`.
    pub start: usize,
    /// Byte offset just past the closing `}}`.
    pub end: usize,
}

/// A `{{`/`}}` that does not form a variable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Malformed {
    /// Byte offset of the problem.
    pub start: usize,
    /// What is wrong, for the message.
    pub reason: &'static str,
}

/// The variables of one text, in order of appearance, and any malformed braces.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scan {
    /// Well-formed variables.
    pub variables: Vec<Variable>,
    /// Brace problems.
    pub malformed: Vec<Malformed>,
}

/// Named variables: lowercase letters and underscores (REFERENCE.md §6).
pub fn is_valid_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

/// Variables looked at per text: far above any real template (bodies are at
/// most 1,024 characters), and a bound on the work a huge text can cause.
const MAX_VARIABLES: usize = 1_000;

/// Finds every `{{…}}` in `text` (the first [`MAX_VARIABLES`] of them).
pub fn scan(text: &str) -> Scan {
    let mut scan = Scan::default();
    let mut at = 0;
    while let Some(found) = text.get(at..).and_then(next_brace_pair) {
        if scan.variables.len() + scan.malformed.len() >= MAX_VARIABLES {
            break;
        }
        let start = at + found;
        let rest = text.get(start..).unwrap_or_default();
        if rest.starts_with("}}") {
            scan.malformed.push(Malformed { start, reason: "'}}' without a matching '{{'" });
            at = start + 2;
            continue;
        }
        let inner_start = start + 2;
        let close =
            text.get(inner_start..).and_then(|r| r.as_bytes().windows(2).position(|pair| pair == b"}}"));
        let Some(close) = close else {
            scan.malformed.push(Malformed { start, reason: "'{{' without a matching '}}'" });
            break;
        };
        let inner = text.get(inner_start..inner_start + close).unwrap_or_default();
        let end = inner_start + close + 2;
        if inner.contains("{{") {
            scan.malformed.push(Malformed { start, reason: "'{{' without a matching '}}'" });
            at = inner_start;
            continue;
        }
        match classify(inner) {
            Ok(name) => scan.variables.push(Variable { name, start, end }),
            Err(reason) => scan.malformed.push(Malformed { start, reason }),
        }
        at = end;
    }
    scan
}

/// Offset of the first `{{` or `}}`, whichever comes first (a byte scan:
/// faster than two substring searches on the short texts templates have).
fn next_brace_pair(text: &str) -> Option<usize> {
    text.as_bytes().windows(2).position(|pair| pair == b"{{" || pair == b"}}")
}

fn classify(inner: &str) -> Result<Name, &'static str> {
    if inner.is_empty() {
        return Err("empty variable '{{}}'");
    }
    if inner.trim() != inner || inner.contains(char::is_whitespace) {
        return Err("spaces inside the braces (write {{1}}, not {{ 1 }})");
    }
    if inner.bytes().all(|b| b.is_ascii_digit()) {
        return match inner.parse::<u32>() {
            Ok(0) | Err(_) => Err("positional variables are numbered from {{1}}"),
            Ok(_) if inner.starts_with('0') => Err("positional variables have no leading zeros"),
            Ok(number) => Ok(Name::Positional(number)),
        };
    }
    if is_valid_name(inner) {
        return Ok(Name::Named(inner.to_owned()));
    }
    if inner.bytes().any(|b| matches!(b, b'#' | b'$' | b'%' | b'{' | b'}' | b'@' | b'!' | b'&' | b'*')) {
        return Err("special characters such as #, $ or % inside the braces");
    }
    Err("variable names use only lowercase letters and underscores (e.g. {{first_name}})")
}

/// The distinct variable names of a scan, in order of first appearance.
pub fn distinct(variables: &[Variable]) -> Vec<&Name> {
    let mut seen: Vec<&Name> = Vec::new();
    for variable in variables {
        if !seen.contains(&&variable.name) {
            seen.push(&variable.name);
        }
    }
    seen
}

/// Non-variable words in `text` (whitespace-separated runs with a letter or digit).
pub fn word_count_outside(text: &str, variables: &[Variable]) -> usize {
    let mut outside = String::with_capacity(text.len());
    let mut at = 0;
    for variable in variables {
        outside.push_str(text.get(at..variable.start).unwrap_or_default());
        outside.push(' ');
        at = variable.end;
    }
    outside.push_str(text.get(at..).unwrap_or_default());
    outside.split_whitespace().filter(|word| word.chars().any(char::is_alphanumeric)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<Name> {
        scan(text).variables.into_iter().map(|v| v.name).collect()
    }

    #[test]
    fn finds_positional_and_named_variables_with_offsets() {
        let found = scan("Hi {{1}}, order {{order_id}}!");
        assert!(found.malformed.is_empty());
        assert_eq!(found.variables[0], Variable { name: Name::Positional(1), start: 3, end: 8 });
        assert_eq!(found.variables[1].name, Name::Named("order_id".into()));
        assert_eq!(names("no variables {here}"), []);
    }

    #[test]
    fn malformed_braces_are_reported() {
        let reasons = |t: &str| scan(t).malformed.into_iter().map(|m| m.reason).collect::<Vec<_>>();
        assert_eq!(reasons("a {{ 1 }} b").len(), 1);
        assert_eq!(reasons("a {{1} b").len(), 1);
        assert_eq!(reasons("a 1}} b").len(), 1);
        assert_eq!(reasons("a 1}} b {{1}}"), ["'}}' without a matching '{{'"]);
        assert_eq!(reasons("a {{#1}} b").len(), 1);
        assert_eq!(reasons("a {{0}} b").len(), 1);
        assert_eq!(reasons("a {{First}} b").len(), 1);
        assert_eq!(reasons("a {{}} b").len(), 1);
        assert_eq!(reasons("a {{ {{1}} b"), ["'{{' without a matching '}}'"]);
        assert_eq!(names("a {{ {{1}} b"), [Name::Positional(1)]);
    }

    #[test]
    fn distinct_keeps_first_appearance_order() {
        let found = scan("{{2}} {{1}} {{2}}");
        assert_eq!(distinct(&found.variables), [&Name::Positional(2), &Name::Positional(1)]);
    }

    #[test]
    fn words_outside_variables() {
        let text = "Hi {{1}}, your code is {{2}}.";
        assert_eq!(word_count_outside(text, &scan(text).variables), 4);
    }
}
