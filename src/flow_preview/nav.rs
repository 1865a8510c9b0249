//! NavigationList (6.2) as a tree node: rows with a start image, the main
//! title, metadata and description, an end block or a chevron, badge and tags.
//! M-FC: texts over their limits are cut and items over the limit are not
//! drawn (`preview.flow_truncated`); the limits are the validator's table.

use super::build::{Build, Obj};
use super::value::Val;
use crate::flow::components::{self, Kind, Prop, NAV_ITEM};
use crate::json::Node;

/// The character limit of text property `key` of `props`.
fn limit(props: &[Prop], key: &str) -> Option<usize> {
    match props.iter().find(|p| p.name == key)?.kind {
        Kind::Text(max) if max > 0 => usize::try_from(max).ok(),
        _ => None,
    }
}

/// The properties of the object property `key` of `props`.
fn sub(props: &'static [Prop], key: &str) -> &'static [Prop] {
    match props.iter().find(|p| p.name == key).map(|p| p.kind) {
        Some(Kind::Sub(inner)) => inner,
        _ => &[],
    }
}

/// Texts cut while drawing one list.
struct Cuts(usize);

impl Cuts {
    /// Member `key` of `value` as text, cut to `props`' limit for it ("…" appended: UNCONFIRMED).
    fn text(&mut self, value: Option<&Val>, props: &[Prop], key: &str) -> Option<String> {
        let text = value?.get(key).map(Val::text)?;
        match limit(props, key) {
            Some(max) if text.chars().count() > max => {
                self.0 += 1;
                let end = text.char_indices().nth(max).map_or(text.len(), |(at, _)| at);
                let mut cut = text.get(..end).unwrap_or_default().to_owned();
                cut.push('…');
                Some(cut)
            }
            _ => Some(text),
        }
    }
}

impl<'d> Build<'d, '_> {
    /// The NavigationList's node.
    pub fn navigation(&mut self, path: &str, node: &'d Node<'d>, name: &str) -> Val {
        let shared = self.action_of(node, "on-click-action");
        let list = node.get("list-items");
        let given = match self.prop(node, "list-items") {
            Some(Val::List(items)) => items,
            _ => Vec::new(),
        };
        let max_items = components::spec("NavigationList")
            .and_then(|spec| spec.props.iter().find(|p| p.name == "list-items"))
            .map_or(usize::MAX, |p| if let Kind::List(_, _, max) = p.kind { max } else { usize::MAX });
        let (main, end) = (sub(NAV_ITEM, "main-content"), sub(NAV_ITEM, "end"));
        let mut cuts = Cuts(0);
        let mut items = Vec::new();
        for (index, item) in given.iter().enumerate().take(max_items) {
            let content = item.get("main-content");
            let mut entry = Obj::new()
                .string("id", item.get("id").map(Val::text).unwrap_or_default())
                .string("title", cuts.text(content, main, "title").unwrap_or_default())
                .opt("description", cuts.text(content, main, "description"))
                .opt("metadata", cuts.text(content, main, "metadata"))
                .opt("badge", cuts.text(Some(item), NAV_ITEM, "badge"));
            if let Some(src) = item.get("start").and_then(|s| s.get("image")).map(Val::text) {
                let alt =
                    item.get("start").and_then(|s| s.get("alt-text")).map(Val::text).unwrap_or_default();
                if let Some(img) = self.checked_image(node, &src, &alt) {
                    entry = entry.put("start", img);
                }
            }
            if let Some(block) = item.get("end") {
                let block = Obj::new()
                    .opt("title", cuts.text(Some(block), end, "title"))
                    .opt("description", cuts.text(Some(block), end, "description"))
                    .opt("metadata", cuts.text(Some(block), end, "metadata"))
                    .done();
                entry = entry.put("end", block);
            }
            let mut tags = Vec::new();
            if let Some(Val::List(given)) = item.get("tags") {
                for tag in given {
                    tags.push(Val::Str(tag.text()));
                }
            }
            let tags = Val::List(tags);
            // An item's own action, else the component's.
            let own = list.and_then(Node::items).and_then(|l| l.get(index));
            let action = match own {
                Some(own) if own.get("on-click-action").is_some() => self.action_of(own, "on-click-action"),
                _ => shared.clone(),
            };
            items.push(entry.put("tags", tags).put("action", action).done());
        }
        if given.len() > max_items || cuts.0 > 0 {
            let message = format!(
                "WhatsApp draws at most {max_items} items and cuts texts over their limits: {} of {} items \
                 not drawn, {} texts cut",
                given.len().saturating_sub(max_items),
                given.len(),
                cuts.0
            );
            self.problems.push((super::code::FLOW_TRUNCATED, node, message));
        }
        let media =
            self.prop_text(node, "media-size").filter(|m| m == "large").unwrap_or_else(|| "regular".into());
        Obj::node("NavigationList", path)
            .text("name", name)
            .opt("label", self.prop_text(node, "label"))
            .opt("description", self.prop_text(node, "description"))
            .string("media", media)
            .put("items", Val::List(items))
            .done()
    }
}
