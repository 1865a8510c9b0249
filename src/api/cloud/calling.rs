//! The Calling API's settings on a business phone number and a user's call
//! permission (https://developers.facebook.com/documentation/business-messaging/whatsapp/calling/call-settings,
//! …/calling/user-call-permissions). The call permission request message is a
//! message like any other (`crate::message`, `call_permission_request`).

use super::{check_body, code, Cloud};
use crate::api::{encode_component, Request};
use crate::check::{At, Checker};
use crate::json::Node;
use crate::Error;

const CALLING_KEYS: [&str; 6] =
    ["status", "call_icon_visibility", "call_icons", "call_hours", "callback_permission_status", "sip"];
const ON_OFF: [&str; 2] = ["ENABLED", "DISABLED"];
const DAYS: [&str; 7] = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];
/// Holiday overrides in `call_hours` ("Up to 20 overrides can be specified").
const HOLIDAYS_MAX: usize = 20;

impl Cloud {
    /// GET `/<PHONE_NUMBER_ID>/call_permissions?user_wa_id=…`: whether the
    /// business may call the user, and whether it may ask.
    /// <https://developers.facebook.com/documentation/business-messaging/whatsapp/calling/user-call-permissions>
    pub fn get_call_permissions(&self, user_wa_id: &str) -> Result<Request, Error> {
        if user_wa_id.trim().is_empty() {
            return Err(Error::invalid_argument("getCallPermissions needs the user's WhatsApp id"));
        }
        self.on_phone("GET", &format!("call_permissions?user_wa_id={}", encode_component(user_wa_id)), None)
    }

    /// GET `/<PHONE_NUMBER_ID>/settings` (calling and other settings of the number).
    /// <https://developers.facebook.com/documentation/business-messaging/whatsapp/calling/call-settings>
    pub fn get_phone_settings(&self) -> Result<Request, Error> {
        self.on_phone("GET", "settings", None)
    }

    /// POST `/<PHONE_NUMBER_ID>/settings` with `{ calling: {…} }`: enums,
    /// call hours (HHMM, opening before closing, at most 2 a day, no overlap)
    /// and holidays (YYYY-MM-DD, at most 20) checked first.
    /// <https://developers.facebook.com/documentation/business-messaging/whatsapp/calling/call-settings>
    pub fn update_call_settings(&self, text: &str, settings: &Node) -> Result<Request, Error> {
        check_body(settings, true, |checker, root| {
            checker.unknown_keys(&root, &["calling"], "phone number settings");
            let Some(calling) = root.required(checker, "calling", "call settings") else { return };
            if calling.object(checker).is_none() {
                return;
            }
            checker.unknown_keys(&calling, &CALLING_KEYS, "calling");
            for (key, allowed) in [
                ("status", &ON_OFF[..]),
                ("callback_permission_status", &ON_OFF[..]),
                ("call_icon_visibility", &["DEFAULT", "DISABLE_ALL"][..]),
            ] {
                if let Some(value) = calling.get(key) {
                    value.one_of(checker, allowed, code::VALUE_INVALID, None, key);
                }
            }
            if let Some(hours) = calling.get("call_hours") {
                check_call_hours(checker, &hours);
            }
        })?;
        self.on_phone("POST", "settings", Some(text.to_owned()))
    }
}

/// Member `key` of `entry`, a time `HHMM` (00:00–23:59), as minutes, or a finding.
fn minutes(checker: &mut Checker<'_>, entry: &At<'_>, key: &str) -> Option<u32> {
    let at = entry.required(checker, key, "this entry")?;
    let text = at.str(checker)?;
    let value = Some(text)
        .filter(|t| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|t| Some((t.get(..2)?.parse::<u32>().ok()?, t.get(2..)?.parse::<u32>().ok()?)))
        .filter(|(h, m)| *h < 24 && *m < 60);
    if value.is_none() {
        checker.error(code::VALUE_INVALID, &at, "a time is HHMM in 24-hour form, e.g. \"0930\"");
    }
    value.map(|(h, m)| h * 60 + m)
}

fn check_call_hours(checker: &mut Checker<'_>, hours: &At<'_>) {
    if hours.object(checker).is_none() {
        return;
    }
    checker.unknown_keys(
        hours,
        &["status", "timezone_id", "weekly_operating_hours", "holiday_schedule"],
        "call_hours",
    );
    if let Some(status) = hours.required(checker, "status", "call_hours") {
        status.one_of(checker, &ON_OFF, code::VALUE_INVALID, None, "status");
    }
    if let Some(zone) =
        hours.required(checker, "timezone_id", "call_hours").and_then(|z| z.str(checker).map(|t| (z, t)))
    {
        if !zone.1.contains('/') && zone.1 != "UTC" {
            checker.error(
                code::VALUE_INVALID,
                &zone.0,
                "timezone_id is a time zone name, e.g. \"America/Sao_Paulo\"",
            );
        }
    }
    if let Some(weekly) = hours.required(checker, "weekly_operating_hours", "call_hours") {
        let entries = weekly.array(checker).unwrap_or_default();
        if entries.is_empty() && weekly.node.items().is_some() {
            checker.error(code::CALL_HOURS_INVALID, &weekly, "weekly_operating_hours cannot be empty");
        }
        let mut seen: Vec<(&str, u32, u32)> = Vec::new();
        for entry in &entries {
            if entry.object(checker).is_none() {
                continue;
            }
            checker.unknown_keys(
                entry,
                &["day_of_week", "open_time", "close_time"],
                "an operating hours entry",
            );
            let day = entry.required(checker, "day_of_week", "an operating hours entry");
            let day = day.and_then(|d| d.one_of(checker, &DAYS, code::VALUE_INVALID, None, "day_of_week"));
            let open = minutes(checker, entry, "open_time");
            let close = minutes(checker, entry, "close_time");
            let (Some(day), Some(open), Some(close)) = (day, open, close) else { continue };
            let same_day: Vec<_> = seen.iter().filter(|(d, _, _)| *d == day).collect();
            if open >= close {
                checker.error(code::CALL_HOURS_INVALID, entry, "open_time must be before close_time");
            } else if same_day.len() >= 2 {
                checker.error(
                    code::CALL_HOURS_INVALID,
                    entry,
                    format!("at most 2 entries per day; {day} has more"),
                );
            } else if same_day.iter().any(|(_, o, c)| open < *c && *o < close) {
                checker.error(code::CALL_HOURS_INVALID, entry, format!("{day}'s entries overlap"));
            }
            seen.push((day, open, close));
        }
    }
    if let Some(holidays) = hours.get("holiday_schedule") {
        let entries = holidays.array(checker).unwrap_or_default();
        if entries.len() > HOLIDAYS_MAX {
            checker.error(
                code::CALL_HOURS_INVALID,
                &holidays,
                format!("at most {HOLIDAYS_MAX} holidays, got {}", entries.len()),
            );
        }
        for entry in &entries {
            if entry.object(checker).is_none() {
                continue;
            }
            checker.unknown_keys(entry, &["date", "start_time", "end_time"], "a holiday");
            if let Some(date) = entry.required(checker, "date", "a holiday") {
                if date.str(checker).is_some_and(|d| !crate::time::is_calendar_date(d)) {
                    checker.error(code::VALUE_INVALID, &date, "date is YYYY-MM-DD");
                }
            }
            let start = minutes(checker, entry, "start_time");
            let end = minutes(checker, entry, "end_time");
            if let (Some(start), Some(end)) = (start, end) {
                if start >= end {
                    checker.error(code::CALL_HOURS_INVALID, entry, "start_time must be before end_time");
                }
            }
        }
    }
}
