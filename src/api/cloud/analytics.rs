//! Analytics of a business account: conversations (by category, type,
//! country, number) and templates (sent, delivered, read, clicked), with the
//! ranges and enumerations Meta accepts checked first.

use super::Cloud;
use crate::api::{encode_component, Request};
use crate::Error;

const CONVERSATION_GRANULARITY: [&str; 3] = ["HALF_HOUR", "DAILY", "MONTHLY"];
const DIMENSIONS: [&str; 4] = ["CONVERSATION_CATEGORY", "CONVERSATION_TYPE", "COUNTRY", "PHONE"];
const TEMPLATE_METRICS: [&str; 5] = ["SENT", "DELIVERED", "READ", "CLICKED", "COST"];

/// A time range in Unix seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    /// Start (inclusive), Unix seconds.
    pub start: u64,
    /// End, Unix seconds.
    pub end: u64,
}

fn check_range(range: Range) -> Result<(), Error> {
    if range.start >= range.end {
        return Err(Error::invalid_argument("analytics: start must be before end (Unix seconds)"));
    }
    Ok(())
}

fn check_all(values: &[String], allowed: &[&str], what: &str) -> Result<(), Error> {
    match values.iter().find(|value| !allowed.contains(&value.as_str())) {
        Some(value) => Err(Error::invalid_argument(format!(
            "unknown {what} {}; known: {}",
            crate::text::quoted(value),
            allowed.join(", ")
        ))),
        None => Ok(()),
    }
}

/// `["a","b"]` as Graph API list syntax.
fn list(values: &[String]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
    format!("[{}]", quoted.join(","))
}

impl Cloud {
    /// GET `/<WABA_ID>?fields=conversation_analytics.start(…).end(…).granularity(…)…`.
    pub fn conversation_analytics(
        &self,
        range: Range,
        granularity: &str,
        phone_numbers: &[String],
        dimensions: &[String],
    ) -> Result<Request, Error> {
        check_range(range)?;
        check_all(&[granularity.to_owned()], &CONVERSATION_GRANULARITY, "granularity")?;
        check_all(dimensions, &DIMENSIONS, "dimension")?;
        if phone_numbers.iter().any(|n| !n.bytes().all(|b| b.is_ascii_digit())) {
            return Err(Error::invalid_argument(
                "phoneNumbers are digits only (as display numbers without + or spaces)",
            ));
        }
        let mut field = format!(
            "conversation_analytics.start({}).end({}).granularity({granularity})",
            range.start, range.end
        );
        if !phone_numbers.is_empty() {
            field.push_str(&format!(".phone_numbers({})", list(phone_numbers)));
        }
        if !dimensions.is_empty() {
            field.push_str(&format!(".dimensions({})", list(dimensions)));
        }
        let url = format!("{}?fields={}", self.url(self.waba()?), encode_component(&field));
        Ok(Request::get(url))
    }

    /// GET `/<WABA_ID>/template_analytics` for 1–10 templates, daily.
    pub fn template_analytics(
        &self,
        range: Range,
        template_ids: &[String],
        metrics: &[String],
    ) -> Result<Request, Error> {
        check_range(range)?;
        if template_ids.is_empty()
            || template_ids.len() > 10
            || template_ids.iter().any(|id| !id.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(Error::invalid_argument("templateIds: 1 to 10 template ids (digits)"));
        }
        check_all(metrics, &TEMPLATE_METRICS, "metric type")?;
        let mut url = format!(
            "{}?start={}&end={}&granularity=DAILY&template_ids={}",
            self.url(&format!("{}/template_analytics", self.waba()?)),
            range.start,
            range.end,
            encode_component(&format!("[{}]", template_ids.join(",")))
        );
        if !metrics.is_empty() {
            url.push_str("&metric_types=");
            url.push_str(&encode_component(&list(metrics)));
        }
        Ok(Request::get(url))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cloud() -> Cloud {
        Cloud {
            base_url: "https://g".into(),
            api_version: "v23.0".into(),
            phone_number_id: None,
            waba_id: Some("2".into()),
        }
    }

    #[test]
    fn analytics_queries_use_graph_list_syntax_and_checked_values() {
        let range = Range { start: 1_700_000_000, end: 1_700_086_400 };
        let request = cloud()
            .conversation_analytics(range, "DAILY", &["15550100".into()], &["COUNTRY".into()])
            .unwrap();
        assert_eq!(
            request.url,
            "https://g/v23.0/2?fields=conversation_analytics.start%281700000000%29.end%281700086400%29.granularity%28DAILY%29.phone_numbers%28%5B%2215550100%22%5D%29.dimensions%28%5B%22COUNTRY%22%5D%29"
        );
        assert!(cloud().conversation_analytics(range, "HOURLY", &[], &[]).is_err());
        assert!(cloud().conversation_analytics(Range { start: 2, end: 1 }, "DAILY", &[], &[]).is_err());
        let templates =
            cloud().template_analytics(range, &["123".into()], &["SENT".into(), "READ".into()]).unwrap();
        assert!(templates.url.contains("template_ids=%5B123%5D&metric_types=%5B%22SENT%22%2C%22READ%22%5D"));
        assert!(cloud().template_analytics(range, &[], &[]).is_err());
    }
}
