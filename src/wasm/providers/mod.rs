//! The provider clients (`BirdClient`, `CirrusClient`): classes over the transport, one file each.

pub mod bird;
pub mod cirrus;
