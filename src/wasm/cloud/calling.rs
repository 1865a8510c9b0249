//! `CloudApiClient` — Calling: a user's call permission, the number's call settings.

use super::CloudApiClient;
use crate::api::cloud::Cloud;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

// Declarations for the `.d.ts` only (Meta's bodies cross untouched, as in `results.rs`).
#[allow(dead_code)]
mod types {
    use tsify::Tsify;

    /// Whether the business may call a user, and what it may do next (Calling API "User call permissions").
    #[derive(Tsify)]
    pub struct CallPermissions {
        /// Always "whatsapp".
        #[tsify(optional)]
        messaging_product: Option<String>,
        /// The permission: `status` ("granted", "temporary", "permanent", "denied", "no_permission", …) and when a temporary one ends (Unix seconds).
        #[tsify(type = "{ status: string; expiration_time?: number }")]
        permission: (),
        /// The actions (`send_call_permission_request`, `start_call`): whether each is allowed now, and its limits per period (ISO 8601 durations such as "PT24H").
        #[tsify(
            optional,
            type = "{ action_name: string; can_perform_action: boolean; limits?: { time_period: string; max_allowed: number; current_usage: number; limit_expiration_time?: number }[] }[]"
        )]
        actions: Option<()>,
    }

    /// Operating hours for user-initiated calls.
    #[derive(Tsify)]
    pub struct CallHours {
        /// "DISABLED" means open all day, every day.
        #[tsify(type = "\"ENABLED\" | \"DISABLED\"")]
        status: (),
        /// A time zone name, e.g. "America/Sao_Paulo".
        timezone_id: String,
        /// Up to 2 entries a day, HHMM times, opening before closing, no overlap.
        #[tsify(
            type = "{ day_of_week: \"MONDAY\" | \"TUESDAY\" | \"WEDNESDAY\" | \"THURSDAY\" | \"FRIDAY\" | \"SATURDAY\" | \"SUNDAY\"; open_time: string; close_time: string }[]"
        )]
        weekly_operating_hours: (),
        /// Up to 20 dates (YYYY-MM-DD) with their own hours; absent clears them.
        #[tsify(optional, type = "{ date: string; start_time: string; end_time: string }[]")]
        holiday_schedule: Option<()>,
    }

    /// The Calling API settings of a business phone number (Calling API "Configure call settings").
    #[derive(Tsify)]
    pub struct CallingSettings {
        /// Calling on or off for the number.
        #[tsify(optional, type = "\"ENABLED\" | \"DISABLED\"")]
        status: Option<()>,
        /// Whether the call button shows ("DISABLE_ALL" hides it and every entry point).
        #[tsify(optional, type = "\"DEFAULT\" | \"DISABLE_ALL\"")]
        call_icon_visibility: Option<()>,
        /// Countries whose users see the call icons (empty: everywhere).
        #[tsify(optional, type = "{ restrict_to_user_countries: string[] }")]
        call_icons: Option<()>,
        /// Hours for user-initiated calls.
        #[tsify(optional)]
        call_hours: Option<CallHours>,
        /// Whether a user who calls is asked for permission to be called back.
        #[tsify(optional, type = "\"ENABLED\" | \"DISABLED\"")]
        callback_permission_status: Option<()>,
        /// SIP call signalling instead of the Graph API and webhooks.
        #[tsify(
            optional,
            type = "{ status: \"ENABLED\" | \"DISABLED\"; servers?: { hostname: string; port?: number; request_uri_user_params?: Record<string, string> }[] }"
        )]
        sip: Option<()>,
    }

    /// The settings of a business phone number (`calling` among them).
    #[derive(Tsify)]
    pub struct PhoneNumberSettings {
        /// The Calling API settings.
        #[tsify(optional)]
        calling: Option<CallingSettings>,
    }
}

#[wasm_bindgen]
impl CloudApiClient {
    /// Whether the business may call the user `userWaId` now, and whether it may ask.
    #[wasm_bindgen(js_name = getCallPermissions, unchecked_return_type = "Promise<CallPermissions>")]
    pub fn get_call_permissions(&self, #[wasm_bindgen(js_name = "userWaId")] user_wa_id: &str) -> Promise {
        self.run(self.cloud.get_call_permissions(user_wa_id))
    }

    /// The sending number's settings, calling among them.
    #[wasm_bindgen(js_name = getCallSettings, unchecked_return_type = "Promise<PhoneNumberSettings>")]
    pub fn get_call_settings(&self) -> Promise {
        self.run(self.cloud.get_phone_settings())
    }

    /// Updates the number's Calling API settings, `{ calling: {…} }`: values, call hours and holidays checked first.
    #[wasm_bindgen(js_name = updateCallSettings, unchecked_return_type = "Promise<Success>")]
    pub fn update_call_settings(
        &self,
        #[wasm_bindgen(unchecked_param_type = "{ calling: CallingSettings }")] settings: JsValue,
    ) -> Promise {
        self.with_document(&settings, "updateCallSettings", &Cloud::update_call_settings)
    }
}
