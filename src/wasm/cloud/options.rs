//! `CloudApiClient`'s own behaviour options, read in one place:
//! `onWarning` (told once, at construction, about the Graph version) and
//! `routeMarketing` (MARKETING templates through the Marketing Messages API).

use super::super::config::Config;
use super::super::object::set;
use crate::api::cloud::versions;
use crate::api::cloud::Route;
use crate::Error;
use js_sys::{Function, Object};
use wasm_bindgen::JsValue;

/// The options beyond where requests go.
pub struct Own {
    on_warning: Option<Function>,
    route_marketing: bool,
}

impl Own {
    /// `onWarning` (a function) and `routeMarketing` (a boolean) from `config`.
    pub fn read(config: &Config<'_>) -> Result<Self, Error> {
        Ok(Self {
            on_warning: config.function("onWarning")?,
            route_marketing: config.flag("routeMarketing")?,
        })
    }

    /// Where template sends go.
    pub fn route(&self) -> Route {
        if self.route_marketing {
            Route::ByCategory
        } else {
            Route::Messages
        }
    }

    /// Calls `onWarning` with `{ code, message, apiVersion, endOfLife?,
    /// daysLeft? }` when `api_version` is past or near its end of life,
    /// unknown or malformed, on today's date (UTC). A throwing callback
    /// does not break the constructor.
    pub fn warn_about_version(&self, api_version: &str) {
        let Some(hook) = &self.on_warning else { return };
        let today = (js_sys::Date::now() / 86_400_000.0).floor() as i64;
        let Some(warning) = versions::check(api_version, today) else { return };
        let event = Object::new();
        set(&event, "code", &JsValue::from_str(warning.code));
        set(&event, "message", &JsValue::from_str(&warning.message));
        set(&event, "apiVersion", &JsValue::from_str(api_version));
        if let Some(date) = &warning.end_of_life {
            set(&event, "endOfLife", &JsValue::from_str(date));
        }
        if let Some(days) = warning.days_left {
            set(&event, "daysLeft", &JsValue::from(days as i32));
        }
        let _ = hook.call1(&JsValue::UNDEFINED, &event);
    }
}
