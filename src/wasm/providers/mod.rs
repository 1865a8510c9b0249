//! The provider clients (`BirdClient`, `CirrusClient`, `CmClient`, `WoztellClient`): classes over the shared transport, one file each.

pub mod bird;
pub mod cirrus;
pub mod cm;
pub mod woztell;
