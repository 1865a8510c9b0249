//! Reading a client's options object: typed fields with clear misuse errors,
//! unknown keys refused, and the transport settings every client shares.

use super::object::field;
use super::transport::Transport;
use crate::api::auth::Credentials;
use crate::api::retry::RetryPolicy;
use crate::api::template_send::TemplateSend;
use crate::api::Response;
use crate::Error;
use js_sys::Function;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** What to do about a failed call (`error.action`); see "What to do about a thrown error" in ISSUE-CODES.md. */
export type ErrorAction = "retry" | "retry_after" | "slow_down" | "retry_recipient_later" | "pause_number" | "do_not_retry_24h" | "do_not_retry" | "refresh_token" | "fix_request";

/** What a client's promise rejects with (`catch (e) { const error = e as ApiError; … }`). */
export interface ApiError extends Error {
  /** The stable error code: "rate_limited", "validation_failed", … */
  code: string;
  /** What to do; absent when nothing was sent (local validation or misuse). */
  action?: ErrorAction;
  /** The wait the server asked for (or the client's default for a rate limit), in ms. */
  retryAfterMs?: number;
  /** Whether the same request may succeed later. */
  retryable?: boolean;
  /** The HTTP status of the failed answer. */
  status?: number;
  /** Meta's (or the provider's) numeric error code. */
  metaCode?: number;
  /** Meta's error_subcode. */
  metaSubcode?: number;
  /** Meta's fbtrace_id (quote it to Meta support). */
  fbtraceId?: string;
  /** The findings behind "validation_failed". */
  issues?: { code: string; path: string; message: string; severity: string; metaCode?: number }[];
}

/** The settings every client takes besides its own. */
export interface TransportOptions {
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch;
  /** Time limit of each attempt in ms (default 30000; 0: none). */
  timeoutMs?: number;
  /** Retries: default { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 20000, budgetMs: 60000 }. */
  retry?: { maxRetries?: number; baseDelayMs?: number; maxDelayMs?: number; budgetMs?: number };
  /** How to wait between retries (default setTimeout); tests pass a fake clock. */
  sleep?: (ms: number) => Promise<unknown>;
  /** Called after every attempt; never sees the credentials. */
  onRequest?: (event: { method: string; url: string; attempt: number; status?: number; error?: string; retryInMs?: number }) => void;
}
"#;

/// The options every client takes besides its own (see `TransportOptions` in the d.ts).
pub const TRANSPORT_OPTIONS: [&str; 5] = ["fetch", "timeoutMs", "retry", "sleep", "onRequest"];

/// What a client class is, for its constructor ([`Config::client`]).
pub struct ClientSpec {
    /// The class, e.g. `CloudApiClient` (error messages name it).
    pub name: &'static str,
    /// The options of its own (besides [`TRANSPORT_OPTIONS`]).
    pub options: &'static [&'static str],
    /// The option holding its credential (required).
    pub credential: &'static str,
    /// How requests carry the credential.
    pub sign: fn(&str) -> Credentials,
    /// The API's failed responses as errors.
    pub errors: fn(&Response) -> Error,
}

/// A client's options object, with the client's name for error messages.
pub struct Config<'a> {
    /// The object the caller passed.
    pub value: &'a JsValue,
    /// The class it configures, e.g. `CloudApiClient`.
    pub client: &'static str,
}

impl<'a> Config<'a> {
    /// `value` checked to be an object with no key outside `own` and [`TRANSPORT_OPTIONS`].
    pub fn new(value: &'a JsValue, client: &'static str, own: &[&str]) -> Result<Self, Error> {
        if !value.is_object() {
            return Err(Error::invalid_argument(format!("{client} needs an options object")));
        }
        for key in
            js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter().filter_map(|k| k.as_string())
        {
            if !own.contains(&key.as_str()) && !TRANSPORT_OPTIONS.contains(&key.as_str()) {
                let known = own.iter().chain(&TRANSPORT_OPTIONS).copied().collect::<Vec<_>>().join(", ");
                return Err(Error::invalid_argument(format!(
                    "{client}: unknown option {key}; known: {known}"
                )));
            }
        }
        Ok(Self { value, client })
    }

    /// What every client's constructor does first: the options object
    /// checked against `spec` (and the transport's options), its credential
    /// read, and the transport that signs with it and reads failures as
    /// `spec` says. The client then reads its own settings from the config.
    pub fn client(value: &'a JsValue, spec: &ClientSpec) -> Result<(Self, Transport), Error> {
        let config = Self::new(value, spec.name, spec.options)?;
        let key = config.credential(spec.credential)?;
        let transport = config.transport_with((spec.sign)(&key), spec.errors)?;
        Ok((config, transport))
    }

    /// A string option.
    pub fn text(&self, key: &str) -> Result<Option<String>, Error> {
        match field(self.value, key) {
            None => Ok(None),
            Some(value) => value.as_string().map(Some).ok_or_else(|| self.misuse(key, "a string")),
        }
    }

    /// A string option that must be present and not empty.
    pub fn required(&self, key: &str) -> Result<String, Error> {
        self.text(key)?
            .filter(|t| !t.is_empty())
            .ok_or_else(|| Error::invalid_argument(format!("{}: {key} is required", self.client)))
    }

    /// A required credential (token, key): present, not empty, and free of
    /// anything that could split a header ([`crate::api::auth::check_credential`]).
    pub fn credential(&self, key: &str) -> Result<String, Error> {
        let value = self.required(key)?;
        crate::api::auth::check_credential(self.client, key, &value)?;
        Ok(value)
    }

    /// An optional credential, checked like [`Config::credential`]; empty is absent.
    pub fn optional_credential(&self, key: &str) -> Result<Option<String>, Error> {
        let value = self.text(key)?.filter(|value| !value.is_empty());
        if let Some(value) = &value {
            crate::api::auth::check_credential(self.client, key, value)?;
        }
        Ok(value)
    }

    /// `baseUrl`, checked the way fetch will read it (https, or http to
    /// loopback; [`crate::api::url::check_base_url`]); when missing, `default`
    /// (none: the option is required).
    pub fn base_url(&self, default: Option<&str>) -> Result<String, Error> {
        let url = match default {
            Some(default) => self.text("baseUrl")?.unwrap_or_else(|| default.to_owned()),
            None => self.required("baseUrl")?,
        };
        crate::api::url::check_base_url(self.client, &url)?;
        Ok(url)
    }

    /// A boolean option (absent: false).
    pub fn flag(&self, key: &str) -> Result<bool, Error> {
        match field(self.value, key) {
            None => Ok(false),
            Some(value) => value.as_bool().ok_or_else(|| self.misuse(key, "true or false")),
        }
    }

    /// A function option.
    pub fn function(&self, key: &str) -> Result<Option<Function>, Error> {
        match field(self.value, key) {
            None => Ok(None),
            Some(value) => value.dyn_into().map(Some).map_err(|_| self.misuse(key, "a function")),
        }
    }

    fn number(&self, object: &JsValue, key: &str, default: u32) -> Result<u32, Error> {
        match field(object, key) {
            None => Ok(default),
            Some(value) => value
                .as_f64()
                .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n <= f64::from(u32::MAX))
                .map(|n| n as u32)
                .ok_or_else(|| self.misuse(key, "a whole number ≥ 0")),
        }
    }

    fn misuse(&self, key: &str, what: &str) -> Error {
        Error::invalid_argument(format!("{}: {key} must be {what}", self.client))
    }

    /// The transport for `credentials` with the shared options applied, and
    /// `errors` mapping the API's own error envelope (providers).
    pub fn transport_with(
        &self,
        credentials: Credentials,
        errors: fn(&Response) -> Error,
    ) -> Result<Transport, Error> {
        let retry = field(self.value, "retry").unwrap_or(JsValue::UNDEFINED);
        let defaults = RetryPolicy::default();
        Ok(Transport {
            credentials,
            fetch: self.function("fetch")?.map_or(JsValue::UNDEFINED, JsValue::from),
            timeout_ms: self.number(self.value, "timeoutMs", 30_000)?,
            retry: RetryPolicy {
                max_retries: self.number(&retry, "maxRetries", defaults.max_retries)?,
                base_delay_ms: self.number(&retry, "baseDelayMs", defaults.base_delay_ms)?,
                max_delay_ms: self.number(&retry, "maxDelayMs", defaults.max_delay_ms)?,
                budget_ms: self.number(&retry, "budgetMs", defaults.budget_ms)?,
            },
            sleep: self.function("sleep")?,
            on_request: self.function("onRequest")?,
            errors,
        })
    }
}

/// `object[key]` as strings (missing: none).
pub fn strings_field(object: &JsValue, key: &str) -> Result<Vec<String>, Error> {
    let Some(value) = field(object, key) else { return Ok(Vec::new()) };
    let misuse = || Error::invalid_argument(format!("{key} must be an array of strings"));
    let items = value.dyn_into::<js_sys::Array>().map_err(|_| misuse())?;
    items.iter().map(|item| item.as_string().ok_or_else(misuse)).collect()
}

/// Every client's `sendTemplate(to, template, { definition? })`: the
/// arguments read and checked once (the number, the template, against its
/// definition when given); the client then builds its request from them.
pub fn read_template_send(to: &str, template: &JsValue, options: &JsValue) -> Result<TemplateSend, Error> {
    const FUNCTION: &str = "sendTemplate";
    let template = super::convert::Document::read(template, FUNCTION, "template")?;
    let definition = match field(options, "definition") {
        Some(definition) => Some(super::convert::Document::read(&definition, FUNCTION, "definition")?.text),
        None => None,
    };
    crate::api::template_send::prepare(to, &template.text, definition.as_deref())
}
