//! The shared corpus against `validate_template`: every real definition passes,
//! every invalid one fails with the documented code at the documented path.
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::fs;
use std::path::Path;
use whatsapp_edge::json::parse;
use whatsapp_edge::template::{validate_template, TemplateOptions};
use whatsapp_edge::Report;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");

fn validate_file(path: &Path) -> Report {
    let text = fs::read_to_string(path).unwrap();
    // Postman collections use "<TEMPLATE_NAME>" as a placeholder for the name.
    let text = text.replace("\"<TEMPLATE_NAME>\"", "\"template_name\"");
    let doc = parse(&text).unwrap();
    validate_template(&doc, Some(&text), &TemplateOptions::default())
}

/// Corpus files that are not whole definitions, with the one error they must give.
const FRAGMENTS: [(&str, &str); 1] = [
    // The 'Template media' page shows only the HEADER of this create payload.
    ("metadocs_limited_time_offer_tuscan_getaway_2023.json", "template.body_missing"),
];

#[test]
fn every_corpus_template_has_no_errors() {
    let mut failures = Vec::new();
    let mut count = 0;
    for entry in fs::read_dir(format!("{CORPUS}/templates")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            count += 1;
            let report = validate_file(&path);
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let codes: Vec<&str> = report.errors.iter().map(|issue| issue.code).collect();
            let expected: Vec<&str> =
                FRAGMENTS.iter().filter(|(file, _)| *file == name).map(|(_, code)| *code).collect();
            if codes != expected {
                failures.push(format!("{name}: {:#?}", report.errors));
            }
        }
    }
    assert_eq!(count, 47, "the corpus has 47 template definitions");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn errors(file: &str) -> Vec<(&'static str, String)> {
    let report = validate_file(Path::new(&format!("{CORPUS}/invalid/{file}")));
    report.errors.iter().map(|issue| (issue.code, issue.path.clone())).collect()
}

#[test]
fn uppercase_name_is_rejected_at_the_name() {
    assert!(errors("template_name_uppercase.json").contains(&("template.name_invalid", "/name".into())));
}

#[test]
fn dangling_parameter_is_rejected_at_the_body_text() {
    let found = errors("template_dangling_parameter.json");
    assert!(
        found.iter().any(|(code, path)| *code == "template.variable_at_edge" && path.ends_with("/text")),
        "{found:?}"
    );
}

#[test]
fn non_sequential_parameters_are_rejected() {
    let found = errors("template_non_sequential_params.json");
    assert!(found.iter().any(|(code, _)| *code == "template.variable_not_sequential"), "{found:?}");
}

#[test]
fn the_suspect_call_permission_example_has_its_three_problems() {
    let found = errors("suspect_metadocs_sample_cpr_template.json");
    let codes: Vec<&str> = found.iter().map(|(code, _)| *code).collect();
    assert!(codes.contains(&"template.category_invalid"), "{found:?}");
    assert!(codes.contains(&"missing"), "header without format: {found:?}");
}
