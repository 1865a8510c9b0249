//! Media: upload (Meta's types and size limits checked first), the URL of an
//! uploaded file, download (the token is sent only to Meta's hosts), delete.

use super::{path_id, Cloud};
use crate::api::{FormPart, FormValue, Request};
use crate::Error;

/// Media Meta accepts, with the largest size of each (Cloud API "Supported media types").
const MEDIA_TYPES: [(&str, u64); 17] = [
    ("audio/aac", 16 << 20),
    ("audio/amr", 16 << 20),
    ("audio/mpeg", 16 << 20),
    ("audio/mp4", 16 << 20),
    ("audio/ogg", 16 << 20),
    ("text/plain", 100 << 20),
    ("application/pdf", 100 << 20),
    ("application/vnd.ms-powerpoint", 100 << 20),
    ("application/msword", 100 << 20),
    ("application/vnd.ms-excel", 100 << 20),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", 100 << 20),
    ("application/vnd.openxmlformats-officedocument.presentationml.presentation", 100 << 20),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 100 << 20),
    ("image/jpeg", 5 << 20),
    ("image/png", 5 << 20),
    ("image/webp", 500 << 10),
    ("video/mp4", 16 << 20),
];

/// Hosts Meta serves media downloads from: the access token goes to no other.
const MEDIA_HOSTS: [&str; 4] = [".fbsbx.com", ".facebook.com", ".fbcdn.net", ".whatsapp.net"];

/// Fails with `invalid_argument` unless WhatsApp takes media of
/// `content_type` of `size` bytes (a file that cannot be sent costs no upload).
pub fn check_media_file(content_type: &str, size: u64) -> Result<(), Error> {
    let Some((_, limit)) = MEDIA_TYPES.iter().find(|(kind, _)| kind.eq_ignore_ascii_case(content_type))
    else {
        let known: Vec<&str> = MEDIA_TYPES.iter().map(|(kind, _)| *kind).collect();
        let message = format!(
            "media of type {} is not supported; supported: {}",
            crate::text::quoted(content_type),
            known.join(", ")
        );
        return Err(Error::invalid_argument(message));
    };
    if size == 0 || size > *limit {
        let message = format!("{content_type} media may have 1 to {limit} bytes; this one has {size}");
        return Err(Error::invalid_argument(message));
    }
    Ok(())
}

impl Cloud {
    /// GET `/<MEDIA_ID>`: the media's short-lived URL, type and size.
    pub fn get_media(&self, media_id: &str) -> Result<Request, Error> {
        let id = path_id(Some(media_id), "a media id")?;
        Ok(Request::get(self.url(id)))
    }

    /// DELETE `/<MEDIA_ID>`.
    pub fn delete_media(&self, media_id: &str) -> Result<Request, Error> {
        let id = path_id(Some(media_id), "a media id")?;
        Ok(Request::delete(self.url(id)))
    }

    /// POST `/<PHONE_NUMBER_ID>/media` (multipart) for a file of `content_type`
    /// and `size` bytes, checked against Meta's supported types and limits first.
    pub fn upload_media(&self, content_type: &str, size: u64, filename: &str) -> Result<Request, Error> {
        check_media_file(content_type, size)?;
        let form = vec![
            FormPart { name: "messaging_product", value: FormValue::Text("whatsapp".to_owned()) },
            FormPart { name: "type", value: FormValue::Text(content_type.to_owned()) },
            FormPart {
                name: "file",
                value: FormValue::File {
                    filename: filename.to_owned(),
                    content_type: content_type.to_owned(),
                },
            },
        ];
        Ok(Request::post_form(self.url(&format!("{}/media", self.phone()?)), form, false))
    }

    /// GET a media URL (as `getMedia` returned it) with the access token, for
    /// the file's bytes. The URL is read the way `fetch` will read it
    /// ([`crate::api::url`]): only `https` on Meta's media hosts, or this
    /// client's own `baseUrl` origin (a proxy or a test fake), with no user
    /// info, port or anything a URL parser would rewrite — the token must not
    /// be sent anywhere else — and the request goes to exactly that string.
    pub fn download_media(&self, url: &str) -> Result<Request, Error> {
        let refuse = || {
            let message = "downloadMedia takes a media URL from getMedia (https on Meta's media hosts, \
                           or this client's baseUrl): the access token is sent nowhere else";
            Error::invalid_argument(message)
        };
        let (origin, _) = crate::api::url::split(url).ok_or_else(refuse)?;
        let on_meta = origin.scheme == "https"
            && origin.port.is_none()
            && MEDIA_HOSTS.iter().any(|suffix| crate::api::url::host_is_under(origin.host, suffix));
        let on_own = crate::api::url::split(&self.base_url).is_some_and(|(own, _)| own == origin);
        if !on_meta && !on_own {
            return Err(refuse());
        }
        Ok(Request { download: true, ..Request::get(url.to_owned()) })
    }
}

#[cfg(test)]
mod tests {
    use super::super::example as cloud;

    #[test]
    fn media_is_checked_against_metas_types_and_limits() {
        assert!(cloud().upload_media("image/png", 5 << 20, "a.png").is_ok());
        assert_eq!(
            cloud().upload_media("image/png", (5 << 20) + 1, "a.png").unwrap_err().code,
            "invalid_argument"
        );
        assert!(cloud().upload_media("image/gif", 10, "a.gif").is_err());
        let request = cloud().upload_media("application/pdf", 10, "a.pdf").unwrap();
        assert_eq!(request.url, "https://graph.example/v23.0/106540352242922/media");
        assert_eq!(request.form.len(), 3);
    }

    #[test]
    fn downloads_go_only_to_metas_hosts_or_the_clients_own() {
        let meta = "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1&ext=2&hash=3";
        let request = cloud().download_media(meta).unwrap();
        assert!(request.download && request.method == "GET" && request.url == meta);
        assert!(cloud().download_media("https://graph.example/media/1").is_ok());
        for bad in [
            "http://lookaside.fbsbx.com/x",
            "https://evil.example/x",
            "https://fbsbx.com.evil.example/x",
            "https://user@lookaside.fbsbx.com.evil/x",
            "https://lookaside.fbsbx.com:8443/x",
            "https://graph.example.evil/x",
            "javascript:alert(1)",
            "https://evil.example\\.fbsbx.com/x",
            "https://evil.example%5C.fbsbx.com/x",
            "https://LOOKASIDE.FBSBX.COM/x",
            "https://lookaside.fbsbx.com./x",
            "https://evil.example\u{ff0e}fbsbx.com/x",
            "https://lookaside.fbsbx.com/\tx",
            "https://fbsbx.com/x",
            "http://graph.example/x",
        ] {
            assert_eq!(cloud().download_media(bad).unwrap_err().code, "invalid_argument", "{bad}");
        }
    }
}
