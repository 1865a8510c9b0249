//! The template kinds with rules of their own: authentication (§1.12),
//! media/product carousels (§1.11) and limited-time offers (§1.13).

use super::buttons::check_buttons;
use super::text::{check_body, check_header, check_length, BodyKind};
use super::{code, Category, Ctx};
use crate::check::At;

/// The BODY of an AUTHENTICATION template: preset text, optional security recommendation.
pub fn check_auth_body(ctx: &mut Ctx<'_>, body: &At<'_>) {
    ctx.checker.unknown_keys(
        body,
        &["type", "add_security_recommendation", "text"],
        "an authentication BODY",
    );
    for field in ["text", "example"] {
        if let Some(at) = body.get(field) {
            ctx.checker.error(
                code::AUTH_CONTENT,
                &at,
                format!("authentication bodies are preset (\"<code> is your verification code.\"); remove {field}"),
            );
        }
    }
    if let Some(at) = body.get("add_security_recommendation") {
        at.bool(&mut ctx.checker);
    }
}

/// The FOOTER of an AUTHENTICATION template: only `code_expiration_minutes`, 1–90.
pub fn check_auth_footer(ctx: &mut Ctx<'_>, footer: &At<'_>) {
    ctx.checker.unknown_keys(
        footer,
        &["type", "code_expiration_minutes", "text"],
        "an authentication FOOTER",
    );
    if let Some(at) = footer.get("text") {
        ctx.checker.error(
            code::AUTH_CONTENT,
            &at,
            "authentication footers are preset; set code_expiration_minutes instead",
        );
    }
    if let Some(at) = footer.get("code_expiration_minutes") {
        if let Some(minutes) = at.integer(&mut ctx.checker) {
            if !(1..=90).contains(&minutes) {
                ctx.checker.error(
                    code::AUTH_EXPIRATION_RANGE,
                    &at,
                    format!("code_expiration_minutes is {minutes}; give 1 to 90"),
                );
            }
        }
    }
}

fn require_marketing(ctx: &mut Ctx<'_>, at: &At<'_>, feature: &str) {
    if ctx.category.is_some_and(|category| category != Category::Marketing) {
        ctx.checker.error(
            code::CATEGORY_FEATURE,
            at,
            format!("{feature} templates must be in the MARKETING category"),
        );
    }
}

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

/// A LIMITED_TIME_OFFER component and the template around it.
pub fn check_lto(
    ctx: &mut Ctx<'_>,
    component: &At<'_>,
    footer: Option<At<'_>>,
    header: Option<At<'_>>,
    buttons: Option<At<'_>>,
) {
    ctx.checker.unknown_keys(component, &["type", "limited_time_offer"], "a LIMITED_TIME_OFFER component");
    require_marketing(ctx, component, "limited-time offer");
    if let Some(footer) = footer {
        ctx.checker.error(code::LTO_INVALID, &footer, "limited-time-offer templates have no footer");
    }
    if let Some(format) = header.and_then(|h| h.get("format")) {
        let upper = format.node.as_str().map(str::to_ascii_uppercase);
        if !matches!(upper.as_deref(), Some("IMAGE" | "VIDEO")) {
            ctx.checker.error(code::LTO_INVALID, &format, "a limited-time-offer header is IMAGE or VIDEO");
        }
    }
    if buttons.is_none() {
        ctx.checker.error(code::LTO_INVALID, component, "limited-time-offer templates need a URL button");
    }
    let Some(offer) =
        component.required(&mut ctx.checker, "limited_time_offer", "a LIMITED_TIME_OFFER component")
    else {
        return;
    };
    if offer.object(&mut ctx.checker).is_none() {
        return;
    }
    ctx.checker.unknown_keys(&offer, &["text", "has_expiration"], "limited_time_offer");
    if let Some(text_at) = offer.required(&mut ctx.checker, "text", "limited_time_offer") {
        if let Some(text) = text_at.str(&mut ctx.checker) {
            check_length(ctx, &text_at, text, 16, "the offer text");
            super::text::check_variables(ctx, &text_at, text, Some(0), false);
        }
    }
    if let Some(at) = offer.get("has_expiration") {
        at.bool(&mut ctx.checker);
    }
}

/// Limited-time-offer buttons: an optional COPY_CODE, then a URL button.
pub fn check_lto_buttons(ctx: &mut Ctx<'_>, list: &At<'_>, types: &[&str]) {
    let valid = matches!(types, ["URL"] | ["COPY_CODE", "URL"]);
    if !valid {
        ctx.checker.error(
            code::LTO_INVALID,
            list,
            format!(
                "limited-time-offer buttons are an optional COPY_CODE then one URL; got {}",
                types.join(", ")
            ),
        );
    }
}
