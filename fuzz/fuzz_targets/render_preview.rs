//! renderTemplatePreview on arbitrary JSON text (as definition, and as its own
//! send), and the formatting parser on the raw text: no panic, and the HTML
//! never carries an executable construct.
#![no_main]
use libfuzzer_sys::fuzz_target;
use whatsapp_edge::preview::{markup, render, PreviewOptions};

fuzz_target!(|text: &str| {
    let _ = markup::parse(text);
    if let Ok(doc) = whatsapp_edge::json::parse(text) {
        let preview = render(&doc, Some(text), Some(&doc), &PreviewOptions::default());
        // Text is escaped, so every `<…>` is one of ours: no script tag, no
        // event-handler attribute, no link but http(s) and tel.
        let html = preview.html.to_ascii_lowercase();
        for tag in html.split('<').skip(1).filter_map(|rest| rest.split('>').next()) {
            assert!(!tag.starts_with("script") && !tag.contains(" on"), "{tag}");
            for attribute in [" href=\"", " src=\""] {
                for url in tag.split(attribute).skip(1) {
                    assert!(url.starts_with("http") || url.starts_with("tel:"), "{tag}");
                }
            }
        }
    }
});
