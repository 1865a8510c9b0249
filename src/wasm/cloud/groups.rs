//! `CloudApiClient` — Groups: create, read, list, update, delete, invite link, participants, join requests.

use super::super::options::Js;
use super::options::{page_of, PageOptions};
use super::CloudApiClient;
use crate::api::cloud::Cloud;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

// Declarations for the `.d.ts` only (Meta's bodies cross untouched, as in `results.rs`).
#[allow(dead_code)]
mod types {
    use tsify::Tsify;

    /// A group to create (Groups API "Create group").
    #[derive(Tsify)]
    pub struct GroupCreate {
        /// The group's name: 1 to 128 characters.
        subject: String,
        /// Up to 2048 characters.
        #[tsify(optional)]
        description: Option<String>,
        /// Whether people who tap the invite link join at once (default) or after approval.
        #[tsify(optional, type = "\"approval_required\" | \"auto_approve\"")]
        join_approval_mode: Option<()>,
    }

    /// Group settings to change (Groups API "Update group settings").
    #[derive(Tsify)]
    pub struct GroupUpdate {
        /// A new name: 1 to 128 characters.
        #[tsify(optional)]
        subject: Option<String>,
        /// A new description: up to 2048 characters.
        #[tsify(optional)]
        description: Option<String>,
    }

    /// Meta's answer to creating a group: the group id and invite link arrive in a `group_lifecycle_update` webhook.
    #[derive(Tsify)]
    pub struct GroupCreated {
        /// Always "whatsapp".
        #[tsify(optional)]
        messaging_product: Option<String>,
        /// The id Meta gives the request, when it gives one (its answer is not documented).
        #[tsify(optional)]
        request_id: Option<String>,
        /// The group id, when Meta gives it at once.
        #[tsify(optional)]
        id: Option<String>,
    }

    /// A group's metadata (Groups API "Get group info"): the fields asked for (all by default).
    #[derive(Tsify)]
    pub struct GroupInfo {
        /// Always "whatsapp".
        #[tsify(optional)]
        messaging_product: Option<String>,
        /// The group id: what a group message's `to` takes.
        id: String,
        /// The group's name.
        #[tsify(optional)]
        subject: Option<String>,
        /// Its description.
        #[tsify(optional)]
        description: Option<String>,
        /// The participants (not the business).
        #[tsify(optional, type = "{ wa_id: string }[]")]
        participants: Option<()>,
        /// Whether joining needs approval.
        #[tsify(optional, type = "\"approval_required\" | \"auto_approve\"")]
        join_approval_mode: Option<()>,
        /// `true` when WhatsApp suspended the group.
        #[tsify(optional)]
        suspended: Option<bool>,
        /// When it was created, Unix seconds (Meta's sample shows it as a string).
        #[tsify(optional, type = "number | string")]
        creation_timestamp: Option<()>,
        /// Participants, the business excluded.
        #[tsify(optional)]
        total_participant_count: Option<u32>,
    }

    /// A page of the number's active groups (Groups API "Get active groups").
    #[derive(Tsify)]
    pub struct GroupList {
        /// The groups of this page.
        #[tsify(type = "{ groups: { id: string; subject: string; created_at: number | string }[] }")]
        data: (),
        /// Cursors for the next and previous pages.
        #[tsify(optional)]
        paging: Option<super::super::results::Paging>,
    }

    /// A group's invite link: always `https://chat.whatsapp.com/<LINK_ID>`.
    #[derive(Tsify)]
    pub struct GroupInviteLink {
        /// Always "whatsapp".
        messaging_product: String,
        /// The link to send to people who may join.
        invite_link: String,
    }

    /// An open request to join a group.
    #[derive(Tsify)]
    pub struct GroupJoinRequest {
        /// What approveGroupJoinRequests and rejectGroupJoinRequests take.
        join_request_id: String,
        /// The user who asked.
        wa_id: String,
        /// When, Unix seconds.
        #[tsify(type = "number | string")]
        creation_timestamp: (),
    }

    /// A page of open join requests of a group.
    #[derive(Tsify)]
    pub struct GroupJoinRequestList {
        /// The requests.
        data: Vec<GroupJoinRequest>,
        /// Cursors for the next and previous pages.
        #[tsify(optional)]
        paging: Option<super::super::results::Paging>,
    }

    /// A failure Meta reports for one entry of a bulk call.
    #[derive(Tsify)]
    pub struct GraphEntryError {
        /// Meta's error code, e.g. 131203.
        #[tsify(type = "number | string")]
        code: (),
        /// Meta's message.
        message: String,
        /// A short title.
        #[tsify(optional)]
        title: Option<String>,
        /// Details, when given.
        #[tsify(optional, type = "{ details: string }")]
        error_data: Option<()>,
    }

    /// Meta's answer to approving or rejecting join requests.
    #[derive(Tsify)]
    pub struct GroupJoinRequestsResult {
        /// Always "whatsapp".
        messaging_product: String,
        /// The requests approved (approveGroupJoinRequests).
        #[tsify(optional)]
        approved_join_requests: Option<Vec<String>>,
        /// The requests rejected (rejectGroupJoinRequests).
        #[tsify(optional)]
        rejected_join_requests: Option<Vec<String>>,
        /// The requests Meta could not answer, with why.
        #[tsify(optional, type = "{ join_request_id: string; errors: GraphEntryError[] }[]")]
        failed_join_requests: Option<()>,
        /// Errors about the call as a whole.
        #[tsify(optional)]
        errors: Option<Vec<GraphEntryError>>,
    }
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** A group field `getGroup` can ask for. */
export type GroupField = "subject" | "description" | "participants" | "join_approval_mode" | "suspended" | "creation_timestamp" | "total_participant_count";
"#;

#[wasm_bindgen]
impl CloudApiClient {
    /// Creates a group on the sending number (`subject` ≤ 128, `description` ≤ 2048 checked
    /// first); its id and invite link arrive in a `group_lifecycle_update` webhook.
    #[wasm_bindgen(js_name = createGroup, unchecked_return_type = "Promise<GroupCreated>")]
    pub fn create_group(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GroupCreate")] group: JsValue,
    ) -> Promise {
        self.with_document(&group, "createGroup", &Cloud::create_group)
    }

    /// A group's metadata: every field, or those `fields` names.
    #[wasm_bindgen(js_name = getGroup, unchecked_return_type = "Promise<GroupInfo>")]
    pub fn get_group(
        &self,
        #[wasm_bindgen(js_name = "groupId")] group_id: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "GroupField[]")] fields: Option<Vec<String>>,
    ) -> Promise {
        let fields = fields.map(|fields| fields.join(","));
        self.run(self.cloud.get_group(group_id, fields.as_deref()))
    }

    /// The sending number's active groups, a page at a time (`limit` 1–1024).
    #[wasm_bindgen(js_name = listGroups, unchecked_return_type = "Promise<GroupList>")]
    pub fn list_groups(&self, page: Option<Js<PageOptions>>) -> Promise {
        self.run(page_of(page, "listGroups").and_then(|page| self.cloud.list_groups(&page)))
    }

    /// Changes a group's subject or description (checked first).
    #[wasm_bindgen(js_name = updateGroup, unchecked_return_type = "Promise<Success>")]
    pub fn update_group(
        &self,
        #[wasm_bindgen(js_name = "groupId")] group_id: &str,
        #[wasm_bindgen(unchecked_param_type = "GroupUpdate")] settings: JsValue,
    ) -> Promise {
        let id = group_id.to_owned();
        self.with_document(&settings, "updateGroup", &move |cloud, text, node| {
            cloud.update_group(&id, text, node)
        })
    }

    /// Deletes a group, removing every participant.
    #[wasm_bindgen(js_name = deleteGroup, unchecked_return_type = "Promise<Success>")]
    pub fn delete_group(&self, #[wasm_bindgen(js_name = "groupId")] group_id: &str) -> Promise {
        self.run(self.cloud.delete_group(group_id))
    }

    /// The group's invite link.
    #[wasm_bindgen(js_name = getGroupInviteLink, unchecked_return_type = "Promise<GroupInviteLink>")]
    pub fn get_group_invite_link(&self, #[wasm_bindgen(js_name = "groupId")] group_id: &str) -> Promise {
        self.run(self.cloud.group_invite_link(group_id, false))
    }

    /// A new invite link for the group; every earlier link stops working.
    #[wasm_bindgen(js_name = resetGroupInviteLink, unchecked_return_type = "Promise<GroupInviteLink>")]
    pub fn reset_group_invite_link(&self, #[wasm_bindgen(js_name = "groupId")] group_id: &str) -> Promise {
        self.run(self.cloud.group_invite_link(group_id, true))
    }

    /// Removes 1 to 8 participants (phone numbers or WhatsApp ids); they cannot rejoin by the link.
    /// Meta has no call to add participants: send the invite link instead.
    #[wasm_bindgen(js_name = removeGroupParticipants, unchecked_return_type = "Promise<Success>")]
    pub fn remove_group_participants(
        &self,
        #[wasm_bindgen(js_name = "groupId")] group_id: &str,
        #[wasm_bindgen(unchecked_param_type = "string[]")] users: JsValue,
    ) -> Promise {
        let id = group_id.to_owned();
        self.with_document(&users, "removeGroupParticipants", &move |cloud, _, node| {
            cloud.remove_group_participants(&id, node)
        })
    }

    /// The group's open join requests (groups created with `join_approval_mode: "approval_required"`).
    #[wasm_bindgen(js_name = listGroupJoinRequests, unchecked_return_type = "Promise<GroupJoinRequestList>")]
    pub fn list_group_join_requests(
        &self,
        #[wasm_bindgen(js_name = "groupId")] group_id: &str,
        page: Option<Js<PageOptions>>,
    ) -> Promise {
        let request = page_of(page, "listGroupJoinRequests")
            .and_then(|page| self.cloud.list_group_join_requests(group_id, &page));
        self.run(request)
    }

    /// Approves join requests by their `join_request_id`.
    #[wasm_bindgen(js_name = approveGroupJoinRequests, unchecked_return_type = "Promise<GroupJoinRequestsResult>")]
    pub fn approve_group_join_requests(
        &self,
        #[wasm_bindgen(js_name = "groupId")] group_id: &str,
        #[wasm_bindgen(js_name = "joinRequestIds", unchecked_param_type = "string[]")] ids: JsValue,
    ) -> Promise {
        self.answer_join_requests(group_id, &ids, true)
    }

    /// Rejects join requests by their `join_request_id` (the user may ask again).
    #[wasm_bindgen(js_name = rejectGroupJoinRequests, unchecked_return_type = "Promise<GroupJoinRequestsResult>")]
    pub fn reject_group_join_requests(
        &self,
        #[wasm_bindgen(js_name = "groupId")] group_id: &str,
        #[wasm_bindgen(js_name = "joinRequestIds", unchecked_param_type = "string[]")] ids: JsValue,
    ) -> Promise {
        self.answer_join_requests(group_id, &ids, false)
    }

    fn answer_join_requests(&self, group_id: &str, ids: &JsValue, approve: bool) -> Promise {
        let id = group_id.to_owned();
        let what = if approve { "approveGroupJoinRequests" } else { "rejectGroupJoinRequests" };
        self.with_document(ids, what, &move |cloud, _, node| {
            cloud.answer_group_join_requests(&id, node, approve)
        })
    }
}
