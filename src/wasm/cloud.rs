//! `CloudApiClient`: the Cloud API endpoints of `api::cloud` over the
//! transport. Each method validates and builds its request synchronously (a
//! local failure rejects before anything is sent), then resolves to Meta's
//! JSON response or rejects with an `Error` whose `code` says what happened.

use super::config::{field, read_template_send, strings_field, ClientSpec, Config};
use super::convert::{read_upload, Document};
use super::transport::{Link, Transport};
use crate::api::auth::Credentials;
use crate::api::cloud::{
    check_template_send, template_of, Cloud, PricingFilters, Range, DEFAULT_API_VERSION, DEFAULT_BASE_URL,
};
use crate::api::error::from_response;
use crate::api::Request;
use crate::Error;
use js_sys::{Promise, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Settings of a CloudApiClient. Only `accessToken` is required. */
export interface CloudApiClientOptions extends TransportOptions {
  /** A system-user or user access token; sent only in the Authorization header. */
  accessToken: string;
  /** The business phone number messages are sent from. */
  phoneNumberId?: string;
  /** The WhatsApp Business Account (templates, phone numbers). */
  wabaId?: string;
  /** Graph API version, default "v23.0". */
  apiVersion?: string;
  /** Default "https://graph.facebook.com". */
  baseUrl?: string;
}
"#;

/// A WhatsApp Cloud API client.
#[wasm_bindgen]
pub struct CloudApiClient {
    cloud: Cloud,
    link: Link,
    /// Template definitions fetched to check sends: (name, language, JSON).
    templates: Rc<RefCell<Vec<(String, String, String)>>>,
}

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

/// The definition of template `name` in `language`, looked up with `lookup`
/// (the first entry of Meta's answer), as JSON text.
async fn fetch_template(
    transport: &Transport,
    lookup: &Request,
    name: &str,
    language: &str,
) -> Result<String, Error> {
    let found = transport.call(lookup, None).await?;
    let first = Reflect::get(&found, &JsValue::from_str("data"))
        .and_then(|data| Reflect::get(&data, &JsValue::from(0)));
    let definition =
        first.ok().filter(JsValue::is_object).and_then(|t| js_sys::JSON::stringify(&t).ok()?.as_string());
    definition.ok_or_else(|| {
        let message =
            format!("no template {} in {language} in this business account", crate::text::quoted(name));
        Error::new(crate::error::code::TEMPLATE_ERROR, message)
    })
}

/// The class: its own options (besides the transport's), its token, Meta's error envelope.
const CLIENT: ClientSpec = ClientSpec {
    name: "CloudApiClient",
    options: &["accessToken", "phoneNumberId", "wabaId", "apiVersion", "baseUrl"],
    credential: "accessToken",
    sign: Credentials::bearer,
    errors: from_response,
};

#[wasm_bindgen]
impl CloudApiClient {
    /// A client for `accessToken` (and, as needed, `phoneNumberId`, `wabaId`).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "CloudApiClientOptions")] config: JsValue,
    ) -> Result<CloudApiClient, JsValue> {
        let (config, transport) = Config::client(&config, &CLIENT)?;
        let cloud = Cloud {
            base_url: config.base_url(Some(DEFAULT_BASE_URL))?,
            api_version: config.text("apiVersion")?.unwrap_or_else(|| DEFAULT_API_VERSION.to_owned()),
            phone_number_id: config.text("phoneNumberId")?,
            waba_id: config.text("wabaId")?,
        };
        Ok(CloudApiClient { cloud, link: Link::new(transport), templates: Rc::default() })
    }

    fn run(&self, request: Result<Request, Error>) -> Promise {
        self.link.spawn(request, None)
    }

    fn run_with(&self, request: Result<Request, Error>, attachment: Option<JsValue>) -> Promise {
        self.link.spawn(request, attachment)
    }

    fn with_document(
        &self,
        value: &JsValue,
        what: &str,
        build: impl FnOnce(&Cloud, &str, &crate::json::Node) -> Result<Request, Error>,
    ) -> Promise {
        let request = Document::read(value, what, "its argument").and_then(|document| {
            let node = crate::api::parse_document(&document.text)?;
            build(&self.cloud, &document.text, &node)
        });
        self.run(request)
    }

    /// Sends any outbound message body (the object `validateMessage` takes);
    /// resolves to `{ messaging_product, contacts, messages }`. A template
    /// message is also checked against its definition: `{ template }` gives
    /// it, `{ fetchTemplate: true }` fetches it from the business account once
    /// (then kept by this client).
    #[wasm_bindgen(js_name = sendMessage, unchecked_return_type = "Promise<{ messaging_product: string; contacts: { input: string; wa_id: string }[]; messages: { id: string; message_status?: string }[] }>")]
    pub fn send_message(
        &self,
        #[wasm_bindgen(unchecked_param_type = "object | string")] message: JsValue,
        #[wasm_bindgen(
            unchecked_optional_param_type = "{ template?: object | string; fetchTemplate?: boolean }"
        )]
        options: JsValue,
    ) -> Promise {
        let given = field(&options, "template");
        let fetch = field(&options, "fetchTemplate").and_then(|f| f.as_bool()) == Some(true);
        // Everything that needs no request happens now: validation, and the
        // check against a definition that was given or is already cached.
        let prepared = Document::read(&message, "sendMessage", "message").and_then(|document| {
            let node = crate::api::parse_document(&document.text)?;
            let request = self.cloud.send_message(&document.text, &node)?;
            let definition = match (&given, template_of(&node)) {
                (Some(given), _) => Some(Document::read(given, "sendMessage", "template")?.text),
                (None, Some((name, language))) if fetch => self.cached_template(name, language),
                _ => None,
            };
            if let Some(definition) = &definition {
                check_template_send(definition, &node)?;
            }
            let lookup = match template_of(&node) {
                Some((name, language)) if fetch && definition.is_none() => {
                    Some((self.cloud.find_template(name, language)?, name.to_owned(), language.to_owned()))
                }
                _ => None,
            };
            Ok((request, document.text, lookup))
        });
        let (request, text, (lookup, name, language)) = match prepared {
            Ok((request, _, None)) => return self.run(Ok(request)),
            Ok((request, text, Some(lookup))) => (request, text, lookup),
            Err(error) => return Promise::reject(&error.into()),
        };
        let (transport, cache) = (Rc::clone(&self.link.transport), Rc::clone(&self.templates));
        future_to_promise(async move {
            let definition = fetch_template(&transport, &lookup, &name, &language).await?;
            check_template_send(&definition, &crate::api::parse_document(&text)?)?;
            cache.borrow_mut().push((name, language, definition));
            transport.call(&request, None).await.map_err(JsValue::from)
        })
    }

    /// Sends template `template` (Meta's template object) to `to` — the
    /// provider-neutral call every messaging client has; `{ definition }`
    /// checks the send against the template's definition first.
    #[wasm_bindgen(js_name = sendTemplate, unchecked_return_type = "Promise<{ messaging_product: string; contacts: { input: string; wa_id: string }[]; messages: { id: string; message_status?: string }[] }>")]
    pub fn send_template(
        &self,
        to: &str,
        #[wasm_bindgen(unchecked_param_type = "object | string")] template: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "{ definition?: object | string }")] options: JsValue,
    ) -> Promise {
        // Checked once by read_template_send: no second validation of the message.
        self.run(
            read_template_send(to, &template, &options)
                .and_then(|send| self.cloud.post_message(send.message)),
        )
    }

    fn cached_template(&self, name: &str, language: &str) -> Option<String> {
        let cache = self.templates.borrow();
        cache.iter().find(|(n, l, _)| n == name && l == language).map(|(_, _, definition)| definition.clone())
    }

    /// Marks an incoming message as read; `{ typing: true }` also shows the typing indicator.
    #[wasm_bindgen(js_name = markAsRead, unchecked_return_type = "Promise<{ success: boolean }>")]
    pub fn mark_as_read(
        &self,
        #[wasm_bindgen(js_name = "messageId")] message_id: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "{ typing?: boolean }")] options: JsValue,
    ) -> Promise {
        let typing = field(&options, "typing").and_then(|t| t.as_bool()) == Some(true);
        self.run(self.cloud.mark_read(message_id, typing))
    }

    /// Lists templates; `query` filters (`limit`, `after`, `before`, `name`,
    /// `status`, `category`, `language`, `fields`). Resolves to `{ data, paging }`.
    #[wasm_bindgen(js_name = listTemplates, unchecked_return_type = "Promise<{ data: object[]; paging?: object }>")]
    pub fn list_templates(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Record<string, string | number>")] query: JsValue,
    ) -> Promise {
        let pairs: Vec<(String, String)> = if query.is_object() {
            js_sys::Object::entries(query.unchecked_ref::<js_sys::Object>())
                .iter()
                .filter_map(|entry| {
                    let pair: js_sys::Array = entry.dyn_into().ok()?;
                    let value = pair.get(1);
                    let value =
                        value.as_string().or_else(|| value.as_f64().map(|n| (n as i64).to_string()))?;
                    Some((pair.get(0).as_string()?, value))
                })
                .collect()
        } else {
            Vec::new()
        };
        let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        self.run(self.cloud.list_templates(&borrowed))
    }

    /// Gets one template by id.
    #[wasm_bindgen(js_name = getTemplate, unchecked_return_type = "Promise<object>")]
    pub fn get_template(&self, #[wasm_bindgen(js_name = "templateId")] template_id: &str) -> Promise {
        self.run(self.cloud.get_template(template_id))
    }

    /// Creates a template after checking it like `validateTemplate`; resolves to `{ id, status, category }`.
    #[wasm_bindgen(js_name = createTemplate, unchecked_return_type = "Promise<{ id: string; status: string; category: string }>")]
    pub fn create_template(
        &self,
        #[wasm_bindgen(unchecked_param_type = "object | string")] definition: JsValue,
    ) -> Promise {
        self.with_document(&definition, "createTemplate", Cloud::create_template)
    }

    /// Edits a template (category, components, TTL), checked first.
    #[wasm_bindgen(js_name = editTemplate, unchecked_return_type = "Promise<{ success: boolean }>")]
    pub fn edit_template(
        &self,
        #[wasm_bindgen(js_name = "templateId")] template_id: &str,
        #[wasm_bindgen(unchecked_param_type = "object | string")] edit: JsValue,
    ) -> Promise {
        let id = template_id.to_owned();
        self.with_document(&edit, "editTemplate", move |cloud, text, node| {
            cloud.edit_template(&id, text, node)
        })
    }

    /// Deletes a template by name (all its languages), or one language with its id.
    #[wasm_bindgen(js_name = deleteTemplate, unchecked_return_type = "Promise<{ success: boolean }>")]
    pub fn delete_template(
        &self,
        name: &str,
        #[wasm_bindgen(js_name = "templateId")] template_id: Option<String>,
    ) -> Promise {
        self.run(self.cloud.delete_template(name, template_id.as_deref()))
    }

    /// A media object's short-lived URL, MIME type, size and hash.
    #[wasm_bindgen(js_name = getMedia, unchecked_return_type = "Promise<{ url: string; mime_type: string; sha256: string; file_size: number; id: string }>")]
    pub fn get_media(&self, #[wasm_bindgen(js_name = "mediaId")] media_id: &str) -> Promise {
        self.run(self.cloud.get_media(media_id))
    }

    /// Downloads media: given a media id, looks its URL up (`getMedia`) and
    /// resolves to `{ data, mimeType, sha256, fileSize }` after checking the
    /// size Meta gave; given a URL from `getMedia`, resolves to its bytes. The
    /// token is sent only to Meta's hosts (or this client's `baseUrl`).
    #[wasm_bindgen(js_name = downloadMedia, unchecked_return_type = "Promise<{ data: Uint8Array; mimeType: string; sha256: string; fileSize: number } | Uint8Array>")]
    pub fn download_media(&self, #[wasm_bindgen(js_name = "mediaIdOrUrl")] media_id_or_url: &str) -> Promise {
        if media_id_or_url.contains("://") {
            return self.run(self.cloud.download_media(media_id_or_url));
        }
        let (lookup, cloud, transport) =
            (self.cloud.get_media(media_id_or_url), self.cloud.clone(), Rc::clone(&self.link.transport));
        future_to_promise(async move {
            let media = transport.call(&lookup?, None).await?;
            let text = |key: &str| field(&media, key).and_then(|v| v.as_string()).unwrap_or_default();
            // Whole bytes: formatting an f64 would pull float printing (~10 KB) into the wasm.
            let size = field(&media, "file_size").and_then(|v| v.as_f64()).map(|size| size as u64);
            let data = transport.call(&cloud.download_media(&text("url"))?, None).await?;
            let length = data.unchecked_ref::<js_sys::Uint8Array>().length();
            if let Some(size) = size.filter(|size| *size != u64::from(length)) {
                let message = format!("the download has {length} bytes; Meta said the file has {size}");
                return Err(Error::new(crate::error::code::INVALID_RESPONSE, message).into());
            }
            let result = js_sys::Object::new();
            for (key, value) in [
                ("data", data),
                ("mimeType", JsValue::from_str(&text("mime_type"))),
                ("sha256", JsValue::from_str(&text("sha256"))),
                ("fileSize", JsValue::from(length)),
            ] {
                let _ = Reflect::set(&result, &JsValue::from_str(key), &value);
            }
            Ok(result.into())
        })
    }

    /// Deletes uploaded media.
    #[wasm_bindgen(js_name = deleteMedia, unchecked_return_type = "Promise<{ success: boolean }>")]
    pub fn delete_media(&self, #[wasm_bindgen(js_name = "mediaId")] media_id: &str) -> Promise {
        self.run(self.cloud.delete_media(media_id))
    }

    /// The business account's phone numbers.
    #[wasm_bindgen(js_name = listPhoneNumbers, unchecked_return_type = "Promise<{ data: object[] }>")]
    pub fn list_phone_numbers(&self) -> Promise {
        self.run(self.cloud.list_phone_numbers())
    }

    /// The sending number's business profile.
    #[wasm_bindgen(js_name = getBusinessProfile, unchecked_return_type = "Promise<{ data: object[] }>")]
    pub fn get_business_profile(&self) -> Promise {
        self.run(self.cloud.get_business_profile())
    }

    /// Uploads media (a Blob or File, ArrayBuffer or Uint8Array) after checking
    /// its type and size against Meta's limits; resolves to `{ id }`.
    /// `options.type` (MIME) is needed when the file does not carry one.
    #[wasm_bindgen(js_name = uploadMedia, unchecked_return_type = "Promise<{ id: string }>")]
    pub fn upload_media(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Blob | ArrayBuffer | Uint8Array")] file: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "{ type?: string; filename?: string }")]
        options: JsValue,
    ) -> Promise {
        let request = read_upload(&file, &options, "uploadMedia")
            .and_then(|upload| self.cloud.upload_media(&upload.content_type, upload.size, &upload.filename));
        self.run_with(request, Some(file))
    }

    /// Creates a Flow: `{ name, categories, flow_json?, endpoint_uri?, clone_flow_id?, publish? }`
    /// (`flow_json` checked by `validateFlow` first); resolves to `{ id, success, validation_errors? }`.
    #[wasm_bindgen(js_name = createFlow, unchecked_return_type = "Promise<{ id: string; success: boolean; validation_errors?: object[] }>")]
    pub fn create_flow(&self, #[wasm_bindgen(unchecked_param_type = "object")] flow: JsValue) -> Promise {
        self.with_document(&flow, "createFlow", Cloud::create_flow)
    }

    /// The business account's Flows.
    #[wasm_bindgen(js_name = listFlows, unchecked_return_type = "Promise<{ data: object[]; paging?: object }>")]
    pub fn list_flows(&self) -> Promise {
        self.run(self.cloud.list_flows())
    }

    /// A Flow's status, validation errors, versions and preview.
    #[wasm_bindgen(js_name = getFlow, unchecked_return_type = "Promise<object>")]
    pub fn get_flow(&self, #[wasm_bindgen(js_name = "flowId")] flow_id: &str) -> Promise {
        self.run(self.cloud.get_flow(flow_id))
    }

    /// Updates a Flow's metadata: `name`, `categories`, `endpoint_uri`, `application_id`.
    #[wasm_bindgen(js_name = updateFlow, unchecked_return_type = "Promise<{ success: boolean }>")]
    pub fn update_flow(
        &self,
        #[wasm_bindgen(js_name = "flowId")] flow_id: &str,
        #[wasm_bindgen(unchecked_param_type = "object")] metadata: JsValue,
    ) -> Promise {
        let id = flow_id.to_owned();
        self.with_document(&metadata, "updateFlow", move |cloud, text, node| {
            cloud.update_flow(&id, text, node)
        })
    }

    /// Uploads a Flow JSON (text or object) as the Flow's asset, checked by `validateFlow` first.
    #[wasm_bindgen(js_name = uploadFlowJson, unchecked_return_type = "Promise<{ success: boolean; validation_errors?: object[] }>")]
    pub fn upload_flow_json(
        &self,
        #[wasm_bindgen(js_name = "flowId")] flow_id: &str,
        #[wasm_bindgen(js_name = "flowJson", unchecked_param_type = "object | string")] flow_json: JsValue,
    ) -> Promise {
        match Document::read(&flow_json, "uploadFlowJson", "flowJson") {
            Ok(document) => {
                let request = self.cloud.upload_flow_json(flow_id, &document.text);
                // Text the caller gave is uploaded as given: decoding the
                // checked copy back out of wasm would copy it a third time.
                let file = if document.from_caller { flow_json } else { JsValue::from_str(&document.text) };
                self.run_with(request, Some(file))
            }
            Err(error) => self.run(Err(error)),
        }
    }

    /// Publishes a Flow (irreversible: a published Flow can only be deprecated).
    #[wasm_bindgen(js_name = publishFlow, unchecked_return_type = "Promise<{ success: boolean }>")]
    pub fn publish_flow(&self, #[wasm_bindgen(js_name = "flowId")] flow_id: &str) -> Promise {
        self.run(self.cloud.flow_action(flow_id, "publish"))
    }

    /// Deprecates a published Flow.
    #[wasm_bindgen(js_name = deprecateFlow, unchecked_return_type = "Promise<{ success: boolean }>")]
    pub fn deprecate_flow(&self, #[wasm_bindgen(js_name = "flowId")] flow_id: &str) -> Promise {
        self.run(self.cloud.flow_action(flow_id, "deprecate"))
    }

    /// Deletes a draft Flow.
    #[wasm_bindgen(js_name = deleteFlow, unchecked_return_type = "Promise<{ success: boolean }>")]
    pub fn delete_flow(&self, #[wasm_bindgen(js_name = "flowId")] flow_id: &str) -> Promise {
        self.run(self.cloud.delete_flow(flow_id))
    }

    /// A web preview URL of the Flow; `{ invalidate: true }` makes a new one.
    #[wasm_bindgen(js_name = getFlowPreviewUrl, unchecked_return_type = "Promise<{ id: string; preview: { preview_url: string; expires_at: string } }>")]
    pub fn get_flow_preview_url(
        &self,
        #[wasm_bindgen(js_name = "flowId")] flow_id: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "{ invalidate?: boolean }")] options: JsValue,
    ) -> Promise {
        let invalidate = field(&options, "invalidate").and_then(|v| v.as_bool()) == Some(true);
        self.run(self.cloud.flow_preview(flow_id, invalidate))
    }

    /// The sending number's name, quality rating, messaging limit and status.
    #[wasm_bindgen(js_name = getPhoneNumber, unchecked_return_type = "Promise<object>")]
    pub fn get_phone_number(&self) -> Promise {
        self.run(self.cloud.get_phone_number())
    }

    /// Updates the business profile (`about`, `address`, `description`, `email`,
    /// `vertical`, `websites`, `profile_picture_handle`), Meta's limits checked first.
    #[wasm_bindgen(js_name = updateBusinessProfile, unchecked_return_type = "Promise<{ success: boolean }>")]
    pub fn update_business_profile(
        &self,
        #[wasm_bindgen(unchecked_param_type = "object")] profile: JsValue,
    ) -> Promise {
        self.with_document(&profile, "updateBusinessProfile", Cloud::update_business_profile)
    }

    /// The business public key the Flow data endpoint encryption uses, and its signature status.
    #[wasm_bindgen(js_name = getEncryptionKey, unchecked_return_type = "Promise<{ data: { business_public_key: string; business_public_key_signature_status: string }[] }>")]
    pub fn get_encryption_key(&self) -> Promise {
        self.run(self.cloud.get_encryption_key())
    }

    /// Uploads the business public key (PEM) for Flow data endpoint encryption.
    #[wasm_bindgen(js_name = setEncryptionKey, unchecked_return_type = "Promise<{ success: boolean }>")]
    pub fn set_encryption_key(
        &self,
        #[wasm_bindgen(js_name = "publicKeyPem")] public_key_pem: &str,
    ) -> Promise {
        self.run(self.cloud.set_encryption_key(public_key_pem))
    }

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
