//! Analytics of a business account: pricing (cost and volume per message,
//! by category, type, country, number, tier), conversations (by category,
//! type, country, number) and templates (sent, delivered, read, clicked), with
//! the ranges and enumerations Meta accepts checked first.

use super::Cloud;
use crate::api::{encode_component, Request};
use crate::Error;

const CONVERSATION_GRANULARITY: [&str; 3] = ["HALF_HOUR", "DAILY", "MONTHLY"];
const DIMENSIONS: [&str; 4] = ["CONVERSATION_CATEGORY", "CONVERSATION_TYPE", "COUNTRY", "PHONE"];
const PRICING_DIMENSIONS: [&str; 5] = ["COUNTRY", "PHONE", "PRICING_CATEGORY", "PRICING_TYPE", "TIER"];
const PRICING_METRICS: [&str; 2] = ["COST", "VOLUME"];
const PRICING_TYPES: [&str; 3] = ["FREE_CUSTOMER_SERVICE", "FREE_ENTRY_POINT", "REGULAR"];
const PRICING_CATEGORIES: [&str; 7] = [
    "AUTHENTICATION",
    "AUTHENTICATION_INTERNATIONAL",
    "MARKETING",
    "MARKETING_LITE",
    "REFERRAL_CONVERSION",
    "SERVICE",
    "UTILITY",
];
const TEMPLATE_METRICS: [&str; 5] = ["SENT", "DELIVERED", "READ", "CLICKED", "COST"];

/// The optional filters of a pricing analytics query (each a list; empty: not sent).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PricingFilters {
    /// Display numbers, digits only.
    pub phone_numbers: Vec<String>,
    /// ISO 3166 alpha-2 country codes.
    pub country_codes: Vec<String>,
    /// `COST`, `VOLUME`.
    pub metric_types: Vec<String>,
    /// `FREE_CUSTOMER_SERVICE`, `FREE_ENTRY_POINT`, `REGULAR`.
    pub pricing_types: Vec<String>,
    /// `MARKETING`, `UTILITY`, `AUTHENTICATION`, … .
    pub pricing_categories: Vec<String>,
    /// What to break the figures down by.
    pub dimensions: Vec<String>,
}

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

fn check_phone_numbers(phone_numbers: &[String]) -> Result<(), Error> {
    if phone_numbers.iter().any(|n| n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit())) {
        return Err(Error::invalid_argument(
            "phoneNumbers are digits only (as display numbers without + or spaces)",
        ));
    }
    Ok(())
}

impl Cloud {
    /// GET `/<WABA_ID>?fields=<edge>.start(…).end(…).granularity(…)` plus a
    /// `.name([…])` per non-empty list, in Graph API field-expansion syntax.
    fn analytics_field(
        &self,
        edge: &str,
        range: Range,
        granularity: &str,
        lists: &[(&str, &[String])],
    ) -> Result<Request, Error> {
        let mut field =
            format!("{edge}.start({}).end({}).granularity({granularity})", range.start, range.end);
        for (name, values) in lists.iter().filter(|(_, values)| !values.is_empty()) {
            field.push_str(&format!(".{name}({})", list(values)));
        }
        let url = format!("{}?fields={}", self.url(self.waba()?), encode_component(&field));
        Ok(Request::get(url))
    }

    /// GET `/<WABA_ID>?fields=pricing_analytics.start(…).end(…).granularity(…)…`:
    /// what messages cost, per Meta's per-message pricing.
    pub fn pricing_analytics(
        &self,
        range: Range,
        granularity: &str,
        filters: &PricingFilters,
    ) -> Result<Request, Error> {
        check_range(range)?;
        check_all(&[granularity.to_owned()], &CONVERSATION_GRANULARITY, "granularity")?;
        check_phone_numbers(&filters.phone_numbers)?;
        if filters.country_codes.iter().any(|c| c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase())) {
            return Err(Error::invalid_argument("countryCodes are ISO 3166 alpha-2 codes, e.g. \"US\""));
        }
        check_all(&filters.metric_types, &PRICING_METRICS, "metric type")?;
        check_all(&filters.pricing_types, &PRICING_TYPES, "pricing type")?;
        check_all(&filters.pricing_categories, &PRICING_CATEGORIES, "pricing category")?;
        check_all(&filters.dimensions, &PRICING_DIMENSIONS, "dimension")?;
        self.analytics_field(
            "pricing_analytics",
            range,
            granularity,
            &[
                ("phone_numbers", &filters.phone_numbers),
                ("country_codes", &filters.country_codes),
                ("metric_types", &filters.metric_types),
                ("pricing_types", &filters.pricing_types),
                ("pricing_categories", &filters.pricing_categories),
                ("dimensions", &filters.dimensions),
            ],
        )
    }

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
        check_phone_numbers(phone_numbers)?;
        let lists: [(&str, &[String]); 2] = [("phone_numbers", phone_numbers), ("dimensions", dimensions)];
        self.analytics_field("conversation_analytics", range, granularity, &lists)
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
    use super::super::example as cloud;
    use super::*;

    #[test]
    fn analytics_queries_use_graph_list_syntax_and_checked_values() {
        let range = Range { start: 1_700_000_000, end: 1_700_086_400 };
        let request = cloud()
            .conversation_analytics(range, "DAILY", &["15550100".into()], &["COUNTRY".into()])
            .unwrap();
        assert_eq!(
            request.url,
            "https://graph.example/v23.0/102290129340398?fields=conversation_analytics.start%281700000000%29.end%281700086400%29.granularity%28DAILY%29.phone_numbers%28%5B%2215550100%22%5D%29.dimensions%28%5B%22COUNTRY%22%5D%29"
        );
        assert!(cloud().conversation_analytics(range, "HOURLY", &[], &[]).is_err());
        assert!(cloud().conversation_analytics(Range { start: 2, end: 1 }, "DAILY", &[], &[]).is_err());
        let templates =
            cloud().template_analytics(range, &["123".into()], &["SENT".into(), "READ".into()]).unwrap();
        assert!(templates.url.contains("template_ids=%5B123%5D&metric_types=%5B%22SENT%22%2C%22READ%22%5D"));
        assert!(cloud().template_analytics(range, &[], &[]).is_err());
    }

    #[test]
    fn pricing_analytics_checks_every_list_and_sends_only_the_given_ones() {
        let range = Range { start: 1_700_000_000, end: 1_700_086_400 };
        let filters = PricingFilters {
            country_codes: vec!["US".into(), "BR".into()],
            metric_types: vec!["COST".into(), "VOLUME".into()],
            dimensions: vec!["PRICING_CATEGORY".into()],
            ..PricingFilters::default()
        };
        let request = cloud().pricing_analytics(range, "MONTHLY", &filters).unwrap();
        let field = "pricing_analytics.start(1700000000).end(1700086400).granularity(MONTHLY).country_codes([\"US\",\"BR\"]).metric_types([\"COST\",\"VOLUME\"]).dimensions([\"PRICING_CATEGORY\"])";
        assert_eq!(
            request.url,
            format!("https://graph.example/v23.0/102290129340398?fields={}", encode_component(field))
        );
        let bad =
            |filters: PricingFilters| cloud().pricing_analytics(range, "DAILY", &filters).unwrap_err().code;
        assert_eq!(
            bad(PricingFilters { country_codes: vec!["usa".into()], ..Default::default() }),
            "invalid_argument"
        );
        assert_eq!(
            bad(PricingFilters { pricing_types: vec!["PAID".into()], ..Default::default() }),
            "invalid_argument"
        );
        assert_eq!(
            bad(PricingFilters { dimensions: vec!["CONVERSATION_TYPE".into()], ..Default::default() }),
            "invalid_argument"
        );
        assert_eq!(
            bad(PricingFilters { phone_numbers: vec!["+1555".into()], ..Default::default() }),
            "invalid_argument"
        );
        assert!(cloud().pricing_analytics(range, "WEEKLY", &PricingFilters::default()).is_err());
    }
}
