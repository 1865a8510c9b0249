//! Layer 2: src/wasm/ inside a real JavaScript engine (wasm-bindgen-test),
//! under Node by default and headless Chromium with WASM_BINDGEN_USE_BROWSER=1.
//! Errors and phones here; the transport, crypto and conversions in tests/wasm/.
#![cfg(target_arch = "wasm32")]
// Test code: a failed unwrap is a failed test. (clippy.toml covers #[test], not #[wasm_bindgen_test].)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use whatsapp_edge::report::Issue;
use whatsapp_edge::wasm::{error::to_js_error, phone::parse_phone};
use whatsapp_edge::Error;

#[path = "wasm/convert.rs"]
mod convert;
#[path = "wasm/crypto.rs"]
mod crypto;
#[path = "wasm/transport.rs"]
mod transport;

/// Bytes from hex (test vectors).
fn hex(text: &str) -> Vec<u8> {
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap()).collect()
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap()
}

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        Reflect::set(&object, &JsValue::from_str(key), value).unwrap();
    }
    object.into()
}

#[wasm_bindgen_test]
fn errors_become_js_errors_with_code_and_optional_fields() {
    let mut error = Error::new("http_error", "Meta answered 429");
    error.status = Some(429);
    error.meta_code = Some(130429);
    error.retry_after_ms = Some(1500);
    error.retryable = Some(true);
    let js = to_js_error(&error);
    assert!(js.is_instance_of::<js_sys::Error>());
    let js_error: js_sys::Error = js.clone().unchecked_into();
    assert_eq!(String::from(js_error.message()), "Meta answered 429");
    assert_eq!(get(&js, "code"), "http_error");
    assert_eq!(get(&js, "status"), 429);
    assert_eq!(get(&js, "metaCode"), 130429);
    assert_eq!(get(&js, "retryAfterMs"), 1500);
    assert_eq!(get(&js, "retryable"), true);
    assert!(get(&js, "issues").is_undefined(), "no issues key without issues");
}

#[wasm_bindgen_test]
fn validation_failed_carries_plain_issue_objects() {
    let issue = Issue::error("phone.too_short", "/to", "too short").with_meta_code(131026);
    let js = to_js_error(&Error::validation_failed(vec![issue]));
    assert_eq!(get(&js, "code"), "validation_failed");
    let issues: js_sys::Array = get(&js, "issues").unchecked_into();
    assert_eq!(issues.length(), 1);
    let first = issues.get(0);
    assert_eq!(get(&first, "code"), "phone.too_short");
    assert_eq!(get(&first, "path"), "/to");
    assert_eq!(get(&first, "severity"), "error");
    assert_eq!(get(&first, "metaCode"), 131026);
    assert!(!Reflect::has(&first, &JsValue::from_str("line")).unwrap(), "absent fields are left out");
}

#[wasm_bindgen_test]
fn parse_phone_returns_a_plain_object() {
    let result = parse_phone(JsValue::from_str("+14155552671"), JsValue::UNDEFINED).unwrap();
    let plain_prototype = js_sys::Object::get_prototype_of(&js_sys::Object::new());
    assert_eq!(JsValue::from(js_sys::Object::get_prototype_of(&result)), JsValue::from(plain_prototype));
    assert_eq!(get(&result, "ok"), true);
    assert_eq!(get(&result, "e164"), "+14155552671");
    assert_eq!(get(&result, "waId"), "14155552671");
    assert!(js_sys::Array::is_array(&get(&result, "errors")));
}

#[wasm_bindgen_test]
fn parse_phone_rejects_wrong_argument_types_with_invalid_argument() {
    let cases = [
        (JsValue::from_f64(1.0), JsValue::UNDEFINED),
        (JsValue::from_str("+14155552671"), JsValue::from_str("US")),
        (JsValue::from_str("+14155552671"), js_sys::Array::new().into()),
        (JsValue::from_str("+14155552671"), object(&[("defaultRegion", "US".into())])),
        (JsValue::from_str("+14155552671"), object(&[("defaultCountry", 1.into())])),
    ];
    for (input, options) in cases {
        let thrown = parse_phone(input, options).unwrap_err();
        assert!(thrown.is_instance_of::<js_sys::Error>());
        assert_eq!(get(&thrown, "code"), "invalid_argument");
    }
}

#[wasm_bindgen_test]
fn unknown_option_message_lists_the_known_options() {
    let options = object(&[("defaultRegion", "US".into())]);
    let thrown = parse_phone(JsValue::from_str("+1"), options).unwrap_err();
    let message = get(&thrown, "message").as_string().unwrap();
    assert!(message.contains("\"defaultRegion\""), "{message}");
    assert!(message.contains("defaultCountry"), "{message}");
}
