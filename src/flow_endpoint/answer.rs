//! Checks a Flow endpoint handler's answer against the Flow JSON: the screen
//! it names exists and it supplies the data that screen declares.

use super::issue;
use crate::json::{Node, Value};
use crate::json_pointer::JsonPointer;
use crate::report::Issue;

/// One screen's id and its declared data (name, declared JSON type).
#[derive(Debug, Default)]
struct Screen {
    id: String,
    data: Vec<(String, String)>,
}

/// What the answers are checked against: the Flow's screens.
#[derive(Debug, Default)]
pub struct Screens(Vec<Screen>);

impl Screens {
    /// Reads `screens[].id` and `screens[].data` of a Flow JSON; whatever is
    /// malformed there is skipped (`validateFlow` is the tool for that).
    pub fn read(flow: &Node<'_>) -> Self {
        let screens = flow.get("screens").and_then(Node::items).unwrap_or_default();
        Self(
            screens
                .iter()
                .filter_map(|screen| {
                    let id = screen.get("id")?.as_str()?.to_owned();
                    let declared = screen.get("data").and_then(Node::members).unwrap_or_default();
                    let data = declared
                        .iter()
                        .map(|(key, node)| {
                            let kind = node.get("type").and_then(Node::as_str).unwrap_or_default();
                            (key.name.to_string(), kind.to_owned())
                        })
                        .collect();
                    Some(Screen { id, data })
                })
                .collect(),
        )
    }

    /// How many screens were read.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the Flow had no readable screens.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The findings about `answer` (empty when it is fine).
    pub fn check(&self, answer: &Node<'_>) -> Vec<Issue> {
        let mut issues = shape(answer);
        if !issues.is_empty() {
            return issues;
        }
        let Some(name) = answer.get("screen").and_then(Node::as_str) else {
            let message = "the answer names no screen (`screen`)";
            issues.push(Issue::error(issue::SCREEN_MISSING, "/screen", message));
            return issues;
        };
        let data = answer.get("data");
        if name == "SUCCESS" {
            let token = data
                .and_then(|data| data.get("extension_message_response"))
                .and_then(|response| response.get("params"))
                .and_then(|params| params.get("flow_token"));
            if token.is_none() {
                let message = "a SUCCESS answer must carry data.extension_message_response.params.flow_token";
                issues.push(Issue::error(
                    issue::FLOW_TOKEN_MISSING,
                    "/data/extension_message_response",
                    message,
                ));
            }
            return issues;
        }
        let Some(screen) = self.0.iter().find(|screen| screen.id == name) else {
            let known: Vec<&str> = self.0.iter().map(|screen| screen.id.as_str()).collect();
            let message = format!("the Flow has no screen \"{name}\" (screens: {})", known.join(", "));
            issues.push(Issue::error(issue::UNKNOWN_SCREEN, "/screen", message));
            return issues;
        };
        let path = JsonPointer::root().key("data");
        for (key, kind) in &screen.data {
            let at = path.key(key);
            match data.and_then(|data| data.get(key)) {
                None => {
                    let message =
                        format!("screen \"{name}\" declares data \"{key}\"; the answer does not give it");
                    issues.push(Issue::error(issue::DATA_MISSING, at.as_str(), message));
                }
                Some(value) if !matches(kind, &value.value) => {
                    let message = format!(
                        "screen \"{name}\" declares \"{key}\" as {kind}; the answer gives {}",
                        value.value.type_name()
                    );
                    issues.push(Issue::error(issue::DATA_TYPE, at.as_str(), message));
                }
                Some(_) => {}
            }
        }
        issues
    }
}

/// The check made without a Flow: the answer must be an object.
pub fn shape(answer: &Node<'_>) -> Vec<Issue> {
    match answer.members() {
        Some(_) => Vec::new(),
        None => vec![Issue::error(issue::NOT_OBJECT, "", "the handler's answer is not an object")],
    }
}

/// Whether `value` has the declared type (an undeclared or unknown type matches anything).
fn matches(kind: &str, value: &Value<'_>) -> bool {
    match kind {
        "string" => matches!(value, Value::String(_)),
        "number" | "integer" => matches!(value, Value::Number(_)),
        "boolean" => matches!(value, Value::Bool(_)),
        "array" => matches!(value, Value::Array(_)),
        "object" => matches!(value, Value::Object(_)),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    const FLOW: &str = r#"{"version":"6.0","screens":[
        {"id":"A","data":{"name":{"type":"string","__example__":"x"},"items":{"type":"array","items":{"type":"object"},"__example__":[]}}},
        {"id":"B","terminal":true}]}"#;

    fn codes(answer: &str) -> Vec<(&'static str, String)> {
        let flow = parse(FLOW).unwrap();
        let screens = Screens::read(&flow);
        assert_eq!(screens.len(), 2);
        screens.check(&parse(answer).unwrap()).into_iter().map(|issue| (issue.code, issue.path)).collect()
    }

    #[test]
    fn accepts_complete_answers() {
        assert!(codes(r#"{"screen":"A","data":{"name":"n","items":[],"extra":1}}"#).is_empty());
        assert!(codes(r#"{"screen":"B"}"#).is_empty());
        let success =
            r#"{"screen":"SUCCESS","data":{"extension_message_response":{"params":{"flow_token":"t"}}}}"#;
        assert!(codes(success).is_empty());
    }

    #[test]
    fn names_what_is_wrong() {
        assert_eq!(codes("[]"), [(issue::NOT_OBJECT, String::new())]);
        assert_eq!(codes(r#"{"data":{}}"#), [(issue::SCREEN_MISSING, "/screen".to_owned())]);
        assert_eq!(codes(r#"{"screen":"C"}"#), [(issue::UNKNOWN_SCREEN, "/screen".to_owned())]);
        assert_eq!(
            codes(r#"{"screen":"A","data":{"name":5}}"#),
            [(issue::DATA_TYPE, "/data/name".to_owned()), (issue::DATA_MISSING, "/data/items".to_owned())]
        );
        assert_eq!(codes(r#"{"screen":"SUCCESS","data":{}}"#)[0].0, issue::FLOW_TOKEN_MISSING);
    }
}
