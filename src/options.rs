//! Reading a caller's options object strictly: a wrong type or an unknown key
//! is misuse (`invalid_argument`), so a misspelt option is never ignored.

use crate::json::{Key, Node, Value};
use crate::text::quoted;
use crate::Error;

/// The members of an options object, read one named field at a time.
/// [`OptionFields::finish`] rejects any member no reader asked for.
pub struct OptionFields<'a> {
    function: &'static str,
    members: &'a [(Key<'a>, Node<'a>)],
    asked: Vec<&'static str>,
}

impl<'a> OptionFields<'a> {
    /// `options` absent or `null` reads as empty; anything but an object is misuse.
    pub fn new(function: &'static str, options: Option<&'a Node<'a>>) -> Result<Self, Error> {
        let members = match options.map(|node| &node.value) {
            None | Some(Value::Null) => &[][..],
            Some(Value::Object(members)) => members,
            Some(other) => {
                return Err(Error::invalid_argument(format!(
                    "{function}: options must be an object, got {}",
                    other.type_name()
                )))
            }
        };
        Ok(Self { function, members, asked: Vec::new() })
    }

    fn field(&mut self, name: &'static str) -> Option<&'a Node<'a>> {
        self.asked.push(name);
        let members: &'a [(Key<'a>, Node<'a>)] = self.members;
        members.iter().rev().find(|(key, _)| key.name == name).map(|(_, node)| node)
    }

    fn wrong_type(&self, name: &str, expected: &str, node: &Node) -> Error {
        Error::invalid_argument(format!(
            "{}: option {name} must be {expected}, got {}",
            self.function,
            node.value.type_name()
        ))
    }

    /// An optional string option (`null` counts as absent).
    pub fn string(&mut self, name: &'static str) -> Result<Option<&'a str>, Error> {
        match self.field(name) {
            None => Ok(None),
            Some(node) => match &node.value {
                Value::Null => Ok(None),
                Value::String(text) => Ok(Some(text)),
                _ => Err(self.wrong_type(name, "a string", node)),
            },
        }
    }

    /// An optional boolean option (`null` counts as absent).
    pub fn boolean(&mut self, name: &'static str) -> Result<Option<bool>, Error> {
        match self.field(name) {
            None => Ok(None),
            Some(node) => match node.value {
                Value::Null => Ok(None),
                Value::Bool(flag) => Ok(Some(flag)),
                _ => Err(self.wrong_type(name, "true or false", node)),
            },
        }
    }

    /// An optional object option (`null` counts as absent).
    pub fn object(&mut self, name: &'static str) -> Result<Option<&'a Node<'a>>, Error> {
        match self.node(name) {
            Some(node) if node.members().is_none() => Err(self.wrong_type(name, "an object", node)),
            found => Ok(found),
        }
    }

    /// An optional string option that must be one of `allowed` (returned as the
    /// allowed string itself, so callers compare against constants).
    pub fn choice(
        &mut self,
        name: &'static str,
        allowed: &[&'static str],
    ) -> Result<Option<&'static str>, Error> {
        let Some(given) = self.string(name)? else { return Ok(None) };
        match allowed.iter().find(|choice| **choice == given) {
            Some(choice) => Ok(Some(choice)),
            None => {
                // "a", "b" or "c" (the choices are the caller's constants: no escaping needed).
                let mut expected = String::new();
                for (index, choice) in allowed.iter().enumerate() {
                    let last = index + 1 == allowed.len();
                    expected.push_str(if index == 0 {
                        "\""
                    } else if last {
                        "\" or \""
                    } else {
                        "\", \""
                    });
                    expected.push_str(choice);
                }
                expected.push('"');
                Err(Error::invalid_argument(format!(
                    "{}: option {name} must be {expected}, got {}",
                    self.function,
                    quoted(given)
                )))
            }
        }
    }

    /// An optional JSON-valued option (an object or text given as is; `null` counts as absent).
    pub fn node(&mut self, name: &'static str) -> Option<&'a Node<'a>> {
        self.field(name).filter(|node| !matches!(node.value, Value::Null))
    }

    /// Fails on the first member that no reader asked for, naming the known ones.
    pub fn finish(self) -> Result<(), Error> {
        match self.members.iter().find(|(key, _)| !self.asked.contains(&key.name.as_ref())) {
            None => Ok(()),
            Some((key, _)) => Err(Error::invalid_argument(format!(
                "{}: unknown option {}; known options: {}",
                self.function,
                quoted(&key.name),
                if self.asked.is_empty() { "none".to_owned() } else { self.asked.join(", ") }
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::OptionFields;
    use crate::json::parse;

    #[test]
    fn choices_name_what_is_allowed() {
        let doc = parse(r#"{"theme": "dark", "mode": "draft"}"#).unwrap();
        let mut fields = OptionFields::new("f", Some(&doc)).unwrap();
        assert_eq!(fields.choice("theme", &["light", "dark"]).unwrap(), Some("dark"));
        assert_eq!(fields.choice("absent", &["a", "b"]).unwrap(), None);
        let error = fields.choice("mode", &["create", "edit", "copy"]).err().unwrap();
        assert_eq!(error.message, r#"f: option mode must be "create", "edit" or "copy", got "draft""#);
    }

    #[test]
    fn reads_known_fields_and_treats_null_as_absent() {
        let doc = parse(r#"{"a": "x", "b": null}"#).unwrap();
        let mut fields = OptionFields::new("f", Some(&doc)).unwrap();
        assert_eq!(fields.string("a").unwrap(), Some("x"));
        assert_eq!(fields.string("b").unwrap(), None);
        assert_eq!(fields.string("c").unwrap(), None);
        fields.finish().unwrap();
    }

    #[test]
    fn absent_and_null_options_are_empty() {
        OptionFields::new("f", None).unwrap().finish().unwrap();
        let null = parse("null").unwrap();
        OptionFields::new("f", Some(&null)).unwrap().finish().unwrap();
    }

    #[test]
    fn misuse_is_invalid_argument_with_a_helpful_message() {
        let not_object = parse(r#""US""#).unwrap();
        let error = OptionFields::new("f", Some(&not_object)).err().unwrap();
        assert_eq!(
            (error.code, error.message.as_str()),
            ("invalid_argument", "f: options must be an object, got string")
        );

        let doc = parse(r#"{"a": 1}"#).unwrap();
        let error = OptionFields::new("f", Some(&doc)).unwrap().string("a").unwrap_err();
        assert_eq!(error.message, "f: option a must be a string, got number");

        let doc = parse(r#"{"a": "x", "typo": 1}"#).unwrap();
        let mut fields = OptionFields::new("f", Some(&doc)).unwrap();
        fields.string("a").unwrap();
        let error = fields.finish().unwrap_err();
        assert_eq!(error.message, "f: unknown option \"typo\"; known options: a");
    }
}
