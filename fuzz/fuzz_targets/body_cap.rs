//! Fuzzes the body-cap decisions: `Content-Length` headers against caps
//! (checked against an oracle that compares digit strings, never parsing a
//! number) and `maxBodyBytes` values. Never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whatsapp_edge::body;

fuzz_target!(|input: (&str, u32, f64)| {
    let (header, max, value) = input;
    let digits = header.trim();
    let well_formed = !digits.is_empty() && digits.bytes().all(|byte| byte.is_ascii_digit());
    let significant = digits.trim_start_matches('0');
    let cap = max.to_string();
    let over = significant.len() > cap.len() || (significant.len() == cap.len() && significant > cap.as_str());
    assert_eq!(body::declared_over(Some(header), max), well_formed && over, "{header:?} against {max}");

    match body::limit(Some(value), "f", 7) {
        Ok(limit) => assert!(limit >= 1 && f64::from(limit) == value),
        Err(error) => assert_eq!(error.code, "invalid_argument"),
    }
});
