//! Where requests leave. Each request is built here with web-sys's typed
//! `RequestInit`, `Headers` (which refuse CR/LF), `FormData` and `Blob`,
//! with `redirect: "manual"` and the credentials added — and scrubbed from
//! anything a server or runtime sends back, so they appear in no error,
//! event or log. Every attempt goes through the one fetch binding,
//! `fetch.js`, which calls the caller's `fetch` or the global one and aborts
//! it through an `AbortSignal` after `timeoutMs`.
//!
//! Two drivers share that binding and the outcome mapping below.
//! [`Link::spawn`] hands the attempt to JavaScript, which calls back into
//! wasm only when it did not end in a 2xx JSON answer: the common case runs
//! no Rust future and its answer is never copied into wasm.
//! [`Transport::call`] awaits each attempt in Rust, for callers that
//! post-process the answer and for clients with an `onRequest` observer
//! (which hears about successes too). Retries follow [`RetryPolicy`] in both.

use super::object::set;
use crate::api::auth::Credentials;
use crate::api::retry::RetryPolicy;
use crate::api::{FormValue, Request, Response};
use crate::error::code;
use crate::Error;
use js_sys::{Array, Function, Object, Promise};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::{Blob, BlobPropertyBag, FormData, Headers, RequestInit, RequestRedirect};

#[wasm_bindgen(module = "/src/wasm/fetch.js")]
extern "C" {
    #[wasm_bindgen(js_name = attempt)]
    fn js_attempt(
        fetch: &JsValue,
        url: &str,
        init: &RequestInit,
        timeout_ms: u32,
        download: bool,
        idempotent: bool,
        failed: &JsValue,
    ) -> Promise;
    #[wasm_bindgen(js_name = sleep)]
    fn js_sleep(ms: u32) -> Promise;
}

/// A client's connection settings.
pub struct Transport {
    /// Who the client is (headers or query parameters), and what to scrub.
    pub credentials: Credentials,
    /// The caller's `fetch`, or `undefined` for the global one.
    pub fetch: JsValue,
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

/// What every attempt of one request sends, built once: fetch copies the
/// headers, and a string or `FormData` body can be sent again.
struct Wire {
    /// The URL with any credential query parameters.
    url: String,
    init: RequestInit,
}

/// What the retry loop needs to know of a request besides its wire form.
struct Facts {
    idempotent: bool,
    download: bool,
    /// The method and the request's own URL, for the observer (credentials
    /// sent as query parameters are not in it); `None` without one.
    shown: Option<(&'static str, String)>,
}

/// A client's transport and the entry point JavaScript calls when an attempt
/// made by [`Link::spawn`] did not end in a 2xx JSON answer.
///
/// The client owns both. The entry point is a JavaScript function that
/// holds the transport: an attempt in flight keeps it (and so the
/// transport) alive after the client is freed, and once no attempt refers
/// to it the collector frees both. (A closure per request would cost an
/// allocation per send, and `Closure::once_into_js` leaks when not called.)
pub struct Link {
    /// For requests the client awaits itself ([`Transport::call`]).
    pub transport: Rc<Transport>,
    failed: JsValue,
}

impl Link {
    /// `transport` with its entry point for failed attempts.
    pub fn new(transport: Transport) -> Self {
        let transport = Rc::new(transport);
        let held = Rc::clone(&transport);
        let failed = Closure::<dyn Fn(JsValue, String, RequestInit, bool, bool) -> Promise>::new(
            move |outcome: JsValue, url: String, init: RequestInit, download: bool, idempotent: bool| {
                let transport = Rc::clone(&held);
                future_to_promise(async move {
                    let first = transport.outcome(&outcome);
                    let facts = Facts { idempotent, download, shown: None };
                    transport.retry(&facts, &Wire { url, init }, first).await.map_err(JsValue::from)
                })
            },
        );
        Self { transport, failed: failed.into_js_value() }
    }

    /// A promise of `request` (rejected at once when building it failed:
    /// nothing is sent) that resolves to the parsed JSON of a 2xx answer (a
    /// `Uint8Array` for a download) or rejects with the error, after the
    /// retries [`RetryPolicy`] allows. `attachment` is the file of a
    /// multipart request's file field.
    pub fn spawn(&self, request: Result<Request, Error>, attachment: Option<JsValue>) -> Promise {
        let request = match request {
            Ok(request) => request,
            Err(error) => return Promise::reject(&error.into()),
        };
        let transport = &self.transport;
        if transport.on_request.is_some() {
            // The observer hears about successes too: Rust drives every attempt.
            let transport = Rc::clone(transport);
            return future_to_promise(async move {
                transport.call(&request, attachment.as_ref()).await.map_err(JsValue::from)
            });
        }
        match transport.wire(&request, attachment.as_ref()) {
            Ok(wire) => js_attempt(
                &transport.fetch,
                &wire.url,
                &wire.init,
                transport.timeout_ms,
                request.download,
                request.idempotent,
                &self.failed,
            ),
            Err(error) => Promise::reject(&error.into()),
        }
    }
}

impl Transport {
    /// Makes `request` like [`Link::spawn`], awaiting each attempt in Rust.
    pub async fn call(&self, request: &Request, attachment: Option<&JsValue>) -> Result<JsValue, Error> {
        let wire = self.wire(request, attachment)?;
        let shown = self.on_request.as_ref().map(|_| (request.method, request.url.clone()));
        let facts = Facts { idempotent: request.idempotent, download: request.download, shown };
        let first = self.attempt(&facts, &wire).await;
        self.retry(&facts, &wire, first).await
    }

    /// The retry loop after the first attempt's `outcome`.
    async fn retry(
        &self,
        facts: &Facts,
        wire: &Wire,
        mut outcome: Result<(u16, JsValue), Error>,
    ) -> Result<JsValue, Error> {
        let (mut retries, mut waited) = (0u32, 0u32);
        loop {
            let error = match outcome {
                Ok((status, content)) => {
                    self.observe(facts, retries, Some(status), None, None);
                    return Ok(content);
                }
                Err(error) => self.credentials.scrub_error(error),
            };
            let delay =
                self.retry.next_delay(&error, facts.idempotent, retries, waited, js_sys::Math::random());
            self.observe(facts, retries, error.status, Some(error.code), delay);
            let Some(delay) = delay else { return Err(error) };
            self.sleep(delay).await;
            waited = waited.saturating_add(delay);
            retries += 1;
            outcome = self.attempt(facts, wire).await;
        }
    }

    /// One attempt awaited in Rust: fetch.js resolves to the outcome triple.
    async fn attempt(&self, facts: &Facts, wire: &Wire) -> Result<(u16, JsValue), Error> {
        let promise = js_attempt(
            &self.fetch,
            &wire.url,
            &wire.init,
            self.timeout_ms,
            facts.download,
            facts.idempotent,
            &JsValue::UNDEFINED,
        );
        // fetch.js never rejects without a `failed` callback; a rejection would mean no answer.
        let outcome = JsFuture::from(promise).await.unwrap_or(JsValue::UNDEFINED);
        self.outcome(&outcome)
    }

    /// The URL and `RequestInit` of `request`: method, credentials and the
    /// API's headers, the body (JSON text, or `FormData` that writes the
    /// multipart body and its boundary) and `redirect: "manual"`.
    fn wire(&self, request: &Request, attachment: Option<&JsValue>) -> Result<Wire, Error> {
        let headers = Headers::new().map_err(|_| header_refused())?;
        let content_type = request.body.as_ref().map(|_| ("Content-Type", "application/json".to_owned()));
        for (name, value) in self.credentials.headers().iter().chain(&request.headers).chain(&content_type) {
            headers.set(name, value).map_err(|_| header_refused())?;
        }
        let init = RequestInit::new();
        init.set_method(request.method);
        init.set_headers(&headers);
        match &request.body {
            Some(body) => init.set_body(&JsValue::from_str(body)),
            None if !request.form.is_empty() => init.set_body(form(request, attachment)?.as_ref()),
            None => {}
        }
        // Never followed: the credentials in the headers must not reach another origin.
        init.set_redirect(RequestRedirect::Manual);
        let url = self.credentials.url(&request.url, request.body.is_some() || !request.form.is_empty());
        Ok(Wire { url, init })
    }

    /// An attempt's outcome, `[status, note, content]` from fetch.js: the
    /// status and answer of a success, or the error to retry or report.
    fn outcome(&self, outcome: &JsValue) -> Result<(u16, JsValue), Error> {
        let Some(outcome) = outcome.dyn_ref::<Array>() else {
            let error = Error::new(code::NETWORK_ERROR, "the request did not complete");
            return Err(Error { retryable: Some(true), ..error });
        };
        let status = outcome.get(0).as_f64().unwrap_or(0.0) as u16;
        let note = outcome.get(1).as_string();
        let content = outcome.get(2);
        match (status, note.as_deref()) {
            (_, Some("redirect")) => {
                let message = format!(
                    "HTTP {status}: the server answered with a redirect, which requests carrying \
                     credentials never follow (set baseUrl to the final address)"
                );
                let error = Error::new(code::INVALID_RESPONSE, message);
                Err(Error { status: Some(status).filter(|s| *s != 0), retryable: Some(false), ..error })
            }
            (0, Some("timeout")) => {
                let message = format!("no response within {} ms", self.timeout_ms);
                Err(Error { retryable: Some(true), ..Error::new(code::TIMEOUT, message) })
            }
            (0, _) => {
                let said = content.as_string().unwrap_or_default();
                let message = format!("the request did not complete: {said}");
                Err(Error { retryable: Some(true), ..Error::new(code::NETWORK_ERROR, message) })
            }
            (200..=299, Some("ok")) => Ok((status, content)),
            (200..=299, _) => {
                let message = format!("HTTP {status} with a body that is not JSON");
                let error = Error::new(code::INVALID_RESPONSE, message);
                Err(Error { status: Some(status), retryable: Some(false), ..error })
            }
            _ => {
                let body = content.as_string().unwrap_or_default();
                Err((self.errors)(&Response { status, retry_after: note, body }))
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
        facts: &Facts,
        attempt: u32,
        status: Option<u16>,
        error: Option<&str>,
        retry_in: Option<u32>,
    ) {
        let (Some(hook), Some((method, url))) = (&self.on_request, &facts.shown) else { return };
        let event = Object::new();
        set(&event, "method", &JsValue::from_str(method));
        set(&event, "url", &JsValue::from_str(url));
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

/// A header the runtime's `Headers` refused. Credentials are checked for
/// line breaks and control characters at construction, so this is a
/// runtime without `Headers`; the message names no value (it may be a secret).
fn header_refused() -> Error {
    Error::invalid_argument(
        "the runtime's Headers refused a request header (a line break or control character)",
    )
}

/// The multipart body of `request`; `attachment` fills its file field
/// (`new Blob([file])` takes a Blob, File, ArrayBuffer, view or string alike).
fn form(request: &Request, attachment: Option<&JsValue>) -> Result<FormData, Error> {
    let refused = |_| Error::invalid_argument("the runtime's FormData refused the upload");
    let form = FormData::new().map_err(refused)?;
    for part in &request.form {
        match &part.value {
            FormValue::Text(text) => form.append_with_str(part.name, text),
            FormValue::File { filename, content_type } => {
                let options = BlobPropertyBag::new();
                options.set_type(content_type);
                let parts = Array::of1(attachment.unwrap_or(&JsValue::UNDEFINED));
                let blob = Blob::new_with_blob_sequence_and_options(&parts, &options).map_err(refused)?;
                form.append_with_blob_and_filename(part.name, &blob, filename)
            }
        }
        .map_err(refused)?;
    }
    Ok(form)
}
