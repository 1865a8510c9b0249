//! Sans-IO HTTP for the APIs the package calls: each endpoint is a function
//! that builds a [`Request`] (after local validation) and the response goes
//! through [`error::from_response`]; the only I/O is the transport in
//! `src/wasm/`. Tests drive these functions natively and the transport
//! against loopback fakes.

pub mod actions;
pub mod auth;
pub mod cloud;
pub mod error;
pub mod providers;
pub mod retry;
pub mod template_send;
pub mod url;

use std::fmt;

/// An HTTP request to make. Credentials are not in it: the transport adds
/// them ([`auth::Credentials`]), so a request can be logged or shown safely.
#[derive(Clone, PartialEq, Eq)]
pub struct Request {
    /// `GET`, `POST` or `DELETE`.
    pub method: &'static str,
    /// The absolute URL, query included.
    pub url: String,
    /// A JSON body, if any (sent with `Content-Type: application/json`).
    pub body: Option<String>,
    /// A `multipart/form-data` body instead, if any (the runtime's FormData
    /// writes it and its boundary: never a hand-set multipart Content-Type).
    pub form: Vec<FormPart>,
    /// Whether repeating it cannot do anything twice (reads, deletes): only
    /// such requests are retried after an ambiguous failure.
    pub idempotent: bool,
    /// Headers of the API's own besides the credentials and the content type.
    pub headers: Vec<(&'static str, String)>,
    /// Whether a 2xx answer is a file to hand back as bytes rather than JSON.
    pub download: bool,
}

/// One field of a multipart body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormPart {
    /// The field name.
    pub name: &'static str,
    /// Its value.
    pub value: FormValue,
}

/// A multipart field's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormValue {
    /// Text.
    Text(String),
    /// The file the caller passed to the call (a Blob, ArrayBuffer or
    /// Uint8Array that stays on the JavaScript side), under this name and type.
    File {
        /// The file name sent.
        filename: String,
        /// The MIME type sent.
        content_type: String,
    },
}

impl Request {
    /// A GET (always safe to repeat).
    pub fn get(url: String) -> Self {
        Self::without_body("GET", url)
    }

    /// A DELETE (repeating it deletes nothing more).
    pub fn delete(url: String) -> Self {
        Self::without_body("DELETE", url)
    }

    /// A request with no body that is safe to repeat.
    fn without_body(method: &'static str, url: String) -> Self {
        Self {
            method,
            url,
            body: None,
            form: Vec::new(),
            idempotent: true,
            headers: Vec::new(),
            download: false,
        }
    }

    /// A POST with a JSON body, or none.
    pub fn post(url: String, body: Option<String>, idempotent: bool) -> Self {
        Self { method: "POST", url, body, form: Vec::new(), idempotent, headers: Vec::new(), download: false }
    }

    /// A POST with a multipart body.
    pub fn post_form(url: String, form: Vec<FormPart>, idempotent: bool) -> Self {
        Self { method: "POST", url, body: None, form, idempotent, headers: Vec::new(), download: false }
    }
}

/// `text` parsed, or a `validation_failed` error naming where it is not JSON.
pub fn parse_document(text: &str) -> Result<crate::json::Node<'_>, crate::Error> {
    crate::json::parse(text).map_err(|issue| crate::Error::validation_failed(vec![issue]))
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.url)
    }
}

/// What the server answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// The HTTP status.
    pub status: u16,
    /// The `Retry-After` header, if any.
    pub retry_after: Option<String>,
    /// The body as text.
    pub body: String,
}

/// `value` with every character a query string or path segment must not carry percent-encoded.
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF".get(usize::from(byte >> 4)).copied().unwrap_or(b'0')));
            out.push(char::from(b"0123456789ABCDEF".get(usize::from(byte & 15)).copied().unwrap_or(b'0')));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_are_percent_encoded() {
        assert_eq!(encode_component("a b/c?d=é"), "a%20b%2Fc%3Fd%3D%C3%A9");
        assert_eq!(encode_component("hello_world-1.0~"), "hello_world-1.0~");
    }

    #[test]
    fn requests_print_without_their_body() {
        let request = Request { body: Some("{}".into()), ..Request::post("https://x/y".into(), None, false) };
        assert_eq!(format!("{request:?}"), "POST https://x/y");
    }
}
