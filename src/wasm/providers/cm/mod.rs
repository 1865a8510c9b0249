//! `CmClient`: the `cm_`-key platform's WhatsApp API (`api::providers::cm`)
//! over the transport; bodies are checked before anything is sent.

use crate::api::auth::Credentials;
use crate::api::error::scrub;
use crate::api::providers::cm::{self, Cm, DEFAULT_PREFIX};
use crate::api::providers::limits::Source;
use crate::api::{parse_document, Request};
use crate::json::Node;
use crate::wasm::config::{read_template_send, ClientSpec, TransportOptions};
use crate::wasm::convert::{read_upload, Document};
use crate::wasm::object::field;
use crate::wasm::options::{js_options, optional, Js, Secret};
use crate::wasm::transport::Transport;
use crate::Error;
use js_sys::Promise;
use std::rc::Rc;
use types::{CmReadOptions, CmTemplateSendOptions, CmUploadOptions, CmWriteOptions, IdempotencyKey};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

mod types;

/// A client of the `cm_`-key platform's WhatsApp API.
///
/// @example
/// ```ts
/// const cm = new CmClient({ apiKey: key, baseUrl: "https://api.callmissed.com", phoneId: phone });
/// const sent = await cm.sendText({ to: "+14155552671", text: "Hi" }, { idempotencyKey: crypto.randomUUID() });
/// console.log(sent.wamid);
/// ```

#[wasm_bindgen]
pub struct CmClient {
    cm: Cm,
    transport: Rc<Transport>,
}

js_options! {
    /// Settings of a CmClient (the `cm_`-key platform, CallMissed). `apiKey` and `baseUrl` are required.
    pub struct CmClientOptions extends TransportOptions via transport {
        /// A `cm_…` API key (scopes whatsapp:read / write / send) or a dashboard JWT; sent only as `Authorization: Bearer`.
        #[tsify(type = "string")]
        api_key "apiKey": Secret,
        /// The platform's host, e.g. "https://api.callmissed.com" (required: the host is the customer's).
        base_url "baseUrl": String,
        /// Path of the WhatsApp routes, default "/api/v1/whatsapp".
        #[tsify(optional)]
        path_prefix "pathPrefix": Option<String>,
        /// The sending number as the platform's UUID (`phone_id`), used when a call names none.
        #[tsify(optional)]
        phone_id "phoneId": Option<String>,
        /// The sending number as Meta's id (`phone_number_id`), used when a call names none and `phoneId` is unset.
        #[tsify(optional)]
        phone_number_id "phoneNumberId": Option<String>,
        /// Body field names to send under another name, e.g. { template_name: "template" } for the older field names.
        #[tsify(optional, type = "Record<string, string>")]
        field_aliases "fieldAliases": Vec<(String, String)>,
    }
}

crate::wasm::config::client_options!(CmClientOptions, api_key);

/// The class: its options, its API key (a bearer token), the platform's error envelopes.
const CLIENT: ClientSpec = ClientSpec { name: "CmClient", sign: Credentials::bearer, errors: cm::errors };
const READ: &str = "whatsapp:read";
const WRITE: &str = "whatsapp:write";
const SEND: &str = "whatsapp:send";

/// A JSON argument's text and parse, handed to `build` (findings get
/// positions when the caller gave text).
fn with_body(
    value: &JsValue,
    function: &str,
    build: &dyn Fn(Source<'_>, &Node) -> Result<Request, Error>,
) -> Result<Request, Error> {
    let document = Document::read(value, function, "its argument")?;
    let source = Source { text: &document.text, from_caller: document.from_caller };
    build(source, &parse_document(&document.text)?)
}

/// An optional query object (`undefined` is none).
fn with_query(
    value: &JsValue,
    function: &str,
    build: &dyn Fn(Source<'_>, &Node) -> Result<Request, Error>,
) -> Result<Request, Error> {
    if value.is_undefined() || value.is_null() {
        return build("{}".into(), &parse_document("{}")?);
    }
    with_body(value, function, build)
}

/// `request` with the call's `Idempotency-Key`, if one is given (the platform then answers a repeat with the
/// original response, so the request may be retried).
fn keyed(request: Result<Request, Error>, options: &CmWriteOptions) -> Result<Request, Error> {
    let mut request = request?;
    if let Some(IdempotencyKey(key)) = &options.idempotency_key {
        request.headers.push(("Idempotency-Key", key.clone()));
        request.idempotent = true;
    }
    Ok(request)
}

#[wasm_bindgen]
impl CmClient {
    /// A client for `apiKey` at `baseUrl`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Js<CmClientOptions>) -> Result<CmClient, JsValue> {
        let (options, transport) = CLIENT.open::<CmClientOptions>(&options)?;
        crate::api::url::check_base_url(CLIENT.name, &options.base_url)?;
        let cm = Cm {
            aliases: options.field_aliases,
            base_url: options.base_url,
            prefix: options.path_prefix.unwrap_or_else(|| DEFAULT_PREFIX.to_owned()),
            phone_id: options.phone_id,
            phone_number_id: options.phone_number_id,
        };
        Ok(CmClient { cm, transport: Rc::new(transport) })
    }

    fn run(&self, request: Result<Request, Error>, scope: &'static str) -> Promise {
        self.run_with(request, scope, None, None)
    }

    fn run_with(
        &self,
        request: Result<Request, Error>,
        scope: &'static str,
        attachment: Option<JsValue>,
        secret: Option<String>,
    ) -> Promise {
        let transport = Rc::clone(&self.transport);
        future_to_promise(async move {
            let request = request?;
            let result = transport.call(&request, attachment.as_ref()).await;
            result.map_err(|error| {
                let error = cm::with_scope(error, scope);
                // A secret of the body (a Meta access token) is scrubbed too.
                let message = secret.as_deref().map_or(error.message.clone(), |s| scrub(&error.message, s));
                JsValue::from(Error { message, ..error })
            })
        })
    }

    /// Completes Embedded Signup: `{ code, waba_id, phone_number_id, business_id?, bot_id?, data_localization_region? }`
    /// → POST /onboarding/exchange; resolves to `{ account, phone_number, fully_provisioned, onboarding_error }`.
    #[wasm_bindgen(js_name = exchangeSignupCode, unchecked_return_type = "Promise<CmOnboarding>")]
    pub fn exchange_signup_code(
        &self,
        #[wasm_bindgen(unchecked_param_type = "object")] body: JsValue,
    ) -> Promise {
        self.run(with_body(&body, "exchangeSignupCode", &|t, n| self.cm.exchange(t, n)), WRITE)
    }

    /// Connects a WABA with system-user credentials: `{ waba_id, phone_number_id, access_token, business_id?, bot_id? }`
    /// → POST /onboarding/manual (the platform accepts this with a dashboard JWT only). The access token is never
    /// in an error.
    #[wasm_bindgen(js_name = connectManually, unchecked_return_type = "Promise<CmOnboarding>")]
    pub fn connect_manually(
        &self,
        #[wasm_bindgen(unchecked_param_type = "object")] body: JsValue,
    ) -> Promise {
        let token = field(&body, "access_token").and_then(|t| t.as_string());
        let request = with_body(&body, "connectManually", &|t, n| self.cm.manual(t, n));
        self.run_with(request, WRITE, None, token)
    }

    /// GET /accounts: the connected WhatsApp Business Accounts.
    #[wasm_bindgen(js_name = listAccounts, unchecked_return_type = "Promise<object[]>")]
    pub fn list_accounts(&self) -> Promise {
        self.run(Ok(self.cm.accounts()), READ)
    }

    /// GET /phone_numbers: the connected numbers.
    #[wasm_bindgen(js_name = listPhoneNumbers, unchecked_return_type = "Promise<object[]>")]
    pub fn list_phone_numbers(&self) -> Promise {
        self.run(Ok(self.cm.phone_numbers()), READ)
    }

    /// Links bot `botId` (a UUID) to number `phoneId`, or unlinks with `null`; resolves to the number.
    #[wasm_bindgen(js_name = linkBot, unchecked_return_type = "Promise<object>")]
    pub fn link_bot(
        &self,
        #[wasm_bindgen(js_name = "phoneId")] phone_id: &str,
        #[wasm_bindgen(js_name = "botId")] bot_id: Option<String>,
    ) -> Promise {
        self.run(self.cm.link_bot(phone_id, bot_id.as_deref()), WRITE)
    }

    /// Turns the number's AI auto-reply on or off; resolves to the number.
    #[wasm_bindgen(js_name = setAutoreply, unchecked_return_type = "Promise<object>")]
    pub fn set_autoreply(
        &self,
        #[wasm_bindgen(js_name = "phoneId")] phone_id: &str,
        enabled: bool,
    ) -> Promise {
        self.run(self.cm.autoreply(phone_id, enabled), WRITE)
    }

    /// Sends a text: `{ to, text, preview_url?, context_message_id?, phone_id? | phone_number_id? }` → POST /messages.
    #[wasm_bindgen(js_name = sendText, unchecked_return_type = "Promise<CmSendResult>")]
    pub fn send_text(
        &self,
        #[wasm_bindgen(unchecked_param_type = "object")] body: JsValue,
        options: Option<Js<CmWriteOptions>>,
    ) -> Promise {
        let request = optional(options, "sendText")
            .and_then(|write| keyed(with_body(&body, "sendText", &|t, n| self.cm.send_text(t, n)), &write));
        self.run(request, SEND)
    }

    /// Sends template `template` (Meta's template object) to `to` → POST /messages/template — the
    /// provider-neutral call every messaging client has; `{ definition }` checks it against the template first.
    #[wasm_bindgen(js_name = sendTemplate, unchecked_return_type = "Promise<CmSendResult>")]
    pub fn send_template(
        &self,
        to: &str,
        #[wasm_bindgen(unchecked_param_type = "object | string")] template: JsValue,
        options: Option<Js<CmTemplateSendOptions>>,
    ) -> Promise {
        let request = optional(options, "sendTemplate").and_then(|options: CmTemplateSendOptions| {
            let send = read_template_send(to, &template, options.definition.as_ref())?;
            keyed(self.cm.send_template(&send, options.send.selector()), &options.send.write)
        });
        self.run(request, SEND)
    }

    /// Sends media: `{ to, kind, media_id | link, caption?, filename? }` → POST /messages/media.
    #[wasm_bindgen(js_name = sendMedia, unchecked_return_type = "Promise<CmSendResult>")]
    pub fn send_media(
        &self,
        #[wasm_bindgen(unchecked_param_type = "object")] body: JsValue,
        options: Option<Js<CmWriteOptions>>,
    ) -> Promise {
        let request = optional(options, "sendMedia")
            .and_then(|write| keyed(with_body(&body, "sendMedia", &|t, n| self.cm.send_media(t, n)), &write));
        self.run(request, SEND)
    }

    /// Sends an interactive message: `{ to, interactive_type: "button" | "list" | "cta_url" | "flow", body_text,
    /// footer_text?, header?, … }` with its variant's fields → POST /messages/interactive.
    #[wasm_bindgen(js_name = sendInteractive, unchecked_return_type = "Promise<CmSendResult>")]
    pub fn send_interactive(
        &self,
        #[wasm_bindgen(unchecked_param_type = "object")] body: JsValue,
        options: Option<Js<CmWriteOptions>>,
    ) -> Promise {
        let request = optional(options, "sendInteractive").and_then(|write| {
            keyed(with_body(&body, "sendInteractive", &|t, n| self.cm.send_interactive(t, n)), &write)
        });
        self.run(request, SEND)
    }

    /// Marks an inbound message read → POST /messages/{id}/read; `{ typing: true }` shows the typing indicator.
    #[wasm_bindgen(js_name = markAsRead, unchecked_return_type = "Promise<{ success: boolean }>")]
    pub fn mark_as_read(
        &self,
        #[wasm_bindgen(js_name = "messageId")] message_id: &str,
        options: Option<Js<CmReadOptions>>,
    ) -> Promise {
        let request = optional(options, "markAsRead").and_then(|options: CmReadOptions| {
            let request =
                self.cm.mark_read(message_id, options.typing == Some(true), options.send.selector());
            keyed(request, &options.send.write)
        });
        self.run(request, SEND)
    }

    /// Uploads media to Meta through the platform (at most 100 MB) → POST /media; resolves to
    /// `{ media_id, mime_type, size_bytes }`. `options.type` is needed when the file carries no MIME type.
    #[wasm_bindgen(js_name = uploadMedia, unchecked_return_type = "Promise<CmUploaded>")]
    pub fn upload_media(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Blob | ArrayBuffer | Uint8Array")] file: JsValue,
        options: Option<Js<CmUploadOptions>>,
    ) -> Promise {
        let request = optional(options, "uploadMedia").and_then(|options: CmUploadOptions| {
            let (kind, name) = (options.content_type.as_deref(), options.filename.as_deref());
            // The platform checks the type itself: none is sent as "".
            let upload = read_upload(&file, kind, name, "uploadMedia", false)?;
            let chosen = options.send.selector();
            let request = self.cm.upload_media(&upload.content_type, upload.size, &upload.filename, chosen);
            keyed(request, &options.send.write)
        });
        self.run_with(request, WRITE, Some(file), None)
    }

    /// GET /templates with filters `{ account_id?, waba_id?, status?, category?, language?, limit? (1–500) }`.
    #[wasm_bindgen(js_name = listTemplates, unchecked_return_type = "Promise<object[]>")]
    pub fn list_templates(
        &self,
        #[wasm_bindgen(
            unchecked_optional_param_type = "{ account_id?: string; waba_id?: string; status?: string; category?: string; language?: string; limit?: number }"
        )]
        query: JsValue,
    ) -> Promise {
        self.run(with_query(&query, "listTemplates", &|t, n| self.cm.templates(t, n)), READ)
    }

    /// Creates a template (submitted to Meta): `{ account_id | waba_id, name, category, language, components,
    /// parameter_format?, allow_category_change? }`, checked like `validateTemplate` first.
    #[wasm_bindgen(js_name = createTemplate, unchecked_return_type = "Promise<CmTemplateCreated>")]
    pub fn create_template(
        &self,
        #[wasm_bindgen(unchecked_param_type = "object")] body: JsValue,
        options: Option<Js<CmWriteOptions>>,
    ) -> Promise {
        let request = optional(options, "createTemplate").and_then(|write| {
            keyed(with_body(&body, "createTemplate", &|t, n| self.cm.create_template(t, n)), &write)
        });
        self.run(request, WRITE)
    }

    /// Re-syncs template statuses from Meta: `{ account_id | waba_id }` → POST /templates/sync.
    #[wasm_bindgen(js_name = syncTemplates, unchecked_return_type = "Promise<CmTemplateSync>")]
    pub fn sync_templates(&self, #[wasm_bindgen(unchecked_param_type = "object")] body: JsValue) -> Promise {
        self.run(with_body(&body, "syncTemplates", &|t, n| self.cm.sync_templates(t, n)), WRITE)
    }

    /// Deletes a template by the platform's id → DELETE /templates/{uuid} (204: resolves to `{}`).
    #[wasm_bindgen(js_name = deleteTemplate, unchecked_return_type = "Promise<object>")]
    pub fn delete_template(&self, uuid: &str) -> Promise {
        self.run(self.cm.delete_template(uuid), WRITE)
    }

    /// GET /campaigns (`{ limit? }`).
    #[wasm_bindgen(js_name = listCampaigns, unchecked_return_type = "Promise<object[]>")]
    pub fn list_campaigns(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "{ limit?: number }")] query: JsValue,
    ) -> Promise {
        self.run(with_query(&query, "listCampaigns", &|t, n| self.cm.campaigns(t, n)), READ)
    }

    /// Creates a draft template campaign: `{ name, template_name, template_language?, template_components?,
    /// scheduled_at?, phone_number_id? (the platform's UUID; default the client's phoneId) }` → POST /campaigns.
    #[wasm_bindgen(js_name = createCampaign, unchecked_return_type = "Promise<object>")]
    pub fn create_campaign(
        &self,
        #[wasm_bindgen(unchecked_param_type = "object")] body: JsValue,
        options: Option<Js<CmWriteOptions>>,
    ) -> Promise {
        let request = optional(options, "createCampaign").and_then(|write| {
            keyed(with_body(&body, "createCampaign", &|t, n| self.cm.create_campaign(t, n)), &write)
        });
        self.run(request, WRITE)
    }

    /// Adds recipients (1–10000 of `{ to_phone, variables? }`) to a campaign before launch → POST /campaigns/{id}/recipients.
    #[wasm_bindgen(js_name = addCampaignRecipients, unchecked_return_type = "Promise<object>")]
    pub fn add_campaign_recipients(
        &self,
        #[wasm_bindgen(js_name = "campaignId")] campaign_id: &str,
        #[wasm_bindgen(unchecked_param_type = "{ to_phone: string; variables?: Record<string, string> }[]")]
        recipients: JsValue,
    ) -> Promise {
        let request = with_body(&recipients, "addCampaignRecipients", &|t, n| {
            self.cm.add_recipients(campaign_id, t, n)
        });
        self.run(request, WRITE)
    }

    /// Launches a campaign to its recipients → POST /campaigns/{id}/launch; resolves to the running campaign.
    #[wasm_bindgen(js_name = launchCampaign, unchecked_return_type = "Promise<object>")]
    pub fn launch_campaign(
        &self,
        #[wasm_bindgen(js_name = "campaignId")] campaign_id: &str,
        options: Option<Js<CmWriteOptions>>,
    ) -> Promise {
        let request = optional(options, "launchCampaign")
            .and_then(|write| keyed(self.cm.launch_campaign(campaign_id), &write));
        self.run(request, WRITE)
    }

    /// The sent → delivered → read → replied funnel (`{ days? }`, 1–90, default 7).
    #[wasm_bindgen(js_name = getFunnel, unchecked_return_type = "Promise<CmFunnel>")]
    pub fn get_funnel(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "{ days?: number }")] query: JsValue,
    ) -> Promise {
        self.run(with_query(&query, "getFunnel", &|t, n| self.cm.analytics("funnel", t, n)), READ)
    }

    /// Message volume per day (`{ days? }`, 1–90, default 14).
    #[wasm_bindgen(js_name = getTimeseries, unchecked_return_type = "Promise<CmTimeseries>")]
    pub fn get_timeseries(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "{ days?: number }")] query: JsValue,
    ) -> Promise {
        self.run(with_query(&query, "getTimeseries", &|t, n| self.cm.analytics("timeseries", t, n)), READ)
    }

    /// The cost breakdown (`{ days? }`, 1–90, default 30).
    #[wasm_bindgen(js_name = getCosts, unchecked_return_type = "Promise<CmCosts>")]
    pub fn get_costs(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "{ days?: number }")] query: JsValue,
    ) -> Promise {
        self.run(with_query(&query, "getCosts", &|t, n| self.cm.analytics("costs", t, n)), READ)
    }
}
