//! Request builders and error parsers of the WhatsApp provider APIs (besides Meta's own Cloud API).

pub mod cm;
pub mod fields;
pub mod woztell;
