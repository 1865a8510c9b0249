//! Flow JSON versions: the ones Meta knows, and comparing them for feature gates.

use std::fmt;

/// A Flow JSON version (`"7.3"`): major and minor, compared numerically
/// (Meta's minor numbers go 1.9 → 1.10).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version(pub u8, pub u8);

/// Every Flow JSON version Meta has released (REFERENCE.md §3.1).
pub const KNOWN: [Version; 14] = [
    Version(2, 1),
    Version(3, 0),
    Version(3, 1),
    Version(4, 0),
    Version(5, 0),
    Version(5, 1),
    Version(6, 0),
    Version(6, 1),
    Version(6, 2),
    Version(6, 3),
    Version(7, 0),
    Version(7, 1),
    Version(7, 2),
    Version(7, 3),
];

/// The newest version: what rules assume when the given one is unusable,
/// and the ceiling: Meta's "Currently supported versions" table lists 5.1–7.3
/// for publishing and 2.1–7.3 for sending, 7.3 recommended; no later version
/// was published as of December 2026 (META-2026.md §1.3, Flows changelog,
/// https://developers.facebook.com/documentation/business-messaging/whatsapp/flows/changelogs.md).
/// Data API 4.0 (2025-11-11) is the newest `data_api_version` beside it.
pub const LATEST: Version = Version(7, 3);

/// The oldest version Meta still lets one publish (older ones are frozen:
/// sendable, not publishable): the floor of the same table (META-2026.md
/// §1.3; REFERENCE.md §3.1 "currently publishable").
pub const OLDEST_PUBLISHABLE: Version = Version(5, 1);

/// `"5.1 to 7.3 (7.3 recommended)"`: the versions Meta publishes Flows on.
pub fn publishable_range() -> String {
    format!("{OLDEST_PUBLISHABLE} to {LATEST} ({LATEST} recommended)")
}

impl Version {
    /// `"M.m"` with no sign, spaces or leading zeros in either part.
    pub fn parse(text: &str) -> Option<Self> {
        let (major, minor) = text.split_once('.')?;
        Some(Self(small_number(major)?, small_number(minor)?))
    }

    /// Whether Meta has released this version.
    pub fn is_known(self) -> bool {
        KNOWN.contains(&self)
    }
}

fn small_number(text: &str) -> Option<u8> {
    let canonical = !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    if canonical {
        text.parse().ok()
    } else {
        None
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.0, self.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_and_compare_numerically() {
        assert_eq!(Version::parse("7.3"), Some(Version(7, 3)));
        assert!(Version::parse("1.10") > Version::parse("1.9"));
        for bad in ["7", "7.", ".3", "07.3", "7.3.1", " 7.3", "7.-3", "300.1"] {
            assert_eq!(Version::parse(bad), None, "{bad}");
        }
        assert!(Version(6, 3).is_known() && !Version(6, 4).is_known());
        assert_eq!(Version(6, 0).to_string(), "6.0");
    }

    #[test]
    fn the_publishable_window_is_5_1_to_7_3() {
        // Meta's "Currently supported versions": publishing 5.1–7.3, sending 2.1–7.3, 7.3 recommended.
        assert_eq!(publishable_range(), "5.1 to 7.3 (7.3 recommended)");
        assert_eq!(KNOWN.first(), Some(&Version(2, 1)));
        assert_eq!(KNOWN.last(), Some(&LATEST));
        assert!(KNOWN.iter().filter(|v| **v >= OLDEST_PUBLISHABLE).count() == 9);
    }
}
