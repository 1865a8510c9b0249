//! Property values: each [`Kind`] of the component table checked generically
//! (type, enum, length, range, version, dynamic values); the rules that
//! relate one component's properties to each other are in `relations`.

use super::components::{Kind, Prop, Required, Spec, ITEM, MIME_TYPES};
use super::expr::{self, Type};
use super::relations::{date_key, relations, uses_timestamps};
use super::version::Version;
use super::{actions, code, refs, Ctx, Owner};
use crate::check::{char_len, first_occurrences, At};
use crate::json::same_text;
use crate::text::quoted;

/// The most properties a component or item has (CalendarPicker: 18).
const MAX_PROPS: usize = 24;

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// Every property of component `at` (whose `type` is `spec`), then its relations.
pub(crate) fn check_props<'s>(ctx: &mut Ctx<'s>, screen: usize, spec: &'static Spec, at: &At<'s>) {
    let owner = Owner { screen, component: spec.name };
    check_fields(ctx, owner, spec.props, at, true);
    relations(ctx, owner, at);
}

/// An object whose members are `props` (plus `type` for a component): closed
/// keys, required members, each value by its kind and version.
pub(crate) fn check_fields<'s>(
    ctx: &mut Ctx<'s>,
    owner: Owner,
    props: &[Prop],
    at: &At<'s>,
    component: bool,
) {
    if at.object(&mut ctx.checker).is_none() {
        return;
    }
    let is_known = |key: &str| {
        (component && same_text(key, "type")) || props.iter().any(|prop| same_text(prop.name, key))
    };
    let names = || props.iter().map(|prop| prop.name).collect::<Vec<_>>().join(", ");
    let what =
        || if component { owner.component.to_owned() } else { format!("an item of {}", owner.component) };
    ctx.checker.closed_keys_by(at, &is_known, &names, &what, code::PROPERTY_UNKNOWN);
    // Each property's value in one pass over the members (the last of a name
    // wins, as in JSON.parse), rather than a lookup per property.
    let mut values: [Option<At<'s>>; MAX_PROPS] = [None; MAX_PROPS];
    for (key, node) in at.node.members().unwrap_or_default() {
        let prop = props.iter().position(|prop| same_text(prop.name, &key.name));
        if let Some(slot) = prop.and_then(|index| values.get_mut(index)) {
            *slot = Some(At { node });
        }
    }
    for (prop, value) in props.iter().zip(values) {
        match value {
            Some(value) => {
                let available = prop.since <= ctx.version
                    || ctx.require_version(prop.since, &value, &format!("{} {}", owner.component, prop.name));
                if available {
                    check_value(ctx, owner, prop, &value);
                }
            }
            None => {
                let required = match prop.required {
                    Required::No => false,
                    Required::Yes => true,
                    Required::Since(version) => ctx.version >= version,
                };
                if required {
                    ctx.checker.missing(at, prop.name, format!("{} needs {}", what(), prop.name));
                }
            }
        }
    }
}

/// The type a dynamic value of this kind must have, where one is checked.
fn dynamic_type(kind: Kind) -> Option<Type> {
    match kind {
        Kind::Bool => Some(Type::Boolean),
        Kind::Int(..) | Kind::Number => Some(Type::Number),
        _ => None,
    }
}

fn check_value<'s>(ctx: &mut Ctx<'s>, owner: Owner, prop: &Prop, at: &At<'s>) {
    if owner.component == "If" && prop.name == "condition" {
        if let Some(text) = at.str(&mut ctx.checker) {
            refs::check_condition(ctx, owner.screen, at, text);
        }
        return;
    }
    if let Some(text) =
        at.node.as_str().filter(|t| expr::is_expression(t) || expr::whole_reference(t).is_some())
    {
        if matches!(prop.kind, Kind::Name | Kind::Cases) {
            ctx.checker.error(code::VALUE_INVALID, at, format!("{} cannot be dynamic", prop.name));
            return;
        }
        let found = refs::check_string(ctx, owner.screen, at, text);
        if let (Some(expected), Some(found)) = (dynamic_type(prop.kind), found) {
            if found != expected && found != Type::Unknown {
                let message = format!(
                    "{} needs a {}; this value is a {}",
                    prop.name,
                    expr_name(expected),
                    expr_name(found)
                );
                ctx.checker.error(code::EXPRESSION_TYPE, at, message);
            }
        }
        return;
    }
    match prop.kind {
        Kind::Text(max) => check_text(ctx, owner, prop.name, at, max, prop.required != Required::No),
        Kind::Str => {
            if let Some(text) = at.str(&mut ctx.checker) {
                check_blank(ctx, at, text);
                refs::check_string(ctx, owner.screen, at, text);
            }
        }
        Kind::Bool => {
            at.bool(&mut ctx.checker);
        }
        Kind::Int(low, high) => {
            if let Some(value) = at.integer(&mut ctx.checker) {
                if value < low || value > high {
                    let message = format!("{} must be between {low} and {high}, got {value}", prop.name);
                    ctx.checker.error(code::VALUE_INVALID, at, message);
                }
            }
        }
        Kind::Number => {
            at.number(&mut ctx.checker);
        }
        Kind::Enum(values) => {
            if let Some(text) = at.str(&mut ctx.checker) {
                if !values.contains(&text) {
                    let message =
                        format!("unknown {} {}; known: {}", prop.name, quoted(text), values.join(", "));
                    ctx.checker.error(code::VALUE_INVALID, at, message);
                }
            }
        }
        Kind::Name => {
            if at.str(&mut ctx.checker).is_some_and(|name| name.trim().is_empty()) {
                ctx.checker.error(code::TEXT_EMPTY, at, "a name cannot be empty");
            }
        }
        Kind::Strings => {
            for item in at.elements(&mut ctx.checker).unwrap_or_default().iter().map(|node| At { node }) {
                let Some(text) = item.str(&mut ctx.checker) else { continue };
                if prop.name == "allowed-mime-types" && !MIME_TYPES.contains(&text) {
                    let message = format!(
                        "unsupported MIME type {}; supported: {}",
                        quoted(text),
                        MIME_TYPES.join(", ")
                    );
                    ctx.checker.error(code::VALUE_INVALID, &item, message);
                }
            }
        }
        Kind::Lines(max) => check_lines(ctx, owner, prop.name, at, max),
        Kind::Image(max_kb) => check_image(ctx, at, max_kb),
        Kind::ItemImage => check_image(ctx, at, if ctx.version >= Version(6, 0) { 100 } else { 300 }),
        Kind::Color => {
            let valid = at.str(&mut ctx.checker).map(|c| c.strip_prefix('#').unwrap_or(c));
            if valid.is_some_and(|hex| hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit())) {
                ctx.checker.error(code::VALUE_INVALID, at, "a colour is written #RRGGBB (six hex digits)");
            }
        }
        Kind::Date => {
            check_date(ctx, owner, at);
        }
        Kind::Dates => {
            for item in at.elements(&mut ctx.checker).unwrap_or_default().iter().map(|node| At { node }) {
                check_date(ctx, owner, &item);
            }
        }
        Kind::Days => {
            for item in at.elements(&mut ctx.checker).unwrap_or_default().iter().map(|node| At { node }) {
                if item.str(&mut ctx.checker).is_some_and(|day| !DAYS.contains(&day)) {
                    let message = format!("days are written {}", DAYS.join(", "));
                    ctx.checker.error(code::VALUE_INVALID, &item, message);
                }
            }
        }
        Kind::Action(allowed) => actions::check_action(ctx, owner, allowed, at),
        Kind::DataSource => check_data_source(ctx, owner, at),
        Kind::Sub(props) => check_fields(ctx, owner, props, at, false),
        Kind::List(props, least, most) => {
            let items = at.array(&mut ctx.checker).unwrap_or_default();
            check_count(ctx, at, prop.name, items.len(), least, most);
            for item in &items {
                check_fields(ctx, owner, props, item, false);
            }
            check_unique_ids(ctx, &items);
        }
        Kind::TextList(most, max) => {
            let items = at.array(&mut ctx.checker).unwrap_or_default();
            check_count(ctx, at, prop.name, items.len(), 0, most);
            for item in &items {
                check_text(ctx, owner, prop.name, item, max, true);
            }
        }
        Kind::Children => {}
        Kind::Cases | Kind::Object => {
            at.object(&mut ctx.checker);
        }
        Kind::TextOrObject(max) => match at.node.members() {
            Some(members) => members
                .iter()
                .for_each(|(_, node)| check_text(ctx, owner, prop.name, &At { node }, max, true)),
            None => check_text(ctx, owner, prop.name, at, max, prop.required != Required::No),
        },
        Kind::BoolOrObject => {
            let values =
                at.node.members().map_or(vec![*at], |m| m.iter().map(|(_, node)| At { node }).collect());
            for value in values {
                value.bool(&mut ctx.checker);
            }
        }
        Kind::DateOrObject => {
            let values =
                at.node.members().map_or(vec![*at], |m| m.iter().map(|(_, node)| At { node }).collect());
            for value in values {
                check_date(ctx, owner, &value);
            }
        }
    }
}

fn expr_name(value: Type) -> &'static str {
    match value {
        Type::String => "string",
        Type::Number => "number",
        Type::Boolean => "boolean",
        Type::Unknown => "value",
    }
}

/// From 6.0 Meta rejects blank strings (`""`, `" "`, `"\n"`) in component properties.
fn check_blank(ctx: &mut Ctx<'_>, at: &At<'_>, text: &str) -> bool {
    let blank = text.trim().is_empty();
    if blank && ctx.version >= Version(6, 0) {
        ctx.checker.error(
            code::TEXT_EMPTY,
            at,
            "from Flow JSON 6.0 a string property cannot be empty or blank",
        );
    }
    blank
}

fn check_text(ctx: &mut Ctx<'_>, owner: Owner, name: &str, at: &At<'_>, max: u32, required: bool) {
    let Some(text) = at.str(&mut ctx.checker) else { return };
    // Before 6.0 Meta accepted empty optional texts (its own 2.1 examples have them).
    if text.is_empty() && required && ctx.version < Version(6, 0) {
        ctx.checker.error(code::TEXT_EMPTY, at, format!("{} {name} cannot be empty", owner.component));
        return;
    }
    check_blank(ctx, at, text);
    refs::check_string(ctx, owner.screen, at, text);
    check_length(ctx, owner, name, at, char_len(text), max);
}

fn check_length(ctx: &mut Ctx<'_>, owner: Owner, name: &str, at: &At<'_>, length: usize, max: u32) {
    let max = max as usize;
    // REFERENCE.md §6: Meta documents 25 for EmbeddedLink text but its own example has 30.
    let (limit, documented) =
        if owner.component == "EmbeddedLink" && name == "text" { (35, 25) } else { (max, max) };
    if max > 0 && length > limit {
        let message = format!("{} {name} has {length} characters; the limit is {limit}", owner.component);
        ctx.checker.error(code::TEXT_TOO_LONG, at, message);
    } else if max > 0 && length > documented {
        let message =
            format!("{} {name} has {length} characters; Meta documents {documented}", owner.component);
        ctx.checker.warning(code::TEXT_LONG, at, message);
    }
}

/// TextBody/TextCaption/RichText `text`: a string, or (5.1+) an array of lines.
fn check_lines(ctx: &mut Ctx<'_>, owner: Owner, name: &str, at: &At<'_>, max: u32) {
    let Some(lines) = at.node.items() else {
        check_text(ctx, owner, name, at, max, true);
        return;
    };
    let available = ctx.version >= Version(5, 1)
        || ctx.require_version(
            Version(5, 1),
            at,
            &format!("{} {name} as an array of lines", owner.component),
        );
    if !available {
        return;
    }
    if lines.is_empty() {
        ctx.checker.error(
            code::TEXT_EMPTY,
            at,
            format!("{} {name} needs at least one line", owner.component),
        );
    }
    let mut total = 0;
    for node in lines {
        let line = At { node };
        if let Some(text) = line.str(&mut ctx.checker) {
            check_blank(ctx, &line, text);
            refs::check_string(ctx, owner.screen, &line, text);
            total += char_len(text);
        }
    }
    check_length(ctx, owner, name, at, total, max);
}

/// A base64 image: the alphabet, and its decoded size against `max_kb` (0: warn above 300 KB).
fn check_image(ctx: &mut Ctx<'_>, at: &At<'_>, max_kb: u32) {
    let Some(text) = at.str(&mut ctx.checker) else { return };
    let base64 = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'\n' | b'\r');
    if text.is_empty() || !text.bytes().all(base64) {
        let message = "an image is base64 data (no data: prefix, no URL)";
        ctx.checker.error(code::VALUE_INVALID, at, message);
        return;
    }
    let padding = text.bytes().rev().take_while(|&b| b == b'=').count();
    let bytes = (text.len() / 4 * 3).saturating_sub(padding);
    let kb = bytes.div_ceil(1024);
    if max_kb == 0 && bytes > 300 * 1024 {
        let message = format!("the image is {kb} KB; Meta recommends at most 300 KB");
        ctx.checker.warning(code::IMAGE_TOO_LARGE, at, message);
    } else if max_kb > 0 && bytes > max_kb as usize * 1024 {
        let message = format!("the image is {kb} KB ({bytes} bytes); the limit here is {max_kb} KB");
        ctx.checker.error(code::IMAGE_TOO_LARGE, at, message);
    }
}

/// A date value as a sortable key: `YYYY-MM-DD` (5.0+, and CalendarPicker), or
/// before 5.0 a DatePicker timestamp in milliseconds.
fn check_date(ctx: &mut Ctx<'_>, owner: Owner, at: &At<'_>) -> Option<String> {
    let text = at.str(&mut ctx.checker)?;
    if expr::whole_reference(text).is_some() {
        refs::check_string(ctx, owner.screen, at, text);
        return None;
    }
    let timestamps = uses_timestamps(ctx, owner);
    let key = date_key(timestamps, text);
    if key.is_none() {
        let message = if timestamps {
            "before Flow JSON 5.0 dates are timestamps in milliseconds".to_owned()
        } else {
            format!("{} is not a date written YYYY-MM-DD", quoted(text))
        };
        ctx.checker.error(code::DATE_INVALID, at, message);
    }
    key
}

fn check_count(ctx: &mut Ctx<'_>, at: &At<'_>, name: &str, count: usize, least: usize, most: usize) {
    if count < least || count > most {
        let message = format!("{name} has {count} items; it needs {least} to {most}");
        ctx.checker.error(code::ITEMS_COUNT, at, message);
    }
}

fn check_unique_ids(ctx: &mut Ctx<'_>, items: &[At<'_>]) {
    let ids: Vec<&str> =
        items.iter().map(|item| item.get("id").and_then(|id| id.node.as_str()).unwrap_or("")).collect();
    let first_of = first_occurrences(ids.len(), &|i| ids.get(i).copied().unwrap_or_default());
    for (item, first) in items.iter().zip(first_of) {
        if let (Some(first), Some(id)) = (first, item.get("id")) {
            if id.node.as_str().is_some_and(|text| !text.is_empty()) {
                ctx.checker.error(code::ITEM_ID_DUPLICATE, &id, format!("the same id as item {first}"));
            }
        }
    }
}

/// `data-source`: option items, counted per component.
fn check_data_source<'s>(ctx: &mut Ctx<'s>, owner: Owner, at: &At<'s>) {
    let Some(items) = at.array(&mut ctx.checker) else { return };
    let with_images = items.iter().any(|item| item.get("image").is_some());
    let (least, most) = match owner.component {
        "Dropdown" if with_images => (1, 100),
        "Dropdown" => (1, 200),
        "ChipsSelector" => (2, 20),
        _ => (1, 20),
    };
    check_count(ctx, at, "data-source", items.len(), least, most);
    for item in &items {
        check_fields(ctx, owner, ITEM, item, false);
    }
    check_unique_ids(ctx, &items);
}
