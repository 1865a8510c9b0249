//! The toolkit every validator uses to walk a JSON document and record findings.
//!
//! [`Checker`] collects issues, attaching a line and column when the caller
//! gave text. [`At`] is a node of the document; its readers (`str`, `array`,
//! `object`, …) report a wrong type once and return `None`, so rules read like
//! the documentation they come from.
//!
//! Walking builds no paths: a finding's JSON Pointer is worked out from the
//! document root only when the finding is recorded (nodes are found by
//! address), so valid input costs no string building at all.

use crate::json::{same_text, Key, Node, Span, Value};
use crate::json_pointer::JsonPointer;
use crate::report::{Issue, Report, Severity};
use crate::text::{Position, PositionIndex};

mod at;
#[cfg(test)]
mod tests;
mod unique;

pub use at::{char_len, At};
pub use unique::{first_occurrences, NameIndex};

/// Stable codes shared by every validator.
pub mod code {
    /// A value has the wrong JSON type.
    pub const WRONG_TYPE: &str = "wrong_type";
    /// A required member is absent.
    pub const MISSING: &str = "missing";
    /// A member the API does not know (a warning: Meta may ignore or reject it).
    pub const UNKNOWN_KEY: &str = "unknown_key";
    /// A key appears twice in one object (JSON.parse keeps the last).
    pub const DUPLICATE_KEY: &str = "duplicate_key";
    /// The report stopped after [`super::MAX_ISSUES`] findings.
    pub const TOO_MANY_ISSUES: &str = "too_many_issues";
}

/// Findings kept per report: enough for any real document, and a bound on
/// the work hostile input can cause.
pub const MAX_ISSUES: usize = 500;

/// Collects findings about one document.
pub struct Checker<'s> {
    root: &'s Node<'s>,
    source: Option<&'s str>,
    pending: Vec<Pending>,
    /// The last position computed (byte offset, position), to count on from.
    last_position: (usize, Position),
    /// Checkpoints for findings that arrive out of text order (made on the first).
    index: Option<PositionIndex>,
}

/// A finding whose JSON Pointer is not known yet: it names its node by
/// address, and `finish` works out every pointer in one walk of the document.
struct Pending {
    issue: Issue,
    node: usize,
    /// For findings about a member: its key, appended to the node's pointer.
    key: Option<String>,
}

fn address(node: &Node<'_>) -> usize {
    std::ptr::from_ref(node) as usize
}

impl<'s> Checker<'s> {
    /// `source` is the text the document was parsed from, when the caller
    /// gave text (positions are then attached); `None` for objects.
    pub fn new(root: &'s Node<'s>, source: Option<&'s str>) -> Self {
        Self {
            root,
            source,
            pending: Vec::new(),
            last_position: (0, Position { line: 1, column: 1 }),
            index: None,
        }
    }

    // Not inlined: it is called from hundreds of rules, and inlining it
    // everywhere costs kilobytes of .wasm for no measurable speed.
    #[inline(never)]
    fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        node: &Node<'_>,
        key: Option<&str>,
        span: Span,
        message: String,
    ) {
        let node = address(node);
        // Rules that look at the same value from two sides may both object;
        // one finding per code and place is enough.
        if self.pending.len() > MAX_ISSUES
            || self
                .pending
                .iter()
                .any(|seen| seen.issue.code == code && seen.node == node && seen.key.as_deref() == key)
        {
            return;
        }
        let mut issue = match severity {
            Severity::Error => Issue::error(code, "", message),
            Severity::Warning => Issue::warning(code, "", message),
        };
        let mut key = key.map(str::to_owned);
        if self.pending.len() == MAX_ISSUES {
            issue = Issue::warning(code::TOO_MANY_ISSUES, "", format!("stopped after {MAX_ISSUES} findings"));
            key = None;
        } else if let Some(position) = self.locate(span) {
            issue = issue.at(position);
        }
        let node = if issue.code == code::TOO_MANY_ISSUES { address(self.root) } else { node };
        self.pending.push(Pending { issue, node, key });
    }

    /// The line and column of `span`, when the caller gave text.
    fn locate(&mut self, span: Span) -> Option<Position> {
        let text = self.source?;
        let (known_offset, known) = self.last_position;
        let position = if span.start >= known_offset {
            Position::of_byte_offset_after(text, known_offset, known, span.start)
        } else {
            self.index.get_or_insert_with(|| PositionIndex::new(text)).position(text, span.start)
        };
        self.last_position = (span.start, position);
        Some(position)
    }

    /// Records the findings of `report`, made about a document decoded from
    /// the string at `at` (JSON given inside a string). Each points at the
    /// string (so every pointer names a value of the document checked), takes
    /// its line and column, and names its place inside the decoded value in
    /// the message.
    pub fn nested(&mut self, at: &At<'_>, report: Report) {
        for issue in report.errors.into_iter().chain(report.warnings) {
            if self.pending.len() >= MAX_ISSUES {
                return;
            }
            let inside = if issue.path.is_empty() { "/" } else { issue.path.as_str() };
            let message = format!("in the decoded string at {inside}: {}", issue.message);
            let mut nested = Issue { path: String::new(), line: None, column: None, message, ..issue };
            if let Some(position) = self.locate(at.node.span) {
                nested = nested.at(position);
            }
            self.pending.push(Pending { issue: nested, node: address(at.node), key: None });
        }
    }

    /// Records an error at `at`.
    pub fn error(&mut self, code: &'static str, at: &At<'_>, message: impl Into<String>) {
        self.push(Severity::Error, code, at.node, None, at.node.span, message.into());
    }

    /// Records an error at `at` with the code Meta returns for it.
    pub fn error_meta(
        &mut self,
        code: &'static str,
        meta_code: u32,
        at: &At<'_>,
        message: impl Into<String>,
    ) {
        let before = self.pending.len();
        self.error(code, at, message);
        let added = self.pending.len() > before;
        if let Some(last) = self.pending.last_mut().filter(|last| added && last.issue.code == code) {
            last.issue.meta_code = Some(meta_code);
        }
    }

    /// Records a warning at `at`.
    pub fn warning(&mut self, code: &'static str, at: &At<'_>, message: impl Into<String>) {
        self.push(Severity::Warning, code, at.node, None, at.node.span, message.into());
    }

    /// Records an error about member `key` of `parent`, which is absent.
    pub fn missing(&mut self, parent: &At<'_>, key: &str, message: impl Into<String>) {
        self.missing_as(code::MISSING, parent, key, message);
    }

    /// Like [`Checker::missing`], with a code of the rule that needs the member.
    pub fn missing_as(&mut self, code: &'static str, parent: &At<'_>, key: &str, message: impl Into<String>) {
        self.push(Severity::Error, code, parent.node, Some(key), parent.node.span, message.into());
    }

    /// Like [`Checker::missing_as`], with the code Meta returns for it.
    pub fn missing_meta(
        &mut self,
        code: &'static str,
        meta_code: u32,
        parent: &At<'_>,
        key: &str,
        message: impl Into<String>,
    ) {
        let before = self.pending.len();
        self.missing_as(code, parent, key, message);
        let added = self.pending.len() > before;
        if let Some(last) = self.pending.last_mut().filter(|last| added && last.issue.code == code) {
            last.issue.meta_code = Some(meta_code);
        }
    }

    /// Reports members of `object` not in `known` (warning) and repeated keys
    /// (warning), in the order of the keys.
    pub fn unknown_keys(&mut self, object: &At<'_>, known: &[&str], what: &str) {
        self.check_listed_keys(object, known, what, Severity::Warning, code::UNKNOWN_KEY);
    }

    /// Like [`Checker::unknown_keys`], for schemas Meta keeps closed: an
    /// unknown member is an error with `unknown_code`.
    pub fn closed_keys(&mut self, object: &At<'_>, known: &[&str], what: &str, unknown_code: &'static str) {
        self.check_listed_keys(object, known, what, Severity::Error, unknown_code);
    }

    fn check_listed_keys(
        &mut self,
        object: &At<'_>,
        known: &[&str],
        what: &str,
        severity: Severity,
        unknown_code: &'static str,
    ) {
        let is_known = |key: &str| known.iter().any(|k| same_text(k, key));
        self.check_keys(object, &is_known, &|| known.join(", "), &|| what.to_owned(), severity, unknown_code);
    }

    /// [`Checker::closed_keys`] with the known keys given by a test, and the
    /// texts for messages built only when a message is needed.
    pub fn closed_keys_by(
        &mut self,
        object: &At<'_>,
        is_known: &dyn Fn(&str) -> bool,
        known_names: &dyn Fn() -> String,
        what: &dyn Fn() -> String,
        unknown_code: &'static str,
    ) {
        self.check_keys(object, is_known, known_names, what, Severity::Error, unknown_code);
    }

    /// Records an error about member `key` of `object`, which is present.
    pub fn key_error(
        &mut self,
        code: &'static str,
        object: &At<'_>,
        key: &Key<'_>,
        message: impl Into<String>,
    ) {
        self.push(Severity::Error, code, object.node, Some(&key.name), key.span, message.into());
    }

    fn check_keys(
        &mut self,
        object: &At<'_>,
        is_known: &dyn Fn(&str) -> bool,
        known_names: &dyn Fn() -> String,
        what: &dyn Fn() -> String,
        severity: Severity,
        unknown_code: &'static str,
    ) {
        let Some(members) = object.node.members() else { return };
        // Small objects (nearly all) compare pairs in place; large ones share the sort.
        let large = members.len() > 16;
        let first_of = if large {
            first_occurrences(members.len(), &|i| members.get(i).map_or("", |(key, _)| key.name.as_ref()))
        } else {
            Vec::new()
        };
        for (index, (key, _)) in members.iter().enumerate() {
            let first = if large {
                first_of.get(index).copied().flatten()
            } else {
                members
                    .get(..index)
                    .and_then(|before| before.iter().position(|(other, _)| other.name == key.name))
            };
            // Reported once, at the first occurrence: the one the last overrides.
            if let Some((first_key, _)) = first.and_then(|i| members.get(i)) {
                let message = format!("{} appears more than once; the last one wins", key.name);
                self.push(
                    Severity::Warning,
                    code::DUPLICATE_KEY,
                    object.node,
                    Some(&key.name),
                    first_key.span,
                    message,
                );
            }
            if !is_known(&key.name) {
                let message = format!(
                    "{} has no member {}; known: {}",
                    what(),
                    crate::text::quoted(&key.name),
                    known_names()
                );
                self.push(severity, unknown_code, object.node, Some(&key.name), key.span, message);
            }
        }
    }

    /// The findings, split into errors and warnings, each with its pointer.
    pub fn finish(self) -> Report {
        let mut paths: Vec<Option<JsonPointer>> = vec![None; self.pending.len()];
        let mut unassigned = self.pending.len();
        assign_pointers(self.root, &mut JsonPointer::root(), &self.pending, &mut paths, &mut unassigned);
        let issues = self.pending.into_iter().zip(paths).map(|(pending, path)| {
            let path = path.unwrap_or_default();
            let path = match &pending.key {
                Some(key) => path.key(key),
                None => path,
            };
            Issue { path: path.into(), ..pending.issue }
        });
        Report::from_issues(issues)
    }
}

/// One walk of the document: each node that has findings gets its pointer.
/// (Findings are at most [`MAX_ISSUES`], so matching them is a short scan.)
/// One pointer is extended and cut back on the way, cloned only for a node
/// with findings; the walk stops once every finding has its pointer (a
/// pointer per node visited was a tenth of validating a large Flow).
fn assign_pointers(
    node: &Node<'_>,
    pointer: &mut JsonPointer,
    pending: &[Pending],
    paths: &mut [Option<JsonPointer>],
    unassigned: &mut usize,
) {
    if *unassigned == 0 {
        return;
    }
    let here = address(node);
    for (finding, slot) in pending.iter().zip(paths.iter_mut()) {
        if finding.node == here && slot.is_none() {
            *slot = Some(pointer.clone());
            *unassigned -= 1;
        }
    }
    let depth = pointer.len();
    match &node.value {
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                pointer.push_index(index);
                assign_pointers(child, pointer, pending, paths, unassigned);
                pointer.truncate(depth);
            }
        }
        Value::Object(members) => {
            for (key, child) in members {
                pointer.push_key(&key.name);
                assign_pointers(child, pointer, pending, paths, unassigned);
                pointer.truncate(depth);
            }
        }
        _ => {}
    }
}
