//! `CloudApiClient` — QR codes and short links with a prefilled message.

use super::CloudApiClient;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

// Declarations for the `.d.ts` only (Meta's bodies cross untouched, as in `results.rs`).
#[allow(dead_code)]
mod types {
    use tsify::Tsify;

    /// A QR code (and short link) that opens a chat with the business and a prefilled message.
    #[derive(Tsify)]
    pub struct QrCode {
        /// Its id: what getQrCode, updateQrCode and deleteQrCode take.
        code: String,
        /// The message the chat opens with.
        prefilled_message: String,
        /// The short link, https://wa.me/message/<code>.
        deep_link_url: String,
        /// The image's URL, when an image was asked for.
        #[tsify(optional)]
        qr_image_url: Option<String>,
    }

    /// The number's QR codes (`getQrCode` answers with one entry).
    #[derive(Tsify)]
    pub struct QrCodeList {
        /// The codes.
        data: Vec<QrCode>,
    }
}

#[wasm_bindgen]
impl CloudApiClient {
    /// Creates a QR code and short link: `prefilled_message` (≤ 140 characters) and,
    /// for an image, `generate_qr_image` ("SVG" or "PNG").
    #[wasm_bindgen(js_name = createQrCode, unchecked_return_type = "Promise<QrCode>")]
    pub fn create_qr_code(
        &self,
        #[wasm_bindgen(
            unchecked_param_type = "{ prefilled_message: string; generate_qr_image?: \"SVG\" | \"PNG\" }"
        )]
        qr: JsValue,
    ) -> Promise {
        self.with_document(&qr, "createQrCode", &|cloud, text, node| cloud.save_qr_code(None, text, node))
    }

    /// The number's QR codes.
    #[wasm_bindgen(js_name = listQrCodes, unchecked_return_type = "Promise<QrCodeList>")]
    pub fn list_qr_codes(&self) -> Promise {
        self.run(self.cloud.get_qr_codes(None))
    }

    /// One QR code by its `code`.
    #[wasm_bindgen(js_name = getQrCode, unchecked_return_type = "Promise<QrCodeList>")]
    pub fn get_qr_code(&self, code: &str) -> Promise {
        self.run(self.cloud.get_qr_codes(Some(code)))
    }

    /// Changes a QR code's prefilled message (≤ 140 characters).
    #[wasm_bindgen(js_name = updateQrCode, unchecked_return_type = "Promise<QrCode>")]
    pub fn update_qr_code(
        &self,
        code: &str,
        #[wasm_bindgen(unchecked_param_type = "{ prefilled_message: string }")] qr: JsValue,
    ) -> Promise {
        let code = code.to_owned();
        self.with_document(&qr, "updateQrCode", &move |cloud, text, node| {
            cloud.save_qr_code(Some(&code), text, node)
        })
    }

    /// Deletes a QR code (its link stops working).
    #[wasm_bindgen(js_name = deleteQrCode, unchecked_return_type = "Promise<Success>")]
    pub fn delete_qr_code(&self, code: &str) -> Promise {
        self.run(self.cloud.delete_qr_code(code))
    }
}
