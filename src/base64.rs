//! Base64 (RFC 4648) through the `base64` crate, configured once: what the package sends is standard with padding, what it reads may be either alphabet, padded or not.

use base64::engine::general_purpose::{STANDARD, STANDARD_PAD_INDIFFERENT, URL_SAFE_PAD_INDIFFERENT};
use base64::Engine;

/// Standard base64 with `=` padding: what Meta expects in a Flow endpoint's
/// answer, and what Woztell's signed context carries.
pub fn encode(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// Decodes standard or URL-safe base64 (Meta's envelopes, PEM bodies, JWT
/// parts), padded or not; `None` for anything else: another character, a
/// mix of the two alphabets, wrong padding, an impossible length or
/// non-zero trailing bits.
///
/// The alphabet is chosen by looking for `-` or `_` first, so the text is
/// decoded once: a failed first try would leave a partly decoded key behind
/// in freed memory.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let engine = if text.bytes().any(|b| b == b'-' || b == b'_') {
        &URL_SAFE_PAD_INDIFFERENT
    } else {
        &STANDARD_PAD_INDIFFERENT
    };
    engine.decode(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_length() {
        let data: Vec<u8> = (0..=255u8).collect();
        for len in 0..40 {
            let encoded = encode(&data[..len]);
            assert_eq!(decode(&encoded).unwrap(), &data[..len], "{encoded}");
            assert_eq!(decode(encoded.trim_end_matches('=')).unwrap(), &data[..len], "unpadded {encoded}");
        }
        assert_eq!(encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(encode(b"fo"), "Zm8=");
        assert_eq!(encode(b"ab"), "YWI=");
        assert_eq!(encode(b"abc"), "YWJj");
        assert_eq!(decode("Zm8").unwrap(), b"fo");
    }

    #[test]
    fn reads_both_alphabets_padded_or_not() {
        // 0xfb 0xff is "+/8=" in the standard alphabet and "-_8=" in the URL-safe one.
        for text in ["+/8=", "+/8", "-_8=", "-_8"] {
            assert_eq!(decode(text).unwrap(), [0xfb, 0xff], "{text}");
        }
        // A JWT part: URL-safe, never padded.
        assert_eq!(decode("eyJhbGciOiJIUzI1NiJ9").unwrap(), br#"{"alg":"HS256"}"#);
        assert_eq!(decode("").unwrap(), b"");
    }

    #[test]
    fn rejects_what_is_not_base64() {
        for bad in [
            "Z",     // an impossible length
            "Zm9v!", // another character
            "Zm 9v", // whitespace (PEM bodies are compacted before)
            "Zm9=v", // padding in the middle
            "Zn==",  // non-zero trailing bits
            "Zm8==", // too much padding
            "+_8=",  // two alphabets mixed
            "=",
        ] {
            assert!(decode(bad).is_none(), "{bad}");
        }
    }
}
