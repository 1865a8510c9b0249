//! Where requests leave: `fetch` (the global one or the caller's) through the
//! one-call JavaScript half in `fetch.js`, a timeout through
//! `AbortSignal.timeout`, retries as [`RetryPolicy`] allows, an optional
//! observer, and the credentials added here — and scrubbed from anything a
//! server or runtime sends back — so they appear in no error, event or log.

use crate::api::auth::Credentials;
use crate::api::retry::RetryPolicy;
use crate::api::{FormValue, Request, Response};
use crate::error::code;
use crate::Error;
use js_sys::{Array, Function, Object, Promise, Reflect};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/wasm/fetch.js")]
extern "C" {
    #[wasm_bindgen(js_name = attempt)]
    fn js_attempt(
        fetch: &JsValue,
        method: &str,
        url: &str,
        headers: &Array,
        body: &JsValue,
        timeout_ms: u32,
        download: bool,
    ) -> Promise;
    #[wasm_bindgen(js_name = formData)]
    fn js_form_data(parts: &Array, file: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = sleep)]
    fn js_sleep(ms: u32) -> Promise;
}

/// A client's connection settings.
pub struct Transport {
    /// Who the client is (headers or query parameters), and what to scrub.
    pub credentials: Credentials,
    /// The caller's `fetch`, else the global one.
    pub fetch: Option<Function>,
    /// Per-attempt time limit (0: none).
    pub timeout_ms: u32,
    /// When to retry.
    pub retry: RetryPolicy,
    /// The caller's `sleep(ms) => Promise` (tests pass a fake clock), else `setTimeout`.
    pub sleep: Option<Function>,
    /// Called with `{ method, url, attempt, status?, error?, retryInMs? }` after every attempt.
    pub on_request: Option<Function>,
    /// The API's failed responses as errors (Meta's error object, or a provider's body).
    pub errors: fn(&Response) -> Error,
}

fn set(object: &Object, key: &str, value: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

/// What one attempt gave: a 2xx answer's content, or an error to retry or report.
enum Outcome {
    Success(u16, JsValue),
    Failure(Error),
}

impl Transport {
    /// Makes `request`, retrying as allowed; the parsed JSON of a 2xx answer
    /// (a `Uint8Array` for a download), or the error. `attachment` is the
    /// file of a multipart request's file field.
    pub async fn call(&self, request: &Request, attachment: Option<&JsValue>) -> Result<JsValue, Error> {
        let (mut retries, mut waited) = (0u32, 0u32);
        loop {
            let error = match self.attempt(request, attachment).await {
                Outcome::Success(status, content) => {
                    self.observe(request, retries, Some(status), None, None);
                    return Ok(content);
                }
                Outcome::Failure(error) => error,
            };
            let error = self.credentials.scrub_error(error);
            let delay =
                self.retry.next_delay(&error, request.idempotent, retries, waited, js_sys::Math::random());
            self.observe(request, retries, error.status, Some(error.code), delay);
            let Some(delay) = delay else { return Err(error) };
            self.sleep(delay).await;
            waited = waited.saturating_add(delay);
            retries += 1;
        }
    }

    async fn attempt(&self, request: &Request, attachment: Option<&JsValue>) -> Outcome {
        let content_type = request.body.as_ref().map(|_| ("Content-Type", "application/json".to_owned()));
        let headers: Array = self
            .credentials
            .headers()
            .iter()
            .chain(&request.headers)
            .chain(&content_type)
            .map(|(name, value)| Array::of2(&JsValue::from_str(name), &JsValue::from_str(value)))
            .collect();
        let body = match (&request.body, request.form.is_empty()) {
            (Some(body), _) => JsValue::from_str(body),
            // FormData writes the multipart body and its Content-Type with the boundary.
            (None, false) => js_form_data(&form_parts(request), attachment.unwrap_or(&JsValue::UNDEFINED)),
            (None, true) => JsValue::UNDEFINED,
        };
        let fetch = self.fetch.as_ref().map_or(JsValue::UNDEFINED, |f| f.clone().into());
        let url = self.credentials.url(&request.url, request.body.is_some() || !request.form.is_empty());
        let promise =
            js_attempt(&fetch, request.method, &url, &headers, &body, self.timeout_ms, request.download);
        let answer = JsFuture::from(promise).await.unwrap_or(JsValue::UNDEFINED);
        let answer: &Array = answer.unchecked_ref();
        let status = answer.get(0).as_f64().unwrap_or(0.0) as u16;
        let note = answer.get(1).as_string();
        let content = answer.get(2);
        match (status, note.as_deref()) {
            (_, Some("redirect")) => {
                let message = format!(
                    "HTTP {status}: the server answered with a redirect, which requests carrying \
                     credentials never follow (set baseUrl to the final address)"
                );
                let error = Error::new(code::INVALID_RESPONSE, message);
                Outcome::Failure(Error {
                    status: Some(status).filter(|s| *s != 0),
                    retryable: Some(false),
                    ..error
                })
            }
            (0, Some("timeout")) => {
                let message = format!("no response within {} ms", self.timeout_ms);
                Outcome::Failure(Error { retryable: Some(true), ..Error::new(code::TIMEOUT, message) })
            }
            (0, _) => {
                let said = content.as_string().unwrap_or_default();
                let message = format!("the request did not complete: {said}");
                Outcome::Failure(Error { retryable: Some(true), ..Error::new(code::NETWORK_ERROR, message) })
            }
            (200..=299, Some("json" | "bytes")) => Outcome::Success(status, content),
            (200..=299, _) => {
                let message = format!("HTTP {status} with a body that is not JSON");
                let error = Error::new(code::INVALID_RESPONSE, message);
                Outcome::Failure(Error { status: Some(status), retryable: Some(false), ..error })
            }
            _ => {
                let body = content.as_string().unwrap_or_default();
                Outcome::Failure((self.errors)(&Response { status, retry_after: note, body }))
            }
        }
    }

    async fn sleep(&self, ms: u32) {
        let promise = match &self.sleep {
            Some(sleep) => {
                sleep.call1(&JsValue::UNDEFINED, &JsValue::from(ms)).ok().and_then(|p| p.dyn_into().ok())
            }
            None => Some(js_sleep(ms)),
        };
        if let Some(promise) = promise {
            let _ = JsFuture::from(promise).await;
        }
    }

    fn observe(
        &self,
        request: &Request,
        attempt: u32,
        status: Option<u16>,
        error: Option<&str>,
        retry_in: Option<u32>,
    ) {
        let Some(hook) = &self.on_request else { return };
        let event = Object::new();
        set(&event, "method", &JsValue::from_str(request.method));
        // The request's own URL: credentials sent as query parameters are not in it.
        set(&event, "url", &JsValue::from_str(&request.url));
        set(&event, "attempt", &JsValue::from(attempt + 1));
        if let Some(status) = status {
            set(&event, "status", &JsValue::from(status));
        }
        if let Some(error) = error {
            set(&event, "error", &JsValue::from_str(error));
        }
        if let Some(delay) = retry_in {
            set(&event, "retryInMs", &JsValue::from(delay));
        }
        // An observer that throws must not break the call.
        let _ = hook.call1(&JsValue::UNDEFINED, &event);
    }
}

/// A promise of `request` made with `transport` (rejected at once when
/// building it failed: nothing is sent), resolving to the answer's JSON.
pub fn spawn(
    transport: &Rc<Transport>,
    request: Result<Request, Error>,
    attachment: Option<JsValue>,
) -> Promise {
    let transport = Rc::clone(transport);
    wasm_bindgen_futures::future_to_promise(async move {
        let request = request?;
        transport.call(&request, attachment.as_ref()).await.map_err(JsValue::from)
    })
}

/// The parts of a multipart body as `fetch.js` takes them.
fn form_parts(request: &Request) -> Array {
    request
        .form
        .iter()
        .map(|part| {
            let name = JsValue::from_str(part.name);
            JsValue::from(match &part.value {
                FormValue::Text(text) => Array::of2(&name, &JsValue::from_str(text)),
                FormValue::File { filename, content_type } => Array::of4(
                    &name,
                    &JsValue::NULL,
                    &JsValue::from_str(filename),
                    &JsValue::from_str(content_type),
                ),
            })
        })
        .collect()
}
