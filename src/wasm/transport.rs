//! Where requests leave: `fetch` (the global one or the caller's), a timeout
//! through `AbortController`, retries as [`RetryPolicy`] allows, an optional
//! observer, and the access token added here — and scrubbed from anything a
//! server or runtime sends back — so it appears in no error, event or log.

use crate::api::error::{from_response, scrub};
use crate::api::retry::RetryPolicy;
use crate::api::{FormValue, Request, Response};
use crate::error::code;
use crate::Error;
use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A client's connection settings.
pub struct Transport {
    /// The access token (never leaves through anything but the `Authorization` header).
    pub token: String,
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
}

fn global(name: &str) -> JsValue {
    Reflect::get(&js_sys::global(), &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn set(object: &Object, key: &str, value: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

impl Transport {
    /// Makes `request`, retrying as allowed; the parsed JSON of a 2xx answer,
    /// or the error. `attachment` is the file of a multipart request's file field.
    pub async fn call(&self, request: &Request, attachment: Option<&JsValue>) -> Result<JsValue, Error> {
        let (mut retries, mut waited) = (0u32, 0u32);
        loop {
            let error = match self.attempt(request, attachment).await {
                Ok(response) if (200..300).contains(&response.status) => {
                    self.observe(request, retries, Some(response.status), None, None);
                    return self.success(&response);
                }
                Ok(response) => from_response(&response),
                Err(error) => error,
            };
            let error = Error { message: scrub(&error.message, &self.token), ..error };
            let delay =
                self.retry.next_delay(&error, request.idempotent, retries, waited, js_sys::Math::random());
            self.observe(request, retries, error.status, Some(error.code), delay);
            let Some(delay) = delay else { return Err(error) };
            self.sleep(delay).await;
            waited = waited.saturating_add(delay);
            retries += 1;
        }
    }

    fn success(&self, response: &Response) -> Result<JsValue, Error> {
        if response.body.trim().is_empty() {
            return Ok(Object::new().into());
        }
        js_sys::JSON::parse(&response.body).map_err(|_| {
            let message = format!("HTTP {} with a body that is not JSON", response.status);
            Error {
                status: Some(response.status),
                retryable: Some(false),
                ..Error::new(code::INVALID_RESPONSE, message)
            }
        })
    }

    async fn attempt(&self, request: &Request, attachment: Option<&JsValue>) -> Result<Response, Error> {
        let init = Object::new();
        let headers = Object::new();
        set(&init, "method", &JsValue::from_str(request.method));
        set(&headers, "Authorization", &JsValue::from_str(&format!("Bearer {}", self.token)));
        if let Some(body) = &request.body {
            set(&headers, "Content-Type", &JsValue::from_str("application/json"));
            set(&init, "body", &JsValue::from_str(body));
        }
        if !request.form.is_empty() {
            // FormData writes the multipart body and its Content-Type with the boundary.
            set(
                &init,
                "body",
                &form_data(request, attachment)
                    .map_err(|_| Error::new(code::NETWORK_ERROR, "this runtime has no FormData or Blob"))?,
            );
        }
        set(&init, "headers", &headers);
        // AbortSignal.timeout: the runtime owns the timer (nothing to clear, and
        // measured cheaper than an AbortController plus setTimeout per request).
        if self.timeout_ms > 0 {
            let timeout = Reflect::get(&global("AbortSignal"), &JsValue::from_str("timeout"))
                .ok()
                .and_then(|f| f.dyn_into::<Function>().ok());
            if let Some(signal) =
                timeout.and_then(|f| f.call1(&global("AbortSignal"), &JsValue::from(self.timeout_ms)).ok())
            {
                set(&init, "signal", &signal);
            }
        }
        let outcome = self.exchange(request, &init).await;
        outcome.map_err(|thrown| {
            let aborted = Reflect::get(&thrown, &JsValue::from_str("name")).ok().and_then(|n| n.as_string());
            // AbortSignal.timeout() rejects with a TimeoutError (older runtimes: AbortError).
            if matches!(aborted.as_deref(), Some("TimeoutError" | "AbortError")) {
                let message = format!("no response within {} ms", self.timeout_ms);
                Error { retryable: Some(true), ..Error::new(code::TIMEOUT, message) }
            } else {
                let said =
                    Reflect::get(&thrown, &JsValue::from_str("message")).ok().and_then(|m| m.as_string());
                let message = format!("the request did not complete: {}", said.unwrap_or_default());
                Error { retryable: Some(true), ..Error::new(code::NETWORK_ERROR, message) }
            }
        })
    }

    /// fetch, then the status, `Retry-After` and body (all under the same abort signal).
    async fn exchange(&self, request: &Request, init: &Object) -> Result<Response, JsValue> {
        let fetch = match &self.fetch {
            Some(fetch) => fetch.clone(),
            None => global("fetch").dyn_into::<Function>()?,
        };
        let promise: Promise =
            fetch.call2(&JsValue::UNDEFINED, &JsValue::from_str(&request.url), init)?.dyn_into()?;
        let response = JsFuture::from(promise).await?;
        let status = Reflect::get(&response, &JsValue::from_str("status"))?.as_f64().unwrap_or(0.0) as u16;
        // Retry-After matters only for failures.
        let retry_after = if (200..300).contains(&status) {
            None
        } else {
            let headers = Reflect::get(&response, &JsValue::from_str("headers"))?;
            let get: Function = Reflect::get(&headers, &JsValue::from_str("get"))?.dyn_into()?;
            get.call1(&headers, &JsValue::from_str("retry-after"))?.as_string()
        };
        let text: Function = Reflect::get(&response, &JsValue::from_str("text"))?.dyn_into()?;
        let body = JsFuture::from(text.call0(&response)?.dyn_into::<Promise>()?)
            .await?
            .as_string()
            .unwrap_or_default();
        Ok(Response { status, retry_after, body })
    }

    async fn sleep(&self, ms: u32) {
        let promise = match &self.sleep {
            Some(sleep) => sleep
                .call1(&JsValue::UNDEFINED, &JsValue::from(ms))
                .ok()
                .and_then(|p| p.dyn_into::<Promise>().ok()),
            None => global("setTimeout").dyn_into::<Function>().ok().map(|set_timeout| {
                Promise::new(&mut |resolve, _| {
                    let _ = set_timeout.call2(&JsValue::UNDEFINED, &resolve, &JsValue::from(ms));
                })
            }),
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

/// The multipart body of `request`, the file field filled with `attachment`.
fn form_data(request: &Request, attachment: Option<&JsValue>) -> Result<JsValue, JsValue> {
    let form = Reflect::construct(&global("FormData").dyn_into::<Function>()?, &js_sys::Array::new())?;
    let append: Function = Reflect::get(&form, &JsValue::from_str("append"))?.dyn_into()?;
    for part in &request.form {
        let name = JsValue::from_str(part.name);
        match &part.value {
            FormValue::Text(text) => append.call2(&form, &name, &JsValue::from_str(text))?,
            FormValue::File { filename, content_type } => {
                let options = Object::new();
                set(&options, "type", &JsValue::from_str(content_type));
                let parts = js_sys::Array::of1(attachment.unwrap_or(&JsValue::from_str("")));
                let blob = Reflect::construct(
                    &global("Blob").dyn_into::<Function>()?,
                    &js_sys::Array::of2(&parts, &options),
                )?;
                let args = js_sys::Array::of3(&name, &blob, &JsValue::from_str(filename));
                Reflect::apply(&append, &form, &args)?
            }
        };
    }
    Ok(form)
}
