//! `CloudApiClient` — Calling: a user's call permission, the number's call settings.

use super::CloudApiClient;
use crate::api::cloud::Cloud;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Whether the business may call a user, and what it may do next (Calling API "User call permissions"). */
export interface CallPermissions {
  /** Always "whatsapp". */
  messaging_product?: "whatsapp";
  /** The permission: `status` ("granted", "temporary", "permanent", "denied", "no_permission", …) and when a temporary one ends (Unix seconds). */
  permission: { status: string; expiration_time?: number };
  /** The actions (`send_call_permission_request`, `start_call`) with whether they are allowed now and their limits. */
  actions?: {
    /** The action. */
    action_name: string;
    /** Whether it is allowed now. */
    can_perform_action: boolean;
    /** Its limits per period (ISO 8601 durations such as "PT24H"). */
    limits?: { time_period: string; max_allowed: number; current_usage: number; limit_expiration_time?: number }[];
  }[];
}
/** Operating hours for user-initiated calls. */
export interface CallHours {
  /** "DISABLED" means open all day, every day. */
  status: "ENABLED" | "DISABLED";
  /** A time zone name, e.g. "America/Sao_Paulo". */
  timezone_id: string;
  /** Up to 2 entries a day, HHMM times, opening before closing, no overlap. */
  weekly_operating_hours: { day_of_week: "MONDAY" | "TUESDAY" | "WEDNESDAY" | "THURSDAY" | "FRIDAY" | "SATURDAY" | "SUNDAY"; open_time: string; close_time: string }[];
  /** Up to 20 dates (YYYY-MM-DD) with their own hours; absent clears them. */
  holiday_schedule?: { date: string; start_time: string; end_time: string }[];
}
/** The Calling API settings of a business phone number (Calling API "Configure call settings"). */
export interface CallingSettings {
  /** Calling on or off for the number. */
  status?: "ENABLED" | "DISABLED";
  /** Whether the call button shows ("DISABLE_ALL" hides it and every entry point). */
  call_icon_visibility?: "DEFAULT" | "DISABLE_ALL";
  /** Countries whose users see the call icons (empty: everywhere). */
  call_icons?: { restrict_to_user_countries: string[] };
  /** Hours for user-initiated calls. */
  call_hours?: CallHours;
  /** Whether a user who calls is asked for permission to be called back. */
  callback_permission_status?: "ENABLED" | "DISABLED";
  /** SIP call signalling instead of the Graph API and webhooks. */
  sip?: { status: "ENABLED" | "DISABLED"; servers?: { hostname: string; port?: number; request_uri_user_params?: Record<string, string> }[] };
}
/** The settings of a business phone number (`calling` among them). */
export interface PhoneNumberSettings {
  /** The Calling API settings. */
  calling?: CallingSettings;
}
"#;

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
    #[wasm_bindgen(js_name = updateCallSettings, unchecked_return_type = "Promise<SuccessResult>")]
    pub fn update_call_settings(
        &self,
        #[wasm_bindgen(unchecked_param_type = "{ calling: CallingSettings }")] settings: JsValue,
    ) -> Promise {
        self.with_document(&settings, "updateCallSettings", &Cloud::update_call_settings)
    }
}
