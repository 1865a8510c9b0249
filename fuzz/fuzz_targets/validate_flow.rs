//! validateFlow on arbitrary JSON text, with Meta's error shape requested.
#![no_main]
use libfuzzer_sys::fuzz_target;
use whatsapp_edge::flow::{validate_flow, FlowOptions};

fuzz_target!(|text: &str| {
    if let Ok(doc) = whatsapp_edge::json::parse(text) {
        let options = FlowOptions { meta_errors: Some(true) };
        let report = validate_flow(&doc, Some(text), &options);
        assert_eq!(report.ok, report.errors.is_empty());
        assert!(report.errors.iter().all(|issue| issue.line.is_some()), "text input gives every error a position");
        assert_eq!(report.validation_errors.map(|errors| errors.len()), Some(report.errors.len()));
    }
});
