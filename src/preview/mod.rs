//! Template previews: a definition (and, when given, the send that fills it)
//! turned into a render tree as WhatsApp lays the message out, and safe HTML
//! built from that tree.
//!
//! Variables take their values from the send's parameters, else from the
//! definition's examples, else stay visible placeholders (a warning each).
//! Values are atomic: they are shown as given, never read as formatting.
//!
//! Hostile sizes are bounded: a definition or send over [`MAX_DOCUMENT_BYTES`]
//! is not rendered, a text over [`MAX_TEXT_BYTES`] is shown unparsed (cut, or
//! as written when its values would take it over), and a preview never shows
//! more than [`MAX_DOCUMENT_BYTES`] of text.

mod build;
pub mod html;
pub mod json;
pub mod markup;
mod request;
mod slots;
pub mod tree;
mod values;

use crate::json::Node;
use crate::options::OptionFields;
use crate::report::Issue;
use crate::template::{self, TemplateOptions};
use crate::text::Position;
use crate::Error;
pub use request::{render_request, Measured};
use tree::{Direction, Theme, Tree};

/// Bytes (UTF-8) of one text the preview parses, its variables filled: far
/// above anything WhatsApp accepts (a body is at most 1,024 characters), and a
/// bound on the work and memory one text can cost.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

/// Bytes of JSON of a definition (or a send) the preview renders at all, and
/// of text one preview shows in all: a real template is a few kilobytes.
pub const MAX_DOCUMENT_BYTES: usize = 1024 * 1024;

/// Stable issue codes of previews (`preview.*`).
pub mod code {
    /// A variable with no value in the send or the examples: shown as its placeholder.
    pub const VARIABLE_UNRESOLVED: &str = "preview.variable_unresolved";
    /// A link that is not `http:`, `https:` or `tel:`: shown as text, not as a link.
    pub const LINK_UNSAFE: &str = "preview.link_unsafe";
    /// A text over [`super::MAX_TEXT_BYTES`]: shown cut, unformatted.
    pub const TEXT_TOO_LONG: &str = "preview.text_too_long";
    /// A definition or send over [`super::MAX_DOCUMENT_BYTES`]: nothing rendered.
    pub const TOO_LARGE: &str = "preview.too_large";
}

/// Options of `renderTemplatePreview`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), serde(rename_all = "camelCase"))]
pub struct PreviewOptions {
    /// `"light"` (default) or `"dark"`.
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "\"light\" | \"dark\""))]
    pub theme: Option<String>,
    /// `"ltr"` or `"rtl"`; by default from the template's language.
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "\"ltr\" | \"rtl\""))]
    pub direction: Option<String>,
    /// The time shown in the bubble's corner (default `"12:00"`).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub time: Option<String>,
    /// `"load"` (default): header images load (lazily, with no referrer);
    /// `"placeholder"`: no media loads, headers are labelled boxes.
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "\"load\" | \"placeholder\""))]
    pub media: Option<String>,
}

impl PreviewOptions {
    /// Reads the options (the `send` member is read by the export, as a document).
    pub fn read(fields: &mut OptionFields<'_>) -> Result<Self, Error> {
        let theme = fields.choice("theme", &["light", "dark"])?;
        let direction = fields.choice("direction", &["ltr", "rtl"])?;
        let time = fields.string("time")?;
        let media = fields.choice("media", &["load", "placeholder"])?;
        Ok(Self {
            theme: theme.map(str::to_owned),
            direction: direction.map(str::to_owned),
            time: time.map(str::to_owned),
            media: media.map(str::to_owned),
        })
    }

    fn theme(&self) -> Theme {
        if self.theme.as_deref() == Some("dark") {
            Theme::Dark
        } else {
            Theme::Light
        }
    }

    fn html(&self, tree: &Tree) -> String {
        let media = if self.media.as_deref() == Some("placeholder") {
            html::Media::Placeholder
        } else {
            html::Media::Load
        };
        html::render(tree, self.time.as_deref().unwrap_or("12:00"), media)
    }
}

/// What `renderTemplatePreview` returns (the export assembles the JavaScript
/// object: `tree` goes through `json::tree`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Preview {
    /// The bubble as HTML: escaped text, class names only (style it with the
    /// package's `preview.css`), links only `http:`, `https:` and `tel:`.
    pub html: String,
    /// The structure the HTML is built from.
    pub tree: Tree,
    /// The definition's validation findings, the send's when one is given,
    /// then the preview's own (unresolved variables, unsafe links).
    pub issues: Vec<Issue>,
}

/// Renders `definition` (and the `send` that fills it, if any). A document
/// over [`MAX_DOCUMENT_BYTES`] (by its span: a caller that measured one
/// without copying it passes a stand-in, see [`oversized`]) is not rendered.
pub fn render(
    definition: &Node,
    source: Option<&str>,
    send: Option<&Node>,
    options: &PreviewOptions,
) -> Preview {
    for (document, node) in [("definition", Some(definition)), ("send", send)] {
        let size = node.map_or(0, |node| node.span.end.saturating_sub(node.span.start));
        if size > MAX_DOCUMENT_BYTES {
            return too_large(document, size, options);
        }
    }
    let report = template::validate_template(definition, source, &TemplateOptions::default());
    let mut issues: Vec<Issue> = report.errors.into_iter().chain(report.warnings).collect();
    if let Some(send) = send {
        let report = template::send::validate_template_send(definition, send, None);
        issues.extend(
            report
                .errors
                .into_iter()
                .chain(report.warnings)
                .map(|issue| Issue { message: format!("send: {}", issue.message), ..issue }),
        );
    }
    let theme = options.theme();
    let direction = match options.direction.as_deref() {
        Some("rtl") => Direction::Rtl,
        Some(_) => Direction::Ltr,
        None => language_direction(definition),
    };
    let (tree, mut preview_issues) = build::tree(definition, send, theme, direction);
    // The preview's own findings name a path; with text, give them its position
    // too. They come in document order (nearly: counting restarts from the top
    // for one that is not), so each position counts on from the previous one
    // and the text is read about once, not once per finding.
    if let Some(text) = source {
        let mut known = (0, Position { line: 1, column: 1 });
        for issue in &mut preview_issues {
            let offset = crate::json_pointer::deepest(definition, &issue.path).span.start;
            let position = Position::of_byte_offset_after(text, known.0, known.1, offset);
            known = (offset, position);
            (issue.line, issue.column) = (Some(position.line), Some(position.column));
        }
    }
    issues.extend(preview_issues);
    let html = options.html(&tree);
    Preview { html, tree, issues }
}

/// A stand-in for a document of `size` bytes that was measured but not read.
pub fn oversized(size: usize) -> Node<'static> {
    Node { value: crate::json::Value::Null, span: crate::json::Span { start: 0, end: size } }
}

/// The preview of a definition (or send) over [`MAX_DOCUMENT_BYTES`]: an
/// empty bubble and one finding; nothing of the document is read.
fn too_large(document: &str, size: usize, options: &PreviewOptions) -> Preview {
    let direction = if options.direction.as_deref() == Some("rtl") { Direction::Rtl } else { Direction::Ltr };
    let tree = Tree::empty(options.theme(), direction);
    let message = format!(
        "the {document} is {size} bytes of JSON, over the preview's limit of {MAX_DOCUMENT_BYTES}: \
         nothing is rendered (a template is a few kilobytes)"
    );
    Preview { html: options.html(&tree), tree, issues: vec![Issue::error(code::TOO_LARGE, "", message)] }
}

/// Right to left for Arabic, Hebrew, Persian and Urdu templates.
fn language_direction(definition: &Node) -> Direction {
    let language = definition.get("language").and_then(Node::as_str).unwrap_or_default();
    let base = language.split(['_', '-']).next().unwrap_or_default();
    if ["ar", "he", "fa", "ur"].contains(&base) {
        Direction::Rtl
    } else {
        Direction::Ltr
    }
}

#[cfg(test)]
mod tests {
    use super::PreviewOptions;
    use crate::json::parse;
    use crate::options::OptionFields;

    fn read(options: &str) -> Result<PreviewOptions, crate::Error> {
        let node = parse(options).unwrap();
        let mut fields = OptionFields::new("renderTemplatePreview", Some(&node))?;
        let options = PreviewOptions::read(&mut fields)?;
        fields.finish().map(|()| options)
    }

    #[test]
    fn media_is_load_or_placeholder_and_anything_else_is_misuse() {
        assert_eq!(read(r#"{"media":"placeholder"}"#).unwrap().media.as_deref(), Some("placeholder"));
        assert_eq!(read(r#"{"media":"load"}"#).unwrap().media.as_deref(), Some("load"));
        assert_eq!(read(r#"{"media":null}"#).unwrap().media, None);
        for bad in [r#"{"media":"none"}"#, r#"{"media":"Placeholder"}"#, r#"{"media":true}"#] {
            let error = read(bad).unwrap_err();
            assert_eq!(error.code, "invalid_argument", "{bad}");
            assert!(error.message.contains("media"), "{}", error.message);
        }
    }
}
