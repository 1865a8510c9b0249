//! parsePhone (strict E.164) on arbitrary text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let result = whatsapp_edge::phone::parse_strict_e164(text);
    assert_eq!(result.ok, result.errors.is_empty());
});
