//! Profiling harness for the phone parser: parses the oracle's E.164 numbers
//! in a loop and prints the time per number (use under callgrind like
//! profile_templates).
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::time::Instant;

fn main() {
    let text = std::fs::read_to_string("tests/fixtures/phone/oracle.json").unwrap();
    let doc = whatsapp_edge::json::parse(&text).unwrap();
    let numbers: Vec<String> = doc
        .get("international")
        .unwrap()
        .items()
        .unwrap()
        .iter()
        .map(|row| row.items().unwrap()[0].as_str().unwrap().to_owned())
        .collect();
    let rounds: usize = std::env::var("N").ok().and_then(|v| v.parse().ok()).unwrap_or(20);
    let first = Instant::now();
    std::hint::black_box(whatsapp_edge::phone::parse("+14155552671", None));
    println!("first call: {:.2} ms", first.elapsed().as_secs_f64() * 1e3);
    let start = Instant::now();
    for _ in 0..rounds {
        for number in &numbers {
            std::hint::black_box(whatsapp_edge::phone::parse(number, None));
        }
    }
    println!("parse: {:.2} us/number", start.elapsed().as_secs_f64() * 1e6 / (rounds * numbers.len()) as f64);
}
