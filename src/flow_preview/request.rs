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
