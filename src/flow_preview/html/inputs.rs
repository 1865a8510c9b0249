//! Inputs, option groups, pickers and navigation lists as HTML (the frame and
//! texts are in the parent module, whose helpers these use).

use super::{action_button, attr, attr_of, el, element, esc, flag, img_html, list, optional, text, w};
use crate::flow_preview::value::{push_number, Val};
use crate::preview::html::escape;

fn label_html(out: &mut String, node: &Val, class: &str, opt: &str) {
    w(out, "<span class=\"");
    w(out, class);
    w(out, "\" dir=\"auto\">");
    esc(out, node, "label");
    w(out, "</span>");
    optional(out, node, opt);
}

pub(super) fn field_html(out: &mut String, kind: &str, node: &Val, opt: &str) {
    if text(node, "mode") == "range" {
        w(out, "<fieldset class=\"wf-range\">");
        el(out, "legend", "wf-group-label", node, "title");
        el(out, "p", "wf-description", node, "description");
        for field in list(node, "fields") {
            let name = format!("{}.{}", text(node, "name"), text(field, "key"));
            one_field(out, "CalendarPicker", field, &name, opt);
        }
        w(out, "</fieldset>");
        return;
    }
    one_field(out, kind, node, &text(node, "name"), opt);
}

fn one_field(out: &mut String, kind: &str, node: &Val, name: &str, opt: &str) {
    let value = text(node, "value");
    w(out, "<div class=\"wf-field wf-");
    w(out, kind);
    if flag(node, "disabled") {
        w(out, " wf-disabled");
    }
    if flag(node, "labelLarge") {
        w(out, " wf-label-large");
    }
    if !value.is_empty() {
        w(out, " wf-filled");
    }
    w(out, "\"><label class=\"wf-box\">");
    label_html(out, node, "wf-label", opt);
    let input_kind = text(node, "inputKind");
    match (kind, input_kind.as_str()) {
        ("TextArea", _) => {
            // autocomplete off: a preview must not fill a Flow's fields with the viewer's saved data.
            w(out, "<textarea class=\"wf-input\" autocomplete=\"off\"");
            attr(out, "name", name);
            if let Some(Val::Obj(_)) = node.get("counter") {
                let mut max = String::new();
                push_number(
                    &mut max,
                    node.get("counter").and_then(|c| c.get("max")).map_or(600.0, Val::number),
                );
                attr(out, "maxlength", &max);
            }
            disabled(out, node);
            w(out, " dir=\"auto\">");
            escape(out, &value);
            w(out, "</textarea>");
        }
        ("Dropdown", _) => {
            w(out, "<select class=\"wf-input\"");
            attr(out, "name", name);
            disabled(out, node);
            w(out, "><option value=\"\"></option>");
            for item in list(node, "items") {
                w(out, "<option");
                attr_of(out, "value", item, "id");
                if flag(item, "selected") {
                    w(out, " selected");
                }
                if flag(item, "disabled") {
                    w(out, " disabled");
                }
                out.push('>');
                esc(out, item, "title");
                w(out, "</option>");
            }
            w(out, "</select>");
        }
        _ => {
            let (kind_attr, mode) = match input_kind.as_str() {
                "password" => ("password", ""),
                "passcode" => ("password", "numeric"),
                "number" => ("text", "decimal"),
                "email" => ("email", "email"),
                "phone" => ("tel", "tel"),
                _ => ("text", ""),
            };
            let date = matches!(kind, "DatePicker" | "CalendarPicker");
            w(out, "<input class=\"wf-input\" autocomplete=\"off\"");
            attr(out, "type", if date { "date" } else { kind_attr });
            if !mode.is_empty() {
                attr(out, "inputmode", mode);
            }
            attr(out, "name", name);
            // A date input holds only a real YYYY-MM-DD (anything else stays in aria-description).
            let raw = text(node, "raw");
            let shown = if !date {
                value.clone()
            } else if crate::time::is_calendar_date(&raw) {
                raw
            } else {
                String::new()
            };
            attr(out, "value", &shown);
            if let Some(Val::Num(max)) = node.get("maxLength") {
                let mut text = String::new();
                push_number(&mut text, *max);
                attr(out, "maxlength", &text);
            }
            if date {
                // The device's format ("Oct 23 2024"), for people and tests; the input holds YYYY-MM-DD.
                attr(out, "aria-description", &value);
                // The Flow's limits bound the browser's date dialog as they bound WhatsApp's.
                for key in ["min", "max"] {
                    if let Some(Val::Str(day)) = node.get(key) {
                        attr(out, key, day);
                    }
                }
            }
            disabled(out, node);
            w(out, " dir=\"auto\">");
        }
    }
    w(out, "</label><button type=\"button\" class=\"wf-clear\" aria-label=\"Clear input\"");
    attr(out, "data-clear", name);
    if value.is_empty() {
        w(out, " disabled");
    }
    w(out, "></button>");
    let error = text(node, "error");
    if error.is_empty() {
        el(out, "div", "wf-helper", node, "helper");
    } else {
        element(out, "div", "wf-error", &error);
    }
    if let Some(counter) = node.get("counter") {
        let mut shown = String::new();
        push_number(&mut shown, counter.get("length").map_or(0.0, Val::number));
        shown.push_str(" / ");
        push_number(&mut shown, counter.get("max").map_or(0.0, Val::number));
        element(out, "div", "wf-counter", &shown);
    }
    w(out, "</div>");
}

fn disabled(out: &mut String, node: &Val) {
    if flag(node, "disabled") {
        w(out, " disabled");
    }
}

pub(super) fn group_html(out: &mut String, kind: &str, node: &Val, opt: &str) {
    let control = text(node, "control");
    w(out, "<fieldset class=\"wf-group wf-");
    w(out, kind);
    w(out, "\"><legend class=\"wf-group-head\">");
    label_html(out, node, "wf-group-label", opt);
    w(out, "</legend>");
    el(out, "p", "wf-description", node, "description");
    el(out, "p", "wf-hint", node, "hint");
    w(
        out,
        if control == "chip" { "<div class=\"wf-chips\" role=\"group\">" } else { "<div role=\"listbox\">" },
    );
    let media = if text(node, "media") == "large" { "wf-media-large" } else { "wf-media-regular" };
    for item in list(node, "items") {
        w(out, if control == "chip" { "<label class=\"wf-chip" } else { "<label class=\"wf-option" });
        if flag(item, "disabled") {
            w(out, " wf-disabled");
        }
        out.push('"');
        let color = text(item, "color");
        if crate::flow_preview::inputs::is_hex_color(&color) {
            attr(out, "data-color", &color);
        }
        out.push('>');
        if let Some(img) = item.get("image") {
            img_html(out, img, &text(img, "alt"), Some((&Val::Null, media)));
        }
        w(out, "<span class=\"wf-option-text\">");
        el(out, "span", "wf-option-title", item, "title");
        el(out, "span", "wf-option-description", item, "description");
        w(out, "</span>");
        el(out, "span", "wf-option-metadata", item, "metadata");
        w(out, "<input");
        attr(out, "type", if control == "radio" { "radio" } else { "checkbox" });
        attr_of(out, "name", node, "name");
        attr_of(out, "value", item, "id");
        if flag(item, "selected") {
            w(out, " checked");
        }
        if flag(item, "disabled") || flag(node, "disabled") {
            w(out, " disabled");
        }
        w(out, "></label>");
    }
    w(out, "</div>");
    el(out, "div", "wf-error", node, "error");
    w(out, "</fieldset>");
}

pub(super) fn picker_html(out: &mut String, node: &Val, opt: &str) {
    w(out, "<div class=\"wf-picker\"><div class=\"wf-group-head\">");
    label_html(out, node, "wf-group-label", opt);
    w(out, "</div>");
    el(out, "p", "wf-description", node, "description");
    el(out, "p", "wf-hint", node, "hint");
    w(out, "<button type=\"button\" class=\"wf-pick wf-");
    esc(out, node, "kind");
    out.push('"');
    attr_of(out, "data-pick", node, "name");
    disabled(out, node);
    out.push('>');
    esc(out, node, "button");
    w(out, "</button>");
    let count = node.get("count").map_or(0.0, Val::number);
    if count > 0.0 {
        let mut shown = String::new();
        push_number(&mut shown, count);
        element(out, "span", "wf-picked", &shown);
    }
    w(out, "</div>");
}

pub(super) fn nav_html(out: &mut String, node: &Val) {
    w(out, "<div class=\"wf-navlist\">");
    el(out, "div", "wf-group-label", node, "label");
    el(out, "p", "wf-description", node, "description");
    w(out, "<div role=\"listbox\">");
    let media = if text(node, "media") == "large" { "wf-media-large" } else { "wf-media-regular" };
    for (index, item) in list(node, "items").iter().enumerate() {
        action_button(out, "wf-nav-item", "nav", node, Some(index));
        if let Some(img) = item.get("start") {
            img_html(out, img, &text(img, "alt"), Some((&Val::Null, media)));
        }
        w(out, "<span class=\"wf-nav-main\">");
        el(out, "span", "wf-option-title", item, "title");
        el(out, "span", "wf-option-metadata", item, "metadata");
        el(out, "span", "wf-option-description", item, "description");
        let tags = list(item, "tags");
        if !tags.is_empty() {
            w(out, "<span class=\"wf-tags\">");
            tags.iter().for_each(|t| element(out, "span", "wf-tag", &t.text()));
            w(out, "</span>");
        }
        w(out, "</span>");
        el(out, "span", "wf-badge", item, "badge");
        match item.get("end") {
            Some(end) => {
                w(out, "<span class=\"wf-nav-end\">");
                el(out, "span", "wf-option-title", end, "title");
                el(out, "span", "wf-option-description", end, "description");
                el(out, "span", "wf-option-metadata", end, "metadata");
                w(out, "</span>");
            }
            None => w(out, "<span class=\"wf-chevron\" aria-hidden=\"true\"></span>"),
        }
        w(out, "</button>");
    }
    w(out, "</div></div>");
}
