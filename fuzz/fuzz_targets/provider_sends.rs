//! The provider clients' request builders on arbitrary JSON text: Bird's
//! CreateMessage and Cirrus's V2 body checked (against a fixed clock), and
//! the body that would be sent (tags lower-cased, numbers as digits) still
//! JSON; RFC 3339 parsing on the text itself. No panic anywhere.
#![no_main]
use libfuzzer_sys::fuzz_target;
use whatsapp_edge::api::providers::{bird::Bird, cirrus::Cirrus};

const NOW: i64 = 1_767_261_600_000;

fuzz_target!(|text: &str| {
    let _ = whatsapp_edge::time::parse_rfc3339(text);
    let Ok(doc) = whatsapp_edge::json::parse(text) else { return };
    let bird = Bird::new(
        "https://api.bird.com".into(),
        "2d7a8ab8-b7a2-4a0d-9c5f-6c0c0b5d8a11".into(),
        "8e0f1a52-2c6b-4f43-8a55-0d2c7d6f3b22".into(),
    )
    .unwrap();
    let cirrus = Cirrus { base_url: "https://api.commbox.io".into(), stream_id: "a==".into(), v2_prefix: "/v2".into() };
    for request in [bird.send_message(text, &doc, NOW, true), cirrus.send_templated_message(text, &doc, true)] {
        if let Ok(request) = request {
            let body = request.body.unwrap_or_default();
            assert!(whatsapp_edge::json::parse(&body).is_ok(), "sent a body that is not JSON: {body}");
        }
    }
});
