//! Refactoring harness: prints the preview (HTML, tree, issue codes) of every
//! screen of every Flow in a folder, in three option sets, so a change to
//! `src/flow_preview` that must not change the output can be diffed:
//! `cargo run -q --example flow_preview_dump tests/fixtures/corpus/flows > before.txt`.
#![allow(clippy::unwrap_used)]

use whatsapp_edge::flow_preview::{render_request, to_json};
use whatsapp_edge::preview::Measured;

fn main() {
    let folder = std::env::args().nth(1).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(folder).unwrap().map(|entry| entry.unwrap().path()).collect();
    files.sort();
    for file in files.iter().filter(|f| f.extension().is_some_and(|e| e == "json")) {
        let text = std::fs::read_to_string(file).unwrap();
        let doc = whatsapp_edge::json::parse(&text).unwrap();
        let screens = doc.get("screens").and_then(|s| s.items()).unwrap_or_default();
        for screen in screens {
            let id = screen.get("id").and_then(|id| id.as_str()).unwrap_or_default();
            for extra in [
                "",
                r#","theme":"dark","direction":"rtl","locale":"ar","now":"2026-12-07""#,
                r#","locale":"pt_BR""#,
            ] {
                let options = format!(r#"{{"screen":"{id}"{extra}}}"#);
                let measured = Measured::Text { text: &options, from_caller: true };
                let flow = Measured::Text { text: &text, from_caller: true };
                let preview = render_request(&flow, Some(&measured)).unwrap();
                let codes: Vec<_> = preview.issues.iter().map(|i| i.code).collect();
                println!("== {} {options}", file.display());
                println!("{}\n{}\n{codes:?}", preview.html, to_json(&preview.tree));
            }
        }
    }
}
