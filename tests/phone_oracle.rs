//! `phone::parse` against libphonenumber-js/max (tests/fixtures/phone/oracle.json,
//! made by tests/js/export-phone-oracle.mjs): E.164 numbers around every
//! region's example, and the same numbers typed in national form with a
//! default country. Prints every disagreement class; the 100,000-number
//! differential test runs in JS against the built package.
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::BTreeMap;
use std::fs;
use whatsapp_edge::json::{parse as parse_json, Node};
use whatsapp_edge::phone::parse;

struct Tally {
    rows: usize,
    agree: usize,
    classes: BTreeMap<String, Vec<String>>,
}

impl Tally {
    fn record(&mut self, same: bool, class: impl FnOnce() -> (String, String)) {
        self.rows += 1;
        if same {
            self.agree += 1;
        } else {
            let (class, example) = class();
            self.classes.entry(class).or_default().push(example);
        }
    }

    fn report(&self, what: &str) -> f64 {
        for (class, examples) in &self.classes {
            println!("{what}: {class}: {} e.g. {:?}", examples.len(), &examples[..examples.len().min(3)]);
        }
        let ratio = self.agree as f64 / self.rows as f64;
        println!("{what}: agree on {} of {} ({:.3}%)", self.agree, self.rows, ratio * 100.0);
        ratio
    }
}

fn text(row: &[Node<'_>], index: usize) -> String {
    row[index].as_str().unwrap().to_owned()
}

#[test]
fn parse_agrees_with_libphonenumber_js() {
    let source =
        fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/phone/oracle.json")).unwrap();
    let doc = parse_json(&source).unwrap();
    let mut international = Tally { rows: 0, agree: 0, classes: BTreeMap::new() };
    let mut formats = Tally { rows: 0, agree: 0, classes: BTreeMap::new() };
    for row in doc.get("international").unwrap().items().unwrap() {
        let row = row.items().unwrap();
        let e164 = text(row, 0);
        let (country, valid, kind) =
            (text(row, 1), row[2].as_bool().unwrap(), text(row, 3).to_ascii_lowercase());
        let ours = parse(&e164, None);
        let our_type = ours.number_type.map(|t| t.as_str().to_owned()).unwrap_or_default();
        let our_country = ours.country.unwrap_or_default().to_owned();
        let same =
            (our_country.as_str(), ours.valid, our_type.as_str()) == (country.as_str(), valid, kind.as_str());
        international.record(same, || {
            let stripped = e164.len() - 1 > text(row, 4).len() + country.len().min(3) && !ours.valid && valid;
            let class = if stripped {
                "libphonenumber-js forgives a trunk prefix after the country code".to_owned()
            } else {
                format!("country {country:?} vs {our_country:?}, valid {valid} vs {}", ours.valid)
            };
            (class, format!("{e164} ({kind} vs {our_type})"))
        });
        if valid && ours.valid {
            let expected = (text(row, 5), text(row, 6));
            let got =
                (ours.national.clone().unwrap_or_default(), ours.international.clone().unwrap_or_default());
            formats.record(got == expected, || {
                ("format".to_owned(), format!("{e164}: {got:?} vs {expected:?}"))
            });
        }
    }
    let mut national = Tally { rows: 0, agree: 0, classes: BTreeMap::new() };
    for row in doc.get("national").unwrap().items().unwrap() {
        let row = row.items().unwrap();
        let (input, region, country) = (text(row, 0), text(row, 1), text(row, 2));
        let (valid, kind, e164) =
            (row[3].as_bool().unwrap(), text(row, 4).to_ascii_lowercase(), text(row, 5));
        let ours = parse(&input, Some(&region));
        let our_type = ours.number_type.map(|t| t.as_str().to_owned()).unwrap_or_default();
        let ours_tuple = (
            ours.valid,
            our_type.clone(),
            if ours.valid { ours.e164.clone().unwrap_or_default() } else { String::new() },
        );
        let theirs = (valid, kind.clone(), if valid { e164.clone() } else { String::new() });
        national.record(ours_tuple == theirs, || {
            (
                format!("{region}: valid {valid} vs {}", ours.valid),
                format!("{input:?} → {e164} {kind} vs {:?} {our_type}", ours.e164),
            )
        });
        let _ = country;
    }
    let international_ratio = international.report("international");
    let format_ratio = formats.report("formats");
    let national_ratio = national.report("national");
    assert!(international.rows > 5_000 && national.rows > 5_000);
    assert!(international_ratio >= 0.995, "international {international_ratio}");
    assert!(format_ratio >= 0.999, "formats {format_ratio}");
    assert!(national_ratio >= 0.98, "national {national_ratio}");
}
