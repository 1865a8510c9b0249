//! `parse_webhook` on bodies written from Meta's webhook references:
//! BSUIDs (business-scoped-user-ids page, updated 2026-11-05), system
//! messages (updated 2026-08-11), group messages, per-message pricing,
//! `account_update` and `business_capability_update`.

use super::parse_webhook;
use crate::json::{self, Node};

fn at<'n, 'a>(node: &'n Node<'a>, path: &[&str]) -> Option<&'n Node<'a>> {
    path.iter().try_fold(node, |node, key| match key.parse::<usize>() {
        Ok(index) => node.items()?.get(index),
        Err(_) => node.get(key),
    })
}

fn text<'n>(node: &'n Node<'_>, path: &[&str]) -> Option<&'n str> {
    at(node, path).and_then(Node::as_str)
}

fn messages(value: &str) -> String {
    format!(
        r#"{{"object":"whatsapp_business_account","entry":[{{"id":"102290129340398","changes":[{{"field":"messages",
        "value":{{"messaging_product":"whatsapp","metadata":{{"display_phone_number":"15550001111","phone_number_id":"106540352242922"}},{value}}}}}]}}]}}"#
    )
}

fn update(field: &str, value: &str) -> String {
    format!(
        r#"{{"object":"whatsapp_business_account","entry":[{{"id":"102290129340398","time":1743451903,
        "changes":[{{"field":"{field}","value":{value}}}]}}]}}"#
    )
}

#[test]
fn a_bsuid_only_sender_gets_typed_ids_and_its_profile() {
    // A user with a username: no "from" and no "wa_id"; user_id, parent_user_id and profile.username.
    let body = messages(
        r#""contacts":[{"profile":{"name":"Kerry","username":"@kerry"},"user_id":"US.13491208655302741918","parent_user_id":"US.ENT.11815799212886844830"},
                       {"profile":{"name":"Other"},"user_id":"US.2"}],
           "messages":[{"from_user_id":"US.13491208655302741918","from_parent_user_id":"US.ENT.11815799212886844830",
                        "id":"wamid.1","timestamp":"1750000000","type":"text","text":{"body":"hi"},
                        "context":{"from_user_id":"US.99","id":"wamid.0"}}]"#,
    );
    let out = parse_webhook(&body);
    let root = json::parse(&out).unwrap();
    let event = at(&root, &["events", "0"]).unwrap();
    assert_eq!(text(event, &["type"]), Some("message"));
    assert_eq!(text(event, &["fromUserId"]), Some("US.13491208655302741918"));
    assert_eq!(text(event, &["fromParentUserId"]), Some("US.ENT.11815799212886844830"));
    assert_eq!(event.get("from").map(|_| ()), None);
    assert_eq!(text(event, &["contact", "userId"]), Some("US.13491208655302741918"));
    assert_eq!(text(event, &["contact", "parentUserId"]), Some("US.ENT.11815799212886844830"));
    assert_eq!(text(event, &["contact", "username"]), Some("@kerry"));
    assert_eq!(text(event, &["contact", "name"]), Some("Kerry"));
    assert_eq!(at(event, &["contact", "waId"]).map(|_| ()), None);
    assert_eq!(text(event, &["context", "from_user_id"]), Some("US.99"));
    // The second profile names nobody here: kept as an unknown event, not lost.
    assert_eq!(text(&root, &["events", "1", "type"]), Some("unknown"));
    assert_eq!(text(&root, &["events", "1", "path"]), Some("/entry/0/changes/0/value/contacts/1"));
    assert_eq!(at(&root, &["issues"]).and_then(Node::items).map(<[_]>::len), Some(0));
}

#[test]
fn statuses_carry_the_recipients_bsuids_pricing_and_profile() {
    let body = messages(
        r#""contacts":[{"profile":{"username":"@kerry"},"user_id":"US.1"}],
           "statuses":[{"id":"wamid.S","status":"read","timestamp":"1750263773","recipient_user_id":"US.1",
                        "recipient_parent_user_id":"US.ENT.1",
                        "pricing":{"billable":true,"pricing_model":"PMP","category":"marketing_lite","type":"regular"}},
                       {"id":"wamid.T","status":"held_for_quality_assessment","timestamp":"1750263774","recipient_id":"16315551234"},
                       {"id":"wamid.U","status":"failed","timestamp":"1750263775","recipient_id":"16315551234",
                        "errors":[{"code":132015,"title":"Template paused"}]},
                       {"id":"wamid.G","status":"delivered","timestamp":"1","recipient_type":"group",
                        "recipient_id":"GROUP_ID","recipient_participant_id":"16315551234",
                        "pricing":{"pricing_model":"PMP","category":"authentication_international","type":"free_entry_point"}}]"#,
    );
    let out = parse_webhook(&body);
    let root = json::parse(&out).unwrap();
    let read = at(&root, &["events", "0"]).unwrap();
    assert_eq!(text(read, &["recipientUserId"]), Some("US.1"));
    assert_eq!(text(read, &["recipientParentUserId"]), Some("US.ENT.1"));
    assert_eq!(text(read, &["contact", "username"]), Some("@kerry"), "matched by user_id");
    assert_eq!(text(read, &["pricing", "category"]), Some("marketing_lite"));
    assert_eq!(text(read, &["pricing", "pricing_model"]), Some("PMP"));
    assert_eq!(at(read, &["failed"]).and_then(Node::as_bool), Some(false));
    let held = at(&root, &["events", "1"]).unwrap();
    assert_eq!(text(held, &["status"]), Some("held_for_quality_assessment"));
    assert_eq!(at(held, &["failed"]).and_then(Node::as_bool), Some(false), "held is not a failure");
    assert_eq!(at(held, &["contact"]).map(|_| ()), None, "no profile names this recipient");
    let failed = at(&root, &["events", "2"]).unwrap();
    assert_eq!(at(failed, &["failed"]).and_then(Node::as_bool), Some(true));
    let group = at(&root, &["events", "3"]).unwrap();
    assert_eq!(text(group, &["recipientType"]), Some("group"));
    assert_eq!(text(group, &["recipientId"]), Some("GROUP_ID"));
    assert_eq!(text(group, &["recipientParticipantId"]), Some("16315551234"));
    assert_eq!(text(group, &["pricing", "category"]), Some("authentication_international"));
    assert_eq!(at(&root, &["events"]).and_then(Node::items).map(<[_]>::len), Some(4), "the profile was used");
}

#[test]
fn system_messages_of_changed_numbers_and_bsuids_and_group_messages() {
    // System messages come without a contacts array (Meta's system messages reference).
    let body = messages(
        r#""messages":[{"from_user_id":"US.OLD","id":"wamid.A","timestamp":"1","type":"system",
                        "system":{"body":"User A changed their user id","type":"user_changed_user_id","user_id":"US.NEW",
                                  "parent_user_id":"US.ENT.NEW","previous_user_id":"US.OLD","previous_parent_user_id":"US.ENT.OLD"}},
                       {"from":"16315551234","id":"wamid.B","timestamp":"1","type":"system",
                        "system":{"body":"User A changed from 16315551234 to 16315559999","type":"user_changed_number","wa_id":"16315559999"}},
                       {"from":"16315551234","group_id":"120363000000000000","id":"wamid.C","timestamp":"1","type":"text","text":{"body":"hi all"}}]"#,
    );
    let out = parse_webhook(&body);
    let root = json::parse(&out).unwrap();
    let changed = at(&root, &["events", "0"]).unwrap();
    assert_eq!(text(changed, &["messageType"]), Some("system"));
    assert_eq!(text(changed, &["system", "type"]), Some("user_changed_user_id"));
    assert_eq!(text(changed, &["system", "previous_user_id"]), Some("US.OLD"));
    assert_eq!(text(changed, &["system", "previous_parent_user_id"]), Some("US.ENT.OLD"));
    assert_eq!(text(changed, &["system", "user_id"]), Some("US.NEW"));
    assert_eq!(text(changed, &["fromUserId"]), Some("US.OLD"));
    let number = at(&root, &["events", "1"]).unwrap();
    assert_eq!(text(number, &["system", "type"]), Some("user_changed_number"));
    assert_eq!(text(number, &["system", "wa_id"]), Some("16315559999"));
    let group = at(&root, &["events", "2"]).unwrap();
    assert_eq!(text(group, &["groupId"]), Some("120363000000000000"));
    assert_eq!(text(group, &["text"]), Some("hi all"));
}

#[test]
fn volume_tiers_and_business_capabilities_are_typed_updates() {
    // Meta's pricing page example of VOLUME_BASED_PRICING_TIER_UPDATE (account_update, from 2025-10-01).
    let tier = update(
        "account_update",
        r#"{"volume_tier_info":{"tier_update_time":1743451903,"pricing_category":"UTILITY","tier":"25000001:50000000",
            "effective_month":"2025-11","region":"India"},"event":"VOLUME_BASED_PRICING_TIER_UPDATE"}"#,
    );
    let out = parse_webhook(&tier);
    let root = json::parse(&out).unwrap();
    let event = at(&root, &["events", "0"]).unwrap();
    assert_eq!(text(event, &["type"]), Some("account_update"));
    assert_eq!(text(event, &["event"]), Some("VOLUME_BASED_PRICING_TIER_UPDATE"));
    assert_eq!(text(event, &["volumeTierInfo", "tier"]), Some("25000001:50000000"));
    assert_eq!(at(event, &["volumeTierInfo", "tier_update_time"]).and_then(Node::as_f64), Some(1743451903.0));
    // Authentication-international eligibility, same reference.
    let eligibility = update(
        "account_update",
        r#"{"auth_international_rate_eligibility":{"exception_countries":[{"country_code":"ID","start_time":1751347424}],
            "start_time":1748780624},"event":"AUTH_INTL_PRICE_ELIGIBILITY_UPDATE"}"#,
    );
    let out = parse_webhook(&eligibility);
    let root = json::parse(&out).unwrap();
    let event = at(&root, &["events", "0"]).unwrap();
    let country =
        at(event, &["authInternationalRateEligibility", "exception_countries", "0", "country_code"]);
    assert_eq!(country.and_then(Node::as_str), Some("ID"));
    // Meta's business_capability_update reference: -1 is unlimited.
    let capability = update(
        "business_capability_update",
        r#"{"max_daily_conversation_per_phone":2000,"max_daily_conversations_per_business":-1,
            "max_phone_numbers_per_business":2,"max_phone_numbers_per_waba":25}"#,
    );
    let out = parse_webhook(&capability);
    let root = json::parse(&out).unwrap();
    let event = at(&root, &["events", "0"]).unwrap();
    assert_eq!(text(event, &["type"]), Some("business_capability"));
    assert_eq!(text(event, &["field"]), Some("business_capability_update"));
    assert_eq!(at(event, &["maxDailyConversationsPerBusiness"]).and_then(Node::as_f64), Some(-1.0));
    assert_eq!(at(event, &["maxPhoneNumbersPerWaba"]).and_then(Node::as_f64), Some(25.0));
    assert_eq!(at(event, &["maxDailyConversationPerPhone"]).and_then(Node::as_f64), Some(2000.0));
}

#[test]
fn odd_shapes_of_the_new_members_never_fail() {
    // Wrong types where ids belong: nothing is typed from them, nothing throws, all stays in raw.
    for value in [
        r#""contacts":[{"user_id":5}],"messages":[{"from_user_id":5,"id":"w","type":"text","text":{"body":"x"}}]"#,
        r#""contacts":[null,{"user_id":"US.1","profile":"x"}],"statuses":[{"recipient_user_id":"US.1","status":7}]"#,
        r#""statuses":[{"status":"failed","recipient_user_id":["US.1"],"pricing":"PMP"}]"#,
    ] {
        let out = parse_webhook(&messages(value));
        let root = json::parse(&out).unwrap_or_else(|issue| panic!("{value}: {}", issue.message));
        assert!(
            at(&root, &["events"]).and_then(Node::items).is_some_and(|events| !events.is_empty()),
            "{value}"
        );
    }
}
