//! The render tree as HTML that is safe to insert into any page: every text
//! escaped, attributes always quoted and escaped, links only `http:`,
//! `https:` and `tel:` (checked again here), no scripts, no event handlers, no
//! inline styles — class names only, styled by the package's `preview.css` —
//! so the output is valid under a strict Content-Security-Policy. Images
//! load lazily and send no referrer; with [`Media::Placeholder`] no media loads at all.

use super::markup::{Block, Inline};
use super::tree::{Button, Card, Direction, Header, Theme, Tree};

/// How media headers are shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Media {
    /// Header images load from their URL (lazily, with no referrer).
    #[default]
    Load,
    /// Images, videos and documents are labelled boxes: the HTML names no
    /// media URL, so showing a preview never tells a media host who looked.
    Placeholder,
}

/// The bubble (and its buttons and cards) as HTML.
pub fn render(tree: &Tree, time: &str, media: Media) -> String {
    let mut out = String::with_capacity(1024);
    let theme = match tree.theme {
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    let dir = match tree.direction {
        Direction::Ltr => "ltr",
        Direction::Rtl => "rtl",
    };
    out.push_str("<div class=\"wa-preview wa-");
    out.push_str(theme);
    out.push_str("\" dir=\"");
    out.push_str(dir);
    out.push_str("\"><div class=\"wa-bubble\">");
    if let Some(header) = &tree.header {
        header_html(&mut out, header, media);
    }
    if let Some(offer) = &tree.offer {
        out.push_str(
            "<div class=\"wa-offer\"><span class=\"wa-offer-icon\" aria-hidden=\"true\"></span><div>",
        );
        element(&mut out, "strong", "wa-offer-text", &offer.text);
        if let Some(expires) = &offer.expires {
            element(&mut out, "div", "wa-offer-expires", expires);
        }
        out.push_str("</div></div>");
    }
    blocks_html(&mut out, &tree.body);
    if let Some(footer) = &tree.footer {
        element(&mut out, "div", "wa-footer", footer);
    }
    element(&mut out, "div", "wa-time", time);
    out.push_str("</div>");
    buttons_html(&mut out, &tree.buttons);
    if !tree.cards.is_empty() {
        out.push_str("<div class=\"wa-cards\">");
        for card in &tree.cards {
            card_html(&mut out, card, media);
        }
        out.push_str("</div>");
    }
    out.push_str("</div>");
    out
}

fn card_html(out: &mut String, card: &Card, media: Media) {
    out.push_str("<div class=\"wa-card\"><div class=\"wa-bubble\">");
    if let Some(header) = &card.header {
        header_html(out, header, media);
    }
    blocks_html(out, &card.body);
    out.push_str("</div>");
    buttons_html(out, &card.buttons);
    out.push_str("</div>");
}

fn header_html(out: &mut String, header: &Header, mode: Media) {
    match header {
        Header::Text { children } => {
            out.push_str("<div class=\"wa-header\">");
            inlines_html(out, children);
            out.push_str("</div>");
        }
        Header::Media { media, url, filename } => {
            let label = match *media {
                "image" => "Image",
                "video" => "Video",
                _ => "Document",
            };
            let url = url.as_deref().filter(|u| mode == Media::Load && is_safe_href(u));
            match (url, *media) {
                (Some(url), "image") => {
                    // Lazy and referrer-free: a header image is fetched from a host the
                    // template's author chose, and must not learn which page showed it.
                    out.push_str("<img class=\"wa-media\" alt=\"Header image\" src=\"");
                    escape(out, url);
                    out.push_str("\" referrerpolicy=\"no-referrer\" loading=\"lazy\" decoding=\"async\">");
                }
                (url, _) => {
                    out.push_str("<div class=\"wa-media wa-placeholder wa-");
                    out.push_str(media);
                    out.push_str("\">");
                    let name = filename.as_deref().unwrap_or(label);
                    match url {
                        Some(url) => link(out, url, name),
                        None => escape(out, name),
                    }
                    out.push_str("</div>");
                }
            }
        }
        Header::Location { name, address } => {
            out.push_str("<div class=\"wa-media wa-placeholder wa-location\">");
            element(out, "strong", "wa-location-name", name.as_deref().unwrap_or("Location"));
            if let Some(address) = address {
                element(out, "div", "wa-location-address", address);
            }
            out.push_str("</div>");
        }
        Header::Product => element(out, "div", "wa-media wa-placeholder wa-product", "Product"),
    }
}

fn buttons_html(out: &mut String, buttons: &[Button]) {
    if buttons.is_empty() {
        return;
    }
    out.push_str("<div class=\"wa-buttons\">");
    for button in buttons {
        let href = button.href.as_deref().filter(|h| is_safe_href(h));
        out.push_str(if href.is_some() { "<a class=\"wa-button wa-" } else { "<span class=\"wa-button wa-" });
        out.push_str(button.kind);
        out.push('"');
        if let Some(href) = href {
            out.push_str(" href=\"");
            escape(out, href);
            out.push_str("\" target=\"_blank\" rel=\"noopener noreferrer nofollow\"");
        }
        out.push_str("><span class=\"wa-icon\" aria-hidden=\"true\"></span>");
        escape(out, &button.text);
        out.push_str(if href.is_some() { "</a>" } else { "</span>" });
    }
    out.push_str("</div>");
}

fn blocks_html(out: &mut String, blocks: &[Block]) {
    if blocks.is_empty() {
        return;
    }
    out.push_str("<div class=\"wa-body\">");
    for block in blocks {
        match block {
            Block::Paragraph { children } => wrap(out, "p", children),
            Block::Quote { children } => wrap(out, "blockquote", children),
            Block::BulletList { items } => list(out, "<ul>", "</ul>", items),
            Block::NumberedList { start, items } => {
                out.push_str("<ol start=\"");
                out.push_str(&start.to_string());
                out.push_str("\">");
                list(out, "", "</ol>", items);
            }
            Block::CodeBlock { text } => element(out, "pre", "wa-code", text),
        }
    }
    out.push_str("</div>");
}

fn list(out: &mut String, open: &str, close: &str, items: &[Vec<Inline>]) {
    out.push_str(open);
    for item in items {
        wrap(out, "li", item);
    }
    out.push_str(close);
}

fn wrap(out: &mut String, tag: &str, children: &[Inline]) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    inlines_html(out, children);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

fn inlines_html(out: &mut String, inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text { text } => escape(out, text),
            Inline::Bold { children } => wrap(out, "strong", children),
            Inline::Italic { children } => wrap(out, "em", children),
            Inline::Strike { children } => wrap(out, "s", children),
            Inline::Code { text } => element(out, "code", "wa-code", text),
            Inline::Link { href, text } if is_safe_href(href) => link(out, href, text),
            Inline::Link { text, .. } => escape(out, text),
            Inline::Variable { text, resolved, .. } => {
                let class = if *resolved { "wa-var" } else { "wa-var wa-unresolved" };
                // <bdi>: a value's own direction cannot reorder the text around it.
                out.push_str("<bdi class=\"");
                out.push_str(class);
                out.push_str("\">");
                escape(out, text);
                out.push_str("</bdi>");
            }
            Inline::Break => out.push_str("<br>"),
        }
    }
}

fn link(out: &mut String, href: &str, text: &str) {
    out.push_str("<a href=\"");
    escape(out, href);
    out.push_str("\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">");
    escape(out, text);
    out.push_str("</a>");
}

fn element(out: &mut String, tag: &str, class: &str, text: &str) {
    out.push('<');
    out.push_str(tag);
    out.push_str(" class=\"");
    out.push_str(class);
    out.push_str("\">");
    escape(out, text);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// Only `http:`, `https:` and `tel:` targets with no whitespace, controls,
/// invisible format characters or quotes: a link must read as what it is.
pub fn is_safe_href(href: &str) -> bool {
    let lower = href.get(..8).unwrap_or(href).to_ascii_lowercase();
    let scheme = lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("tel:");
    scheme
        && !href.chars().any(|c| {
            c.is_control() || c.is_whitespace() || invisible(c) || matches!(c, '"' | '\'' | '<' | '>' | '`')
        })
}

/// Unicode's format characters (general category Cf, Unicode 16: zero-width
/// spaces and joiners, direction marks and overrides, invisible operators,
/// the soft hyphen, tags…) and the Hangul fillers, letters that show as
/// nothing. A table of ranges: std has no category tables, and this is a few bytes.
const INVISIBLE: [(char, char); 23] = [
    ('\u{AD}', '\u{AD}'),
    ('\u{600}', '\u{605}'),
    ('\u{61C}', '\u{61C}'),
    ('\u{6DD}', '\u{6DD}'),
    ('\u{70F}', '\u{70F}'),
    ('\u{890}', '\u{891}'),
    ('\u{8E2}', '\u{8E2}'),
    ('\u{115F}', '\u{1160}'),
    ('\u{180E}', '\u{180E}'),
    ('\u{200B}', '\u{200F}'),
    ('\u{202A}', '\u{202E}'),
    ('\u{2060}', '\u{206F}'),
    ('\u{3164}', '\u{3164}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFA0}', '\u{FFA0}'),
    ('\u{FFF9}', '\u{FFFB}'),
    ('\u{110BD}', '\u{110BD}'),
    ('\u{110CD}', '\u{110CD}'),
    ('\u{13430}', '\u{1343F}'),
    ('\u{1BCA0}', '\u{1BCA3}'),
    ('\u{1D173}', '\u{1D17A}'),
    ('\u{E0001}', '\u{E0001}'),
    ('\u{E0020}', '\u{E007F}'),
];

fn invisible(c: char) -> bool {
    INVISIBLE.iter().any(|&(first, last)| (first..=last).contains(&c))
}

/// Text as HTML text or attribute content. Bidirectional override and
/// isolate controls are dropped: in a preview they only serve to disguise
/// text (e.g. make a link read as another). Flow previews write with it too.
pub(crate) fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_are_http_https_or_tel_only() {
        for good in ["https://x.example/a?b=1&c", "http://x.example", "tel:+14155552671", "HTTPS://X.EXAMPLE"]
        {
            assert!(is_safe_href(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            " https://x",
            "https://x\" onclick=\"y",
            "//x",
            "vbscript:x",
        ] {
            assert!(!is_safe_href(bad), "{bad}");
        }
    }

    /// Every character that could make a link read as another, anywhere in it.
    #[test]
    fn hrefs_with_invisible_or_control_characters_are_refused() {
        let hidden = [
            ('\u{200B}', "zero-width space"),
            ('\u{200C}', "zero-width non-joiner"),
            ('\u{200D}', "zero-width joiner"),
            ('\u{200E}', "left-to-right mark"),
            ('\u{200F}', "right-to-left mark"),
            ('\u{2028}', "line separator"),
            ('\u{2029}', "paragraph separator"),
            ('\u{202A}', "left-to-right embedding"),
            ('\u{202B}', "right-to-left embedding"),
            ('\u{202C}', "pop directional formatting"),
            ('\u{202D}', "left-to-right override"),
            ('\u{202E}', "right-to-left override"),
            ('\u{2060}', "word joiner"),
            ('\u{2061}', "function application"),
            ('\u{2062}', "invisible times"),
            ('\u{2063}', "invisible separator"),
            ('\u{2064}', "invisible plus"),
            ('\u{2066}', "left-to-right isolate"),
            ('\u{2067}', "right-to-left isolate"),
            ('\u{2068}', "first strong isolate"),
            ('\u{2069}', "pop directional isolate"),
            ('\u{206A}', "inhibit symmetric swapping"),
            ('\u{206F}', "nominal digit shapes"),
            ('\u{FEFF}', "byte order mark"),
            ('\u{00AD}', "soft hyphen"),
            ('\u{061C}', "Arabic letter mark"),
            ('\u{180E}', "Mongolian vowel separator"),
            ('\u{FFF9}', "interlinear annotation anchor"),
            ('\u{1D173}', "musical symbol begin beam"),
            ('\u{E0001}', "language tag"),
            ('\u{E0041}', "tag latin capital letter A"),
            ('\u{3164}', "Hangul filler"),
            ('\u{0000}', "NUL"),
            ('\u{0009}', "tab"),
            ('\u{000A}', "line feed"),
            ('\u{000D}', "carriage return"),
            ('\u{001B}', "escape"),
            ('\u{007F}', "delete"),
            ('\u{0085}', "next line (C1)"),
            ('\u{009B}', "control sequence introducer (C1)"),
            ('\u{00A0}', "no-break space"),
            ('\u{3000}', "ideographic space"),
        ];
        for (c, name) in hidden {
            for url in [
                format!("https://{c}x.example/"),
                format!("https://x.exa{c}mple/"),
                format!("https://x.example/a{c}"),
                format!("https://x.example/?q={c}"),
                format!("tel:+1415{c}5552671"),
                format!("{c}https://x.example/"),
            ] {
                assert!(!is_safe_href(&url), "{name} (U+{:04X}) in {url:?}", u32::from(c));
            }
        }
        // Visible non-ASCII stays allowed: internationalised hosts and paths are real.
        for good in ["https://münchen.example/straße", "https://例え.example/パス", "https://x.example/😀"]
        {
            assert!(is_safe_href(good), "{good}");
        }
        for bad in ["mailto:a@x.example", "ftp://x.example", "file:///etc/passwd", "blob:https://x", "tel"] {
            assert!(!is_safe_href(bad), "{bad}");
        }
    }

    fn media_tree(media: &'static str, url: &str) -> Tree {
        let header = Header::Media { media, url: Some(url.to_owned()), filename: None };
        Tree { header: Some(header), ..Tree::empty(Theme::Light, Direction::Ltr) }
    }

    #[test]
    fn images_load_lazily_and_send_no_referrer() {
        let html = render(&media_tree("image", "https://cdn.example/a.png"), "12:00", Media::Load);
        assert!(
            html.contains(
                "<img class=\"wa-media\" alt=\"Header image\" src=\"https://cdn.example/a.png\" \
                 referrerpolicy=\"no-referrer\" loading=\"lazy\" decoding=\"async\">"
            ),
            "{html}"
        );
    }

    #[test]
    fn placeholder_media_names_no_url() {
        for (media, label) in [("image", "Image"), ("video", "Video"), ("document", "Document")] {
            let html = render(&media_tree(media, "https://cdn.example/a"), "12:00", Media::Placeholder);
            let expected = format!("<div class=\"wa-media wa-placeholder wa-{media}\">{label}</div>");
            assert!(html.contains(&expected), "{html}");
            assert!(
                !html.contains("cdn.example") && !html.contains("src=") && !html.contains("<img"),
                "{html}"
            );
        }
    }

    #[test]
    fn text_is_escaped_and_bidi_controls_dropped() {
        let mut out = String::new();
        escape(&mut out, "<script>\"'&\u{202E}x");
        assert_eq!(out, "&lt;script&gt;&quot;&#39;&amp;x");
    }
}
