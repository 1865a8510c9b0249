//! The rules that relate one component's properties to each other (caption
//! combinations, ranges, dates, navigation lists, form values).

use super::version::Version;
use super::{code, Ctx, Owner};
use crate::check::At;
use crate::text::quoted;

/// Rules between one component's properties.
pub(super) fn relations(ctx: &mut Ctx<'_>, owner: Owner, at: &At<'_>) {
    // Whole numbers only (as i64): formatting an f64 would pull float printing into the .wasm.
    let int = |key: &str| {
        at.get(key)
            .and_then(|v| v.node.as_f64())
            .filter(|n| n.fract() == 0.0 && n.abs() < 9.0e15)
            .map(|n| n as i64)
    };
    let range = |ctx: &mut Ctx<'_>, low: &str, high: &str, message: Option<String>| {
        if let (Some(a), Some(b), Some(high_at)) = (int(low), int(high), at.get(high)) {
            if a > b {
                let message = message.unwrap_or_else(|| format!("{low} ({a}) is greater than {high} ({b})"));
                ctx.checker.error(code::RANGE_INVALID, &high_at, message);
            }
        }
    };
    let name = at.get("name").and_then(|n| n.node.as_str()).unwrap_or_default();
    match owner.component {
        "Footer"
            if at.get("center-caption").is_some()
                && (at.get("left-caption").is_some() || at.get("right-caption").is_some()) =>
        {
            let message = "use center-caption, or left-caption and right-caption, not both";
            ctx.checker.error(code::VALUE_INVALID, &at.get("center-caption").unwrap_or(*at), message);
        }
        "TextInput" => {
            range(ctx, "min-chars", "max-chars", None);
            if let Some(pattern) = at.get("pattern") {
                let input_type = at.get("input-type").and_then(|t| t.node.as_str()).unwrap_or("text");
                if !["text", "number", "password", "passcode"].contains(&input_type) {
                    let message = format!(
                        "pattern works with input-type text, number, password or passcode, not {input_type}"
                    );
                    ctx.checker.error(code::VALUE_INVALID, &pattern, message);
                }
                if at.get("helper-text").is_none() {
                    ctx.checker.missing_as(
                        code::VALUE_INVALID,
                        at,
                        "helper-text",
                        "a pattern needs helper-text describing it",
                    );
                }
            }
        }
        "CheckboxGroup" | "ChipsSelector" => {
            range(ctx, "min-selected-items", "max-selected-items", None);
            let options = at.get("data-source").and_then(|d| d.node.items()).map(<[_]>::len);
            if let (Some(most), Some(options), Some(most_at)) =
                (int("max-selected-items"), options, at.get("max-selected-items"))
            {
                if most > options as i64 {
                    let message =
                        format!("max-selected-items is {most} but there are only {options} options");
                    ctx.checker.error(code::RANGE_INVALID, &most_at, message);
                }
            }
        }
        "PhotoPicker" | "DocumentPicker" => {
            let noun = if owner.component == "PhotoPicker" { "photos" } else { "documents" };
            let (low, high) = (format!("min-uploaded-{noun}"), format!("max-uploaded-{noun}"));
            let message = format!(
                "\"{low}\" cannot be greater than \"{high}\" for {} component {name}.",
                owner.component
            );
            range(ctx, &low, &high, Some(message));
        }
        "CalendarPicker" => {
            range(ctx, "min-days", "max-days", None);
            let range_mode = at.get("mode").and_then(|m| m.node.as_str()) == Some("range");
            for key in ["title", "description", "min-days", "max-days"] {
                if let (false, Some(value)) = (range_mode, at.get(key)) {
                    ctx.checker.error(
                        code::VALUE_INVALID,
                        &value,
                        format!("{key} is only for mode \"range\""),
                    );
                }
            }
            for key in ["label", "helper-text", "required", "init-value", "error-message"] {
                if let (false, Some(value)) = (range_mode, at.get(key).filter(|v| v.node.members().is_some()))
                {
                    let message =
                        format!("{key} as an object (start-date, end-date) is only for mode \"range\"");
                    ctx.checker.error(code::VALUE_INVALID, &value, message);
                }
            }
            check_date_range(ctx, owner, at);
        }
        "DatePicker" => check_date_range(ctx, owner, at),
        "NavigationList" => navigation_list(ctx, at),
        "Form" => form_values(ctx, at),
        _ => {}
    }
}

/// min-date ≤ max-date, and unavailable dates inside that range.
fn check_date_range(ctx: &mut Ctx<'_>, owner: Owner, at: &At<'_>) {
    // Invalid dates were reported by the property pass: here only valid ones count.
    let timestamps = uses_timestamps(ctx, owner);
    let quiet = |key: &str| date_key(timestamps, at.get(key)?.node.as_str()?);
    let (low, high) = (quiet("min-date"), quiet("max-date"));
    if let (Some(low), Some(high), Some(high_at)) = (&low, &high, at.get("max-date")) {
        if low > high {
            ctx.checker.error(code::RANGE_INVALID, &high_at, "max-date is before min-date");
        }
    }
    let dates = at.get("unavailable-dates").and_then(|d| d.node.items()).unwrap_or_default();
    for date in dates {
        let Some(key) = date.as_str().and_then(|text| date_key(timestamps, text)) else { continue };
        let outside =
            low.as_ref().is_some_and(|low| key < *low) || high.as_ref().is_some_and(|high| key > *high);
        if outside {
            ctx.checker.error(
                code::RANGE_INVALID,
                &At { node: date },
                "an unavailable date outside min-date..max-date",
            );
        }
    }
}

fn navigation_list(ctx: &mut Ctx<'_>, at: &At<'_>) {
    let items = at.get("list-items").map(|l| l.items()).unwrap_or_default();
    let on_list = at.get("on-click-action").is_some();
    for item in &items {
        match (on_list, item.get("on-click-action")) {
            (true, Some(action)) => {
                let message = "on-click-action goes on the NavigationList or on its items, not both";
                ctx.checker.error(code::ACTION_NOT_ALLOWED, &action, message);
            }
            (false, None) if item.node.members().is_some() => {
                let message = "each item needs an on-click-action when the NavigationList has none";
                ctx.checker.missing_as(code::ACTION_NOT_ALLOWED, item, "on-click-action", message);
            }
            _ => {}
        }
    }
    if let Some(second) = items.iter().filter_map(|item| item.get("badge")).nth(1) {
        ctx.checker.error(code::VALUE_INVALID, &second, "only one item of a NavigationList may have a badge");
    }
    if at.get("media-size").and_then(|m| m.node.as_str()) == Some("large") {
        if let Some(end) = items.iter().find_map(|item| item.get("end")) {
            ctx.checker.error(code::VALUE_INVALID, &end, "items cannot have an end with media-size large");
        }
    }
}

/// Form `init-values` and `error-messages` name inputs of the Form; pickers take no initial value.
fn form_values(ctx: &mut Ctx<'_>, at: &At<'_>) {
    let mut inputs = Vec::new();
    if let Some(children) = at.get("children") {
        super::index::collect_inputs(&children, &mut inputs);
    }
    for key in ["init-values", "error-messages"] {
        let members = at.get(key).and_then(|v| v.node.members()).unwrap_or_default();
        for (name, node) in members {
            let value = At { node };
            match inputs.iter().find(|input| input.name == name.name) {
                None => {
                    let message =
                        format!("{key} names {}, which is not an input of this Form", quoted(&name.name));
                    ctx.checker.error(code::REFERENCE_UNKNOWN, &value, message);
                }
                Some(input)
                    if key == "init-values"
                        && input.component.ends_with("Picker")
                        && input.component != "DatePicker"
                        && input.component != "CalendarPicker" =>
                {
                    let message = format!(
                        "\"init-values\" property should not contain a value for {} component.",
                        input.component
                    );
                    ctx.checker.error(code::VALUE_INVALID, &value, message);
                }
                _ => {}
            }
        }
    }
}

/// Before 5.0 a DatePicker's dates are millisecond timestamps; otherwise `YYYY-MM-DD`.
pub(super) fn uses_timestamps(ctx: &Ctx<'_>, owner: Owner) -> bool {
    owner.component == "DatePicker" && ctx.version < Version(5, 0)
}

/// A valid date as a key that sorts in time order (timestamps zero-padded), or `None`.
pub(super) fn date_key(timestamps: bool, text: &str) -> Option<String> {
    let valid = if timestamps {
        !text.is_empty() && text.len() <= 16 && text.bytes().all(|b| b.is_ascii_digit())
    } else {
        crate::time::is_calendar_date(text)
    };
    valid.then(|| format!("{text:0>16}"))
}
