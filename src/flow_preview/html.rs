//! The Flow preview tree as HTML that is safe in any page: every text escaped
//! (the template preview's escaper), attributes quoted, no scripts, no event
//! handlers and no style attributes (sizes are `width`/`height` attributes and
//! classes; colours and ratios `data-` attributes), links http(s) only and
//! images only `data:image/{png,jpeg,webp,gif};base64` — both checked again here.
//! Interactive parts carry `data-action`/`data-path` for `<wa-flow-preview>`.

use super::markdown::is_web_link;
use super::value::{push_number, Val};
use crate::preview::html::escape;

mod inputs;
use inputs::{field_html, group_html, nav_html, picker_html};
/// The screen in a 360×640 phone frame (spec §1).
pub fn render(tree: &Val, opt: &str) -> String {
    let mut out = String::with_capacity(4096);
    let s = |key: &str| tree.get(key).map(Val::text).unwrap_or_default();
    let screen = tree.get("screen").unwrap_or(&Val::Null);
    w(&mut out, "<div class=\"wf-phone wf-");
    escape(&mut out, &s("theme"));
    w(&mut out, "\" dir=\"");
    escape(&mut out, &s("direction"));
    w(&mut out, "\" lang=\"");
    escape(&mut out, &s("locale").replace('_', "-"));
    w(&mut out, "\" data-screen=\"");
    esc(&mut out, screen, "id");
    w(
        &mut out,
        "\"><div class=\"wf-sheet\"><div class=\"wf-top\"><button type=\"button\" class=\"wf-nav wf-",
    );
    esc(&mut out, screen, "back");
    w(&mut out, "\" data-action=\"");
    esc(&mut out, screen, "back");
    w(&mut out, "\" aria-label=\"Cancel\"></button>");
    el(&mut out, "div", "wf-title", screen, "title");
    w(&mut out, "<span class=\"wf-more\" aria-hidden=\"true\"></span></div><form class=\"wf-body\" name=\"");
    esc(&mut out, screen, "id");
    w(&mut out, "_form\">");
    for node in list(tree, "body") {
        component(&mut out, node, opt);
    }
    w(&mut out, "</form><div class=\"wf-footer\">");
    if let Some(footer) = tree.get("footer") {
        footer_html(&mut out, footer);
    }
    let branding = tree.get("branding").unwrap_or(&Val::Null);
    w(&mut out, "<p class=\"wf-brand\" dir=\"auto\">");
    let business = text(branding, "business");
    if !business.is_empty() {
        element(&mut out, "strong", "wf-business", &business);
        out.push(' ');
    }
    esc(&mut out, branding, "text");
    out.push(' ');
    el(&mut out, "span", "wf-learn", branding, "linkText");
    w(&mut out, "</p></div></div></div>");
    out
}

/// `out.push_str(s)`, not inlined (hundreds of writes, each inlined cost tens of bytes of .wasm).
#[inline(never)]
fn w(out: &mut String, s: &str) {
    out.push_str(s);
}

/// The string member `key` of `node` ("" when absent or not a string), borrowed.
fn str_of<'v>(node: &'v Val, key: &str) -> &'v str {
    match node.get(key) {
        Some(Val::Str(s)) => s,
        _ => "",
    }
}

/// Member `key` of `node`, escaped, into `out`.
#[inline(never)]
fn esc(out: &mut String, node: &Val, key: &str) {
    escape(out, str_of(node, key));
}

/// [`element`] with member `key` of `node` as its text.
#[inline(never)]
fn el(out: &mut String, tag: &str, class: &str, node: &Val, key: &str) {
    element(out, tag, class, str_of(node, key));
}

/// [`attr`] with member `key` of `node` as its value.
#[inline(never)]
fn attr_of(out: &mut String, name: &str, node: &Val, key: &str) {
    attr(out, name, str_of(node, key));
}

#[inline(never)]
fn text(node: &Val, key: &str) -> String {
    node.get(key).map(Val::text).unwrap_or_default()
}

#[inline(never)]
fn flag(node: &Val, key: &str) -> bool {
    node.get(key).is_some_and(Val::truthy)
}

fn list<'v>(node: &'v Val, key: &str) -> &'v [Val] {
    match node.get(key) {
        Some(Val::List(items)) => items,
        _ => &[],
    }
}

/// `<tag class="class" dir="auto">text</tag>`; nothing for empty text.
#[inline(never)]
fn element(out: &mut String, tag: &str, class: &str, text: &str) {
    if text.is_empty() {
        return;
    }
    out.push('<');
    w(out, tag);
    w(out, " class=\"");
    w(out, class);
    w(out, "\" dir=\"auto\">");
    escape(out, text);
    w(out, "</");
    w(out, tag);
    out.push('>');
}

#[inline(never)]
fn attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    w(out, name);
    w(out, "=\"");
    escape(out, value);
    out.push('"');
}

fn footer_html(out: &mut String, footer: &Val) {
    let (left, center, right) = (text(footer, "left"), text(footer, "center"), text(footer, "right"));
    if !(left.is_empty() && center.is_empty() && right.is_empty()) {
        w(out, "<div class=\"wf-captions\" role=\"note\">");
        element(out, "span", "wf-caption-left", &left);
        element(out, "span", "wf-caption-center", &center);
        element(out, "span", "wf-caption-right", &right);
        w(out, "</div>");
    }
    w(out, "<button type=\"button\" class=\"wf-cta\" data-action=\"footer\"");
    attr_of(out, "data-path", footer, "path");
    if flag(footer, "disabled") {
        w(out, " aria-disabled=\"true\" disabled");
    }
    w(out, " dir=\"auto\">");
    esc(out, footer, "label");
    w(out, "</button>");
}

fn optional(out: &mut String, node: &Val, opt: &str) {
    if flag(node, "optional") {
        element(out, "span", "wf-optional", opt);
    }
}

fn component(out: &mut String, node: &Val, opt: &str) {
    let kind = text(node, "type");
    match kind.as_str() {
        "TextHeading" | "TextSubheading" | "TextBody" | "TextCaption" | "RichText" => {
            text_html(out, &kind, node)
        }
        "TextInput" | "TextArea" | "DatePicker" | "Dropdown" | "CalendarPicker" => {
            field_html(out, &kind, node, opt)
        }
        "CheckboxGroup" | "RadioButtonsGroup" | "ChipsSelector" => group_html(out, &kind, node, opt),
        "OptIn" => {
            w(out, "<div class=\"wf-optin\"><label><input type=\"checkbox\"");
            attr_of(out, "name", node, "name");
            if flag(node, "checked") {
                w(out, " checked");
            }
            w(out, "><span class=\"wf-optin-label\" dir=\"auto\">");
            if flag(node, "optional") {
                // MWP: OptIn's "(optional) " is a prefix of its label.
                escape(out, opt);
                out.push(' ');
            }
            esc(out, node, "label");
            w(out, "</span></label>");
            if node.get("readMore").is_some_and(|a| !matches!(a, Val::Null)) {
                action_button(out, "wf-read-more", "readmore", node, None);
                esc(out, node, "readMoreText");
                w(out, "</button>");
            }
            w(out, "</div>");
        }
        "EmbeddedLink" => {
            action_button(out, "wf-link", "link", node, None);
            esc(out, node, "text");
            w(out, "</button>");
        }
        "PhotoPicker" | "DocumentPicker" => picker_html(out, node, opt),
        "Image" => image_html(out, node),
        "ImageCarousel" => {
            w(out, "<div class=\"wf-carousel wf-ratio-");
            w(out, if text(node, "ratio") == "16:9" { "16-9" } else { "4-3" });
            w(out, " wf-fit-");
            w(out, if text(node, "fit") == "cover" { "cover" } else { "contain" });
            w(out, "\">");
            let images = list(node, "images");
            for (i, img) in images.iter().enumerate() {
                // MWP: "{alt}. Image i of n. Swipe with three fingers to see more images."
                let alt = format!("{}. Image {} of {}.", text(img, "alt"), i + 1, images.len());
                img_html(out, img, &alt, None);
            }
            w(out, "</div>");
        }
        "NavigationList" => nav_html(out, node),
        _ => el(out, "div", "wf-error-node", node, "message"),
    }
}

fn text_html(out: &mut String, kind: &str, node: &Val) {
    let (tag, class) = match kind {
        "TextHeading" => ("h2", "wf-heading"),
        "TextSubheading" => ("h3", "wf-subheading"),
        "TextCaption" => ("div", "wf-caption"),
        "RichText" => ("div", "wf-rich"),
        _ => ("div", "wf-text"),
    };
    out.push('<');
    w(out, tag);
    w(out, " class=\"");
    w(out, class);
    let weight = text(node, "weight");
    if !weight.is_empty() {
        w(out, " wf-");
        escape(out, &weight);
    }
    if flag(node, "strike") {
        w(out, " wf-strike");
    }
    w(out, "\" dir=\"auto\">");
    match node.get("blocks") {
        Some(Val::List(blocks)) => {
            for block in blocks {
                block_html(out, block);
            }
        }
        _ => esc(out, node, "text"),
    }
    w(out, "</");
    w(out, tag);
    out.push('>');
}

fn block_html(out: &mut String, block: &Val) {
    match text(block, "type").as_str() {
        "heading" => {
            let tag = if text(block, "level") == "1" { "h2" } else { "h3" };
            w(out, if tag == "h2" { "<h2 class=\"wf-heading\">" } else { "<h3 class=\"wf-subheading\">" });
            inlines(out, block.get("children"));
            w(out, if tag == "h2" { "</h2>" } else { "</h3>" });
        }
        "list" => {
            let tag = if flag(block, "ordered") { "ol" } else { "ul" };
            w(out, if tag == "ol" { "<ol>" } else { "<ul>" });
            for item in list(block, "items") {
                w(out, "<li>");
                inlines(out, Some(item));
                w(out, "</li>");
            }
            w(out, if tag == "ol" { "</ol>" } else { "</ul>" });
        }
        "table" => {
            w(out, "<table class=\"wf-table\"><thead>");
            row(out, block.get("header").unwrap_or(&Val::Null), "th");
            w(out, "</thead><tbody>");
            for cells in list(block, "rows") {
                row(out, cells, "td");
            }
            w(out, "</tbody></table>");
        }
        _ => {
            w(out, "<p>");
            inlines(out, block.get("children"));
            w(out, "</p>");
        }
    }
}

/// A table row of `cells` (each a list of inlines), `cell` `th` or `td`.
fn row(out: &mut String, cells: &Val, cell: &str) {
    w(out, "<tr>");
    if let Val::List(cells) = cells {
        for inlines_of_cell in cells {
            w(out, if cell == "th" { "<th>" } else { "<td>" });
            inlines(out, Some(inlines_of_cell));
            w(out, if cell == "th" { "</th>" } else { "</td>" });
        }
    }
    w(out, "</tr>");
}

/// Each rich-text inline of `inlines` when it is a list.
fn inlines(out: &mut String, inlines: Option<&Val>) {
    if let Some(Val::List(items)) = inlines {
        for inline in items {
            inline_html(out, inline);
        }
    }
}

fn inline_html(out: &mut String, inline: &Val) {
    let kind = text(inline, "type");
    let tag = match kind.as_str() {
        "bold" => "strong",
        "italic" => "em",
        "strike" => "s",
        "link" => {
            let href = text(inline, "href");
            if is_web_link(&href) {
                w(out, "<a");
                attr(out, "href", &href);
                w(out, " target=\"_blank\" rel=\"noopener noreferrer nofollow\">");
                inlines(out, inline.get("children"));
                w(out, "</a>");
            } else {
                inlines(out, inline.get("children"));
            }
            return;
        }
        "image" => {
            let img = inline.get("src").unwrap_or(&Val::Null);
            img_html(out, img, &text(img, "alt"), None);
            return;
        }
        _ => {
            esc(out, inline, "text");
            return;
        }
    };
    out.push('<');
    w(out, tag);
    out.push('>');
    inlines(out, inline.get("children"));
    w(out, "</");
    w(out, tag);
    out.push('>');
}

/// Only a `data:` URL of a raster type with a clean base64 body.
pub fn is_data_image(url: &str) -> bool {
    ["png", "jpeg", "webp", "gif"].iter().any(|mime| {
        url.strip_prefix("data:image/")
            .and_then(|rest| rest.strip_prefix(mime))
            .and_then(|rest| rest.strip_prefix(";base64,"))
            .is_some_and(|body| {
                body.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
            })
    })
}

fn img_html(out: &mut String, img: &Val, alt: &str, size: Option<(&Val, &str)>) {
    let src = text(img, "dataUrl");
    if !is_data_image(&src) {
        return;
    }
    w(out, "<img");
    attr(out, "src", &src);
    attr(out, "alt", alt);
    if let Some((node, class)) = size {
        attr(out, "class", class);
        for key in ["width", "height"] {
            if let Some(Val::Num(n)) = node.get(key) {
                let mut number = String::new();
                push_number(&mut number, *n);
                attr(out, key, &number);
            }
        }
    }
    out.push('>');
}

fn image_html(out: &mut String, node: &Val) {
    w(out, "<div class=\"wf-image");
    let fit = if text(node, "fit") == "cover" { " wf-fit-cover" } else { " wf-fit-contain" };
    w(out, fit);
    if node.get("height").is_some() {
        w(out, " wf-fixed");
    }
    out.push('"');
    let mut ratio = String::new();
    push_number(&mut ratio, node.get("ratio").map_or(1.0, Val::number));
    attr(out, "data-ratio", &ratio);
    out.push('>');
    match node.get("src") {
        Some(img) => img_html(out, img, &text(img, "alt"), Some((node, "wf-img"))),
        None => w(out, "<span class=\"wf-rejected\" role=\"img\" aria-label=\"Image\"></span>"),
    }
    w(out, "</div>");
}

/// `<button … data-action data-path [data-index]>` (the caller writes the content and `</button>`).
fn action_button(out: &mut String, class: &str, action: &str, node: &Val, index: Option<usize>) {
    w(out, "<button type=\"button\" class=\"");
    w(out, class);
    w(out, "\" data-action=\"");
    w(out, action);
    out.push('"');
    attr_of(out, "data-path", node, "path");
    if let Some(index) = index {
        attr(out, "data-index", &index.to_string());
    }
    w(out, " dir=\"auto\">");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(members: &[(&str, &str)]) -> Val {
        Val::Obj(members.iter().map(|(k, v)| ((*k).to_owned(), Val::Str((*v).to_owned()))).collect())
    }

    #[test]
    fn captions_row_shows_when_any_caption_has_text() {
        let tree = |footer: Val| Val::Obj(vec![("footer".into(), footer)]);
        let html = render(&tree(obj(&[("center", "C"), ("label", "Go")])), "");
        assert!(html.contains(
            "<div class=\"wf-footer\"><div class=\"wf-captions\" role=\"note\">\
             <span class=\"wf-caption-center\" dir=\"auto\">C</span></div><button type=\"button\" \
             class=\"wf-cta\" data-action=\"footer\" data-path=\"\" dir=\"auto\">Go</button>\
             <p class=\"wf-brand\" dir=\"auto\"> </p></div></div></div>"
        ));
        let html = render(&tree(obj(&[("left", ""), ("right", "R")])), "");
        assert!(html.contains("role=\"note\"><span class=\"wf-caption-right\" dir=\"auto\">R</span></div>"));
        assert!(!render(&tree(obj(&[("left", "")])), "").contains("wf-captions"));
    }
}
