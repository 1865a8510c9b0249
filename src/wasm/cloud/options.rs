//! `CloudApiClient`'s options (read through these types) and what they
//! decide: where template sends go (`routeMarketing`) and the one warning
//! about the Graph version (`onWarning`).

use super::super::config::{TemplateSendOptions, TransportOptions};
use super::super::object::set;
use super::super::options::{js_options, optional, Js, Secret};
use crate::api::cloud::versions;
use crate::api::cloud::Route;
use crate::Error;
use js_sys::{Function, Object};
use wasm_bindgen::JsValue;

js_options! {
    /// Settings of a CloudApiClient. Only `accessToken` is required.
    pub struct CloudApiClientOptions extends TransportOptions via transport {
        /// A system-user or user access token; sent only in the Authorization header.
        #[tsify(type = "string")]
        access_token "accessToken": Secret,
        /// The business phone number messages are sent from.
        #[tsify(optional)]
        phone_number_id "phoneNumberId": Option<String>,
        /// The WhatsApp Business Account (templates, phone numbers).
        #[tsify(optional)]
        waba_id "wabaId": Option<String>,
        /// Graph API version, default "v27.0" (the newest Meta has published).
        #[tsify(optional)]
        api_version "apiVersion": Option<String>,
        /// Default "https://graph.facebook.com".
        #[tsify(optional)]
        base_url "baseUrl": Option<String>,
        /// Called once, when the client is built, if `apiVersion` is past or within
        /// 90 days of its end of life, unknown or malformed (never with the token).
        #[tsify(optional, type = "(warning: CloudApiWarning) => void")]
        on_warning "onWarning": Option<Function>,
        /// Send MARKETING templates through the Marketing Messages API
        /// (`POST /<PHONE_NUMBER_ID>/marketing_messages`) when the definition is known
        /// (`sendMessage`'s `template` or `fetchTemplate`, `sendTemplate`'s `definition`).
        /// Default false: everything goes to `/messages`.
        #[tsify(optional)]
        route_marketing "routeMarketing": Option<bool>,
    }
}

js_options! {
    /// The options of `sendMessage`.
    pub struct SendMessageOptions {
        /// The definition of the template a template message uses (what
        /// `validateTemplate` takes, or Meta's answer for it): the send is
        /// checked against it first.
        #[tsify(optional, type = "object | string")]
        template "template": Option<JsValue>,
        /// Fetch that definition from the business account (once: the client keeps it).
        #[tsify(optional)]
        fetch_template "fetchTemplate": Option<bool>,
    }
}

js_options! {
    /// The options of `markAsRead`.
    pub struct MarkAsReadOptions {
        /// Also show the typing indicator (until the reply, at most 25 s).
        #[tsify(optional)]
        typing "typing": Option<bool>,
    }
}

js_options! {
    /// A page of a Graph API list: `limit` entries, after or before a cursor from `paging.cursors`.
    pub struct PageOptions {
        /// How many entries (Meta's default when absent).
        #[tsify(optional)]
        limit "limit": Option<u32>,
        /// The `after` cursor of the page before.
        #[tsify(optional)]
        after "after": Option<String>,
        /// The `before` cursor of the page after.
        #[tsify(optional)]
        before "before": Option<String>,
    }
}

/// The page `options` asks for (`owner` names the method in errors).
pub fn page_of(
    options: Option<Js<PageOptions>>,
    owner: &'static str,
) -> Result<crate::api::cloud::Page, Error> {
    let PageOptions { limit, after, before } = optional::<PageOptions>(options, owner)?;
    Ok(crate::api::cloud::Page { limit, after, before })
}

js_options! {
    /// Filters of `listTemplates` (Meta's query parameters), and the page.
    pub struct TemplateListQuery extends PageOptions via page {
        /// Templates whose name contains this.
        #[tsify(optional)]
        name "name": Option<String>,
        /// Only this status, e.g. "APPROVED".
        #[tsify(optional)]
        status "status": Option<String>,
        /// Only this category, e.g. "UTILITY".
        #[tsify(optional)]
        category "category": Option<String>,
        /// Only this language, e.g. "en_US".
        #[tsify(optional)]
        language "language": Option<String>,
        /// The fields to return, comma-separated (default Meta's).
        #[tsify(optional)]
        fields "fields": Option<String>,
    }
}

js_options! {
    /// The options of CloudApiClient's `sendTemplate`.
    pub struct CloudTemplateSendOptions extends TemplateSendOptions via send {
        /// Echoed in the message's status webhooks (at most 512 characters):
        /// e.g. a campaign and recipient key.
        #[tsify(optional)]
        biz_opaque_callback_data "bizOpaqueCallbackData": Option<String>,
    }
}

crate::wasm::config::client_options!(CloudApiClientOptions, access_token);

/// What `onWarning` receives: a stable `code` and what to do.
#[derive(tsify::Tsify)]
#[expect(dead_code, reason = "declares the object warn_about_version builds")]
pub struct CloudApiWarning {
    /// "graph_version.expired", "graph_version.expiring", "graph_version.unknown" or "graph_version.malformed".
    code: String,
    /// What it means and what to do.
    message: String,
    /// The configured version.
    #[serde(rename = "apiVersion")]
    api_version: String,
    /// Its end of life, "YYYY-MM-DD", when Meta has published it.
    #[tsify(optional)]
    #[serde(rename = "endOfLife")]
    end_of_life: Option<String>,
    /// Days from today to the end of life (negative: past it).
    #[tsify(optional)]
    #[serde(rename = "daysLeft")]
    days_left: Option<i32>,
}

impl CloudApiClientOptions {
    /// Where template sends go.
    pub fn route(&self) -> Route {
        if self.route_marketing == Some(true) {
            Route::ByCategory
        } else {
            Route::Messages
        }
    }

    /// Calls `onWarning` with a [`CloudApiWarning`] when `api_version` is
    /// past or near its end of life, unknown or malformed, on today's date
    /// (UTC). A throwing callback does not break the constructor.
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
