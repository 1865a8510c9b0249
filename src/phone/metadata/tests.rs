//! Tests of `phone::metadata`.

use super::*;

fn type_of(region: &Region, nsn: &str) -> Option<NumberType> {
    region.number_type(&Subject::new(nsn.as_bytes()))
}

#[test]
fn the_blob_decodes_every_region() {
    assert!(source().starts_with("libphonenumber-js "), "{}", source());
    // Digits and dots, read from the blob (package.json pins the same release).
    let pinned = include_str!("../../../package.json");
    assert!(pinned.contains(&format!("\"libphonenumber-js\": \"{}\"", version())), "{}", version());
    assert!(version().split('.').all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit())));
    assert_eq!(region_ids().count(), 254);
    assert_eq!(region_ids().filter(|id| *id == "001").count(), 9);
    let us = region_by_id("US").unwrap();
    assert_eq!((us.code, us.rank), (1, 0));
    assert_eq!(main_region(1).map(|r| r.id), Some("US"));
    assert!(regions_for_code(7).any(|r| r.id == "KZ"));
    assert!(is_calling_code(44) && !is_calling_code(999));
    assert_eq!(split_calling_code(b"442071838750"), Some((44, &b"2071838750"[..])));
    assert_eq!(split_calling_code(b"999"), None);
}

#[test]
fn types_and_regions_of_known_numbers() {
    let (us, number_type) = region_for(1, &Subject::new(b"4155552671")).unwrap();
    assert_eq!((us.id, number_type), ("US", Some(NumberType::FixedLineOrMobile)));
    let (ca, _) = region_for(1, &Subject::new(b"6135550123")).unwrap();
    assert_eq!(ca.id, "CA");
    let (gb, _) = region_for(44, &Subject::new(b"7400123456")).unwrap();
    assert_eq!(type_of(gb, "7400123456"), Some(NumberType::Mobile));
    assert_eq!(type_of(gb, "2071838750"), Some(NumberType::FixedLine));
    assert_eq!(type_of(gb, "8001234567"), Some(NumberType::TollFree));
    assert_eq!(type_of(gb, "12"), None);
    let (br, _) = region_for(55, &Subject::new(b"11987654321")).unwrap();
    assert_eq!(type_of(br, "11987654321"), Some(NumberType::Mobile));
}

#[test]
fn lengths_are_a_bit_set() {
    let lengths = Lengths(1 << 9 | 1 << 10);
    assert_eq!((lengths.min(), lengths.max()), (Some(9), Some(10)));
    assert!(lengths.contains(10) && !lengths.contains(11) && !lengths.contains(99));
    assert_eq!(lengths.iter().collect::<Vec<_>>(), [9, 10]);
    assert_eq!(Lengths(0).min(), None);
}
