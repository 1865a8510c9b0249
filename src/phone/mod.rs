//! Phone numbers: the result type and the parsers that produce it.
//!
//! `parse` accepts what people type and validates per region with
//! libphonenumber's metadata (REFERENCE.md §2).

pub mod format;
pub mod metadata;
mod parse;
pub mod pattern;

pub use metadata::region_by_id;
pub use metadata::NumberType;
pub use parse::{parse, validate};

use crate::report::Issue;
use serde::Serialize;

/// Stable issue codes for phone numbers.
pub mod code {
    /// Not a phone number at all: no digits, or a character that is neither a digit nor a separator.
    pub const NOT_A_NUMBER: &str = "phone.not_a_number";
    /// Fewer digits than numbers of the region have.
    pub const TOO_SHORT: &str = "phone.too_short";
    /// More digits than numbers of the region have.
    pub const TOO_LONG: &str = "phone.too_long";
    /// No country uses the calling code after `+` (or after the international prefix).
    pub const INVALID_COUNTRY_CODE: &str = "phone.invalid_country_code";
    /// No `+` and no default country: the country cannot be known.
    pub const MISSING_COUNTRY: &str = "phone.missing_country";
    /// A length between the region's shortest and longest that it does not use.
    pub const INVALID_LENGTH: &str = "phone.invalid_length";
    /// A possible number that the region does not use (no type matches).
    pub const INVALID_FOR_REGION: &str = "phone.invalid_for_region";
}

/// Options for parsing a phone number (the TypeScript type is generated from this).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), serde(rename_all = "camelCase"))]
pub struct PhoneOptions {
    /// ISO 3166-1 alpha-2 region for numbers written without `+` (e.g. `"US"`):
    /// national format ("020 7183 8750") or with that region's international
    /// prefix ("00 44 …", "011 44 …").
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub default_country: Option<String>,
}

impl PhoneOptions {
    /// The options for `default_country`; one that is not the ISO 3166-1
    /// alpha-2 code of a region with phone numbers is misuse. (The options
    /// object itself is read at the boundary: `src/wasm/phone.js`.)
    pub fn new(default_country: Option<&str>) -> Result<Self, crate::Error> {
        if let Some(region) = default_country {
            let known = region_by_id(&region.to_ascii_uppercase()).is_some_and(|r| r.id != "001");
            if region.len() != 2 || !region.bytes().all(|b| b.is_ascii_alphabetic()) || !known {
                return Err(crate::Error::invalid_argument(
                    "defaultCountry must be the ISO 3166-1 alpha-2 code of a region with phone numbers, such as \"US\", got "
                        .to_owned()
                        + &crate::text::quoted(region),
                ));
            }
        }
        Ok(Self { default_country: default_country.map(str::to_ascii_uppercase) })
    }
}

/// The outcome of parsing one phone number. `ok` is true exactly when `errors` is empty.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PhoneResult {
    /// The number is valid: usable as a WhatsApp recipient.
    pub ok: bool,
    /// The number in E.164 form, e.g. `+14155552671` (also when it is not valid,
    /// once a country code and number could be told apart).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub e164: Option<String>,
    /// Digits only, as the Cloud API reports it in `contacts[].wa_id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub wa_id: Option<String>,
    /// ISO 3166-1 alpha-2 region of the number.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub country: Option<&'static str>,
    /// What kind of line it is, when the number is valid.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub number_type: Option<NumberType>,
    /// As dialled inside its country, e.g. `(415) 555-2671`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub national: Option<String>,
    /// As dialled from abroad, e.g. `+1 415 555 2671`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub international: Option<String>,
    /// The length fits the region (libphonenumber's "possible").
    pub possible: bool,
    /// The number is in a range the region uses (libphonenumber's "valid").
    pub valid: bool,
    /// Why the input is not a usable number, with positions in the input.
    pub errors: Vec<Issue>,
}

impl PhoneResult {
    fn empty() -> Self {
        Self {
            ok: false,
            e164: None,
            wa_id: None,
            country: None,
            number_type: None,
            national: None,
            international: None,
            possible: false,
            valid: false,
            errors: Vec::new(),
        }
    }

    /// A number whose E.164 form is known; validity is filled in by the parser.
    fn number(e164: String) -> Self {
        let wa_id = e164.trim_start_matches('+').to_owned();
        Self { e164: Some(e164), wa_id: Some(wa_id), ..Self::empty() }
    }

    fn invalid(error: Issue) -> Self {
        Self { errors: vec![error], ..Self::empty() }
    }

    /// Sets `ok` from the findings.
    fn finish(mut self) -> Self {
        self.ok = self.errors.is_empty();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::PhoneOptions;

    #[test]
    fn default_country_must_look_like_an_alpha2_code() {
        assert_eq!(PhoneOptions::new(None).unwrap(), PhoneOptions::default());
        assert_eq!(PhoneOptions::new(Some("br")).unwrap().default_country.as_deref(), Some("BR"));
        for bad in ["", "USA", "1A", "ü", "001"] {
            let error = PhoneOptions::new(Some(bad)).unwrap_err();
            assert_eq!(error.code, "invalid_argument", "{bad:?}");
        }
    }
}
