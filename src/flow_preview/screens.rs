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
    let targets: Vec<String> = match doc.get("routing_model").and_then(Node::members) {
        Some(routes) if !routes.is_empty() => routes
            .iter()
            .flat_map(|(_, to)| {
                to.items().unwrap_or_default().iter().filter_map(Node::as_str).map(str::to_owned)
            })
            .collect(),
        _ => {
            let mut found = Vec::new();
            navigations(doc, &mut found, 0);
            found
        }
    };
    list.iter().position(|s| !targets.iter().any(|t| t == id(s))).or(if list.is_empty() {
        None
    } else {
        Some(0)
    })
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
    let children: Vec<&Node<'_>> = match node.members() {
        Some(members) => members.iter().map(|(_, n)| n).collect(),
        None => node.items().unwrap_or_default().iter().collect(),
    };
    for child in children {
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
    let screens = list.iter().enumerate().map(|(index, screen)| {
        let id = id(screen);
        let next: Vec<String> = match routes.and_then(|r| r.get(id)).and_then(Node::items) {
            Some(to) => to.iter().filter_map(Node::as_str).map(str::to_owned).collect(),
            None => {
                let mut found = Vec::new();
                navigations(screen, &mut found, 0);
                found
            }
        };
        Obj::new()
            .text("id", id)
            .text("title", screen.get("title").and_then(Node::as_str).unwrap_or_default())
            .flag("terminal", screen.get("terminal").and_then(Node::as_bool) == Some(true))
            .flag("entry", Some(index) == entry)
            .put("next", Val::List(next.into_iter().map(Val::Str).collect()))
            .done()
    });
    Val::List(screens.collect())
}
