//! Prints the findings of validate_flow for the files given (a debugging aid).
#![allow(clippy::unwrap_used)]
fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = whatsapp_edge::json::parse(&text).unwrap();
        let report = whatsapp_edge::flow::validate_flow(&doc, Some(&text), &Default::default());
        for issue in report.errors.iter().chain(&report.warnings) {
            println!("{path}: {:?} {} {} {}", issue.severity, issue.code, issue.path, issue.message);
        }
    }
}
