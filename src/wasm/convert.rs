//! JavaScript values to and from the core: arguments arrive as JSON (through
//! the engine's own `JSON.stringify`) and results leave as plain objects
//! (serde-wasm-bindgen).

use crate::json;
use crate::options::OptionFields;
use crate::Error;
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen]
extern "C" {
    /// The engine's `TextEncoder` (a global in browsers, Node and workerd).
    /// Declared here rather than taken from web-sys: web-sys's `encode`
    /// takes a Rust `&str`, i.e. the string copied into wasm first, which is
    /// the copy this binding exists to avoid.
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method)]
    fn encode(this: &TextEncoder, text: &JsValue) -> js_sys::Uint8Array;
}

/// A JavaScript string as UTF-8 bytes in JavaScript memory (lone UTF-16
/// surrogates become U+FFFD).
pub fn encode(text: &JsValue) -> js_sys::Uint8Array {
    thread_local! {
        static ENCODER: TextEncoder = TextEncoder::new();
    }
    ENCODER.with(|encoder| encoder.encode(text))
}

/// The UTF-8 text of a JavaScript string (documents can be megabytes),
/// unless it is more than `max` bytes: then its size, measured on the
/// engine's encoding, so nothing is copied into wasm memory (which never
/// shrinks: hostile input is bounded before it is copied).
///
/// `JsValue::as_string` goes through wasm-bindgen's `passStringToWasm0`, which
/// copies the ASCII prefix one character at a time in JavaScript: 17% of
/// `validateFlow` on a 200 KB Flow. The engine's `TextEncoder.encode` plus one
/// `Uint8Array` copy into wasm memory is several times faster. (Lone UTF-16
/// surrogates become U+FFFD either way.)
pub fn utf8_within(text: &JsValue, max: usize) -> Result<Option<String>, usize> {
    let bytes = encode(text);
    let size = bytes.length() as usize;
    if size > max {
        return Err(size);
    }
    Ok(String::from_utf8(bytes.to_vec()).ok())
}

/// A Rust value as a plain JavaScript value: objects, not `Map`s, and
/// `undefined` fields left out (`skip_serializing_if`).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    // Our output types are plain structs, strings and numbers: serialising
    // them cannot fail, so an error here would be a bug; `null` beats a trap.
    value.serialize(&serializer).unwrap_or(JsValue::NULL)
}

/// A JSON-shaped argument as JSON text; `undefined` is `None`.
///
/// One `JSON.stringify` call in the engine is faster than walking the object
/// property by property across the boundary, and it gives the same document
/// model as text input.
pub fn json_text(value: &JsValue, function: &str, name: &str) -> Result<Option<String>, Error> {
    let Some(text) = stringify(value, function, name)? else { return Ok(None) };
    // Nothing is longer than usize::MAX.
    utf8_within(&text, usize::MAX).ok().flatten().map(Some).ok_or_else(|| not_json(value, function, name))
}

/// A text read only if it is at most a given size (see [`utf8_within`]).
#[cfg(feature = "validate")]
pub enum Capped<T> {
    /// The value.
    Within(T),
    /// Its size in bytes (UTF-8): nothing was copied.
    Over(usize),
}

/// [`json_text`], unless the JSON text is more than `max` bytes.
#[cfg(feature = "validate")]
pub fn json_text_capped(
    value: &JsValue,
    function: &str,
    name: &str,
    max: usize,
) -> Result<Option<Capped<String>>, Error> {
    let Some(text) = stringify(value, function, name)? else { return Ok(None) };
    match utf8_within(&text, max) {
        Ok(Some(text)) => Ok(Some(Capped::Within(text))),
        Ok(None) => Err(not_json(value, function, name)),
        Err(size) => Ok(Some(Capped::Over(size))),
    }
}

/// `JSON.stringify(value)` as a JavaScript string; `undefined` is `None`.
fn stringify(value: &JsValue, function: &str, name: &str) -> Result<Option<JsValue>, Error> {
    if value.is_undefined() {
        return Ok(None);
    }
    let text = js_sys::JSON::stringify(value).map_err(|_| not_json(value, function, name))?;
    // `undefined` for functions and symbols: not a string.
    if !text.is_string() {
        return Err(not_json(value, function, name));
    }
    Ok(Some(text.into()))
}

fn not_json(value: &JsValue, function: &str, name: &str) -> Error {
    Error::invalid_argument(format!(
        "{function}: {name} must be JSON data (no functions, symbols, BigInts or cycles), got {}",
        type_name(value)
    ))
}

/// A document argument (every export but phones takes them): JSON text the caller gave (findings then carry line
/// and column), or a plain object turned into JSON text.
#[cfg(any(feature = "validate", feature = "clients", feature = "receive"))]
pub struct Document {
    /// The JSON text.
    pub text: String,
    /// Whether the caller gave text (so positions mean something to them).
    pub from_caller: bool,
}

#[cfg(any(feature = "validate", feature = "clients", feature = "receive"))]
impl Document {
    /// Reads `value`: a string is taken as JSON text, anything else must be JSON data.
    pub fn read(value: &JsValue, function: &str, name: &str) -> Result<Self, Error> {
        if let Some(text) = value.is_string().then(|| utf8_within(value, usize::MAX).ok().flatten()).flatten()
        {
            return Ok(Self { text, from_caller: true });
        }
        let text = json_text(value, function, name)?
            .ok_or_else(|| Error::invalid_argument(format!("{function}: {name} is required")))?;
        Ok(Self { text, from_caller: false })
    }

    /// [`Document::read`], unless the text (given, or of `JSON.stringify`) is
    /// more than `max` bytes: then only its size is measured.
    #[cfg(feature = "validate")]
    pub fn read_capped(
        value: &JsValue,
        function: &str,
        name: &str,
        max: usize,
    ) -> Result<Capped<Self>, Error> {
        if value.is_string() {
            match utf8_within(value, max) {
                Ok(Some(text)) => return Ok(Capped::Within(Self { text, from_caller: true })),
                Err(size) => return Ok(Capped::Over(size)),
                Ok(None) => {}
            }
        }
        match json_text_capped(value, function, name, max)? {
            Some(Capped::Within(text)) => Ok(Capped::Within(Self { text, from_caller: false })),
            Some(Capped::Over(size)) => Ok(Capped::Over(size)),
            None => Err(Error::invalid_argument(format!("{function}: {name} is required"))),
        }
    }

    /// The parsed document and the source to take positions from, or the
    /// syntax error (text that is not JSON is a finding, not misuse).
    pub fn parse(&self) -> Result<(json::Node<'_>, Option<&str>), crate::Issue> {
        let node = json::parse(&self.text)?;
        Ok((node, self.from_caller.then_some(self.text.as_str())))
    }
}

/// Reads an export's optional options object with `read`, rejecting unknown keys.
pub fn options<T>(
    value: &JsValue,
    function: &'static str,
    read: impl FnOnce(&mut OptionFields<'_>) -> Result<T, Error>,
) -> Result<T, Error> {
    let text = json_text(value, function, "options")?;
    let node = match &text {
        Some(text) => Some(
            json::parse(text)
                .map_err(|_| Error::invalid_argument(format!("{function}: options must be JSON data")))?,
        ),
        None => None,
    };
    let mut fields = OptionFields::new(function, node.as_ref())?;
    let options = read(&mut fields)?;
    fields.finish()?;
    Ok(options)
}

#[cfg(feature = "clients")]
/// A file to upload, as the caller passed it (the bytes stay in JavaScript).
pub struct Upload {
    /// Its MIME type: `options.type`, else the file's own.
    pub content_type: String,
    /// Its size in bytes.
    pub size: u64,
    /// `options.filename`, else the file's name, else `file`.
    pub filename: String,
}

#[cfg(feature = "clients")]
/// The type, size and name of `file` (a Blob or File, ArrayBuffer or
/// Uint8Array), the options' `type` and `filename` taking precedence. A
/// file without a type is refused when `type_required`; otherwise its type
/// is "" (an API that checks the type itself).
pub fn read_upload(
    file: &JsValue,
    content_type: Option<&str>,
    filename: Option<&str>,
    function: &str,
    type_required: bool,
) -> Result<Upload, Error> {
    use super::object::field;
    let read = |key: &str| field(file, key);
    let size = read("size").or_else(|| read("byteLength")).and_then(|n| n.as_f64()).map(|n| n as u64);
    let own = |key: &str| read(key).and_then(|t| t.as_string());
    let given = |value: Option<&str>| value.filter(|t| !t.is_empty()).map(str::to_owned);
    let content_type = given(content_type)
        .or_else(|| own("type"))
        .filter(|t| !t.is_empty())
        .or_else(|| (!type_required).then(String::new));
    let filename = given(filename).or_else(|| own("name")).unwrap_or_else(|| "file".to_owned());
    match (size, content_type) {
        (Some(size), Some(content_type)) => Ok(Upload { content_type, size, filename }),
        (None, _) => {
            Err(Error::invalid_argument(format!("{function} takes a Blob, File, ArrayBuffer or Uint8Array")))
        }
        (_, None) => Err(Error::invalid_argument(format!(
            "{function} needs the MIME type: pass {{ type }} for this file"
        ))),
    }
}

/// A required string argument.
pub fn string(value: &JsValue, function: &str, name: &str) -> Result<String, Error> {
    value.as_string().ok_or_else(|| {
        Error::invalid_argument(format!("{function}: {name} must be a string, got {}", type_name(value)))
    })
}

/// A required array of strings.
pub fn strings(value: &JsValue, function: &str, name: &str) -> Result<Vec<String>, Error> {
    if !js_sys::Array::is_array(value) {
        return Err(Error::invalid_argument(format!(
            "{function}: {name} must be an array of strings, got {}",
            type_name(value)
        )));
    }
    js_sys::Array::from(value)
        .iter()
        .enumerate()
        .map(|(index, item)| {
            item.as_string().ok_or_else(|| {
                Error::invalid_argument(format!(
                    "{function}: {name}[{index}] must be a string, got {}",
                    type_name(&item)
                ))
            })
        })
        .collect()
}

/// The JavaScript `typeof` of a value (with `null` and arrays told apart), for messages.
pub fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_owned()
    } else if js_sys::Array::is_array(value) {
        "array".to_owned()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}
