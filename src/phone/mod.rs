//! Phone numbers: the result type and the parsers that produce it.
//!
//! For now only the strict E.164 shape is checked (REFERENCE.md §2.1);
//! per-country validation from libphonenumber metadata comes on top of this.

pub mod classify;
mod e164;
pub mod format;
pub mod metadata;
pub mod pattern;

pub use e164::parse_strict_e164;

use crate::options::OptionFields;
use crate::report::Issue;
use serde::Serialize;

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

/// Options for parsing a phone number (the TypeScript type is generated from this).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), serde(rename_all = "camelCase"))]
pub struct PhoneOptions {
    /// ISO 3166-1 alpha-2 region for numbers written without `+` (e.g. `"US"`).
    /// Checked for shape; national-format parsing needs the per-country
    /// metadata, so for now input must be in E.164 form either way.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub default_country: Option<String>,
}

impl PhoneOptions {
    /// Reads the options; a `defaultCountry` that is not an ISO 3166-1
    /// alpha-2 code in shape is misuse.
    pub fn read(fields: &mut OptionFields<'_>) -> Result<Self, crate::Error> {
        let default_country = fields.string("defaultCountry")?;
        if let Some(region) = default_country {
            if region.len() != 2 || !region.bytes().all(|b| b.is_ascii_alphabetic()) {
                return Err(crate::Error::invalid_argument(format!(
                    "defaultCountry must be an ISO 3166-1 alpha-2 code such as \"US\", got {}",
                    crate::text::quoted(region)
                )));
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
        Self { ok: true, e164: Some(e164), wa_id: Some(wa_id), errors: Vec::new() }
    }

    fn invalid(error: Issue) -> Self {
        Self { ok: false, e164: None, wa_id: None, errors: vec![error] }
    }
}

#[cfg(test)]
mod tests {
    use super::PhoneOptions;
    use crate::json::parse;
    use crate::options::OptionFields;

    fn read(options: &str) -> Result<PhoneOptions, crate::Error> {
        let doc = parse(options).unwrap();
        let mut fields = OptionFields::new("parsePhone", Some(&doc))?;
        let read = PhoneOptions::read(&mut fields)?;
        fields.finish().map(|()| read)
    }

    #[test]
    fn default_country_must_look_like_an_alpha2_code() {
        assert_eq!(read("{}").unwrap(), PhoneOptions::default());
        assert_eq!(read(r#"{"defaultCountry": "br"}"#).unwrap().default_country.as_deref(), Some("BR"));
        for bad in ["", "USA", "1A", "ü"] {
            let error = read(&format!(r#"{{"defaultCountry": "{bad}"}}"#)).unwrap_err();
            assert_eq!(error.code, "invalid_argument", "{bad:?}");
        }
    }
}
