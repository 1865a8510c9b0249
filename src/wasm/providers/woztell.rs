//! `WoztellClient`: Woztell's WhatsApp Cloud Public Integration API over the transport, with the access token or the Payload + SignedContext headers per endpoint.

use crate::api::auth::Credentials;
use crate::api::providers::limits::Source;
use crate::api::providers::woztell::{self, Auth, Woztell, DEFAULT_BASE_URL, DEFAULT_VERSION};
use crate::api::{parse_document, Request};
use crate::json::Node;
use crate::wasm::config::{base_url, TransportOptions};
use crate::wasm::convert::Document;
use crate::wasm::object;
use crate::wasm::options::{js_options, read, Js, Secret};
use crate::wasm::transport::Transport;
use crate::Error;
use js_sys::Promise;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Woztell's answers: `ok: 1` and the operation's fields. */
export type WoztellAnswer = { ok: 1; [field: string]: unknown };
"#;

/// The class's name, in error messages.
const NAME: &str = "WoztellClient";

/// A Woztell WhatsApp Cloud Public Integration API client.
#[wasm_bindgen]
pub struct WoztellClient {
    woztell: Woztell,
    token: Option<Rc<Transport>>,
    signed: Option<Rc<Transport>>,
    both: Option<Rc<Transport>>,
    require_ok: bool,
}

js_options! {
    /// Settings of a WoztellClient. Give `accessToken` (the channel's token), the signed-context ids
    /// (`appId`, `appIntegrationId`, `channelId`, `signature`), or both: each endpoint uses the one Woztell documents.
    pub struct WoztellClientOptions extends TransportOptions via transport {
        /// The WhatsApp Cloud channel's access token (Channel → Platform → Advanced Access).
        #[tsify(optional, type = "string")]
        access_token "accessToken": Option<Secret>,
        /// Where the token goes: "body" (default: in the body of calls that have one, the `accessToken` query parameter of the others), "query" (always the query) or "both" (the query, and the body too).
        #[tsify(optional, type = "\"query\" | \"body\" | \"both\"")]
        access_token_in "accessTokenIn": Option<String>,
        /// The channel's app id (Open API `apiViewer.channel(channelId){ appId }`).
        #[tsify(optional)]
        app_id "appId": Option<String>,
        /// The app integration id (`environment.info.appIntegrationId`).
        #[tsify(optional)]
        app_integration_id "appIntegrationId": Option<String>,
        /// The WhatsApp Cloud channel id (also the default of getWabaInfo).
        #[tsify(optional)]
        channel_id "channelId": Option<String>,
        /// `environment.appIntegrationSignature`, exactly as Woztell gives it (a secret; never in an error).
        #[tsify(optional, type = "string")]
        signature "signature": Option<Secret>,
        /// Default WABA id for templates (and getWabaInfo without a channel).
        #[tsify(optional)]
        waba_id "wabaId": Option<String>,
        /// Default phone number id for the profile, display name and media calls.
        #[tsify(optional)]
        phone_number_id "phoneNumberId": Option<String>,
        /// Default "https://api.whatsapp-cloud.woztell.sanuker.com".
        #[tsify(optional)]
        base_url "baseUrl": Option<String>,
        /// Default "v1.2".
        #[tsify(optional)]
        api_version "apiVersion": Option<String>,
        /// Whether a 2xx answer without `ok: 1` rejects (default true).
        #[tsify(optional)]
        require_ok "requireOk": Option<bool>,
    }
}

/// What a method makes of its JSON argument: the endpoint's credentials and request.
type Build<'a> = dyn Fn(Source<'_>, &Node) -> Result<(Auth, Request), Error> + 'a;

/// A JSON argument (`undefined`: `{}` when `optional`) handed to `build`
/// (findings get positions when the caller gave text).
fn with_json(
    value: &JsValue,
    function: &str,
    optional: bool,
    build: &Build<'_>,
) -> Result<(Auth, Request), Error> {
    if optional && (value.is_undefined() || value.is_null()) {
        return build("{}".into(), &parse_document("{}")?);
    }
    let document = Document::read(value, function, "its argument")?;
    let source = Source { text: &document.text, from_caller: document.from_caller };
    build(source, &parse_document(&document.text)?)
}

#[wasm_bindgen]
impl WoztellClient {
    /// A client for a channel's token and/or its signed context.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Js<WoztellClientOptions>) -> Result<WoztellClient, JsValue> {
        let options: WoztellClientOptions = read(&options, NAME, false)?;
        fn secret(value: &Option<Secret>) -> Option<&str> {
            value.as_ref().map(|secret| secret.0.as_str())
        }
        let made = woztell::credentials(&woztell::Settings {
            token: secret(&options.access_token),
            token_in: options.access_token_in.as_deref(),
            signed: [
                options.app_id.as_deref(),
                options.app_integration_id.as_deref(),
                options.channel_id.as_deref(),
                secret(&options.signature),
            ],
        })?;
        let make = |credentials: Credentials| -> Rc<Transport> {
            Rc::new(options.transport.transport(credentials, woztell::errors))
        };
        let woztell = Woztell {
            base_url: base_url(NAME, &options.base_url, DEFAULT_BASE_URL)?,
            version: options.api_version.clone().unwrap_or_else(|| DEFAULT_VERSION.to_owned()),
            body_token: made.body_token,
            channel_id: options.channel_id.clone(),
            waba_id: options.waba_id.clone(),
            phone_number_id: options.phone_number_id.clone(),
        };
        Ok(WoztellClient {
            token: made.token.map(make),
            both: made.both.map(make),
            signed: made.signed.map(make),
            woztell,
            require_ok: options.require_ok.unwrap_or(true),
        })
    }

    fn run(&self, built: Result<(Auth, Request), Error>) -> Promise {
        let chosen = built.and_then(|(auth, request)| {
            let transport = match auth {
                Auth::Token => &self.token,
                Auth::Signed => &self.signed,
                Auth::Both => &self.both,
            };
            let transport = transport.clone().ok_or_else(|| {
                let needs = if auth == Auth::Token {
                    "accessToken"
                } else {
                    "the signed context (appId, appIntegrationId, channelId, signature)"
                };
                Error::invalid_argument(format!("this Woztell endpoint needs {needs}: set it on the client"))
            })?;
            Ok((transport, request))
        });
        let require_ok = self.require_ok;
        future_to_promise(async move {
            let (transport, request) = chosen?;
            let answer = transport.call(&request, None).await?;
            let ok = object::get(&answer, "ok");
            if require_ok && ok.as_f64() != Some(1.0) && ok.as_bool() != Some(true) {
                let text =
                    js_sys::JSON::stringify(&answer).ok().and_then(|t| t.as_string()).unwrap_or_default();
                if let Some(error) = woztell::check_ok(&text) {
                    return Err(transport.credentials.scrub_error(error).into());
                }
            }
            Ok(answer)
        })
    }

    /// GET /waba-info: `{ channelId }` or `{ wabaId }` (default: the client's channel, else its WABA);
    /// resolves to `{ ok, result: { waId, phoneNumberId, wabaId, name, phoneNumber, namespace, … } }`.
    #[wasm_bindgen(js_name = getWabaInfo, unchecked_return_type = "Promise<WoztellAnswer>")]
    pub fn get_waba_info(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "{ channelId?: string; wabaId?: string }")]
        query: JsValue,
    ) -> Promise {
        self.run(with_json(&query, "getWabaInfo", true, &|t, n| self.woztell.waba_info(t, n)))
    }

    /// GET /whatsapp-business-profile (`{ phoneNumberId? }`); resolves to `{ ok, data }`.
    #[wasm_bindgen(js_name = getBusinessProfile, unchecked_return_type = "Promise<WoztellAnswer>")]
    pub fn get_business_profile(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "{ phoneNumberId?: string }")] query: JsValue,
    ) -> Promise {
        self.run(with_json(&query, "getBusinessProfile", true, &|t, n| self.woztell.business_profile(t, n)))
    }

    /// PATCH /whatsapp-business-profile: `{ phoneNumberId?, profile: { about?, address?, description?, email?,
    /// vertical?, websites? (≤ 2), profile_picture_url? } }` (`messaging_product` added).
    #[wasm_bindgen(js_name = updateBusinessProfile, unchecked_return_type = "Promise<WoztellAnswer>")]
    pub fn update_business_profile(
        &self,
        #[wasm_bindgen(unchecked_param_type = "{ phoneNumberId?: string; profile: object }")] body: JsValue,
    ) -> Promise {
        self.run(with_json(&body, "updateBusinessProfile", false, &|t, n| {
            self.woztell.update_business_profile(t, n)
        }))
    }

    /// GET /whatsapp-displayname-status (`{ phoneNumberId? }`; token and signed context).
    #[wasm_bindgen(js_name = getDisplayNameStatus, unchecked_return_type = "Promise<WoztellAnswer>")]
    pub fn get_display_name_status(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "{ phoneNumberId?: string }")] query: JsValue,
    ) -> Promise {
        self.run(with_json(&query, "getDisplayNameStatus", true, &|t, n| {
            self.woztell.display_name_status(t, n)
        }))
    }

    /// PUT /media-id: `{ phoneNumberId?, type: "image" | "audio" | "video" | "file", url }`; resolves to
    /// `{ ok, mediaId, fileType }` (the id lasts 30 days).
    #[wasm_bindgen(js_name = uploadMedia, unchecked_return_type = "Promise<WoztellAnswer & { mediaId: string; fileType: string }>")]
    pub fn upload_media(
        &self,
        #[wasm_bindgen(unchecked_param_type = "{ phoneNumberId?: string; type: string; url: string }")] body: JsValue,
    ) -> Promise {
        self.run(with_json(&body, "uploadMedia", false, &|t, n| self.woztell.media_id(t, n)))
    }

    /// GET /conversation-analytics: `{ from, to (Unix seconds), granularity, numbers?, metric_types?,
    /// conversation_types?, conversation_directions?, dimensions? }` (lists sent as JSON arrays).
    #[wasm_bindgen(js_name = getConversationAnalytics, unchecked_return_type = "Promise<WoztellAnswer>")]
    pub fn get_conversation_analytics(
        &self,
        #[wasm_bindgen(
            unchecked_param_type = "{ from: number; to: number; granularity: \"HALF_HOUR\" | \"DAILY\" | \"MONTHLY\"; numbers?: string[]; metric_types?: string[]; conversation_types?: string[]; conversation_directions?: string[]; dimensions?: string[] }"
        )]
        query: JsValue,
    ) -> Promise {
        self.run(with_json(&query, "getConversationAnalytics", false, &|t, n| {
            self.woztell.conversation_analytics(t, n)
        }))
    }

    /// GET /catalogs.
    #[wasm_bindgen(js_name = listCatalogs, unchecked_return_type = "Promise<WoztellAnswer>")]
    pub fn list_catalogs(&self) -> Promise {
        self.run(Ok(self.woztell.catalogs()))
    }

    /// GET /products?catalogId=.
    #[wasm_bindgen(js_name = listProducts, unchecked_return_type = "Promise<WoztellAnswer>")]
    pub fn list_products(&self, #[wasm_bindgen(js_name = "catalogId")] catalog_id: &str) -> Promise {
        self.run(self.woztell.products(catalog_id))
    }

    /// GET /whatsapp-message-templates: `{ wabaId?, first (1–100), after? | before?, status?, category?,
    /// quality_score?, language?, name?, content? }`.
    #[wasm_bindgen(js_name = listTemplates, unchecked_return_type = "Promise<WoztellAnswer>")]
    pub fn list_templates(
        &self,
        #[wasm_bindgen(
            unchecked_param_type = "{ wabaId?: string; first: number; after?: string; before?: string; status?: string[]; category?: string[]; quality_score?: string; language?: string[]; name?: string; content?: string }"
        )]
        query: JsValue,
    ) -> Promise {
        self.run(with_json(&query, "listTemplates", false, &|t, n| self.woztell.templates(t, n)))
    }

    /// PUT /whatsapp-message-template: `{ wabaId?, name, language, category: "TRANSACTIONAL" | "MARKETING" | "OTP",
    /// components }`, checked like `validateTemplate` (categories mapped onto Meta's) first.
    #[wasm_bindgen(js_name = createTemplate, unchecked_return_type = "Promise<WoztellAnswer & { id: string; language: string }>")]
    pub fn create_template(&self, #[wasm_bindgen(unchecked_param_type = "object")] body: JsValue) -> Promise {
        self.run(with_json(&body, "createTemplate", false, &|t, n| self.woztell.create_template(t, n)))
    }

    /// PATCH /whatsapp-message-template: `{ wabaId?, messageTemplateName, messageTemplateLanguage,
    /// messageTemplateId, components }`, checked as an edit first.
    #[wasm_bindgen(js_name = editTemplate, unchecked_return_type = "Promise<WoztellAnswer & { success: boolean }>")]
    pub fn edit_template(&self, #[wasm_bindgen(unchecked_param_type = "object")] body: JsValue) -> Promise {
        self.run(with_json(&body, "editTemplate", false, &|t, n| self.woztell.edit_template(t, n)))
    }

    /// DELETE /whatsapp-message-template with the body `{ wabaId?, name }`.
    #[wasm_bindgen(js_name = deleteTemplate, unchecked_return_type = "Promise<WoztellAnswer & { success: boolean }>")]
    pub fn delete_template(
        &self,
        #[wasm_bindgen(unchecked_param_type = "{ wabaId?: string; name: string }")] body: JsValue,
    ) -> Promise {
        self.run(with_json(&body, "deleteTemplate", false, &|t, n| self.woztell.delete_template(t, n)))
    }

    /// GET /flow: `{ limit, after? | before? }`.
    #[wasm_bindgen(js_name = listFlows, unchecked_return_type = "Promise<WoztellAnswer>")]
    pub fn list_flows(
        &self,
        #[wasm_bindgen(unchecked_param_type = "{ limit: number; after?: string; before?: string }")]
        query: JsValue,
    ) -> Promise {
        self.run(with_json(&query, "listFlows", false, &|t, n| self.woztell.flows(t, n)))
    }

    /// GET /flow-screen-payload?flowId=.
    #[wasm_bindgen(js_name = getFlowScreenPayload, unchecked_return_type = "Promise<WoztellAnswer>")]
    pub fn get_flow_screen_payload(&self, #[wasm_bindgen(js_name = "flowId")] flow_id: &str) -> Promise {
        self.run(self.woztell.flow_get("flow-screen-payload", flow_id))
    }

    /// GET /flow-preview?flowId=.
    #[wasm_bindgen(js_name = getFlowPreview, unchecked_return_type = "Promise<WoztellAnswer>")]
    pub fn get_flow_preview(&self, #[wasm_bindgen(js_name = "flowId")] flow_id: &str) -> Promise {
        self.run(self.woztell.flow_get("flow-preview", flow_id))
    }

    /// GET /flow-detail?flowId=.
    #[wasm_bindgen(js_name = getFlow, unchecked_return_type = "Promise<WoztellAnswer>")]
    pub fn get_flow(&self, #[wasm_bindgen(js_name = "flowId")] flow_id: &str) -> Promise {
        self.run(self.woztell.flow_get("flow-detail", flow_id))
    }

    /// PUT /create-flow: `{ name, categories, clone_flow_id?, endpoint_url? }` (sent as `{ data }`).
    #[wasm_bindgen(js_name = createFlow, unchecked_return_type = "Promise<WoztellAnswer & { id: string }>")]
    pub fn create_flow(
        &self,
        #[wasm_bindgen(
            unchecked_param_type = "{ name: string; categories: string[]; clone_flow_id?: string; endpoint_url?: string }"
        )]
        flow: JsValue,
    ) -> Promise {
        self.run(with_json(&flow, "createFlow", false, &|t, n| self.woztell.create_flow(t, n)))
    }

    /// PATCH /flow-metadata: `{ name?, categories?, endpoint_url? }`.
    #[wasm_bindgen(js_name = updateFlowMetadata, unchecked_return_type = "Promise<WoztellAnswer & { success: boolean }>")]
    pub fn update_flow_metadata(
        &self,
        #[wasm_bindgen(js_name = "flowId")] flow_id: &str,
        #[wasm_bindgen(
            unchecked_param_type = "{ name?: string; categories?: string[]; endpoint_url?: string }"
        )]
        metadata: JsValue,
    ) -> Promise {
        self.run(with_json(&metadata, "updateFlowMetadata", false, &|t, n| {
            self.woztell.flow_metadata(flow_id, t, n)
        }))
    }

    /// PATCH /flow-json: the Flow JSON (object or text), checked like `validateFlow` first.
    #[wasm_bindgen(js_name = uploadFlowJson, unchecked_return_type = "Promise<WoztellAnswer & { success: boolean; validation_errors: object[] }>")]
    pub fn upload_flow_json(
        &self,
        #[wasm_bindgen(js_name = "flowId")] flow_id: &str,
        #[wasm_bindgen(js_name = "flowJson", unchecked_param_type = "object | string")] flow_json: JsValue,
    ) -> Promise {
        let built = Document::read(&flow_json, "uploadFlowJson", "flowJson")
            .and_then(|document| self.woztell.flow_json(flow_id, &document.text));
        self.run(built)
    }

    /// DELETE /flow `{ flowId }` (drafts).
    #[wasm_bindgen(js_name = deleteFlow, unchecked_return_type = "Promise<WoztellAnswer & { success: boolean }>")]
    pub fn delete_flow(&self, #[wasm_bindgen(js_name = "flowId")] flow_id: &str) -> Promise {
        self.run(self.woztell.flow_action("DELETE", "flow", flow_id))
    }

    /// POST /publish-flow `{ flowId }`.
    #[wasm_bindgen(js_name = publishFlow, unchecked_return_type = "Promise<WoztellAnswer & { success: boolean }>")]
    pub fn publish_flow(&self, #[wasm_bindgen(js_name = "flowId")] flow_id: &str) -> Promise {
        self.run(self.woztell.flow_action("POST", "publish-flow", flow_id))
    }

    /// POST /deprecate-flow `{ flowId }`.
    #[wasm_bindgen(js_name = deprecateFlow, unchecked_return_type = "Promise<WoztellAnswer & { success: boolean }>")]
    pub fn deprecate_flow(&self, #[wasm_bindgen(js_name = "flowId")] flow_id: &str) -> Promise {
        self.run(self.woztell.flow_action("POST", "deprecate-flow", flow_id))
    }

    /// GET /whatsapp-business-encryption: the business public key and its signature status.
    #[wasm_bindgen(js_name = getEncryptionKey, unchecked_return_type = "Promise<WoztellAnswer>")]
    pub fn get_encryption_key(&self) -> Promise {
        self.run(Ok(self.woztell.encryption()))
    }

    /// POST /whatsapp-business-encryption `{ publicKey }` (a PEM RSA public key).
    #[wasm_bindgen(js_name = setEncryptionKey, unchecked_return_type = "Promise<WoztellAnswer>")]
    pub fn set_encryption_key(
        &self,
        #[wasm_bindgen(js_name = "publicKeyPem")] public_key_pem: &str,
    ) -> Promise {
        self.run(self.woztell.set_encryption(public_key_pem))
    }
}
