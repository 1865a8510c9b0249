//! renderFlowPreview on arbitrary JSON text, for its entry screen and (when
//! the text names them) up to four screens dark and right to left: no panic,
//! and the HTML never carries an executable construct: no script tag, no event
//! handler or style attribute, no link but http(s), no image but a data: image.
#![no_main]
use libfuzzer_sys::fuzz_target;
use whatsapp_edge::flow_preview::{render, FlowPreviewOptions};

/// The attributes of one tag's inside (`name a="…" b`): names and values. Text
/// is escaped, so a value never holds a quote and a tag never holds `<` or `>`.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag.trim_start_matches(|c: char| !c.is_whitespace());
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return out;
        }
        let end = rest.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(rest.len());
        let name = rest[..end].to_owned();
        rest = &rest[end..];
        let mut value = String::new();
        if let Some(quoted) = rest.strip_prefix("=\"") {
            let close = quoted.find('"').expect("attribute values are quoted");
            value = quoted[..close].to_owned();
            rest = &quoted[close + 1..];
        }
        out.push((name, value));
    }
}

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
    options.extend(ids.into_iter().map(|id| FlowPreviewOptions {
        screen: Some(id),
        dark: true,
        rtl: true,
        ..Default::default()
    }));
    for option in &options {
        let preview = render(&doc, Some(text), option);
        for tag in preview.html.split('<').skip(1).filter_map(|rest| rest.split('>').next()) {
            let lower = tag.to_ascii_lowercase();
            assert!(!lower.starts_with("script") && !lower.starts_with("style"), "{tag}");
            for (name, value) in attributes(&lower) {
                assert!(!name.starts_with("on") && name != "style", "{tag}");
                if name == "href" {
                    assert!(value.starts_with("http://") || value.starts_with("https://"), "{tag}");
                }
                if name == "src" {
                    assert!(value.starts_with("data:image/"), "{tag}");
                }
            }
        }
    }
});
