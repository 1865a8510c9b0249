//! The user profile (`contacts[]`) that goes with a message or a status, by phone or by BSUID.
//!
//! Meta lists profiles beside messages (the sender) and, since the BSUID
//! rollout, beside delivered and read statuses (the recipient, with its
//! `username`). A profile carries `wa_id` (the phone, absent for a user
//! with a username), `user_id` (the BSUID, always) and `parent_user_id`
//! (a parent BSUID, when enabled), and `profile.name` / `profile.username`
//! (META-2026.md §1.2; Meta's business-scoped-user-ids page, updated
//! 2026-11-05).

use super::out::{Kind, Out};
use crate::json::Node;

/// The ids an event names its user by, each beside the profile member it
/// must equal: `(profile key, the event's value)`, most specific first.
pub type Ids<'n> = [(&'static str, Option<&'n str>); 3];

/// The sender's ids of a message: `from`, `from_user_id`, `from_parent_user_id`.
pub fn sender<'n>(message: &'n Node<'_>) -> Ids<'n> {
    let text = |key: &str| message.get(key).and_then(Node::as_str);
    [
        ("wa_id", text("from")),
        ("user_id", text("from_user_id")),
        ("parent_user_id", text("from_parent_user_id")),
    ]
}

/// The recipient's ids of a status: `recipient_id`, `recipient_user_id`, `recipient_parent_user_id`.
pub fn recipient<'n>(status: &'n Node<'_>) -> Ids<'n> {
    let text = |key: &str| status.get(key).and_then(Node::as_str);
    [
        ("wa_id", text("recipient_id")),
        ("user_id", text("recipient_user_id")),
        ("parent_user_id", text("recipient_parent_user_id")),
    ]
}

/// The index of the profile the ids name: the first whose `wa_id` equals
/// the phone, else whose `user_id` equals the BSUID (a user with a username
/// has no phone in the webhook), else whose `parent_user_id` equals the
/// parent BSUID; with `sole`, the only profile when none matches. Profiles
/// that are not objects are never chosen.
pub fn find(contacts: &[Node<'_>], ids: &Ids<'_>, sole: bool) -> Option<usize> {
    let found = ids.iter().find_map(|(key, value)| {
        let value = (*value)?;
        contacts.iter().position(|contact| contact.get(key).and_then(Node::as_str) == Some(value))
    });
    found
        .or((sole && contacts.len() == 1).then_some(0))
        .filter(|&index| contacts.get(index).is_some_and(|node| node.members().is_some()))
}

/// Writes `"contact": { waId?, userId?, parentUserId?, name?, username?, raw }`.
pub fn write(out: &mut Out<'_>, contact: &Node<'_>) {
    out.key("contact");
    out.open();
    out.fields(
        contact,
        &[
            ("wa_id", "waId", Kind::Str),
            ("user_id", "userId", Kind::Str),
            ("parent_user_id", "parentUserId", Kind::Str),
        ],
    );
    if let Some(profile) = contact.get("profile").filter(|node| node.members().is_some()) {
        out.fields(profile, &[("name", "name", Kind::Str), ("username", "username", Kind::Str)]);
    }
    out.raw("raw", contact);
    out.close();
}

/// Finds the profile for `ids`, writes it and marks it used (unused
/// profiles become `unknown` events, so none is lost).
pub fn attach(out: &mut Out<'_>, contacts: &[Node<'_>], used: &mut [bool], ids: &Ids<'_>, sole: bool) {
    let Some(index) = find(contacts, ids, sole) else { return };
    let Some(contact) = contacts.get(index) else { return };
    if let Some(flag) = used.get_mut(index) {
        *flag = true;
    }
    write(out, contact);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;

    fn contacts(text: &str) -> json::Node<'_> {
        json::parse(text).unwrap()
    }

    #[test]
    fn matches_by_phone_then_bsuid_then_parent_bsuid() {
        // Meta's BSUID page: wa_id is omitted for a user with a username; user_id is always there.
        let list = contacts(
            r#"[{"wa_id":"16315551234","user_id":"US.1"},{"user_id":"US.2","parent_user_id":"US.ENT.2"},5]"#,
        );
        let list = list.items().unwrap();
        let message = contacts(r#"{"from_user_id":"US.2"}"#);
        assert_eq!(find(list, &sender(&message), false), Some(1));
        let message = contacts(r#"{"from":"16315551234","from_user_id":"US.2"}"#);
        assert_eq!(find(list, &sender(&message), false), Some(0), "the phone first");
        let status = contacts(r#"{"recipient_parent_user_id":"US.ENT.2"}"#);
        assert_eq!(find(list, &recipient(&status), false), Some(1));
        let nobody = contacts(r#"{"recipient_user_id":"US.9"}"#);
        assert_eq!(find(list, &recipient(&nobody), true), None, "three profiles: no sole one");
        let one = contacts(r#"[{"user_id":"US.1"}]"#);
        assert_eq!(find(one.items().unwrap(), &sender(&nobody), true), Some(0));
        assert_eq!(find(one.items().unwrap(), &sender(&nobody), false), None);
        let not_object = contacts("[7]");
        assert_eq!(find(not_object.items().unwrap(), &sender(&nobody), true), None);
    }
}
