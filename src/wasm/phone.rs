//! `parsePhone` and `parsePhones`, the exports every entry has (and all that
//! `whatsapp-edge/phone` has): convert arguments, call the core, convert back.

use super::convert;
use crate::phone::{self, PhoneOptions};
use wasm_bindgen::prelude::*;

/// Parses a phone number as people type it (separators, `tel:`, `00`/`011`,
/// national format with `defaultCountry`) and validates it for its region.
/// Findings come back in `errors`; only a wrong argument throws (an `Error`
/// with `code: "invalid_argument"`).
#[wasm_bindgen(js_name = parsePhone, unchecked_return_type = "PhoneResult")]
pub fn parse_phone(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PhoneOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let input = convert::string(&input, "parsePhone", "input")?;
    let options = convert::options(&options, "parsePhone", PhoneOptions::read)?;
    Ok(convert::to_js(&phone::parse(&input, options.default_country.as_deref())))
}

/// `parsePhone` for many numbers in one call (one boundary crossing).
#[wasm_bindgen(js_name = parsePhones, unchecked_return_type = "PhoneResult[]")]
pub fn parse_phones(
    #[wasm_bindgen(unchecked_param_type = "string[]")] inputs: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PhoneOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let inputs = convert::strings(&inputs, "parsePhones", "inputs")?;
    let options = convert::options(&options, "parsePhones", PhoneOptions::read)?;
    let country = options.default_country.as_deref();
    let results: Vec<_> = inputs.iter().map(|input| phone::parse(input, country)).collect();
    Ok(convert::to_js(&results))
}
