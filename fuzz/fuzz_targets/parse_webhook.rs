//! Fuzzes the webhook parser: it must never panic, and its output must be JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let out = whatsapp_edge::webhook::parse_webhook(text);
        assert!(whatsapp_edge::json::parse(&out).is_ok(), "output is not JSON: {out}");
    }
});
