//! Findings in the shape of the Flows API's `validation_errors`, so an editor
//! can show ours and Meta's alike. Meta's full list of error names is not
//! public; the mapping below uses the names seen in its responses
//! (REFERENCE.md §3.4) and INVALID_PROPERTY_VALUE for the rest.

use crate::json::{Node, Span};
use crate::json_pointer::{deepest, tokens};
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
    /// First line of the offending value (1-based), when the Flow was given as text.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub line_start: Option<u32>,
    /// Last line.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub line_end: Option<u32>,
    /// First column (1-based, UTF-16 units).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub column_start: Option<u32>,
    /// Column after the last character.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub column_end: Option<u32>,
    /// The offending values: one, with its path in Meta's notation (`screens[0].layout`).
    pub pointers: Vec<Pointer>,
}

/// A text range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Range {
    line_start: u32,
    line_end: u32,
    column_start: u32,
    column_end: u32,
}

/// One pointer of a validation error (Meta's also repeat the range; ours
/// point at the same value as the error, so only the path is given).
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Pointer {
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
/// Without a document (text that is not JSON), ranges come from the issues' positions.
pub fn validation_errors(
    report: &Report,
    doc: Option<&Node<'_>>,
    source: Option<&str>,
) -> Vec<ValidationError> {
    report
        .errors
        .iter()
        .map(|issue| {
            let range = match (source, doc) {
                (Some(text), Some(doc)) => Some(range(text, deepest(doc, &issue.path).span)),
                _ => issue.line.zip(issue.column).map(|(line, column)| Range {
                    line_start: line,
                    line_end: line,
                    column_start: column,
                    column_end: column.saturating_add(1),
                }),
            };
            let error = error_name(issue.code);
            ValidationError {
                error,
                error_type: if error == "INVALID_JSON" { "JSON_SYNTAX_ERROR" } else { "FLOW_JSON_ERROR" },
                message: issue.message.clone(),
                line_start: range.map(|r| r.line_start),
                line_end: range.map(|r| r.line_end),
                column_start: range.map(|r| r.column_start),
                column_end: range.map(|r| r.column_end),
                pointers: vec![Pointer { path: meta_path(&issue.path) }],
            }
        })
        .collect()
}

fn range(text: &str, span: Span) -> Range {
    let start = Position::of_byte_offset(text, span.start);
    let end = Position::of_byte_offset(text, span.end);
    Range { line_start: start.line, line_end: end.line, column_start: start.column, column_end: end.column }
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
