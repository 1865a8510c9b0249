//! `CloudApiClient` — Commerce settings: the cart and the catalog's storefront icon.

use super::CloudApiClient;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

// Declarations for the `.d.ts` only (Meta's bodies cross untouched, as in `results.rs`).
#[allow(dead_code)]
mod types {
    use tsify::Tsify;

    /// The commerce settings of a business phone number.
    #[derive(Tsify)]
    pub struct CommerceSettings {
        /// Whether the cart buttons show (Meta's default: true).
        #[tsify(optional)]
        is_cart_enabled: Option<bool>,
        /// Whether the catalog storefront icon and buttons show (Meta's default: false).
        #[tsify(optional)]
        is_catalog_visible: Option<bool>,
    }

    /// Meta's answer to reading commerce settings.
    #[derive(Tsify)]
    pub struct CommerceSettingsResult {
        /// The number's settings, with the settings' id.
        #[tsify(type = "{ is_cart_enabled: boolean; is_catalog_visible: boolean; id: string }[]")]
        data: (),
    }
}

#[wasm_bindgen]
impl CloudApiClient {
    /// The sending number's commerce settings.
    #[wasm_bindgen(js_name = getCommerceSettings, unchecked_return_type = "Promise<CommerceSettingsResult>")]
    pub fn get_commerce_settings(&self) -> Promise {
        self.run(self.cloud.get_commerce_settings())
    }

    /// Turns the cart and the catalog on or off (one or both).
    #[wasm_bindgen(js_name = updateCommerceSettings, unchecked_return_type = "Promise<Success>")]
    pub fn update_commerce_settings(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CommerceSettings")] settings: JsValue,
    ) -> Promise {
        self.with_document(&settings, "updateCommerceSettings", &|cloud, _, node| {
            cloud.update_commerce_settings(node)
        })
    }
}
