//! Webhooks: a total parser for Meta's POST bodies and the signature checks.
//!
//! [`parse_webhook`] never fails on JSON: every message, status and update
//! becomes an event that keeps its input (`raw`) and its JSON Pointer
//! (`path`); whatever it does not recognise becomes an `unknown` event, so
//! nothing in the body is dropped. The result is JSON text (raw slices of the
//! input copied verbatim) that the JavaScript side turns into objects.

mod contact;
mod message;
pub mod out;
pub mod signature;
mod tables;
#[cfg(test)]
mod tests;

use crate::json::{self, Node};
use crate::json_pointer::JsonPointer;
use crate::report::Issue;
use out::Out;
use tables::{update_kind, ERROR, METADATA, STATUS};

/// Stable issue codes of `parseWebhook` results.
pub mod code {
    /// The body is JSON but not an object.
    pub const NOT_OBJECT: &str = "webhook.not_object";
    /// A part of the body does not have the shape Meta documents; it is kept in an `unknown` event.
    pub const UNEXPECTED_SHAPE: &str = "webhook.unexpected_shape";
    /// A Flow completion's `response_json` is not JSON text; it stays in `raw`.
    pub const RESPONSE_JSON_INVALID: &str = "webhook.response_json_invalid";
}

/// Where an event came from: the entry and change around it.
#[derive(Clone, Copy, Default)]
struct Context<'n, 'a> {
    field: Option<&'n Node<'a>>,
    waba_id: Option<&'n Node<'a>>,
    time: Option<&'n Node<'a>>,
    metadata: Option<&'n Node<'a>>,
}

/// Parses a webhook body into `{ object?, events, issues }` as JSON text.
pub fn parse_webhook(text: &str) -> String {
    let mut out = Out::new(text);
    let mut issues = Vec::new();
    out.open();
    match json::parse(text) {
        Ok(root) => {
            if let Some(object) = root.get("object").filter(|node| node.as_str().is_some()) {
                out.raw("object", object);
            }
            out.key("events");
            out.open_array();
            Walker { out: &mut out, issues: &mut issues }.root(&root);
            out.close_array();
        }
        Err(issue) => {
            out.key("events");
            out.open_array();
            out.close_array();
            issues.push(issue);
        }
    }
    out.key("issues");
    out.open_array();
    for issue in &issues {
        write_issue(&mut out, issue);
    }
    out.close_array();
    out.close();
    out.finish()
}

/// Writes `issue` as an array element: the fields `Issue` serialises to.
pub(crate) fn write_issue(out: &mut Out<'_>, issue: &Issue) {
    out.item();
    out.open();
    out.str("code", issue.code);
    out.str("message", &issue.message);
    out.str("path", &issue.path);
    out.str("severity", if issue.severity == crate::Severity::Error { "error" } else { "warning" });
    for (name, value) in [("line", issue.line), ("column", issue.column), ("metaCode", issue.meta_code)] {
        if let Some(value) = value {
            out.key(name);
            out.number(value);
        }
    }
    out.close();
}

struct Walker<'w, 's> {
    out: &'w mut Out<'s>,
    issues: &'w mut Vec<Issue>,
}

impl Walker<'_, '_> {
    fn root(&mut self, root: &Node<'_>) {
        let path = JsonPointer::root();
        if root.members().is_none() {
            self.issues.push(Issue::error(code::NOT_OBJECT, "", "the webhook body is not a JSON object"));
            return self.unknown(&Context::default(), &path, root);
        }
        self.leftovers(&Context::default(), &path, root, &[("object", Type::Str), ("entry", Type::Any)]);
        let Some(entries) = root.get("entry") else { return };
        let entry_path = path.key("entry");
        let Some(items) = self.array(entries, &entry_path, &Context::default()) else { return };
        for (index, entry) in items.iter().enumerate() {
            self.entry(entry, &entry_path.index(index));
        }
    }

    fn entry(&mut self, entry: &Node<'_>, path: &JsonPointer) {
        let context = Context {
            waba_id: entry.get("id").filter(|node| node.as_str().is_some()),
            time: entry.get("time").filter(|node| node.as_f64().is_some()),
            ..Context::default()
        };
        if entry.members().is_none() {
            return self.shape(&context, path, entry, "an entry is not an object");
        }
        self.leftovers(
            &context,
            path,
            entry,
            &[("id", Type::Str), ("time", Type::Num), ("changes", Type::Any)],
        );
        let Some(changes) = entry.get("changes") else { return };
        let changes_path = path.key("changes");
        let Some(items) = self.array(changes, &changes_path, &context) else { return };
        for (index, change) in items.iter().enumerate() {
            self.change(&context, change, &changes_path.index(index));
        }
    }

    fn change(&mut self, context: &Context<'_, '_>, change: &Node<'_>, path: &JsonPointer) {
        let field = change.get("field").filter(|node| node.as_str().is_some());
        let context = Context { field, ..*context };
        let (Some(field_name), Some(value)) = (field.and_then(Node::as_str), change.get("value")) else {
            return self.shape(&context, path, change, "a change lacks its field or value");
        };
        self.leftovers(&context, path, change, &[("field", Type::Str), ("value", Type::Any)]);
        let value_path = path.key("value");
        if value.members().is_none() {
            return self.shape(&context, &value_path, value, "a change's value is not an object");
        }
        if field_name == "messages" {
            return self.messages(&context, value, &value_path);
        }
        let Some((kind, table)) = update_kind(field_name) else {
            return self.unknown(&context, &value_path, value);
        };
        self.start(kind, &context, &value_path);
        self.out.fields(value, table);
        self.end(value);
    }

    fn messages(&mut self, context: &Context<'_, '_>, value: &Node<'_>, path: &JsonPointer) {
        let metadata = value.get("metadata").filter(|node| node.members().is_some());
        let context = Context { metadata, ..*context };
        let contacts = value.get("contacts").and_then(Node::items).unwrap_or_default();
        let known = [
            ("messaging_product", Type::Str),
            ("metadata", Type::Obj),
            ("contacts", Type::Arr),
            ("messages", Type::Any),
            ("statuses", Type::Any),
            ("errors", Type::Any),
        ];
        self.leftovers(&context, path, value, &known);
        if let Some(metadata) = metadata {
            let known = [("phone_number_id", Type::Str), ("display_phone_number", Type::Str)];
            self.leftovers(&context, &path.key("metadata"), metadata, &known);
        }
        let mut used = vec![false; contacts.len()];
        for (list, kind) in [("messages", "message"), ("statuses", "status"), ("errors", "error")] {
            let Some(node) = value.get(list) else { continue };
            let list_path = path.key(list);
            let Some(items) = self.array(node, &list_path, &context) else { continue };
            for (index, item) in items.iter().enumerate() {
                let item_path = list_path.index(index);
                if item.members().is_none() {
                    self.shape(&context, &item_path, item, "a list item is not an object");
                    continue;
                }
                self.start(kind, &context, &item_path);
                match kind {
                    "message" => {
                        let flow_issue = message::write(self.out, item, contacts, &mut used);
                        if let Some(message) = flow_issue {
                            let at = item_path.key("interactive").key("nfm_reply").key("response_json");
                            self.issues.push(Issue::warning(code::RESPONSE_JSON_INVALID, at, message));
                        }
                    }
                    "status" => {
                        self.out.fields(item, STATUS);
                        status_failed(self.out, item);
                        contact::attach(self.out, contacts, &mut used, &contact::recipient(item), false);
                    }
                    _ => self.out.fields(item, ERROR),
                }
                self.end(item);
            }
        }
        // Profiles no message or status names (there should be none) are kept too.
        for (index, (contact, used)) in contacts.iter().zip(used).enumerate() {
            if !used {
                self.unknown(&context, &path.key("contacts").index(index), contact);
            }
        }
    }

    /// The items of `node`, or an `unknown` event and an issue when it is not an array.
    fn array<'n, 'a>(
        &mut self,
        node: &'n Node<'a>,
        path: &JsonPointer,
        context: &Context<'_, '_>,
    ) -> Option<&'n [Node<'a>]> {
        let items = node.items();
        if items.is_none() {
            self.shape(context, path, node, "expected an array");
        }
        items
    }

    /// Members of `object` not in `known` (or not of the known type), each
    /// kept as an `unknown` event.
    fn leftovers(
        &mut self,
        context: &Context<'_, '_>,
        path: &JsonPointer,
        object: &Node<'_>,
        known: &[(&str, Type)],
    ) {
        for (key, node) in object.members().unwrap_or_default() {
            let expected = known.iter().find(|(name, _)| *name == key.name.as_ref());
            if !expected.is_some_and(|(_, kind)| kind.admits(node)) {
                self.unknown(context, &path.key(&key.name), node);
            }
        }
    }

    fn shape(&mut self, context: &Context<'_, '_>, path: &JsonPointer, node: &Node<'_>, message: &str) {
        let message = format!("{message} (kept in an \"unknown\" event)");
        self.issues.push(Issue::warning(code::UNEXPECTED_SHAPE, path.as_str(), message));
        self.unknown(context, path, node);
    }

    fn unknown(&mut self, context: &Context<'_, '_>, path: &JsonPointer, node: &Node<'_>) {
        self.start("unknown", context, path);
        self.end(node);
    }

    fn start(&mut self, kind: &str, context: &Context<'_, '_>, path: &JsonPointer) {
        self.out.item();
        self.out.open();
        self.out.str("type", kind);
        self.out.str("path", path.as_str());
        for (name, node) in [("field", context.field), ("wabaId", context.waba_id), ("time", context.time)] {
            if let Some(node) = node {
                self.out.raw(name, node);
            }
        }
        if let Some(metadata) = context.metadata {
            self.out.fields(metadata, METADATA);
        }
    }

    fn end(&mut self, raw: &Node<'_>) {
        self.out.raw("raw", raw);
        self.out.close();
    }
}

/// The JSON type an envelope member must have to be taken as known.
#[derive(Clone, Copy)]
enum Type {
    Str,
    Num,
    Obj,
    Arr,
    Any,
}

impl Type {
    fn admits(self, node: &Node<'_>) -> bool {
        match self {
            Type::Str => node.as_str().is_some(),
            Type::Num => node.as_f64().is_some(),
            Type::Obj => node.members().is_some(),
            Type::Arr => node.items().is_some(),
            Type::Any => true,
        }
    }
}

/// `failed`: whether the status reports a failed send. Only `failed` is one:
/// `held_for_quality_assessment` (template pacing) means Meta holds the
/// message until early feedback, then sends or drops it, and a drop arrives
/// as its own `failed` status with error 132015 (Meta's "Template pacing"
/// page, 2026-05-21), so it is not a failure yet.
fn status_failed(out: &mut Out<'_>, status: &Node<'_>) {
    out.key("failed");
    out.push_json(if status.get("status").and_then(Node::as_str) == Some("failed") {
        "true"
    } else {
        "false"
    });
}
