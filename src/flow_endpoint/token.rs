//! `flow_token_signature` (data_api_version 4.0 with Flow JSON ≥ 7.3): a JWT
//! Meta signs with the app secret (HS256) to say it issued this `flow_token`.
//!
//! The MAC is checked by the caller's primitive (WebCrypto); this module
//! reads the token, decides what a request's signature field asks for, and
//! binds the verified claims to the request: a valid MAC alone proves only
//! that Meta signed *some* token, and a user could replay their own JWT
//! beside someone else's `flow_token`.
//!
//! The claim that carries the flow token is not named in Meta's public
//! documentation (REFERENCE §4: "payload contains the flow token"), so the
//! binding is by value: a `flow_token` claim must equal the request's
//! `flow_token`; without one (claim name UNCONFIRMED), some other top-level
//! string claim must. `exp`, `nbf` and `iat` are honoured when present.

use crate::base64;
use crate::json::{self, Node};

/// Clock skew allowed on `exp`, `nbf` and `iat`, in seconds.
pub const LEEWAY_SECONDS: i64 = 60;

/// An HS256 JWT read apart: what its signature covers, the signature, and
/// the claims (the payload's JSON text).
#[derive(Debug, PartialEq, Eq)]
pub struct SignedToken {
    /// `header.payload`, as sent (the HMAC is over these bytes).
    pub signed: String,
    /// The 32-byte HMAC-SHA256.
    pub mac: Vec<u8>,
    /// The decoded payload: JSON text that parsed (an object or not: [`bind`] checks).
    pub claims: String,
}

/// `token` read as an HS256 JWT: three base64url parts, a JSON header whose
/// `alg` is `HS256`, a payload that is JSON, a 32-byte signature. `None`
/// for anything else (another algorithm, `none` included, counts as forged).
pub fn read_hs256(token: &str) -> Option<SignedToken> {
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
    let claims = String::from_utf8(base64::decode(payload)?).ok()?;
    json::parse(&claims).ok()?;
    let mac = base64::decode(signature).filter(|mac| mac.len() == 32)?;
    let signed = token.get(..header.len() + 1 + payload.len())?.to_owned();
    Some(SignedToken { signed, mac, claims })
}

/// Why a request's token does not vouch for it; every one answers 432.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A signature is required and the request has none.
    Missing,
    /// `flow_token_signature` is present but not a string.
    NotString,
    /// Not an HS256 JWT (another algorithm, `none`, or not a JWT at all).
    Malformed,
    /// The request has no string `flow_token` to bind the token to.
    NoFlowToken,
    /// The claims are not a JSON object.
    ClaimsNotObject,
    /// No claim carries the request's `flow_token`.
    TokenMismatch,
    /// `exp`, `nbf` or `iat` is present but not a number.
    TimeNotNumber,
    /// `exp` has passed (beyond the leeway).
    Expired,
    /// `nbf` or `iat` is in the future (beyond the leeway).
    NotYetValid,
}

/// What to do with a data exchange's `flow_token_signature`.
#[derive(Debug, PartialEq, Eq)]
pub enum Step {
    /// Nothing to check: no app secret to check it with, or no signature where none is required.
    Skip,
    /// Answer 432 without any crypto.
    Refuse(Refusal),
    /// Check `token.mac` over `token.signed` with the app secret(s), then
    /// [`bind`] `token.claims` to `flow_token`.
    Verify {
        /// The JWT, read apart.
        token: SignedToken,
        /// The request's `flow_token`.
        flow_token: String,
    },
}

/// The first step for a decrypted data exchange: `can_verify` when an app
/// secret is configured, `required` when a request must carry a signature.
/// With an app secret, a signature that is present is always checked.
pub fn first_step(plaintext: &str, can_verify: bool, required: bool) -> Step {
    if !can_verify {
        return Step::Skip;
    }
    let Ok(root) = json::parse(plaintext) else { return Step::Refuse(Refusal::Malformed) };
    let token = match root.get("flow_token_signature") {
        None if required => return Step::Refuse(Refusal::Missing),
        None => return Step::Skip,
        Some(node) => match node.as_str() {
            Some(token) => token,
            None => return Step::Refuse(Refusal::NotString),
        },
    };
    let Some(flow_token) = root.get("flow_token").and_then(Node::as_str) else {
        return Step::Refuse(Refusal::NoFlowToken);
    };
    match read_hs256(token) {
        Some(token) => Step::Verify { token, flow_token: flow_token.to_owned() },
        None => Step::Refuse(Refusal::Malformed),
    }
}

/// Binds verified `claims` (JSON text) to the request's `flow_token` at
/// `now` (Unix seconds): the token must name it, and its times must hold.
pub fn bind(claims: &str, flow_token: &str, now: i64) -> Result<(), Refusal> {
    let root = json::parse(claims).map_err(|_| Refusal::ClaimsNotObject)?;
    let members = root.members().ok_or(Refusal::ClaimsNotObject)?;
    let carries = match root.get("flow_token") {
        // Meta's likely name decides alone when present: a replayed token must
        // not pass because another of its claims happens to match.
        Some(claim) => claim.as_str() == Some(flow_token),
        None => members.iter().any(|(key, node)| {
            // Only the member JSON.parse keeps (the last of a repeated key)
            // counts, so the check and the handler's claims agree. `iss` and
            // `aud` are the same for every user: matching them proves nothing.
            std::ptr::eq(root.get(&key.name).unwrap_or(node), node)
                && !matches!(key.name.as_ref(), "iss" | "aud")
                && node.as_str() == Some(flow_token)
        }),
    };
    if !carries {
        return Err(Refusal::TokenMismatch);
    }
    let time = |name: &str| match root.get(name) {
        None => Ok(None),
        Some(node) => node.as_f64().map(Some).ok_or(Refusal::TimeNotNumber),
    };
    let (expires, not_before, issued) = (time("exp")?, time("nbf")?, time("iat")?);
    let now = now as f64;
    let leeway = LEEWAY_SECONDS as f64;
    if expires.is_some_and(|expires| now >= expires + leeway) {
        return Err(Refusal::Expired);
    }
    if [not_before, issued].into_iter().flatten().any(|at| at > now + leeway) {
        return Err(Refusal::NotYetValid);
    }
    Ok(())
}

/// Whether a Flow JSON declares a `data_api_version` of 4.0 or later, where
/// Meta signs every request's flow token (`requireFlowTokenSignature`'s default).
pub fn signed_by_default(flow: &Node<'_>) -> bool {
    let Some(version) = flow.get("data_api_version").and_then(Node::as_str) else { return false };
    let major = version.split('.').next().unwrap_or_default();
    !major.is_empty()
        && major.bytes().all(|b| b.is_ascii_digit())
        && major.parse::<u32>().is_ok_and(|m| m >= 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    // {"alg":"HS256","typ":"JWT"} . {"flow_token":"t"} . 32 bytes
    const HEADER: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
    const PAYLOAD: &str = "eyJmbG93X3Rva2VuIjoidCJ9";
    const MAC: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
    const NOW: i64 = 1_763_900_000;

    fn jwt_with(claims: &str) -> String {
        format!("{HEADER}.{}.{MAC}", base64::encode(claims.as_bytes()).trim_end_matches('='))
    }

    #[test]
    fn hs256_tokens_are_split_into_what_is_signed_the_signature_and_the_claims() {
        let token = format!("{HEADER}.{PAYLOAD}.{MAC}");
        let read = read_hs256(&token).unwrap();
        assert_eq!(read.signed, format!("{HEADER}.{PAYLOAD}"));
        assert_eq!(read.mac, (0u8..32).collect::<Vec<_>>());
        assert_eq!(read.claims, r#"{"flow_token":"t"}"#);
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
        assert_eq!(read_hs256(&jwt_with("not json")), None, "payload not JSON");
    }

    #[test]
    fn the_first_step_follows_the_signature_field_and_the_policy() {
        let token = format!("{HEADER}.{PAYLOAD}.{MAC}");
        let signed = format!(r#"{{"flow_token":"t","flow_token_signature":"{token}"}}"#);
        let verify = first_step(&signed, true, false);
        assert!(matches!(verify, Step::Verify { ref flow_token, .. } if flow_token == "t"), "{verify:?}");
        assert_eq!(first_step(&signed, false, false), Step::Skip, "no app secret: nothing to check with");
        let unsigned = r#"{"flow_token":"t"}"#;
        assert_eq!(first_step(unsigned, true, false), Step::Skip);
        assert_eq!(first_step(unsigned, true, true), Step::Refuse(Refusal::Missing));
        for not_string in ["null", "1", "{}", r#"["a.b.c"]"#, "false"] {
            let request = format!(r#"{{"flow_token":"t","flow_token_signature":{not_string}}}"#);
            assert_eq!(first_step(&request, true, false), Step::Refuse(Refusal::NotString), "{not_string}");
        }
        let no_token = format!(r#"{{"flow_token":5,"flow_token_signature":"{token}"}}"#);
        assert_eq!(first_step(&no_token, true, false), Step::Refuse(Refusal::NoFlowToken));
        let broken = r#"{"flow_token":"t","flow_token_signature":"a.b.c"}"#;
        assert_eq!(first_step(broken, true, false), Step::Refuse(Refusal::Malformed));
    }

    #[test]
    fn claims_must_carry_the_requests_flow_token() {
        assert_eq!(bind(r#"{"flow_token":"t"}"#, "t", NOW), Ok(()));
        assert_eq!(
            bind(r#"{"flow_token":"t"}"#, "u", NOW),
            Err(Refusal::TokenMismatch),
            "replayed beside another token"
        );
        // Claim name unconfirmed: any other top-level string claim may carry it…
        assert_eq!(bind(r#"{"sub":"t","iat":1}"#, "t", NOW), Ok(()));
        assert_eq!(bind(r#"{"token":"t"}"#, "t", NOW), Ok(()));
        // …but not a nested one, a number, `iss`/`aud`, or a key JSON.parse would drop.
        assert_eq!(bind(r#"{"x":{"flow_token":"t"}}"#, "t", NOW), Err(Refusal::TokenMismatch));
        assert_eq!(bind(r#"{"n":5}"#, "5", NOW), Err(Refusal::TokenMismatch));
        assert_eq!(bind(r#"{"iss":"meta","aud":"app"}"#, "meta", NOW), Err(Refusal::TokenMismatch));
        assert_eq!(bind(r#"{"sub":"t","sub":"u"}"#, "t", NOW), Err(Refusal::TokenMismatch));
        // A flow_token claim decides alone: another matching claim does not rescue it.
        assert_eq!(bind(r#"{"flow_token":"a","sub":"b"}"#, "b", NOW), Err(Refusal::TokenMismatch));
        assert_eq!(bind(r#"{"flow_token":1,"sub":"1"}"#, "1", NOW), Err(Refusal::TokenMismatch));
        for not_object in ["[]", r#""t""#, "null", "1"] {
            assert_eq!(bind(not_object, "t", NOW), Err(Refusal::ClaimsNotObject), "{not_object}");
        }
    }

    #[test]
    fn exp_nbf_and_iat_hold_with_a_minute_of_leeway() {
        let at = |claims: &str| bind(&format!(r#"{{"flow_token":"t",{claims}}}"#), "t", NOW);
        assert_eq!(at(&format!(r#""exp":{}"#, NOW - 59)), Ok(()), "inside the leeway");
        assert_eq!(at(&format!(r#""exp":{}"#, NOW - 60)), Err(Refusal::Expired));
        assert_eq!(at(&format!(r#""exp":{}"#, NOW - 86_400)), Err(Refusal::Expired));
        assert_eq!(at(&format!(r#""exp":{}.5"#, NOW + 3600)), Ok(()), "NumericDate may be fractional");
        assert_eq!(at(&format!(r#""nbf":{}"#, NOW + 60)), Ok(()));
        assert_eq!(at(&format!(r#""nbf":{}"#, NOW + 61)), Err(Refusal::NotYetValid));
        assert_eq!(at(&format!(r#""iat":{}"#, NOW + 61)), Err(Refusal::NotYetValid));
        assert_eq!(at(&format!(r#""iat":{},"exp":{}"#, NOW - 10, NOW + 600)), Ok(()));
        for bad in [r#""exp":"2030-01-01""#, r#""nbf":null"#, r#""iat":true"#, r#""exp":[1]"#] {
            assert_eq!(at(bad), Err(Refusal::TimeNotNumber), "{bad}");
        }
    }

    #[test]
    fn data_api_version_4_signs_by_default() {
        let declares = |version: &str| signed_by_default(&json::parse(version).unwrap());
        assert!(declares(r#"{"data_api_version":"4.0"}"#));
        assert!(declares(r#"{"data_api_version":"4.1"}"#));
        assert!(declares(r#"{"data_api_version":"10.0"}"#));
        for other in [
            r#"{"data_api_version":"3.0"}"#,
            r#"{"data_api_version":4}"#,
            "{}",
            r#"{"data_api_version":"+4.0"}"#,
            r#"{"data_api_version":".4"}"#,
        ] {
            assert!(!declares(other), "{other}");
        }
    }
}
