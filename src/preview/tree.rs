//! The render tree of a template preview: a plain, documented structure
//! (for people who render with their own framework); the HTML is built from it.

use super::markup::{Block, Inline};
use serde::Serialize;

/// Reading direction of the bubble (from the template's language, or forced).
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left (Arabic, Hebrew, Persian, Urdu).
    Rtl,
}

/// Colour scheme.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Theme {
    /// WhatsApp's light theme.
    Light,
    /// WhatsApp's dark theme.
    Dark,
}

/// A message bubble as WhatsApp lays it out.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Tree {
    /// Reading direction.
    pub direction: Direction,
    /// Colour scheme.
    pub theme: Theme,
    /// The header, if the template has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub header: Option<Header>,
    /// A limited-time offer box (under the header), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub offer: Option<Offer>,
    /// The body text, formatted.
    pub body: Vec<Block>,
    /// The footer text (WhatsApp shows it plain and grey).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub footer: Option<String>,
    /// The buttons shown under the bubble: all of them when there are at most
    /// three, else the first two and a "See all options" button.
    pub buttons: Vec<Button>,
    /// The buttons only "See all options" shows.
    pub hidden_buttons: Vec<Button>,
    /// Carousel cards, shown under the bubble and scrolled sideways.
    pub cards: Vec<Card>,
}

/// A header.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "type", rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Header {
    /// Bold text.
    Text {
        /// The text (variables resolved or marked).
        children: Vec<Inline>,
    },
    /// An image, video or document: `url` when a usable http(s) link is known,
    /// otherwise a labelled placeholder is shown.
    Media {
        /// `image`, `video` or `document`.
        media: &'static str,
        /// The link to show, if any.
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        url: Option<String>,
        /// A document's file name, if given.
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        filename: Option<String>,
    },
    /// A location (a map placeholder with its name and address when given).
    Location {
        /// The place's name.
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        name: Option<String>,
        /// Its address.
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        address: Option<String>,
    },
    /// A catalog product (chosen at send time).
    Product,
}

/// A button.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Button {
    /// `quickReply`, `url`, `phone`, `copyCode`, `otp`, `flow`, `catalog`,
    /// `multiProduct`, `call`, `other`, or `seeAll`.
    pub kind: &'static str,
    /// The label.
    pub text: String,
    /// Where it goes (`https:`/`http:` for URL buttons, `tel:` for phone
    /// buttons), only when the target is known and safe.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub href: Option<String>,
}

/// A carousel card.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Card {
    /// The card's media header.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub header: Option<Header>,
    /// Its text.
    pub body: Vec<Block>,
    /// Its buttons.
    pub buttons: Vec<Button>,
}

/// A limited-time offer.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Offer {
    /// The offer's headline.
    pub text: String,
    /// "Offer ends …" text when the offer expires (from the send's
    /// `expiration_time_ms`, else a generic line).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub expires: Option<String>,
}
