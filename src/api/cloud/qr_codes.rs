//! QR codes and short links that open a chat with a prefilled message:
//! create, list, read, update, delete
//! (https://developers.facebook.com/docs/whatsapp/business-management-api/qr-codes/).

use super::{check_body, check_text, code, path_id, Cloud};
use crate::api::Request;
use crate::json::{write_string, Node};
use crate::Error;

/// Longest prefilled message (characters), per Meta's QR code reference.
const MESSAGE_MAX: usize = 140;

fn qr_path(cloud: &Cloud, code: Option<&str>) -> Result<String, Error> {
    let base = format!("{}/message_qrdls", cloud.phone()?);
    Ok(match code {
        Some(code) => cloud.url(&format!("{base}/{}", path_id(Some(code), "a QR code id")?)),
        None => cloud.url(&base),
    })
}

impl Cloud {
    /// POST `/<PHONE_NUMBER_ID>/message_qrdls` with `{ prefilled_message, generate_qr_image? }`
    /// (`SVG` or `PNG`); with `code` (an update), `{ code, prefilled_message }`.
    /// <https://developers.facebook.com/docs/whatsapp/business-management-api/qr-codes/>
    pub fn save_qr_code(&self, code: Option<&str>, text: &str, qr: &Node) -> Result<Request, Error> {
        check_body(qr, true, |checker, root| {
            let known: &[&str] = if code.is_some() {
                &["prefilled_message"]
            } else {
                &["prefilled_message", "generate_qr_image"]
            };
            checker.unknown_keys(&root, known, "a QR code");
            check_text(checker, &root, "prefilled_message", MESSAGE_MAX, true);
            if let Some(format) = root.get("generate_qr_image") {
                format.one_of(checker, &["SVG", "PNG"], self::code::VALUE_INVALID, None, "generate_qr_image");
            }
        })?;
        let body = match code {
            Some(code) => {
                let mut body = String::from(r#"{"code":"#);
                write_string(&mut body, path_id(Some(code), "a QR code id")?);
                body.push(',');
                body.push_str(text.trim_start().strip_prefix('{').unwrap_or_default());
                body
            }
            None => text.to_owned(),
        };
        Ok(self.request("POST", qr_path(self, None)?, Some(body)))
    }

    /// GET `/<PHONE_NUMBER_ID>/message_qrdls` (every code), or `/…/<CODE>` (one).
    /// <https://developers.facebook.com/docs/whatsapp/business-management-api/qr-codes/>
    pub fn get_qr_codes(&self, code: Option<&str>) -> Result<Request, Error> {
        Ok(Request::get(qr_path(self, code)?))
    }

    /// DELETE `/<PHONE_NUMBER_ID>/message_qrdls/<CODE>`.
    /// <https://developers.facebook.com/docs/whatsapp/business-management-api/qr-codes/>
    pub fn delete_qr_code(&self, code: &str) -> Result<Request, Error> {
        Ok(Request::delete(qr_path(self, Some(code))?))
    }
}
