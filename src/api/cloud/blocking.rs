//! The Block Users API: block and unblock WhatsApp users, list the blocked
//! (https://developers.facebook.com/documentation/business-messaging/whatsapp/block-users/).

use super::{check_body, check_ids, id_list_body, Cloud, Page};
use crate::api::Request;
use crate::json::Node;
use crate::Error;

/// Users per block or unblock call ("Each request can include a maximum of 1,000 users").
const USERS_MAX: usize = 1000;

impl Cloud {
    /// POST (`block`) or DELETE `/<PHONE_NUMBER_ID>/block_users` with
    /// `{ block_users: [{ user }] }`: 1–1000 phone numbers or WhatsApp ids (`users`, an array).
    /// Meta blocks only users who wrote in the last 24 hours; the answer lists `added_users` and `failed_users`.
    /// <https://developers.facebook.com/documentation/business-messaging/whatsapp/block-users/>
    pub fn block_users(&self, users: &Node, block: bool) -> Result<Request, Error> {
        let mut ids = Vec::new();
        check_body(users, false, |checker, list| ids = check_ids(checker, &list, USERS_MAX, "users"))?;
        let body = id_list_body("block_users", &ids, Some("user"));
        self.on_phone(if block { "POST" } else { "DELETE" }, "block_users", Some(body))
    }

    /// GET `/<PHONE_NUMBER_ID>/block_users` (`limit`, `after`, `before`).
    /// <https://developers.facebook.com/documentation/business-messaging/whatsapp/block-users/>
    pub fn list_blocked_users(&self, page: &Page) -> Result<Request, Error> {
        Ok(Request::get(page.query(self.url(&format!("{}/block_users", self.phone()?)), 1000)?))
    }
}
