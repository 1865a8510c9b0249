//! `CloudApiClient`: the Cloud API endpoints of `api::cloud` over the
//! transport. Each method validates and builds its request synchronously (a
//! local failure rejects before anything is sent), then resolves to Meta's
//! JSON response or rejects with an `Error` whose `code` says what happened.

use super::config::{read_template_send, ClientSpec, Config};
use super::convert::Document;
use super::object::{self, field};
use super::transport::{Link, Transport};
use crate::api::auth::Credentials;
use crate::api::cloud::{
    check_template_send, template_of, Cloud, TemplateDefinitions, DEFAULT_API_VERSION, DEFAULT_BASE_URL,
};
use crate::api::error::from_response;
use crate::api::Request;
use crate::Error;
use js_sys::Promise;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

mod account;
mod analytics;
mod blocking;
mod calling;
mod commerce;
mod flows;
mod groups;
mod media;
mod qr_codes;
mod templates;

/// `{ limit?, after?, before? }` of a list call (a `limit` that is not a whole number ≥ 1 is refused by the core).
fn page_of(options: &JsValue) -> crate::api::cloud::Page {
    let text = |key: &str| field(options, key).and_then(|value| value.as_string());
    let limit = field(options, "limit").and_then(|value| value.as_f64()).map(|n| {
        // Whole numbers in range only; anything else becomes 0, which the core refuses.
        if n.fract() == 0.0 && (1.0..=1.0e6).contains(&n) {
            n as u32
        } else {
            0
        }
    });
    crate::api::cloud::Page { limit, after: text("after"), before: text("before") }
}

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
/** A page of a Graph API list: `limit` entries, after or before a cursor from `paging.cursors`. */
export interface PageOptions {
  /** How many entries (Meta's default when absent). */
  limit?: number;
  /** The `after` cursor of the page before. */
  after?: string;
  /** The `before` cursor of the page after. */
  before?: string;
}
/** Graph API paging of a list answer. */
export interface Paging {
  /** Cursors to pass as `after` or `before` for the next or previous page. */
  cursors?: { before?: string; after?: string };
  /** The URL of the next page, when there is one. */
  next?: string;
  /** The URL of the previous page, when there is one. */
  previous?: string;
}
/** Meta's answer to a change that reports only whether it worked. */
export interface SuccessResult {
  /** `true` when Meta made the change. */
  success: boolean;
}
"#;

/// A WhatsApp Cloud API client.
#[wasm_bindgen]
pub struct CloudApiClient {
    cloud: Cloud,
    link: Link,
    /// Template definitions fetched to check sends: (name, language, JSON).
    templates: Rc<RefCell<TemplateDefinitions>>,
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
    let first = object::get(&object::get(&found, "data"), "0");
    let definition =
        Some(first).filter(JsValue::is_object).and_then(|t| js_sys::JSON::stringify(&t).ok()?.as_string());
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
        // Not generic: one copy of the reading and parsing for every method that takes a document.
        build: &dyn Fn(&Cloud, &str, &crate::json::Node) -> Result<Request, Error>,
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
            cache.borrow_mut().remember(name, language, definition);
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
        self.templates.borrow().find(name, language).map(str::to_owned)
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
        self.with_document(&definition, "createTemplate", &Cloud::create_template)
    }

    /// Edits a template (category, components, TTL), checked first.
    #[wasm_bindgen(js_name = editTemplate, unchecked_return_type = "Promise<{ success: boolean }>")]
    pub fn edit_template(
        &self,
        #[wasm_bindgen(js_name = "templateId")] template_id: &str,
        #[wasm_bindgen(unchecked_param_type = "object | string")] edit: JsValue,
    ) -> Promise {
        let id = template_id.to_owned();
        self.with_document(&edit, "editTemplate", &move |cloud, text, node| {
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
}
