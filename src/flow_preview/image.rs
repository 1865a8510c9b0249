//! Images a Flow preview may show: base64 only, decoded and sniffed by magic
//! bytes as PNG, JPEG, WebP or GIF, shown as a `data:` URL of that type
//! (spec §7 "Images"). Anything else (SVG, HTML, unknown bytes, a URL) is refused.

use crate::base64;

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

/// The type the bytes are, by their magic numbers.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(b"\xff\xd8\xff") {
        Some("image/jpeg")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("image/gif")
    } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        Some("image/webp")
    } else {
        None
    }
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
    let payload: String = payload.chars().filter(|c| !matches!(c, '\n' | '\r')).collect();
    if payload.len() / 4 * 3 > MAX_IMAGE_BYTES {
        return Err(format!("over the preview's limit of {MAX_IMAGE_BYTES} bytes"));
    }
    // Standard base64 only (what Meta takes): the URL-safe alphabet is no data: URL.
    let standard = payload.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='));
    let Some(bytes) = base64::decode(&payload).filter(|_| standard) else {
        return Err("not valid base64".into());
    };
    let Some(mime) = sniff(&bytes) else {
        return Err("not a PNG, JPEG, WebP or GIF image (by its bytes; SVG is never shown)".into());
    };
    if let Some(declared) = declared {
        let same = declared == mime || (declared == "image/jpg" && mime == "image/jpeg");
        if !same {
            return Err(format!("declared as {declared} but its bytes are {mime}"));
        }
    }
    // The payload decoded, so it is base64 of these bytes: it is shown as given (not re-encoded).
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
        assert_eq!(sniff(b"GIF89a...."), Some("image/gif"));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(sniff(b"\xff\xd8\xff\xe0"), Some("image/jpeg"));
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
