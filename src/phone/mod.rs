//! Phone numbers: the result type and the parsers that produce it.
//!
//! For now only the strict E.164 shape is checked (REFERENCE.md §2.1);
//! per-country validation from libphonenumber metadata comes on top of this.

mod e164;

pub use e164::parse_strict_e164;

use crate::report::Issue;
use serde::{Deserialize, Serialize};

/// Stable issue codes for phone numbers.
pub mod code {
    /// Not a phone number at all: empty, no leading `+`, or a character that is not a digit.
    pub const NOT_A_NUMBER: &str = "phone.not_a_number";
    /// Fewer digits than any number can have.
    pub const TOO_SHORT: &str = "phone.too_short";
    /// More digits than E.164 allows (15).
    pub const TOO_LONG: &str = "phone.too_long";
    /// The country calling code cannot exist (e.g. it starts with 0).
    pub const INVALID_COUNTRY_CODE: &str = "phone.invalid_country_code";
}

/// Options for parsing a phone number.
#[derive(Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PhoneOptions {
    /// ISO 3166-1 alpha-2 region for numbers written without `+` (e.g. `"US"`).
    /// Checked for shape; national-format parsing needs the per-country
    /// metadata, so for now input must be in E.164 form either way.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub default_country: Option<String>,
}

impl PhoneOptions {
    /// Rejects a `defaultCountry` that is not an ISO 3166-1 alpha-2 code in shape.
    pub fn check(&self) -> Result<(), crate::Error> {
        match &self.default_country {
            Some(region) if region.len() != 2 || !region.bytes().all(|b| b.is_ascii_alphabetic()) => {
                Err(crate::Error::invalid_argument(format!(
                    "defaultCountry must be an ISO 3166-1 alpha-2 code such as \"US\", got {region:?}"
                )))
            }
            _ => Ok(()),
        }
    }
}

/// The outcome of parsing one phone number. `ok` is true exactly when `errors` is empty.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PhoneResult {
    /// The number is usable as a WhatsApp recipient.
    pub ok: bool,
    /// The number in E.164 form, e.g. `+14155552671`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub e164: Option<String>,
    /// Digits only, as the Cloud API reports it in `contacts[].wa_id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub wa_id: Option<String>,
    /// Why the input is not a usable number, with positions in the input.
    pub errors: Vec<Issue>,
}

impl PhoneResult {
    fn valid(e164: String) -> Self {
        let wa_id = e164.trim_start_matches('+').to_owned();
        Self {
            ok: true,
            e164: Some(e164),
            wa_id: Some(wa_id),
            errors: Vec::new(),
        }
    }

    fn invalid(error: Issue) -> Self {
        Self {
            ok: false,
            e164: None,
            wa_id: None,
            errors: vec![error],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PhoneOptions;

    fn with_region(region: &str) -> PhoneOptions {
        PhoneOptions {
            default_country: Some(region.to_owned()),
        }
    }

    #[test]
    fn default_country_must_look_like_an_alpha2_code() {
        assert!(PhoneOptions::default().check().is_ok());
        assert!(with_region("US").check().is_ok());
        assert!(with_region("br").check().is_ok());
        for bad in ["", "USA", "1A", "ü"] {
            let error = with_region(bad).check().unwrap_err();
            assert_eq!(error.code, "invalid_argument", "{bad:?}");
        }
    }
}
