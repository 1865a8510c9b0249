//! `downloadMedia`'s URL check against a WHATWG URL parser (the `url`
//! crate): every URL the check lets through must parse, and the parser must
//! see the same https origin on one of Meta's media hosts (or the client's
//! own base URL), with no user info and no port — so the token can only go
//! where the check thought it was going. Also: `baseUrl` checks never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use whatsapp_edge::api::cloud::Cloud;

const MEDIA_HOSTS: [&str; 4] = [".fbsbx.com", ".facebook.com", ".fbcdn.net", ".whatsapp.net"];

fuzz_target!(|text: &str| {
    let _ = whatsapp_edge::api::url::check_base_url("Fuzz", text);
    for base in ["https://graph.facebook.com", "http://127.0.0.1:8787/proxy"] {
        let cloud = Cloud { base_url: base.into(), api_version: "v23.0".into(), phone_number_id: None, waba_id: None };
        let Ok(request) = cloud.download_media(text) else { continue };
        assert_eq!(request.url, text, "the request must go to the string that was checked");
        let parsed = url::Url::parse(text).unwrap_or_else(|e| panic!("accepted {text:?}, which WHATWG refuses: {e}"));
        let base = url::Url::parse(base).unwrap();
        assert!(parsed.username().is_empty() && parsed.password().is_none(), "user info in {text:?}");
        let host = parsed.host_str().unwrap_or_default();
        let on_meta = parsed.scheme() == "https"
            && parsed.port().is_none()
            && MEDIA_HOSTS.iter().any(|suffix| host.ends_with(suffix) && host.len() > suffix.len());
        assert!(on_meta || parsed.origin() == base.origin(), "{text:?} goes to {:?}", parsed.origin());
        // The host we checked is the host the parser reads (no rewriting on the way).
        assert!(text.starts_with(&format!("{}://{host}", parsed.scheme())), "{text:?} was rewritten to {parsed}");
    }
});
