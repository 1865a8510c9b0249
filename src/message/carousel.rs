//! Interactive media carousels (`interactive.type: "carousel"`): 2–10 cards,
//! each with an image or video header, an optional short body, and either
//! one URL button or quick replies, laid out alike on every card.
//!
//! Source: Meta's "Interactive media carousel messages" page (mirrored in
//! REFERENCE.md's M-* docs under `messages/interactive-reply-buttons-messages.md`,
//! updated 2026-05-21), and META-2026.md §1.6 (360dialog, Gupshup):
//! "Messages must include between 2 and 10 cards. Main message body text is
//! required. Main message headers, footers, and interactive components are
//! not supported. Cards must include either an image or video header. […]
//! Card body text is optional [max 160 characters, and up to 2 line breaks].
//! Cards must include either one URL button, or one or more quick-reply
//! buttons. Button types and numbers must match across all cards."

use super::interactive::{check_cta_url, reply_id, typed_reply, unique};
use super::{check_media, code, limit, required_text};
use crate::check::{At, Checker};
use crate::text::quoted;

/// What a card's action holds, to compare cards with each other.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    Url,
    QuickReplies(usize),
}

impl Layout {
    fn describe(self) -> String {
        match self {
            Layout::Url => "one URL button".to_owned(),
            Layout::QuickReplies(n) => format!("{n} quick-reply button(s)"),
        }
    }
}

/// A carousel `interactive` object (its body was checked by the caller).
pub fn check(checker: &mut Checker<'_>, interactive: &At<'_>) {
    for part in ["header", "footer"] {
        if let Some(at) = interactive.get(part) {
            checker.error(
                code::CAROUSEL_INVALID,
                &at,
                format!("a carousel takes no main {part}: each card has its own header and body"),
            );
        }
    }
    let Some(action) = interactive.required(checker, "action", "an interactive message") else { return };
    if action.object(checker).is_none() {
        return;
    }
    checker.unknown_keys(&action, &["cards"], "a carousel action");
    let Some(list) = action.required(checker, "cards", "a carousel action") else { return };
    let Some(cards) = list.array(checker) else { return };
    if !(2..=10).contains(&cards.len()) {
        checker.error(
            code::CAROUSEL_INVALID,
            &list,
            format!("a carousel has 2 to 10 cards; this one has {}", cards.len()),
        );
    }
    let mut seen_indexes = Vec::new();
    let mut first_layout: Option<(Layout, usize)> = None;
    for (position, card) in cards.iter().enumerate() {
        if card.object(checker).is_none() {
            continue;
        }
        checker.unknown_keys(card, &["card_index", "type", "header", "body", "action"], "a carousel card");
        check_index(checker, card, cards.len(), &mut seen_indexes);
        if let Some(kind) = card.get("type") {
            kind.str(checker);
        }
        check_card_header(checker, card);
        check_card_body(checker, card);
        let Some(layout) = check_card_action(checker, card) else { continue };
        match first_layout {
            None => first_layout = Some((layout, position)),
            Some((first, first_position)) if first != layout => {
                if let Some(at) = card.get("action") {
                    checker.error(
                        code::CAROUSEL_LAYOUT,
                        &at,
                        format!(
                            "card {position} has {}, card {first_position} has {}: every card needs the same buttons",
                            layout.describe(),
                            first.describe()
                        ),
                    );
                }
            }
            Some(_) => {}
        }
    }
}

/// `card_index`: a whole number from 0, each card its own (cards show in index order).
fn check_index(checker: &mut Checker<'_>, card: &At<'_>, count: usize, seen: &mut Vec<i64>) {
    let Some(at) = card.required(checker, "card_index", "a carousel card") else { return };
    let Some(index) = at.integer(checker) else { return };
    let in_range = usize::try_from(index).is_ok_and(|i| i < count.min(10));
    if !in_range {
        checker.error(
            code::CAROUSEL_INVALID,
            &at,
            format!("card_index {index} is out of range: cards are numbered 0 to {}", count.clamp(1, 10) - 1),
        );
    } else if seen.contains(&index) {
        checker.error(code::CAROUSEL_INVALID, &at, format!("card_index {index} is used twice"));
    }
    seen.push(index);
}

/// A card header: image or video, by `id` or `link`.
fn check_card_header(checker: &mut Checker<'_>, card: &At<'_>) {
    let Some(header) = card.required(checker, "header", "a carousel card") else { return };
    if header.object(checker).is_none() {
        return;
    }
    let Some(type_at) = header.required(checker, "type", "a card header") else { return };
    let Some(kind) = type_at.str(checker) else { return };
    if !matches!(kind, "image" | "video") {
        checker.error(
            code::CAROUSEL_INVALID,
            &type_at,
            format!("a carousel card's header is image or video, not {}", quoted(kind)),
        );
        return;
    }
    checker.unknown_keys(&header, &["type", kind], "a card header");
    if let Some(media) = header.required(checker, kind, "a card header") {
        if media.object(checker).is_some() {
            check_media(checker, &media, kind);
        }
    }
}

/// The optional card body: at most 160 characters and 2 line breaks.
fn check_card_body(checker: &mut Checker<'_>, card: &At<'_>) {
    let Some(body) = card.get("body") else { return };
    if body.object(checker).is_none() {
        return;
    }
    checker.unknown_keys(&body, &["text"], "a card body");
    let Some(at) = body.required(checker, "text", "a card body") else { return };
    let Some(text) = at.str(checker) else { return };
    limit(checker, &at, text, 160, "a card body");
    let breaks = text.matches('\n').count();
    if breaks > 2 {
        checker.error(
            code::CAROUSEL_INVALID,
            &at,
            format!("a card body has {breaks} line breaks; at most 2"),
        );
    }
}

/// The card's buttons: one URL button (`name: "cta_url"`, `parameters`) or
/// quick replies (`buttons`). Returns the layout, to compare across cards.
fn check_card_action(checker: &mut Checker<'_>, card: &At<'_>) -> Option<Layout> {
    let action = card.required(checker, "action", "a carousel card")?;
    action.object(checker)?;
    let url = action.get("name").is_some() || action.get("parameters").is_some();
    match (url, action.get("buttons")) {
        (true, Some(buttons)) => {
            checker.error(
                code::CAROUSEL_LAYOUT,
                &buttons,
                "a card has one URL button or quick replies, not both: the URL button stands alone",
            );
            None
        }
        (true, None) => {
            check_cta_url(checker, &action);
            Some(Layout::Url)
        }
        (false, Some(buttons)) => {
            checker.unknown_keys(&action, &["buttons"], "a card action");
            check_quick_replies(checker, &buttons).map(Layout::QuickReplies)
        }
        (false, None) => {
            checker.error(
                code::CAROUSEL_INVALID,
                &action,
                "a card needs a URL button (name \"cta_url\" with parameters) or quick-reply buttons",
            );
            None
        }
    }
}

/// Quick replies: `{type: "quick_reply", quick_reply: {id ≤ 256, title ≤ 20}}`.
fn check_quick_replies(checker: &mut Checker<'_>, list: &At<'_>) -> Option<usize> {
    let buttons = list.array(checker)?;
    if buttons.is_empty() {
        checker.error(code::CAROUSEL_INVALID, list, "a card's buttons list needs at least one quick reply");
    }
    let mut ids = Vec::new();
    for button in &buttons {
        let kind = "quick_reply";
        let Some(reply) = typed_reply(checker, button, kind, "a quick-reply button", "carousel card buttons")
        else {
            continue;
        };
        reply_id(checker, &reply, &mut ids);
        required_text(checker, &reply, "title", 20, "a quick reply");
    }
    unique(checker, &ids, "quick-reply id");
    Some(buttons.len())
}
