//! The camelCase view of each webhook object: which members are copied, renamed, and of what kind.
//!
//! Field names follow Meta's webhook references (Cloud API messages and
//! statuses, `account_update`, `business_capability_update`, the BSUID page);
//! the source of each addition is cited beside it.

use super::out::Kind;

/// Members to copy: input key, output key, kind.
pub type Table = &'static [(&'static str, &'static str, Kind)];

pub const METADATA: Table = &[
    ("phone_number_id", "phoneNumberId", Kind::Str),
    ("display_phone_number", "displayPhoneNumber", Kind::Str),
];

/// A message's own members (its body is read per type in `message`).
pub const MESSAGE: Table = &[
    ("id", "id", Kind::Str),
    ("from", "from", Kind::Str),
    // BSUIDs: "from_user_id" (and "from_parent_user_id" for parent BSUIDs)
    // appear in every messages webhook since April 2026, and "from" may be
    // absent for a user with a username (META-2026.md §1.2; Meta's
    // business-scoped-user-ids page).
    ("from_user_id", "fromUserId", Kind::Str),
    ("from_parent_user_id", "fromParentUserId", Kind::Str),
    // Group messages carry the group's id (Meta's group messages webhook reference).
    ("group_id", "groupId", Kind::Str),
    ("timestamp", "timestamp", Kind::Str),
    ("type", "messageType", Kind::Str),
    ("context", "context", Kind::Any),
    ("referral", "referral", Kind::Any),
    ("errors", "errors", Kind::Any),
];

pub const STATUS: Table = &[
    ("id", "id", Kind::Str),
    ("status", "status", Kind::Str),
    ("recipient_id", "recipientId", Kind::Str),
    // The recipient's BSUIDs; "recipient_id" (the phone) may be absent
    // (META-2026.md §1.2; whatsapp-api-js 6.3 ServerStatusPayload).
    ("recipient_user_id", "recipientUserId", Kind::Str),
    ("recipient_parent_user_id", "recipientParentUserId", Kind::Str),
    // "individual" or "group"; for a group, "recipient_id" is the group and
    // "recipient_participant_id" the member (same typedoc; Meta's group messages reference).
    ("recipient_type", "recipientType", Kind::Str),
    ("recipient_participant_id", "recipientParticipantId", Kind::Str),
    ("timestamp", "timestamp", Kind::Str),
    ("conversation", "conversation", Kind::Any),
    // Per-message pricing since 2025-07-01: pricing_model "PMP", type
    // regular | free_customer_service | free_entry_point, categories including
    // marketing_lite and authentication_international (META-2026.md §1.5).
    ("pricing", "pricing", Kind::Any),
    ("errors", "errors", Kind::Any),
    ("biz_opaque_callback_data", "bizOpaqueCallbackData", Kind::Str),
];

pub const ERROR: Table = &[
    ("code", "code", Kind::Any),
    ("title", "title", Kind::Str),
    ("message", "message", Kind::Str),
    ("error_data", "errorData", Kind::Any),
];

const TEMPLATE: [(&str, &str, Kind); 3] = [
    ("message_template_id", "templateId", Kind::Any),
    ("message_template_name", "templateName", Kind::Str),
    ("message_template_language", "language", Kind::Str),
];

/// The event type and camelCase fields of the non-message webhook fields.
pub fn update_kind(field: &str) -> Option<(&'static str, Table)> {
    const TEMPLATE_STATUS: Table = &[
        TEMPLATE[0],
        TEMPLATE[1],
        TEMPLATE[2],
        ("event", "event", Kind::Str),
        ("reason", "reason", Kind::Str),
        ("other_info", "otherInfo", Kind::Any),
    ];
    const TEMPLATE_CATEGORY: Table = &[
        TEMPLATE[0],
        TEMPLATE[1],
        TEMPLATE[2],
        ("previous_category", "previousCategory", Kind::Str),
        ("new_category", "newCategory", Kind::Str),
        ("correct_category", "correctCategory", Kind::Str),
    ];
    const TEMPLATE_QUALITY: Table = &[
        TEMPLATE[0],
        TEMPLATE[1],
        TEMPLATE[2],
        ("previous_quality_score", "previousQualityScore", Kind::Str),
        ("new_quality_score", "newQualityScore", Kind::Str),
    ];
    const PHONE_NAME: Table = &[
        ("display_phone_number", "displayPhoneNumber", Kind::Str),
        ("decision", "decision", Kind::Str),
        ("requested_verified_name", "requestedVerifiedName", Kind::Str),
        ("rejection_reason", "rejectionReason", Kind::Str),
    ];
    const PHONE_QUALITY: Table = &[
        ("display_phone_number", "displayPhoneNumber", Kind::Str),
        ("event", "event", Kind::Str),
        ("current_limit", "currentLimit", Kind::Str),
        ("old_limit", "oldLimit", Kind::Str),
        // Replaces current_limit from February 2026 (Meta's
        // phone_number_quality_update reference, updated 2026-05-21).
        ("max_daily_conversations_per_business", "maxDailyConversationsPerBusiness", Kind::Any),
    ];
    // Meta's account_update reference (updated 2026-02-18) and, for
    // VOLUME_BASED_PRICING_TIER_UPDATE (from 2025-10-01), its pricing
    // page's example: `volume_tier_info` { tier_update_time,
    // pricing_category, tier, effective_month, region } (META-2026.md §1.5).
    const ACCOUNT: Table = &[
        ("phone_number", "phoneNumber", Kind::Str),
        ("event", "event", Kind::Str),
        ("decision", "decision", Kind::Str),
        ("country", "country", Kind::Str),
        ("ban_info", "banInfo", Kind::Any),
        ("violation_info", "violationInfo", Kind::Any),
        ("restriction_info", "restrictionInfo", Kind::Any),
        ("waba_info", "wabaInfo", Kind::Any),
        ("auth_international_rate_eligibility", "authInternationalRateEligibility", Kind::Any),
        ("partner_client_certification_info", "partnerClientCertificationInfo", Kind::Any),
        ("volume_tier_info", "volumeTierInfo", Kind::Any),
    ];
    const ACCOUNT_ALERT: Table = &[
        ("entity_type", "entityType", Kind::Str),
        ("entity_id", "entityId", Kind::Any),
        ("alert_severity", "alertSeverity", Kind::Str),
        ("alert_status", "alertStatus", Kind::Str),
        ("alert_type", "alertType", Kind::Str),
        ("alert_description", "alertDescription", Kind::Str),
    ];
    // Meta's business_capability_update reference (updated 2026-05-21):
    // messaging and phone-number limits; -1 is unlimited, and
    // max_daily_conversation_per_phone gives way to
    // max_daily_conversations_per_business from February 2026.
    const BUSINESS_CAPABILITY: Table = &[
        ("max_daily_conversation_per_phone", "maxDailyConversationPerPhone", Kind::Any),
        ("max_daily_conversations_per_business", "maxDailyConversationsPerBusiness", Kind::Any),
        ("max_phone_numbers_per_business", "maxPhoneNumbersPerBusiness", Kind::Any),
        ("max_phone_numbers_per_waba", "maxPhoneNumbersPerWaba", Kind::Any),
    ];
    const FLOW: Table = &[
        ("event", "event", Kind::Str),
        ("flow_id", "flowId", Kind::Str),
        ("message", "message", Kind::Str),
        ("old_status", "oldStatus", Kind::Str),
        ("new_status", "newStatus", Kind::Str),
        ("alert_state", "alertState", Kind::Str),
        ("errors", "errors", Kind::Any),
        ("p50_latency", "p50Latency", Kind::Any),
        ("p90_latency", "p90Latency", Kind::Any),
        ("error_rate", "errorRate", Kind::Any),
        ("availability", "availability", Kind::Any),
        ("threshold", "threshold", Kind::Any),
        ("requests_count", "requestsCount", Kind::Any),
    ];
    Some(match field {
        "message_template_status_update" => ("template_status", TEMPLATE_STATUS),
        "template_category_update" => ("template_category", TEMPLATE_CATEGORY),
        "message_template_quality_update" => ("template_quality", TEMPLATE_QUALITY),
        "phone_number_name_update" => ("phone_number_name", PHONE_NAME),
        "phone_number_quality_update" => ("phone_number_quality", PHONE_QUALITY),
        "account_update" => ("account_update", ACCOUNT),
        "account_review_update" => ("account_review", ACCOUNT),
        "account_alerts" => ("account_alert", ACCOUNT_ALERT),
        "business_capability_update" => ("business_capability", BUSINESS_CAPABILITY),
        "flows" => ("flow", FLOW),
        _ => return None,
    })
}
