//! Where a preview's values come from: the send's parameters (and its
//! buttons' and cards'), else the definition's examples.

use crate::json::Node;
use crate::template::variables::Name;

/// The member `key` of `node` read case-insensitively as text (Meta accepts `body` and `BODY`).
pub(super) fn upper(node: &Node, key: &str) -> String {
    node.get(key).and_then(Node::as_str).unwrap_or_default().to_ascii_uppercase()
}

pub(super) fn text_of<'n>(node: &'n Node, key: &str) -> Option<&'n str> {
    node.get(key).and_then(Node::as_str)
}

pub(super) fn items<'n>(node: Option<&'n Node<'n>>) -> &'n [Node<'n>] {
    node.and_then(Node::items).unwrap_or_default()
}

/// Variable values for one text: positional in order, and named.
#[derive(Default)]
pub(super) struct Values {
    pub(super) positional: Vec<String>,
    named: Vec<(String, String)>,
}

impl Values {
    /// From a send component's `parameters` (text, currency and date_time give text).
    pub(super) fn from_parameters(parameters: &[Node]) -> Self {
        let mut values = Self::default();
        for parameter in parameters {
            let kind = upper(parameter, "type");
            let value = match kind.as_str() {
                "TEXT" => text_of(parameter, "text"),
                "CURRENCY" | "DATE_TIME" => {
                    parameter.get(&kind.to_ascii_lowercase()).and_then(|v| text_of(v, "fallback_value"))
                }
                "COUPON_CODE" => text_of(parameter, "coupon_code"),
                _ => None,
            };
            let Some(value) = value else { continue };
            match text_of(parameter, "parameter_name") {
                Some(name) => values.named.push((name.to_owned(), value.to_owned())),
                None => values.positional.push(value.to_owned()),
            }
        }
        values
    }

    /// From a definition's `example` (`body_text` / `header_text` and their `_named_params`).
    pub(super) fn from_example(example: Option<&Node>, key: &str) -> Self {
        let Some(example) = example else { return Self::default() };
        let positional = match example.get(key).and_then(Node::items) {
            // body_text is [[…]], header_text is […].
            Some([first, ..]) if first.items().is_some() => items(Some(first)),
            Some(list) => list,
            None => &[],
        };
        let named = items(example.get(&format!("{key}_named_params")));
        Self {
            positional: positional.iter().filter_map(Node::as_str).map(str::to_owned).collect(),
            named: named
                .iter()
                .filter_map(|p| {
                    Some((text_of(p, "param_name")?.to_owned(), text_of(p, "example")?.to_owned()))
                })
                .collect(),
        }
    }

    pub(super) fn get(&self, name: &Name) -> Option<&str> {
        match name {
            Name::Positional(n) => self.positional.get((*n as usize).checked_sub(1)?).map(String::as_str),
            Name::Named(name) => self.named.iter().find(|(key, _)| key == name).map(|(_, v)| v.as_str()),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.positional.is_empty() && self.named.is_empty()
    }
}

/// The components of a send (the `template` object, or a whole message with one).
pub(super) struct Send<'n> {
    components: &'n [Node<'n>],
}

impl<'n> Send<'n> {
    pub(super) fn new(send: Option<&'n Node<'n>>) -> Self {
        let template = send.map(|s| s.get("template").unwrap_or(s));
        Self { components: items(template.and_then(|t| t.get("components"))) }
    }

    pub(super) fn component(&self, kind: &str) -> Option<&'n Node<'n>> {
        self.components.iter().find(|c| upper(c, "type") == kind)
    }

    pub(super) fn parameters(&self, kind: &str) -> &'n [Node<'n>] {
        items(self.component(kind).and_then(|c| c.get("parameters")))
    }

    pub(super) fn button_parameters(&self, index: usize) -> &'n [Node<'n>] {
        let matches = |c: &&Node| {
            let at = c.get("index");
            let number = at.and_then(Node::as_f64).map(|n| n as usize);
            let text = at.and_then(Node::as_str).and_then(|t| t.parse::<usize>().ok());
            upper(c, "type") == "BUTTON" && number.or(text) == Some(index)
        };
        items(self.components.iter().find(matches).and_then(|c| c.get("parameters")))
    }

    pub(super) fn card(&self, index: usize) -> Send<'n> {
        let cards = items(self.component("CAROUSEL").and_then(|c| c.get("cards")));
        let card = cards.iter().find(|c| c.get("card_index").and_then(Node::as_f64) == Some(index as f64));
        Send { components: items(card.and_then(|c| c.get("components"))) }
    }
}
