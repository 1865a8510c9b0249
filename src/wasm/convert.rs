//! Plain JavaScript objects to and from Rust values (serde-wasm-bindgen).

use crate::Error;
use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde::Serialize;
use wasm_bindgen::JsValue;

/// A Rust value as a plain JavaScript value: objects, not `Map`s, and
/// `undefined` fields left out (`skip_serializing_if`).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    // Our output types are plain structs, strings and numbers: serialising
    // them cannot fail, so an error here would be a bug; `null` beats a trap.
    value.serialize(&serializer).unwrap_or(JsValue::NULL)
}

/// The optional options object of an export: `undefined`/`null` mean defaults;
/// anything else must match `T` or the caller gets an `invalid_argument` error.
/// Unknown keys are errors too, so a misspelt option is never silently ignored.
pub fn options<T: DeserializeOwned + Default>(value: JsValue, function: &str) -> Result<T, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(Error::invalid_argument(format!(
            "{function}: options must be an object, got {}",
            type_name(&value)
        )));
    }
    let known = struct_fields::<T>();
    for key in js_sys::Object::keys(&js_sys::Object::from(value.clone())).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            return Err(Error::invalid_argument(format!(
                "{function}: unknown option {key:?}; known options: {}",
                known.join(", ")
            )));
        }
    }
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| Error::invalid_argument(format!("{function}: invalid options: {e}")))
}

/// A required string argument.
pub fn string(value: &JsValue, function: &str, name: &str) -> Result<String, Error> {
    value.as_string().ok_or_else(|| {
        Error::invalid_argument(format!(
            "{function}: {name} must be a string, got {}",
            type_name(value)
        ))
    })
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

/// The field names serde expects for the struct `T`, in their serialized
/// (camelCase) form. serde-wasm-bindgen reads only these fields from an
/// object, so `deny_unknown_fields` cannot catch extra keys; we ask serde
/// for the list instead of repeating it by hand.
fn struct_fields<T: DeserializeOwned>() -> &'static [&'static str] {
    struct FieldNames(&'static [&'static str]);

    impl<'de> Deserializer<'de> for &mut FieldNames {
        type Error = de::value::Error;

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            fields: &'static [&'static str],
            _visitor: V,
        ) -> Result<V::Value, Self::Error> {
            self.0 = fields;
            Err(de::Error::custom("field names captured"))
        }

        fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
            enum identifier ignored_any
        }
    }

    let mut names = FieldNames(&[]);
    // The error is the point: deserialize_struct records the names and stops.
    let _ = T::deserialize(&mut names);
    names.0
}
