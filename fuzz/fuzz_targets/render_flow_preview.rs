//! renderFlowPreview on arbitrary JSON text, for its entry screen and (when
//! the text names one) each screen: no panic, and the HTML never carries an
//! executable construct, a style attribute, a link but http(s) or an image but
//! a raster data: URL.
#![no_main]
use libfuzzer_sys::fuzz_target;
use whatsapp_edge::flow_preview::{render, FlowPreviewOptions};

fuzz_target!(|text: &str| {
    let Ok(doc) = whatsapp_edge::json::parse(text) else { return };
    let ids: Vec<String> = doc
        .get("screens")
        .and_then(|s| s.items())
        .unwrap_or_default()
        .iter()
        .filter_map(|s| s.get("id").and_then(|id| id.as_str()).map(str::to_owned))
        .take(4)
        .collect();
    let mut options = vec![FlowPreviewOptions::default()];
    options.extend(ids.into_iter().map(|id| FlowPreviewOptions { screen: Some(id), dark: true, rtl: true, ..Default::default() }));
    for option in &options {
        let preview = render(&doc, Some(text), option);
        let html = preview.html.to_ascii_lowercase();
        for tag in html.split('<').skip(1).filter_map(|rest| rest.split('>').next()) {
            assert!(!tag.starts_with("script") && !tag.contains(" on") && !tag.contains(" style="), "{tag}");
            for url in tag.split(" href=\"").skip(1) {
                assert!(url.starts_with("http://") || url.starts_with("https://"), "{tag}");
            }
            for url in tag.split(" src=\"").skip(1) {
                assert!(url.starts_with("data:image/"), "{tag}");
            }
        }
    }
});
