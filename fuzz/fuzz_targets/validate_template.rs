//! validateTemplate on arbitrary JSON text, in create and edit mode.
#![no_main]
use libfuzzer_sys::fuzz_target;
use whatsapp_edge::template::{validate_template, TemplateOptions};

fuzz_target!(|text: &str| {
    if let Ok(doc) = whatsapp_edge::json::parse(text) {
        for mode in [None, Some("edit".to_owned())] {
            let report = validate_template(&doc, Some(text), &TemplateOptions { mode });
            assert_eq!(report.ok, report.errors.is_empty());
        }
    }
});
