//! `CloudApiClient` — The phone numbers and the business: numbers, profile, encryption key,
//! registration, verification codes and the two-step PIN.

use super::super::options::{js_options, optional, Js};
use super::CloudApiClient;
use crate::api::cloud::Cloud;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

js_options! {
    /// The options of `registerPhoneNumber`.
    pub struct RegisterOptions {
        /// A 2-letter country code (e.g. "IN"): the number's data at rest stays in that country.
        #[tsify(optional)]
        data_localization_region "dataLocalizationRegion": Option<String>,
    }
}

#[wasm_bindgen]
impl CloudApiClient {
    /// The business account's phone numbers.
    #[wasm_bindgen(js_name = listPhoneNumbers, unchecked_return_type = "Promise<PhoneNumberList>")]
    pub fn list_phone_numbers(&self) -> Promise {
        self.run(self.cloud.list_phone_numbers())
    }

    /// The sending number's business profile.
    #[wasm_bindgen(js_name = getBusinessProfile, unchecked_return_type = "Promise<BusinessProfiles>")]
    pub fn get_business_profile(&self) -> Promise {
        self.run(self.cloud.get_business_profile())
    }

    /// The sending number's name, quality rating, messaging limit and status.
    #[wasm_bindgen(js_name = getPhoneNumber, unchecked_return_type = "Promise<PhoneNumberInfo>")]
    pub fn get_phone_number(&self) -> Promise {
        self.run(self.cloud.get_phone_number())
    }

    /// Updates the business profile (`about`, `address`, `description`, `email`,
    /// `vertical`, `websites`, `profile_picture_handle`), Meta's limits checked first.
    #[wasm_bindgen(js_name = updateBusinessProfile, unchecked_return_type = "Promise<Success>")]
    pub fn update_business_profile(
        &self,
        #[wasm_bindgen(unchecked_param_type = "object")] profile: JsValue,
    ) -> Promise {
        self.with_document(&profile, "updateBusinessProfile", &Cloud::update_business_profile)
    }

    /// The business public key the Flow data endpoint encryption uses, and its signature status.
    #[wasm_bindgen(js_name = getEncryptionKey, unchecked_return_type = "Promise<EncryptionKeys>")]
    pub fn get_encryption_key(&self) -> Promise {
        self.run(self.cloud.get_encryption_key())
    }

    /// Uploads the business public key (PEM) for Flow data endpoint encryption.
    #[wasm_bindgen(js_name = setEncryptionKey, unchecked_return_type = "Promise<Success>")]
    pub fn set_encryption_key(
        &self,
        #[wasm_bindgen(js_name = "publicKeyPem")] public_key_pem: &str,
    ) -> Promise {
        self.run(self.cloud.set_encryption_key(public_key_pem))
    }

    /// Registers the sending number for the Cloud API with its two-step PIN (6 digits);
    /// `{ dataLocalizationRegion: "IN" }` keeps its data at rest in that country.
    #[wasm_bindgen(js_name = registerPhoneNumber, unchecked_return_type = "Promise<Success>")]
    pub fn register_phone_number(&self, pin: &str, options: Option<Js<RegisterOptions>>) -> Promise {
        let request = optional::<RegisterOptions>(options, "registerPhoneNumber").and_then(|options| {
            self.cloud.register_phone_number(pin, options.data_localization_region.as_deref())
        });
        self.run(request)
    }

    /// Deregisters the sending number from the Cloud API.
    #[wasm_bindgen(js_name = deregisterPhoneNumber, unchecked_return_type = "Promise<Success>")]
    pub fn deregister_phone_number(&self) -> Promise {
        self.run(self.cloud.deregister_phone_number())
    }

    /// Asks Meta to send the number's verification code by `SMS` or `VOICE`, in `language` (e.g. "en_US").
    #[wasm_bindgen(js_name = requestVerificationCode, unchecked_return_type = "Promise<Success>")]
    pub fn request_verification_code(
        &self,
        #[wasm_bindgen(js_name = "codeMethod", unchecked_param_type = "\"SMS\" | \"VOICE\"")]
        code_method: &str,
        language: &str,
    ) -> Promise {
        self.run(self.cloud.request_verification_code(code_method, language))
    }

    /// Verifies the number with the 6-digit code Meta sent.
    #[wasm_bindgen(js_name = verifyCode, unchecked_return_type = "Promise<Success>")]
    pub fn verify_code(&self, code: &str) -> Promise {
        self.run(self.cloud.verify_code(code))
    }

    /// Sets (or changes) the number's two-step verification PIN (6 digits).
    #[wasm_bindgen(js_name = setTwoStepPin, unchecked_return_type = "Promise<Success>")]
    pub fn set_two_step_pin(&self, pin: &str) -> Promise {
        self.run(self.cloud.set_two_step_pin(pin))
    }
}
