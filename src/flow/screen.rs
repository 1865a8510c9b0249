//! Screens: ids, flags, `data` declarations, `sensitive`, and the layout.

use super::{code, layout, refs, Ctx};
use crate::check::{first_occurrences, At};
use crate::text::quoted;

const SCREEN_KEYS: [&str; 8] =
    ["id", "terminal", "success", "title", "refresh_on_back", "data", "sensitive", "layout"];
const DATA_TYPES: [&str; 6] = ["string", "number", "integer", "boolean", "object", "array"];

/// Screen ids: present, letters and underscores only, not `SUCCESS`, unique.
pub(crate) fn check_ids(ctx: &mut Ctx<'_>) {
    let first_of = first_occurrences(ctx.screens.len(), &|i| ctx.screens.get(i).map_or("", |s| s.id));
    for (position, first) in first_of.into_iter().enumerate() {
        let Some(screen) = ctx.screens.get(position) else { continue };
        let (at, id) = (screen.at, screen.id);
        let Some(id_at) = at.get("id") else {
            if at.node.members().is_some() {
                ctx.checker.missing(&at, "id", "a screen needs an id");
            }
            continue;
        };
        if id_at.str(&mut ctx.checker).is_none() {
            continue;
        }
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_') {
            let message = "Property 'id' should only consist of alphabets and underscores";
            ctx.checker.error(code::SCREEN_ID_INVALID, &id_at, format!("{message}: {}", quoted(id)));
        } else if id == "SUCCESS" {
            ctx.checker.error(
                code::SCREEN_ID_RESERVED,
                &id_at,
                "SUCCESS is reserved by Meta; choose another id",
            );
        } else if let Some(first) = first {
            let message = format!("screen id {} is also used by screen {first}", quoted(id));
            ctx.checker.error(code::SCREEN_ID_DUPLICATE, &id_at, message);
        }
    }
}

/// Everything about screen number `position` except its id.
pub(crate) fn check_screen<'s>(ctx: &mut Ctx<'s>, position: usize, at: &At<'s>) {
    if at.object(&mut ctx.checker).is_none() {
        return;
    }
    ctx.checker.closed_keys(at, &SCREEN_KEYS, "a screen", code::PROPERTY_UNKNOWN);
    for flag in ["terminal", "success", "refresh_on_back"] {
        if let Some(value) = at.get(flag) {
            value.bool(&mut ctx.checker);
        }
    }
    if let Some(title) = at.get("title") {
        if let Some(text) = title.str(&mut ctx.checker) {
            refs::check_string(ctx, position, &title, text);
        }
    }
    if let Some(data) = at.get("data") {
        check_data(ctx, &data);
    }
    if let Some(sensitive) = at.get("sensitive") {
        check_sensitive(ctx, position, &sensitive);
    }
    let terminal = ctx.screens.get(position).is_some_and(|screen| screen.terminal);
    let Some(layout) = at.required(&mut ctx.checker, "layout", "a screen") else { return };
    if layout.object(&mut ctx.checker).is_none() {
        return;
    }
    ctx.checker.closed_keys(&layout, &["type", "children"], "a layout", code::PROPERTY_UNKNOWN);
    match layout.required(&mut ctx.checker, "type", "a layout") {
        Some(kind) if kind.node.as_str() != Some("SingleColumnLayout") => {
            let message = "the only layout is \"SingleColumnLayout\"";
            ctx.checker.error(code::LAYOUT_INVALID, &kind, message);
        }
        _ => {}
    }
    let Some(children) = layout.required(&mut ctx.checker, "children", "a layout") else { return };
    let summary = layout::check_layout(ctx, position, &children);
    if terminal && summary.footers == 0 {
        let message = "a terminal screen must have a Footer (its button ends the Flow)";
        ctx.checker.error(code::TERMINAL_FOOTER, &layout, message);
    }
}

/// `data`: each member declares a field with a type and an `__example__`.
fn check_data(ctx: &mut Ctx<'_>, data: &At<'_>) {
    if data.object(&mut ctx.checker).is_none() {
        return;
    }
    for (key, node) in data.node.members().unwrap_or_default() {
        check_declaration(ctx, &At { node }, &key.name, true);
    }
}

fn check_declaration(ctx: &mut Ctx<'_>, at: &At<'_>, field: &str, top: bool) {
    if at.object(&mut ctx.checker).is_none() {
        return;
    }
    let known = ["type", "__example__", "items", "properties", "description", "format", "enum", "required"];
    ctx.checker.unknown_keys(at, &known, "a data declaration");
    let Some(kind_at) = at.get("type") else {
        let message = format!("data field {} needs a type ({})", quoted(field), DATA_TYPES.join(", "));
        ctx.checker.missing_as(code::DATA_DECLARATION, at, "type", message);
        return;
    };
    let Some(kind) = kind_at.str(&mut ctx.checker) else { return };
    if !DATA_TYPES.contains(&kind) {
        let message = format!(
            "unknown data type {}; known: {} (null is not supported)",
            quoted(kind),
            DATA_TYPES.join(", ")
        );
        ctx.checker.error(code::DATA_DECLARATION, &kind_at, message);
        return;
    }
    match kind {
        "array" => match at.get("items") {
            Some(items) => check_declaration(ctx, &items, field, false),
            None => ctx.checker.missing_as(
                code::DATA_DECLARATION,
                at,
                "items",
                "an array declaration needs items",
            ),
        },
        "object" => {
            // Meta's own media-upload example declares `{"type": "object"}` without properties.
            let properties = at.get("properties").filter(|p| p.object(&mut ctx.checker).is_some());
            for (key, node) in properties.and_then(|p| p.node.members()).unwrap_or_default() {
                check_declaration(ctx, &At { node }, &key.name, false);
            }
        }
        _ => {}
    }
    if !top {
        return;
    }
    match at.get("__example__") {
        None => {
            let message = format!("data field {} needs an __example__", quoted(field));
            ctx.checker.missing_as(code::DATA_DECLARATION, at, "__example__", message);
        }
        Some(example) => {
            if let Some(problem) = example_mismatch(at, &example) {
                let message =
                    format!("the __example__ of {} does not match its declared type", quoted(field));
                ctx.checker.error(code::DATA_DECLARATION, &problem, message);
            }
        }
    }
}

/// The first part of `example` that does not match `declaration`, if any.
fn example_mismatch<'n>(declaration: &At<'_>, example: &At<'n>) -> Option<At<'n>> {
    let kind = declaration.get("type").and_then(|t| t.node.as_str())?;
    let node = example.node;
    let fits = match kind {
        "string" => node.as_str().is_some(),
        "number" => node.as_f64().is_some(),
        "integer" => node.as_f64().is_some_and(|n| n.fract() == 0.0),
        "boolean" => node.as_bool().is_some(),
        "array" => {
            let Some(items) = node.items() else { return Some(*example) };
            let item_declaration = declaration.get("items")?;
            return items.iter().find_map(|item| example_mismatch(&item_declaration, &At { node: item }));
        }
        "object" => {
            let members = node.members()?;
            let properties = declaration.get("properties")?;
            return members.iter().find_map(|(key, value)| {
                let property = properties.get(&key.name)?;
                example_mismatch(&property, &At { node: value })
            });
        }
        _ => true,
    };
    (!fits).then_some(*example)
}

/// `sensitive` (5.1+): names of this screen's inputs to mask in the summary.
fn check_sensitive(ctx: &mut Ctx<'_>, position: usize, at: &At<'_>) {
    if !ctx.require_version(super::version::Version(5, 1), at, "sensitive") {
        return;
    }
    for item in at.elements(&mut ctx.checker).unwrap_or_default().iter().map(|node| At { node }) {
        let Some(name) = item.str(&mut ctx.checker) else { continue };
        let known =
            ctx.screens.get(position).is_some_and(|s| s.input(name).is_some() || s.data_type(name).is_some());
        if !known {
            let message = format!(
                "sensitive names {}, which is not an input or data field of this screen",
                quoted(name)
            );
            ctx.checker.error(code::REFERENCE_UNKNOWN, &item, message);
        }
    }
}
