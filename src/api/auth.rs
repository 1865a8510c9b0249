//! How a client proves who it is: headers or query parameters the transport
//! adds at send time (never part of a [`Request`], so requests can be shown
//! and logged), and the secrets to scrub from anything that comes back.

use super::encode_component;
use super::error::scrub;

/// A client's credentials.
#[derive(Clone, Default)]
pub struct Credentials {
    headers: Vec<(&'static str, String)>,
    query: Vec<(&'static str, String)>,
    secrets: Vec<String>,
}

impl Credentials {
    /// `Authorization: Bearer <token>` (Meta's Graph API and most providers).
    pub fn bearer(token: &str) -> Self {
        Self::default().with_header("Authorization", format!("Bearer {token}"), Some(token))
    }

    /// Adds a header; `secret` is the part of its value to scrub (none for a public id).
    pub fn with_header(mut self, name: &'static str, value: String, secret: Option<&str>) -> Self {
        self.headers.push((name, value));
        self.remember(secret);
        self
    }

    /// Adds a query parameter (for APIs that take the key in the URL); its value is a secret.
    pub fn with_query(mut self, name: &'static str, value: &str) -> Self {
        self.query.push((name, value.to_owned()));
        self.remember(Some(value));
        self
    }

    /// Adds a secret sent some other way (e.g. in a JSON body), to scrub from errors.
    pub fn with_secret(mut self, secret: &str) -> Self {
        self.remember(Some(secret));
        self
    }

    fn remember(&mut self, secret: Option<&str>) {
        if let Some(secret) = secret.filter(|s| !s.is_empty()) {
            self.secrets.push(secret.to_owned());
        }
    }

    /// The headers to send.
    pub fn headers(&self) -> &[(&'static str, String)] {
        &self.headers
    }

    /// `url` with the credential query parameters appended.
    pub fn url(&self, url: &str) -> String {
        let mut out = url.to_owned();
        for (name, value) in &self.query {
            out.push(if out.contains('?') { '&' } else { '?' });
            out.push_str(name);
            out.push('=');
            out.push_str(&encode_component(value));
        }
        out
    }

    /// `text` with every secret (as given and as it would appear in a URL) redacted.
    pub fn scrub(&self, text: &str) -> String {
        self.secrets
            .iter()
            .fold(text.to_owned(), |text, secret| scrub(&scrub(&text, secret), &encode_component(secret)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_tokens_go_in_the_header_and_are_scrubbed() {
        let credentials = Credentials::bearer("EAAGsecret");
        assert_eq!(credentials.headers(), &[("Authorization", "Bearer EAAGsecret".to_owned())]);
        assert_eq!(credentials.url("https://x/y"), "https://x/y");
        assert_eq!(credentials.scrub("echo Bearer EAAGsecret"), "echo Bearer [redacted]");
    }

    #[test]
    fn query_keys_are_appended_encoded_and_scrubbed_in_both_forms() {
        let credentials = Credentials::default().with_query("accessToken", "a+b/c=");
        assert_eq!(credentials.url("https://x/y"), "https://x/y?accessToken=a%2Bb%2Fc%3D");
        assert_eq!(credentials.url("https://x/y?a=1"), "https://x/y?a=1&accessToken=a%2Bb%2Fc%3D");
        assert_eq!(credentials.scrub("k=a%2Bb%2Fc%3D or a+b/c="), "k=[redacted] or [redacted]");
    }

    #[test]
    fn public_headers_are_not_secrets() {
        let credentials = Credentials::default().with_header("X-App", "app-1".into(), None);
        assert_eq!(credentials.scrub("app-1"), "app-1");
    }
}
