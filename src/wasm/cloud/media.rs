//! `CloudApiClient` — Media: read, download (the token only to Meta's hosts), delete, upload.

use super::super::config::{upload, UploadOptions};
use super::super::object::{self, field};
use super::super::options::Js;
use super::CloudApiClient;
use crate::Error;
use js_sys::Promise;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

#[wasm_bindgen]
impl CloudApiClient {
    /// A media object's short-lived URL, MIME type, size and hash.
    #[wasm_bindgen(js_name = getMedia, unchecked_return_type = "Promise<MediaInfo>")]
    pub fn get_media(&self, #[wasm_bindgen(js_name = "mediaId")] media_id: &str) -> Promise {
        self.run(self.cloud.get_media(media_id))
    }

    /// Downloads media: given a media id, looks its URL up (`getMedia`) and
    /// resolves to `{ data, mimeType, sha256, fileSize }` after checking the
    /// size Meta gave; given a URL from `getMedia`, resolves to its bytes. The
    /// token is sent only to Meta's hosts (or this client's `baseUrl`).
    #[wasm_bindgen(js_name = downloadMedia, unchecked_return_type = "Promise<DownloadedMedia | Uint8Array>")]
    pub fn download_media(&self, #[wasm_bindgen(js_name = "mediaIdOrUrl")] media_id_or_url: &str) -> Promise {
        if media_id_or_url.contains("://") {
            return self.run(self.cloud.download_media(media_id_or_url));
        }
        let (lookup, cloud, transport) =
            (self.cloud.get_media(media_id_or_url), self.cloud.clone(), Rc::clone(&self.link.transport));
        future_to_promise(async move {
            let media = transport.call(&lookup?, None).await?;
            let text = |key: &str| field(&media, key).and_then(|v| v.as_string()).unwrap_or_default();
            // Whole bytes: formatting an f64 would pull float printing (~10 KB) into the wasm.
            let size = field(&media, "file_size").and_then(|v| v.as_f64()).map(|size| size as u64);
            let data = transport.call(&cloud.download_media(&text("url"))?, None).await?;
            let length = data.unchecked_ref::<js_sys::Uint8Array>().length();
            if let Some(size) = size.filter(|size| *size != u64::from(length)) {
                let message = format!("the download has {length} bytes; Meta said the file has {size}");
                return Err(Error::new(crate::error::code::INVALID_RESPONSE, message).into());
            }
            let result = js_sys::Object::new();
            for (key, value) in [
                ("data", data),
                ("mimeType", JsValue::from_str(&text("mime_type"))),
                ("sha256", JsValue::from_str(&text("sha256"))),
                ("fileSize", JsValue::from(length)),
            ] {
                object::set(&result, key, &value);
            }
            Ok(result.into())
        })
    }

    /// Deletes uploaded media.
    #[wasm_bindgen(js_name = deleteMedia, unchecked_return_type = "Promise<Success>")]
    pub fn delete_media(&self, #[wasm_bindgen(js_name = "mediaId")] media_id: &str) -> Promise {
        self.run(self.cloud.delete_media(media_id))
    }

    /// Uploads media (a Blob or File, ArrayBuffer or Uint8Array) after checking
    /// its type and size against Meta's limits; resolves to `{ id }`.
    /// `options.type` (MIME) is needed when the file does not carry one.
    #[wasm_bindgen(js_name = uploadMedia, unchecked_return_type = "Promise<Created>")]
    pub fn upload_media(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Blob | ArrayBuffer | Uint8Array")] file: JsValue,
        options: Option<Js<UploadOptions>>,
    ) -> Promise {
        let request = upload(&file, options.into())
            .and_then(|upload| self.cloud.upload_media(&upload.content_type, upload.size, &upload.filename));
        self.run_with(request, Some(file))
    }
}
