//! Fuzzes the `flow_token_signature` checks with arbitrary tokens, claims,
//! request flow_tokens and clocks: the JWT reader, the first step and the
//! claim binding never panic, and an accepted token's claims carry the
//! request's flow_token and its `exp`/`nbf`/`iat` hold.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whatsapp_edge::base64;
use whatsapp_edge::flow_endpoint::token::{self, Step, LEEWAY_SECONDS};
use whatsapp_edge::json::{self, string_literal};

/// `{"alg":"HS256"}` and a 32-byte MAC: a well-formed JWT around any claims.
const HEADER: &str = "eyJhbGciOiJIUzI1NiJ9";
const MAC: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";

fuzz_target!(|input: (&str, &str, &str, i64, bool)| {
    let (raw_token, claims, flow_token, now, required) = input;
    let _ = token::read_hs256(raw_token);
    let wrapped = format!("{HEADER}.{}.{MAC}", base64::encode(claims.as_bytes()));
    if let Some(read) = token::read_hs256(&wrapped) {
        assert_eq!(read.claims, claims, "the claims are the payload, as sent");
    }

    for signature in [raw_token, wrapped.as_str()] {
        let request = format!(
            r#"{{"flow_token":{},"flow_token_signature":{}}}"#,
            string_literal(flow_token),
            string_literal(signature)
        );
        assert_eq!(token::first_step(&request, false, required), Step::Skip, "no app secret: nothing to check");
        if let Step::Verify { token, flow_token: bound } = token::first_step(&request, true, required) {
            assert_eq!(bound, flow_token);
            assert!(signature.starts_with(&token.signed));
        }
    }

    if token::bind(claims, flow_token, now).is_ok() {
        let root = json::parse(claims).expect("accepted claims are JSON");
        let members = root.members().expect("accepted claims are an object");
        match root.get("flow_token") {
            Some(claim) => assert_eq!(claim.as_str(), Some(flow_token)),
            None => assert!(members.iter().any(|(key, node)| {
                node.as_str() == Some(flow_token) && key.name != "iss" && key.name != "aud"
            })),
        }
        let (now, leeway) = (now as f64, LEEWAY_SECONDS as f64);
        if let Some(expires) = root.get("exp") {
            assert!(now < expires.as_f64().expect("a numeric exp") + leeway, "accepted after exp");
        }
        for name in ["nbf", "iat"] {
            if let Some(at) = root.get(name) {
                assert!(at.as_f64().expect("a numeric time") <= now + leeway, "accepted before {name}");
            }
        }
    }
});
