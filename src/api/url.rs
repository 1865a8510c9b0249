//! URLs read the way `fetch` will read them: a strict grammar whose every
//! accepted string a WHATWG URL parser splits the same way, so the host we
//! check is the host the request goes to.
//!
//! A WHATWG parser forgives a lot — `\` read as `/`, tabs and newlines
//! dropped, `%2e` and full-width dots decoded in hosts, IDNA mapping,
//! userinfo before `@`, a trailing dot — and each forgiveness is a way to
//! make a host check see one host while the request goes to another. Rather
//! than re-implement that parser, accept only URLs already in the canonical
//! form it would produce, where none of those rules can apply: a lowercase
//! `scheme://host[:port]`, a host of lowercase ASCII labels, then a path,
//! query and fragment of visible ASCII without `\`. The fuzz target
//! `media_url` checks this claim against the `url` crate (a WHATWG parser).

/// A URL's origin, as written (and as a WHATWG parser would write it back).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin<'a> {
    /// `https` or `http`.
    pub scheme: &'a str,
    /// Lowercase ASCII host name or IPv4 address (or `[::1]`).
    pub host: &'a str,
    /// The port, when one is written.
    pub port: Option<u16>,
}

/// `url` split into its origin and the rest (path, query, fragment), when
/// it is in canonical form; `None` for anything a parser would rewrite.
pub fn split(url: &str) -> Option<(Origin<'_>, &str)> {
    let (scheme, after) = url.split_once("://")?;
    if !matches!(scheme, "https" | "http") {
        return None;
    }
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let (authority, rest) = after.split_at(end);
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(':') => (host, Some(port)),
        _ => (authority, None),
    };
    let port = match port {
        None => None,
        // Digits only (`u16::from_str` also takes a leading `+`, which a URL
        // parser refuses: found by the media_url fuzz target); no leading
        // zeros, no default port: a parser would rewrite both.
        Some(port)
            if port.starts_with('0') || port.len() > 5 || !port.bytes().all(|b| b.is_ascii_digit()) =>
        {
            return None
        }
        Some(port) => Some(port.parse::<u16>().ok().filter(|p| !is_default_port(scheme, *p))?),
    };
    if !(host == "[::1]" || is_host_name(host)) || !rest.bytes().all(is_plain_url_byte) {
        return None;
    }
    Some((Origin { scheme, host, port }, rest))
}

fn is_default_port(scheme: &str, port: u16) -> bool {
    (scheme, port) == ("https", 443) || (scheme, port) == ("http", 80)
}

/// Dot-separated labels of `a-z`, `0-9` and inner `-`, none empty (so no
/// trailing dot), not all-numeric unless the whole host is a dotted IPv4
/// address in canonical form (parsers rewrite `0x7f.1`, `127.1`, `010.0.0.1`).
fn is_host_name(host: &str) -> bool {
    if host.is_empty() || host.len() > 253 {
        return false;
    }
    let labels_ok = host.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    });
    if !labels_ok {
        return false;
    }
    // A parser treats a host whose last label is numeric as IPv4: accept only
    // the canonical four-part form.
    let last_is_numeric =
        host.rsplit('.').next().is_some_and(|label| label.bytes().all(|b| b.is_ascii_digit()));
    !last_is_numeric || is_canonical_ipv4(host)
}

fn is_canonical_ipv4(host: &str) -> bool {
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|part| {
            !part.is_empty()
                && part.len() <= 3
                && !(part.len() > 1 && part.starts_with('0'))
                && part.parse::<u8>().is_ok()
        })
}

/// Visible ASCII other than `\` (read as `/`), quotes and angle brackets:
/// no space, tab, newline or control character (parsers drop or encode them).
fn is_plain_url_byte(byte: u8) -> bool {
    matches!(byte, 0x21..=0x7e)
        && !matches!(byte, b'\\' | b'"' | b'<' | b'>' | b'`' | b'{' | b'}' | b'|' | b'^')
}

/// Whether `host` is `suffix` (written without its leading dot) or a
/// subdomain of it: `lookaside.fbsbx.com` is under `.fbsbx.com`.
pub fn host_is_under(host: &str, suffix: &str) -> bool {
    host.strip_suffix(suffix).is_some_and(|before| !before.is_empty())
}

/// Whether `origin` is plain-text HTTP to this machine (test fakes, local
/// proxies): the only place `http:` may carry a credential.
pub fn is_loopback(origin: &Origin<'_>) -> bool {
    origin.host == "localhost"
        || origin.host == "[::1]"
        || (origin.host.starts_with("127.") && is_canonical_ipv4(origin.host))
}

/// A client's `baseUrl`, checked: canonical form, `https` (or `http` to
/// loopback), no query or fragment. The message names what is wrong and
/// never echoes the URL (it may carry a key someone pasted into it).
pub fn check_base_url(client: &str, url: &str) -> Result<(), crate::Error> {
    let fail = |why: &str| Err(crate::Error::invalid_argument(format!("{client}: baseUrl {why}")));
    let Some((origin, rest)) = split(url) else {
        return fail(
            "must be an absolute URL in canonical form: https://host[:port][/path] with a lowercase \
             ASCII host, no user info, spaces, backslashes or control characters",
        );
    };
    if origin.scheme != "https" && !is_loopback(&origin) {
        return fail(
            "must use https (http only to localhost or 127.x.x.x): credentials travel with every request",
        );
    }
    if rest.contains(['?', '#']) {
        return fail("must not have a query or fragment");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_urls_split_into_origin_and_rest() {
        let (origin, rest) = split("https://lookaside.fbsbx.com/whatsapp?mid=1&hash=a-b_c").unwrap();
        assert_eq!(origin, Origin { scheme: "https", host: "lookaside.fbsbx.com", port: None });
        assert_eq!(rest, "/whatsapp?mid=1&hash=a-b_c");
        let (origin, rest) = split("http://127.0.0.1:8787").unwrap();
        assert_eq!((origin.host, origin.port, rest), ("127.0.0.1", Some(8787), ""));
        assert_eq!(split("http://[::1]:9/x").unwrap().0.host, "[::1]");
    }

    #[test]
    fn anything_a_parser_would_rewrite_is_refused() {
        for bad in [
            "https://evil.example\\.fbsbx.com/x",
            "https://evil.example%5C.fbsbx.com/x",
            "https://lookaside.fbsbx.com/x\\y",
            "https://user@lookaside.fbsbx.com/x",
            "https://lookaside.fbsbx.com@evil.example/x",
            "https://Lookaside.fbsbx.com/x",
            "HTTPS://lookaside.fbsbx.com/x",
            "https://lookaside.fbsbx.com./x",
            "https://evil.example\u{ff0e}fbsbx.com/x",
            "https://lookaside.fbsbx.com/x\ty",
            "https://lookaside.fbsbx\n.com/x",
            " https://lookaside.fbsbx.com/x",
            "https://lookaside.fbsbx.com/x ",
            "https://lookaside.fbsb\u{445}.com/x",
            "https://xn--80ak6aa92e.com/x\u{0}",
            "https://lookaside.fbsbx.com:443/x",
            "https://lookaside.fbsbx.com:0443/x",
            "https://lookaside.fbsbx.com:99999/x",
            "https://lookaside.fbsbx.com:/x",
            "http://127.0.0.1:+8787/x",
            "https://lookaside.fbsbx.com:-1/x",
            "https:/lookaside.fbsbx.com/x",
            "https:lookaside.fbsbx.com/x",
            "https:///lookaside.fbsbx.com/x",
            "https://127.1/x",
            "https://0x7f.0.0.1/x",
            "https://010.0.0.1/x",
            "https://1.2.3.4.5/x",
            "https://-a.example/x",
            "https://a..example/x",
            "javascript://lookaside.fbsbx.com/%0aalert(1)",
            "file://lookaside.fbsbx.com/x",
        ] {
            assert_eq!(split(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn hosts_are_matched_on_label_boundaries() {
        assert!(host_is_under("lookaside.fbsbx.com", ".fbsbx.com"));
        assert!(!host_is_under("fbsbx.com", ".fbsbx.com"));
        assert!(!host_is_under("evilfbsbx.com", ".fbsbx.com"));
        assert!(!host_is_under("fbsbx.com.evil.example", ".fbsbx.com"));
    }

    #[test]
    fn base_urls_are_https_or_loopback_http() {
        assert!(check_base_url("C", "https://graph.facebook.com").is_ok());
        assert!(check_base_url("C", "https://proxy.example/graph/").is_ok());
        assert!(check_base_url("C", "http://127.0.0.1:8080").is_ok());
        assert!(check_base_url("C", "http://localhost:3000/x").is_ok());
        for bad in [
            "http://graph.facebook.com",
            "https://graph.facebook.com/?x=1",
            "https://key:secret@graph.facebook.com",
            "graph.facebook.com",
            "https://graph.facebook.com\\@evil",
        ] {
            let error = check_base_url("C", bad).unwrap_err();
            assert_eq!(error.code, "invalid_argument", "{bad}");
            assert!(!error.message.contains("secret"));
        }
    }
}
