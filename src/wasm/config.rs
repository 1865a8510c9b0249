//! Reading a client's options object: typed fields with clear misuse errors,
//! unknown keys refused, and the transport settings every client shares.

use super::options::{js_options, read, Options, Secret};
use super::transport::Transport;
use crate::api::auth::Credentials;
use crate::api::retry::RetryPolicy;
use crate::api::template_send::TemplateSend;
use crate::api::Response;
use crate::Error;
use js_sys::Function;
use wasm_bindgen::JsValue;

js_options! {
    /// The settings every client takes besides its own.
    pub struct TransportOptions {
        /// A fetch to use instead of the global one.
        #[tsify(optional, type = "typeof fetch")]
        fetch "fetch": Option<Function>,
        /// Time limit of each attempt in ms (default 30000; 0: none).
        #[tsify(optional)]
        timeout_ms "timeoutMs": Option<u32>,
        /// Retries: by default 3, from 500 ms doubling to at most 20 s, 60 s in all.
        #[tsify(optional)]
        retry "retry": Option<RetryOptions>,
        /// How to wait between retries (default setTimeout); tests pass a fake clock.
        #[tsify(optional, type = "(ms: number) => Promise<unknown>")]
        sleep "sleep": Option<Function>,
        /// Called after every attempt; never sees the credentials.
        #[tsify(optional, type = "(event: RequestEvent) => void")]
        on_request "onRequest": Option<Function>,
    }
}

js_options! {
    /// How a client retries a failed call (every field optional).
    pub struct RetryOptions {
        /// Retries after the first attempt (default 3; 0: never).
        #[tsify(optional)]
        max_retries "maxRetries": Option<u32>,
        /// The first backoff in ms, doubled for each retry (default 500).
        #[tsify(optional)]
        base_delay_ms "baseDelayMs": Option<u32>,
        /// The longest single backoff in ms (default 20000; a Retry-After may ask for more).
        #[tsify(optional)]
        max_delay_ms "maxDelayMs": Option<u32>,
        /// The most time in ms spent waiting across the retries of one call (default 60000).
        #[tsify(optional)]
        budget_ms "budgetMs": Option<u32>,
    }
}

/// What `onRequest` receives after each attempt (never the credentials).
#[derive(tsify::Tsify)]
#[expect(dead_code, reason = "declares the object fetch.js builds; Rust never holds one")]
pub struct RequestEvent {
    /// The HTTP method.
    method: String,
    /// The URL, without credentials.
    url: String,
    /// 1 for the first attempt.
    attempt: u32,
    /// The HTTP status, when an answer came.
    #[tsify(optional)]
    status: Option<u32>,
    /// What went wrong, when the attempt failed.
    #[tsify(optional)]
    error: Option<String>,
    /// When the call will be tried again, in ms.
    #[tsify(optional)]
    #[serde(rename = "retryInMs")]
    retry_in_ms: Option<u32>,
}

/// A client's options: its own, the transport's, and the credential the
/// transport signs with.
pub trait ClientOptions: Options {
    /// The transport's settings.
    fn transport(&self) -> &TransportOptions;
    /// The credential requests carry.
    fn credential(&self) -> &Secret;
}

/// `impl ClientOptions` for a client's options type: the transport settings
/// it extends (`extends TransportOptions via transport`) and the field that
/// holds its credential.
macro_rules! client_options {
    ($name:ty, $credential:ident) => {
        impl $crate::wasm::config::ClientOptions for $name {
            fn transport(&self) -> &$crate::wasm::config::TransportOptions {
                &self.transport
            }
            fn credential(&self) -> &$crate::wasm::options::Secret {
                &self.$credential
            }
        }
    };
}
pub(crate) use client_options;

/// What a client class is, for its constructor ([`ClientSpec::open`]).
pub struct ClientSpec {
    /// The class, e.g. `CloudApiClient` (error messages name it).
    pub name: &'static str,
    /// How requests carry the credential.
    pub sign: fn(&str) -> Credentials,
    /// The API's failed responses as errors.
    pub errors: fn(&Response) -> Error,
}

impl ClientSpec {
    /// What every client's constructor does first: its options read as `T`
    /// (unknown keys refused, the credential checked) and the transport that
    /// signs with the credential and reads failures as this spec says.
    pub fn open<T: ClientOptions>(&self, value: &JsValue) -> Result<(T, Transport), Error> {
        let options: T = read(value, self.name, false)?;
        let transport = options.transport().transport((self.sign)(&options.credential().0), self.errors);
        Ok((options, transport))
    }
}

impl TransportOptions {
    /// The transport for `credentials` with these settings applied, and
    /// `errors` mapping the API's own error envelope (providers).
    pub fn transport(&self, credentials: Credentials, errors: fn(&Response) -> Error) -> Transport {
        let defaults = RetryPolicy::default();
        let retry = self.retry.as_ref();
        let or = |value: Option<Option<u32>>, default: u32| value.flatten().unwrap_or(default);
        Transport {
            credentials,
            fetch: self.fetch.clone().map_or(JsValue::UNDEFINED, JsValue::from),
            timeout_ms: self.timeout_ms.unwrap_or(30_000),
            retry: RetryPolicy {
                max_retries: or(retry.map(|r| r.max_retries), defaults.max_retries),
                base_delay_ms: or(retry.map(|r| r.base_delay_ms), defaults.base_delay_ms),
                max_delay_ms: or(retry.map(|r| r.max_delay_ms), defaults.max_delay_ms),
                budget_ms: or(retry.map(|r| r.budget_ms), defaults.budget_ms),
            },
            sleep: self.sleep.clone(),
            on_request: self.on_request.clone(),
            errors,
        }
    }
}

/// `baseUrl` checked the way fetch will read it (https, or http to
/// loopback; [`crate::api::url::check_base_url`]); `default` when missing.
pub fn base_url(client: &str, given: &Option<String>, default: &str) -> Result<String, Error> {
    let url = given.clone().unwrap_or_else(|| default.to_owned());
    crate::api::url::check_base_url(client, &url)?;
    Ok(url)
}

js_options! {
    /// The options of `uploadMedia`.
    pub struct UploadOptions {
        /// The MIME type, when the file carries none (or to override it).
        #[tsify(optional)]
        content_type "type": Option<String>,
        /// The file name Meta keeps (default the File's own, else "file").
        #[tsify(optional)]
        filename "filename": Option<String>,
    }
}

js_options! {
    /// The options of every client's `sendTemplate`.
    pub struct TemplateSendOptions {
        /// The template's definition (what `validateTemplate` takes, or
        /// Meta's answer for it): the send is checked against it before it
        /// leaves.
        #[tsify(optional, type = "object | string")]
        definition "definition": Option<JsValue>,
    }
}

/// [`read_template_send`] for clients whose `sendTemplate` takes [`TemplateSendOptions`].
pub fn template_send(to: &str, template: &JsValue, options: JsValue) -> Result<TemplateSend, Error> {
    let options: TemplateSendOptions = read(&options, "sendTemplate", true)?;
    read_template_send(to, template, options.definition.as_ref())
}

/// `uploadMedia`'s file with its [`UploadOptions`] (see [`super::convert::read_upload`]).
pub fn upload(file: &JsValue, options: JsValue) -> Result<super::convert::Upload, Error> {
    let options: UploadOptions = read(&options, "uploadMedia", true)?;
    let (content_type, filename) = (options.content_type.as_deref(), options.filename.as_deref());
    super::convert::read_upload(file, content_type, filename, "uploadMedia", true)
}

/// Every client's `sendTemplate(to, template, { definition? })`: the
/// arguments read and checked once (the number, the template, against its
/// definition when given); the client then builds its request from them.
/// `definition` is its options' (each client reads its own options type).
pub fn read_template_send(
    to: &str,
    template: &JsValue,
    definition: Option<&JsValue>,
) -> Result<TemplateSend, Error> {
    const FUNCTION: &str = "sendTemplate";
    let template = super::convert::Document::read(template, FUNCTION, "template")?;
    let definition = match definition {
        Some(definition) => Some(super::convert::Document::read(definition, FUNCTION, "definition")?.text),
        None => None,
    };
    crate::api::template_send::prepare(to, &template.text, definition.as_deref())
}
