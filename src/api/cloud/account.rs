//! Phone numbers and the business: one number's details, the business
//! profile (read and update, with Meta's field limits checked first), the
//! business encryption public key the Flow data endpoint uses, and the
//! number's registration, verification and two-step PIN.

use super::Cloud;
use crate::api::{FormPart, FormValue, Request};
use crate::json::{Node, Value};
use crate::Error;

/// Profile fields and their character limits (Meta's business profile reference).
const PROFILE_TEXT: [(&str, usize); 5] = [
    ("about", 139),
    ("address", 256),
    ("description", 512),
    ("email", 128),
    ("profile_picture_handle", 4096),
];
/// Business categories (`vertical`) Meta accepts.
const VERTICALS: [&str; 21] = [
    "UNDEFINED",
    "OTHER",
    "AUTO",
    "BEAUTY",
    "APPAREL",
    "EDU",
    "ENTERTAIN",
    "EVENT_PLAN",
    "FINANCE",
    "GROCERY",
    "GOVT",
    "HOTEL",
    "HEALTH",
    "NONPROFIT",
    "PROF_SERVICES",
    "RETAIL",
    "TRAVEL",
    "RESTAURANT",
    "NOT_A_BIZ",
    "ALCOHOL",
    "ONLINE_GAMBLING",
];
const NUMBER_FIELDS: &str = "display_phone_number,verified_name,code_verification_status,quality_rating,platform_type,throughput,name_status,messaging_limit_tier,is_official_business_account";

impl Cloud {
    /// GET `/<WABA_ID>/phone_numbers`.
    pub fn list_phone_numbers(&self) -> Result<Request, Error> {
        Ok(Request::get(self.url(&format!("{}/phone_numbers", self.waba()?))))
    }

    /// GET `/<PHONE_NUMBER_ID>/whatsapp_business_profile` with every documented field.
    pub fn get_business_profile(&self) -> Result<Request, Error> {
        const FIELDS: &str = "about,address,description,email,profile_picture_url,websites,vertical";
        let url = self.url(&format!("{}/whatsapp_business_profile?fields={FIELDS}", self.phone()?));
        Ok(Request::get(url))
    }

    /// GET `/<PHONE_NUMBER_ID>` with its name, quality, limits and status.
    pub fn get_phone_number(&self) -> Result<Request, Error> {
        Ok(Request::get(format!("{}?fields={NUMBER_FIELDS}", self.url(self.phone()?))))
    }

    /// POST `/<PHONE_NUMBER_ID>/whatsapp_business_profile`: `text` (parsed as
    /// `profile`) with Meta's limits checked; `messaging_product` is added.
    pub fn update_business_profile(&self, text: &str, profile: &Node) -> Result<Request, Error> {
        let members = profile
            .members()
            .ok_or_else(|| Error::invalid_argument("updateBusinessProfile takes an object"))?;
        for (key, value) in members {
            let name = key.name.as_ref();
            match (name, &value.value) {
                ("messaging_product", Value::String(product)) if product == "whatsapp" => {}
                ("vertical", Value::String(vertical)) if VERTICALS.contains(&vertical.as_ref()) => {}
                ("vertical", _) => {
                    return Err(Error::invalid_argument(format!(
                        "vertical is one of {}",
                        VERTICALS.join(", ")
                    )));
                }
                ("websites", Value::Array(sites)) => {
                    let valid = |site: &Node| {
                        site.as_str().is_some_and(|s| {
                            s.chars().count() <= 256
                                && (s.starts_with("http://") || s.starts_with("https://"))
                        })
                    };
                    if sites.len() > 2 || !sites.iter().all(valid) {
                        return Err(Error::invalid_argument(
                            "websites: at most 2 http(s) URLs of at most 256 characters",
                        ));
                    }
                }
                (_, Value::String(field)) => match PROFILE_TEXT.iter().find(|(known, _)| *known == name) {
                    Some((_, limit)) if field.chars().count() > *limit => {
                        return Err(Error::invalid_argument(format!(
                            "{name} has at most {limit} characters"
                        )));
                    }
                    Some(_) => {}
                    None => {
                        return Err(Error::invalid_argument(format!(
                            "updateBusinessProfile: unknown field {name}"
                        )))
                    }
                },
                _ => {
                    return Err(Error::invalid_argument(format!(
                        "updateBusinessProfile: {name} has the wrong type"
                    )))
                }
            }
        }
        let body = super::with_product(text, profile);
        let url = self.url(&format!("{}/whatsapp_business_profile", self.phone()?));
        Ok(Request::post(url, Some(body), true))
    }

    /// GET `/<PHONE_NUMBER_ID>/whatsapp_business_encryption`.
    pub fn get_encryption_key(&self) -> Result<Request, Error> {
        Ok(Request::get(self.url(&format!("{}/whatsapp_business_encryption", self.phone()?))))
    }

    /// POST `/<PHONE_NUMBER_ID>/whatsapp_business_encryption` with a PEM RSA public key.
    pub fn set_encryption_key(&self, public_key_pem: &str) -> Result<Request, Error> {
        let pem = public_key_pem.trim();
        if !pem.starts_with("-----BEGIN PUBLIC KEY-----") || !pem.ends_with("-----END PUBLIC KEY-----") {
            return Err(Error::invalid_argument(
                "setEncryptionKey takes a PEM public key (-----BEGIN PUBLIC KEY----- … -----END PUBLIC KEY-----); never the private key",
            ));
        }
        let form = vec![FormPart { name: "business_public_key", value: FormValue::Text(pem.to_owned()) }];
        let url = self.url(&format!("{}/whatsapp_business_encryption", self.phone()?));
        Ok(Request::post_form(url, form, true))
    }
}

/// `value` if it is 6 digits (a two-step PIN, a verification code); the
/// error never repeats it (it is a secret).
fn six_digits<'a>(value: &'a str, what: &str) -> Result<&'a str, Error> {
    if value.len() == 6 && value.bytes().all(|b| b.is_ascii_digit()) {
        Ok(value)
    } else {
        Err(Error::invalid_argument(format!("{what} is 6 digits")))
    }
}

impl Cloud {
    /// POST `/<PHONE_NUMBER_ID>/register` with the two-step `pin` (6 digits) and,
    /// optionally, the `data_localization_region` (2-letter country code) for local storage
    /// (https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/registration).
    pub fn register_phone_number(&self, pin: &str, region: Option<&str>) -> Result<Request, Error> {
        let pin = six_digits(pin, "the PIN")?;
        let region = match region {
            Some(code) if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) => {
                format!(r#","data_localization_region":"{code}""#)
            }
            Some(_) => {
                return Err(Error::invalid_argument(
                    "dataLocalizationRegion is a 2-letter country code, e.g. \"IN\"",
                ))
            }
            None => String::new(),
        };
        let body = format!(r#"{{"messaging_product":"whatsapp","pin":"{pin}"{region}}}"#);
        self.on_phone("POST", "register", Some(body))
    }

    /// POST `/<PHONE_NUMBER_ID>/deregister`.
    /// <https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/registration>
    pub fn deregister_phone_number(&self) -> Result<Request, Error> {
        self.on_phone("POST", "deregister", None)
    }

    /// POST `/<PHONE_NUMBER_ID>/request_code` with `code_method` (`SMS` or `VOICE`) and
    /// the `language` of the message (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/phone-numbers/#request-verification-code).
    pub fn request_verification_code(&self, method: &str, language: &str) -> Result<Request, Error> {
        if !matches!(method, "SMS" | "VOICE") {
            return Err(Error::invalid_argument("codeMethod is SMS or VOICE"));
        }
        let shape =
            |l: &str| (2..=6).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_');
        if !shape(language) {
            return Err(Error::invalid_argument("language is a language code such as en or en_US"));
        }
        let body = format!(r#"{{"code_method":"{method}","language":"{language}"}}"#);
        self.on_phone("POST", "request_code", Some(body))
    }

    /// POST `/<PHONE_NUMBER_ID>/verify_code` with the 6-digit `code` received.
    /// <https://developers.facebook.com/docs/whatsapp/cloud-api/reference/phone-numbers/#verify-code>
    pub fn verify_code(&self, code: &str) -> Result<Request, Error> {
        let body = format!(r#"{{"code":"{}"}}"#, six_digits(code, "the verification code")?);
        self.on_phone("POST", "verify_code", Some(body))
    }

    /// POST `/<PHONE_NUMBER_ID>` with a new two-step verification `pin` (6 digits)
    /// (https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/two-step-verification).
    pub fn set_two_step_pin(&self, pin: &str) -> Result<Request, Error> {
        let body = format!(r#"{{"pin":"{}"}}"#, six_digits(pin, "the PIN")?);
        self.on_phone("POST", "", Some(body))
    }
}

#[cfg(test)]
mod tests {
    use super::super::example as cloud;
    use crate::json::parse;

    #[test]
    fn profiles_are_checked_and_get_their_messaging_product() {
        let text = r#"{"about":"We sell plants","vertical":"RETAIL","websites":["https://shop.example"]}"#;
        let request = cloud().update_business_profile(text, &parse(text).unwrap()).unwrap();
        assert!(request.body.unwrap().starts_with(r#"{"messaging_product":"whatsapp","about""#));
        for bad in
            [r#"{"about":"x","vertical":"PLANTS"}"#, r#"{"websites":["a","b","c"]}"#, r#"{"colour":"green"}"#]
        {
            assert!(cloud().update_business_profile(bad, &parse(bad).unwrap()).is_err(), "{bad}");
        }
        let long = format!(r#"{{"about":"{}"}}"#, "x".repeat(140));
        assert!(cloud().update_business_profile(&long, &parse(&long).unwrap()).is_err());
    }

    #[test]
    fn only_public_keys_are_uploaded() {
        assert!(cloud()
            .set_encryption_key("-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----")
            .is_ok());
        assert!(cloud()
            .set_encryption_key("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----")
            .is_err());
    }
}
