//! validateTemplateSend on arbitrary JSON: the input is `definition` and
//! `send` separated by a NUL byte.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (definition, send) = text.split_once('\0').unwrap_or((text, text));
    if let (Ok(definition), Ok(send_doc)) = (whatsapp_edge::json::parse(definition), whatsapp_edge::json::parse(send)) {
        let report = whatsapp_edge::template::send::validate_template_send(&definition, &send_doc, Some(send));
        assert_eq!(report.ok, report.errors.is_empty());
    }
});
