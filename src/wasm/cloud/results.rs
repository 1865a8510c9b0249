//! What the Cloud API's calls resolve to, as Meta documents each success
//! body: declared in Rust so the `.d.ts` gets them from one place. The
//! bodies cross untouched (parsed JSON, fields Meta adds kept), so these
//! types are declarations: Rust never builds one.
#![allow(dead_code)] // declarations only: see above

use tsify::Tsify;

/// A recipient as Meta read it.
#[derive(Tsify)]
pub struct SentContact {
    /// The `to` (or `recipient`) of the request.
    input: String,
    /// The recipient's WhatsApp id (phone-number sends).
    #[tsify(optional)]
    wa_id: Option<String>,
    /// The business-scoped user id (BSUID sends).
    #[tsify(optional)]
    user_id: Option<String>,
}

/// A message Meta accepted.
#[derive(Tsify)]
pub struct SentMessage {
    /// The message id (`wamid.…`); status webhooks carry it.
    id: String,
    /// "accepted", or "held_for_quality_assessment" for a paused marketing send.
    #[tsify(optional)]
    message_status: Option<String>,
}

/// What a send resolves to: Meta accepted the message (delivery comes later, by webhook).
/// <https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages#response>
#[derive(Tsify)]
pub struct SendResult {
    /// Always "whatsapp".
    messaging_product: String,
    /// The recipient.
    contacts: Vec<SentContact>,
    /// The message.
    messages: Vec<SentMessage>,
}

/// Meta's answer to an update, a delete or a mark-as-read.
#[derive(Tsify)]
pub struct Success {
    /// Whether Meta applied it.
    success: bool,
}

/// Cursors to the neighbouring pages of a list.
#[derive(Tsify)]
pub struct Cursors {
    /// The cursor before this page's first item.
    #[tsify(optional)]
    before: Option<String>,
    /// The cursor after this page's last item.
    #[tsify(optional)]
    after: Option<String>,
}

/// Where a list goes on: pass a cursor as `after`/`before` for the next page.
#[derive(Tsify)]
pub struct Paging {
    /// The cursors.
    #[tsify(optional)]
    cursors: Option<Cursors>,
    /// The next page's URL, when there is one.
    #[tsify(optional)]
    next: Option<String>,
    /// The previous page's URL, when there is one.
    #[tsify(optional)]
    previous: Option<String>,
}

/// A template as the business account has it (the fields asked for; by
/// default `id`, `name`, `language`, `status`, `category`, `components`).
/// <https://developers.facebook.com/docs/graph-api/reference/whats-app-business-hsm/>
#[derive(Tsify)]
pub struct TemplateInfo {
    /// The template's id.
    id: String,
    /// Its name.
    #[tsify(optional)]
    name: Option<String>,
    /// Its language, e.g. "en_US".
    #[tsify(optional)]
    language: Option<String>,
    /// "APPROVED", "PENDING", "REJECTED", "PAUSED", "DISABLED", "IN_APPEAL", "ARCHIVED"…
    #[tsify(optional)]
    status: Option<String>,
    /// "MARKETING", "UTILITY" or "AUTHENTICATION".
    #[tsify(optional)]
    category: Option<String>,
    /// Its header, body, footer, buttons (as `validateTemplate` takes them).
    #[tsify(optional, type = "object[]")]
    components: Option<()>,
    /// Why Meta rejected it, when it did.
    #[tsify(optional)]
    rejected_reason: Option<String>,
    /// "GREEN", "YELLOW", "RED" or "UNKNOWN".
    #[tsify(optional, type = "{ score: string; date?: number }")]
    quality_score: Option<()>,
}

/// A page of templates.
#[derive(Tsify)]
pub struct TemplateList {
    /// The templates.
    data: Vec<TemplateInfo>,
    /// The cursors to the next and previous pages.
    #[tsify(optional)]
    paging: Option<Paging>,
}

/// A template Meta took for review.
#[derive(Tsify)]
pub struct TemplateCreated {
    /// The new template's id.
    id: String,
    /// "PENDING", "APPROVED" or "REJECTED".
    status: String,
    /// The category Meta assigned.
    category: String,
}

/// A media object's details; `url` is short-lived and needs the token.
/// <https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#retrieve-media-url>
#[derive(Tsify)]
pub struct MediaInfo {
    /// Where to download it (for about five minutes).
    url: String,
    /// Its MIME type.
    mime_type: String,
    /// Its SHA-256, hex.
    sha256: String,
    /// Its size in bytes.
    file_size: u32,
    /// The media id.
    id: String,
    /// Always "whatsapp".
    #[tsify(optional)]
    messaging_product: Option<String>,
}

/// Downloaded media, looked up by id (its size checked against Meta's).
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct DownloadedMedia {
    /// The bytes.
    #[tsify(type = "Uint8Array")]
    data: (),
    /// Its MIME type.
    mime_type: String,
    /// Its SHA-256, hex, as Meta gave it.
    sha256: String,
    /// Its size in bytes.
    file_size: u32,
}

/// An id Meta gave (uploaded media, a created object).
#[derive(Tsify)]
pub struct Created {
    /// The new object's id.
    id: String,
}

/// An error Meta found in a Flow's JSON.
#[derive(Tsify)]
pub struct FlowValidationError {
    /// Meta's error name, e.g. "INVALID_PROPERTY_VALUE".
    error: String,
    /// "FLOW_JSON_ERROR", …
    error_type: String,
    /// What is wrong.
    message: String,
    /// Where, in the JSON Meta holds.
    #[tsify(optional)]
    line_start: Option<u32>,
    /// Where it ends.
    #[tsify(optional)]
    line_end: Option<u32>,
    /// The column it starts at.
    #[tsify(optional)]
    column_start: Option<u32>,
    /// The column it ends at.
    #[tsify(optional)]
    column_end: Option<u32>,
    /// The JSON Pointers to the faulty values.
    #[tsify(optional, type = "{ path: string; [key: string]: unknown }[]")]
    pointers: Option<()>,
}

/// A created Flow.
/// <https://developers.facebook.com/docs/whatsapp/flows/reference/flowsapi#create>
#[derive(Tsify)]
pub struct FlowCreated {
    /// The Flow's id.
    id: String,
    /// Whether it was created.
    success: bool,
    /// What Meta found in `flow_json`, when one was given.
    #[tsify(optional)]
    validation_errors: Option<Vec<FlowValidationError>>,
}

/// A Flow JSON upload's outcome.
#[derive(Tsify)]
pub struct FlowJsonUploaded {
    /// Whether the asset was stored (a Flow with errors is stored too).
    success: bool,
    /// What Meta found in it.
    #[tsify(optional)]
    validation_errors: Option<Vec<FlowValidationError>>,
}

/// A Flow's details (the fields asked for).
/// <https://developers.facebook.com/docs/whatsapp/flows/reference/flowsapi#details>
#[derive(Tsify)]
pub struct FlowInfo {
    /// The Flow's id.
    id: String,
    /// Its name.
    #[tsify(optional)]
    name: Option<String>,
    /// "DRAFT", "PUBLISHED", "DEPRECATED", "BLOCKED" or "THROTTLED".
    #[tsify(optional)]
    status: Option<String>,
    /// Its categories.
    #[tsify(optional)]
    categories: Option<Vec<String>>,
    /// What Meta found in its JSON.
    #[tsify(optional)]
    validation_errors: Option<Vec<FlowValidationError>>,
    /// Its Flow JSON version, e.g. "7.3".
    #[tsify(optional)]
    json_version: Option<String>,
    /// Its data API version, e.g. "3.0".
    #[tsify(optional)]
    data_api_version: Option<String>,
    /// Its data endpoint.
    #[tsify(optional)]
    endpoint_uri: Option<String>,
    /// Its web preview.
    #[tsify(optional)]
    preview: Option<FlowPreviewLink>,
}

/// A page of Flows.
#[derive(Tsify)]
pub struct FlowList {
    /// The Flows.
    data: Vec<FlowInfo>,
    /// The cursors to the next and previous pages.
    #[tsify(optional)]
    paging: Option<Paging>,
}

/// A Flow's web preview link.
#[derive(Tsify)]
pub struct FlowPreviewLink {
    /// The URL (anyone with it can see the Flow).
    preview_url: String,
    /// When it stops working (ISO 8601).
    expires_at: String,
}

/// A Flow's web preview URL (`getFlowPreviewUrl`).
#[derive(Tsify)]
pub struct FlowPreviewUrl {
    /// The Flow's id.
    id: String,
    /// The link.
    preview: FlowPreviewLink,
}

/// A business phone number (the fields asked for).
/// <https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account-to-number-current-status/>
#[derive(Tsify)]
pub struct PhoneNumberInfo {
    /// The phone number id.
    id: String,
    /// The number as people see it, e.g. "+1 555-0100".
    #[tsify(optional)]
    display_phone_number: Option<String>,
    /// The approved display name.
    #[tsify(optional)]
    verified_name: Option<String>,
    /// "GREEN", "YELLOW", "RED" or "UNKNOWN".
    #[tsify(optional)]
    quality_rating: Option<String>,
    /// The messaging limit tier, e.g. "TIER_1K".
    #[tsify(optional)]
    messaging_limit_tier: Option<String>,
    /// "CONNECTED", "PENDING", "FLAGGED", …
    #[tsify(optional)]
    status: Option<String>,
    /// "APPROVED", "PENDING_REVIEW", "DECLINED", …
    #[tsify(optional)]
    name_status: Option<String>,
    /// "VERIFIED", "NOT_VERIFIED", "EXPIRED".
    #[tsify(optional)]
    code_verification_status: Option<String>,
    /// "STANDARD" or "HIGH" (messages per second).
    #[tsify(optional, type = "{ level: string }")]
    throughput: Option<()>,
}

/// The business account's phone numbers.
#[derive(Tsify)]
pub struct PhoneNumberList {
    /// The numbers.
    data: Vec<PhoneNumberInfo>,
    /// The cursors to the next and previous pages.
    #[tsify(optional)]
    paging: Option<Paging>,
}

/// A number's business profile.
/// <https://developers.facebook.com/docs/whatsapp/cloud-api/reference/business-profiles>
#[derive(Tsify)]
pub struct BusinessProfile {
    /// The profile's "About" text.
    #[tsify(optional)]
    about: Option<String>,
    /// The address.
    #[tsify(optional)]
    address: Option<String>,
    /// The description.
    #[tsify(optional)]
    description: Option<String>,
    /// The contact email.
    #[tsify(optional)]
    email: Option<String>,
    /// Always "whatsapp".
    #[tsify(optional)]
    messaging_product: Option<String>,
    /// The profile picture's URL.
    #[tsify(optional)]
    profile_picture_url: Option<String>,
    /// Up to two websites.
    #[tsify(optional)]
    websites: Option<Vec<String>>,
    /// The industry, e.g. "RETAIL".
    #[tsify(optional)]
    vertical: Option<String>,
}

/// The business profile, as a one-element list.
#[derive(Tsify)]
pub struct BusinessProfiles {
    /// The profile.
    data: Vec<BusinessProfile>,
}

/// The number's Flow encryption key.
#[derive(Tsify)]
pub struct EncryptionKey {
    /// The public key (PEM).
    business_public_key: String,
    /// "VALID" or "MISMATCH".
    business_public_key_signature_status: String,
}

/// The number's Flow encryption keys.
#[derive(Tsify)]
pub struct EncryptionKeys {
    /// The key.
    data: Vec<EncryptionKey>,
}

/// A pricing analytics answer.
/// <https://developers.facebook.com/docs/whatsapp/business-management-api/analytics#pricing-analytics>
#[derive(Tsify)]
pub struct PricingAnalytics {
    /// The figures, one entry of data points per bucket.
    #[tsify(
        type = "{ data: { data_points: { start: number; end: number; volume?: number; cost?: number; country?: string; phone_number?: string; pricing_category?: string; pricing_type?: string; tier?: string }[] }[] }"
    )]
    pricing_analytics: (),
    /// The business account's id.
    id: String,
}

/// A conversation analytics answer.
/// <https://developers.facebook.com/docs/whatsapp/business-management-api/analytics#conversation-analytics>
#[derive(Tsify)]
pub struct ConversationAnalytics {
    /// The figures, one entry of data points per bucket.
    #[tsify(
        type = "{ data: { data_points: { start: number; end: number; conversation?: number; cost?: number; [dimension: string]: unknown }[] }[] }"
    )]
    conversation_analytics: (),
    /// The business account's id.
    id: String,
}

/// A page of template analytics.
/// <https://developers.facebook.com/docs/whatsapp/business-management-api/analytics#template-analytics>
#[derive(Tsify)]
pub struct TemplateAnalytics {
    /// The figures per template and day.
    #[tsify(
        type = "{ granularity: string; product_type?: string; data_points: { template_id: string; start: number; end: number; sent?: number; delivered?: number; read?: number; clicked?: object[]; cost?: object[] }[] }[]"
    )]
    data: (),
    /// The cursors to the next and previous pages.
    #[tsify(optional)]
    paging: Option<Paging>,
}
