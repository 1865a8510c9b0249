//! Contacts messages (`type: "contacts"`): the list of contact cards, given
//! as an array (documented) or as a JSON-encoded string (accepted by Meta).

use super::{code, required_text};
use crate::check::{At, Checker};
use crate::json::parse;
use crate::text::quoted;

/// Name parts of which Meta needs at least one beside `formatted_name`
/// (Cloud API "Contacts messages", name object: "At least one of the
/// optional parameters needs to be included along with the formatted_name").
const NAME_PARTS: [&str; 5] = ["first_name", "last_name", "middle_name", "suffix", "prefix"];

/// The `contacts` member of a message.
pub fn check(checker: &mut Checker<'_>, list: &At<'_>) {
    if let Some(encoded) = list.node.as_str() {
        check_encoded(checker, list, encoded);
        return;
    }
    check_list(checker, list);
}

/// `contacts` as a string holding JSON: whatsapp-api-js posted it so until
/// December 2024 and Meta accepts it (META-2026.md, issue 19). The decoded
/// value gets every rule of the array; its findings point at `contacts` and
/// name their place inside it in the message.
fn check_encoded(checker: &mut Checker<'_>, list: &At<'_>, encoded: &str) {
    let Ok(decoded) = parse(encoded) else {
        checker.error(
            code::CONTACT_INVALID,
            list,
            "contacts is a string that is not JSON; give an array of contacts",
        );
        return;
    };
    checker.warning(
        code::CONTACTS_ENCODED,
        list,
        "contacts is a JSON-encoded string: Meta accepts it, but the documented shape is an array",
    );
    let mut inner = Checker::new(&decoded, None);
    check_list(&mut inner, &At::root(&decoded));
    checker.nested(list, inner.finish());
}

fn check_list(checker: &mut Checker<'_>, list: &At<'_>) {
    let Some(contacts) = list.array(checker) else { return };
    if contacts.is_empty() {
        checker.error(code::CONTACT_INVALID, list, "contacts needs at least one contact");
    }
    for contact in &contacts {
        if contact.object(checker).is_none() {
            continue;
        }
        checker.unknown_keys(
            contact,
            &["name", "phones", "emails", "addresses", "org", "urls", "birthday"],
            "a contact",
        );
        match contact.required(checker, "name", "a contact") {
            Some(name) if name.object(checker).is_some() => check_name(checker, &name),
            _ => {}
        }
        if let Some(birthday) = contact.get("birthday") {
            check_birthday(checker, &birthday);
        }
        for field in ["phones", "emails", "addresses", "urls"] {
            if let Some(at) = contact.get(field) {
                for item in at.array(checker).unwrap_or_default() {
                    item.object(checker);
                }
            }
        }
        if let Some(org) = contact.get("org") {
            if org.object(checker).is_some() {
                checker.unknown_keys(&org, &["company", "department", "title"], "org");
            }
        }
    }
}

fn check_name(checker: &mut Checker<'_>, name: &At<'_>) {
    let mut known = vec!["formatted_name"];
    known.extend(NAME_PARTS);
    checker.unknown_keys(name, &known, "a contact name");
    required_text(checker, name, "formatted_name", 4096, "a contact name");
    let parts: Vec<&str> = NAME_PARTS
        .iter()
        .copied()
        .filter(|part| name.get(part).and_then(|at| at.node.as_str()).is_some_and(|t| !t.trim().is_empty()))
        .collect();
    for part in NAME_PARTS {
        if let Some(at) = name.get(part) {
            at.str(checker);
        }
    }
    if parts.is_empty() {
        checker.error(
            code::CONTACT_NAME,
            name,
            format!("a contact name needs one of {} beside formatted_name", NAME_PARTS.join(", ")),
        );
    }
}

/// `birthday` is `YYYY-MM-DD` (Cloud API "Contacts messages").
fn check_birthday(checker: &mut Checker<'_>, birthday: &At<'_>) {
    let Some(text) = birthday.str(checker) else { return };
    if !crate::time::is_calendar_date(text) {
        checker.error(
            code::CONTACT_BIRTHDAY,
            birthday,
            format!("birthday {} is not a date written YYYY-MM-DD (e.g. 1990-04-23)", quoted(text)),
        );
    }
}
