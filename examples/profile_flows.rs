//! Profiling harness: parses and validates a Flow JSON file in a loop and
//! prints the time per document. Not a benchmark (bench/ compares with
//! JSON.parse); use it under callgrind: `cargo build --profile profiling
//! --example profile_flows && N=20 valgrind --tool=callgrind
//! target/profiling/examples/profile_flows FILE`.
#![allow(clippy::unwrap_used)]

use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let doc = whatsapp_edge::json::parse(&text).unwrap();
    let options = whatsapp_edge::flow::FlowOptions::default();
    let n: usize = std::env::var("N").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(whatsapp_edge::json::parse(&text).unwrap());
    }
    println!("parse: {:.1} us/doc", t.elapsed().as_secs_f64() * 1e6 / n as f64);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(whatsapp_edge::flow::validate_flow(&doc, Some(&text), &options));
    }
    println!("validate: {:.1} us/doc", t.elapsed().as_secs_f64() * 1e6 / n as f64);
}
