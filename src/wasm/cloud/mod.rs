//! `CloudApiClient`: the Cloud API endpoints of `api::cloud` over the
//! transport. Each method validates and builds its request synchronously (a
//! local failure rejects before anything is sent), then resolves to Meta's
//! JSON response or rejects with an `Error` whose `code` says what happened.

use super::config::{
    base_url, template_send, ClientOptions, ClientSpec, TemplateSendOptions, TransportOptions,
};
use super::convert::Document;
use super::object;
use super::options::{js_options, optional, Js, Secret};
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
mod results;
mod templates;

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
        /// Graph API version, default "v23.0".
        #[tsify(optional)]
        api_version "apiVersion": Option<String>,
        /// Default "https://graph.facebook.com".
        #[tsify(optional)]
        base_url "baseUrl": Option<String>,
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
fn page_of(options: Option<Js<PageOptions>>, owner: &'static str) -> Result<crate::api::cloud::Page, Error> {
    let PageOptions { limit, after, before } = optional::<PageOptions>(options, owner)?;
    Ok(crate::api::cloud::Page { limit, after, before })
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

impl ClientOptions for CloudApiClientOptions {
    fn transport(&self) -> &TransportOptions {
        &self.transport
    }
    fn credential(&self) -> &Secret {
        &self.access_token
    }
}

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
            api_version: options.api_version.unwrap_or_else(|| DEFAULT_API_VERSION.to_owned()),
            phone_number_id: options.phone_number_id,
            waba_id: options.waba_id,
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
    #[wasm_bindgen(js_name = sendMessage, unchecked_return_type = "Promise<SendResult>")]
    pub fn send_message(
        &self,
        #[wasm_bindgen(unchecked_param_type = "object | string")] message: JsValue,
        options: Option<Js<SendMessageOptions>>,
    ) -> Promise {
        let options = match optional::<SendMessageOptions>(options, "sendMessage") {
            Ok(options) => options,
            Err(error) => return Promise::reject(&error.into()),
        };
        let (given, fetch) = (options.template, options.fetch_template == Some(true));
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
    #[wasm_bindgen(js_name = sendTemplate, unchecked_return_type = "Promise<SendResult>")]
    pub fn send_template(
        &self,
        to: &str,
        #[wasm_bindgen(unchecked_param_type = "object | string")] template: JsValue,
        options: Option<Js<TemplateSendOptions>>,
    ) -> Promise {
        // Checked once by template_send: no second validation of the message.
        self.run(
            template_send(to, &template, options.into())
                .and_then(|send| self.cloud.post_message(send.message)),
        )
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
