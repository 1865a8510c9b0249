//! `CloudApiClient` — Template archive: archive and unarchive templates by id.

use super::CloudApiClient;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Meta's answer to archiving or unarchiving templates. */
export interface TemplateArchiveResult {
  /** The templates archived (archiveTemplates). */
  archived_templates?: string[];
  /** The templates unarchived (unarchiveTemplates). */
  unarchived_templates?: string[];
  /** Templates Meta did not change, by id, with why. */
  failed_templates?: Record<string, string>;
}
"#;

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
