//! The camelCase view of one inbound message, per message type.

use super::contact;
use super::out::{Kind, Out};
use super::tables::MESSAGE;
use crate::json::{self, Node};

const MEDIA: &[(&str, &str, Kind)] = &[
    ("id", "id", Kind::Str),
    ("mime_type", "mimeType", Kind::Str),
    ("sha256", "sha256", Kind::Str),
    ("caption", "caption", Kind::Str),
    ("filename", "filename", Kind::Str),
    ("voice", "voice", Kind::Any),
    ("animated", "animated", Kind::Any),
    ("url", "url", Kind::Str),
];

const REPLY: &[(&str, &str, Kind)] = &[
    ("type", "type", Kind::Str),
    ("id", "id", Kind::Str),
    ("title", "title", Kind::Str),
    ("description", "description", Kind::Str),
    ("name", "name", Kind::Str),
    ("body", "body", Kind::Str),
];

/// Writes the fields of `message` (an object) into the open event; returns
/// why a Flow completion's `response_json` could not be read, if it could not.
pub fn write(
    out: &mut Out<'_>,
    message: &Node<'_>,
    contacts: &[Node<'_>],
    used: &mut [bool],
) -> Option<String> {
    out.fields(message, MESSAGE);
    contact::attach(out, contacts, used, &contact::sender(message), true);
    let kind = message.get("type").and_then(Node::as_str).unwrap_or_default();
    let body = message.get(kind);
    match kind {
        "text" => {
            if let Some(text) = body.and_then(|node| node.get("body")).filter(|node| node.as_str().is_some())
            {
                out.raw("text", text);
            }
        }
        "image" | "audio" | "video" | "document" | "sticker" => out.object("media", body, MEDIA),
        "location" | "contacts" | "order" | "system" => {
            if let Some(body) = body {
                out.raw(kind, body);
            }
        }
        "button" => {
            out.object("button", body, &[("text", "text", Kind::Str), ("payload", "payload", Kind::Str)])
        }
        "reaction" => {
            out.object(
                "reaction",
                body,
                &[("message_id", "messageId", Kind::Str), ("emoji", "emoji", Kind::Str)],
            );
        }
        "interactive" => return interactive(out, body),
        _ => {}
    }
    None
}

/// Button and list replies, and Flow completions (`nfm_reply`) with their
/// `response_json` parsed into `flowResponse`.
fn interactive(out: &mut Out<'_>, body: Option<&Node<'_>>) -> Option<String> {
    let body = body?;
    let kind = body.get("type").and_then(Node::as_str)?;
    let reply = body.get(kind).filter(|node| node.members().is_some())?;
    out.key("reply");
    out.open();
    out.str("type", kind);
    out.fields(reply, REPLY.get(1..).unwrap_or_default());
    out.close();
    if kind != "nfm_reply" {
        return None;
    }
    let text = reply.get("response_json").and_then(Node::as_str)?;
    match json::parse(text) {
        Ok(_) => {
            // Strict JSON: the text itself is the value, copied as is.
            out.key("flowResponse");
            out.push_json(text);
            None
        }
        Err(issue) => Some(format!("a Flow completion's response_json is not JSON: {}", issue.message)),
    }
}
