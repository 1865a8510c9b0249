//! parsePhone on arbitrary text, with and without a default country.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for country in [None, Some("GB"), Some("AR")] {
        let result = whatsapp_edge::phone::parse(text, country);
        assert_eq!(result.ok, result.errors.is_empty());
    }
});
