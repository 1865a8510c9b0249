//! Actions (`on-click-action`, `on-select-action`, …): which may be used
//! where, their targets and their payloads (REFERENCE.md §3.5).

use super::version::Version;
use super::{code, refs, Ctx, Owner};
use crate::check::At;
use crate::json::Value;
use crate::text::quoted;

const ACTIONS: [&str; 5] = ["navigate", "complete", "data_exchange", "update_data", "open_url"];

/// An action object on a component that allows the actions in `allowed`.
pub(crate) fn check_action<'s>(ctx: &mut Ctx<'s>, owner: Owner, allowed: &[&str], at: &At<'s>) {
    if at.object(&mut ctx.checker).is_none() {
        return;
    }
    ctx.checker.closed_keys(at, &["name", "next", "payload", "url"], "an action", code::PROPERTY_UNKNOWN);
    let Some(name_at) = at.required(&mut ctx.checker, "name", "an action") else { return };
    let Some(name) = name_at.str(&mut ctx.checker) else { return };
    if !ACTIONS.contains(&name) {
        let message = format!("unknown action {}; known: {}", quoted(name), ACTIONS.join(", "));
        ctx.checker.error(code::VALUE_INVALID, &name_at, message);
        return;
    }
    if !allowed.contains(&name) {
        let message = format!("{} cannot use {name} here; allowed: {}", owner.component, allowed.join(", "));
        ctx.checker.error(code::ACTION_NOT_ALLOWED, &name_at, message);
    }
    if matches!(name, "update_data" | "open_url") && !ctx.require_version(Version(6, 0), &name_at, name) {
        return;
    }
    let screen = owner.screen;
    let terminal = ctx.screens.get(screen).is_some_and(|s| s.terminal);
    match name {
        "navigate" => navigate(ctx, owner, at, terminal),
        "complete" if !terminal => {
            let message = "complete ends the Flow: it is only allowed on a terminal screen";
            ctx.checker.error(code::ACTION_NOT_ALLOWED, &name_at, message);
        }
        "data_exchange" => {
            ctx.exchanges.push(screen);
            if !ctx.endpoint {
                let message = "data_exchange needs a data endpoint: set data_api_version (and routing_model)";
                ctx.checker.error(code::ACTION_NOT_ALLOWED, &name_at, message);
            }
        }
        "update_data" => update_data(ctx, owner, at),
        "open_url" => open_url(ctx, at),
        _ => {}
    }
    for key in ["next", "url"] {
        let belongs = (key == "next" && name == "navigate") || (key == "url" && name == "open_url");
        if let (false, Some(extra)) = (belongs, at.get(key)) {
            ctx.checker.error(code::PAYLOAD_INVALID, &extra, format!("{name} takes no {key}"));
        }
    }
    if let Some(payload) = at.get("payload") {
        if name != "open_url" && payload.object(&mut ctx.checker).is_some() {
            check_payload(ctx, owner, name, &payload, 0);
        }
    }
}

fn navigate<'s>(ctx: &mut Ctx<'s>, owner: Owner, at: &At<'s>, terminal: bool) {
    let Some(next) = at.required(&mut ctx.checker, "next", "a navigate action") else { return };
    if next.object(&mut ctx.checker).is_none() {
        return;
    }
    ctx.checker.closed_keys(&next, &["type", "name"], "next", code::PROPERTY_UNKNOWN);
    if let Some(kind) = next.get("type") {
        if kind.str(&mut ctx.checker).is_some_and(|k| k != "screen") {
            ctx.checker.error(code::VALUE_INVALID, &kind, "next.type is \"screen\"");
        }
    }
    let Some(target_at) = next.required(&mut ctx.checker, "name", "next") else { return };
    let Some(target) = target_at.str(&mut ctx.checker) else { return };
    match ctx.screen_index(target) {
        None => {
            let message = format!("navigate to {}, which is not a screen of this Flow", quoted(target));
            ctx.checker.error(code::NAVIGATE_TARGET, &target_at, message);
        }
        Some(index) if index == owner.screen => {
            ctx.checker.error(code::NAVIGATE_TARGET, &target_at, "a screen cannot navigate to itself");
        }
        Some(index) => {
            ctx.navigations.push((owner.screen, index, target_at));
            check_navigate_payload(ctx, index, at);
        }
    }
    if terminal && owner.component == "Footer" {
        let message = "navigate on a terminal screen's Footer keeps the Flow from ending; use complete";
        ctx.checker.warning(code::ACTION_NOT_ALLOWED, at, message);
    }
}

/// A navigate payload becomes the next screen's `${data.…}`: it should declare each key.
fn check_navigate_payload(ctx: &mut Ctx<'_>, target: usize, action: &At<'_>) {
    let members = action.get("payload").and_then(|p| p.node.members()).unwrap_or_default();
    for (key, node) in members {
        let declared = ctx.screens.get(target).is_none_or(|s| s.data_type(&key.name).is_some());
        if !declared {
            let id = ctx.screens.get(target).map_or("", |s| s.id);
            let message = format!(
                "screen {id} declares no data field {}; the value would be dropped",
                quoted(&key.name)
            );
            ctx.checker.warning(code::PAYLOAD_INVALID, &At { node }, message);
        }
    }
}

/// Payload values: references resolve; picker values only as top-level strings, never in navigate.
fn check_payload(ctx: &mut Ctx<'_>, owner: Owner, action: &str, at: &At<'_>, depth: usize) {
    match &at.node.value {
        Value::String(text) => {
            refs::check_string(ctx, owner.screen, at, text);
            if let Some(picker) = refs::picker_value(ctx, owner.screen, text) {
                let top_level_string = depth == 1 && super::expr::whole_reference(text).is_some();
                if action == "navigate" {
                    let message = format!("The {picker} component's value is not allowed in the payload of the navigate action.");
                    ctx.checker.error(code::PAYLOAD_INVALID, at, message);
                } else if !top_level_string {
                    let message = format!("The {picker} can only be used as the value of a top-level string property in the action payload.");
                    ctx.checker.error(code::PAYLOAD_INVALID, at, message);
                }
            }
        }
        Value::Array(items) => {
            items.iter().for_each(|node| check_payload(ctx, owner, action, &At { node }, depth + 1))
        }
        Value::Object(members) => {
            members.iter().for_each(|(_, node)| check_payload(ctx, owner, action, &At { node }, depth + 1))
        }
        _ => {}
    }
}

/// update_data: a payload whose keys are this screen's data fields.
fn update_data(ctx: &mut Ctx<'_>, owner: Owner, at: &At<'_>) {
    let Some(payload) = at.required(&mut ctx.checker, "payload", "update_data") else { return };
    for (key, node) in payload.node.members().unwrap_or_default() {
        let declared = ctx.screens.get(owner.screen).is_some_and(|s| s.data_type(&key.name).is_some());
        if !declared {
            let message =
                format!("update_data sets {}, which this screen does not declare in data", quoted(&key.name));
            ctx.checker.error(code::PAYLOAD_INVALID, &At { node }, message);
        }
    }
}

/// open_url: an http(s) `url` and nothing else.
fn open_url(ctx: &mut Ctx<'_>, at: &At<'_>) {
    if let Some(payload) = at.get("payload") {
        ctx.checker.error(code::PAYLOAD_INVALID, &payload, "open_url takes only a url, no payload");
    }
    let Some(url_at) = at.required(&mut ctx.checker, "url", "open_url") else { return };
    let Some(url) = url_at.str(&mut ctx.checker) else { return };
    let lower = url.to_ascii_lowercase();
    let dynamic = super::expr::whole_reference(url).is_some();
    if !(dynamic || lower.starts_with("https://") || lower.starts_with("http://")) {
        ctx.checker.error(code::VALUE_INVALID, &url_at, "open_url needs an http:// or https:// URL");
    }
}
