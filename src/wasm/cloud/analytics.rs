//! `CloudApiClient` — Analytics: pricing, conversations, templates (ranges in Unix seconds or Dates).

use super::super::config::strings_field;
use super::super::object::field;
use super::CloudApiClient;
use crate::api::cloud::{PricingFilters, Range};
use crate::Error;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

/// `granularity` (default `DAILY`).
fn granularity_field(query: &JsValue) -> Result<String, Error> {
    match field(query, "granularity") {
        None => Ok("DAILY".to_owned()),
        Some(value) => {
            value.as_string().ok_or_else(|| Error::invalid_argument("granularity must be a string"))
        }
    }
}

/// `{ start, end }` in Unix seconds (numbers) or as `Date`s.
fn range_field(object: &JsValue) -> Result<Range, Error> {
    let seconds = |key: &str| {
        let value =
            field(object, key).ok_or_else(|| Error::invalid_argument(format!("analytics need {key}")))?;
        // A Date (or anything with getTime) counts in milliseconds; a number is seconds.
        let number = match value.as_f64() {
            Some(seconds) => seconds,
            None => js_sys::Date::from(value).get_time() / 1000.0,
        };
        if number.is_finite() && number >= 0.0 {
            Ok(number as u64)
        } else {
            Err(Error::invalid_argument(format!("{key} is Unix seconds or a Date")))
        }
    };
    Ok(Range { start: seconds("start")?, end: seconds("end")? })
}

#[wasm_bindgen]
impl CloudApiClient {
    /// Pricing analytics (cost and volume per message), e.g.
    /// `{ start, end, granularity: "DAILY", dimensions: ["PRICING_CATEGORY"] }`.
    #[wasm_bindgen(js_name = getPricingAnalytics, unchecked_return_type = "Promise<{ pricing_analytics: object; id: string }>")]
    pub fn get_pricing_analytics(
        &self,
        #[wasm_bindgen(
            unchecked_param_type = "{ start: number | Date; end: number | Date; granularity: \"HALF_HOUR\" | \"DAILY\" | \"MONTHLY\"; phoneNumbers?: string[]; countryCodes?: string[]; metricTypes?: (\"COST\" | \"VOLUME\")[]; pricingTypes?: string[]; pricingCategories?: string[]; dimensions?: (\"COUNTRY\" | \"PHONE\" | \"PRICING_CATEGORY\" | \"PRICING_TYPE\" | \"TIER\")[] }"
        )]
        query: JsValue,
    ) -> Promise {
        let request = (|| {
            let filters = PricingFilters {
                phone_numbers: strings_field(&query, "phoneNumbers")?,
                country_codes: strings_field(&query, "countryCodes")?,
                metric_types: strings_field(&query, "metricTypes")?,
                pricing_types: strings_field(&query, "pricingTypes")?,
                pricing_categories: strings_field(&query, "pricingCategories")?,
                dimensions: strings_field(&query, "dimensions")?,
            };
            self.cloud.pricing_analytics(range_field(&query)?, &granularity_field(&query)?, &filters)
        })();
        self.run(request)
    }

    /// Conversation analytics: `{ start, end, granularity: "HALF_HOUR" | "DAILY" | "MONTHLY",
    /// phoneNumbers?, dimensions? }` (times as Unix seconds or Dates).
    #[wasm_bindgen(js_name = getConversationAnalytics, unchecked_return_type = "Promise<{ conversation_analytics: object; id: string }>")]
    pub fn get_conversation_analytics(
        &self,
        #[wasm_bindgen(
            unchecked_param_type = "{ start: number | Date; end: number | Date; granularity: \"HALF_HOUR\" | \"DAILY\" | \"MONTHLY\"; phoneNumbers?: string[]; dimensions?: string[] }"
        )]
        query: JsValue,
    ) -> Promise {
        let request = (|| {
            let granularity = granularity_field(&query)?;
            let numbers = strings_field(&query, "phoneNumbers")?;
            let dimensions = strings_field(&query, "dimensions")?;
            self.cloud.conversation_analytics(range_field(&query)?, &granularity, &numbers, &dimensions)
        })();
        self.run(request)
    }

    /// Template analytics (daily): `{ start, end, templateIds (1–10), metricTypes? }`.
    #[wasm_bindgen(js_name = getTemplateAnalytics, unchecked_return_type = "Promise<{ data: object[]; paging?: object }>")]
    pub fn get_template_analytics(
        &self,
        #[wasm_bindgen(
            unchecked_param_type = "{ start: number | Date; end: number | Date; templateIds: string[]; metricTypes?: string[] }"
        )]
        query: JsValue,
    ) -> Promise {
        let request = (|| {
            let ids = strings_field(&query, "templateIds")?;
            let metrics = strings_field(&query, "metricTypes")?;
            self.cloud.template_analytics(range_field(&query)?, &ids, &metrics)
        })();
        self.run(request)
    }
}
