//! `CloudApiClient` — Groups: create, read, list, update, delete, invite link, participants, join requests.

use super::{page_of, CloudApiClient};
use crate::api::cloud::Cloud;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** A group to create (Groups API "Create group"). */
export interface GroupCreate {
  /** The group's name: 1 to 128 characters. */
  subject: string;
  /** Up to 2048 characters. */
  description?: string;
  /** Whether people who tap the invite link join at once (default) or after approval. */
  join_approval_mode?: "approval_required" | "auto_approve";
}
/** Group settings to change (Groups API "Update group settings"). */
export interface GroupUpdate {
  /** A new name: 1 to 128 characters. */
  subject?: string;
  /** A new description: up to 2048 characters. */
  description?: string;
}
/** Meta's answer to creating a group: the group id and invite link arrive in a `group_lifecycle_update` webhook. */
export interface GroupCreated {
  /** Always "whatsapp". */
  messaging_product?: "whatsapp";
  /** The id Meta gives the request, when it gives one (its answer is not documented). */
  request_id?: string;
  /** The group id, when Meta gives it at once. */
  id?: string;
}
/** A group field `getGroup` can ask for. */
export type GroupField = "subject" | "description" | "participants" | "join_approval_mode" | "suspended" | "creation_timestamp" | "total_participant_count";
/** A group's metadata (Groups API "Get group info"): the fields asked for (all by default). */
export interface GroupInfo {
  /** Always "whatsapp". */
  messaging_product?: "whatsapp";
  /** The group id: what a group message's `to` takes. */
  id: string;
  /** The group's name. */
  subject?: string;
  /** Its description. */
  description?: string;
  /** The participants (not the business). */
  participants?: { wa_id: string }[];
  /** Whether joining needs approval. */
  join_approval_mode?: "approval_required" | "auto_approve";
  /** `true` when WhatsApp suspended the group. */
  suspended?: boolean;
  /** When it was created, Unix seconds (Meta's sample shows it as a string). */
  creation_timestamp?: number | string;
  /** Participants, the business excluded. */
  total_participant_count?: number;
}
/** A page of the number's active groups (Groups API "Get active groups"). */
export interface GroupList {
  /** The groups of this page. */
  data: { groups: { id: string; subject: string; created_at: number | string }[] };
  /** Cursors for the next and previous pages. */
  paging?: Paging;
}
/** A group's invite link: always `https://chat.whatsapp.com/<LINK_ID>`. */
export interface GroupInviteLink {
  /** Always "whatsapp". */
  messaging_product: "whatsapp";
  /** The link to send to people who may join. */
  invite_link: string;
}
/** A page of open join requests of a group. */
export interface GroupJoinRequestList {
  /** The requests: their id (to approve or reject), the user and when they asked (Unix seconds). */
  data: { join_request_id: string; wa_id: string; creation_timestamp: number | string }[];
  /** Cursors for the next and previous pages. */
  paging?: Paging;
}
/** A failure Meta reports for one entry of a bulk call. */
export interface GraphEntryError {
  /** Meta's error code, e.g. 131203. */
  code: number | string;
  /** Meta's message. */
  message: string;
  /** A short title. */
  title?: string;
  /** Details, when given. */
  error_data?: { details: string };
}
/** Meta's answer to approving or rejecting join requests. */
export interface GroupJoinRequestsResult {
  /** Always "whatsapp". */
  messaging_product: "whatsapp";
  /** The requests approved (approveGroupJoinRequests). */
  approved_join_requests?: string[];
  /** The requests rejected (rejectGroupJoinRequests). */
  rejected_join_requests?: string[];
  /** The requests Meta could not answer, with why. */
  failed_join_requests?: { join_request_id: string; errors: GraphEntryError[] }[];
  /** Errors about the call as a whole. */
  errors?: GraphEntryError[];
}
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
    pub fn list_groups(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "PageOptions")] page: JsValue,
    ) -> Promise {
        self.run(self.cloud.list_groups(&page_of(&page)))
    }

    /// Changes a group's subject or description (checked first).
    #[wasm_bindgen(js_name = updateGroup, unchecked_return_type = "Promise<SuccessResult>")]
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
    #[wasm_bindgen(js_name = deleteGroup, unchecked_return_type = "Promise<SuccessResult>")]
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
    #[wasm_bindgen(js_name = removeGroupParticipants, unchecked_return_type = "Promise<SuccessResult>")]
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
        #[wasm_bindgen(unchecked_optional_param_type = "PageOptions")] page: JsValue,
    ) -> Promise {
        self.run(self.cloud.list_group_join_requests(group_id, &page_of(&page)))
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
