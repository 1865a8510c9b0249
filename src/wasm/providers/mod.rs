//! The provider clients (classes) built on the shared transport.

pub mod cm;
pub mod woztell;
