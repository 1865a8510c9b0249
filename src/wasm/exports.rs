//! The functions JavaScript calls: convert arguments, call the core, convert back.
//! No logic lives here beyond argument checking.

use super::convert;
use crate::phone::{self, PhoneOptions};
use wasm_bindgen::prelude::*;

/// Parses a phone number. Findings come back in `errors`; only a wrong
/// argument type throws (an `Error` with `code: "invalid_argument"`).
///
/// For now the input must be strict E.164 (`+` and 2–15 digits, first not 0).
#[wasm_bindgen(js_name = parsePhone, unchecked_return_type = "PhoneResult")]
pub fn parse_phone(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PhoneOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let input = convert::string(&input, "parsePhone", "input")?;
    let _options = convert::options(&options, "parsePhone", PhoneOptions::read)?;
    Ok(convert::to_js(&phone::parse_strict_e164(&input)))
}
