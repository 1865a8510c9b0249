//! CmClient's per-call options (read through these types) and what its
//! calls resolve to (the platform's documented success bodies, which cross
//! untouched: declarations).

use crate::wasm::options::{js_options, OptionValue, Reader};
use crate::Error;
use wasm_bindgen::JsValue;

/// An `Idempotency-Key`: not empty, and nothing that could split a header.
#[derive(Default)]
pub struct IdempotencyKey(pub String);

impl OptionValue for Option<IdempotencyKey> {
    #[inline(never)]
    fn read(reader: &Reader<'_>, key: &'static str) -> Result<Self, Error> {
        match reader.get(key) {
            None => Ok(None),
            Some(value) => value
                .as_string()
                .filter(|k| !k.is_empty() && !k.contains(['\n', '\r']))
                .map(|k| Some(IdempotencyKey(k)))
                .ok_or_else(|| Error::invalid_argument("idempotencyKey must be a non-empty string")),
        }
    }
}

js_options! {
    /// Per-call options of CmClient writes: an `Idempotency-Key` (the
    /// platform answers a repeat with the original response, so the call is
    /// also safe to retry).
    pub struct CmWriteOptions {
        /// The key (unique per operation, e.g. a UUID).
        #[tsify(optional, type = "string")]
        idempotency_key "idempotencyKey": Option<IdempotencyKey>,
    }
}

js_options! {
    /// Per-call options of CmClient sends: the number (else the client's)
    /// and an `Idempotency-Key`.
    pub struct CmSendOptions extends CmWriteOptions via write {
        /// The sending number as the platform's UUID.
        #[tsify(optional)]
        phone_id "phoneId": Option<String>,
        /// The sending number as Meta's id (when `phoneId` is unset).
        #[tsify(optional)]
        phone_number_id "phoneNumberId": Option<String>,
    }
}

impl CmSendOptions {
    /// The number the call names, as the body field that carries it.
    pub fn selector(&self) -> Option<(&'static str, &str)> {
        let by_uuid = self.phone_id.as_deref().map(|id| ("phone_id", id));
        by_uuid.or_else(|| self.phone_number_id.as_deref().map(|id| ("phone_number_id", id)))
    }
}

js_options! {
    /// The options of CmClient's `sendTemplate`.
    pub struct CmTemplateSendOptions extends CmSendOptions via send {
        /// The template's definition: the send is checked against it first.
        #[tsify(optional, type = "object | string")]
        definition "definition": Option<JsValue>,
    }
}

js_options! {
    /// The options of CmClient's `markAsRead`.
    pub struct CmReadOptions extends CmSendOptions via send {
        /// Also show the typing indicator.
        #[tsify(optional)]
        typing "typing": Option<bool>,
    }
}

js_options! {
    /// The options of CmClient's `uploadMedia`.
    pub struct CmUploadOptions extends CmSendOptions via send {
        /// The MIME type, when the file carries none.
        #[tsify(optional)]
        content_type "type": Option<String>,
        /// The file name (default the File's own, else "file").
        #[tsify(optional)]
        filename "filename": Option<String>,
    }
}

/// What every CmClient send resolves to.
#[derive(tsify::Tsify)]
#[expect(dead_code, reason = "declares the platform's answer, which crosses untouched")]
pub struct CmSendResult {
    /// The message id Meta gave (`wamid.…`).
    wamid: String,
    /// Every message id (several for a split send).
    wamids: Vec<String>,
    /// The recipients as Meta read them.
    #[tsify(type = "{ input: string; wa_id: string }[]")]
    contacts: (),
}

/// What onboarding (Embedded Signup, manual connection) resolves to.
#[derive(tsify::Tsify)]
#[expect(dead_code, reason = "declares the platform's answer, which crosses untouched")]
pub struct CmOnboarding {
    /// The connected WhatsApp Business Account, as the platform stores it.
    #[tsify(type = "object")]
    account: (),
    /// The connected number, as the platform stores it.
    #[tsify(type = "object")]
    phone_number: (),
    /// Whether the number can send now.
    fully_provisioned: bool,
    /// Why it cannot yet, if it cannot.
    #[tsify(type = "string | null")]
    onboarding_error: Option<String>,
}

/// An upload to Meta through the platform.
#[derive(tsify::Tsify)]
#[expect(dead_code, reason = "declares the platform's answer, which crosses untouched")]
pub struct CmUploaded {
    /// Meta's media id (for sends).
    media_id: String,
    /// Its MIME type.
    mime_type: String,
    /// Its size in bytes.
    size_bytes: u32,
}

/// A template submitted to Meta through the platform.
#[derive(tsify::Tsify)]
#[expect(dead_code, reason = "declares the platform's answer, which crosses untouched")]
pub struct CmTemplateCreated {
    /// The platform's id of the template.
    template_id: String,
    /// Meta's review status, e.g. "PENDING".
    status: String,
    /// The template as stored.
    #[tsify(type = "object")]
    template: (),
}

/// A re-sync of template statuses from Meta.
#[derive(tsify::Tsify)]
#[expect(dead_code, reason = "declares the platform's answer, which crosses untouched")]
pub struct CmTemplateSync {
    /// The business account synced.
    waba_id: String,
    /// Templates Meta returned.
    fetched: u32,
    /// Templates new to the platform.
    inserted: u32,
    /// Templates whose status changed.
    updated: u32,
}

/// The sent → delivered → read → replied funnel.
#[derive(tsify::Tsify)]
#[expect(dead_code, reason = "declares the platform's answer, which crosses untouched")]
pub struct CmFunnel {
    /// The days covered.
    days: u32,
    /// Messages received.
    inbound: u32,
    /// Messages sent.
    outbound: u32,
    /// Sent messages delivered.
    delivered: u32,
    /// Sent messages read.
    read: u32,
    /// Conversations with a reply.
    replied: u32,
    /// delivered / outbound.
    delivery_rate: f64,
    /// read / delivered.
    read_rate: f64,
}

/// Message volume per day.
#[derive(tsify::Tsify)]
#[expect(dead_code, reason = "declares the platform's answer, which crosses untouched")]
pub struct CmTimeseries {
    /// The days covered.
    days: u32,
    /// One count per day and event type.
    #[tsify(type = "{ date: string; event_type: string; count: number }[]")]
    points: (),
}

/// The cost breakdown.
#[derive(tsify::Tsify)]
#[expect(dead_code, reason = "declares the platform's answer, which crosses untouched")]
pub struct CmCosts {
    /// The days covered.
    days: u32,
    /// LLM tokens used.
    llm_tokens: f64,
    /// Credits spent on the LLM.
    llm_credits: f64,
    /// Credits spent on WhatsApp messages.
    whatsapp_message_credits: f64,
    /// Credits spent on WhatsApp calls.
    whatsapp_call_credits: f64,
    /// All credits spent.
    total_credits: f64,
    /// Where the figures come from.
    ledger_source: String,
}
