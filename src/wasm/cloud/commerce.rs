//! `CloudApiClient` — Commerce settings: the cart and the catalog's storefront icon.

use super::CloudApiClient;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** The commerce settings of a business phone number. */
export interface CommerceSettings {
  /** Whether the cart buttons show (Meta's default: true). */
  is_cart_enabled?: boolean;
  /** Whether the catalog storefront icon and buttons show (Meta's default: false). */
  is_catalog_visible?: boolean;
}
/** Meta's answer to reading commerce settings. */
export interface CommerceSettingsResult {
  /** The number's settings, with the settings' id. */
  data: (Required<CommerceSettings> & { id: string })[];
}
"#;

#[wasm_bindgen]
impl CloudApiClient {
    /// The sending number's commerce settings.
    #[wasm_bindgen(js_name = getCommerceSettings, unchecked_return_type = "Promise<CommerceSettingsResult>")]
    pub fn get_commerce_settings(&self) -> Promise {
        self.run(self.cloud.get_commerce_settings())
    }

    /// Turns the cart and the catalog on or off (one or both).
    #[wasm_bindgen(js_name = updateCommerceSettings, unchecked_return_type = "Promise<SuccessResult>")]
    pub fn update_commerce_settings(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CommerceSettings")] settings: JsValue,
    ) -> Promise {
        self.with_document(&settings, "updateCommerceSettings", &|cloud, _, node| {
            cloud.update_commerce_settings(node)
        })
    }
}
