//! Meta's Graph API versions: when each was released and until when it is
//! available, and whether a configured version is past, or within 90 days
//! of, its end (what `CloudApiClient`'s `onWarning` reports). Pure: the
//! caller passes today's date.
//!
//! Source: Meta's versions page,
//! https://developers.facebook.com/docs/graph-api/changelog/versions/, and
//! the v27.0 announcement,
//! https://developers.facebook.com/blog/post/2026/11/04/introducing-graph-api-v27-and-marketing-api-v27/
//! (`docs/rules/META-2026.md` §1.1, read 2026-12-06).

use crate::time::days_from_civil;

/// Warning codes of the Graph version check (`onWarning`'s `code`).
pub mod code {
    /// The configured version is past its end of life: Meta no longer serves it.
    pub const EXPIRED: &str = "graph_version.expired";
    /// The configured version's end of life is 90 days away or less.
    pub const EXPIRING: &str = "graph_version.expiring";
    /// A version Meta's table (as this package knows it) does not list.
    pub const UNKNOWN: &str = "graph_version.unknown";
    /// Not `vNN.0`.
    pub const MALFORMED: &str = "graph_version.malformed";
}

/// A date as (year, month, day).
pub type Date = (i64, u32, u32);

/// A Graph API version's published dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GraphVersion {
    /// The major number: 27 for v27.0.
    pub major: u32,
    /// Released on.
    pub released: Date,
    /// Available until (its end of life), when Meta has published it.
    pub available_until: Option<Date>,
}

/// Meta's published Graph API versions, newest first (META-2026.md §1.1).
pub const GRAPH_VERSIONS: [GraphVersion; 8] = [
    GraphVersion { major: 27, released: (2026, 11, 4), available_until: None },
    GraphVersion { major: 26, released: (2026, 7, 29), available_until: None },
    GraphVersion { major: 25, released: (2026, 2, 18), available_until: Some((2028, 7, 29)) },
    GraphVersion { major: 24, released: (2025, 10, 8), available_until: Some((2028, 2, 18)) },
    GraphVersion { major: 23, released: (2025, 5, 29), available_until: Some((2027, 10, 8)) },
    GraphVersion { major: 22, released: (2025, 1, 21), available_until: Some((2027, 5, 20)) },
    GraphVersion { major: 21, released: (2024, 10, 2), available_until: Some((2027, 1, 21)) },
    GraphVersion { major: 20, released: (2024, 5, 21), available_until: Some((2026, 9, 24)) },
];

/// How many days before its end a version is reported as expiring.
pub const WARN_DAYS: i64 = 90;

/// What the version check found; `None` from [`check`] means nothing to say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionWarning {
    /// One of [`code`].
    pub code: &'static str,
    /// What it means and what to do.
    pub message: String,
    /// Its end of life, when known, as `YYYY-MM-DD`.
    pub end_of_life: Option<String>,
    /// Days from today to the end of life (negative: past it), when known.
    pub days_left: Option<i64>,
}

/// The major number of `vNN.0`, or `None` when `version` is not written so.
pub fn major_of(version: &str) -> Option<u32> {
    let digits = version.strip_prefix('v')?.strip_suffix(".0")?;
    if digits.is_empty() || digits.len() > 3 {
        return None;
    }
    digits.bytes().try_fold(0, |n, b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')))
}

/// Checks `version` (e.g. `v23.0`) on the day `today` (days since
/// 1970-01-01, UTC): past its end of life, within [`WARN_DAYS`] of it, not a
/// version Meta's table lists, or malformed; `None` when it is fine.
pub fn check(version: &str, today: i64) -> Option<VersionWarning> {
    let warning =
        |code, message: String| VersionWarning { code, message, end_of_life: None, days_left: None };
    let Some(major) = major_of(version) else {
        let message = format!(
            "apiVersion {} is not a Graph API version: write it as vNN.0, e.g. v27.0",
            crate::text::quoted(version)
        );
        return Some(warning(code::MALFORMED, message));
    };
    let oldest = GRAPH_VERSIONS.iter().map(|v| v.major).min().unwrap_or(0);
    let Some(known) = GRAPH_VERSIONS.iter().find(|v| v.major == major) else {
        // Versions end in the order they came: one older than the oldest listed has ended.
        let code = if major < oldest { code::EXPIRED } else { code::UNKNOWN };
        let message = format!("Graph API {version} is not among Meta's versions v{oldest}.0 to v27.0 (older ones have ended): use v27.0");
        return Some(warning(code, message));
    };
    let (year, month, day) = known.available_until?;
    let days_left = days_from_civil(year, month, day) - today;
    let date = format!("{year}-{month:02}-{day:02}");
    let (code, message) = match days_left {
        ..=-1 => (code::EXPIRED, format!("Graph API {version} ended on {date}: use v27.0")),
        0..=WARN_DAYS => {
            (code::EXPIRING, format!("Graph API {version} ends on {date}, in {days_left} days: use v27.0"))
        }
        _ => return None,
    };
    Some(VersionWarning { code, message, end_of_life: Some(date), days_left: Some(days_left) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i64, month: u32, date: u32) -> i64 {
        days_from_civil(year, month, date)
    }

    #[test]
    fn the_newest_version_is_the_default_and_the_table_is_ordered() {
        assert_eq!(super::super::DEFAULT_API_VERSION, "v27.0");
        assert_eq!(major_of(super::super::DEFAULT_API_VERSION), Some(GRAPH_VERSIONS[0].major));
        assert!(GRAPH_VERSIONS
            .windows(2)
            .all(|pair| pair[0].major == pair[1].major + 1 && pair[0].released > pair[1].released));
    }

    #[test]
    fn versions_past_or_near_their_end_are_reported_with_the_date() {
        let today = day(2026, 12, 7);
        let v21 = check("v21.0", today).unwrap();
        assert_eq!(
            (v21.code, v21.end_of_life.as_deref(), v21.days_left),
            (code::EXPIRING, Some("2027-01-21"), Some(45))
        );
        assert_eq!(v21.message, "Graph API v21.0 ends on 2027-01-21, in 45 days: use v27.0");
        let v20 = check("v20.0", today).unwrap();
        assert_eq!((v20.code, v20.days_left), (code::EXPIRED, Some(-74)));
        assert_eq!(check("v19.0", today).unwrap().code, code::EXPIRED);
        for fine in ["v22.0", "v23.0", "v25.0", "v26.0", "v27.0"] {
            assert_eq!(check(fine, today), None, "{fine}");
        }
        // The 90-day edge, and the day after the end.
        assert_eq!(check("v22.0", day(2027, 2, 19)).unwrap().days_left, Some(90));
        assert_eq!(check("v22.0", day(2027, 2, 18)), None);
        assert_eq!(check("v21.0", day(2027, 1, 21)).unwrap().code, code::EXPIRING);
        assert_eq!(check("v21.0", day(2027, 1, 22)).unwrap().code, code::EXPIRED);
    }

    #[test]
    fn unknown_and_malformed_versions_are_said_so() {
        let today = day(2026, 12, 7);
        assert_eq!(check("v28.0", today).unwrap().code, code::UNKNOWN);
        for bad in ["23.0", "v23", "v23.1", "V23.0", "v.0", "", "v1234.0", "vx.0"] {
            let warning = check(bad, today).unwrap();
            assert_eq!((warning.code, warning.days_left), (code::MALFORMED, None), "{bad}");
        }
    }
}
