//! The `X-Hub-Signature-256` header and the GET subscription handshake.
//!
//! The HMAC itself is computed by the caller's primitive (WebCrypto's
//! constant-time `verify` in the package); this module reads the header and
//! the query string, so a malformed header is rejected before any crypto.

/// The 32-byte MAC in a `sha256=<64 hex digits>` header, or `None` when the
/// header does not have that form (missing prefix, wrong length, non-hex).
pub fn parse_header(header: &str) -> Option<[u8; 32]> {
    let header = header.trim();
    let (scheme, hex) = header.split_once('=')?;
    if !scheme.eq_ignore_ascii_case("sha256") {
        return None;
    }
    let bytes = hex_decode(hex)?;
    bytes.try_into().ok()
}

/// Lowercase or uppercase hex to bytes; `None` for odd lengths or other characters.
pub fn hex_decode(hex: &str) -> Option<Vec<u8>> {
    let digits = hex.as_bytes();
    if !digits.len().is_multiple_of(2) {
        return None;
    }
    digits
        .chunks_exact(2)
        .map(|pair| match pair {
            [high, low] => Some(hex_value(*high)? << 4 | hex_value(*low)?),
            _ => None,
        })
        .collect()
}

fn hex_value(digit: u8) -> Option<u8> {
    char::from(digit).to_digit(16).and_then(|value| u8::try_from(value).ok())
}

/// Compares without an early exit, so the time taken does not tell an
/// attacker how many leading bytes of a guess were right.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
}

/// The `hub.challenge` to echo when `query` (a URL, or its query string) is
/// a subscription request (`hub.mode=subscribe`) whose `hub.verify_token`
/// is one of `tokens` and whose challenge [`is_safe_challenge`]; `None`
/// otherwise (answer 403).
pub fn subscription_challenge(query: &str, tokens: &[String]) -> Option<String> {
    let query = query.split('#').next().unwrap_or_default();
    let query = query.split_once('?').map_or(query, |(_, after)| after);
    let (mut mode, mut token, mut challenge) = (None, None, None);
    for pair in query.split('&') {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let slot = match percent_decode(name)?.as_str() {
            "hub.mode" => &mut mode,
            "hub.verify_token" => &mut token,
            "hub.challenge" => &mut challenge,
            _ => continue,
        };
        *slot = Some(percent_decode(value)?);
    }
    let token = token?;
    // Every configured token is compared, so timing does not tell which (or whether one) matched.
    let matched = tokens
        .iter()
        .fold(false, |found, expected| constant_time_eq(token.as_bytes(), expected.as_bytes()) | found);
    let challenge = challenge.filter(|challenge| is_safe_challenge(challenge))?;
    (mode.as_deref() == Some("subscribe") && matched && !tokens.is_empty()).then_some(challenge)
}

/// Whether a challenge is safe to echo: 1 to 128 ASCII digits and letters,
/// nothing else. Meta sends a number (REFERENCE.md §5, Meta's "Create a
/// webhook endpoint"); PYWA narrowed its echo the same way (ffb0ae4,
/// META-2026.md §2.11). Echoing anything else would let a crafted link
/// reflect markup or script from the server's origin (Express answers
/// strings as text/html), so the answer is meant to go out as text/plain.
pub fn is_safe_challenge(challenge: &str) -> bool {
    (1..=128).contains(&challenge.len()) && challenge.bytes().all(|byte| byte.is_ascii_alphanumeric())
}

/// `application/x-www-form-urlencoded` decoding; `None` for bad escapes or bytes that are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        rest = tail;
        match byte {
            b'+' => bytes.push(b' '),
            b'%' => {
                let (pair, tail) = (rest.get(..2)?, rest.get(2..)?);
                bytes.push(hex_decode(std::str::from_utf8(pair).ok()?)?.first().copied()?);
                rest = tail;
            }
            byte => bytes.push(byte),
        }
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_header() {
        let hex = "00".repeat(31) + "fF";
        assert_eq!(parse_header(&format!("sha256={hex}")).unwrap()[31], 0xff);
        assert_eq!(parse_header(&format!(" SHA256={hex} ")).unwrap()[0], 0);
        for bad in
            ["", "sha256=", "sha1=abcd", &format!("sha256={hex}0"), &format!("sha256={}", "g".repeat(64))]
        {
            assert!(parse_header(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn compares_in_full() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }

    #[test]
    fn answers_the_subscription_handshake() {
        let tokens = vec!["old token".to_owned(), "n3w".to_owned()];
        let url =
            "https://x.example/wh?hub.mode=subscribe&hub.verify_token=old+token&hub.challenge=1158201444#f";
        assert_eq!(subscription_challenge(url, &tokens).as_deref(), Some("1158201444"));
        let query = "hub.challenge=abC9&hub.verify_token=n3w&hub.mode=subscribe";
        assert_eq!(subscription_challenge(query, &tokens).as_deref(), Some("abC9"));
        for bad in [
            "hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1",
            "hub.mode=unsubscribe&hub.verify_token=n3w&hub.challenge=1",
            "hub.mode=subscribe&hub.verify_token=n3w",
            "hub.mode=subscribe&hub.verify_token=n3w%zz&hub.challenge=1",
        ] {
            assert_eq!(subscription_challenge(bad, &tokens), None, "{bad}");
        }
        assert_eq!(subscription_challenge("hub.mode=subscribe&hub.verify_token=&hub.challenge=1", &[]), None);
    }

    #[test]
    fn echoes_only_challenges_that_cannot_carry_markup() {
        let tokens = vec!["t".to_owned()];
        let answer = |challenge: &str| {
            subscription_challenge(
                &format!("hub.mode=subscribe&hub.verify_token=t&hub.challenge={challenge}"),
                &tokens,
            )
        };
        let longest = "9".repeat(128);
        assert_eq!(answer(&longest).as_deref(), Some(longest.as_str()));
        for hostile in [
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "%3Csvg%20onload%3Dalert(1)%3E",
            "a%20b",
            "1%0D%0ASet-Cookie:%20x=1",
            "",
            "%C3%A9",
            "1.5",
            "a-b",
            "a_b",
            "%2B1",
            "1%00",
            "javascript%3Aalert(1)",
            &"9".repeat(129),
        ] {
            assert_eq!(answer(hostile), None, "{hostile}");
        }
        assert_eq!(subscription_challenge("hub.mode=subscribe&hub.verify_token=t", &tokens), None);
    }
}
