//! The render tree of a template preview: a plain, documented structure
//! (for people who render with their own framework); the HTML is built from
//! it, and `preview::json` writes it for JavaScript (the serde attributes here
//! only shape the generated TypeScript types).

use super::markup::{Block, Inline};

/// Reading direction of the bubble (from the template's language, or forced).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(test, derive(serde::Serialize))]
#[cfg_attr(any(test, target_arch = "wasm32"), serde(rename_all = "lowercase"))]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left (Arabic, Hebrew, Persian, Urdu).
    Rtl,
}

/// Colour scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(test, derive(serde::Serialize))]
#[cfg_attr(any(test, target_arch = "wasm32"), serde(rename_all = "lowercase"))]
pub enum Theme {
    /// WhatsApp's light theme.
    Light,
    /// WhatsApp's dark theme.
    Dark,
}

/// A message bubble as WhatsApp lays it out.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(test, derive(serde::Serialize))]
#[cfg_attr(any(test, target_arch = "wasm32"), serde(rename_all = "camelCase"))]
pub struct Tree {
    /// Reading direction.
    pub direction: Direction,
    /// Colour scheme.
    pub theme: Theme,
    /// The header, if the template has one.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    pub header: Option<Header>,
    /// A limited-time offer box (under the header), if any.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    pub offer: Option<Offer>,
    /// The body text, formatted.
    pub body: Vec<Block>,
    /// The footer text (WhatsApp shows it plain and grey).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    pub footer: Option<String>,
    /// The buttons shown under the bubble: all of them when there are at most
    /// three, else the first two and a "See all options" button.
    pub buttons: Vec<Button>,
    /// The buttons only "See all options" shows.
    pub hidden_buttons: Vec<Button>,
    /// Carousel cards, shown under the bubble and scrolled sideways.
    pub cards: Vec<Card>,
}

impl Tree {
    /// A bubble with nothing in it yet.
    pub fn empty(theme: Theme, direction: Direction) -> Self {
        Self {
            direction,
            theme,
            header: None,
            offer: None,
            body: Vec::new(),
            footer: None,
            buttons: Vec::new(),
            hidden_buttons: Vec::new(),
            cards: Vec::new(),
        }
    }
}

/// A header.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(test, derive(serde::Serialize))]
#[cfg_attr(any(test, target_arch = "wasm32"), serde(tag = "type", rename_all = "camelCase"))]
pub enum Header {
    /// Bold text.
    Text {
        /// The text (variables resolved or marked).
        children: Vec<Inline>,
    },
    /// An image, video or document: `url` when a usable http(s) link is known
    /// (the HTML shows a labelled placeholder without one, or with `media: "placeholder"`).
    Media {
        /// `image`, `video` or `document`.
        media: &'static str,
        /// The link to show, if any.
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
        url: Option<String>,
        /// A document's file name, if given.
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
        filename: Option<String>,
    },
    /// A location (a map placeholder with its name and address when given).
    Location {
        /// The place's name.
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
        name: Option<String>,
        /// Its address.
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
        address: Option<String>,
    },
    /// A catalog product (chosen at send time).
    Product,
}

/// A button.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(test, derive(serde::Serialize))]
#[cfg_attr(any(test, target_arch = "wasm32"), serde(rename_all = "camelCase"))]
pub struct Button {
    /// `quickReply`, `url`, `phone`, `copyCode`, `otp`, `flow`, `catalog`,
    /// `multiProduct`, `call`, `other`, or `seeAll`.
    pub kind: &'static str,
    /// The label.
    pub text: String,
    /// Where it goes (`https:`/`http:` for URL buttons, `tel:` for phone
    /// buttons), only when the target is known and safe.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    pub href: Option<String>,
}

/// A carousel card.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(test, derive(serde::Serialize))]
#[cfg_attr(any(test, target_arch = "wasm32"), serde(rename_all = "camelCase"))]
pub struct Card {
    /// The card's media header.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    pub header: Option<Header>,
    /// Its text.
    pub body: Vec<Block>,
    /// Its buttons.
    pub buttons: Vec<Button>,
}

/// A limited-time offer.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(test, derive(serde::Serialize))]
#[cfg_attr(any(test, target_arch = "wasm32"), serde(rename_all = "camelCase"))]
pub struct Offer {
    /// The offer's headline.
    pub text: String,
    /// "Offer ends …" text when the offer expires (from the send's
    /// `expiration_time_ms`, else a generic line).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    pub expires: Option<String>,
}
