//! Broadcasts ("campaigns"): one template to many recipients, paced to Meta's
//! limits (BROADCAST.md). Runtime-neutral and pure: [`plan`] turns the input
//! rows into queue-ready chunks and rejections, [`outcome`] reads what a send
//! answered, [`pacer`] spaces sends under a number's throughput, and
//! [`ledger`] is the per-recipient state machine. Time is always passed in
//! (milliseconds), so every function is tested without clocks.

pub mod ledger;
pub mod outcome;
pub mod pacer;
pub mod plan;

/// Stable issue codes for broadcast plans (`broadcast.*`).
pub mod code {
    /// A recipient that is neither a string (a phone number or a BSUID) nor `{ to, components? }`.
    pub const RECIPIENT_INVALID: &str = "broadcast.recipient_invalid";
    /// A MARKETING template to a US number: Meta does not deliver those (131049 per Braze; Meta says "an error").
    pub const US_MARKETING_UNDELIVERABLE: &str = "broadcast.us_marketing_undeliverable";
}
