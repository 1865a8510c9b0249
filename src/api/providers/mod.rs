//! The provider APIs (`../seeds/`, PROVIDERS.md) as request builders and error parsers, one module each.

pub mod bird;
pub mod cirrus;
pub mod cm;
pub mod limits;
pub mod wire;
pub mod woztell;
