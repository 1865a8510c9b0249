//! CAROUSEL components: media and product cards, each alike (REFERENCE.md §1.11).

use super::buttons::check_buttons;
use super::header_body_footer::{check_body, check_header, BodyKind};
use super::{code, require_marketing, Ctx};
use crate::check::At;

const MEDIA_CARD_BUTTONS: [&str; 3] = ["QUICK_REPLY", "URL", "PHONE_NUMBER"];
const PRODUCT_CARD_BUTTONS: [&str; 2] = ["SPM", "URL"];

/// What one card is made of, to compare cards with each other.
#[derive(PartialEq, Eq)]
struct CardShape {
    header: Option<&'static str>,
    body: bool,
    buttons: Vec<&'static str>,
}

/// A CAROUSEL component: 2–10 cards, each alike.
pub fn check_carousel(ctx: &mut Ctx<'_>, carousel: &At<'_>) {
    ctx.checker.unknown_keys(carousel, &["type", "cards"], "a CAROUSEL component");
    require_marketing(ctx, carousel, "carousel");
    let Some(cards_at) = carousel.required(&mut ctx.checker, "cards", "a CAROUSEL") else { return };
    let Some(cards) = cards_at.array(&mut ctx.checker) else { return };
    if !(2..=10).contains(&cards.len()) {
        ctx.checker.error_meta(
            code::CAROUSEL_CARD_COUNT,
            100,
            &cards_at,
            format!("{} cards; a carousel has 2 to 10, and every send must use the same number", cards.len()),
        );
    }
    let mut first: Option<CardShape> = None;
    for card in &cards {
        let Some(shape) = check_card(ctx, card) else { continue };
        match &first {
            None => first = Some(shape),
            Some(expected) if *expected != shape => ctx.checker.error(
                code::CAROUSEL_CARDS_DIFFER,
                card,
                "every card must have the same components: the same header format, body or no body, and the same buttons in the same order",
            ),
            Some(_) => {}
        }
    }
}

fn check_card(ctx: &mut Ctx<'_>, card: &At<'_>) -> Option<CardShape> {
    card.object(&mut ctx.checker)?;
    ctx.checker.unknown_keys(card, &["components"], "a carousel card");
    let components = card.required(&mut ctx.checker, "components", "a carousel card")?;
    let components = components.array(&mut ctx.checker)?;
    let mut shape = CardShape { header: None, body: false, buttons: Vec::new() };
    for component in &components {
        if component.object(&mut ctx.checker).is_none() {
            continue;
        }
        let kind = component.get("type").and_then(|at| at.node.as_str().map(str::to_ascii_uppercase));
        match kind.as_deref() {
            Some("HEADER") => {
                shape.header = check_header(ctx, component);
                if let Some(format) = shape.header.filter(|f| !matches!(*f, "IMAGE" | "VIDEO" | "PRODUCT")) {
                    ctx.checker.error(
                        code::CAROUSEL_CARD_INVALID,
                        component,
                        format!("a card header is IMAGE, VIDEO or PRODUCT, not {format}"),
                    );
                }
            }
            Some("BODY") => {
                shape.body = true;
                check_body(ctx, component, BodyKind::Card);
            }
            Some("BUTTONS") => {
                ctx.checker.unknown_keys(component, &["type", "buttons"], "a card BUTTONS component");
                let Some(list) = component.required(&mut ctx.checker, "buttons", "a card BUTTONS component")
                else {
                    continue;
                };
                let Some(buttons) = list.array(&mut ctx.checker) else { continue };
                let allowed: &[&str] =
                    if shape.header == Some("PRODUCT") { &PRODUCT_CARD_BUTTONS } else { &MEDIA_CARD_BUTTONS };
                shape.buttons = check_buttons(ctx, &list, &buttons, 2, allowed);
            }
            _ => ctx.checker.error(
                code::CAROUSEL_CARD_INVALID,
                component,
                "a card holds a HEADER, an optional BODY and BUTTONS",
            ),
        }
    }
    if shape.header.is_none() {
        ctx.checker.error(
            code::CAROUSEL_CARD_INVALID,
            card,
            "every card needs an IMAGE, VIDEO or PRODUCT header",
        );
    }
    Some(shape)
}
