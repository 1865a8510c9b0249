//! LIMITED_TIME_OFFER components and the template around them (REFERENCE.md §1.13).

use super::header_body_footer::check_length;
use super::{code, require_marketing, Ctx};
use crate::check::At;

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
            super::variables_and_examples::check_variables(ctx, &text_at, text, Some(0), false);
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
