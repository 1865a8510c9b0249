//! Inputs, option lists, pickers, images and navigation lists of a Flow screen
//! as tree nodes (spec §3): "(optional)" on optional inputs (required ones get
//! no mark), values from the form state, items from `data-source`, images
//! only when their bytes are PNG/JPEG/WebP/GIF.

use super::build::{image_val, Build, Obj};
use super::image;
use super::locale::{date_of_millis, Locale};
use super::value::{push_number, Val};
use crate::flow::version::Version;
use crate::json::Node;

/// An input component as `input` read it: what each kind's builder needs.
#[derive(Clone, Copy)]
struct Input<'a, 'd> {
    kind: &'a str,
    path: &'a str,
    node: &'d Node<'d>,
    name: &'a str,
    required: bool,
    value: &'a Val,
    enabled: bool,
}

impl<'d> Build<'d, '_> {
    /// The node of an input or media component; `None` for a type the preview does not know.
    pub fn input(&mut self, kind: &str, path: &str, node: &'d Node<'d>) -> Option<Val> {
        let name = node.get("name").and_then(Node::as_str).unwrap_or_default().to_owned();
        let value = self.env.form.get(&name).cloned().unwrap_or(Val::Null);
        let enabled = self.prop(node, "enabled").is_none_or(|v| v.truthy());
        let required = self.prop(node, "required").is_some_and(|v| v.truthy());
        let range = kind == "CalendarPicker" && self.prop_text(node, "mode").as_deref() == Some("range");
        let at = Input { kind, path, node, name: &name, required, value: &value, enabled };
        let drawn = match kind {
            "CalendarPicker" if range => self.range(path, node, &name, &value),
            "TextInput" | "TextArea" | "DatePicker" | "Dropdown" | "CalendarPicker" => {
                self.block_if(required && value.is_empty());
                self.field(&at)
            }
            "CheckboxGroup" | "RadioButtonsGroup" | "ChipsSelector" => {
                self.block_if(required && value.is_empty());
                self.group(&at)
            }
            "OptIn" => {
                self.block_if(required && !value.truthy());
                let read_more = self.action_of(node, "on-click-action");
                // MWP: "Read more" follows the label only when on-click-action is set.
                let link = (!matches!(read_more, Val::Null)).then(|| self.locale.read_more.to_owned());
                Obj::node(kind, path)
                    .text("name", name.as_str())
                    .string("label", self.prop_text(node, "label").unwrap_or_default())
                    .flag("optional", !required)
                    .flag("checked", value.truthy())
                    .put("readMore", read_more)
                    .opt("readMoreText", link)
                    .done()
            }
            "PhotoPicker" | "DocumentPicker" => self.picker(kind, path, node, &name, &value, enabled),
            "Image" => self.image(path, node),
            "ImageCarousel" => self.carousel(path, node),
            "NavigationList" => self.navigation(path, node, &name),
            _ => return None,
        };
        Some(drawn)
    }

    fn block_if(&mut self, empty_required: bool) {
        self.blocked |= empty_required;
    }

    fn error_of(&mut self, node: &'d Node<'d>, name: &str) -> Option<String> {
        self.prop_text(node, "error-message").or_else(|| self.form_errors.get(name).map(Val::text))
    }

    fn field(&mut self, at: &Input<'_, 'd>) -> Val {
        let Input { kind, path, node, name, required, value, enabled } = *at;
        let shown = match kind {
            "DatePicker" | "CalendarPicker" => self.date_text(&value.text()),
            "Dropdown" => {
                let items = self.items(node);
                let title = items.iter().find(|i| i.get("id").map(Val::text) == Some(value.text()));
                title.and_then(|i| i.get("title")).map(Val::text).unwrap_or_default()
            }
            _ => value.text(),
        };
        let input_kind = match kind {
            "TextArea" => "multiline".to_owned(),
            "DatePicker" => "date".to_owned(),
            "CalendarPicker" => "calendar".to_owned(),
            "Dropdown" => "select".to_owned(),
            _ => self.prop_text(node, "input-type").unwrap_or_else(|| "text".to_owned()),
        };
        // label-variant "large" from 7.0 (pywa; REF §3.1).
        let large = self.version >= Version(7, 0)
            && self.prop_text(node, "label-variant").as_deref() == Some("large");
        let mut out = Obj::node(kind, path)
            .text("name", name)
            .string("label", self.prop_text(node, "label").unwrap_or_default())
            .flag("optional", !required)
            .string("value", shown)
            .opt("helper", self.prop_text(node, "helper-text"))
            .opt("error", self.error_of(node, name))
            .text("inputKind", input_kind.as_str())
            .flag("disabled", !enabled)
            .flag("labelLarge", large);
        if matches!(kind, "DatePicker" | "CalendarPicker") {
            // What a date input holds (YYYY-MM-DD); `value` is the text shown.
            let raw = self.iso_date(value.text());
            out = self.date_limits(node, out.string("raw", raw.clone()), &raw);
        }
        if kind == "TextArea" {
            // MWP: "17 / 600" under a TextArea; max-length defaults to 600.
            let max = self.prop(node, "max-length").map_or(600.0, |v| v.number());
            let length = value.text().encode_utf16().count();
            let counter = Obj::new().put("length", Val::Num(length as f64)).put("max", Val::Num(max)).done();
            out = out.put("counter", counter);
        }
        if let Some(max) = self.prop(node, "max-chars").filter(|_| kind == "TextInput") {
            out = out.put("maxLength", Val::Num(max.number()));
        }
        if kind == "Dropdown" {
            let items = self.option_items(node, value, false);
            out = out.put("items", items);
        }
        self.select_actions(node, out).done()
    }

    /// A component's `on-select-action` and `on-unselect-action` (6.0+), when it has them.
    fn select_actions(&mut self, node: &'d Node<'d>, mut out: Obj) -> Obj {
        for (key, name) in [("on-select-action", "onSelect"), ("on-unselect-action", "onUnselect")] {
            if node.get(key).is_some() {
                out = out.put(name, self.action_of(node, key));
            }
        }
        out
    }

    fn date_text(&self, value: &str) -> String {
        self.locale.date(&self.iso_date(value.to_owned()))
    }

    /// A date value as `YYYY-MM-DD`: before 5.0 DatePicker values (and limits)
    /// are milliseconds since 1970 (M-FC); other text is kept as it is.
    fn iso_date(&self, value: String) -> String {
        let millis = if self.version < Version(5, 0) { date_of_millis(&value) } else { None };
        millis.unwrap_or(value)
    }

    /// `min` and `max` from the Flow's `min-date`/`max-date` (a range's two
    /// fields share them), and `opens`: the day the date dialog opens on, the
    /// value's, else the `now` option (UNCONFIRMED: clamped into the limits,
    /// as Android's date dialog does).
    fn date_limits(&mut self, node: &'d Node<'d>, out: Obj, raw: &str) -> Obj {
        let mut limits = [None, None];
        for (slot, key) in limits.iter_mut().zip(["min-date", "max-date"]) {
            let value = self.prop_text(node, key).map(|v| self.iso_date(v));
            *slot = value.filter(|v| crate::time::is_calendar_date(v));
        }
        let [min, max] = limits;
        let opens = if crate::time::is_calendar_date(raw) {
            Some(raw.to_owned())
        } else {
            // ISO dates order as text.
            self.now.clone().map(|now| match (&min, &max) {
                (Some(min), _) if now < *min => min.clone(),
                (_, Some(max)) if now > *max => max.clone(),
                _ => now,
            })
        };
        out.opt("min", min).opt("max", max).opt("opens", opens)
    }

    fn range(&mut self, path: &str, node: &'d Node<'d>, name: &str, value: &Val) -> Val {
        let label = self.prop(node, "label").unwrap_or(Val::Null);
        let helper = self.prop(node, "helper-text").unwrap_or(Val::Null);
        let required = self.prop(node, "required").unwrap_or(Val::Null);
        let error = self.prop(node, "error-message").unwrap_or(Val::Null);
        let mut fields = Vec::new();
        for key in ["start-date", "end-date"] {
            let part = value.get(key).cloned().unwrap_or(Val::Null);
            let needed = match &required {
                Val::Bool(all) => *all,
                other => other.get(key).is_some_and(Val::truthy),
            };
            self.block_if(needed && part.is_empty());
            let field = Obj::new()
                .text("key", key)
                .string("label", label.get(key).map(Val::text).unwrap_or_default())
                .flag("optional", !needed)
                .string("value", self.date_text(&part.text()))
                .string("raw", part.text())
                .opt("helper", helper.get(key).map(Val::text))
                .opt("error", error.get(key).map(Val::text));
            fields.push(self.date_limits(node, field, &part.text()).done());
        }
        Obj::node("CalendarPicker", path)
            .text("name", name)
            .text("mode", "range")
            .opt("title", self.prop_text(node, "title"))
            .opt("description", self.prop_text(node, "description"))
            .put("fields", Val::List(fields))
            .done()
    }

    /// The option items of `data-source` as given (ids, titles… resolved).
    fn items(&mut self, node: &'d Node<'d>) -> Vec<Val> {
        match self.prop(node, "data-source") {
            Some(Val::List(items)) => items,
            _ => Vec::new(),
        }
    }

    fn option_items(&mut self, node: &'d Node<'d>, value: &Val, many: bool) -> Val {
        let mut out = Vec::new();
        // data-source images from 5.0 (REF §3.1).
        let images = self.version >= Version(5, 0);
        for item in self.items(node) {
            let id = item.get("id").map(Val::text).unwrap_or_default();
            let selected = match value {
                Val::List(chosen) if many => chosen.iter().any(|c| c.text() == id),
                other => !many && !other.is_empty() && other.text() == id,
            };
            let mut entry = Obj::new()
                .text("id", id.as_str())
                .string("title", item.get("title").map(Val::text).unwrap_or_default())
                .opt("description", item.get("description").map(Val::text))
                .opt("metadata", item.get("metadata").map(Val::text))
                .flag("selected", selected)
                .flag("disabled", item.get("enabled").is_some_and(|e| !e.truthy()));
            if let Some(src) = item.get("image").map(Val::text).filter(|_| images) {
                let alt = item.get("alt-text").map(Val::text).unwrap_or_default();
                if let Some(img) = self.checked_image(node, &src, &alt) {
                    entry = entry.put("image", img);
                }
            }
            // 6.0: an option's own actions (M-FJ "on-select-action" / "on-unselect-action" on data-source items).
            for (key, name) in [("on-select-action", "onSelect"), ("on-unselect-action", "onUnselect")] {
                if let Some(action) = item.get(key) {
                    entry = entry.put(name, action_from(action));
                }
            }
            if let Some(color) = item.get("color").map(Val::text).filter(|c| is_hex_color(c)) {
                entry = entry.string("color", color);
            }
            out.push(entry.done());
        }
        Val::List(out)
    }

    fn group(&mut self, at: &Input<'_, 'd>) -> Val {
        let Input { kind, path, node, name, required, value, enabled } = *at;
        let control = match kind {
            "CheckboxGroup" => "checkbox",
            "RadioButtonsGroup" => "radio",
            _ => "chip",
        };
        // MWP: "Choose up to 2 options." from max-selected-items (ChipsSelector).
        let hint = self
            .prop(node, "max-selected-items")
            .filter(|_| control == "chip")
            .map(|max| Locale::fill(self.locale.choose_up_to, &[("n", &max.text())]));
        let media =
            self.prop_text(node, "media-size").filter(|m| m == "large").unwrap_or_else(|| "regular".into());
        let items = self.option_items(node, value, control != "radio");
        let out = Obj::node(kind, path)
            .text("name", name)
            .string("label", self.prop_text(node, "label").unwrap_or_default())
            .flag("optional", !required)
            .opt("description", self.prop_text(node, "description"))
            .opt("hint", hint)
            .put("items", items)
            .string("media", media)
            .text("control", control)
            .flag("disabled", !enabled)
            .opt("error", self.error_of(node, name));
        self.select_actions(node, out).done()
    }

    fn picker(
        &mut self,
        kind: &str,
        path: &str,
        node: &'d Node<'d>,
        name: &str,
        value: &Val,
        enabled: bool,
    ) -> Val {
        let photo = kind == "PhotoPicker";
        let (min_key, max_key, default_max) = if photo {
            ("min-uploaded-photos", "max-uploaded-photos", 30.0)
        } else {
            ("min-uploaded-documents", "max-uploaded-documents", 30.0)
        };
        let min = self.prop(node, min_key).map_or(0.0, |v| v.number());
        let max = self.prop(node, max_key).map_or(default_max, |v| v.number());
        let kb = self.prop(node, "max-file-size-kb").map_or(25_600.0, |v| v.number());
        // Required when the minimum is above 0 (M-FMU).
        self.block_if(min > 0.0 && value.is_empty());
        let which = usize::from(!photo);
        let number = |n: f64| {
            let mut out = String::new();
            push_number(&mut out, n);
            out
        };
        // MWP: "Add 1 to 10 photos. Max file size 10 MB."; min = max = 1 gives only the size.
        let mut hint = String::new();
        if max > 1.0 || min != max {
            let template = if min > 0.0 { self.locale.add_range } else { self.locale.add_up_to };
            let template = template.get(which).copied().unwrap_or_default();
            hint = Locale::fill(template, &[("min", &number(min)), ("max", &number(max))]);
            hint.push(' ');
        }
        hint.push_str(&Locale::fill(
            self.locale.max_size,
            &[("n", &number((kb / 1024.0 * 10.0).round() / 10.0))],
        ));
        let count = match value {
            Val::List(items) => items.len(),
            _ => 0,
        };
        Obj::node(kind, path)
            .text("name", name)
            .text("kind", if photo { "photo" } else { "document" })
            .string("label", self.prop_text(node, "label").unwrap_or_default())
            .flag("optional", min <= 0.0)
            .opt("description", self.prop_text(node, "description"))
            .string("hint", hint)
            .text("button", self.locale.picker_button.get(which).copied().unwrap_or_default())
            .put("count", Val::Num(count as f64))
            .flag("disabled", !enabled)
            .done()
    }

    /// `src` as a checked image value, or a finding at `node` and None.
    pub(super) fn checked_image(&mut self, node: &'d Node<'d>, src: &str, alt: &str) -> Option<Val> {
        match image::read(src, alt, false) {
            Ok(img) => Some(image_val(&img)),
            Err(why) => {
                self.problems.push((super::code::IMAGE_REJECTED, node, format!("image not shown: {why}")));
                None
            }
        }
    }

    fn image(&mut self, path: &str, node: &'d Node<'d>) -> Val {
        let src = self.prop_text(node, "src").unwrap_or_default();
        // M-FC: alt text is "Image" when none is given.
        let alt = self.prop_text(node, "alt-text").unwrap_or_else(|| "Image".into());
        let mut out = Obj::node("Image", path);
        match self.checked_image(node, &src, &alt) {
            Some(img) => out = out.put("src", img),
            None => out = out.text("rejected", "image"),
        }
        for key in ["width", "height"] {
            if let Some(size) = self.prop(node, key).map(|v| v.number()).filter(|n| *n > 0.0) {
                out = out.put(key, Val::Num(size.min(10_000.0).round()));
            }
        }
        let fit =
            self.prop_text(node, "scale-type").filter(|s| s == "cover").unwrap_or_else(|| "contain".into());
        let ratio = self.prop(node, "aspect-ratio").map_or(1.0, |v| v.number());
        out.string("fit", fit).put("ratio", Val::Num(ratio)).done()
    }

    fn carousel(&mut self, path: &str, node: &'d Node<'d>) -> Val {
        let mut images = Vec::new();
        if let Some(Val::List(list)) = self.prop(node, "images") {
            for item in list {
                let src = item.get("src").map(Val::text).unwrap_or_default();
                let alt = item.get("alt-text").map(Val::text).unwrap_or_else(|| "Image".into());
                images.extend(self.checked_image(node, &src, &alt));
            }
        }
        // M-FC: 4:3 (the default) or 16:9.
        let ratio =
            self.prop_text(node, "aspect-ratio").filter(|r| r == "16:9").unwrap_or_else(|| "4:3".into());
        let fit =
            self.prop_text(node, "scale-type").filter(|s| s == "cover").unwrap_or_else(|| "contain".into());
        Obj::node("ImageCarousel", path)
            .put("images", Val::List(images))
            .string("ratio", ratio)
            .string("fit", fit)
            .done()
    }
}

/// An action given as data (an option's `on-select-action`): `{ kind, next?, payload?, url? }`,
/// a url only when http(s).
fn action_from(action: &Val) -> Val {
    let mut out = Obj::new().string("kind", action.get("name").map(Val::text).unwrap_or_default());
    if let Some(next) = action.get("next").and_then(|n| n.get("name")) {
        out = out.string("next", next.text());
    }
    if let Some(payload) = action.get("payload") {
        out = out.put("payload", payload.clone());
    }
    if let Some(url) = action.get("url").map(Val::text).filter(|u| super::markdown::is_web_link(u)) {
        out = out.string("url", url);
    }
    out.done()
}

/// `#RRGGBB` (spec §7: item colours are checked before they reach CSS).
pub fn is_hex_color(text: &str) -> bool {
    text.len() == 7 && text.starts_with('#') && text.bytes().skip(1).all(|b| b.is_ascii_hexdigit())
}
