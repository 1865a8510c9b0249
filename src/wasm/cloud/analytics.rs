//! `CloudApiClient` — Analytics: pricing, conversations, templates (ranges in Unix seconds or Dates).

use super::super::options::{js_options, read, Js, OptionValue, Reader};
use super::CloudApiClient;
use crate::api::cloud::{PricingFilters, Range};
use crate::Error;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

/// A moment as Unix seconds: a number is seconds; a `Date` (or anything
/// with `getTime`) counts in milliseconds.
#[derive(Default)]
pub struct UnixSeconds(u64);

impl OptionValue for UnixSeconds {
    #[inline(never)]
    fn read(reader: &Reader<'_>, key: &'static str) -> Result<Self, Error> {
        let value = reader.get(key).ok_or_else(|| reader.missing(key))?;
        let number = match value.as_f64() {
            Some(seconds) => seconds,
            None => js_sys::Date::from(value).get_time() / 1000.0,
        };
        if number.is_finite() && number >= 0.0 {
            Ok(UnixSeconds(number as u64))
        } else {
            Err(reader.misuse(key, "Unix seconds or a Date"))
        }
    }
}

js_options! {
    /// The period an analytics query covers.
    pub struct AnalyticsRange {
        /// The first moment: Unix seconds, or a Date.
        #[tsify(type = "number | Date")]
        start "start": UnixSeconds,
        /// The last moment: Unix seconds, or a Date.
        #[tsify(type = "number | Date")]
        end "end": UnixSeconds,
    }
}

impl AnalyticsRange {
    fn range(&self) -> Range {
        Range { start: self.start.0, end: self.end.0 }
    }
}

js_options! {
    /// A pricing analytics query (cost and volume per message).
    pub struct PricingAnalyticsQuery extends AnalyticsRange via range {
        /// The bucket size (default "DAILY").
        #[tsify(optional, type = "\"HALF_HOUR\" | \"DAILY\" | \"MONTHLY\"")]
        granularity "granularity": Option<String>,
        /// Only these business phone numbers.
        #[tsify(optional)]
        phone_numbers "phoneNumbers": Vec<String>,
        /// Only these countries (ISO 3166 alpha-2).
        #[tsify(optional)]
        country_codes "countryCodes": Vec<String>,
        /// What to count.
        #[tsify(optional, type = "(\"COST\" | \"VOLUME\")[]")]
        metric_types "metricTypes": Vec<String>,
        /// Only these pricing types (e.g. "REGULAR", "FREE_CUSTOMER_SERVICE").
        #[tsify(optional)]
        pricing_types "pricingTypes": Vec<String>,
        /// Only these pricing categories (e.g. "MARKETING", "UTILITY").
        #[tsify(optional)]
        pricing_categories "pricingCategories": Vec<String>,
        /// How to break the figures down.
        #[tsify(optional, type = "(\"COUNTRY\" | \"PHONE\" | \"PRICING_CATEGORY\" | \"PRICING_TYPE\" | \"TIER\")[]")]
        dimensions "dimensions": Vec<String>,
    }
}

js_options! {
    /// A conversation analytics query.
    pub struct ConversationAnalyticsQuery extends AnalyticsRange via range {
        /// The bucket size (default "DAILY").
        #[tsify(optional, type = "\"HALF_HOUR\" | \"DAILY\" | \"MONTHLY\"")]
        granularity "granularity": Option<String>,
        /// Only these business phone numbers.
        #[tsify(optional)]
        phone_numbers "phoneNumbers": Vec<String>,
        /// How to break the figures down (e.g. "CONVERSATION_CATEGORY").
        #[tsify(optional)]
        dimensions "dimensions": Vec<String>,
    }
}

js_options! {
    /// A template analytics query (daily figures).
    pub struct TemplateAnalyticsQuery extends AnalyticsRange via range {
        /// The templates (1–10 ids).
        template_ids "templateIds": Vec<String>,
        /// What to count (default: all).
        #[tsify(optional)]
        metric_types "metricTypes": Vec<String>,
    }
}

/// `granularity`, default `DAILY`.
fn granularity(given: Option<String>) -> String {
    given.unwrap_or_else(|| "DAILY".to_owned())
}

#[wasm_bindgen]
impl CloudApiClient {
    /// Pricing analytics (cost and volume per message), e.g.
    /// `{ start, end, granularity: "DAILY", dimensions: ["PRICING_CATEGORY"] }`.
    #[wasm_bindgen(js_name = getPricingAnalytics, unchecked_return_type = "Promise<PricingAnalytics>")]
    pub fn get_pricing_analytics(&self, query: Js<PricingAnalyticsQuery>) -> Promise {
        let request = read(&query, "getPricingAnalytics", false).and_then(|query: PricingAnalyticsQuery| {
            let filters = PricingFilters {
                phone_numbers: query.phone_numbers,
                country_codes: query.country_codes,
                metric_types: query.metric_types,
                pricing_types: query.pricing_types,
                pricing_categories: query.pricing_categories,
                dimensions: query.dimensions,
            };
            self.cloud.pricing_analytics(query.range.range(), &granularity(query.granularity), &filters)
        });
        self.run(request)
    }

    /// Conversation analytics: `{ start, end, granularity: "HALF_HOUR" | "DAILY" | "MONTHLY",
    /// phoneNumbers?, dimensions? }` (times as Unix seconds or Dates).
    #[wasm_bindgen(js_name = getConversationAnalytics, unchecked_return_type = "Promise<ConversationAnalytics>")]
    pub fn get_conversation_analytics(&self, query: Js<ConversationAnalyticsQuery>) -> Promise {
        let request =
            read(&query, "getConversationAnalytics", false).and_then(|query: ConversationAnalyticsQuery| {
                let granularity = granularity(query.granularity);
                let (numbers, dimensions) = (&query.phone_numbers, &query.dimensions);
                self.cloud.conversation_analytics(query.range.range(), &granularity, numbers, dimensions)
            });
        self.run(request)
    }

    /// Template analytics (daily): `{ start, end, templateIds (1–10), metricTypes? }`.
    #[wasm_bindgen(js_name = getTemplateAnalytics, unchecked_return_type = "Promise<TemplateAnalytics>")]
    pub fn get_template_analytics(&self, query: Js<TemplateAnalyticsQuery>) -> Promise {
        let request =
            read(&query, "getTemplateAnalytics", false).and_then(|query: TemplateAnalyticsQuery| {
                self.cloud.template_analytics(query.range.range(), &query.template_ids, &query.metric_types)
            });
        self.run(request)
    }
}
