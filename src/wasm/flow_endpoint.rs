//! `createFlowEndpoint`: a `(Request) => Promise<Response>` serving a
//! WhatsApp Flow data endpoint (REFERENCE §4) on WebCrypto, and
//! `flowTokenExpired`, the error a handler throws to answer 427.

use super::body::{self, Read};
use super::convert::{self, Document};
use super::crypto;
use super::object::{get, set};
use super::receive::{self, unavailable};
use crate::base64;
use crate::flow_endpoint::answer::{self, Screens};
use crate::flow_endpoint::pem::{self, SecretBytes};
use crate::flow_endpoint::token::{self, Step};
use crate::flow_endpoint::{self as core, code, RequestKind};
use crate::Error;
use js_sys::{Function, Object, Promise};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::CryptoKey;

/// One endpoint's configuration; the imported key is cached after the first request.
struct Endpoint {
    /// The key as read from PEM, until WebCrypto has imported it: then dropped (and zeroed).
    key: RefCell<Option<pem::PrivateKey>>,
    /// The key's passphrase, dropped with the key.
    passphrase: RefCell<Option<SecretBytes>>,
    imported: RefCell<Option<CryptoKey>>,
    secrets: Vec<String>,
    /// Whether a request to the handler must carry a `flow_token_signature`.
    require_signature: bool,
    max_body_bytes: u32,
    screens: Option<Screens>,
    handler: Function,
    on_error_notification: Option<Function>,
}

fn function(value: JsValue, name: &str) -> Result<Option<Function>, Error> {
    if value.is_undefined() {
        return Ok(None);
    }
    value.dyn_into::<Function>().map(Some).map_err(|_| {
        Error::invalid_argument(format!("createFlowEndpoint: options.{name} must be a function"))
    })
}

/// Serves a Flow data endpoint: answers 413 to a body over `maxBodyBytes`
/// (default 1 MiB) without taking it into wasm memory, checks
/// `X-Hub-Signature-256` when `appSecret` is given (432) — and then a
/// request's `flow_token_signature` too (an HS256 JWT, data_api_version 4.0:
/// its MAC, that it names this request's `flow_token`, and its `exp`/`nbf`/`iat`;
/// 432) — decrypts (421 on any failure), answers pings and error
/// notifications itself, calls `handler(request, { flowTokenClaims })` for
/// the rest and encrypts its answer; a handler throwing `flowTokenExpired()`
/// answers 427. With `flow` (the Flow JSON), an answer naming an unknown
/// screen or lacking declared data rejects with `validation_failed`.
///
/// @example
/// ```ts
/// const endpoint = createFlowEndpoint({ privateKey: env.FLOW_PRIVATE_KEY, appSecret: env.APP_SECRET,
///   handler: async (request) => ({ screen: "CONFIRM", data: {} }) });
/// export default { fetch: (request: Request) => endpoint(request) };
/// ```
#[wasm_bindgen(js_name = createFlowEndpoint, unchecked_return_type = "(request: Request) => Promise<Response>")]
pub fn create_flow_endpoint(
    #[wasm_bindgen(unchecked_param_type = "FlowEndpointOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    const NAME: &str = "createFlowEndpoint";
    if !options.is_object() {
        return Err(Error::invalid_argument(format!("{NAME}: options must be an object")).into());
    }
    const KNOWN: [&str; 8] = [
        "privateKey",
        "passphrase",
        "appSecret",
        "flow",
        "requireFlowTokenSignature",
        "maxBodyBytes",
        "handler",
        "onErrorNotification",
    ];
    for key in Object::keys(options.unchecked_ref::<Object>()).iter().filter_map(|key| key.as_string()) {
        if !KNOWN.contains(&key.as_str()) {
            return Err(Error::invalid_argument(format!("{NAME}: unknown option \"{key}\"")).into());
        }
    }
    let pem_text = convert::string(&get(&options, "privateKey"), NAME, "options.privateKey")?;
    let key = pem::read(&pem_text);
    // The PEM text is the key too: zeroed once read.
    drop(SecretBytes::new(pem_text.into_bytes()));
    let key = key?;
    let passphrase = get(&options, "passphrase");
    let passphrase = if passphrase.is_undefined() {
        None
    } else {
        Some(SecretBytes::new(convert::string(&passphrase, NAME, "options.passphrase")?.into_bytes()))
    };
    if matches!(key, pem::PrivateKey::Encrypted(_)) && passphrase.is_none() {
        let message = "createFlowEndpoint: the private key is encrypted; pass options.passphrase";
        return Err(Error::new(code::PASSPHRASE_REQUIRED, message).into());
    }
    let secrets = match get(&options, "appSecret") {
        value if value.is_undefined() => Vec::new(),
        value => receive::secrets(&value, NAME, "options.appSecret")?,
    };
    let (screens, flow_signs) = match get(&options, "flow") {
        value if value.is_undefined() => (None, false),
        value => {
            let flow = Document::read(&value, NAME, "options.flow")?;
            let node = crate::json::parse(&flow.text)
                .map_err(|_| Error::invalid_argument(format!("{NAME}: options.flow is not valid JSON")))?;
            (Some(Screens::read(&node)), token::signed_by_default(&node))
        }
    };
    let require_signature = match get(&options, "requireFlowTokenSignature") {
        value if value.is_undefined() || value.is_null() => flow_signs && !secrets.is_empty(),
        value => value.as_bool().ok_or_else(|| {
            Error::invalid_argument(format!(
                "{NAME}: options.requireFlowTokenSignature must be true or false"
            ))
        })?,
    };
    if require_signature && secrets.is_empty() {
        return Err(Error::invalid_argument(format!(
            "{NAME}: requireFlowTokenSignature needs options.appSecret (the signature is checked with it)"
        ))
        .into());
    }
    let max_body_bytes =
        body::limit_of(&get(&options, "maxBodyBytes"), NAME, crate::body::FLOW_ENDPOINT_DEFAULT)?;
    let handler = function(get(&options, "handler"), "handler")?.ok_or_else(|| {
        Error::invalid_argument(format!("{NAME}: options.handler (a function) is required"))
    })?;
    let on_error_notification = function(get(&options, "onErrorNotification"), "onErrorNotification")?;
    let endpoint = Rc::new(Endpoint {
        key: RefCell::new(Some(key)),
        passphrase: RefCell::new(passphrase),
        imported: RefCell::new(None),
        secrets,
        require_signature,
        max_body_bytes,
        screens,
        handler,
        on_error_notification,
    });
    let serve = Closure::<dyn Fn(JsValue) -> Promise>::new(move |request: JsValue| {
        let endpoint = Rc::clone(&endpoint);
        future_to_promise(async move { endpoint.serve(request).await })
    });
    Ok(serve.into_js_value())
}

/// The error a Flow endpoint handler throws when the flow token is no longer
/// valid: the endpoint answers 427 with `{ "error_msg": message }`, which
/// WhatsApp shows the user before closing the Flow.
///
/// @example
/// ```ts
/// if (await isStale(request.flow_token)) throw flowTokenExpired("This link has expired.");
/// ```
#[wasm_bindgen(js_name = flowTokenExpired, unchecked_return_type = "Error")]
pub fn flow_token_expired(
    #[wasm_bindgen(unchecked_optional_param_type = "string")] message: JsValue,
) -> JsValue {
    let message = message.as_string().unwrap_or_else(|| "This flow is no longer available.".to_owned());
    Error::new(code::FLOW_TOKEN_EXPIRED, message).into()
}

/// The endpoint's answer: `body` (none when empty) with its status and content type.
///
/// Built with gloo-net's `ResponseBuilder` on its safe path only: its
/// `Headers::set` unwraps, which cannot fail for this constant name and
/// these constant values, and `body` maps a throw of the `Response`
/// constructor through an `unreachable!` unless it is an `Error` — it
/// throws only `TypeError`s/`RangeError`s, and only for statuses outside
/// 200–599 or a body with a 1xx/204/205/304 status, which these are not.
fn respond(status: u16, body: &str) -> Result<JsValue, JsValue> {
    let content_type = if status == 427 { "application/json" } else { "text/plain" };
    let body = Some(body).filter(|body| !body.is_empty());
    gloo_net::http::Response::builder()
        .status(status)
        .header("content-type", content_type)
        .body(body)
        .map(|response| web_sys::Response::from(response).into())
        .map_err(|_| {
            Error::new(crate::error::code::INVALID_RESPONSE, "the runtime's Response refused the answer")
                .into()
        })
}

async fn settle(value: JsValue) -> Result<JsValue, JsValue> {
    JsFuture::from(Promise::resolve(&value)).await
}

impl Endpoint {
    async fn serve(&self, request: JsValue) -> Result<JsValue, JsValue> {
        if get(&request, "method").as_string().is_some_and(|method| method != "POST") {
            return respond(405, "");
        }
        if !body::is_request(&request) {
            return Err(Error::invalid_argument("a Flow endpoint takes a Request").into());
        }
        // Counted in JavaScript: nothing enters wasm memory before the cap
        // and the signature are checked (wasm memory never shrinks).
        let body = match body::read(&request, self.max_body_bytes).await {
            Ok(Read::Bytes(body)) => body,
            Ok(Read::TooLarge) => return respond(413, ""),
            Err(_) => return respond(400, ""),
        };
        if !self.secrets.is_empty() {
            let header = body::header(&request, "x-hub-signature-256");
            if !receive::signature_valid(&body, header.as_deref(), &self.secrets).await? {
                return respond(432, "");
            }
        }
        let body = body.to_vec();
        let Some(envelope) = core::read_envelope(&body) else { return respond(421, "") };
        let key = self.private_key().await?;
        let Some((aes_key, plaintext)) = decrypt(&key, &envelope).await else { return respond(421, "") };
        let Some(kind) = core::classify(&plaintext) else { return respond(421, "") };
        let answer = match kind {
            RequestKind::Ping => core::PING_RESPONSE.to_owned(),
            RequestKind::ErrorNotification => {
                if let Some(notify) = &self.on_error_notification {
                    let parsed = js_sys::JSON::parse(&plaintext).unwrap_or(JsValue::NULL);
                    // A failing observer must not turn an acknowledgement into an error.
                    let _ = settle(notify.call1(&JsValue::UNDEFINED, &parsed).unwrap_or(JsValue::UNDEFINED))
                        .await;
                }
                core::ACKNOWLEDGED_RESPONSE.to_owned()
            }
            RequestKind::Exchange => {
                let Some(claims) = self.verified_claims(&plaintext).await? else {
                    return respond(432, "");
                };
                match self.exchange(&plaintext, claims).await {
                    Ok(answer) => answer,
                    Err(Thrown::Expired(message)) => return respond(427, &core::expired_body(&message)),
                    Err(Thrown::Rejected(error)) => return Err(error),
                }
            }
        };
        let flipped = core::flip(&envelope.iv);
        let sealed = crypto::aes_gcm_encrypt(&aes_key, &flipped, answer.as_bytes())
            .await
            .map_err(|_| unavailable())?;
        respond(200, &base64::encode(&sealed))
    }

    /// The request's `flow_token_signature` checked as `token::first_step`
    /// says: `None` when it does not vouch for this request (432), else the
    /// verified claims as an object, or `undefined` when nothing was checked.
    async fn verified_claims(&self, plaintext: &str) -> Result<Option<JsValue>, Error> {
        let (jwt, flow_token) =
            match token::first_step(plaintext, !self.secrets.is_empty(), self.require_signature) {
                Step::Skip => return Ok(Some(JsValue::UNDEFINED)),
                Step::Refuse(_) => return Ok(None),
                Step::Verify { token, flow_token } => (token, flow_token),
            };
        let signed = crypto::js_bytes(jwt.signed.as_bytes());
        let mut valid = false;
        // Every secret is tried, so the time taken does not tell which one matched.
        for secret in &self.secrets {
            valid |=
                crypto::hmac_verify(secret.as_bytes(), &jwt.mac, &signed).await.map_err(|_| unavailable())?;
        }
        // The clock is read here, at request time; the core takes it as a number.
        let now = (js_sys::Date::now() / 1000.0).floor() as i64;
        if !valid || token::bind(&jwt.claims, &flow_token, now).is_err() {
            return Ok(None);
        }
        // Strict RFC 8259 text that the core read as an object: JSON.parse cannot fail.
        Ok(Some(js_sys::JSON::parse(&jwt.claims).unwrap_or(JsValue::UNDEFINED)))
    }

    /// The handler's answer as JSON text, checked. `claims` (verified, or
    /// `undefined`) reach it as `{ flowTokenClaims }`.
    async fn exchange(&self, plaintext: &str, claims: JsValue) -> Result<String, Thrown> {
        let request = js_sys::JSON::parse(plaintext).unwrap_or(JsValue::NULL);
        let context = Object::new();
        if !claims.is_undefined() {
            set(&context, "flowTokenClaims", &claims);
        }
        let called = self.handler.call2(&JsValue::UNDEFINED, &request, &context);
        let answer = match called {
            Ok(value) => settle(value).await,
            Err(thrown) => Err(thrown),
        };
        let answer = answer.map_err(|thrown| {
            if get(&thrown, "code").as_string().as_deref() == Some(code::FLOW_TOKEN_EXPIRED) {
                Thrown::Expired(get(&thrown, "message").as_string().unwrap_or_default())
            } else {
                // The handler's own error, untouched: it is the caller's to read.
                Thrown::Rejected(thrown)
            }
        })?;
        let failed = |error: Error| Thrown::Rejected(error.into());
        let text = convert::json_text(&answer, "the Flow endpoint handler", "its answer")
            .map_err(failed)?
            .ok_or_else(|| failed(Error::invalid_argument("the Flow endpoint handler returned nothing")))?;
        let node =
            crate::json::parse(&text).map_err(|issue| failed(Error::validation_failed(vec![issue])))?;
        let issues = match &self.screens {
            Some(screens) => screens.check(&node),
            None => answer::shape(&node),
        };
        if issues.is_empty() {
            Ok(text)
        } else {
            Err(failed(Error::validation_failed(issues)))
        }
    }

    /// The RSA key, imported (and decrypted with the passphrase) on first
    /// use. Once WebCrypto holds it (non-extractable), the PEM-derived key
    /// and the passphrase are dropped and zeroed; until then each first
    /// request works on its own copy, so concurrent first requests and a
    /// failed import (a wrong passphrase) leave the stored key in place.
    async fn private_key(&self) -> Result<CryptoKey, Error> {
        if let Some(key) = self.imported.borrow().as_ref() {
            return Ok(key.clone());
        }
        // `imported` is set in the same step the key is taken, so a missing
        // key here cannot happen; an error beats a trap if it ever did.
        let key = self.key.borrow().clone().ok_or_else(unavailable)?;
        let pkcs8 = match key {
            pem::PrivateKey::Pkcs8(der) => der,
            pem::PrivateKey::Encrypted(encrypted) => {
                let passphrase =
                    self.passphrase.borrow().clone().unwrap_or_else(|| SecretBytes::new(Vec::new()));
                let length = encrypted.cipher.key_len();
                let derived = crypto::pbkdf2(
                    passphrase.as_slice(),
                    &encrypted.salt,
                    encrypted.iterations,
                    encrypted.prf.name(),
                    length,
                )
                .await
                .map_err(|_| unavailable())?;
                let derived = SecretBytes::new(derived);
                match encrypted.cipher {
                    crate::flow_endpoint::der::Cipher::DesEde3Cbc => {
                        pem::decrypt_des(&encrypted, derived.as_slice())?
                    }
                    crate::flow_endpoint::der::Cipher::AesCbc(_) => pem::check_decrypted(SecretBytes::new(
                        crypto::aes_cbc_decrypt(derived.as_slice(), &encrypted.iv, &encrypted.data)
                            .await
                            .map_err(|_| pem::wrong_passphrase())?,
                    ))?,
                }
            }
        };
        let key = crypto::rsa_oaep_key(pkcs8.as_slice()).await.map_err(|_| {
            Error::new(code::INVALID_PRIVATE_KEY, "privateKey: WebCrypto cannot import it as an RSA-OAEP key")
        })?;
        drop(pkcs8);
        *self.imported.borrow_mut() = Some(key.clone());
        self.key.borrow_mut().take();
        self.passphrase.borrow_mut().take();
        Ok(key)
    }
}

/// Unwraps the AES key and decrypts the request; `None` for any failure (421).
async fn decrypt(key: &CryptoKey, envelope: &core::Envelope) -> Option<(CryptoKey, String)> {
    let raw = crypto::rsa_oaep_decrypt(key, &envelope.aes_key).await.ok().filter(|raw| raw.len() == 16)?;
    let aes_key = crypto::aes_key("AES-GCM", &raw, &["encrypt", "decrypt"]).await.ok()?;
    let plain = crypto::aes_gcm_decrypt(&aes_key, &envelope.iv, &envelope.flow_data).await.ok()?;
    Some((aes_key, String::from_utf8(plain).ok()?))
}

/// How a handler call ended when it did not answer.
enum Thrown {
    Expired(String),
    Rejected(JsValue),
}
