//! `CloudApiClient`: the Cloud API endpoints of `api::cloud` over the
//! transport. Each method validates and builds its request synchronously (a
//! local failure rejects before anything is sent), then resolves to Meta's
//! JSON response or rejects with an `Error` whose `code` says what happened.

use super::config::{base_url, read_template_send, ClientSpec};
use super::convert::Document;
use super::object;
use super::options::{optional, Js};
use super::transport::{Link, Transport};
use crate::api::auth::Credentials;
use crate::api::cloud::{
    category_of, check_marketing, check_template_send, checked_body, template_of, Cloud, Route,
    TemplateDefinitions, DEFAULT_API_VERSION, DEFAULT_BASE_URL,
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
mod options;
mod qr_codes;
mod results;
mod templates;

pub use options::{
    CloudApiClientOptions, CloudTemplateSendOptions, MarkAsReadOptions, SendMessageOptions, TemplateListQuery,
};

/// A WhatsApp Cloud API client: every call checked locally before it is
/// sent, retried within a budget when that cannot send twice.
///
/// @example
/// ```ts
/// const client = new CloudApiClient({ accessToken: token, phoneNumberId: "106540352242922" });
/// const sent = await client.sendMessage({ messaging_product: "whatsapp", to: "+14155552671", type: "text", text: { body: "Hi" } });
/// console.log(sent.messages[0].id); // "wamid.…"
/// ```
#[wasm_bindgen]
pub struct CloudApiClient {
    cloud: Cloud,
    link: Link,
    /// Template definitions fetched to check sends: (name, language, JSON).
    templates: Rc<RefCell<TemplateDefinitions>>,
    /// Where template sends go (`routeMarketing`).
    route: Route,
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

/// A send ready to go, or one whose template definition must be fetched first.
enum Prepared {
    Ready(Request),
    Fetch { lookup: Request, name: String, language: String, body: String, text: String },
}

/// The class: its own options (besides the transport's), its token, Meta's error envelope.
const CLIENT: ClientSpec =
    ClientSpec { name: "CloudApiClient", sign: Credentials::bearer, errors: from_response };

#[wasm_bindgen]
impl CloudApiClient {
    /// A client for `accessToken` (and, as needed, `phoneNumberId`, `wabaId`).
    #[wasm_bindgen(constructor)]
    pub fn new(options: Js<CloudApiClientOptions>) -> Result<CloudApiClient, JsValue> {
        let (options, transport) = CLIENT.open::<CloudApiClientOptions>(&options)?;
        let cloud = Cloud {
            base_url: base_url(CLIENT.name, &options.base_url, DEFAULT_BASE_URL)?,
            api_version: options.api_version.clone().unwrap_or_else(|| DEFAULT_API_VERSION.to_owned()),
            phone_number_id: options.phone_number_id.clone(),
            waba_id: options.waba_id.clone(),
        };
        options.warn_about_version(&cloud.api_version);
        let route = options.route();
        Ok(CloudApiClient { cloud, link: Link::new(transport), templates: Rc::default(), route })
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
    /// (then kept by this client). With `routeMarketing`, a MARKETING
    /// template whose definition is known goes to `/marketing_messages`.
    #[wasm_bindgen(js_name = sendMessage, unchecked_return_type = "Promise<SendResult>")]
    pub fn send_message(
        &self,
        #[wasm_bindgen(unchecked_param_type = "object | string")] message: JsValue,
        options: Option<Js<SendMessageOptions>>,
    ) -> Promise {
        self.send(&message, options, self.route, "sendMessage")
    }

    /// Sends a MARKETING template message through the Marketing Messages API
    /// (`POST /<PHONE_NUMBER_ID>/marketing_messages`), with Meta's per-send
    /// `message_activity_sharing` (a boolean) when given. Checked like
    /// `sendMessage`; a template whose definition (`{ template }` or
    /// `{ fetchTemplate: true }`) is not MARKETING is refused
    /// (`marketing.not_marketing`), as is a message that is not a template.
    #[wasm_bindgen(js_name = sendMarketingMessage, unchecked_return_type = "Promise<SendResult>")]
    pub fn send_marketing_message(
        &self,
        #[wasm_bindgen(unchecked_param_type = "object | string")] message: JsValue,
        options: Option<Js<SendMessageOptions>>,
    ) -> Promise {
        self.send(&message, options, Route::Marketing, "sendMarketingMessage")
    }

    /// `sendMessage` and `sendMarketingMessage`: validation and the check
    /// against a definition given or cached happen now; a definition to
    /// fetch is fetched first; then the send goes where `route` says.
    fn send(
        &self,
        message: &JsValue,
        options: Option<Js<SendMessageOptions>>,
        route: Route,
        function: &'static str,
    ) -> Promise {
        let options = match optional::<SendMessageOptions>(options, function) {
            Ok(options) => options,
            Err(error) => return Promise::reject(&error.into()),
        };
        let (given, fetch) = (options.template, options.fetch_template == Some(true));
        let prepared = Document::read(message, function, "message").and_then(|document| {
            let node = crate::api::parse_document(&document.text)?;
            let body = checked_body(&document.text, &node)?;
            if route == Route::Marketing {
                check_marketing(&node, None)?;
            }
            let definition = match (&given, template_of(&node)) {
                (Some(given), _) => Some(Document::read(given, function, "template")?.text),
                (None, Some((name, language))) if fetch => self.cached_template(name, language),
                _ => None,
            };
            if let Some(definition) = &definition {
                check_template_send(definition, &node)?;
            }
            match template_of(&node) {
                Some((name, language)) if fetch && definition.is_none() => Ok(Prepared::Fetch {
                    lookup: self.cloud.find_template(name, language)?,
                    name: name.to_owned(),
                    language: language.to_owned(),
                    body,
                    text: document.text.clone(),
                }),
                _ => {
                    let category = definition.as_deref().and_then(category_of);
                    Ok(Prepared::Ready(self.cloud.routed_send(body, &node, category.as_deref(), route)?))
                }
            }
        });
        let (lookup, name, language, body, text) = match prepared {
            Ok(Prepared::Ready(request)) => return self.run(Ok(request)),
            Ok(Prepared::Fetch { lookup, name, language, body, text }) => {
                (lookup, name, language, body, text)
            }
            Err(error) => return Promise::reject(&error.into()),
        };
        let (transport, cache, cloud) =
            (Rc::clone(&self.link.transport), Rc::clone(&self.templates), self.cloud.clone());
        future_to_promise(async move {
            let definition = fetch_template(&transport, &lookup, &name, &language).await?;
            let node = crate::api::parse_document(&text)?;
            check_template_send(&definition, &node)?;
            let request = cloud.routed_send(body, &node, category_of(&definition).as_deref(), route)?;
            cache.borrow_mut().remember(name, language, definition);
            transport.call(&request, None).await.map_err(JsValue::from)
        })
    }

    /// Sends template `template` (Meta's template object) to `to` — the
    /// provider-neutral call every messaging client has; `{ definition }`
    /// checks the send against the template's definition first (and, with
    /// `routeMarketing`, sends a MARKETING one through the Marketing Messages
    /// API); `{ bizOpaqueCallbackData }` (at most 512 characters) is echoed
    /// in the message's status webhooks.
    #[wasm_bindgen(js_name = sendTemplate, unchecked_return_type = "Promise<SendResult>")]
    pub fn send_template(
        &self,
        to: &str,
        #[wasm_bindgen(unchecked_param_type = "object | string")] template: JsValue,
        options: Option<Js<CloudTemplateSendOptions>>,
    ) -> Promise {
        // Checked once by read_template_send: no second validation of the message.
        let request = optional::<CloudTemplateSendOptions>(options, "sendTemplate").and_then(|options| {
            let send = read_template_send(to, &template, options.send.definition.as_ref())?;
            let send = match &options.biz_opaque_callback_data {
                Some(data) => send.with_callback_data(data)?,
                None => send,
            };
            let node = send.parsed()?;
            self.cloud.routed_send(send.message.clone(), &node, send.category.as_deref(), self.route)
        });
        self.run(request)
    }

    fn cached_template(&self, name: &str, language: &str) -> Option<String> {
        self.templates.borrow().find(name, language).map(str::to_owned)
    }

    /// Marks an incoming message as read; `{ typing: true }` also shows the typing indicator.
    #[wasm_bindgen(js_name = markAsRead, unchecked_return_type = "Promise<Success>")]
    pub fn mark_as_read(
        &self,
        #[wasm_bindgen(js_name = "messageId")] message_id: &str,
        options: Option<Js<MarkAsReadOptions>>,
    ) -> Promise {
        let request = optional::<MarkAsReadOptions>(options, "markAsRead")
            .and_then(|options| self.cloud.mark_read(message_id, options.typing == Some(true)));
        self.run(request)
    }

    /// Lists templates; `query` filters (`limit`, `after`, `before`, `name`,
    /// `status`, `category`, `language`, `fields`). Resolves to `{ data, paging }`.
    #[wasm_bindgen(js_name = listTemplates, unchecked_return_type = "Promise<TemplateList>")]
    pub fn list_templates(&self, query: Option<Js<TemplateListQuery>>) -> Promise {
        let request = optional::<TemplateListQuery>(query, "listTemplates").and_then(|query| {
            let limit = query.page.limit.map(|limit| limit.to_string());
            let given = [
                ("limit", limit.as_deref()),
                ("after", query.page.after.as_deref()),
                ("before", query.page.before.as_deref()),
                ("name", query.name.as_deref()),
                ("status", query.status.as_deref()),
                ("category", query.category.as_deref()),
                ("language", query.language.as_deref()),
                ("fields", query.fields.as_deref()),
            ];
            let pairs: Vec<(&str, &str)> =
                given.into_iter().filter_map(|(key, value)| Some((key, value?))).collect();
            self.cloud.list_templates(&pairs)
        });
        self.run(request)
    }

    /// Gets one template by id.
    #[wasm_bindgen(js_name = getTemplate, unchecked_return_type = "Promise<TemplateInfo>")]
    pub fn get_template(&self, #[wasm_bindgen(js_name = "templateId")] template_id: &str) -> Promise {
        self.run(self.cloud.get_template(template_id))
    }

    /// Creates a template after checking it like `validateTemplate`; resolves to `{ id, status, category }`.
    #[wasm_bindgen(js_name = createTemplate, unchecked_return_type = "Promise<TemplateCreated>")]
    pub fn create_template(
        &self,
        #[wasm_bindgen(unchecked_param_type = "object | string")] definition: JsValue,
    ) -> Promise {
        self.with_document(&definition, "createTemplate", &Cloud::create_template)
    }

    /// Edits a template (category, components, TTL), checked first.
    #[wasm_bindgen(js_name = editTemplate, unchecked_return_type = "Promise<Success>")]
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
    #[wasm_bindgen(js_name = deleteTemplate, unchecked_return_type = "Promise<Success>")]
    pub fn delete_template(
        &self,
        name: &str,
        #[wasm_bindgen(js_name = "templateId")] template_id: Option<String>,
    ) -> Promise {
        self.run(self.cloud.delete_template(name, template_id.as_deref()))
    }
}
