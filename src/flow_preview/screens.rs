//! The Flow's screens as a preview needs them: which is the entry, where each
//! may go next, each one's example data (`__example__`, M-FJ: "mock data used
//! to display the data within the web preview") and initial form values.

use super::build::Obj;
use super::eval::Env;
use super::value::Val;
use crate::json::Node;

/// A screen's `id` ("" when absent).
pub fn id<'d>(screen: &'d Node<'d>) -> &'d str {
    screen.get("id").and_then(Node::as_str).unwrap_or_default()
}

/// The entry screen: the one no route of the routing model targets, else the
/// one no `navigate` targets, else the first (spec §7).
pub fn entry(doc: &Node<'_>, list: &[Node<'_>]) -> Option<usize> {
    let mut targets: Vec<String> = Vec::new();
    let routes = doc.get("routing_model").and_then(Node::members).unwrap_or_default();
    for (_, to) in routes {
        route_targets(to, &mut targets);
    }
    if routes.is_empty() {
        navigations(doc, &mut targets, 0);
    }
    let first = if list.is_empty() { None } else { Some(0) };
    list.iter().position(|s| !targets.iter().any(|t| t == id(s))).or(first)
}

/// The screen ids of one routing-model entry, into `found`. (Loops, not
/// iterator chains, here and below: each chain is its own copy of the
/// iterator machinery in the .wasm.)
fn route_targets(to: &Node<'_>, found: &mut Vec<String>) {
    for target in to.items().unwrap_or_default() {
        if let Some(target) = target.as_str() {
            found.push(target.to_owned());
        }
    }
}

/// Every `navigate` target under `node`.
fn navigations(node: &Node<'_>, found: &mut Vec<String>, depth: usize) {
    if depth > 64 {
        return;
    }
    if node.get("name").and_then(Node::as_str) == Some("navigate") {
        if let Some(next) = node.get("next").and_then(|n| n.get("name")).and_then(Node::as_str) {
            if !found.iter().any(|f| f == next) {
                found.push(next.to_owned());
            }
        }
    }
    for (_, child) in node.members().unwrap_or_default() {
        navigations(child, found, depth + 1);
    }
    for child in node.items().unwrap_or_default() {
        navigations(child, found, depth + 1);
    }
}

/// `{ key: __example__ }` of the screen's data declarations.
pub fn examples(screen: &Node<'_>) -> Val {
    let mut data = Val::Obj(Vec::new());
    for (key, declaration) in screen.get("data").and_then(Node::members).unwrap_or_default() {
        if let Some(example) = declaration.get("__example__") {
            data.set(&key.name, Val::from_node(example));
        }
    }
    data
}

/// Initial form values: each input's `init-value`, a Form's `init-values`
/// (both may read `${data.…}`), in every branch of If and Switch.
pub fn form_defaults(children: &Node<'_>, env: &mut Env<'_>, out: &mut Val) {
    for node in children.items().unwrap_or_default() {
        if let Some(Val::Obj(values)) = node.get("init-values").map(|v| env.node(v)) {
            for (key, value) in values {
                out.set(&key, value);
            }
        }
        let name = node.get("name").and_then(Node::as_str);
        if let (Some(name), Some(value)) = (name, node.get("init-value")) {
            let value = env.node(value);
            out.set(name, value);
        } else if let Some(name) = name.filter(|name| out.get(name).is_none()) {
            // Spec §2: an input without a value is empty: "", [] or false by its kind.
            let empty = match node.get("type").and_then(Node::as_str).unwrap_or_default() {
                "OptIn" => Some(Val::Bool(false)),
                "CheckboxGroup" | "ChipsSelector" | "PhotoPicker" | "DocumentPicker" => {
                    Some(Val::List(Vec::new()))
                }
                "TextInput" | "TextArea" | "Dropdown" | "RadioButtonsGroup" | "DatePicker" => {
                    Some(Val::Str(String::new()))
                }
                _ => None,
            };
            if let Some(empty) = empty {
                out.set(name, empty);
            }
        }
        for key in ["children", "then", "else"] {
            if let Some(list) = node.get(key) {
                form_defaults(list, env, out);
            }
        }
        for (_, case) in node.get("cases").and_then(Node::members).unwrap_or_default() {
            form_defaults(case, env, out);
        }
    }
}

/// `[{ id, title, terminal, entry, next }]`, to drive a screen picker.
pub fn summary(doc: &Node<'_>, list: &[Node<'_>], entry: Option<usize>) -> Val {
    let routes = doc.get("routing_model");
    let mut screens = Vec::with_capacity(list.len());
    for (index, screen) in list.iter().enumerate() {
        let id = id(screen);
        let mut next = Vec::new();
        match routes.and_then(|r| r.get(id)).filter(|to| to.items().is_some()) {
            Some(to) => route_targets(to, &mut next),
            None => navigations(screen, &mut next, 0),
        }
        let mut ids = Vec::with_capacity(next.len());
        for target in next {
            ids.push(Val::Str(target));
        }
        let item = Obj::new()
            .text("id", id)
            .text("title", screen.get("title").and_then(Node::as_str).unwrap_or_default())
            .flag("terminal", screen.get("terminal").and_then(Node::as_bool) == Some(true))
            .flag("entry", Some(index) == entry)
            .put("next", Val::List(ids));
        screens.push(item.done());
    }
    Val::List(screens)
}
