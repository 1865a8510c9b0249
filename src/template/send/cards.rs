//! Carousel cards and the limited-time offer of a send against the
//! definition (REFERENCE.md §1.15).

use super::{check_count, check_parts, code, missing_component, missing_in, parameters, params, Send};
use crate::check::At;
use crate::json::Node;

pub(super) fn check_carousel(send: &mut Send<'_, '_>, components: &[(String, At<'_>)], template: &At<'_>) {
    let given = components.iter().find(|(k, _)| k == "carousel").map(|(_, at)| *at);
    let Some(expected) = send.shape.cards.clone() else {
        if let Some(given) = given {
            send.checker.error(code::CAROUSEL_CARDS, &given, "the template has no carousel");
        }
        return;
    };
    let Some(carousel) = given else {
        missing_component(
            send.checker,
            template,
            format!(
                "the template is a carousel of {} cards: add {{\"type\": \"carousel\", \"cards\": […]}}",
                expected.len()
            ),
        );
        return;
    };
    let Some(cards_at) = carousel.required(send.checker, "cards", "a carousel component") else { return };
    let Some(cards) = cards_at.array(send.checker) else { return };
    if cards.len() != expected.len() {
        send.checker.error_meta(
            code::CAROUSEL_CARDS,
            132_000,
            &cards_at,
            format!(
                "{} cards given; the template was created with {} and every send must use exactly that many",
                cards.len(),
                expected.len()
            ),
        );
    }
    let mut seen = Vec::new();
    for card in &cards {
        if card.object(send.checker).is_none() {
            continue;
        }
        send.checker.unknown_keys(card, &["card_index", "components"], "a carousel card");
        let index = card.required(send.checker, "card_index", "a carousel card").and_then(|at| {
            let index = at.integer(send.checker);
            index.and_then(|i| usize::try_from(i).ok()).filter(|i| *i < expected.len()).or_else(|| {
                if index.is_some() {
                    send.checker.error(
                        code::CAROUSEL_CARDS,
                        &at,
                        format!("card_index is 0 to {}", expected.len().saturating_sub(1)),
                    );
                }
                None
            })
        });
        let Some(index) = index else { continue };
        if seen.contains(&index) {
            send.checker.error(
                code::COMPONENT_DUPLICATE,
                card,
                format!("card_index {index} is given more than once"),
            );
            continue;
        }
        seen.push(index);
        let Some(parts) = expected.get(index) else { continue };
        let components = card
            .get("components")
            .map(|list| list.array(send.checker).unwrap_or_default())
            .unwrap_or_default();
        let typed: Vec<(String, At<'_>)> = components
            .iter()
            .filter_map(|c| c.node.get("type").and_then(Node::as_str).map(|t| (t.to_ascii_lowercase(), *c)))
            .collect();
        check_parts(send, &typed, parts, card, &format!(" (card {index})"));
    }
}

pub(super) fn check_lto(send: &mut Send<'_, '_>, components: &[(String, At<'_>)], template: &At<'_>) {
    let given = components.iter().find(|(k, _)| k == "limited_time_offer").map(|(_, at)| *at);
    let has_expiration = send.shape.limited_time_offer;
    let Some(component) = given else {
        if has_expiration == Some(true) {
            missing_in(
                send.checker,
                code::LTO_EXPIRATION,
                template,
                "the offer has an expiration: add {\"type\": \"limited_time_offer\", \"parameters\": [{\"type\": \"limited_time_offer\", \"limited_time_offer\": {\"expiration_time_ms\": …}}]}".into(),
            );
        }
        return;
    };
    if has_expiration.is_none() {
        send.checker.error(code::PARAMETER_COUNT, &component, "the template has no limited-time offer");
        return;
    }
    let params = parameters(send, &component);
    if !check_count(send, &component, "limited_time_offer", params.len(), 1) {
        return;
    }
    for param in &params {
        params::check_parameter(send.checker, param, &["limited_time_offer"], 0);
        let Some(offer) = param.get("limited_time_offer") else { continue };
        let Some(expiration) = offer.required(send.checker, "expiration_time_ms", "limited_time_offer")
        else {
            continue;
        };
        params::check_expiration(send.checker, &expiration);
    }
}
