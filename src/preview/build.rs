//! From a template definition (and a send) to the render tree: which text
//! goes where, variable values, buttons as WhatsApp lays them out, carousel
//! cards, limited-time offers and the preset texts of authentication templates.
//! Every text is bounded here (see [`super::MAX_TEXT_BYTES`]) before it is parsed or copied.

use super::markup::{self, Block, Inline};
use super::slots::{fill_block, split_slots, Slot, SLOT_CLOSE, SLOT_OPEN};
use super::tree::{Button, Card, Direction, Header, Offer, Theme, Tree};
use super::values::{items, text_of, upper, Send, Values};
use super::{code, MAX_DOCUMENT_BYTES, MAX_TEXT_BYTES};
use crate::check::{code::TOO_MANY_ISSUES, MAX_ISSUES};
use crate::json::Node;
use crate::report::Issue;
use crate::template::variables;
use crate::time::utc_minute;
use std::cmp::Ordering;

struct Builder {
    issues: Vec<Issue>,
    /// Bytes of text the preview may still show: one value can fill many
    /// variables, so without this a small definition could fill megabytes.
    room: usize,
}

/// The tree of `definition` filled from `send`, and the preview's findings.
pub(super) fn tree(
    definition: &Node,
    send: Option<&Node>,
    theme: Theme,
    direction: Direction,
) -> (Tree, Vec<Issue>) {
    let mut builder = Builder { issues: Vec::new(), room: MAX_DOCUMENT_BYTES };
    let send = Send::new(send);
    let authentication = upper(definition, "category") == "AUTHENTICATION";
    let mut tree = Tree::empty(theme, direction);
    let mut buttons = Vec::new();
    for (index, component) in items(definition.get("components")).iter().enumerate() {
        let path = format!("/components/{index}");
        match upper(component, "type").as_str() {
            "HEADER" => tree.header = builder.header(component, &send, &path),
            "BODY" if authentication => tree.body = builder.authentication_body(component, &send, &path),
            "BODY" => tree.body = builder.body(component, send.parameters("BODY"), &path),
            "FOOTER" if authentication => {
                tree.footer = component
                    .get("code_expiration_minutes")
                    .and_then(Node::as_f64)
                    .map(|minutes| format!("This code expires in {} minutes.", minutes as u32));
            }
            "FOOTER" => tree.footer = text_of(component, "text").map(|text| builder.fit(text, &path, "text")),
            "BUTTONS" => buttons = builder.buttons(component, &send, &path),
            "CAROUSEL" => tree.cards = builder.cards(component, &send, &path),
            "LIMITED_TIME_OFFER" => tree.offer = builder.offer(component, &send, &path),
            _ => {}
        }
    }
    if buttons.len() > 3 {
        tree.hidden_buttons = buttons.split_off(2);
        buttons.push(Button { kind: "seeAll", text: "See all options".to_owned(), href: None });
    }
    tree.buttons = buttons;
    (tree, builder.issues)
}

impl Builder {
    /// Records a finding of the preview's own; after [`MAX_ISSUES`] of them,
    /// one `too_many_issues` and then nothing.
    fn warn(&mut self, code: &'static str, path: &str, message: String) {
        match self.issues.len().cmp(&MAX_ISSUES) {
            Ordering::Less => self.issues.push(Issue::warning(code, path, message)),
            Ordering::Equal => {
                let message = format!("stopped after {MAX_ISSUES} findings");
                self.issues.push(Issue::warning(TOO_MANY_ISSUES, "", message));
            }
            Ordering::Greater => {}
        }
    }

    /// The most bytes the next text may show: [`MAX_TEXT_BYTES`], or what is
    /// left of the preview's [`MAX_DOCUMENT_BYTES`].
    fn limit(&self) -> usize {
        MAX_TEXT_BYTES.min(self.room)
    }

    /// A text shown as given (a footer, a label): whole when it fits, else cut
    /// (with a warning at `path`/`member`, the path built only then).
    fn fit(&mut self, text: &str, path: &str, member: &str) -> String {
        let limit = self.limit();
        if text.len() <= limit {
            self.room -= text.len();
            return text.to_owned();
        }
        self.too_long(&format!("{path}/{member}"), text.len(), "", limit, "cut");
        cut(text, limit)
    }

    /// Warns that the text at `path` is `size` bytes (`how`: with its
    /// variables filled, or not), over `limit`, and so is `shown` otherwise.
    fn too_long(&mut self, path: &str, size: usize, how: &str, limit: usize, shown: &str) {
        self.room = self.room.saturating_sub(limit);
        let message = format!(
            "{size} bytes{how}, over the preview's limit of {limit} ({MAX_TEXT_BYTES} per text, \
             {MAX_DOCUMENT_BYTES} in all): {shown}; shorten it"
        );
        self.warn(code::TEXT_TOO_LONG, path, message);
    }

    /// Formatted text with its variables filled (or left as placeholders, with
    /// a warning); a text over the limit is not parsed but shown cut, as plain text.
    fn text(&mut self, text: &str, values: &Values, path: &str) -> Vec<Block> {
        match self.slot(text, values, path) {
            Ok((slotted, slots)) => {
                markup::parse(&slotted).into_iter().map(|block| fill_block(block, &slots)).collect()
            }
            Err(text) => vec![Block::Paragraph { children: vec![Inline::Text { text }] }],
        }
    }

    /// `text` with each variable replaced by its slot, and the slots; or, when
    /// the text (with its values) is over the limit, the text to show instead:
    /// as written (its variables not filled), cut at the limit, never parsed.
    fn slot(&mut self, text: &str, values: &Values, path: &str) -> Result<(String, Vec<Slot>), String> {
        let limit = self.limit();
        if text.len() > limit {
            self.too_long(path, text.len(), "", limit, "cut and not formatted");
            return Err(cut(text, limit));
        }
        let scan = variables::scan(text);
        let found: Vec<_> =
            scan.variables.iter().map(|variable| (variable, values.get(&variable.name))).collect();
        // Measured before anything is built: a value may fill many variables.
        let filled = found.iter().fold(text.len(), |size, (variable, value)| {
            let written = variable.end - variable.start;
            size.saturating_sub(written).saturating_add(value.map_or(written, str::len))
        });
        if filled > limit {
            self.too_long(path, filled, " with its variables filled", limit, "shown as written, unformatted");
            return Err(cut(text, limit));
        }
        self.room -= filled;
        // The slot markers are private-use characters; any already in the text become U+FFFD.
        let plain = |part: &str| part.replace([SLOT_OPEN, SLOT_CLOSE], "\u{FFFD}");
        let mut slotted = String::with_capacity(text.len());
        let mut slots: Vec<Slot> = Vec::new();
        let mut at = 0;
        for (variable, value) in found {
            slotted.push_str(&plain(text.get(at..variable.start).unwrap_or_default()));
            let written = text.get(variable.start..variable.end).unwrap_or_default().to_owned();
            let value = value.map(str::to_owned);
            if value.is_none() {
                let message =
                    format!("{written} has no value in the send or the examples; the preview shows it as is");
                self.warn(code::VARIABLE_UNRESOLVED, path, message);
            }
            slotted.push(SLOT_OPEN);
            slotted.push_str(&slots.len().to_string());
            slotted.push(SLOT_CLOSE);
            slots.push((written, value));
            at = variable.end;
        }
        slotted.push_str(&plain(text.get(at..).unwrap_or_default()));
        Ok((slotted, slots))
    }

    fn body(&mut self, component: &Node, parameters: &[Node], path: &str) -> Vec<Block> {
        let from_send = Values::from_parameters(parameters);
        let values = if from_send.is_empty() {
            Values::from_example(component.get("example"), "body_text")
        } else {
            from_send
        };
        self.text(text_of(component, "text").unwrap_or_default(), &values, &format!("{path}/text"))
    }

    /// Authentication bodies are Meta's preset text; the code comes from the send.
    fn authentication_body(&mut self, component: &Node, send: &Send, path: &str) -> Vec<Block> {
        let mut text = "*{{1}}* is your verification code.".to_owned();
        if component.get("add_security_recommendation").and_then(Node::as_bool) == Some(true) {
            text.push_str(" For your security, do not share this code.");
        }
        let values = Values::from_parameters(send.parameters("BODY"));
        self.text(&text, &values, path)
    }

    fn header(&mut self, component: &Node, send: &Send, path: &str) -> Option<Header> {
        let parameters = send.parameters("HEADER");
        match upper(component, "format").as_str() {
            "TEXT" => {
                let from_send = Values::from_parameters(parameters);
                let values = if from_send.is_empty() {
                    Values::from_example(component.get("example"), "header_text")
                } else {
                    from_send
                };
                // Headers are one line of bold text: WhatsApp applies no formatting there.
                let text = text_of(component, "text").unwrap_or_default();
                let mut children = Vec::new();
                match self.slot(text, &values, &format!("{path}/text")) {
                    Ok((slotted, slots)) => split_slots(&slotted, &slots, &mut children),
                    Err(plain) => children.push(Inline::Text { text: plain }),
                }
                Some(Header::Text { children })
            }
            format @ ("IMAGE" | "VIDEO" | "DOCUMENT") => {
                let media: &'static str = match format {
                    "IMAGE" => "image",
                    "VIDEO" => "video",
                    _ => "document",
                };
                let given = parameters.iter().find_map(|p| p.get(media));
                let link = given.and_then(|m| text_of(m, "link")).or_else(|| {
                    let handles = component.get("example").and_then(|e| e.get("header_handle"));
                    items(handles).first().and_then(Node::as_str)
                });
                let url = link.and_then(|link| self.safe_link(link, &format!("{path}/format")));
                let filename = given.and_then(|m| text_of(m, "filename")).map(str::to_owned);
                Some(Header::Media { media, url, filename })
            }
            "LOCATION" => {
                let location = parameters.iter().find_map(|p| p.get("location"));
                let field = |key| location.and_then(|l| text_of(l, key)).map(str::to_owned);
                Some(Header::Location { name: field("name"), address: field("address") })
            }
            "PRODUCT" => Some(Header::Product),
            _ => None,
        }
    }

    /// `link` when it is an http(s) URL the HTML may use (the same test as
    /// [`super::html::is_safe_href`], less `tel:`: phone buttons build their
    /// own); otherwise none, with a warning when it looked like a link at all.
    fn safe_link(&mut self, link: &str, path: &str) -> Option<String> {
        let tel = link.get(..4).is_some_and(|scheme| scheme.eq_ignore_ascii_case("tel:"));
        if super::html::is_safe_href(link) && !tel {
            return Some(link.to_owned());
        }
        // Upload handles ("4::aW1h…") are not links: they just have no preview.
        if link.contains(':') && !link.contains("::") {
            let message = "only http:, https: and tel: links are shown; this one is shown as text";
            self.warn(code::LINK_UNSAFE, path, message.to_owned());
        }
        None
    }

    fn buttons(&mut self, component: &Node, send: &Send, path: &str) -> Vec<Button> {
        let list = items(component.get("buttons"));
        let mut out = Vec::with_capacity(list.len());
        for (index, button) in list.iter().enumerate() {
            let path = format!("{path}/buttons/{index}");
            let label = self.fit(text_of(button, "text").unwrap_or_default(), &path, "text");
            let (kind, text, href) = match upper(button, "type").as_str() {
                "QUICK_REPLY" => ("quickReply", label, None),
                "URL" => ("url", label, self.url_button(button, send.button_parameters(index), &path)),
                "PHONE_NUMBER" => {
                    let number: String = text_of(button, "phone_number")
                        .unwrap_or_default()
                        .chars()
                        .filter(|c| c.is_ascii_digit() || *c == '+')
                        .collect();
                    ("phone", label, (!number.is_empty()).then(|| format!("tel:{number}")))
                }
                "COPY_CODE" => ("copyCode", "Copy offer code".to_owned(), None),
                "OTP" => {
                    let one_tap = matches!(upper(button, "otp_type").as_str(), "ONE_TAP" | "ZERO_TAP");
                    let (key, fallback) =
                        if one_tap { ("autofill_text", "Autofill") } else { ("text", "Copy code") };
                    let text = self.fit(text_of(button, key).unwrap_or(fallback), &path, key);
                    ("otp", text, None)
                }
                "FLOW" => ("flow", label, None),
                "CATALOG" => ("catalog", or(label, "View catalog"), None),
                "MPM" => ("multiProduct", or(label, "View items"), None),
                "VOICE_CALL" => ("call", or(label, "Call"), None),
                _ => ("other", label, None),
            };
            out.push(Button { kind, text, href });
        }
        out
    }

    /// A URL button's target: its variable filled from the send, else the example URL.
    fn url_button(&mut self, button: &Node, parameters: &[Node], path: &str) -> Option<String> {
        let url = text_of(button, "url")?;
        let scan = variables::scan(url);
        let target = match scan.variables.first() {
            None => url.to_owned(),
            Some(variable) => {
                let fill = |value: &str| {
                    let before = url.get(..variable.start).unwrap_or_default();
                    format!("{before}{value}{}", url.get(variable.end..).unwrap_or_default())
                };
                // Examples are the whole URL in most of Meta's docs, only the value in others.
                let example = items(button.get("example")).first().and_then(Node::as_str);
                match (Values::from_parameters(parameters).positional.first(), example) {
                    (Some(value), _) => fill(value),
                    (None, Some(example)) if example.contains("://") => example.to_owned(),
                    (None, Some(value)) => fill(value),
                    (None, None) => return None,
                }
            }
        };
        self.safe_link(&target, &format!("{path}/url"))
    }

    /// The limited-time offer box: its text and, when it expires, when.
    fn offer(&mut self, component: &Node, send: &Send, path: &str) -> Option<Offer> {
        let offer = component.get("limited_time_offer")?;
        let text = self.fit(text_of(offer, "text").unwrap_or_default(), path, "limited_time_offer/text");
        let expires = offer.get("has_expiration").and_then(Node::as_bool) == Some(true);
        let parameter =
            send.parameters("LIMITED_TIME_OFFER").iter().find_map(|p| p.get("limited_time_offer"));
        let when = parameter.and_then(|p| p.get("expiration_time_ms")).and_then(Node::as_f64);
        let expires = match (expires, when) {
            (false, _) => None,
            (true, Some(ms)) if ms >= 0.0 => Some(format!("Offer ends {}", utc_minute((ms / 1000.0) as i64))),
            (true, _) => Some("Offer ends at the time set when sending".to_owned()),
        };
        Some(Offer { text, expires })
    }

    fn cards(&mut self, component: &Node, send: &Send, path: &str) -> Vec<Card> {
        let cards = items(component.get("cards"));
        let mut out = Vec::with_capacity(cards.len());
        for (index, card) in cards.iter().enumerate() {
            let card_send = send.card(index);
            let mut built = Card { header: None, body: Vec::new(), buttons: Vec::new() };
            for (part_index, part) in items(card.get("components")).iter().enumerate() {
                let path = format!("{path}/cards/{index}/components/{part_index}");
                match upper(part, "type").as_str() {
                    "HEADER" => built.header = self.header(part, &card_send, &path),
                    "BODY" => built.body = self.body(part, card_send.parameters("BODY"), &path),
                    "BUTTONS" => built.buttons = self.buttons(part, &card_send, &path),
                    _ => {}
                }
            }
            out.push(built);
        }
        out
    }
}

fn or(label: String, fallback: &str) -> String {
    if label.is_empty() {
        fallback.to_owned()
    } else {
        label
    }
}

/// `text`, or when it is longer than `limit` bytes its first ones (at a
/// character boundary) and "…".
fn cut(text: &str, limit: usize) -> String {
    let mut shown = text.get(..text.floor_char_boundary(limit)).unwrap_or_default().to_owned();
    if shown.len() < text.len() {
        shown.push('…');
    }
    shown
}
