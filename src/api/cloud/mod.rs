//! The WhatsApp Cloud API (Graph API) endpoints as request builders: each
//! validates its input locally first (a bad message or template never costs a
//! request) and returns the [`Request`] to make. Responses are Meta's JSON,
//! handed back as is; failures go through [`super::error::from_response`].

mod account;
mod analytics;
mod flows;
mod marketing;
mod media;
mod messages;
mod templates;
pub mod versions;

pub use analytics::{PricingFilters, Range};
pub use flows::FLOW_CATEGORIES;
pub use marketing::{category_of, check_marketing, code as marketing_code, Route};
pub use media::check_media_file;
pub use messages::{check_template_send, checked_body, template_of};
pub use templates::TemplateDefinitions;

use crate::report::Report;
use crate::Error;

/// The Graph API version used unless the client sets one: the newest
/// Meta has published ([`versions::GRAPH_VERSIONS`]).
pub static DEFAULT_API_VERSION: &str = "v27.0";
/// Meta's Graph API host.
pub static DEFAULT_BASE_URL: &str = "https://graph.facebook.com";

/// Where a client's requests go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cloud {
    /// `https://graph.facebook.com` (a test points it at a local fake).
    pub base_url: String,
    /// `v27.0`.
    pub api_version: String,
    /// The business phone number messages are sent from.
    pub phone_number_id: Option<String>,
    /// The WhatsApp Business Account that owns templates and numbers.
    pub waba_id: Option<String>,
}

/// `Ok` when `report` has no errors, else `validation_failed` with them.
pub(crate) fn fail_on_errors(report: Report) -> Result<(), Error> {
    if report.ok {
        Ok(())
    } else {
        Err(Error::validation_failed(report.errors))
    }
}

/// An id that goes into a URL path: digits, letters, `_`, `-`, `.` only.
pub(crate) fn path_id<'a>(value: Option<&'a str>, what: &str) -> Result<&'a str, Error> {
    match value {
        Some(id)
            if !id.is_empty()
                && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')) =>
        {
            Ok(id)
        }
        Some(_) => {
            Err(Error::invalid_argument(format!("{what} may only hold letters, digits, '_', '-' and '.'")))
        }
        None => Err(Error::invalid_argument(format!("this call needs {what} (set it on the client)"))),
    }
}

impl Cloud {
    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}/{}/{path}", self.base_url.trim_end_matches('/'), self.api_version)
    }

    pub(crate) fn phone(&self) -> Result<&str, Error> {
        path_id(self.phone_number_id.as_deref(), "phoneNumberId")
    }

    pub(crate) fn waba(&self) -> Result<&str, Error> {
        path_id(self.waba_id.as_deref(), "wabaId")
    }
}

/// The client every test of this module's files builds requests with.
#[cfg(test)]
pub(super) fn example() -> Cloud {
    Cloud {
        base_url: "https://graph.example/".into(),
        api_version: "v23.0".into(),
        phone_number_id: Some("106540352242922".into()),
        waba_id: Some("102290129340398".into()),
    }
}
