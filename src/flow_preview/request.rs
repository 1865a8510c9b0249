//! `renderFlowPreview`'s arguments as the binding measured them (the same
//! [`Measured`] as template previews), read into a preview: misused options
//! are an `Error`; a Flow that is not JSON, or is over Meta's 10 MB, is a finding.

use super::{render, FlowPreview, FlowPreviewOptions};
use crate::json::{self, Node, Span, Value};
use crate::options::OptionFields;
use crate::preview::Measured;
use crate::report::Issue;
use crate::Error;

const NAME: &str = "renderFlowPreview";

/// The preview of `flow` with `options` (absent: the defaults).
pub fn render_request(flow: &Measured<'_>, options: Option<&Measured<'_>>) -> Result<FlowPreview, Error> {
    let options_node = match options {
        Some(Measured::Text { text, .. }) => match json::parse(text) {
            Ok(node) => Some(node),
            Err(_) => return Err(Error::invalid_argument(format!("{NAME}: options must be JSON data"))),
        },
        Some(Measured::Over(size)) => {
            let message = format!("{NAME}: options are {size} bytes of JSON, over the limit");
            return Err(Error::invalid_argument(message));
        }
        None => None,
    };
    let mut fields = OptionFields::new(NAME, options_node.as_ref())?;
    let options = FlowPreviewOptions::read(&mut fields)?;
    fields.finish()?;
    let nothing = Node { value: Value::Null, span: Span::default() };
    let (text, from_caller) = match flow {
        Measured::Text { text, from_caller } => (*text, *from_caller),
        Measured::Over(size) => {
            let mut result = render(&nothing, None, &options);
            let message = format!(
                "the Flow JSON is {size} bytes, over Meta's limit of {} bytes: nothing is rendered",
                crate::flow::MAX_BYTES
            );
            result.issues = vec![Issue::error(crate::preview::code::TOO_LARGE, "", message)];
            return Ok(result);
        }
    };
    Ok(match json::parse(text) {
        Ok(node) => render(&node, from_caller.then_some(text), &options),
        Err(issue) => {
            let mut result = render(&nothing, None, &options);
            let message = format!("the Flow JSON is not valid JSON: {}", issue.message);
            result.issues = vec![Issue { message, ..issue }];
            result
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::MAX_BYTES;

    const FLOW: &str = r#"{"version":"7.3","screens":[{"id":"A","terminal":true,"layout":{"type":"SingleColumnLayout","children":[{"type":"Footer","label":"Done","on-click-action":{"name":"complete","payload":{}}}]}}]}"#;

    fn text(text: &str) -> Measured<'_> {
        Measured::Text { text, from_caller: true }
    }

    fn codes(preview: &FlowPreview) -> Vec<&str> {
        preview.issues.iter().map(|issue| issue.code).collect()
    }

    #[test]
    fn options_are_read_strictly() {
        let ok = render_request(
            &text(FLOW),
            Some(&text(r#"{"theme":"dark","direction":"rtl","locale":"ar","screen":"A"}"#)),
        );
        assert!(ok.ok().unwrap().html.starts_with(r#"<div class="wf-phone wf-dark" dir="rtl" lang="ar""#));
        for bad in [
            r#"{"theme":"blue"}"#,
            r#"{"direction":"up"}"#,
            r#"{"data":[1]}"#,
            r#"{"form":"x"}"#,
            r#"{"context":true}"#,
            r#"{"screen":3}"#,
            r#"{"colour":"red"}"#,
            r#"{"now":"07/12/2026"}"#,
            r#"{"now":"2026-02-30"}"#,
            "[]",
            "{",
        ] {
            let error = render_request(&text(FLOW), Some(&text(bad))).err().unwrap();
            assert_eq!(error.code, "invalid_argument", "{bad}");
        }
        let over = render_request(&text(FLOW), Some(&Measured::Over(MAX_BYTES + 1))).err().unwrap();
        assert_eq!(over.code, "invalid_argument");
    }

    #[test]
    fn broken_and_oversized_flows_are_findings() {
        let broken = render_request(&text("{\"version\":"), None).ok().unwrap();
        assert_eq!(codes(&broken), ["json.syntax"]);
        assert!(broken.issues[0].message.starts_with("the Flow JSON is not valid JSON"));
        assert!(broken.html.contains("wf-phone"), "an empty phone frame");
        let over = render_request(&Measured::Over(MAX_BYTES + 1), None).ok().unwrap();
        assert_eq!(codes(&over), ["preview.too_large"]);
        // Text the binding stringified from an object carries no line and column.
        let object = render_request(&Measured::Text { text: "{}", from_caller: false }, None).ok().unwrap();
        assert!(object.issues.iter().all(|issue| issue.line.is_none()));
        let given = render_request(&text("{}"), None).ok().unwrap();
        assert!(given.issues.iter().any(|issue| issue.line.is_some()));
    }
}
