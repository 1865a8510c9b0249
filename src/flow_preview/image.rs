//! Images a Flow preview may show: base64 only, sniffed by their magic bytes
//! as PNG, JPEG, WebP or GIF, shown as a `data:` URL of that type (spec §7
//! "Images"). Anything else (SVG, HTML, unknown bytes, a URL) is refused.
//!
//! The magic bytes are read in their base64 form: each type's first bytes
//! encode to fixed characters, so nothing is decoded (a megabyte image is
//! checked without copying it, and lite carries no base64 decoder: -1.3 KB gzip).

/// Decoded bytes an image may have in a preview (Meta's largest image limit is 300 KB).
pub const MAX_IMAGE_BYTES: usize = 1024 * 1024;

/// An image that passed the checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Img {
    /// `data:image/<mime>;base64,…` (the type from the bytes).
    pub data_url: String,
    /// `image/png`, `image/jpeg`, `image/webp` or `image/gif`.
    pub mime: &'static str,
    /// The alternative text.
    pub alt: String,
}

/// The type of the bytes `payload` (standard base64) encodes, by their magic
/// numbers as base64: PNG `89 50 4E 47 0D 0A 1A 0A`, JPEG `FF D8 FF`,
/// GIF `GIF87a`/`GIF89a`, WebP `RIFF` · size · `WEBP`.
pub fn sniff(payload: &str) -> Option<&'static str> {
    let at = |range: std::ops::Range<usize>| payload.get(range).unwrap_or_default();
    // The 11th character holds 0x0A's last 4 bits and 2 bits of the next byte: o, p, q or r.
    if payload.starts_with("iVBORw0KGg") && matches!(at(10..11), "o" | "p" | "q" | "r") {
        Some("image/png")
    } else if payload.starts_with("/9j/") {
        Some("image/jpeg")
    } else if payload.starts_with("R0lGODdh") || payload.starts_with("R0lGODlh") {
        Some("image/gif")
    } else if payload.starts_with("UklGR") && at(11..16) == "XRUJQ" {
        // "RIFF", four size bytes, "WEBP": characters 11–15 hold the last 6 bits of "W" and "EBP".
        Some("image/webp")
    } else {
        None
    }
}

/// Standard base64 as Meta takes it: its alphabet (the URL-safe one is no
/// `data:` URL), whole groups of four, `=` only as the last one or two.
fn is_base64(payload: &str) -> bool {
    let body = payload.trim_end_matches('=');
    payload.len().is_multiple_of(4)
        && payload.len() - body.len() <= 2
        && body.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/'))
}

/// An image from `src`: Flow JSON's plain base64, or (with `data_url_only`, as
/// RichText requires) a `data:image/…;base64,` URL whose declared type must
/// match the bytes. The error says why it was refused.
pub fn read(src: &str, alt: &str, data_url_only: bool) -> Result<Img, String> {
    let (declared, payload) = match src.strip_prefix("data:") {
        Some(rest) => {
            let Some((head, payload)) = rest.split_once(',') else {
                return Err("a data: URL without a comma".into());
            };
            let Some(mime) = head.strip_suffix(";base64") else {
                return Err("a data: URL that is not base64".into());
            };
            (Some(mime.to_ascii_lowercase()), payload)
        }
        None if data_url_only => {
            return Err("not an inline data: URL (RichText images must be base64, never a link)".into())
        }
        None => (None, src),
    };
    let mut clean = String::with_capacity(payload.len());
    for c in payload.chars() {
        if !matches!(c, '\n' | '\r') {
            clean.push(c);
        }
    }
    let payload = clean;
    if payload.len() / 4 * 3 > MAX_IMAGE_BYTES {
        return Err(format!("over the preview's limit of {MAX_IMAGE_BYTES} bytes"));
    }
    if !is_base64(&payload) {
        return Err("not valid base64".into());
    }
    let Some(mime) = sniff(&payload) else {
        return Err("not a PNG, JPEG, WebP or GIF image (by its bytes; SVG is never shown)".into());
    };
    if let Some(declared) = declared {
        let same = declared == mime || (declared == "image/jpg" && mime == "image/jpeg");
        if !same {
            return Err(format!("declared as {declared} but its bytes are {mime}"));
        }
    }
    // Shown as given: valid base64 of bytes of this type.
    let mut data_url = String::with_capacity(payload.len() + 24);
    for part in ["data:", mime, ";base64,", &payload] {
        data_url.push_str(part);
    }
    Ok(Img { data_url, mime, alt: alt.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 1×1 PNG.
    pub const PNG: &str =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    #[test]
    fn images_are_sniffed_and_typed_by_their_bytes() {
        let img = read(PNG, "dot", false).unwrap();
        assert_eq!(img.mime, "image/png");
        assert!(img.data_url.starts_with("data:image/png;base64,iVBOR"));
        assert_eq!(read(&format!("data:image/png;base64,{PNG}"), "", true).unwrap().mime, "image/png");
        let as_base64 = |bytes: &[u8]| crate::base64::encode(bytes);
        assert_eq!(sniff(&as_base64(b"GIF89a....")), Some("image/gif"));
        assert_eq!(sniff(&as_base64(b"GIF87a....")), Some("image/gif"));
        assert_eq!(sniff(&as_base64(b"\xff\xd8\xff\xe0")), Some("image/jpeg"));
        // Every size and every byte after the magic numbers.
        for size in [[0u8; 4], [0xff; 4], [0x12, 0x9a, 0x3c, 0x7f]] {
            let webp = [b"RIFF".as_slice(), &size, b"WEBPVP8 "].concat();
            assert_eq!(sniff(&as_base64(&webp)), Some("image/webp"), "{size:?}");
        }
        for next in 0..=255u8 {
            let png = [b"\x89PNG\r\n\x1a\n".as_slice(), &[next, 0, 0, 0]].concat();
            assert_eq!(sniff(&as_base64(&png)), Some("image/png"), "{next}");
        }
        // Near misses are not images.
        for bytes in
            [&b"\x89PNG\r\n\x1a\x0b...."[..], b"RIFF\0\0\0\0WEBQ", b"GIF88a", b"\xff\xd8\xfe", b"<svg"]
        {
            assert_eq!(sniff(&as_base64(bytes)), None, "{bytes:?}");
        }
    }

    #[test]
    fn only_whole_standard_base64_is_read() {
        assert!(is_base64(PNG) && is_base64("/9j/") && is_base64("R0lGODdhAA=="));
        for bad in ["iVBORw0", "iVBO=RW0", "/9j/4A===", "iVBOR-w0", "iVBOR_w0", "iVB ORw0"] {
            assert!(!is_base64(bad), "{bad}");
            assert!(read(bad, "", false).is_err(), "{bad}");
        }
    }

    #[test]
    fn svg_html_links_and_lies_are_refused() {
        let svg = crate::base64::encode(b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>");
        assert!(read(&svg, "", false).is_err());
        assert!(read(&format!("data:image/svg+xml;base64,{svg}"), "", true).is_err());
        assert!(read(&format!("data:image/gif;base64,{PNG}"), "", true).unwrap_err().contains("declared"));
        assert!(read("https://x.example/a.png", "", true).is_err());
        assert!(read("iVBOR\"><script>", "", false).is_err());
        assert!(read(&format!("data:text/html;base64,{PNG}"), "", true).is_err());
    }
}
