//! `planBroadcast` and `classifySendOutcome` (cargo feature `clients`): the
//! runtime-neutral half of a broadcast ([`crate::broadcast`]), for a producer
//! in any runtime and a consumer that decides what to do after each send.
//! Arguments are read, the core called, its result handed back.

use super::convert::{self, Document};
use super::options::{self, js_options, Js};
use crate::broadcast::{outcome, plan};
use crate::Error;
use wasm_bindgen::prelude::*;

const PLAN: &str = "planBroadcast";

js_options! {
    /// What `planBroadcast` plans: one template send to many recipients.
    pub struct BroadcastInput {
        /// Your id of the campaign (1 to 256 characters): the first half of
        /// every recipient's key `<campaignId>:<recipient>`.
        #[tsify(type = "string")]
        campaign_id "campaignId": String,
        /// The business phone number that sends it.
        #[tsify(type = "string")]
        phone_number_id "phoneNumberId": String,
        /// The template's definition (what `validateTemplate` takes, or Meta's answer for it).
        #[tsify(type = "object | string")]
        definition "definition": Option<JsValue>,
        /// Meta's `template` object of the send: `name`, `language`, and the
        /// `components` recipients without their own get.
        #[tsify(type = "object | string")]
        send "send": Option<JsValue>,
        /// Phone numbers as people type them, business-scoped user ids, or
        /// `{ to, components }` whose `components` replace `send.components`.
        #[tsify(type = "Array<string | BroadcastRecipient> | string")]
        recipients "recipients": Option<JsValue>,
        /// ISO 3166-1 alpha-2 region for numbers written without `+` (without
        /// it, digits alone are read as international).
        #[tsify(optional)]
        default_country "defaultCountry": Option<String>,
        /// Recipients per chunk (one queue message), 1 to 100; default 50.
        /// A chunk also closes before 60,000 bytes.
        #[tsify(optional)]
        chunk_size "chunkSize": Option<u32>,
    }
}

/// Plans a broadcast: every recipient parsed (per `defaultCountry`, or as a
/// BSUID), deduplicated by WhatsApp id, its send checked against the
/// definition (per recipient: parameters differ; MARKETING to a US number
/// and authentication templates to a BSUID are refused), and the accepted
/// ones frozen into queue-ready chunks. Each recipient's `key`
/// (`<campaignId>:<recipient>`) is its idempotency key: send it as
/// `biz_opaque_callback_data`. Every row is in exactly one of `chunks`,
/// `rejected` and `duplicates`, and `summary` adds up.
///
/// @example
/// ```ts
/// const plan = planBroadcast({
///   campaignId: "spring-sale",
///   phoneNumberId: "106540352242922",
///   definition,
///   send: { name: "order_update", language: { code: "en_US" } },
///   recipients: ["+1 (415) 555-2671", { to: "447911123456", components: [] }],
///   defaultCountry: "GB",
/// });
/// for (const chunk of plan.chunks) await env.BROADCAST.send(chunk);
/// for (const { row, issues } of plan.rejected) console.log(row, issues[0].code, issues[0].path);
/// console.log(plan.summary); // { rows, accepted, rejected, duplicates }
/// ```
#[wasm_bindgen(js_name = planBroadcast, unchecked_return_type = "BroadcastPlan")]
pub fn plan_broadcast(input: Js<BroadcastInput>) -> Result<JsValue, JsValue> {
    let input: BroadcastInput = options::read(&input.into(), PLAN, false)?;
    let read =
        |value: Option<&JsValue>, name| Document::read(value.unwrap_or(&JsValue::UNDEFINED), PLAN, name);
    let definition = read(input.definition.as_ref(), "definition")?;
    let send = read(input.send.as_ref(), "send")?;
    let recipients = read(input.recipients.as_ref(), "recipients")?;
    let (definition, send_node, recipient_nodes) =
        (parse(&definition, "definition")?, parse(&send, "send")?, parse(&recipients, "recipients")?);
    let campaign = plan::Campaign {
        campaign_id: &input.campaign_id,
        phone_number_id: &input.phone_number_id,
        default_country: input.default_country.as_deref(),
        chunk_size: input.chunk_size,
    };
    let planned = plan::plan(
        &campaign,
        &definition,
        plan::Doc { node: &send_node, text: &send.text },
        plan::Doc { node: &recipient_nodes, text: &recipients.text },
    )?;
    Ok(js_sys::JSON::parse(&planned.json).unwrap_or(JsValue::NULL))
}

fn parse<'d>(document: &'d Document, name: &str) -> Result<crate::json::Node<'d>, Error> {
    crate::json::parse(&document.text).map_err(|issue| {
        Error::invalid_argument(format!("{PLAN}: {name} is not valid JSON: {}", issue.message))
    })
}

/// What a send's answer — or the error it threw — means for its recipient:
/// `accepted` / `held` (with the `wamid`), `rejected` (Meta refused it:
/// `action` says what to do, as on thrown errors), or `ambiguous` (a timeout
/// or a lost connection: Meta may have it, so do not resend it blindly;
/// settle it from the status webhook carrying its key).
///
/// @example
/// ```ts
/// const outcome = await client.sendTemplate(to, send).then(classifySendOutcome, classifySendOutcome);
/// if (outcome.class === "rejected" && outcome.action === "slow_down") console.log("throttled", outcome.retryAfterMs);
/// ```
#[wasm_bindgen(js_name = classifySendOutcome, unchecked_return_type = "SendOutcome")]
pub fn classify_send_outcome(
    #[wasm_bindgen(js_name = answerOrError, unchecked_param_type = "unknown")] answer: JsValue,
) -> Result<JsValue, JsValue> {
    const NAME: &str = "classifySendOutcome";
    let text = convert::json_text(&answer, NAME, "answerOrError")?
        .ok_or_else(|| Error::invalid_argument(format!("{NAME}: answerOrError is required")))?;
    let node = crate::json::parse(&text)
        .map_err(|_| Error::invalid_argument(format!("{NAME}: answerOrError must be JSON data")))?;
    Ok(js_sys::JSON::parse(&outcome::classify(&node).to_json()).unwrap_or(JsValue::NULL))
}

/// What `planBroadcast` returns, declared for the `.d.ts` (the core writes
/// the result as JSON text; Rust never builds these).
#[allow(dead_code)] // declarations only: see above
mod declared {
    use crate::Issue;
    use tsify::Tsify;

    /// A recipient with its own components.
    #[derive(Tsify)]
    pub struct BroadcastRecipient {
        /// A phone number as people type it, or a business-scoped user id.
        to: String,
        /// The send's `components` for this recipient (they replace `send.components`).
        #[tsify(optional, type = "object[]")]
        components: Option<Vec<String>>,
    }

    /// An accepted recipient, ready to send.
    #[derive(Tsify)]
    pub struct PlannedRecipient {
        /// Its index in `recipients`.
        row: u32,
        /// `<campaignId>:<WhatsApp id or BSUID>`: the idempotency key, sent as `biz_opaque_callback_data`.
        key: String,
        /// The recipient: +E.164, or the BSUID.
        to: String,
        /// Meta's `template` object for this recipient (frozen: its own components or the shared ones).
        #[tsify(type = "object")]
        send: String,
    }

    /// One queue message: recipients of one campaign and number.
    #[derive(Tsify)]
    #[serde(rename_all = "camelCase")]
    pub struct BroadcastChunk {
        /// The campaign.
        campaign_id: String,
        /// The business phone number that sends it.
        phone_number_id: String,
        /// The chunk's position in the plan (0, 1, …): stable when the plan is made again.
        index: u32,
        /// At most `chunkSize` recipients, in row order.
        recipients: Vec<PlannedRecipient>,
    }

    /// A row that will not be sent, and why.
    #[derive(Tsify)]
    pub struct RejectedRow {
        /// Its index in `recipients`.
        row: u32,
        /// The errors, with JSON Pointers into the input (`/recipients/3/to`, `/send/name`, …).
        issues: Vec<Issue>,
    }

    /// A row whose recipient an earlier row already has.
    #[derive(Tsify)]
    #[serde(rename_all = "camelCase")]
    pub struct DuplicateRow {
        /// Its index in `recipients`.
        row: u32,
        /// The accepted row with the same recipient.
        first_row: u32,
    }

    /// The counts: `rows === accepted + rejected + duplicates`.
    #[derive(Tsify)]
    pub struct BroadcastSummary {
        /// Rows in `recipients`.
        rows: u32,
        /// Rows in a chunk.
        accepted: u32,
        /// Rows in `rejected`.
        rejected: u32,
        /// Rows in `duplicates`.
        duplicates: u32,
    }

    /// A broadcast plan.
    #[derive(Tsify)]
    pub struct BroadcastPlan {
        /// Queue-ready chunks.
        chunks: Vec<BroadcastChunk>,
        /// Rows refused.
        rejected: Vec<RejectedRow>,
        /// Rows of a recipient already planned.
        duplicates: Vec<DuplicateRow>,
        /// The counts.
        summary: BroadcastSummary,
    }
}
