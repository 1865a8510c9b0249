//! `CloudApiClient` — Block users: block, unblock, list the blocked.

use super::{page_of, CloudApiClient};
use js_sys::Promise;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** One user of a block-list answer: what was given, and the WhatsApp id. */
export interface BlockedUser {
  /** The phone number or WhatsApp id given. */
  input: string;
  /** The user's WhatsApp id. */
  wa_id: string;
}
/** Meta's answer to blocking or unblocking users. */
export interface BlockUsersResult {
  /** Always "whatsapp". */
  messaging_product: "whatsapp";
  /** Who was (un)blocked and who was not. */
  block_users: {
    /** Users the call (un)blocked. */
    added_users?: BlockedUser[];
    /** Users it could not (un)block (Meta then answers 400 with code 139100: the error's `raw` has this list). */
    failed_users?: (BlockedUser & { errors?: { message: string; code: number | string; error_data?: { details: string } }[] })[];
  };
}
/** A page of the number's block list. */
export interface BlockedUserList {
  /** The blocked users of this page. */
  data: { block_users: BlockedUser[] }[];
  /** Cursors for the next and previous pages. */
  paging?: Paging;
}
"#;

#[wasm_bindgen]
impl CloudApiClient {
    /// Blocks 1 to 1000 users (phone numbers or WhatsApp ids) who wrote in the last 24 hours:
    /// they can no longer message the business, nor it them.
    #[wasm_bindgen(js_name = blockUsers, unchecked_return_type = "Promise<BlockUsersResult>")]
    pub fn block_users(&self, #[wasm_bindgen(unchecked_param_type = "string[]")] users: JsValue) -> Promise {
        self.with_document(&users, "blockUsers", &|cloud, _, node| cloud.block_users(node, true))
    }

    /// Unblocks 1 to 1000 users.
    #[wasm_bindgen(js_name = unblockUsers, unchecked_return_type = "Promise<BlockUsersResult>")]
    pub fn unblock_users(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] users: JsValue,
    ) -> Promise {
        self.with_document(&users, "unblockUsers", &|cloud, _, node| cloud.block_users(node, false))
    }

    /// The sending number's blocked users, a page at a time.
    #[wasm_bindgen(js_name = listBlockedUsers, unchecked_return_type = "Promise<BlockedUserList>")]
    pub fn list_blocked_users(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "PageOptions")] page: JsValue,
    ) -> Promise {
        self.run(self.cloud.list_blocked_users(&page_of(&page)))
    }
}
