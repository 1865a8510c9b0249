//! The findings model shared by every validator: [`Issue`] and [`Report`].
//!
//! Findings are data, never exceptions: a validator collects `Issue`s and
//! returns a `Report`; only misuse and I/O failures become [`crate::Error`].

use serde::Serialize;

/// How bad a finding is: an error means Meta would reject the input.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Severity {
    /// Meta would reject the input, or it cannot work as written.
    Error,
    /// Accepted by Meta, but probably not what was meant.
    Warning,
}

/// One finding about one place in the input.
///
/// `code` is stable and machine-readable (`domain.snake_case`, e.g.
/// `phone.too_short`); `message` is for people and may change between versions.
/// Messages are built from the input's shape, never from secrets.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Issue {
    /// Stable identifier of the rule that fired.
    pub code: &'static str,
    /// Human-readable explanation, with the limit or the expected value.
    pub message: String,
    /// JSON Pointer (RFC 6901) to the offending value; `""` is the root.
    pub path: String,
    /// Whether the finding blocks the request.
    pub severity: Severity,
    /// 1-based line in the text the caller gave, when the input was text.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub line: Option<u32>,
    /// 1-based column in UTF-16 code units (what JavaScript strings index),
    /// when the input was text.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub column: Option<u32>,
    /// The error code Meta returns for the same problem, when one is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub meta_code: Option<u32>,
}

impl Issue {
    /// A finding that blocks the request.
    pub fn error(code: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, path.into(), message.into())
    }

    /// A finding that does not block the request.
    pub fn warning(code: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, path.into(), message.into())
    }

    fn new(severity: Severity, code: &'static str, path: String, message: String) -> Self {
        Self { code, message, path, severity, line: None, column: None, meta_code: None }
    }

    /// Attaches a text position (see [`crate::text::Position`]).
    #[must_use]
    pub fn at(mut self, position: crate::text::Position) -> Self {
        self.line = Some(position.line);
        self.column = Some(position.column);
        self
    }

    /// Attaches the error code Meta gives for the same problem.
    #[must_use]
    pub fn with_meta_code(mut self, meta_code: u32) -> Self {
        self.meta_code = Some(meta_code);
        self
    }
}

/// The result of a validation: `ok` is true exactly when `errors` is empty.
#[derive(Serialize, Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Report {
    /// No finding blocks the request.
    pub ok: bool,
    /// Findings that block the request, in input order.
    pub errors: Vec<Issue>,
    /// Findings that do not, in input order.
    pub warnings: Vec<Issue>,
}

impl Report {
    /// Splits findings by severity, keeping their order.
    pub fn from_issues(issues: impl IntoIterator<Item = Issue>) -> Self {
        let (errors, warnings): (Vec<Issue>, Vec<Issue>) =
            issues.into_iter().partition(|issue| issue.severity == Severity::Error);
        Self { ok: errors.is_empty(), errors, warnings }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Position;

    #[test]
    fn report_splits_by_severity_and_keeps_order() {
        let report = Report::from_issues([
            Issue::warning("a.w1", "/x", "w1"),
            Issue::error("a.e1", "/y", "e1"),
            Issue::error("a.e2", "", "e2"),
        ]);
        assert!(!report.ok);
        let codes: Vec<_> = report.errors.iter().map(|i| i.code).collect();
        assert_eq!(codes, ["a.e1", "a.e2"]);
        assert_eq!(report.warnings.len(), 1);
    }

    #[test]
    fn report_with_only_warnings_is_ok() {
        let report = Report::from_issues([Issue::warning("a.w", "", "w")]);
        assert!(report.ok);
        assert!(Report::from_issues([]).ok);
    }

    #[test]
    fn issue_builders_set_position_and_meta_code() {
        let issue = Issue::error("a.e", "/p", "m").at(Position { line: 2, column: 5 }).with_meta_code(132000);
        assert_eq!((issue.line, issue.column, issue.meta_code), (Some(2), Some(5), Some(132000)));
    }
}
