//! `CloudApiClient` — Block users: block, unblock, list the blocked.

use super::super::options::Js;
use super::options::{page_of, PageOptions};
use super::CloudApiClient;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

// Declarations for the `.d.ts` only (Meta's bodies cross untouched, as in `results.rs`).
#[allow(dead_code)]
mod types {
    use tsify::Tsify;

    /// One user of a block-list answer: what was given, and the WhatsApp id.
    #[derive(Tsify)]
    pub struct BlockedUser {
        /// The phone number or WhatsApp id given.
        input: String,
        /// The user's WhatsApp id.
        wa_id: String,
    }

    /// Who was (un)blocked and who was not.
    #[derive(Tsify)]
    pub struct BlockUsersOutcome {
        /// Users the call (un)blocked.
        #[tsify(optional)]
        added_users: Option<Vec<BlockedUser>>,
        /// Users it could not (un)block (Meta then answers 400 with code 139100: the error's `raw` has this list).
        #[tsify(
            optional,
            type = "(BlockedUser & { errors?: { message: string; code: number | string; error_data?: { details: string } }[] })[]"
        )]
        failed_users: Option<()>,
    }

    /// Meta's answer to blocking or unblocking users.
    #[derive(Tsify)]
    pub struct BlockUsersResult {
        /// Always "whatsapp".
        messaging_product: String,
        /// Who was (un)blocked and who was not.
        block_users: BlockUsersOutcome,
    }

    /// A page of the number's block list.
    #[derive(Tsify)]
    pub struct BlockedUserList {
        /// The blocked users of this page.
        #[tsify(type = "{ block_users: BlockedUser[] }[]")]
        data: (),
        /// Cursors for the next and previous pages.
        #[tsify(optional)]
        paging: Option<super::super::results::Paging>,
    }
}

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
    pub fn list_blocked_users(&self, page: Option<Js<PageOptions>>) -> Promise {
        self.run(page_of(page, "listBlockedUsers").and_then(|page| self.cloud.list_blocked_users(&page)))
    }
}
