//! `parsePhone` and `parsePhones`, the exports every entry has (and all that
//! `whatsapp-edge/phone` has): convert arguments, call the core, convert back.
//!
//! Results cross as one string that `phone.js` turns into plain objects: a
//! batch's results property by property were a quarter of `parsePhones`.

use super::convert;
use crate::phone::{self, PhoneOptions, PhoneResult};
use crate::report::Severity;
use crate::text::push_decimal;
use crate::Error;
use wasm_bindgen::prelude::*;

/// Runs when the module is instantiated (every entry): the phone metadata's
/// index is read here, so the first `parsePhone` pays only for its region.
#[wasm_bindgen(start, private)]
fn start() {
    phone::metadata::prepare();
}

#[wasm_bindgen(module = "/src/wasm/phone.js")]
extern "C" {
    /// The inputs joined by U+001F, or `undefined` when they are not all
    /// strings or one holds the separator (then they cross one by one).
    #[wasm_bindgen(js_name = joinPhones)]
    fn join_phones(inputs: &JsValue) -> Option<String>;
    /// The objects of the results [`write_result`] wrote.
    #[wasm_bindgen(js_name = phoneResults)]
    fn phone_results(text: &str) -> JsValue;
    /// The object of the one result [`write_result`] wrote.
    #[wasm_bindgen(js_name = phoneResult)]
    fn phone_result(text: &str) -> JsValue;
    /// The options read as JSON data: "e" and the misuse, or "n" (no
    /// country) or "c" and the country, then U+001F and an unknown key's
    /// misuse or "" (messages escape U+001F; a country may hold it).
    #[wasm_bindgen(js_name = phoneOptions)]
    fn phone_options(options: &JsValue, function: &str) -> String;
}

/// Separates the inputs of a batch and the fields of results (see `phone.js`).
const SEPARATOR: char = '\u{1f}';

/// Parses a phone number as people type it (separators, `tel:`, `00`/`011`,
/// national format with `defaultCountry`) and validates it for its region.
/// Findings come back in `errors`; only a wrong argument throws (an `Error`
/// with `code: "invalid_argument"`).
///
/// @example
/// ```ts
/// const phone = parsePhone("(415) 555-2671", { defaultCountry: "US" });
/// if (phone.ok) console.log(phone.e164, phone.type); // "+14155552671" "fixed_line_or_mobile"
/// ```
#[wasm_bindgen(js_name = parsePhone, unchecked_return_type = "PhoneResult")]
pub fn parse_phone(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PhoneOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let input = convert::string(&input, "parsePhone", "input")?;
    let options = read_options(&options, "parsePhone")?;
    let mut out = String::with_capacity(160);
    write_result(&mut out, &phone::parse(&input, options.default_country.as_deref()));
    Ok(phone_result(&out))
}

/// The libphonenumber-js release whose metadata `parsePhone` validates and
/// formats with (for example `"1.13.18"`), as recorded in the metadata itself.
/// Not in `whatsapp-edge/phone`, which has parsePhone and parsePhones only (issue 18).
///
/// @example
/// ```ts
/// console.log(phoneMetadataVersion()); // e.g. "1.13.18"
/// ```
#[cfg(feature = "validate")]
#[wasm_bindgen(js_name = phoneMetadataVersion)]
pub fn phone_metadata_version() -> String {
    phone::metadata::version().to_owned()
}

/// `parsePhone` for many numbers in one call (one boundary crossing).
///
/// @example
/// ```ts
/// const results = parsePhones(["+442071838750", "020 7183 8750"], { defaultCountry: "GB" });
/// console.log(results.map((phone) => phone.e164));
/// ```
#[wasm_bindgen(js_name = parsePhones, unchecked_return_type = "PhoneResult[]")]
pub fn parse_phones(
    #[wasm_bindgen(unchecked_param_type = "string[]")] inputs: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PhoneOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let joined = join_phones(&inputs);
    let one_by_one = match joined {
        Some(_) => Vec::new(),
        None => convert::strings(&inputs, "parsePhones", "inputs")?,
    };
    let options = read_options(&options, "parsePhones")?;
    let country = options.default_country.as_deref();
    let mut out = String::with_capacity(joined.as_ref().map_or(0, String::len) * 6 + 64);
    let mut write = |input: &str| write_result(&mut out, &phone::parse(input, country));
    match &joined {
        Some(joined) => joined.split(SEPARATOR).for_each(&mut write),
        None => one_by_one.iter().for_each(|input| write(input)),
    }
    Ok(phone_results(&out))
}

/// Reads the options: `phone.js` checks the object as every export does,
/// which keeps a JSON parser out of the phone build (3.3 KB gzip, 7% of its
/// budget); the country is checked here, before an unknown key is reported,
/// as the other exports' reader orders them.
fn read_options(value: &JsValue, function: &str) -> Result<PhoneOptions, Error> {
    // The common case, without a string crossing back.
    if value.is_undefined() {
        return Ok(PhoneOptions::default());
    }
    let read = phone_options(value, function);
    if let Some(misuse) = read.strip_prefix('e') {
        return Err(Error::invalid_argument(misuse));
    }
    let (country, unknown) = read.rsplit_once(SEPARATOR).unwrap_or((&read, ""));
    let options = match country.strip_prefix('c') {
        Some(country) => PhoneOptions::new(Some(country))?,
        None => PhoneOptions::default(),
    };
    if unknown.is_empty() {
        Ok(options)
    } else {
        Err(Error::invalid_argument(unknown))
    }
}

/// Appends `result` to `out` in the layout `phone.js` reads.
fn write_result(out: &mut String, result: &PhoneResult) {
    let flags = u8::from(result.ok) | u8::from(result.possible) << 1 | u8::from(result.valid) << 2;
    number(out, Some(u64::from(flags)));
    field(out, result.e164.as_deref().unwrap_or_default());
    field(out, result.country.unwrap_or_default());
    field(out, result.number_type.map(|t| t.as_str()).unwrap_or_default());
    field(out, result.national.as_deref().unwrap_or_default());
    field(out, result.international.as_deref().unwrap_or_default());
    number(out, Some(result.errors.len() as u64));
    for issue in &result.errors {
        field(out, issue.code);
        field(out, &issue.message);
        field(out, &issue.path);
        field(
            out,
            match issue.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
        );
        number(out, issue.line.map(u64::from));
        number(out, issue.column.map(u64::from));
        number(out, issue.meta_code.map(u64::from));
    }
}

// Not inlined: called for every field, and each inlined copy carries its own growth path.
#[inline(never)]
fn field(out: &mut String, text: &str) {
    out.push_str(text);
    out.push(SEPARATOR);
}

#[inline(never)]
fn number(out: &mut String, value: Option<u64>) {
    if let Some(value) = value {
        push_decimal(out, value);
    }
    out.push(SEPARATOR);
}
