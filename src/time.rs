//! Times as APIs write them: RFC 3339 timestamps to Unix milliseconds, with
//! integer arithmetic only (no float formatting or parsing, no clock: callers
//! pass "now" in, so checks that depend on it are deterministic).

/// Days from 1970-01-01 to `year-month-day` (proleptic Gregorian; Howard
/// Hinnant's days-from-civil).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month = i64::from(month);
    let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The days of `month` in `year`, or 0 for a month that does not exist.
pub fn days_in_month(year: i64, month: u32) -> u32 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    }
}

/// A calendar date written `YYYY-MM-DD` (a day that exists: 2024-02-29 yes,
/// 2025-02-29 no).
pub fn is_calendar_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .filter(|d| d.iter().all(u8::is_ascii_digit))
            .map(|d| d.iter().fold(0u32, |n, b| n * 10 + u32::from(b - b'0')))
    };
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    bytes.len() == 10
        && bytes.get(4) == Some(&b'-')
        && bytes.get(7) == Some(&b'-')
        && (1..=days_in_month(i64::from(year), month)).contains(&day)
}

/// An RFC 3339 `date-time` (`2026-01-01T10:00:00Z`, `…T10:00:00.250+02:00`;
/// `t`/`z` and a space for `T` are accepted as the RFC allows) as Unix
/// milliseconds, or `None` when it is not one. Fractions beyond milliseconds
/// are truncated; a leap second counts as the next second.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    let number = |from: usize, len: usize| -> Option<u32> {
        let digits = bytes.get(from..from + len)?;
        digits
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| digits.iter().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
    };
    let separators = [(4, b'-'), (7, b'-'), (13, b':'), (16, b':')];
    if separators.iter().any(|&(at, expected)| bytes.get(at) != Some(&expected))
        || !matches!(bytes.get(10), Some(b'T' | b't' | b' '))
    {
        return None;
    }
    let (year, month, day) = (number(0, 4)?, number(5, 2)?, number(8, 2)?);
    let (hour, minute, second) = (number(11, 2)?, number(14, 2)?, number(17, 2)?);
    if day == 0 || day > days_in_month(i64::from(year), month) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut at = 19;
    let mut millis = 0i64;
    if bytes.get(at) == Some(&b'.') {
        let digits = bytes.get(at + 1..)?.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        for (place, scale) in [100, 10, 1].into_iter().enumerate().take(digits) {
            millis += i64::from(number(at + 1 + place, 1)?) * scale;
        }
        at += 1 + digits;
    }
    let offset_minutes = match bytes.get(at..)? {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (hours, minutes) = (number(at + 1, 2)?, number(at + 4, 2)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let magnitude = i64::from(hours * 60 + minutes);
            if *sign == b'-' {
                -magnitude
            } else {
                magnitude
            }
        }
        _ => return None,
    };
    let days = days_from_civil(i64::from(year), month, day);
    let seconds = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second) - offset_minutes * 60;
    Some(seconds * 1000 + millis)
}

/// `YYYY-MM-DD HH:MM UTC` for seconds since 1970 (civil-from-days, integers only).
pub fn utc_minute(seconds: i64) -> String {
    let (days, rest) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02} UTC", rest / 3600, rest % 3600 / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_dates_are_days_that_exist() {
        for date in ["1990-04-23", "2000-02-29", "2024-12-31"] {
            assert!(is_calendar_date(date), "{date}");
        }
        for date in
            ["1900-02-29", "1990-13-01", "1990-04-31", "1990-4-23", "1990/04/23", "19900423", "1990-04-23T00"]
        {
            assert!(!is_calendar_date(date), "{date}");
        }
    }

    #[test]
    fn days_count_from_the_epoch() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        assert_eq!(days_from_civil(2026, 1, 1), 20_454);
    }

    #[test]
    fn timestamps_with_zones_and_fractions() {
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_rfc3339("2026-01-01T10:00:00Z"), Some(1_767_261_600_000));
        assert_eq!(parse_rfc3339("2026-01-01T12:00:00+02:00"), Some(1_767_261_600_000));
        assert_eq!(parse_rfc3339("2026-01-01t09:30:00.5-00:30"), Some(1_767_261_600_500));
        assert_eq!(parse_rfc3339("2026-01-01 10:00:00.123456z"), Some(1_767_261_600_123));
        assert_eq!(parse_rfc3339("2024-02-29T00:00:00Z").map(|ms| ms % 1000), Some(0));
    }

    #[test]
    fn what_is_not_rfc_3339_is_refused() {
        for text in [
            "",
            "2026-01-01",
            "2026-01-01T10:00:00",
            "2026-01-01T10:00Z",
            "2026-13-01T10:00:00Z",
            "2025-02-29T10:00:00Z",
            "2026-01-01T24:00:00Z",
            "2026-01-01T10:00:00.Z",
            "2026-01-01T10:00:00+0200",
            "2026-01-01T10:00:00+24:00",
            "2026-01-01T10:00:00Z ",
            "2026-1-01T10:00:00Z",
            "１９７０-01-01T00:00:00Z",
        ] {
            assert_eq!(parse_rfc3339(text), None, "{text}");
        }
    }
}
