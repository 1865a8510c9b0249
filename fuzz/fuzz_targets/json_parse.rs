//! The JSON parser on arbitrary text: no panic, spans inside the text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(node) = whatsapp_edge::json::parse(text) {
        assert!(node.span.end <= text.len());
    }
});
