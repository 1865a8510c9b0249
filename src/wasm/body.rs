//! Request bodies before they enter wasm memory: the capped reader (the Flow
//! endpoint's, and `readBody` for webhook routes), header reads (web-sys's
//! `Request` and `Headers`), body arguments as JavaScript views, and
//! `wasmMemoryBytes` (a diagnostic). The streamed reading and counting is
//! `body.js`; the decisions are `crate::body`.

use super::object::get;
use crate::body;
use crate::Error;
use js_sys::{ArrayBuffer, Object, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/wasm/body.js")]
extern "C" {
    #[wasm_bindgen(js_name = readCapped)]
    fn js_read_capped(request: &JsValue, max_bytes: u32) -> Promise;
    #[wasm_bindgen(js_name = readOrReject)]
    fn js_read_or_reject(request: &JsValue, max_bytes: u32, too_large: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = discard)]
    fn js_discard(request: &JsValue);
}

/// `request.headers.get(name)`; `None` when there is no such header, or no
/// `Headers` (a look-alike request: `get` on `undefined` throws into the
/// `Result` web-sys gives).
pub fn header(request: &JsValue, name: &str) -> Option<String> {
    request.unchecked_ref::<web_sys::Request>().headers().get(name).ok().flatten()
}

/// Whether `request` can be read as a body: a `Request`, or a look-alike with `body` or `arrayBuffer()`.
pub fn is_request(request: &JsValue) -> bool {
    request.is_object() && (!get(request, "body").is_undefined() || get(request, "arrayBuffer").is_function())
}

/// A body read up to its cap.
pub enum Read {
    /// The whole body, in JavaScript memory.
    Bytes(Uint8Array),
    /// Over the cap: refused on its `Content-Length`, or cancelled as soon as the count passed it.
    TooLarge,
}

/// Reads `request`'s body in JavaScript, at most `max` bytes: a declared
/// `Content-Length` over the cap is refused unread, and the stream is
/// cancelled as soon as the running count passes it (no or a lying
/// `Content-Length`). Fails with what the stream threw when it breaks.
pub async fn read(request: &JsValue, max: u32) -> Result<Read, JsValue> {
    if body::declared_over(header(request, "content-length").as_deref(), max) {
        js_discard(request);
        return Ok(Read::TooLarge);
    }
    let read = JsFuture::from(js_read_capped(request, max)).await?;
    Ok(match read.dyn_into::<Uint8Array>() {
        Ok(bytes) => Read::Bytes(bytes),
        Err(_) => Read::TooLarge,
    })
}

/// A body argument (string, `Uint8Array`, other view, `ArrayBuffer`) as a
/// `Uint8Array` in JavaScript memory: a string is UTF-8-encoded there, views
/// are not copied.
pub fn bytes_of(value: &JsValue, function: &str, name: &str) -> Result<Uint8Array, Error> {
    if value.is_string() {
        Ok(super::convert::encode(value))
    } else if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
        Ok(bytes.clone())
    } else if ArrayBuffer::is_view(value) {
        // Every view (typed arrays, DataView) has buffer, byteOffset and byteLength.
        let view = value.unchecked_ref::<Uint8Array>();
        Ok(Uint8Array::new_with_byte_offset_and_length(
            &view.buffer(),
            view.byte_offset(),
            view.byte_length(),
        ))
    } else if let Some(buffer) = value.dyn_ref::<ArrayBuffer>() {
        Ok(Uint8Array::new(buffer))
    } else {
        Err(Error::invalid_argument(format!(
            "{function}: {name} must be a string, Uint8Array or ArrayBuffer, got {}",
            super::convert::type_name(value)
        )))
    }
}

/// A caller's `maxBodyBytes` value; `undefined`/`null` is `default`.
pub fn limit_of(value: &JsValue, function: &str, default: u32) -> Result<u32, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(default);
    }
    // Not a number: NaN, which `body::limit` refuses with the same message.
    body::limit(Some(value.as_f64().unwrap_or(f64::NAN)), function, default)
}

/// An options argument of the form `{ maxBodyBytes? }` (unknown keys are misuse).
pub fn max_body_bytes(options: &JsValue, function: &str, default: u32) -> Result<u32, Error> {
    if options.is_undefined() || options.is_null() {
        return Ok(default);
    }
    if !options.is_object() {
        return Err(Error::invalid_argument(format!("{function}: options must be an object")));
    }
    for key in Object::keys(options.unchecked_ref::<Object>()).iter().filter_map(|key| key.as_string()) {
        if key != "maxBodyBytes" {
            return Err(Error::invalid_argument(format!(
                "{function}: unknown option \"{key}\"; known options: maxBodyBytes"
            )));
        }
    }
    limit_of(&get(options, "maxBodyBytes"), function, default)
}

/// Reads a request's body with a cap (default 4 MiB, the webhooks' default),
/// counting bytes as they stream in, before anything enters wasm memory:
/// resolves to the bytes, or rejects with `body_too_large` (`status` 413)
/// when `Content-Length` or the running count passes `maxBodyBytes`. Pass
/// the bytes to `verifyWebhookSignature` and then to `parseWebhook`.
///
/// @example
/// ```ts
/// const bytes = await readBody(request, { maxBodyBytes: 1024 * 1024 }); // rejects with body_too_large above it
/// ```
#[wasm_bindgen(js_name = readBody, unchecked_return_type = "Promise<Uint8Array>")]
pub fn read_body(
    #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "{ maxBodyBytes?: number }")] options: JsValue,
) -> Promise {
    // Not async: the reading is all JavaScript, so no Rust future is needed
    // (each costs about a kilobyte of .wasm); misuse rejects like the rest.
    const NAME: &str = "readBody";
    let max = match max_body_bytes(&options, NAME, body::WEBHOOK_DEFAULT) {
        Ok(max) if is_request(&request) => max,
        Ok(_) => {
            return Promise::reject(
                &Error::invalid_argument(format!("{NAME}: request must be a Request")).into(),
            )
        }
        Err(error) => return Promise::reject(&error.into()),
    };
    let too_large: JsValue = body::too_large(NAME, max).into();
    if body::declared_over(header(&request, "content-length").as_deref(), max) {
        js_discard(&request);
        return Promise::reject(&too_large);
    }
    js_read_or_reject(&request, max, &too_large)
}

/// The size of this module's WebAssembly memory, in bytes. A diagnostic
/// (soak tests, capacity planning): wasm memory grows and never shrinks, so
/// this is the high-water mark of everything the module has held at once.
///
/// @example
/// ```ts
/// console.log(wasmMemoryBytes()); // e.g. 1376256
/// ```
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    // Pages of 64 KiB; as f64 because 65,536 pages would overflow u32 bytes.
    core::arch::wasm32::memory_size::<0>() as f64 * 65_536.0
}
