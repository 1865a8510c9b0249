//! Receiving, for JavaScript: `verifyWebhookSignature`, `webhookChallenge`,
//! `parseWebhook` and `decryptFlowMedia` (the Flow endpoint is in
//! `flow_endpoint`, capped body reads in `body`). Adapters only: the logic is
//! in `crate::webhook` and `crate::flow_endpoint`; the crypto is WebCrypto
//! (`super::crypto`), run on the JavaScript buffers so that bodies and files
//! enter wasm memory only when they must (parsing) and only once checked.

use super::body;
use super::convert::{self, Document};
use super::crypto;
use crate::flow_endpoint::{self, media};
use crate::webhook::{self, signature};
use crate::Error;
use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;

/// One secret or several (during a rotation), none empty.
pub fn secrets(value: &JsValue, function: &str, name: &str) -> Result<Vec<String>, Error> {
    let list = if value.is_string() {
        vec![convert::string(value, function, name)?]
    } else if js_sys::Array::is_array(value) {
        convert::strings(value, function, name)?
    } else {
        return Err(Error::invalid_argument(format!(
            "{function}: {name} must be a string or an array of strings, got {}",
            convert::type_name(value)
        )));
    };
    if list.is_empty() || list.iter().any(String::is_empty) {
        return Err(Error::invalid_argument(format!("{function}: {name} must not be empty")));
    }
    Ok(list)
}

/// Whether `header` (`X-Hub-Signature-256`) is the HMAC-SHA256 of `body`
/// (in JavaScript memory) under one of `secrets`, checked by WebCrypto's
/// constant-time `verify`.
pub async fn signature_valid(
    body: &Uint8Array,
    header: Option<&str>,
    secrets: &[String],
) -> Result<bool, Error> {
    let Some(mac) = header.and_then(signature::parse_header) else { return Ok(false) };
    let mut valid = false;
    // Every secret is tried, so the time taken does not tell which one matched.
    for secret in secrets {
        valid |= crypto::hmac_verify(secret.as_bytes(), &mac, body).await.map_err(|_| unavailable())?;
    }
    Ok(valid)
}

/// WebCrypto is missing or refused an operation it should support.
pub fn unavailable() -> Error {
    Error::new(flow_endpoint::code::CRYPTO_UNAVAILABLE, "WebCrypto (crypto.subtle) failed or is missing")
}

/// Checks a webhook POST's `X-Hub-Signature-256` header over the raw body
/// bytes (as received: do not re-serialise parsed JSON) with the app secret,
/// or any of several during a rotation. Resolves to `true` or `false`; a
/// missing or malformed header is `false`. The HMAC runs on the JavaScript
/// buffer (nothing is copied into wasm); a body over `maxBodyBytes`
/// (default 4 MiB) rejects with `body_too_large`.
///
/// @example
/// ```ts
/// const body = await request.text();
/// const genuine = await verifyWebhookSignature(body, request.headers.get("x-hub-signature-256"), env.APP_SECRET);
/// ```
#[wasm_bindgen(js_name = verifyWebhookSignature, unchecked_return_type = "boolean")]
pub async fn verify_webhook_signature(
    #[wasm_bindgen(js_name = "rawBody", unchecked_param_type = "string | Uint8Array | ArrayBuffer")] raw_body: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | null | undefined")] header: JsValue,
    #[wasm_bindgen(js_name = "appSecret", unchecked_param_type = "string | string[]")] app_secret: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "{ maxBodyBytes?: number }")] options: JsValue,
) -> Result<JsValue, JsValue> {
    const NAME: &str = "verifyWebhookSignature";
    let max = body::max_body_bytes(&options, NAME, crate::body::WEBHOOK_DEFAULT)?;
    let raw = body::bytes_of(&raw_body, NAME, "rawBody")?;
    let secrets = secrets(&app_secret, NAME, "appSecret")?;
    if raw.length() > max {
        return Err(crate::body::too_large(NAME, max).into());
    }
    Ok(JsValue::from(signature_valid(&raw, header.as_string().as_deref(), &secrets).await?))
}

/// The GET subscription handshake: given the request (or its URL) and your
/// verify token(s), the `hub.challenge` to answer with status 200 as
/// `text/plain`, or `null` (answer 403) when it is not a subscription
/// request with a matching token, or its challenge is not 1 to 128 ASCII
/// digits and letters (Meta sends a number; anything else could reflect
/// markup from your origin).
///
/// @example
/// ```ts
/// const challenge = webhookChallenge(request, env.VERIFY_TOKEN);
/// const answer = challenge === null ? new Response("forbidden", { status: 403 }) : new Response(challenge);
/// ```
#[wasm_bindgen(js_name = webhookChallenge, unchecked_return_type = "string | null")]
pub fn webhook_challenge(
    #[wasm_bindgen(unchecked_param_type = "Request | URL | string")] request: JsValue,
    #[wasm_bindgen(js_name = "verifyToken", unchecked_param_type = "string | string[]")]
    verify_token: JsValue,
) -> Result<JsValue, JsValue> {
    const NAME: &str = "webhookChallenge";
    let tokens = secrets(&verify_token, NAME, "verifyToken")?;
    let url = request
        .as_string()
        .or_else(|| ["url", "href"].iter().find_map(|key| super::object::get(&request, key).as_string()));
    let url = url.ok_or_else(|| {
        Error::invalid_argument(format!("{NAME}: request must be a Request, a URL or a string"))
    })?;
    Ok(signature::subscription_challenge(&url, &tokens).map_or(JsValue::NULL, |challenge| challenge.into()))
}

/// Parses a webhook POST body (text, bytes or the parsed object) into
/// `{ object?, events, issues }`. Never throws on JSON: every message,
/// status and update is an event with its `raw` input and `path`; anything
/// unrecognised is an `unknown` event, so nothing is dropped.
///
/// @example
/// ```ts
/// const { events, issues } = parseWebhook(body);
/// for (const event of events) if (event.type === "message") console.log(event.from ?? event.fromUserId);
/// ```
#[wasm_bindgen(js_name = parseWebhook, unchecked_return_type = "WebhookResult")]
pub fn parse_webhook(
    #[wasm_bindgen(unchecked_param_type = "string | object | Uint8Array | ArrayBuffer")] body: JsValue,
) -> Result<JsValue, JsValue> {
    const NAME: &str = "parseWebhook";
    let text = if body.is_string() || !body.is_object() || js_sys::Array::is_array(&body) {
        Document::read(&body, NAME, "body")?.text
    } else {
        match body::bytes_of(&body, NAME, "body") {
            Ok(bytes) => String::from_utf8_lossy(&bytes.to_vec()).into_owned(),
            Err(_) => Document::read(&body, NAME, "body")?.text,
        }
    };
    // Our parser is strict RFC 8259 and the output copies only text it
    // accepted, so JSON.parse cannot fail; `null` would beat a trap if it did.
    Ok(js_sys::JSON::parse(&webhook::parse_webhook(&text)).unwrap_or(JsValue::NULL))
}

/// Decrypts a file a user uploaded in a Flow (PhotoPicker/DocumentPicker),
/// downloaded from its `cdn_url`, with its `encryption_metadata` (or the
/// whole media item): checks the download's SHA-256, the 10-byte HMAC,
/// AES-256-CBC-decrypts, checks the plaintext's SHA-256. Rejects with
/// `media_integrity` on any mismatch. Every step runs on JavaScript buffers:
/// only keys and hashes cross into wasm, and the result views the buffer
/// WebCrypto decrypted into.
///
/// @example
/// ```ts
/// const bytes = await decryptFlowMedia(encryptedBytes, media.encryption_metadata);
/// ```
#[wasm_bindgen(js_name = decryptFlowMedia, unchecked_return_type = "Uint8Array")]
pub async fn decrypt_flow_media(
    #[wasm_bindgen(js_name = "cdnFile", unchecked_param_type = "Uint8Array | ArrayBuffer")] cdn_file: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object | string")] metadata: JsValue,
) -> Result<JsValue, JsValue> {
    const NAME: &str = "decryptFlowMedia";
    let file = body::bytes_of(&cdn_file, NAME, "cdnFile")?;
    let metadata = Document::read(&metadata, NAME, "metadata")?;
    let node = crate::json::parse(&metadata.text)
        .map_err(|_| Error::invalid_argument(format!("{NAME}: metadata must be JSON")))?;
    let keys = media::read_keys(&node)?;
    let digest = crypto::sha256(&file).await.map_err(|_| unavailable())?;
    if !signature::constant_time_eq(&digest, &keys.encrypted_hash) {
        return Err(media::integrity_error("the downloaded file's SHA-256").into());
    }
    let cut = media::ciphertext_len(file.length() as usize)
        .and_then(|cut| u32::try_from(cut).ok())
        .ok_or_else(|| media::integrity_error("the file's length"))?;
    let ciphertext = file.subarray(0, cut);
    let tag = file.subarray(cut, file.length()).to_vec();
    // The HMAC covers iv || ciphertext: joined in JavaScript memory.
    let signed = Uint8Array::new_with_length(keys.iv.len() as u32 + cut);
    signed.set(&crypto::js_bytes(&keys.iv), 0);
    signed.set(&ciphertext, keys.iv.len() as u32);
    let mac = crypto::hmac_sign(&keys.hmac_key, &signed).await.map_err(|_| unavailable())?;
    if !signature::constant_time_eq(mac.get(..media::HMAC_LEN).unwrap_or_default(), &tag) {
        return Err(media::integrity_error("the HMAC").into());
    }
    let plain = crypto::aes_cbc_decrypt_js(&keys.encryption_key, &keys.iv, &ciphertext)
        .await
        .map_err(|_| media::integrity_error("the padding"))?;
    let digest = crypto::sha256(&plain).await.map_err(|_| unavailable())?;
    if !signature::constant_time_eq(&digest, &keys.plaintext_hash) {
        return Err(media::integrity_error("the decrypted file's SHA-256").into());
    }
    Ok(Uint8Array::new(&plain.into()).into())
}

#[wasm_bindgen(typescript_custom_section)]
const RECEIVE_TYPES: &'static str = r#"
/** What every webhook event has: `raw` is its input, `path` where it was (a JSON Pointer). */
export interface WebhookEventBase {
  path: string;
  /** The change's `field` (e.g. "messages", "account_update"). */
  field?: string;
  /** The entry's id: the WhatsApp Business Account. */
  wabaId?: string;
  time?: number;
  phoneNumberId?: string;
  displayPhoneNumber?: string;
  raw: unknown;
  [key: string]: unknown;
}
/**
 * A user's profile from the change's `contacts`, matched to the event by
 * phone (`wa_id`), else by BSUID (`user_id`, then `parent_user_id`).
 * `waId` is absent for a user with a username; `userId` (the
 * business-scoped user id, `CC.<alphanumerics>`) is always sent.
 */
export interface WebhookContact {
  waId?: string;
  userId?: string;
  /** A parent BSUID (`CC.ENT.<alphanumerics>`), when enabled for the business. */
  parentUserId?: string;
  name?: string;
  username?: string;
  raw: unknown;
}
/** A message's `context` (replies, forwards), as Meta sends it. */
export interface WebhookContext {
  id?: string;
  from?: string;
  from_user_id?: string;
  from_parent_user_id?: string;
  forwarded?: boolean;
  frequently_forwarded?: boolean;
  [key: string]: unknown;
}
/**
 * A `system` message, as Meta sends it: `user_changed_number` (with the new
 * number in `wa_id`; `new_wa_id` in older payloads) or `user_changed_user_id`
 * (the BSUID changed; no phone number) with the previous and new ids.
 */
export interface WebhookSystem {
  body?: string;
  type?: "user_changed_number" | "user_changed_user_id" | (string & {});
  wa_id?: string;
  new_wa_id?: string;
  user_id?: string;
  parent_user_id?: string;
  previous_user_id?: string;
  previous_parent_user_id?: string;
  [key: string]: unknown;
}
/** An inbound message. */
export interface WebhookMessageEvent extends WebhookEventBase {
  type: "message";
  id?: string;
  /** The sender's phone number; absent for a user with a username. */
  from?: string;
  /** The sender's business-scoped user id (BSUID). */
  fromUserId?: string;
  /** The sender's parent BSUID, when enabled. */
  fromParentUserId?: string;
  /** The group, for a message sent in a group. */
  groupId?: string;
  timestamp?: string;
  /** Meta's message `type` ("text", "image", "interactive", "system", …). */
  messageType?: string;
  contact?: WebhookContact;
  context?: WebhookContext;
  referral?: Record<string, unknown>;
  errors?: unknown[];
  text?: string;
  media?: { id?: string; mimeType?: string; sha256?: string; caption?: string; filename?: string; voice?: boolean; animated?: boolean; url?: string };
  button?: { text?: string; payload?: string };
  reaction?: { messageId?: string; emoji?: string };
  reply?: { type: string; id?: string; title?: string; description?: string; name?: string; body?: string };
  /** A Flow completion's `response_json`, parsed. */
  flowResponse?: unknown;
  location?: Record<string, unknown>;
  contacts?: unknown[];
  order?: Record<string, unknown>;
  system?: WebhookSystem;
}
/** The `pricing` of a status, as Meta sends it (per-message pricing since 2025-07-01). */
export interface WebhookPricing {
  /** Deprecated by Meta with per-message pricing. */
  billable?: boolean;
  pricing_model?: "PMP" | "CBP" | (string & {});
  type?: "regular" | "free_customer_service" | "free_entry_point" | (string & {});
  category?: "authentication" | "authentication_international" | "marketing" | "marketing_lite" | "utility" | "service" | "referral_conversion" | (string & {});
  [key: string]: unknown;
}
/** The status of a message you sent. */
export interface WebhookStatusEvent extends WebhookEventBase {
  type: "status";
  id?: string;
  status?: "sent" | "delivered" | "read" | "failed" | "deleted" | "held_for_quality_assessment" | (string & {});
  /**
   * Whether the send failed (`status` "failed"). `held_for_quality_assessment`
   * is not a failure: Meta holds the message for early feedback, then sends
   * it, or drops it with a later "failed" status (132015).
   */
  failed: boolean;
  /** The recipient's phone number, or the group's id for a group; may be absent for a BSUID recipient. */
  recipientId?: string;
  recipientUserId?: string;
  recipientParentUserId?: string;
  recipientType?: "individual" | "group" | (string & {});
  /** The group member, for a group. */
  recipientParticipantId?: string;
  timestamp?: string;
  /** The recipient's profile, when the change lists one for it (`username` on delivered and read). */
  contact?: WebhookContact;
  conversation?: Record<string, unknown>;
  pricing?: WebhookPricing;
  errors?: { code?: number; title?: string; message?: string; error_data?: unknown; [key: string]: unknown }[];
  bizOpaqueCallbackData?: string;
}
/** An error about the whole change (`value.errors`). */
export interface WebhookErrorEvent extends WebhookEventBase {
  type: "error";
  code?: number;
  title?: string;
  message?: string;
  errorData?: unknown;
}
/** `account_update` (also the shape of `account_review`). */
export interface WebhookAccountUpdateEvent extends WebhookEventBase {
  type: "account_update" | "account_review";
  event?: "VOLUME_BASED_PRICING_TIER_UPDATE" | "AUTH_INTL_PRICE_ELIGIBILITY_UPDATE" | "ACCOUNT_VIOLATION" | "DISABLED_UPDATE" | (string & {});
  phoneNumber?: string;
  decision?: string;
  country?: string;
  banInfo?: { waba_ban_state?: string; waba_ban_date?: string; [key: string]: unknown };
  violationInfo?: { violation_type?: string; [key: string]: unknown };
  restrictionInfo?: unknown;
  wabaInfo?: { waba_id?: string; owner_business_id?: string; [key: string]: unknown };
  authInternationalRateEligibility?: { start_time?: number; exception_countries?: { country_code: string; start_time: number }[] };
  partnerClientCertificationInfo?: { client_business_id?: string; status?: string; rejection_reasons?: string[] };
  /** `VOLUME_BASED_PRICING_TIER_UPDATE` (from 2025-10-01): the new volume tier of a pricing category in a market. */
  volumeTierInfo?: { tier_update_time?: number; pricing_category?: string; tier?: string; effective_month?: string; region?: string };
}
/** `business_capability_update`: messaging and phone-number limits (-1: unlimited). */
export interface WebhookBusinessCapabilityEvent extends WebhookEventBase {
  type: "business_capability";
  /** Removed by Meta from February 2026: use maxDailyConversationsPerBusiness. */
  maxDailyConversationPerPhone?: number;
  maxDailyConversationsPerBusiness?: number | string;
  maxPhoneNumbersPerBusiness?: number;
  maxPhoneNumbersPerWaba?: number;
}
/** The other updates: templates, phone numbers, account alerts, Flows; `unknown` for fields or shapes not recognised. */
export interface WebhookOtherEvent extends WebhookEventBase {
  type: "template_status" | "template_category" | "template_quality" | "phone_number_name" | "phone_number_quality"
    | "account_alert" | "flow" | "unknown";
}
/** One message, status or update of a webhook body; narrow on `type`. */
export type WebhookEvent = WebhookMessageEvent | WebhookStatusEvent | WebhookErrorEvent | WebhookAccountUpdateEvent
  | WebhookBusinessCapabilityEvent | WebhookOtherEvent;
/** What `parseWebhook` returns. */
export interface WebhookResult { object?: string; events: WebhookEvent[]; issues: Issue[] }
/** A decrypted Flow data-endpoint request (Meta's field names). */
export interface FlowEndpointRequest {
  version: string;
  action: "INIT" | "BACK" | "data_exchange" | "navigate" | string;
  screen?: string;
  data?: Record<string, unknown>;
  flow_token: string;
  flow_token_signature?: string;
}
/** A handler's answer: the next screen and its data, or `SUCCESS`. */
export interface FlowEndpointResponse { screen: string; data?: Record<string, unknown>; version?: string }
/** What the endpoint verified about a request, passed to the handler beside it. */
export interface FlowEndpointContext {
  /**
   * The claims of the request's `flow_token_signature` (an HS256 JWT), once
   * its MAC verified with the app secret and a claim matched the request's
   * `flow_token`; undefined when no signature was checked.
   */
  flowTokenClaims?: Record<string, unknown>;
}
/** Options of `createFlowEndpoint`. */
export interface FlowEndpointOptions {
  /** RSA private key, PEM: PKCS#8, PKCS#1, or encrypted PKCS#8 (with `passphrase`). */
  privateKey: string;
  passphrase?: string;
  /** Checks `X-Hub-Signature-256` (432 when wrong) and `flow_token_signature`; several during a rotation. */
  appSecret?: string | string[];
  /** The Flow JSON: answers are checked against its screens and declared data. */
  flow?: object | string;
  /**
   * Refuse (432) a request to the handler that carries no `flow_token_signature`.
   * Needs `appSecret`. Default: true when `appSecret` is given and `flow` declares
   * `data_api_version` 4.0 or later, else false.
   */
  requireFlowTokenSignature?: boolean;
  /** Request bodies over this many bytes are answered 413 unread (default 1,048,576). */
  maxBodyBytes?: number;
  /** Answers a decrypted request (INIT, data_exchange, BACK, navigate): `{ screen, data }`; throw `flowTokenExpired()` to answer 427. */
  handler: (request: FlowEndpointRequest, context: FlowEndpointContext) => FlowEndpointResponse | Promise<FlowEndpointResponse>;
  /** Called with the error notifications WhatsApp sends (`data.error`): the endpoint acknowledges them itself and the handler does not see them; a throwing observer does not change the answer. */
  onErrorNotification?: (request: FlowEndpointRequest) => void | Promise<void>;
}
"#;
