//! `flow_token_signature` (data_api_version 4.0 with Flow JSON ≥ 7.3): a JWT
//! Meta signs with the app secret (HS256). Only its form and signature are
//! checked: what the payload's claims are called is not documented publicly
//! (REFERENCE §4: "payload contains the flow token"), so it is not read.

use super::base64;
use crate::json::{self, Node};

/// The part of an HS256 JWT its signature covers, and the signature.
#[derive(Debug, PartialEq, Eq)]
pub struct SignedToken<'a> {
    /// `header.payload`, as sent (the HMAC is over these bytes).
    pub signed: &'a str,
    /// The 32-byte HMAC-SHA256.
    pub mac: Vec<u8>,
}

/// `token` read as an HS256 JWT: three base64url parts, a JSON header whose
/// `alg` is `HS256`, a payload that decodes, a 32-byte signature. `None`
/// for anything else (another algorithm, `none` included, counts as forged).
pub fn read_hs256(token: &str) -> Option<SignedToken<'_>> {
    let mut parts = token.split('.');
    let (header, payload, signature) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let header_text = String::from_utf8(base64::decode(header)?).ok()?;
    let header_node = json::parse(&header_text).ok()?;
    if header_node.get("alg").and_then(Node::as_str) != Some("HS256") {
        return None;
    }
    base64::decode(payload)?;
    let mac = base64::decode(signature).filter(|mac| mac.len() == 32)?;
    let signed = token.get(..header.len() + 1 + payload.len())?;
    Some(SignedToken { signed, mac })
}

/// The `flow_token_signature` of a decrypted request, when it has one.
pub fn signature_of(plaintext: &str) -> Option<String> {
    let root = json::parse(plaintext).ok()?;
    root.get("flow_token_signature").and_then(Node::as_str).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    // {"alg":"HS256","typ":"JWT"} . {"flow_token":"t"} . 32 bytes
    const HEADER: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
    const PAYLOAD: &str = "eyJmbG93X3Rva2VuIjoidCJ9";
    const MAC: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";

    #[test]
    fn hs256_tokens_are_split_into_what_is_signed_and_the_signature() {
        let token = format!("{HEADER}.{PAYLOAD}.{MAC}");
        let read = read_hs256(&token).unwrap();
        assert_eq!(read.signed, format!("{HEADER}.{PAYLOAD}"));
        assert_eq!(read.mac, (0u8..32).collect::<Vec<_>>());
    }

    #[test]
    fn other_algorithms_and_broken_tokens_are_refused() {
        // {"alg":"none"}
        assert_eq!(read_hs256(&format!("eyJhbGciOiJub25lIn0.{PAYLOAD}.{MAC}")), None);
        assert_eq!(read_hs256(&format!("{HEADER}.{PAYLOAD}")), None);
        assert_eq!(read_hs256(&format!("{HEADER}.{PAYLOAD}.{MAC}.x")), None);
        assert_eq!(read_hs256(&format!("{HEADER}.{PAYLOAD}.AAEC")), None, "short signature");
        assert_eq!(read_hs256(&format!("{HEADER}.{PAYLOAD}!.{MAC}")), None, "payload not base64url");
        assert_eq!(read_hs256(&format!("e30.{PAYLOAD}.{MAC}")), None, "header without alg");
    }

    #[test]
    fn the_signature_is_read_from_the_request() {
        assert_eq!(
            signature_of(r#"{"flow_token":"t","flow_token_signature":"a.b.c"}"#).as_deref(),
            Some("a.b.c")
        );
        assert_eq!(signature_of(r#"{"flow_token":"t"}"#), None);
    }
}
