//! validateMessage on arbitrary JSON text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(doc) = whatsapp_edge::json::parse(text) {
        let report = whatsapp_edge::message::validate_message(&doc, Some(text));
        assert_eq!(report.ok, report.errors.is_empty());
    }
});
