//! Commerce settings of a business phone number: the cart and the catalog
//! storefront icon
//! (https://developers.facebook.com/documentation/business-messaging/whatsapp/catalogs/sell-products-and-services/set-commerce-settings).

use super::{check_body, code, Cloud};
use crate::api::Request;
use crate::json::Node;
use crate::Error;

const SETTINGS: [&str; 2] = ["is_cart_enabled", "is_catalog_visible"];

impl Cloud {
    /// GET `/<PHONE_NUMBER_ID>/whatsapp_commerce_settings`.
    /// <https://developers.facebook.com/documentation/business-messaging/whatsapp/catalogs/sell-products-and-services/set-commerce-settings>
    pub fn get_commerce_settings(&self) -> Result<Request, Error> {
        self.on_phone("GET", "whatsapp_commerce_settings", None)
    }

    /// POST `/<PHONE_NUMBER_ID>/whatsapp_commerce_settings?is_cart_enabled=…&is_catalog_visible=…`
    /// (Meta takes them in the query): `settings` holds one or both booleans.
    /// <https://developers.facebook.com/documentation/business-messaging/whatsapp/catalogs/sell-products-and-services/set-commerce-settings>
    pub fn update_commerce_settings(&self, settings: &Node) -> Result<Request, Error> {
        let mut query = String::new();
        check_body(settings, true, |checker, root| {
            checker.unknown_keys(&root, &SETTINGS, "commerce settings");
            for key in SETTINGS {
                if let Some(value) = root.get(key).and_then(|at| at.bool(checker)) {
                    query.push(if query.is_empty() { '?' } else { '&' });
                    query.push_str(&format!("{key}={value}"));
                }
            }
            if !SETTINGS.iter().any(|key| root.get(key).is_some()) {
                checker.error(code::VALUE_INVALID, &root, "give is_cart_enabled, is_catalog_visible or both");
            }
        })?;
        self.on_phone("POST", &format!("whatsapp_commerce_settings{query}"), None)
    }
}
