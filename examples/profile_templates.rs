//! Profiling harness: parses and validates the corpus templates in a loop and
//! prints the time per document. Not a benchmark (bench/ compares with peers);
//! use it under callgrind: `cargo build --profile profiling --example
//! profile_templates && N=100 valgrind --tool=callgrind target/profiling/examples/profile_templates`.
#![allow(clippy::unwrap_used)]

use std::time::Instant;
fn main() {
    let dir = "tests/fixtures/corpus/templates";
    let texts: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let docs: Vec<_> = texts.iter().map(|t| whatsapp_edge::json::parse(t).unwrap()).collect();
    let opts = whatsapp_edge::template::TemplateOptions::default();
    let n: usize = std::env::var("N").ok().and_then(|v| v.parse().ok()).unwrap_or(2000);
    let t = Instant::now();
    for _ in 0..n {
        for t in &texts {
            std::hint::black_box(whatsapp_edge::json::parse(t).unwrap());
        }
    }
    println!("parse: {:.2} us/doc", t.elapsed().as_secs_f64() * 1e6 / (n * texts.len()) as f64);
    let t = Instant::now();
    for _ in 0..n {
        for d in &docs {
            std::hint::black_box(whatsapp_edge::template::validate_template(d, None, &opts));
        }
    }
    println!("validate: {:.2} us/doc", t.elapsed().as_secs_f64() * 1e6 / (n * docs.len()) as f64);
}
