//! `renderTemplatePreview`'s arguments as the binding measured them, read
//! into a preview: the options (`PreviewOptions & { send? }`), the send
//! (given inside them, as an object or as JSON text) and the definition. A
//! document over `preview::MAX_DOCUMENT_BYTES` arrives as its size only.

use super::{oversized, render, Preview, PreviewOptions};
use crate::json::{self, Node, Span, Value};
use crate::options::OptionFields;
use crate::report::Issue;
use crate::Error;

/// A document as the binding measured it before copying it into wasm memory.
pub enum Measured<'t> {
    /// Its JSON text; `from_caller` when the caller gave text (so line and
    /// column mean something to them), not an object the binding stringified.
    Text {
        /// The JSON text.
        text: &'t str,
        /// Whether the caller wrote it.
        from_caller: bool,
    },
    /// Over [`super::MAX_DOCUMENT_BYTES`]: only its size in bytes was read.
    Over(usize),
}

const NAME: &str = "renderTemplatePreview";

/// The preview of `definition` with `options` (absent: the defaults). Misused
/// options are an `Error`; a definition or send that is not JSON is a finding.
pub fn render_request(definition: &Measured<'_>, options: Option<&Measured<'_>>) -> Result<Preview, Error> {
    // Only a send makes the options this large: it is reported from a stand-in.
    let (options_text, send_over) = match options {
        Some(Measured::Text { text, .. }) => (Some(*text), None),
        Some(Measured::Over(size)) => (None, Some(oversized(*size))),
        None => (None, None),
    };
    let options_node = match options_text.map(json::parse).transpose() {
        Ok(node) => node,
        Err(_) => return Err(Error::invalid_argument(format!("{NAME}: options must be JSON data"))),
    };
    let mut fields = OptionFields::new(NAME, options_node.as_ref())?;
    let preview_options = PreviewOptions::read(&mut fields)?;
    let send_node = fields.node("send");
    fields.finish()?;
    // A send given as JSON text is parsed; a syntax error in it is a finding.
    let send_text = send_node.and_then(|node| node.as_str()).map(json::parse).transpose();
    let parsed = match definition {
        Measured::Text { text, from_caller } => {
            json::parse(text).map(|node| (node, from_caller.then_some(*text)))
        }
        Measured::Over(size) => Ok((oversized(*size), None)),
    };
    let nothing = Node { value: Value::Null, span: Span::default() };
    let (node, source) = match &parsed {
        Ok((node, source)) => (node, *source),
        Err(_) => (&nothing, None),
    };
    let mut result = match (&send_over, &send_text) {
        (Some(send), _) | (None, Ok(Some(send))) => render(node, source, Some(send), &preview_options),
        (None, Ok(None)) => render(node, source, send_node, &preview_options),
        (None, Err(_)) => render(node, source, None, &preview_options),
    };
    if let Err(issue) = parsed {
        result.issues =
            vec![Issue { message: format!("the definition is not valid JSON: {}", issue.message), ..issue }];
    }
    if let Err(issue) = send_text {
        result
            .issues
            .push(Issue { message: format!("the send is not valid JSON: {}", issue.message), ..issue });
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::super::MAX_DOCUMENT_BYTES;
    use super::*;

    const DEFINITION: &str = r#"{"name":"hi","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Hi {{1}}","example":{"body_text":[["Ana"]]}}]}"#;

    fn text(text: &str) -> Measured<'_> {
        Measured::Text { text, from_caller: true }
    }

    fn codes(preview: &Preview) -> Vec<&str> {
        preview.issues.iter().map(|issue| issue.code).collect()
    }

    #[test]
    fn a_send_fills_the_variables_as_an_object_or_as_json_text() {
        let as_object =
            r#"{"send":{"components":[{"type":"body","parameters":[{"type":"text","text":"Bo"}]}]}}"#;
        let as_text = r#"{"send":"{\"components\":[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"Bo\"}]}]}"}"#;
        for options in [as_object, as_text] {
            let preview = render_request(&text(DEFINITION), Some(&text(options))).ok().unwrap();
            assert!(preview.html.contains("Bo") && !preview.html.contains("Ana"), "{options}");
        }
        let examples = render_request(&text(DEFINITION), None).ok().unwrap();
        assert!(examples.html.contains("Ana"));
    }

    #[test]
    fn broken_documents_are_findings_and_misused_options_are_errors() {
        let broken = render_request(&text("{\"name\":"), None).ok().unwrap();
        assert!(broken.issues[0].message.starts_with("the definition is not valid JSON"));
        let send = render_request(&text(DEFINITION), Some(&text(r#"{"send":"{oops"}"#))).ok().unwrap();
        assert!(send.issues.iter().any(|issue| issue.message.starts_with("the send is not valid JSON")));
        let misuse = render_request(&text(DEFINITION), Some(&text(r#"{"colour":"red"}"#))).err().unwrap();
        assert_eq!(misuse.code, "invalid_argument");
    }

    #[test]
    fn documents_over_the_limit_are_reported_from_their_size() {
        let over = Measured::Over(MAX_DOCUMENT_BYTES + 1);
        assert_eq!(codes(&render_request(&over, None).ok().unwrap()), ["preview.too_large"]);
        let send_over = render_request(&text(DEFINITION), Some(&over)).ok().unwrap();
        assert_eq!(codes(&send_over), ["preview.too_large"]);
    }
}
