//! `BirdClient`: Bird's Channels API (`api::providers::bird`) over the
//! transport — send a message to a WhatsApp channel (any body type, or a
//! template) with its options, a contact's channel details, and the
//! provider-neutral `sendTemplate`. "Now" comes from the `now` option, so
//! `scheduledFor` checks are deterministic under test.

use super::super::config::{base_url, template_send, ClientSpec, TemplateSendOptions, TransportOptions};
use super::super::convert::Document;
use super::super::options::{js_options, optional, Js, Secret};
use super::super::transport::Link;
use crate::api::auth::Credentials;
use crate::api::providers::bird::{self, Bird, DEFAULT_BASE_URL};
use crate::Error;
use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"

/** A button or other action of a body. */
export type BirdAction =
  | { type: "reply"; reply: { text: string; imageUrl?: string; metadata?: { description?: { label: string } } } }
  | { type: "postback"; postback: { text: string; payload?: string; imageUrl?: string; metadata?: { description?: { label: string } } } }
  | { type: "locationRequest"; locationRequest?: { text?: string } }
  | { type: "link"; link: { text: string; url: string } }
  | { type: "buy"; buy: { text?: string; amountCents?: number; currency?: string } };

/** A free-form message body: one of the types a WhatsApp channel takes. */
export type BirdBody =
  | { type: "text"; text: { text: string; actions?: BirdAction[]; metadata?: { whatsapp?: { previewUrl?: boolean } } } }
  | { type: "image"; image: { images: { mediaUrl: string; altText?: string }[]; text?: string; actions?: BirdAction[] } }
  | { type: "file"; file: { files: { mediaUrl: string; contentType: string; filename?: string; altText?: string }[]; text?: string; actions?: BirdAction[] } }
  | { type: "location"; location: { coordinates: { latitude: number; longitude: number }; location?: { address?: string; label?: string } } }
  | { type: "list"; list: { text: string; title?: string; altText?: string; items: { title?: string; actions: BirdAction[] }[]; metadata?: { button?: { label: string } } } }
  | { type: "carousel"; carousel: { text?: string; items: { title: string; description?: string; mediaUrl: string; actions?: BirdAction[] }[] } };

/** A Bird template: its project (`projectId`, `version`, `locale`) or its platform `name`, with parameters keyed as the template defines them. */
export interface BirdTemplate {
  name?: string;
  projectId?: string;
  /** "latest" or a version's UUID. */
  version?: string;
  /** BCP 47, e.g. "en-US". */
  locale?: string;
  parameters?: { type: "string" | "number" | "boolean" | "object" | string; key: string; value: unknown }[];
  variables?: Record<string, string>;
  attachments?: { mediaUrl: string; filename: string; inline?: boolean }[];
  shortLinks?: { enabled?: boolean; domain?: string } | null;
  /** 1 to 8. */
  utmParameters?: ({ key: string; value: string } | { key: string; reference: "platform_name" | "channel_name" })[];
  settings?: object;
}

/** A message to send: `body` or `template`, with the options. */
export interface BirdMessage {
  receiver: { contacts: { identifierKey?: string; identifierValue?: string; id?: string; [key: string]: unknown }[] };
  body?: BirdBody;
  template?: BirdTemplate;
  /** Reply to a received message: `{ id, type: "message" }`. */
  replyTo?: { id: string; type: "message" | "click" | "referrals"; order?: number };
  reference?: string;
  sender?: object;
  meta?: { extraInformation?: { useCase?: string; [key: string]: unknown }; [key: string]: unknown };
  notification?: { url: string };
  /** Frequency capping; only with meta.extraInformation.useCase "marketing". */
  capFrequency?: boolean;
  enableLinkTracking?: boolean;
  ignoreQuietHours?: boolean;
  ignoreGlobalHoldout?: boolean;
  /** At most 10; letters, digits, "-", "_", spaces; sent lower-cased. */
  tags?: string[];
  shortLinks?: { domain: string } | null;
  /** RFC 3339, at least 10 minutes and at most 35 days ahead. */
  scheduledFor?: string;
  /** Seconds; default 129600 (36 h), 600 on a 2FA channel. */
  validity?: number;
}


"#;

/// Bird's answer to a send: the message as Bird stored it.
#[derive(tsify::Tsify)]
#[expect(dead_code, reason = "declares Bird's answer, which crosses untouched")]
pub struct BirdMessageResponse {
    /// The message id.
    id: String,
    /// The channel it went through.
    #[serde(rename = "channelId")]
    channel_id: String,
    /// Where it is.
    #[tsify(
        type = "\"accepted\" | \"rejected\" | \"processing\" | \"scheduled\" | \"sent\" | \"sending_failed\" | \"delivered\" | \"delivery_failed\" | \"deleted\" | \"skipped\""
    )]
    status: (),
    /// The sending channel's identity.
    #[tsify(type = "object")]
    sender: (),
    /// The recipients.
    #[tsify(type = "object")]
    receiver: (),
    /// The body, for a free-form message.
    #[tsify(optional, type = "BirdBody")]
    body: Option<()>,
    /// The template, for a template message.
    #[tsify(optional, type = "BirdTemplate")]
    template: Option<()>,
    /// Its tags.
    #[tsify(optional)]
    tags: Option<Vec<String>>,
    /// When it is scheduled for, if it is.
    #[tsify(optional, type = "string | null")]
    #[serde(rename = "scheduledFor")]
    scheduled_for: Option<()>,
    /// The caller's reference.
    #[tsify(optional)]
    reference: Option<String>,
    /// Why it failed, when it did.
    #[tsify(
        optional,
        type = "{ code: number; description: string; source: { code: string; name: string } } | null"
    )]
    failure: Option<()>,
    /// When its status last changed.
    #[serde(rename = "lastStatusAt")]
    last_status_at: String,
    /// When Bird took it.
    #[serde(rename = "createdAt")]
    created_at: String,
    /// When Bird last changed it.
    #[serde(rename = "updatedAt")]
    updated_at: String,
}

/// A contact's details on the channel.
#[derive(tsify::Tsify)]
#[expect(dead_code, reason = "declares Bird's answer, which crosses untouched")]
pub struct BirdChannelContact {
    /// When the customer-care window closes (free-form messages need it open).
    #[tsify(type = "string | null")]
    #[serde(rename = "serviceWindowExpireAt")]
    service_window_expire_at: (),
    /// Whether the session never expires.
    #[tsify(optional, type = "boolean | null")]
    #[serde(rename = "isPermanentSession")]
    is_permanent_session: Option<()>,
    /// The contact's metadata on the channel.
    #[tsify(optional, type = "Record<string, string> | null")]
    metadata: Option<()>,
}

/// A Bird Channels API client for one WhatsApp channel.
///
/// @example
/// ```ts
/// const bird = new BirdClient({ accessKey: key, workspaceId: workspace, channelId: channel });
/// const sent = await bird.sendMessage({ receiver: { contacts: [{ identifierValue: "+14155552671" }] }, body: { type: "text", text: { text: "Hi" } } });
/// console.log(sent.id, sent.status);
/// ```
#[wasm_bindgen]
pub struct BirdClient {
    bird: Bird,
    link: Link,
    now: Option<Function>,
}

js_options! {
    /// Settings of a BirdClient (Bird Channels API).
    pub struct BirdClientOptions extends TransportOptions via transport {
        /// An access key; sent only as `Authorization: AccessKey <key>`.
        #[tsify(type = "string")]
        access_key "accessKey": Secret,
        /// The workspace (a UUID).
        workspace_id "workspaceId": String,
        /// The WhatsApp channel (a UUID).
        channel_id "channelId": String,
        /// Default "https://api.bird.com".
        #[tsify(optional)]
        base_url "baseUrl": Option<String>,
        /// The clock `scheduledFor` is checked against, in ms since 1970 (default Date.now).
        #[tsify(optional, type = "() => number")]
        now "now": Option<Function>,
    }
}

crate::wasm::config::client_options!(BirdClientOptions, access_key);

js_options! {
    /// The options of `getChannelContact`.
    pub struct ChannelContactOptions {
        /// One of the contact's identifiers (e.g. its phone number), to narrow the answer to it.
        #[tsify(optional)]
        contact_identifier_value "contactIdentifierValue": Option<String>,
    }
}

/// The class: its options, its access key (sent as `AccessKey`), Bird's error body.
const CLIENT: ClientSpec = ClientSpec { name: "BirdClient", sign: access_key, errors: bird::failure };

/// Bird's `Authorization: AccessKey <key>` (and JSON answers).
fn access_key(key: &str) -> Credentials {
    Credentials::default().with_header("Authorization", format!("AccessKey {key}"), Some(key)).with_header(
        "Accept",
        "application/json".to_owned(),
        None,
    )
}

#[wasm_bindgen]
impl BirdClient {
    /// A client for the channel `channelId` of workspace `workspaceId`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Js<BirdClientOptions>) -> Result<BirdClient, JsValue> {
        let (options, transport) = CLIENT.open::<BirdClientOptions>(&options)?;
        let url = base_url(CLIENT.name, &options.base_url, DEFAULT_BASE_URL)?;
        let bird = Bird::new(url, options.workspace_id, options.channel_id)?;
        Ok(BirdClient { bird, link: Link::new(transport), now: options.now })
    }

    /// The caller's clock, else the runtime's, in Unix milliseconds.
    fn now_ms(&self) -> Result<i64, Error> {
        let Some(now) = &self.now else { return Ok(js_sys::Date::now() as i64) };
        let value =
            now.call0(&JsValue::UNDEFINED).map_err(|_| Error::invalid_argument("BirdClient: now() threw"))?;
        value.as_f64().filter(|ms| ms.is_finite()).map(|ms| ms as i64).ok_or_else(|| {
            Error::invalid_argument("BirdClient: now() must return milliseconds since 1970 (a number)")
        })
    }

    /// Sends a message (`body` — text, image, file, location, list, carousel
    /// — or `template`, with `replyTo` and the options) to the channel. Checked
    /// first against Bird's schema and rules (at most 10 tags, frequency
    /// capping only for marketing, `scheduledFor` 10 minutes to 35 days
    /// ahead, …): a finding rejects with `validation_failed` and sends
    /// nothing. Resolves to Bird's message (`status` "accepted" or "scheduled").
    #[wasm_bindgen(js_name = sendMessage, unchecked_return_type = "Promise<BirdMessageResponse>")]
    pub fn send_message(
        &self,
        #[wasm_bindgen(unchecked_param_type = "BirdMessage | string")] message: JsValue,
    ) -> Promise {
        let request = Document::read(&message, "sendMessage", "message").and_then(|document| {
            let node = crate::api::parse_document(&document.text)?;
            self.bird.send_message(&document.text, &node, self.now_ms()?, document.from_caller)
        });
        self.link.spawn(request, None)
    }

    /// Sends template `template` (Meta's template object) to `to` — the
    /// provider-neutral call every messaging client has — as a Bird template
    /// by name and locale, text parameters keyed by `parameter_name` or
    /// position; `{ definition }` checks the send against the template's
    /// definition first. Media, button, currency and date parameters have no
    /// place in that call (`bird.template_unmappable`): use `sendMessage`.
    #[wasm_bindgen(js_name = sendTemplate, unchecked_return_type = "Promise<BirdMessageResponse>")]
    pub fn send_template(
        &self,
        to: &str,
        #[wasm_bindgen(unchecked_param_type = "object | string")] template: JsValue,
        options: Option<Js<TemplateSendOptions>>,
    ) -> Promise {
        let request =
            template_send(to, &template, options.into()).and_then(|send| self.bird.send_template(&send));
        self.link.spawn(request, None)
    }

    /// A contact's details on this channel: when its service window closes,
    /// whether the session is permanent, its metadata. `contactIdentifierValue`
    /// narrows it to one of the contact's identifiers.
    #[wasm_bindgen(js_name = getChannelContact, unchecked_return_type = "Promise<BirdChannelContact>")]
    pub fn get_channel_contact(
        &self,
        #[wasm_bindgen(js_name = "contactId")] contact_id: &str,
        options: Option<Js<ChannelContactOptions>>,
    ) -> Promise {
        let request = optional::<ChannelContactOptions>(options, "getChannelContact").and_then(|options| {
            self.bird.get_channel_contact(contact_id, options.contact_identifier_value.as_deref())
        });
        self.link.spawn(request, None)
    }
}
