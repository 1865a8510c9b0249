//! Planning a broadcast: each input row parsed (a phone number as people type
//! it, or a business-scoped user id), deduplicated by WhatsApp id, its send
//! checked against the template definition (per recipient: parameters
//! differ), and the accepted rows frozen into queue-ready chunks carrying the
//! idempotency key `<campaignId>:<recipient>` (sent as
//! `biz_opaque_callback_data`). Every row ends exactly once in `chunks`,
//! `rejected` or `duplicates`, and `summary` adds up.

use super::code;
use crate::json::{self, write_string, Node};
use crate::report::{Issue, Severity};
use crate::webhook::out::Out;
use crate::Error;
use std::collections::HashMap;

/// The most recipients in one chunk (one queue message).
pub const MAX_CHUNK_SIZE: u32 = 100;
/// Recipients per chunk by default.
pub const DEFAULT_CHUNK_SIZE: u32 = 50;
/// A chunk is closed before its JSON passes this many bytes, so a queue
/// message stays one 64 KB operation (BROADCAST.md §4.3).
pub const CHUNK_BYTES: usize = 60_000;
/// The longest campaign id: with `:` and a BSUID (at most 135 characters)
/// the key stays within `biz_opaque_callback_data`'s 512 (BROADCAST.md §1.5).
pub const MAX_CAMPAIGN_ID: usize = 256;

/// What the plan is for, besides the documents.
pub struct Campaign<'a> {
    /// The caller's id of the campaign: the first half of every key.
    pub campaign_id: &'a str,
    /// The business phone number that sends it.
    pub phone_number_id: &'a str,
    /// ISO alpha-2 region for numbers written without `+`.
    pub default_country: Option<&'a str>,
    /// Recipients per chunk (1 to [`MAX_CHUNK_SIZE`]); `None` is [`DEFAULT_CHUNK_SIZE`].
    pub chunk_size: Option<u32>,
}

/// A JSON document and the text it was parsed from.
#[derive(Clone, Copy)]
pub struct Doc<'d, 'n> {
    /// The parsed value.
    pub node: &'d Node<'n>,
    /// Its source text (spans index it).
    pub text: &'d str,
}

/// The counts of a plan: `rows == accepted + rejected + duplicates`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Input rows.
    pub rows: u32,
    /// Rows in a chunk.
    pub accepted: u32,
    /// Rows refused, with their issues.
    pub rejected: u32,
    /// Rows whose recipient an earlier accepted row already has.
    pub duplicates: u32,
}

/// A plan as JSON text (`{ chunks, rejected, duplicates, summary }`) and its counts.
pub struct Plan {
    /// The whole result as JSON text: the sends are copied from the input verbatim.
    pub json: String,
    /// The counts (also in `json`).
    pub summary: Summary,
}

/// Plans `send` (Meta's `template` object: `name`, `language`, shared
/// `components`) to `recipients` (an array of strings or `{ to, components }`)
/// against `definition`. Misuse (ids, chunk size, the shapes of `send` and
/// `recipients`) is an error; a bad row is a rejection.
pub fn plan(
    campaign: &Campaign<'_>,
    definition: &Node<'_>,
    send: Doc<'_, '_>,
    recipients: Doc<'_, '_>,
) -> Result<Plan, Error> {
    let chunk_size = check_campaign(campaign)?;
    let country = crate::phone::PhoneOptions::new(campaign.default_country)?.default_country;
    let (Some(rows), Some(members)) = (recipients.node.items(), send.node.members()) else {
        return Err(Error::invalid_argument(
            "planBroadcast: send must be the template object of a send and recipients an array",
        ));
    };
    let mut prefix = String::from("{");
    for (key, value) in members.iter().filter(|(key, _)| key.name != "components") {
        if prefix.len() > 1 {
            prefix.push(',');
        }
        write_string(&mut prefix, &key.name);
        prefix.push(':');
        prefix.push_str(json::source(send.text, value));
    }
    let marketing = definition
        .get("category")
        .and_then(Node::as_str)
        .is_some_and(|c| c.eq_ignore_ascii_case("MARKETING"));
    let mut planner = Planner {
        campaign,
        definition,
        prefix,
        shared_components: send.node.get("components").map(|c| json::source(send.text, c)),
        marketing,
        country: country.as_deref(),
        seen: HashMap::with_capacity(rows.len()),
        cache: [None, None],
        chunks: Chunks::new(campaign, chunk_size),
        rejected: Out::new(""),
        duplicates: Out::new(""),
        summary: Summary::default(),
    };
    planner.rejected.open_array();
    planner.duplicates.open_array();
    for (row, recipient) in rows.iter().enumerate() {
        planner.row(row, recipient, recipients.text);
    }
    Ok(planner.finish())
}

fn check_campaign(campaign: &Campaign<'_>) -> Result<usize, Error> {
    let id_length = crate::check::char_len(campaign.campaign_id);
    if id_length == 0 || id_length > MAX_CAMPAIGN_ID || campaign.campaign_id.chars().any(char::is_control) {
        return Err(Error::invalid_argument(format!(
            "planBroadcast: campaignId must be 1 to {MAX_CAMPAIGN_ID} characters without control characters"
        )));
    }
    let number = campaign.phone_number_id;
    if number.is_empty() || number.len() > 32 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::invalid_argument(
            "planBroadcast: phoneNumberId must be the phone number's id (digits)",
        ));
    }
    match campaign.chunk_size.unwrap_or(DEFAULT_CHUNK_SIZE) {
        size @ 1..=MAX_CHUNK_SIZE => Ok(size as usize),
        _ => Err(Error::invalid_argument(format!("planBroadcast: chunkSize must be 1 to {MAX_CHUNK_SIZE}"))),
    }
}

/// A recipient as read from its row.
struct Target<'r> {
    /// What the row gives as the recipient.
    to: &'r str,
    /// Where that is, as a JSON Pointer into the planBroadcast input.
    at: String,
    /// The row's own components (JSON text), replacing the send's.
    components: Option<&'r str>,
}

struct Planner<'p, 'n> {
    campaign: &'p Campaign<'p>,
    definition: &'p Node<'n>,
    /// The frozen send up to its components: `{"name":…,"language":…`.
    prefix: String,
    shared_components: Option<&'p str>,
    marketing: bool,
    country: Option<&'p str>,
    /// Recipient key → the row that has it.
    seen: HashMap<String, usize>,
    /// The findings on the shared send, to a phone number and to a BSUID.
    cache: [Option<Vec<Issue>>; 2],
    chunks: Chunks,
    rejected: Out<'static>,
    duplicates: Out<'static>,
    summary: Summary,
}

impl Planner<'_, '_> {
    fn row(&mut self, row: usize, recipient: &Node<'_>, text: &str) {
        self.summary.rows += 1;
        let target = match read_target(row, recipient, text) {
            Ok(target) => target,
            Err(issues) => return self.reject(row, &issues),
        };
        let to = target.to.trim();
        let bsuid = crate::message::is_bsuid(to);
        let (key, to) = if bsuid {
            (to.to_owned(), to.to_owned())
        } else {
            match self.phone(to, &target.at) {
                Ok(pair) => pair,
                Err(issues) => return self.reject(row, &issues),
            }
        };
        if let Some(first) = self.seen.get(&key) {
            self.summary.duplicates += 1;
            self.duplicates.item();
            self.duplicates.open();
            self.duplicates.key("row");
            self.duplicates.number(index(row));
            self.duplicates.key("firstRow");
            self.duplicates.number(index(*first));
            return self.duplicates.close();
        }
        let frozen = self.frozen(target.components);
        let issues = self.check_send(&frozen, &to, bsuid, target.components.is_some());
        let issues: Vec<Issue> = issues.into_iter().map(|issue| place(issue, row, &target)).collect();
        if !issues.is_empty() {
            return self.reject(row, &issues);
        }
        self.seen.insert(key.clone(), row);
        self.summary.accepted += 1;
        let mut out = Out::new("");
        out.open();
        out.key("row");
        out.number(index(row));
        out.str("key", &(self.campaign.campaign_id.to_owned() + ":" + &key));
        out.str("to", &to);
        out.key("send");
        out.push_json(&frozen);
        out.close();
        self.chunks.push(&out.finish());
    }

    /// `(key, to)` of a phone number (WhatsApp id, +E.164), or why it is refused.
    fn phone(&self, typed: &str, at: &str) -> Result<(String, String), Vec<Issue>> {
        // Without a default country, digits alone count as international
        // (what `sendTemplate` takes).
        let international;
        let input = match self.country {
            None if !typed.starts_with('+') => {
                international = "+".to_owned() + typed;
                international.as_str()
            }
            _ => typed,
        };
        let result = crate::phone::validate(input, self.country);
        let located = |issue: Issue| Issue { path: at.to_owned(), line: None, column: None, ..issue };
        match (result.ok, result.wa_id, result.e164) {
            (true, Some(wa_id), Some(e164)) => {
                if self.marketing && result.country == Some("US") {
                    return Err(vec![Issue::error(
                        code::US_MARKETING_UNDELIVERABLE,
                        at,
                        "Meta does not deliver MARKETING templates to US numbers (+1 with a US area code)",
                    )]);
                }
                Ok((wa_id, e164))
            }
            _ => Err(result.errors.into_iter().map(located).collect()),
        }
    }

    /// The template object this recipient is sent.
    fn frozen(&self, own: Option<&str>) -> String {
        let mut frozen = self.prefix.clone();
        if let Some(components) = own.or(self.shared_components) {
            if frozen.len() > 1 {
                frozen.push(',');
            }
            frozen.push_str(r#""components":"#);
            frozen.push_str(components);
        }
        frozen.push('}');
        frozen
    }

    /// The errors of the send to `to`, at paths of a message
    /// (`/to`, `/template/…`); the shared send's are checked once per kind of recipient.
    fn check_send(&mut self, frozen: &str, to: &str, bsuid: bool, own: bool) -> Vec<Issue> {
        let slot = usize::from(bsuid);
        if !own {
            if let Some(Some(issues)) = self.cache.get(slot) {
                return issues.clone();
            }
        }
        let mut message = String::from(r#"{"to":"#);
        write_string(&mut message, to);
        message.push_str(r#","template":"#);
        message.push_str(frozen);
        message.push('}');
        let issues = match json::parse(&message) {
            Ok(node) => crate::template::send::validate_template_send(self.definition, &node, None)
                .errors
                .into_iter()
                .filter(|issue| issue.severity == Severity::Error)
                .collect(),
            Err(issue) => vec![issue],
        };
        if !own {
            if let Some(cached) = self.cache.get_mut(slot) {
                *cached = Some(issues.clone());
            }
        }
        issues
    }

    fn reject(&mut self, row: usize, issues: &[Issue]) {
        self.summary.rejected += 1;
        let out = &mut self.rejected;
        out.item();
        out.open();
        out.key("row");
        out.number(index(row));
        out.key("issues");
        out.open_array();
        for issue in issues {
            crate::webhook::write_issue(out, issue);
        }
        out.close_array();
        out.close();
    }

    fn finish(mut self) -> Plan {
        self.rejected.close_array();
        self.duplicates.close_array();
        let summary = self.summary;
        let mut out = Out::new("");
        out.open();
        out.key("chunks");
        out.push_json(&self.chunks.finish());
        out.key("rejected");
        out.push_json(&self.rejected.finish());
        out.key("duplicates");
        out.push_json(&self.duplicates.finish());
        out.key("summary");
        out.open();
        for (name, value) in [
            ("rows", summary.rows),
            ("accepted", summary.accepted),
            ("rejected", summary.rejected),
            ("duplicates", summary.duplicates),
        ] {
            out.key(name);
            out.number(value);
        }
        out.close();
        out.close();
        Plan { json: out.finish(), summary }
    }
}

/// A row index as JSON (rows past `u32::MAX` cannot come from JavaScript).
fn index(row: usize) -> u32 {
    u32::try_from(row).unwrap_or(u32::MAX)
}

/// The row as a recipient: a string, or `{ to, components? }`.
fn read_target<'r>(row: usize, recipient: &'r Node<'_>, text: &'r str) -> Result<Target<'r>, Vec<Issue>> {
    let base = format!("/recipients/{row}");
    if let Some(to) = recipient.as_str() {
        return Ok(Target { to, at: base, components: None });
    }
    let invalid = |at: String, message: &str| vec![Issue::error(code::RECIPIENT_INVALID, at, message)];
    let Some(members) = recipient.members() else {
        return Err(invalid(base, "a recipient is a phone number or BSUID, or { to, components }"));
    };
    if let Some((key, _)) = members.iter().find(|(key, _)| key.name != "to" && key.name != "components") {
        let at = crate::json_pointer::JsonPointer::root().key(&key.name);
        return Err(invalid(base + at.as_str(), "a recipient has only to and components"));
    }
    let Some(to) = recipient.get("to").and_then(Node::as_str) else {
        return Err(invalid(base + "/to", "to is the recipient's phone number or BSUID, as a string"));
    };
    let components = recipient.get("components").map(|node| json::source(text, node));
    Ok(Target { to, at: base + "/to", components })
}

/// An issue found on the message `{to, template}` moved to where the
/// planBroadcast input has it: the row's `to` or components, or `/send`.
fn place(issue: Issue, row: usize, target: &Target<'_>) -> Issue {
    let path = &issue.path;
    let placed = if path == "/to" || path == "/recipient" || path.is_empty() {
        target.at.clone()
    } else if let (Some(rest), true) =
        (path.strip_prefix("/template/components"), target.components.is_some())
    {
        format!("/recipients/{row}/components{rest}")
    } else if let Some(rest) = path.strip_prefix("/template") {
        "/send".to_owned() + rest
    } else {
        target.at.clone()
    };
    Issue { path: placed, ..issue }
}

/// The chunks written so far, and the one being filled.
struct Chunks {
    out: String,
    header: String,
    current: String,
    count: usize,
    size: usize,
    index: u32,
}

impl Chunks {
    fn new(campaign: &Campaign<'_>, size: usize) -> Self {
        let mut header = String::from(r#"{"campaignId":"#);
        write_string(&mut header, campaign.campaign_id);
        header.push_str(r#","phoneNumberId":"#);
        write_string(&mut header, campaign.phone_number_id);
        Self { out: String::from("["), header, current: String::new(), count: 0, size, index: 0 }
    }

    fn push(&mut self, recipient: &str) {
        if self.count > 0 && (self.count >= self.size || self.current.len() + recipient.len() > CHUNK_BYTES) {
            self.flush();
        }
        if self.count > 0 {
            self.current.push(',');
        }
        self.current.push_str(recipient);
        self.count += 1;
    }

    fn flush(&mut self) {
        if self.out.len() > 1 {
            self.out.push(',');
        }
        self.out.push_str(&self.header);
        self.out.push_str(r#","index":"#);
        self.out.push_str(&self.index.to_string());
        self.out.push_str(r#","recipients":["#);
        self.out.push_str(&self.current);
        self.out.push_str("]}");
        self.current.clear();
        self.count = 0;
        self.index += 1;
    }

    fn finish(mut self) -> String {
        if self.count > 0 {
            self.flush();
        }
        self.out.push(']');
        self.out
    }
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
