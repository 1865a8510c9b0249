//! Inputs, option groups, pickers and navigation lists as HTML (the frame and
//! texts are in the parent module, whose helpers these use).

use super::{action_button, attr, element, flag, img_html, list, optional, text};
use crate::flow_preview::value::{push_number, Val};
use crate::preview::html::escape;

fn label_html(out: &mut String, node: &Val, class: &str, opt: &str) {
    out.push_str("<span class=\"");
    out.push_str(class);
    out.push_str("\" dir=\"auto\">");
    escape(out, &text(node, "label"));
    out.push_str("</span>");
    optional(out, node, opt);
}

pub(super) fn field_html(out: &mut String, kind: &str, node: &Val, opt: &str) {
    if text(node, "mode") == "range" {
        out.push_str("<fieldset class=\"wf-range\">");
        element(out, "legend", "wf-group-label", &text(node, "title"));
        element(out, "p", "wf-description", &text(node, "description"));
        for field in list(node, "fields") {
            let name = format!("{}.{}", text(node, "name"), text(field, "key"));
            one_field(out, "CalendarPicker", field, &name, opt);
        }
        out.push_str("</fieldset>");
        return;
    }
    one_field(out, kind, node, &text(node, "name"), opt);
}

fn one_field(out: &mut String, kind: &str, node: &Val, name: &str, opt: &str) {
    let value = text(node, "value");
    out.push_str("<div class=\"wf-field wf-");
    out.push_str(kind);
    if flag(node, "disabled") {
        out.push_str(" wf-disabled");
    }
    if flag(node, "labelLarge") {
        out.push_str(" wf-label-large");
    }
    if !value.is_empty() {
        out.push_str(" wf-filled");
    }
    out.push_str("\"><label class=\"wf-box\">");
    label_html(out, node, "wf-label", opt);
    let input_kind = text(node, "inputKind");
    match (kind, input_kind.as_str()) {
        ("TextArea", _) => {
            out.push_str("<textarea class=\"wf-input\"");
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
            out.push_str(" dir=\"auto\">");
            escape(out, &value);
            out.push_str("</textarea>");
        }
        ("Dropdown", _) => {
            out.push_str("<select class=\"wf-input\"");
            attr(out, "name", name);
            disabled(out, node);
            out.push_str("><option value=\"\"></option>");
            for item in list(node, "items") {
                out.push_str("<option");
                attr(out, "value", &text(item, "id"));
                if flag(item, "selected") {
                    out.push_str(" selected");
                }
                if flag(item, "disabled") {
                    out.push_str(" disabled");
                }
                out.push('>');
                escape(out, &text(item, "title"));
                out.push_str("</option>");
            }
            out.push_str("</select>");
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
            out.push_str("<input class=\"wf-input\"");
            attr(out, "type", if date { "date" } else { kind_attr });
            if !mode.is_empty() {
                attr(out, "inputmode", mode);
            }
            attr(out, "name", name);
            attr(out, "value", &if date { text(node, "raw") } else { value.clone() });
            if let Some(Val::Num(max)) = node.get("maxLength") {
                let mut text = String::new();
                push_number(&mut text, *max);
                attr(out, "maxlength", &text);
            }
            if date {
                // The device's format ("Oct 23 2024"), for people and tests; the input holds YYYY-MM-DD.
                attr(out, "aria-description", &value);
            }
            disabled(out, node);
            out.push_str(" dir=\"auto\">");
        }
    }
    out.push_str("</label><button type=\"button\" class=\"wf-clear\" aria-label=\"Clear input\"");
    attr(out, "data-clear", name);
    if value.is_empty() {
        out.push_str(" disabled");
    }
    out.push_str("></button>");
    let error = text(node, "error");
    if error.is_empty() {
        element(out, "div", "wf-helper", &text(node, "helper"));
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
    out.push_str("</div>");
}

fn disabled(out: &mut String, node: &Val) {
    if flag(node, "disabled") {
        out.push_str(" disabled");
    }
}

pub(super) fn group_html(out: &mut String, kind: &str, node: &Val, opt: &str) {
    let control = text(node, "control");
    out.push_str("<fieldset class=\"wf-group wf-");
    out.push_str(kind);
    out.push_str("\"><legend class=\"wf-group-head\">");
    label_html(out, node, "wf-group-label", opt);
    out.push_str("</legend>");
    element(out, "p", "wf-description", &text(node, "description"));
    element(out, "p", "wf-hint", &text(node, "hint"));
    out.push_str(if control == "chip" {
        "<div class=\"wf-chips\" role=\"group\">"
    } else {
        "<div role=\"listbox\">"
    });
    let media = if text(node, "media") == "large" { "wf-media-large" } else { "wf-media-regular" };
    for item in list(node, "items") {
        out.push_str(if control == "chip" { "<label class=\"wf-chip" } else { "<label class=\"wf-option" });
        if flag(item, "disabled") {
            out.push_str(" wf-disabled");
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
        out.push_str("<span class=\"wf-option-text\">");
        element(out, "span", "wf-option-title", &text(item, "title"));
        element(out, "span", "wf-option-description", &text(item, "description"));
        out.push_str("</span>");
        element(out, "span", "wf-option-metadata", &text(item, "metadata"));
        out.push_str("<input");
        attr(out, "type", if control == "radio" { "radio" } else { "checkbox" });
        attr(out, "name", &text(node, "name"));
        attr(out, "value", &text(item, "id"));
        if flag(item, "selected") {
            out.push_str(" checked");
        }
        if flag(item, "disabled") || flag(node, "disabled") {
            out.push_str(" disabled");
        }
        out.push_str("></label>");
    }
    out.push_str("</div>");
    element(out, "div", "wf-error", &text(node, "error"));
    out.push_str("</fieldset>");
}

pub(super) fn picker_html(out: &mut String, node: &Val, opt: &str) {
    out.push_str("<div class=\"wf-picker\"><div class=\"wf-group-head\">");
    label_html(out, node, "wf-group-label", opt);
    out.push_str("</div>");
    element(out, "p", "wf-description", &text(node, "description"));
    element(out, "p", "wf-hint", &text(node, "hint"));
    out.push_str("<button type=\"button\" class=\"wf-pick wf-");
    escape(out, &text(node, "kind"));
    out.push('"');
    attr(out, "data-pick", &text(node, "name"));
    disabled(out, node);
    out.push('>');
    escape(out, &text(node, "button"));
    out.push_str("</button>");
    let count = node.get("count").map_or(0.0, Val::number);
    if count > 0.0 {
        let mut shown = String::new();
        push_number(&mut shown, count);
        element(out, "span", "wf-picked", &shown);
    }
    out.push_str("</div>");
}

pub(super) fn nav_html(out: &mut String, node: &Val) {
    out.push_str("<div class=\"wf-navlist\">");
    element(out, "div", "wf-group-label", &text(node, "label"));
    element(out, "p", "wf-description", &text(node, "description"));
    out.push_str("<div role=\"listbox\">");
    let media = if text(node, "media") == "large" { "wf-media-large" } else { "wf-media-regular" };
    for (index, item) in list(node, "items").iter().enumerate() {
        action_button(out, "wf-nav-item", "nav", node, Some(index));
        if let Some(img) = item.get("start") {
            img_html(out, img, &text(img, "alt"), Some((&Val::Null, media)));
        }
        out.push_str("<span class=\"wf-nav-main\">");
        element(out, "span", "wf-option-title", &text(item, "title"));
        element(out, "span", "wf-option-metadata", &text(item, "metadata"));
        element(out, "span", "wf-option-description", &text(item, "description"));
        let tags = list(item, "tags");
        if !tags.is_empty() {
            out.push_str("<span class=\"wf-tags\">");
            tags.iter().for_each(|t| element(out, "span", "wf-tag", &t.text()));
            out.push_str("</span>");
        }
        out.push_str("</span>");
        element(out, "span", "wf-badge", &text(item, "badge"));
        match item.get("end") {
            Some(end) => {
                out.push_str("<span class=\"wf-nav-end\">");
                element(out, "span", "wf-option-title", &text(end, "title"));
                element(out, "span", "wf-option-description", &text(end, "description"));
                element(out, "span", "wf-option-metadata", &text(end, "metadata"));
                out.push_str("</span>");
            }
            None => out.push_str("<span class=\"wf-chevron\" aria-hidden=\"true\"></span>"),
        }
        out.push_str("</button>");
    }
    out.push_str("</div></div>");
}
