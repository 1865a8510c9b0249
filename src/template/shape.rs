//! What a template definition expects at send time: which components take
//! parameters, how many, of which kind. Read leniently, so definitions from
//! `GET /message_templates` (with ids, statuses and OTP buttons stored as
//! URL buttons) work as well as create payloads.

use super::variables::{self, Name};
use crate::json::Node;

/// A header: its format (uppercase) and, for TEXT, its variables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub format: String,
    pub variables: Vec<Name>,
}

impl Header {
    /// How many parameters a send gives this header.
    pub fn parameter_count(&self) -> usize {
        if self.format == "TEXT" {
            self.variables.len()
        } else {
            1
        }
    }
}

/// A button: its type (uppercase) and whether a send must give it a parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Button {
    pub kind: String,
    /// URL with a variable, COPY_CODE, OTP, CATALOG, MPM: a parameter is required.
    pub requires_parameter: bool,
    /// QUICK_REPLY, FLOW, VOICE_CALL…: a parameter may be given.
    pub accepts_parameter: bool,
}

/// One set of header, body and buttons (the template itself, or a carousel card).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parts {
    pub header: Option<Header>,
    pub body: Vec<Name>,
    pub buttons: Vec<Button>,
}

/// Everything a send is checked against.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shape {
    pub name: Option<String>,
    pub language: Option<String>,
    pub authentication: bool,
    pub parts: Parts,
    pub cards: Option<Vec<Parts>>,
    /// `Some(has_expiration)` for limited-time-offer templates.
    pub limited_time_offer: Option<bool>,
    /// The body is the template's only content (longer body parameters are then allowed).
    pub body_only: bool,
}

fn upper(node: Option<&Node>) -> String {
    node.and_then(Node::as_str).map(str::to_ascii_uppercase).unwrap_or_default()
}

fn text_variables(node: &Node) -> Vec<Name> {
    let text = node.get("text").and_then(Node::as_str).unwrap_or_default();
    variables::distinct(&variables::scan(text).variables).into_iter().cloned().collect()
}

fn button(node: &Node) -> Button {
    let kind = upper(node.get("type"));
    let url_variable = || node.get("url").and_then(Node::as_str).is_some_and(|url| url.contains("{{"));
    let requires_parameter = match kind.as_str() {
        "URL" => url_variable(),
        "COPY_CODE" | "OTP" | "CATALOG" | "MPM" => true,
        _ => false,
    };
    let accepts_parameter =
        requires_parameter || matches!(kind.as_str(), "QUICK_REPLY" | "FLOW" | "VOICE_CALL" | "SPM");
    Button { kind, requires_parameter, accepts_parameter }
}

fn parts(components: &[Node], authentication: bool) -> Parts {
    let mut parts = Parts::default();
    for component in components {
        match upper(component.get("type")).as_str() {
            "HEADER" => {
                let format = upper(component.get("format"));
                let format = if format.is_empty() { "TEXT".to_owned() } else { format };
                let variables = if format == "TEXT" { text_variables(component) } else { Vec::new() };
                parts.header = Some(Header { format, variables });
            }
            "BODY" if authentication && component.get("text").is_none() => {
                // The preset "{{1}} is your verification code."
                parts.body = vec![Name::Positional(1)];
            }
            "BODY" => parts.body = text_variables(component),
            "BUTTONS" => {
                parts.buttons = component
                    .get("buttons")
                    .and_then(Node::items)
                    .unwrap_or_default()
                    .iter()
                    .map(button)
                    .collect();
            }
            _ => {}
        }
    }
    parts
}

/// Reads the send-time expectations from a definition.
pub fn of(definition: &Node) -> Shape {
    let authentication = upper(definition.get("category")) == "AUTHENTICATION";
    let components = definition.get("components").and_then(Node::items).unwrap_or_default();
    let find = |kind: &str| components.iter().find(|c| upper(c.get("type")) == kind);
    let cards = find("CAROUSEL").map(|carousel| {
        let cards = carousel.get("cards").and_then(Node::items).unwrap_or_default();
        cards
            .iter()
            .map(|card| parts(card.get("components").and_then(Node::items).unwrap_or_default(), false))
            .collect()
    });
    let limited_time_offer = find("LIMITED_TIME_OFFER").map(|lto| {
        lto.get("limited_time_offer")
            .and_then(|o| o.get("has_expiration"))
            .and_then(Node::as_bool)
            .unwrap_or(false)
    });
    let parts = parts(components, authentication);
    let body_only =
        parts.header.is_none() && parts.buttons.is_empty() && find("FOOTER").is_none() && cards.is_none();
    Shape {
        name: definition.get("name").and_then(Node::as_str).map(str::to_owned),
        language: definition.get("language").and_then(Node::as_str).map(str::to_owned),
        authentication,
        parts,
        cards,
        limited_time_offer,
        body_only,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    #[test]
    fn reads_a_create_payload() {
        let doc = parse(
            r#"{"name": "t", "language": "en_US", "category": "MARKETING", "components": [
                {"type": "header", "format": "text", "text": "Hi {{1}}"},
                {"type": "BODY", "text": "A {{1}} b {{2}} c {{1}}"},
                {"type": "BUTTONS", "buttons": [
                    {"type": "PHONE_NUMBER", "text": "Call", "phone_number": "+1555"},
                    {"type": "URL", "text": "Go", "url": "https://x.example/{{1}}"},
                    {"type": "QUICK_REPLY", "text": "No"}]}]}"#,
        )
        .unwrap();
        let shape = of(&doc);
        assert_eq!(shape.name.as_deref(), Some("t"));
        assert_eq!(shape.parts.header.as_ref().map(Header::parameter_count), Some(1));
        assert_eq!(shape.parts.body, [Name::Positional(1), Name::Positional(2)]);
        let required: Vec<bool> = shape.parts.buttons.iter().map(|b| b.requires_parameter).collect();
        assert_eq!(required, [false, true, false]);
        assert!(shape.parts.buttons[2].accepts_parameter);
        assert!(!shape.body_only);
    }

    #[test]
    fn authentication_bodies_take_the_code() {
        let doc = parse(
            r#"{"category": "authentication", "components": [{"type": "body"},
            {"type": "buttons", "buttons": [{"type": "otp", "otp_type": "copy_code"}]}]}"#,
        )
        .unwrap();
        let shape = of(&doc);
        assert!(shape.authentication);
        assert_eq!(shape.parts.body, [Name::Positional(1)]);
        assert!(shape.parts.buttons[0].requires_parameter);
    }
}
