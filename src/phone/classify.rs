//! What an E.164 number is: its region and type, from the metadata.

use super::metadata::{self, NumberType, Region};

/// The region and type of a number given as E.164 digits (without `+`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Classified {
    /// Country calling code.
    pub code: u16,
    /// The region it belongs to, when one can be told.
    pub region: Option<&'static Region>,
    /// Its type; `None` when it is not a valid number.
    pub number_type: Option<NumberType>,
}

/// Splits `digits` into a calling code in use and the national significant
/// number. Calling codes are prefix-free, so the first match is the only one.
pub fn split_calling_code(digits: &[u8]) -> Option<(u16, &[u8])> {
    (1..=3).find_map(|length| {
        let code: u16 = std::str::from_utf8(digits.get(..length)?).ok()?.parse().ok()?;
        metadata::is_calling_code(code).then(|| (code, digits.get(length..).unwrap_or_default()))
    })
}

/// Classifies E.164 digits (country code first, no `+`).
pub fn classify(digits: &[u8]) -> Option<Classified> {
    let (code, nsn) = split_calling_code(digits)?;
    let region = metadata::region_for(code, nsn);
    let number_type = region.and_then(|region| region.number_type(nsn));
    Some(Classified { code, region, number_type })
}
