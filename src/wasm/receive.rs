//! Receiving, for JavaScript: `verifyWebhookSignature`, `webhookChallenge`,
//! `parseWebhook` and `decryptFlowMedia` (the Flow endpoint is in
//! `flow_endpoint`). Adapters only: the logic is in `crate::webhook` and
//! `crate::flow_endpoint`; the crypto is WebCrypto (`super::crypto`).

use super::convert::{self, Document};
use super::crypto;
use crate::flow_endpoint::{self, media};
use crate::webhook::{self, signature};
use crate::Error;
use js_sys::{ArrayBuffer, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The bytes of a body given as a string (UTF-8), `Uint8Array` (or any
/// `ArrayBuffer` view) or `ArrayBuffer`.
pub fn bytes(value: &JsValue, function: &str, name: &str) -> Result<Vec<u8>, Error> {
    if value.is_string() {
        return Ok(convert::utf8(value).unwrap_or_default().into_bytes());
    }
    if let Some(array) = value.dyn_ref::<Uint8Array>() {
        return Ok(array.to_vec());
    }
    if value.is_instance_of::<ArrayBuffer>() {
        return Ok(Uint8Array::new(value).to_vec());
    }
    if ArrayBuffer::is_view(value) {
        let get = |key: &str| Reflect::get(value, &JsValue::from_str(key)).unwrap_or_default();
        let number = |key: &str| get(key).as_f64().unwrap_or(0.0) as u32;
        let buffer = get("buffer");
        return Ok(Uint8Array::new_with_byte_offset_and_length(
            &buffer,
            number("byteOffset"),
            number("byteLength"),
        )
        .to_vec());
    }
    Err(Error::invalid_argument(format!(
        "{function}: {name} must be a string, Uint8Array or ArrayBuffer, got {}",
        convert::type_name(value)
    )))
}

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
/// under one of `secrets`, checked by WebCrypto's constant-time `verify`.
pub async fn signature_valid(body: &[u8], header: &JsValue, secrets: &[String]) -> Result<bool, Error> {
    let Some(mac) = header.as_string().as_deref().and_then(signature::parse_header) else { return Ok(false) };
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
/// missing or malformed header is `false`.
#[wasm_bindgen(js_name = verifyWebhookSignature, unchecked_return_type = "boolean")]
pub async fn verify_webhook_signature(
    #[wasm_bindgen(js_name = "rawBody", unchecked_param_type = "string | Uint8Array | ArrayBuffer")] raw_body: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | null | undefined")] header: JsValue,
    #[wasm_bindgen(js_name = "appSecret", unchecked_param_type = "string | string[]")] app_secret: JsValue,
) -> Result<JsValue, JsValue> {
    const NAME: &str = "verifyWebhookSignature";
    let body = bytes(&raw_body, NAME, "rawBody")?;
    let secrets = secrets(&app_secret, NAME, "appSecret")?;
    Ok(JsValue::from(signature_valid(&body, &header, &secrets).await?))
}

/// The GET subscription handshake: given the request (or its URL) and your
/// verify token(s), the `hub.challenge` to answer with status 200, or `null`
/// (answer 403) when it is not a subscription request with a matching token.
#[wasm_bindgen(js_name = webhookChallenge, unchecked_return_type = "string | null")]
pub fn webhook_challenge(
    #[wasm_bindgen(unchecked_param_type = "Request | URL | string")] request: JsValue,
    #[wasm_bindgen(js_name = "verifyToken", unchecked_param_type = "string | string[]")]
    verify_token: JsValue,
) -> Result<JsValue, JsValue> {
    const NAME: &str = "webhookChallenge";
    let tokens = secrets(&verify_token, NAME, "verifyToken")?;
    let url = request.as_string().or_else(|| {
        ["url", "href"]
            .iter()
            .find_map(|key| Reflect::get(&request, &JsValue::from_str(key)).ok()?.as_string())
    });
    let url = url.ok_or_else(|| {
        Error::invalid_argument(format!("{NAME}: request must be a Request, a URL or a string"))
    })?;
    Ok(signature::subscription_challenge(&url, &tokens).map_or(JsValue::NULL, |challenge| challenge.into()))
}

/// Parses a webhook POST body (text, bytes or the parsed object) into
/// `{ object?, events, issues }`. Never throws on JSON: every message,
/// status and update is an event with its `raw` input and `path`; anything
/// unrecognised is an `unknown` event, so nothing is dropped.
#[wasm_bindgen(js_name = parseWebhook, unchecked_return_type = "WebhookResult")]
pub fn parse_webhook(
    #[wasm_bindgen(unchecked_param_type = "string | object | Uint8Array | ArrayBuffer")] body: JsValue,
) -> Result<JsValue, JsValue> {
    const NAME: &str = "parseWebhook";
    let text = if body.is_string() || !body.is_object() || js_sys::Array::is_array(&body) {
        Document::read(&body, NAME, "body")?.text
    } else {
        match bytes(&body, NAME, "body") {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
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
/// `media_integrity` on any mismatch.
#[wasm_bindgen(js_name = decryptFlowMedia, unchecked_return_type = "Uint8Array")]
pub async fn decrypt_flow_media(
    #[wasm_bindgen(js_name = "cdnFile", unchecked_param_type = "Uint8Array | ArrayBuffer")] cdn_file: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object | string")] metadata: JsValue,
) -> Result<JsValue, JsValue> {
    const NAME: &str = "decryptFlowMedia";
    let file = bytes(&cdn_file, NAME, "cdnFile")?;
    let metadata = Document::read(&metadata, NAME, "metadata")?;
    let node = crate::json::parse(&metadata.text)
        .map_err(|_| Error::invalid_argument(format!("{NAME}: metadata must be JSON")))?;
    let keys = media::read_keys(&node)?;
    let digest = crypto::sha256(&file).await.map_err(|_| unavailable())?;
    if !signature::constant_time_eq(&digest, &keys.encrypted_hash) {
        return Err(media::integrity_error("the downloaded file's SHA-256").into());
    }
    let (ciphertext, tag) = media::split(&file).ok_or_else(|| media::integrity_error("the file's length"))?;
    let signed = [keys.iv.as_slice(), ciphertext].concat();
    let mac = crypto::hmac_sign(&keys.hmac_key, &signed).await.map_err(|_| unavailable())?;
    if !signature::constant_time_eq(mac.get(..media::HMAC_LEN).unwrap_or_default(), tag) {
        return Err(media::integrity_error("the HMAC").into());
    }
    let plain = crypto::aes_cbc_decrypt(&keys.encryption_key, &keys.iv, ciphertext)
        .await
        .map_err(|_| media::integrity_error("the padding"))?;
    let digest = crypto::sha256(&plain).await.map_err(|_| unavailable())?;
    if !signature::constant_time_eq(&digest, &keys.plaintext_hash) {
        return Err(media::integrity_error("the decrypted file's SHA-256").into());
    }
    Ok(Uint8Array::from(plain.as_slice()).into())
}

#[wasm_bindgen(typescript_custom_section)]
const RECEIVE_TYPES: &'static str = r#"
/** One message, status or update of a webhook body; `raw` is its input, `path` where it was. */
export interface WebhookEvent {
  type: "message" | "status" | "error" | "template_status" | "template_category" | "template_quality"
    | "phone_number_name" | "phone_number_quality" | "account_update" | "account_review" | "account_alert"
    | "flow" | "unknown";
  path: string;
  field?: string;
  wabaId?: string;
  time?: number;
  phoneNumberId?: string;
  displayPhoneNumber?: string;
  raw: unknown;
  [key: string]: unknown;
}
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
/** Options of `createFlowEndpoint`. */
export interface FlowEndpointOptions {
  /** RSA private key, PEM: PKCS#8, PKCS#1, or encrypted PKCS#8 (with `passphrase`). */
  privateKey: string;
  passphrase?: string;
  /** Checks `X-Hub-Signature-256` (432 when wrong); several during a rotation. */
  appSecret?: string | string[];
  /** The Flow JSON: answers are checked against its screens and declared data. */
  flow?: object | string;
  handler: (request: FlowEndpointRequest) => FlowEndpointResponse | Promise<FlowEndpointResponse>;
  onErrorNotification?: (request: FlowEndpointRequest) => void | Promise<void>;
}
"#;
