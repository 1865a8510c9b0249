//! The classifier against libphonenumber-js/max on ~10,000 E.164 numbers
//! around every region's example (tests/fixtures/phone/oracle.json, made by
//! tests/js/export-phone-oracle.mjs). Prints every disagreement class.
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::BTreeMap;
use std::fs;
use whatsapp_edge::json::parse;
use whatsapp_edge::phone::classify::{classify, split_calling_code};
use whatsapp_edge::phone::format::format;

#[test]
fn classification_agrees_with_libphonenumber_js() {
    let text =
        fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/phone/oracle.json")).unwrap();
    let rows = parse(&text).unwrap();
    let rows = rows.items().unwrap();
    let mut classes: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut agree = 0;
    let mut formats_checked = 0;
    let mut format_differences = Vec::new();
    for row in rows {
        let row = row.items().unwrap();
        let e164 = row[0].as_str().unwrap();
        let (country, valid, kind, national) = (
            row[1].as_str().unwrap(),
            row[2].as_bool().unwrap(),
            row[3].as_str().unwrap(),
            row[4].as_str().unwrap(),
        );
        let digits = &e164.as_bytes()[1..];
        let ours = classify(digits);
        let our_country = ours.and_then(|c| c.region).map(|r| r.id).filter(|id| *id != "001").unwrap_or("");
        let our_type =
            ours.and_then(|c| c.number_type).map(|t| t.as_str().to_ascii_uppercase()).unwrap_or_default();
        let our_valid = ours.is_some_and(|c| c.number_type.is_some());
        if (our_country, our_valid, our_type.as_str()) == (country, valid, kind) {
            agree += 1;
            if let (true, Some(region)) = (valid, ours.and_then(|c| c.region)) {
                let nsn = split_calling_code(digits).unwrap().1;
                let formatted = format(region, nsn);
                let (national_js, international_js) = (row[5].as_str().unwrap(), row[6].as_str().unwrap());
                formats_checked += 1;
                if (formatted.national.as_str(), formatted.international.as_str())
                    != (national_js, international_js)
                {
                    format_differences.push(format!(
                        "{e164}: {:?} {:?} vs {national_js:?} {international_js:?}",
                        formatted.national, formatted.international
                    ));
                }
            }
            continue;
        }
        let stripped = split_calling_code(digits).is_some_and(|(_, nsn)| nsn != national.as_bytes());
        let class = if stripped {
            "libphonenumber-js stripped a national prefix".to_owned()
        } else {
            format!("country {country:?} vs {our_country:?}, valid {valid} vs {our_valid}")
        };
        classes.entry(class).or_default().push(format!("{e164} ({kind} vs {our_type})"));
    }
    for (class, examples) in &classes {
        println!("{class}: {} e.g. {:?}", examples.len(), &examples[..examples.len().min(3)]);
    }
    println!(
        "formats differ on {} of {formats_checked}: {:?}",
        format_differences.len(),
        &format_differences[..format_differences.len().min(10)]
    );
    assert!(formats_checked > 5_000);
    assert!(format_differences.len() * 1000 <= formats_checked, "formats must agree on 99.9%");
    let ratio = agree as f64 / rows.len() as f64;
    println!("agree on {agree} of {} ({:.3}%)", rows.len(), ratio * 100.0);
    assert!(rows.len() > 10_000);
    assert!(ratio >= 0.99, "agreement {ratio}");
}
