//! The WhatsApp Flow data endpoint's envelope (REFERENCE §4), sans-IO.
//!
//! The crypto steps (RSA-OAEP unwrap, AES-128-GCM, PBKDF2, AES-CBC, HMAC,
//! SHA-256) are run by the caller's primitives — WebCrypto in the package —
//! between the pure steps here: reading the request envelope, flipping the
//! IV, telling pings and error notifications from data exchanges, checking
//! the handler's answer against the Flow, reading private keys and media
//! metadata. Everything that can fail on input returns `None` or an `Error`.

pub mod answer;
pub mod der;
mod des;
pub mod media;
pub mod pem;
pub mod token;

use crate::base64;
use crate::json::{self, Node};

/// Stable codes of the errors the Flow endpoint and media helpers throw.
pub mod code {
    /// `privateKey` is not an RSA private key in PEM (PKCS#8, PKCS#1, encrypted PKCS#8).
    pub const INVALID_PRIVATE_KEY: &str = "invalid_private_key";
    /// The key is encrypted in a way this package cannot decrypt (legacy PEM encryption, non-PBES2).
    pub const UNSUPPORTED_PRIVATE_KEY: &str = "unsupported_private_key";
    /// The key is encrypted and no `passphrase` was given.
    pub const PASSPHRASE_REQUIRED: &str = "passphrase_required";
    /// The `passphrase` does not decrypt the key.
    pub const WRONG_PASSPHRASE: &str = "wrong_passphrase";
    /// Flow media failed its hash or HMAC check (tampered or truncated download).
    pub const MEDIA_INTEGRITY: &str = "media_integrity";
    /// WebCrypto (`crypto.subtle`) is missing or failed an operation it should support.
    pub const CRYPTO_UNAVAILABLE: &str = "crypto_unavailable";
    /// Thrown by a Flow endpoint handler (via `flowTokenExpired`) to answer 427.
    pub const FLOW_TOKEN_EXPIRED: &str = "flow_token_expired";
}

/// Stable codes of the findings about a handler's answer (with `validation_failed`).
pub mod issue {
    /// The answer is not a JSON object.
    pub const NOT_OBJECT: &str = "flow_endpoint.response_not_object";
    /// The answer names no `screen`.
    pub const SCREEN_MISSING: &str = "flow_endpoint.screen_missing";
    /// The answer names a screen the Flow does not have.
    pub const UNKNOWN_SCREEN: &str = "flow_endpoint.unknown_screen";
    /// The answer lacks data the screen declares.
    pub const DATA_MISSING: &str = "flow_endpoint.data_missing";
    /// The answer gives declared data of another type than declared.
    pub const DATA_TYPE: &str = "flow_endpoint.data_type";
    /// A `SUCCESS` answer lacks `extension_message_response.params.flow_token`.
    pub const FLOW_TOKEN_MISSING: &str = "flow_endpoint.flow_token_missing";
}

/// The answer to a health check (`action: "ping"`).
pub const PING_RESPONSE: &str = r#"{"data":{"status":"active"}}"#;
/// The answer to an error notification (`data.error`).
pub const ACKNOWLEDGED_RESPONSE: &str = r#"{"data":{"acknowledged":true}}"#;

/// A request body's decoded parts.
#[derive(Debug, PartialEq, Eq)]
pub struct Envelope {
    /// AES-GCM ciphertext with its 16-byte tag at the end.
    pub flow_data: Vec<u8>,
    /// The RSA-OAEP-wrapped AES key.
    pub aes_key: Vec<u8>,
    /// The 16-byte GCM IV.
    pub iv: [u8; 16],
}

/// Reads `{encrypted_flow_data, encrypted_aes_key, initial_vector}`; `None`
/// (answer 421) for anything else: not JSON, missing fields, bad base64, an
/// IV that is not 16 bytes, data shorter than a GCM tag.
pub fn read_envelope(body: &[u8]) -> Option<Envelope> {
    let text = std::str::from_utf8(body).ok()?;
    let root = json::parse(text).ok()?;
    let field = |name: &str| root.get(name).and_then(Node::as_str).and_then(base64::decode);
    let flow_data = field("encrypted_flow_data").filter(|data| data.len() >= 16)?;
    let aes_key = field("encrypted_aes_key").filter(|key| !key.is_empty())?;
    let iv = field("initial_vector")?.try_into().ok()?;
    Some(Envelope { flow_data, aes_key, iv })
}

/// The response IV: every bit of the request's IV inverted.
pub fn flip(iv: &[u8; 16]) -> [u8; 16] {
    iv.map(|byte| !byte)
}

/// What a decrypted request asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum RequestKind {
    /// A health check: answer [`PING_RESPONSE`].
    Ping,
    /// An error notification (`data.error` and `data.error_message`): answer [`ACKNOWLEDGED_RESPONSE`].
    ErrorNotification,
    /// INIT, BACK, data_exchange, navigate: the handler answers.
    Exchange,
}

/// Classifies decrypted request text; `None` (answer 421) when it is not a JSON object.
pub fn classify(plaintext: &str) -> Option<RequestKind> {
    let root = json::parse(plaintext).ok()?;
    root.members()?;
    if root.get("action").and_then(Node::as_str) == Some("ping") {
        return Some(RequestKind::Ping);
    }
    if is_error_notification(&root) {
        return Some(RequestKind::ErrorNotification);
    }
    Some(RequestKind::Exchange)
}

/// Meta's error notification exactly as documented (REFERENCE §4): action
/// `INIT` or `data_exchange`, and `data` holding a string `error` and a
/// string `error_message` and nothing else. `data` is otherwise the user's
/// form input, so a field a Flow happens to call `error` must reach the
/// handler rather than be acknowledged and dropped.
fn is_error_notification(root: &Node<'_>) -> bool {
    let action = root.get("action").and_then(Node::as_str);
    let Some(data) = root.get("data") else { return false };
    let is_string = |name: &str| data.get(name).and_then(Node::as_str).is_some();
    matches!(action, Some("INIT" | "data_exchange"))
        && is_string("error")
        && is_string("error_message")
        && data.members().is_some_and(|members| {
            members.iter().all(|(key, _)| matches!(key.name.as_ref(), "error" | "error_message"))
        })
}

/// The 427 body: `{"error_msg": message}`.
pub fn expired_body(message: &str) -> String {
    let mut out = String::from("{\"error_msg\":");
    crate::json::write_string(&mut out, message);
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_complete_envelopes() {
        let good = r#"{"encrypted_flow_data":"AAAAAAAAAAAAAAAAAAAAAA==","encrypted_aes_key":"AQ==","initial_vector":"AAAAAAAAAAAAAAAAAAAAAA=="}"#;
        let envelope = read_envelope(good.as_bytes()).unwrap();
        assert_eq!((envelope.flow_data.len(), envelope.aes_key, envelope.iv), (16, vec![1], [0; 16]));
        // Either alphabet, padded or not, field by field.
        let relaxed = r#"{"encrypted_flow_data":"-_-_-_-_-_-_-_-_-_-_-w","encrypted_aes_key":"+/8","initial_vector":"AAAAAAAAAAAAAAAAAAAAAA"}"#;
        let envelope = read_envelope(relaxed.as_bytes()).unwrap();
        assert_eq!(
            (envelope.flow_data, envelope.aes_key),
            ([0xfb, 0xff, 0xbf].repeat(5).into_iter().chain([0xfb]).collect(), vec![0xfb, 0xff])
        );
        for bad in [
            "",
            "[]",
            r#"{"encrypted_flow_data":"AAAA","encrypted_aes_key":"AQ==","initial_vector":"AAAAAAAAAAAAAAAAAAAAAA=="}"#,
            r#"{"encrypted_flow_data":"AAAAAAAAAAAAAAAAAAAAAA==","encrypted_aes_key":"","initial_vector":"AAAAAAAAAAAAAAAAAAAAAA=="}"#,
            r#"{"encrypted_flow_data":"AAAAAAAAAAAAAAAAAAAAAA==","encrypted_aes_key":"AQ==","initial_vector":"AAAAAAAAAAAAAAAAAAAA"}"#,
            r#"{"encrypted_flow_data":"AAAAAAAAAAAAAAAAAAAAAA==","encrypted_aes_key":"A!==","initial_vector":"AAAAAAAAAAAAAAAAAAAAAA=="}"#,
        ] {
            assert_eq!(read_envelope(bad.as_bytes()), None, "{bad}");
        }
        assert_eq!(read_envelope(&[0xff, 0xfe]), None);
    }

    #[test]
    fn flips_and_classifies() {
        assert_eq!(flip(&[0x0f; 16]), [0xf0; 16]);
        assert_eq!(classify(r#"{"version":"3.0","action":"ping"}"#), Some(RequestKind::Ping));
        let notification = r#"{"action":"data_exchange","data":{"error":"x","error_message":"y"}}"#;
        assert_eq!(classify(notification), Some(RequestKind::ErrorNotification));
        assert_eq!(
            classify(r#"{"action":"INIT","data":{"error":"x","error_message":"y"}}"#),
            Some(RequestKind::ErrorNotification)
        );
        assert_eq!(classify(r#"{"action":"INIT","flow_token":"t"}"#), Some(RequestKind::Exchange));
        assert_eq!(classify("[1]"), None);
        assert_eq!(classify("nope"), None);
        assert_eq!(expired_body("a \"b\""), r#"{"error_msg":"a \"b\""}"#);
    }

    #[test]
    fn a_form_field_called_error_is_user_input_not_a_notification() {
        for exchange in [
            r#"{"action":"data_exchange","screen":"S","data":{"error":"my typo"}}"#,
            r#"{"action":"data_exchange","data":{"error":"x","error_message":"y","name":"Ann"}}"#,
            r#"{"action":"data_exchange","data":{"error":{"code":1},"error_message":"y"}}"#,
            r#"{"action":"data_exchange","data":{"error":"x","error_message":5}}"#,
            r#"{"action":"BACK","data":{"error":"x","error_message":"y"}}"#,
            r#"{"data":{"error":"x","error_message":"y"}}"#,
            r#"{"action":"data_exchange","data":["error","error_message"]}"#,
        ] {
            assert_eq!(classify(exchange), Some(RequestKind::Exchange), "{exchange}");
        }
    }
}
