//! Plain JavaScript objects: the one getter and the one setter the binding
//! uses (arguments read, results and errors built).

use js_sys::Reflect;
use wasm_bindgen::JsValue;

/// `object[key]`, or `undefined` when `object` is not an object or reading
/// throws (a getter may). Only objects are asked: `Reflect.get` on anything
/// else throws, and a thrown TypeError (with its stack) costs more than the
/// rest of a send.
pub fn get(object: &JsValue, key: &str) -> JsValue {
    if !object.is_object() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `object[key]`, unless it is missing, `undefined` or `null`.
pub fn field(object: &JsValue, key: &str) -> Option<JsValue> {
    Some(get(object, key)).filter(|value| !value.is_undefined() && !value.is_null())
}

/// Sets `object[key]`. Used on objects the binding made itself (plain
/// objects, `Error`s), where setting a property cannot fail.
pub fn set(object: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}
