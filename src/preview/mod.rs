//! Template previews: a definition (and, when given, the send that fills it)
//! turned into a render tree as WhatsApp lays the message out, and safe HTML
//! built from that tree.
//!
//! Variables take their values from the send's parameters, else from the
//! definition's examples, else stay visible placeholders (a warning each).
//! Values are atomic: they are shown as given, never read as formatting.

mod build;
pub mod html;
pub mod json;
pub mod markup;
pub mod tree;

use crate::json::Node;
use crate::options::OptionFields;
use crate::report::Issue;
use crate::template::{self, TemplateOptions};
use crate::text::quoted;
use crate::Error;
use tree::{Direction, Theme, Tree};

/// Stable issue codes of previews (`preview.*`).
pub mod code {
    /// A variable with no value in the send or the examples: shown as its placeholder.
    pub const VARIABLE_UNRESOLVED: &str = "preview.variable_unresolved";
    /// A link that is not `http:`, `https:` or `tel:`: shown as text, not as a link.
    pub const LINK_UNSAFE: &str = "preview.link_unsafe";
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
        let theme = fields.string("theme")?;
        let direction = fields.string("direction")?;
        let time = fields.string("time")?;
        let media = fields.string("media")?;
        let check = |name: &str, value: Option<&str>, allowed: [&str; 2]| match value {
            Some(given) if !allowed.contains(&given) => Err(Error::invalid_argument(format!(
                "{name} must be \"{}\" or \"{}\", got {}",
                allowed[0],
                allowed[1],
                quoted(given)
            ))),
            _ => Ok(()),
        };
        check("theme", theme, ["light", "dark"])?;
        check("direction", direction, ["ltr", "rtl"])?;
        check("media", media, ["load", "placeholder"])?;
        Ok(Self {
            theme: theme.map(str::to_owned),
            direction: direction.map(str::to_owned),
            time: time.map(str::to_owned),
            media: media.map(str::to_owned),
        })
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

/// Renders `definition` (and the `send` that fills it, if any).
pub fn render(
    definition: &Node,
    source: Option<&str>,
    send: Option<&Node>,
    options: &PreviewOptions,
) -> Preview {
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
    let theme = if options.theme.as_deref() == Some("dark") { Theme::Dark } else { Theme::Light };
    let direction = match options.direction.as_deref() {
        Some("rtl") => Direction::Rtl,
        Some(_) => Direction::Ltr,
        None => language_direction(definition),
    };
    let (tree, preview_issues) = build::tree(definition, send, theme, direction);
    // The preview's own findings name a path; with text, give them its position too.
    issues.extend(preview_issues.into_iter().map(|issue| match source {
        Some(text) => {
            let span = crate::json_pointer::deepest(definition, &issue.path).span;
            issue.at(crate::text::Position::of_byte_offset(text, span.start))
        }
        None => issue,
    }));
    let media = if options.media.as_deref() == Some("placeholder") {
        html::Media::Placeholder
    } else {
        html::Media::Load
    };
    let html = html::render(&tree, options.time.as_deref().unwrap_or("12:00"), media);
    Preview { html, tree, issues }
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
