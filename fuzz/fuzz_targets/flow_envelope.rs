//! Fuzzes the Flow endpoint's pure steps on hostile input: the request
//! envelope, request classification, PEM/DER key reading and media metadata.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whatsapp_edge::base64;
use whatsapp_edge::flow_endpoint::{self, der, media, pem};

fuzz_target!(|data: &[u8]| {
    let _ = flow_endpoint::read_envelope(data);
    let _ = der::classify(data);
    let _ = der::pbes2(data);
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = flow_endpoint::classify(text);
        let _ = pem::read(text);
        if let Some(bytes) = base64::decode(text) {
            assert_eq!(base64::decode(&base64::encode(&bytes)).as_deref(), Some(bytes.as_slice()));
        }
        if let Ok(node) = whatsapp_edge::json::parse(text) {
            let _ = media::read_keys(&node);
            let _ = flow_endpoint::answer::Screens::read(&node).check(&node);
        }
    }
    let _ = media::split(data);
});
