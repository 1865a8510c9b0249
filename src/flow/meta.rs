//! Findings in the shape of the Flows API's `validation_errors`, so an editor
//! can show ours and Meta's alike. Meta's full list of error names is not
//! public; the mapping below uses the names seen in its responses
//! (REFERENCE.md §3.4) and INVALID_PROPERTY_VALUE for the rest.

use crate::json::{Node, Span};
use crate::report::Report;
use crate::text::Position;
use serde::Serialize;

/// One entry of `validation_errors`.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ValidationError {
    /// Meta's error name (`INVALID_PROPERTY_VALUE`, `MISSING_REQUIRED_PROPERTY`, …).
    pub error: &'static str,
    /// `FLOW_JSON_ERROR`, or `JSON_SYNTAX_ERROR` for text that is not JSON.
    pub error_type: &'static str,
    /// The finding's message.
    pub message: String,
    /// Where the offending value starts and ends (1-based; columns in UTF-16
    /// units), when the Flow was given as text.
    #[serde(flatten)]
    pub range: Option<Range>,
    /// The offending values: one, with its path in Meta's notation (`screens[0].layout`).
    pub pointers: Vec<Pointer>,
}

/// A text range.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Range {
    /// First line.
    pub line_start: u32,
    /// Last line.
    pub line_end: u32,
    /// First column.
    pub column_start: u32,
    /// Column after the last character.
    pub column_end: u32,
}

/// One pointer of a validation error.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Pointer {
    /// Where the value is in the text.
    #[serde(flatten)]
    pub range: Option<Range>,
    /// The path in Meta's notation.
    pub path: String,
}

fn error_name(code: &str) -> &'static str {
    match code {
        "missing" | super::code::ROUTING_MODEL_REQUIRED => "MISSING_REQUIRED_PROPERTY",
        super::code::PROPERTY_UNKNOWN => "INVALID_PROPERTY_KEY",
        super::code::VERSION_INVALID => "INVALID_FLOW_JSON_VERSION",
        super::code::DATA_API_VERSION_INVALID => "INVALID_DATA_API_VERSION",
        "json.syntax" | "json.too_deep" => "INVALID_JSON",
        _ => "INVALID_PROPERTY_VALUE",
    }
}

/// The errors of `report` (warnings are ours alone) in Meta's shape.
/// `source` is the text `doc` came from; without it there are no ranges.
pub fn validation_errors(report: &Report, doc: &Node<'_>, source: Option<&str>) -> Vec<ValidationError> {
    report
        .errors
        .iter()
        .map(|issue| {
            let range = source.map(|text| range(text, span_of(doc, &issue.path)));
            let error = error_name(issue.code);
            ValidationError {
                error,
                error_type: if error == "INVALID_JSON" { "JSON_SYNTAX_ERROR" } else { "FLOW_JSON_ERROR" },
                message: issue.message.clone(),
                range,
                pointers: vec![Pointer { range, path: meta_path(&issue.path) }],
            }
        })
        .collect()
}

fn range(text: &str, span: Span) -> Range {
    let start = Position::of_byte_offset(text, span.start);
    let end = Position::of_byte_offset(text, span.end);
    Range { line_start: start.line, line_end: end.line, column_start: start.column, column_end: end.column }
}

/// The JSON Pointer's tokens, unescaped.
fn tokens(pointer: &str) -> impl Iterator<Item = String> + '_ {
    pointer.split('/').skip(1).map(|token| token.replace("~1", "/").replace("~0", "~"))
}

/// The span of the deepest value on `pointer` that exists (a missing member's parent).
fn span_of(doc: &Node<'_>, pointer: &str) -> Span {
    let mut node = doc;
    for token in tokens(pointer) {
        let next = match node.items() {
            Some(items) => token.parse::<usize>().ok().and_then(|index| items.get(index)),
            None => node.get(&token),
        };
        match next {
            Some(child) => node = child,
            None => break,
        }
    }
    node.span
}

/// `/screens/0/layout/children/1` → `screens[0].layout.children[1]`.
pub fn meta_path(pointer: &str) -> String {
    let mut path = String::new();
    for token in tokens(pointer) {
        if !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit()) {
            path.push('[');
            path.push_str(&token);
            path.push(']');
        } else {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&token);
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::meta_path;

    #[test]
    fn paths_use_metas_notation() {
        assert_eq!(meta_path("/screens/0/layout/children/7"), "screens[0].layout.children[7]");
        assert_eq!(meta_path(""), "");
        assert_eq!(meta_path("/a~1b"), "a/b");
    }
}
