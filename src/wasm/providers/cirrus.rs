//! `CirrusClient`: Cirrus Digital / CommBox (`api::providers::cirrus`) over
//! the transport — the V2 templated message to 1–20 recipients, media upload,
//! the contact check and the provider-neutral `sendTemplate`.

use super::super::config::{
    base_url, template_send, upload, ClientSpec, TemplateSendOptions, TransportOptions, UploadOptions,
};
use super::super::convert::Document;
use super::super::options::{js_options, Js, Secret};
use super::super::transport::Link;
use crate::api::auth::Credentials;
use crate::api::providers::cirrus::{self, Cirrus, DEFAULT_BASE_URL, DEFAULT_V2_PREFIX};
use crate::Error;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"

/** Header media: by link, or by the id `uploadMedia` returned. */
export type CirrusMedia = { link: string } | { id: string };

/** A header, body or button parameter of a template, as Meta's Cloud API writes it. */
export type CirrusTemplateParameter =
  | { type: "text"; text: string; parameter_name?: string }
  | { type: "image"; image: CirrusMedia }
  | { type: "video"; video: CirrusMedia }
  | { type: "document"; document: CirrusMedia & { filename?: string } }
  | { type: "payload" | "coupon_code" | "currency" | "date_time" | "action" | "location"; [key: string]: unknown };

/** One recipient of a V2 templated message. */
export interface CirrusRecipient {
  /** Unix seconds to publish at (scheduled publishing); leave out to send now. */
  schedule?: number;
  template_data: {
    /** The recipient: country code and number, digits (sent without "+"). */
    to: string | number;
    template: {
      name: string;
      language: { code: string };
      /** Meta's send components: header (text, or media by `link` or uploaded `id`), body, button parameters. */
      components?: { type: string; sub_type?: string; index?: number | string; parameters?: CirrusTemplateParameter[] }[];
    };
  };
  /** Also create a conversation (an Object) on the platform; `SubStreamId` is the subchannel. */
  object_data?: {
    createChildObject?: boolean;
    SubStreamId?: number;
    /** ObjectStatusType: 1 Open, 2 Resolved, …, 13 Sent, 14 Archive, 15 Pending. */
    StatusId?: number;
    /** The agent the Object is reported under. */
    ManagerId?: number;
    Content?: object;
    User: { Phone1: string; Email: string; UniqueId?: string; FirstName?: string; LastName?: string; Remarks?: string; [key: string]: unknown };
    [key: string]: unknown;
  };
}

/** The V2 templated message body: 1 to 20 recipients. */
export interface CirrusTemplatedMessage {
  data: CirrusRecipient[];
}


"#;

/// CommBox's answer envelope: its status, a description, when, and the data.
#[derive(tsify::Tsify)]
#[expect(dead_code, reason = "declares CommBox's answer, which crosses untouched")]
pub struct CirrusEnvelope<T> {
    /// "200" (a number in some answers).
    #[tsify(type = "string | number")]
    status: (),
    /// What happened.
    description: String,
    /// UTC, e.g. "2024-08-06T07:51:52.2581942Z".
    response_time: String,
    /// The call's result.
    data: T,
}

/// The result for one recipient; a failed one (HTTP 206) has `failed` and a 4xx `status`.
#[derive(tsify::Tsify)]
#[expect(dead_code, reason = "declares CommBox's answer, which crosses untouched")]
pub struct CirrusRecipientResult {
    /// The recipient as sent.
    #[tsify(type = "string | number")]
    recipient: (),
    /// The message id, when sent.
    #[tsify(optional)]
    id: Option<String>,
    /// This recipient's HTTP status.
    status: u32,
    /// The Object created, when `object_data` was sent.
    #[tsify(optional)]
    object_id: Option<u32>,
    /// Why it failed, when it did.
    #[tsify(optional)]
    failed: Option<String>,
}

/// Whether a number is a WhatsApp account.
#[derive(tsify::Tsify)]
#[expect(dead_code, reason = "declares CommBox's answer, which crosses untouched")]
pub struct CirrusContactValidity {
    /// True when it is.
    valid: bool,
}

/// An uploaded file.
#[derive(tsify::Tsify)]
#[expect(dead_code, reason = "declares CommBox's answer, which crosses untouched")]
pub struct CirrusUploaded {
    /// Its name.
    filename: String,
    /// The id to put in a header parameter as `{ id }`.
    id: String,
}

/// A Cirrus Digital / CommBox client.
///
/// @example
/// ```ts
/// const cirrus = new CirrusClient({ apiKey: key, streamId: stream });
/// const sent = await cirrus.sendTemplate("+14155552671", { name: "order_update", language: { code: "en_US" } });
/// console.log(sent);
/// ```
#[wasm_bindgen]
pub struct CirrusClient {
    cirrus: Cirrus,
    link: Link,
}

js_options! {
    /// Settings of a CirrusClient (Cirrus Digital / CommBox).
    pub struct CirrusClientOptions extends TransportOptions via transport {
        /// The API key (console Settings → API); sent only as `Authorization: Bearer`.
        #[tsify(type = "string")]
        api_key "apiKey": Secret,
        /// The channel's ENCRYPTED_STREAM_ID as Cirrus gave it (e.g. ending in "=="); percent-encoded on the path.
        stream_id "streamId": String,
        /// Default "https://api.commbox.io".
        #[tsify(optional)]
        base_url "baseUrl": Option<String>,
        /// Path prefix of the V2 send: default "/v2"; "" for the unprefixed path the Cirrus page prints.
        #[tsify(optional)]
        v2_prefix "v2Prefix": Option<String>,
    }
}

crate::wasm::config::client_options!(CirrusClientOptions, api_key);

/// The class: its options, its API key (a bearer token), CommBox's error body.
const CLIENT: ClientSpec =
    ClientSpec { name: "CirrusClient", sign: Credentials::bearer, errors: cirrus::failure };

#[wasm_bindgen]
impl CirrusClient {
    /// A client for one channel (`streamId`) with an API key.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Js<CirrusClientOptions>) -> Result<CirrusClient, JsValue> {
        let (options, transport) = CLIENT.open::<CirrusClientOptions>(&options)?;
        let v2_prefix = options.v2_prefix.unwrap_or_else(|| DEFAULT_V2_PREFIX.to_owned());
        let safe =
            v2_prefix.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.'));
        if !(v2_prefix.is_empty() || (v2_prefix.starts_with('/') && safe && !v2_prefix.contains(".."))) {
            return Err(
                Error::invalid_argument("CirrusClient: v2Prefix is \"\" or a path such as \"/v2\"").into()
            );
        }
        let cirrus = Cirrus {
            base_url: base_url(CLIENT.name, &options.base_url, DEFAULT_BASE_URL)?,
            stream_id: options.stream_id,
            v2_prefix: v2_prefix.trim_end_matches('/').to_owned(),
        };
        Ok(CirrusClient { cirrus, link: Link::new(transport) })
    }

    /// Sends a WhatsApp template to 1–20 recipients (V2): header text or
    /// media (by `link`, or by the `id` `uploadMedia` returned), footer and
    /// buttons as the template defines them, `object_data` to also create an
    /// Object (conversation) — `SubStreamId` for a subchannel — and `schedule`
    /// (Unix seconds) to publish later. Checked first: a bad body rejects with
    /// `validation_failed` and sends nothing. Resolves to the envelope with
    /// one result per recipient; HTTP 206 means some failed (see `failed`).
    #[wasm_bindgen(js_name = sendTemplatedMessage, unchecked_return_type = "Promise<CirrusEnvelope<CirrusRecipientResult[]>>")]
    pub fn send_templated_message(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CirrusTemplatedMessage | string")] message: JsValue,
    ) -> Promise {
        let request = Document::read(&message, "sendTemplatedMessage", "message").and_then(|document| {
            let node = crate::api::parse_document(&document.text)?;
            self.cirrus.send_templated_message(&document.text, &node, document.from_caller)
        });
        self.link.spawn(request, None)
    }

    /// Sends template `template` (Meta's template object) to `to` — the
    /// provider-neutral call every messaging client has — as a V2 send to one
    /// recipient; `{ definition }` checks the send against the template's
    /// definition first.
    #[wasm_bindgen(js_name = sendTemplate, unchecked_return_type = "Promise<CirrusEnvelope<CirrusRecipientResult[]>>")]
    pub fn send_template(
        &self,
        to: &str,
        #[wasm_bindgen(unchecked_param_type = "object | string")] template: JsValue,
        options: Option<Js<TemplateSendOptions>>,
    ) -> Promise {
        let request =
            template_send(to, &template, options.into()).and_then(|send| self.cirrus.send_template(&send));
        self.link.spawn(request, None)
    }

    /// Uploads a file (Blob or File, ArrayBuffer or Uint8Array) to WhatsApp's
    /// servers as the multipart field `pic`, after checking WhatsApp takes
    /// its type and size; `data[0].id` then goes in a header parameter as
    /// `{ id }`. `options.type` is needed when the file carries no MIME type.
    #[wasm_bindgen(js_name = uploadMedia, unchecked_return_type = "Promise<CirrusEnvelope<CirrusUploaded[]>>")]
    pub fn upload_media(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Blob | ArrayBuffer | Uint8Array")] file: JsValue,
        options: Option<Js<UploadOptions>>,
    ) -> Promise {
        let request = upload(&file, options.into())
            .and_then(|upload| self.cirrus.upload_media(&upload.content_type, upload.size, &upload.filename));
        self.link.spawn(request, Some(file))
    }

    /// Whether `phone` (international, `+` optional) is a WhatsApp account.
    /// Only check numbers that opted in and that you will message: WhatsApp
    /// bans businesses that check many numbers without messaging them.
    #[wasm_bindgen(js_name = validateContact, unchecked_return_type = "Promise<CirrusEnvelope<CirrusContactValidity>>")]
    pub fn validate_contact(&self, phone: &str) -> Promise {
        self.link.spawn(self.cirrus.validate_contact(phone), None)
    }
}
