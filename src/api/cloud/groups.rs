//! The Groups API: create, read, list, update and delete groups, their invite
//! link, participants and join requests, each body checked first
//! (https://developers.facebook.com/documentation/business-messaging/whatsapp/groups/reference).
//! Meta offers no call to add participants: people join through the invite link.

use super::{check_body, check_ids, check_text, code, id_list_body, path_id, with_product, Cloud, Page};
use crate::api::Request;
use crate::json::Node;
use crate::Error;

/// Every field of a group Meta returns ("Get group info").
pub const GROUP_FIELDS: &str =
    "subject,description,participants,join_approval_mode,suspended,creation_timestamp,total_participant_count";
/// Longest group subject and description (characters).
const SUBJECT_MAX: usize = 128;
const DESCRIPTION_MAX: usize = 2048;
/// Participants removed per call ("Maximum 8 participants").
const PARTICIPANTS_MAX: usize = 8;
/// Join requests approved or rejected per call: Meta gives no limit, so a
/// bound against runaway input (one Graph page of groups is 1024).
const JOIN_REQUESTS_MAX: usize = 1024;

fn group_id(id: &str) -> Result<&str, Error> {
    path_id(Some(id), "a group id")
}

/// The group body rules: `subject` (required on create) ≤ 128, `description` ≤ 2048,
/// `join_approval_mode` on create only.
fn check_group(node: &Node<'_>, create: bool) -> Result<(), Error> {
    check_body(node, true, |checker, root| {
        let mut known = vec!["messaging_product", "subject", "description"];
        if create {
            known.push("join_approval_mode");
        }
        checker.unknown_keys(&root, &known, "a group");
        check_text(checker, &root, "subject", SUBJECT_MAX, create || root.get("subject").is_some());
        check_text(checker, &root, "description", DESCRIPTION_MAX, false);
        if let Some(mode) = root.get("join_approval_mode") {
            mode.one_of(
                checker,
                &["approval_required", "auto_approve"],
                code::VALUE_INVALID,
                None,
                "join_approval_mode",
            );
        }
    })
}

impl Cloud {
    /// POST `/<PHONE_NUMBER_ID>/groups` with `{ subject, description?, join_approval_mode? }`
    /// ("Create group"); the group id and invite link arrive in a `group_lifecycle_update` webhook.
    /// <https://developers.facebook.com/documentation/business-messaging/whatsapp/groups/reference#create-group>
    pub fn create_group(&self, text: &str, group: &Node) -> Result<Request, Error> {
        check_group(group, true)?;
        self.on_phone("POST", "groups", Some(with_product(text, group)))
    }

    /// GET `/<GROUP_ID>?fields=…` ("Get group info"), every field unless `fields` names some.
    /// <https://developers.facebook.com/documentation/business-messaging/whatsapp/groups/reference#get-group-info>
    pub fn get_group(&self, id: &str, fields: Option<&str>) -> Result<Request, Error> {
        let fields = fields.unwrap_or(GROUP_FIELDS);
        if let Some(unknown) =
            fields.split(',').find(|field| !GROUP_FIELDS.split(',').any(|known| known == *field))
        {
            return Err(Error::invalid_argument(format!(
                "unknown group field {}; known: {GROUP_FIELDS}",
                crate::text::quoted(unknown)
            )));
        }
        Ok(Request::get(format!("{}?fields={fields}", self.url(group_id(id)?))))
    }

    /// GET `/<PHONE_NUMBER_ID>/groups` ("Get active groups"), `limit` 1–1024.
    /// <https://developers.facebook.com/documentation/business-messaging/whatsapp/groups/reference#get-active-groups>
    pub fn list_groups(&self, page: &Page) -> Result<Request, Error> {
        Ok(Request::get(page.query(self.url(&format!("{}/groups", self.phone()?)), 1024)?))
    }

    /// POST `/<GROUP_ID>` with `{ subject?, description? }` ("Update group settings").
    /// <https://developers.facebook.com/documentation/business-messaging/whatsapp/groups/reference#update-group-settings>
    pub fn update_group(&self, id: &str, text: &str, settings: &Node) -> Result<Request, Error> {
        check_group(settings, false)?;
        Ok(self.request("POST", self.url(group_id(id)?), Some(with_product(text, settings))))
    }

    /// DELETE `/<GROUP_ID>` ("Delete group": removes every participant).
    /// <https://developers.facebook.com/documentation/business-messaging/whatsapp/groups/reference#delete-group>
    pub fn delete_group(&self, id: &str) -> Result<Request, Error> {
        Ok(Request::delete(self.url(group_id(id)?)))
    }

    /// GET `/<GROUP_ID>/invite_link`, or (`reset`) POST it: a new link, the old ones void.
    /// <https://developers.facebook.com/documentation/business-messaging/whatsapp/groups/reference#get-and-reset-group-invite-link>
    pub fn group_invite_link(&self, id: &str, reset: bool) -> Result<Request, Error> {
        let url = self.url(&format!("{}/invite_link", group_id(id)?));
        Ok(match reset {
            true => self.request("POST", url, Some(r#"{"messaging_product":"whatsapp"}"#.to_owned())),
            false => Request::get(url),
        })
    }

    /// DELETE `/<GROUP_ID>/participants` with `{ participants: [{ user }] }`: 1–8
    /// phone numbers or WhatsApp ids (`users`, an array).
    /// <https://developers.facebook.com/documentation/business-messaging/whatsapp/groups/reference#remove-group-participants>
    pub fn remove_group_participants(&self, id: &str, users: &Node) -> Result<Request, Error> {
        let mut ids = Vec::new();
        check_body(users, false, |checker, list| {
            ids = check_ids(checker, &list, PARTICIPANTS_MAX, "participants")
        })?;
        let body = id_list_body("participants", &ids, Some("user"));
        Ok(self.request("DELETE", self.url(&format!("{}/participants", group_id(id)?)), Some(body)))
    }

    /// GET `/<GROUP_ID>/join_requests` ("Get join requests").
    /// <https://developers.facebook.com/documentation/business-messaging/whatsapp/groups/reference#get-join-requests>
    pub fn list_group_join_requests(&self, id: &str, page: &Page) -> Result<Request, Error> {
        Ok(Request::get(page.query(self.url(&format!("{}/join_requests", group_id(id)?)), 1024)?))
    }

    /// POST (`approve`) or DELETE `/<GROUP_ID>/join_requests` with `{ join_requests: [ids] }`.
    /// <https://developers.facebook.com/documentation/business-messaging/whatsapp/groups/reference#groups-with-join-requests>
    pub fn answer_group_join_requests(
        &self,
        id: &str,
        requests: &Node,
        approve: bool,
    ) -> Result<Request, Error> {
        let mut ids = Vec::new();
        check_body(requests, false, |checker, list| {
            ids = check_ids(checker, &list, JOIN_REQUESTS_MAX, "join request ids");
        })?;
        let body = id_list_body("join_requests", &ids, None);
        let method = if approve { "POST" } else { "DELETE" };
        Ok(self.request(method, self.url(&format!("{}/join_requests", group_id(id)?)), Some(body)))
    }
}
