//! `CloudApiClient` — Template archive: archive and unarchive templates by id.

use super::CloudApiClient;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

// Declarations for the `.d.ts` only (Meta's bodies cross untouched, as in `results.rs`).
#[allow(dead_code)]
mod types {
    use tsify::Tsify;

    /// Meta's answer to archiving or unarchiving templates.
    #[derive(Tsify)]
    pub struct TemplateArchiveResult {
        /// The templates archived (archiveTemplates).
        #[tsify(optional)]
        archived_templates: Option<Vec<String>>,
        /// The templates unarchived (unarchiveTemplates).
        #[tsify(optional)]
        unarchived_templates: Option<Vec<String>>,
        /// Templates Meta did not change, by id, with why.
        #[tsify(optional, type = "Record<string, string>")]
        failed_templates: Option<()>,
    }
}

#[wasm_bindgen]
impl CloudApiClient {
    /// Archives 1 to 100 templates by id (approved or rejected ones): they cannot be sent,
    /// and Meta deletes them after 28 days unless unarchived.
    #[wasm_bindgen(js_name = archiveTemplates, unchecked_return_type = "Promise<TemplateArchiveResult>")]
    pub fn archive_templates(
        &self,
        #[wasm_bindgen(js_name = "templateIds", unchecked_param_type = "string[]")] ids: JsValue,
    ) -> Promise {
        self.with_document(&ids, "archiveTemplates", &|cloud, _, node| cloud.archive_templates(node, true))
    }

    /// Unarchives 1 to 100 templates by id (within 28 days), back to their earlier status.
    #[wasm_bindgen(js_name = unarchiveTemplates, unchecked_return_type = "Promise<TemplateArchiveResult>")]
    pub fn unarchive_templates(
        &self,
        #[wasm_bindgen(js_name = "templateIds", unchecked_param_type = "string[]")] ids: JsValue,
    ) -> Promise {
        self.with_document(&ids, "unarchiveTemplates", &|cloud, _, node| cloud.archive_templates(node, false))
    }
}
