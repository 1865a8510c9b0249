//! `CloudApiClient` — The phone numbers and the business: numbers, profile, encryption key.

use super::CloudApiClient;
use crate::api::cloud::Cloud;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

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
        self.with_document(&profile, "updateBusinessProfile", Cloud::update_business_profile)
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
}
