//! How a client proves who it is: headers or query parameters the transport
//! adds at send time (never part of a [`Request`], so requests can be shown
//! and logged), and the secrets to scrub from anything that comes back.

use super::encode_component;
use super::error::scrub;

/// A client's credentials.
#[derive(Clone, Default)]
pub struct Credentials {
    headers: Vec<(&'static str, String)>,
    /// Query parameters, each with whether it goes only on requests without a body.
    query: Vec<(&'static str, String, bool)>,
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
        self.query.push((name, value.to_owned(), false));
        self.remember(Some(value));
        self
    }

    /// Adds a query parameter only to requests without a body (the builder
    /// puts the secret in the body of the others, where URLs and logs don't see it).
    pub fn with_query_unless_body(mut self, name: &'static str, value: &str) -> Self {
        self.query.push((name, value.to_owned(), true));
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

    /// `url` with the credential query parameters appended (for a request
    /// with a body, `has_body`, only those that go on every request).
    pub fn url(&self, url: &str, has_body: bool) -> String {
        let mut out = url.to_owned();
        for (name, value, _) in self.query.iter().filter(|(_, _, unless_body)| !(has_body && *unless_body)) {
            out.push(if out.contains('?') { '&' } else { '?' });
            out.push_str(name);
            out.push('=');
            out.push_str(&encode_component(value));
        }
        out
    }

    /// `text` with every secret redacted, however a server echoed it ([`scrub`]).
    pub fn scrub(&self, text: &str) -> String {
        self.secrets.iter().fold(text.to_owned(), |text, secret| scrub(&text, secret))
    }

    /// `error` with every secret redacted from each field a server could
    /// have filled (message, `fbtrace_id`, the issues' messages), not only the message.
    pub fn scrub_error(&self, error: crate::Error) -> crate::Error {
        let issues = error
            .issues
            .into_iter()
            .map(|issue| crate::report::Issue { message: self.scrub(&issue.message), ..issue })
            .collect();
        crate::Error {
            message: self.scrub(&error.message),
            fbtrace_id: error.fbtrace_id.as_deref().map(|trace| self.scrub(trace)),
            issues,
            ..error
        }
    }
}

/// Fails with `invalid_argument` unless `value` (a token, key or signature
/// named `name`) is visible ASCII without spaces: a newline in a header value
/// would start another header, and no API issues credentials with spaces,
/// control or non-ASCII characters — they come from a bad copy and paste.
/// The message says where, never what (the value is a secret).
pub fn check_credential(client: &str, name: &str, value: &str) -> Result<(), crate::Error> {
    match value.chars().position(|c| !c.is_ascii_graphic()) {
        None => Ok(()),
        Some(index) => Err(crate::Error::invalid_argument(format!(
            "{client}: {name} has a space, line break, control or non-ASCII character at index {index}; \
             copy it again without surrounding text"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_with_whitespace_or_control_characters_are_refused_without_echo() {
        assert!(check_credential("C", "accessToken", "EAAG.abc-_/+=~").is_ok());
        for bad in [
            "EAAG\r\nX-Evil: 1",
            "EAAG secret",
            "EAAG\tsecret",
            "EAAG\u{7f}",
            "EAAG\u{e9}secret",
            "\u{200b}EAAG",
        ] {
            let error = check_credential("C", "accessToken", bad).unwrap_err();
            assert_eq!(error.code, "invalid_argument");
            assert!(
                !error.message.contains("EAAG") && !error.message.contains("secret"),
                "{}",
                error.message
            );
        }
    }

    #[test]
    fn bearer_tokens_go_in_the_header_and_are_scrubbed() {
        let credentials = Credentials::bearer("EAAGsecret");
        assert_eq!(credentials.headers(), &[("Authorization", "Bearer EAAGsecret".to_owned())]);
        assert_eq!(credentials.url("https://x/y", false), "https://x/y");
        assert_eq!(credentials.scrub("echo Bearer EAAGsecret"), "echo Bearer [redacted]");
    }

    #[test]
    fn query_keys_are_appended_encoded_and_scrubbed_in_both_forms() {
        let credentials = Credentials::default().with_query("accessToken", "a+b/c=");
        assert_eq!(credentials.url("https://x/y", true), "https://x/y?accessToken=a%2Bb%2Fc%3D");
        assert_eq!(credentials.url("https://x/y?a=1", false), "https://x/y?a=1&accessToken=a%2Bb%2Fc%3D");
        let unless_body = Credentials::default().with_query_unless_body("accessToken", "tok1");
        assert_eq!(unless_body.url("https://x/y", false), "https://x/y?accessToken=tok1");
        assert_eq!(unless_body.url("https://x/y", true), "https://x/y");
        assert_eq!(credentials.scrub("k=a%2Bb%2Fc%3D or a+b/c="), "k=[redacted] or [redacted]");
    }

    #[test]
    fn public_headers_are_not_secrets() {
        let credentials = Credentials::default().with_header("X-App", "app-1".into(), None);
        assert_eq!(credentials.scrub("app-1"), "app-1");
    }
}
