//! Layer 2: src/wasm/convert.rs, text and values across the boundary: UTF-8
//! through the engine's TextEncoder (lone surrogates as U+FFFD, sizes
//! measured before anything is copied), JSON text of arguments, plain objects
//! out, and the messages of wrong argument types.

use super::get;
use js_sys::{JsString, Object};
use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;
use whatsapp_edge::wasm::convert::{encode, json_text, string, strings, to_js, type_name, utf8_within};

#[wasm_bindgen_test]
fn encode_writes_utf8_and_replaces_lone_surrogates() {
    let text = JsValue::from_str("aé€😀");
    assert_eq!(encode(&text).to_vec(), "aé€😀".as_bytes());
    let lone: JsValue = JsString::from_char_code1(0xD800).concat(&JsValue::from_str("x")).into();
    assert_eq!(encode(&lone).to_vec(), [0xEF, 0xBF, 0xBD, b'x']);
}

#[wasm_bindgen_test]
fn utf8_within_reads_up_to_the_limit_and_only_measures_beyond_it() {
    let text = JsValue::from_str("aé€😀"); // 1 + 2 + 3 + 4 bytes
    assert_eq!(utf8_within(&text, 10), Ok(Some("aé€😀".to_owned())));
    assert_eq!(utf8_within(&text, 9), Err(10));
    assert_eq!(utf8_within(&JsValue::from_str(""), 0), Ok(Some(String::new())));
    let lone: JsValue = JsString::from_char_code1(0xDC00).into();
    assert_eq!(utf8_within(&lone, 3), Ok(Some("\u{FFFD}".to_owned())));
}

#[wasm_bindgen_test]
fn json_text_is_the_engines_json_and_refuses_what_json_cannot_hold() {
    let value = js_sys::JSON::parse(r#"{"to":"+1","n":[1,2.5,null],"é":"😀"}"#).unwrap();
    assert_eq!(
        json_text(&value, "f", "x").unwrap().as_deref(),
        Some(r#"{"to":"+1","n":[1,2.5,null],"é":"😀"}"#)
    );
    assert_eq!(json_text(&JsValue::UNDEFINED, "f", "x").unwrap(), None);
    let cyclic = Object::new();
    js_sys::Reflect::set(&cyclic, &"self".into(), &cyclic).unwrap();
    let function = js_sys::Function::new_no_args("");
    for (value, kind) in [
        (JsValue::from(cyclic), "object"),
        (function.into(), "function"),
        (JsValue::bigint_from_str("1"), "bigint"),
    ] {
        let error = json_text(&value, "validateMessage", "message").unwrap_err();
        assert_eq!(error.code, "invalid_argument");
        assert!(error.message.starts_with("validateMessage: message must be JSON data"), "{}", error.message);
        assert!(error.message.ends_with(&format!("got {kind}")), "{}", error.message);
    }
}

#[derive(Serialize)]
struct Shown {
    code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u32>,
    fields: std::collections::BTreeMap<&'static str, u32>,
}

#[wasm_bindgen_test]
fn to_js_gives_plain_objects_without_absent_fields() {
    let value = to_js(&Shown { code: "x.y", line: None, fields: [("a", 1)].into() });
    let plain = Object::get_prototype_of(&Object::new());
    assert_eq!(JsValue::from(Object::get_prototype_of(&value)), JsValue::from(plain.clone()));
    assert_eq!(get(&value, "code"), "x.y");
    assert!(!js_sys::Reflect::has(&value, &"line".into()).unwrap(), "None is left out, not undefined");
    let fields = get(&value, "fields");
    assert_eq!(
        JsValue::from(Object::get_prototype_of(&fields)),
        JsValue::from(plain),
        "a map is an object, not a Map"
    );
    assert_eq!(get(&fields, "a"), 1);
}

#[wasm_bindgen_test]
fn wrong_argument_types_are_named_in_the_message() {
    assert_eq!(string(&"x".into(), "f", "name").unwrap(), "x");
    assert_eq!(
        string(&JsValue::NULL, "markAsRead", "messageId").unwrap_err().message,
        "markAsRead: messageId must be a string, got null"
    );
    let list = js_sys::Array::of2(&"a".into(), &"b".into());
    assert_eq!(strings(&list, "f", "ids").unwrap(), ["a", "b"]);
    assert_eq!(
        strings(&js_sys::Array::of2(&"a".into(), &2.into()), "f", "ids").unwrap_err().message,
        "f: ids[1] must be a string, got number"
    );
    assert_eq!(
        strings(&"a".into(), "f", "ids").unwrap_err().message,
        "f: ids must be an array of strings, got string"
    );
    let names: Vec<String> =
        [JsValue::NULL, JsValue::UNDEFINED, js_sys::Array::new().into(), Object::new().into(), 1.into()]
            .iter()
            .map(type_name)
            .collect();
    assert_eq!(names, ["null", "undefined", "array", "object", "number"]);
}
