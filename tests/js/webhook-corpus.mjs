// Webhook bodies in the shapes Meta documents (Cloud API webhooks reference,
// Flows webhooks, template and account updates), one per kind of event.
const meta = { display_phone_number: "15550001111", phone_number_id: "106540352242922" };
const contacts = [{ profile: { name: "Kerry Fisher" }, wa_id: "16315551234" }];
const wrap = (field, value) => ({
  object: "whatsapp_business_account",
  entry: [{ id: "102290129340398", time: 1700000000, changes: [{ field, value }] }],
});
const inbound = (message) =>
  wrap("messages", {
    messaging_product: "whatsapp",
    metadata: meta,
    contacts,
    messages: [{ from: "16315551234", id: "wamid.ID", timestamp: "1603059201", ...message }],
  });
const media = (type, extra = {}) => ({
  type,
  [type]: { id: "2754859441498128", mime_type: "image/jpeg", sha256: "HgN+aV0=", ...extra },
});
const status = (value) =>
  wrap("messages", { messaging_product: "whatsapp", metadata: meta, statuses: [{ id: "wamid.S", recipient_id: "16315551234", timestamp: "1750263773", ...value }] });
const pricing = { billable: true, pricing_model: "PMP", category: "marketing", type: "regular" };
const conversation = { id: "CONVERSATION_ID", expiration_timestamp: "1750350173", origin: { type: "marketing" } };
const error131047 = { code: 131047, title: "Re-engagement message", message: "Re-engagement message", error_data: { details: "More than 24 hours have passed" }, href: "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/" };

/** name -> [body, expected event types, a check on the first event of that type] */
export const corpus = {
  text: [inbound({ type: "text", text: { body: "Hello ünïcode \u2603" } }), ["message"], (e) => e.text === "Hello ünïcode \u2603" && e.contact.name === "Kerry Fisher"],
  text_reply_context: [inbound({ type: "text", text: { body: "re" }, context: { from: "15550001111", id: "wamid.ORIG" } }), ["message"], (e) => e.context.id === "wamid.ORIG"],
  image: [inbound(media("image", { caption: "look" })), ["message"], (e) => e.media.caption === "look" && e.media.mimeType === "image/jpeg"],
  audio: [inbound(media("audio", { voice: true, mime_type: "audio/ogg; codecs=opus" })), ["message"], (e) => e.media.voice === true],
  video: [inbound(media("video")), ["message"], (e) => e.media.id === "2754859441498128"],
  document: [inbound(media("document", { filename: "a.pdf", mime_type: "application/pdf" })), ["message"], (e) => e.media.filename === "a.pdf"],
  sticker: [inbound(media("sticker", { animated: false, mime_type: "image/webp" })), ["message"], (e) => e.media.animated === false],
  location: [inbound({ type: "location", location: { latitude: 37.483307, longitude: -122.148981, name: "HQ", address: "1 Hacker Way" } }), ["message"], (e) => e.location.latitude === 37.483307],
  contacts: [inbound({ type: "contacts", contacts: [{ name: { formatted_name: "A B", first_name: "A" }, phones: [{ phone: "+1 555", type: "WORK", wa_id: "1555" }] }] }), ["message"], (e) => e.contacts[0].name.first_name === "A"],
  button_reply: [inbound({ type: "interactive", interactive: { type: "button_reply", button_reply: { id: "yes", title: "Yes" } } }), ["message"], (e) => e.reply.type === "button_reply" && e.reply.id === "yes"],
  list_reply: [inbound({ type: "interactive", interactive: { type: "list_reply", list_reply: { id: "r1", title: "Row", description: "d" } } }), ["message"], (e) => e.reply.description === "d"],
  nfm_reply: [inbound({ type: "interactive", context: { from: "15550001111", id: "wamid.FLOW" }, interactive: { type: "nfm_reply", nfm_reply: { name: "flow", body: "Sent", response_json: '{"flow_token":"tok","screen_0_Choose_0":"0_Yes","n":[1,2.5e3]}' } } }), ["message"], (e) => e.flowResponse.flow_token === "tok" && e.flowResponse.n[1] === 2500],
  nfm_reply_bad_json: [inbound({ type: "interactive", interactive: { type: "nfm_reply", nfm_reply: { name: "flow", body: "Sent", response_json: "{not json" } } }), ["message"], (e) => e.flowResponse === undefined && e.reply.type === "nfm_reply"],
  template_quick_reply: [inbound({ type: "button", context: { from: "15550001111", id: "wamid.T" }, button: { text: "Stop promotions", payload: "STOP" } }), ["message"], (e) => e.button.payload === "STOP"],
  reaction: [inbound({ type: "reaction", reaction: { message_id: "wamid.R", emoji: "\ud83d\udc4d" } }), ["message"], (e) => e.reaction.messageId === "wamid.R" && e.reaction.emoji === "\ud83d\udc4d"],
  reaction_removed: [inbound({ type: "reaction", reaction: { message_id: "wamid.R" } }), ["message"], (e) => e.reaction.emoji === undefined],
  order: [inbound({ type: "order", order: { catalog_id: "c", text: "t", product_items: [{ product_retailer_id: "p", quantity: "2", item_price: "10", currency: "USD" }] } }), ["message"], (e) => e.order.product_items[0].quantity === "2"],
  system: [inbound({ type: "system", system: { body: "User A changed from 1 to 2", new_wa_id: "2", type: "user_changed_number" } }), ["message"], (e) => e.system.new_wa_id === "2"],
  referral: [inbound({ type: "text", text: { body: "from ad" }, referral: { source_url: "https://fb.me/x", source_type: "ad", source_id: "1", headline: "h", body: "b", media_type: "image", ctwa_clid: "c" } }), ["message"], (e) => e.referral.source_type === "ad"],
  unsupported: [inbound({ type: "unsupported", errors: [{ code: 131051, title: "Message type unknown", message: "Message type unknown", error_data: { details: "Message type is currently not supported." } }] }), ["message"], (e) => e.errors[0].code === 131051],
  value_errors: [wrap("messages", { messaging_product: "whatsapp", metadata: meta, errors: [{ code: 131000, title: "Something went wrong" }] }), ["error"], (e) => e.code === 131000],
  status_sent: [status({ status: "sent", conversation, pricing }), ["status"], (e) => e.status === "sent" && e.pricing.category === "marketing" && e.conversation.origin.type === "marketing"],
  status_delivered: [status({ status: "delivered", pricing }), ["status"], (e) => e.status === "delivered"],
  status_read: [status({ status: "read" }), ["status"], (e) => e.status === "read" && e.recipientId === "16315551234"],
  status_failed: [status({ status: "failed", errors: [error131047] }), ["status"], (e) => e.errors[0].code === 131047 && e.failed === true],
  status_callback_data: [status({ status: "sent", biz_opaque_callback_data: "ref-1" }), ["status"], (e) => e.bizOpaqueCallbackData === "ref-1"],
  template_status: [wrap("message_template_status_update", { event: "REJECTED", message_template_id: 1234567890123, message_template_name: "order_update", message_template_language: "en_US", reason: "INCORRECT_CATEGORY" }), ["template_status"], (e) => e.event === "REJECTED" && e.templateId === 1234567890123],
  template_category: [wrap("template_category_update", { message_template_id: 1, message_template_name: "n", message_template_language: "en", previous_category: "UTILITY", new_category: "MARKETING" }), ["template_category"], (e) => e.newCategory === "MARKETING"],
  template_quality: [wrap("message_template_quality_update", { previous_quality_score: "GREEN", new_quality_score: "YELLOW", message_template_id: 1, message_template_name: "n", message_template_language: "en" }), ["template_quality"], (e) => e.newQualityScore === "YELLOW"],
  phone_number_name: [wrap("phone_number_name_update", { display_phone_number: "15550001111", decision: "APPROVED", requested_verified_name: "Shop" }), ["phone_number_name"], (e) => e.decision === "APPROVED"],
  phone_number_quality: [wrap("phone_number_quality_update", { display_phone_number: "15550001111", event: "UPGRADE", current_limit: "TIER_10K" }), ["phone_number_quality"], (e) => e.currentLimit === "TIER_10K"],
  account_update: [wrap("account_update", { phone_number: "15550001111", event: "ACCOUNT_VIOLATION", violation_info: { violation_type: "SCAM" } }), ["account_update"], (e) => e.violationInfo.violation_type === "SCAM"],
  account_review: [wrap("account_review_update", { decision: "APPROVED" }), ["account_review"], (e) => e.decision === "APPROVED"],
  account_alert: [wrap("account_alerts", { entity_type: "WABA", entity_id: "1", alert_severity: "WARNING", alert_status: "ACTIVE", alert_type: "OBA_APPROVED", alert_description: "d" }), ["account_alert"], (e) => e.alertSeverity === "WARNING"],
  flow_status: [wrap("flows", { event: "FLOW_STATUS_CHANGE", message: "Flow Webhook Test changed status from DRAFT to PUBLISHED", flow_id: "8", old_status: "DRAFT", new_status: "PUBLISHED" }), ["flow"], (e) => e.newStatus === "PUBLISHED"],
  flow_endpoint_alert: [wrap("flows", { event: "ENDPOINT_ERROR_RATE", message: "Flow endpoint error rate has reached 10%", flow_id: "8", alert_state: "ACTIVATED", error_rate: 10, threshold: 10, errors: [{ error_type: "TIMEOUT", error_count: 2, error_rate: 5 }] }), ["flow"], (e) => e.alertState === "ACTIVATED" && e.errors[0].error_type === "TIMEOUT"],
  flow_key_alert: [wrap("flows", { event: "CLIENT_ERROR_RATE", message: "m", flow_id: "8", alert_state: "DEACTIVATED", error_rate: 0.5, threshold: 5 }), ["flow"], (e) => e.errorRate === 0.5],
  // BSUIDs (Meta's business-scoped-user-ids page): a user with a username has no phone in the webhook.
  bsuid_only_sender: [wrap("messages", { messaging_product: "whatsapp", metadata: meta,
    contacts: [{ profile: { name: "Kerry", username: "@kerry" }, user_id: "US.13491208655302741918", parent_user_id: "US.ENT.11815799212886844830" }],
    messages: [{ from_user_id: "US.13491208655302741918", from_parent_user_id: "US.ENT.11815799212886844830", id: "wamid.B", timestamp: "1750000000", type: "text", text: { body: "hi" }, context: { from_user_id: "US.1", id: "wamid.0" } }] }),
    ["message"], (e) => e.fromUserId === "US.13491208655302741918" && e.fromParentUserId === "US.ENT.11815799212886844830" && e.from === undefined
      && e.contact.userId === "US.13491208655302741918" && e.contact.parentUserId === "US.ENT.11815799212886844830" && e.contact.username === "@kerry" && e.contact.waId === undefined && e.context.from_user_id === "US.1"],
  bsuid_contacts_by_user_id: [wrap("messages", { messaging_product: "whatsapp", metadata: meta,
    contacts: [{ profile: { name: "A" }, user_id: "US.A" }, { profile: { name: "B", username: "@b" }, user_id: "US.B" }],
    messages: [{ from_user_id: "US.B", id: "2", timestamp: "1", type: "text", text: { body: "y" } }, { from_user_id: "US.A", id: "1", timestamp: "1", type: "text", text: { body: "x" } }] }),
    ["message", "message"], (e) => e.contact.name === "B" && e.contact.username === "@b"],
  status_bsuid: [wrap("messages", { messaging_product: "whatsapp", metadata: meta, contacts: [{ profile: { username: "@kerry" }, user_id: "US.1", parent_user_id: "US.ENT.1" }],
    statuses: [{ id: "wamid.S", status: "delivered", timestamp: "1750263773", recipient_user_id: "US.1", recipient_parent_user_id: "US.ENT.1", pricing: { pricing_model: "PMP", category: "marketing_lite", type: "regular" } }] }),
    ["status"], (e) => e.recipientUserId === "US.1" && e.recipientParentUserId === "US.ENT.1" && e.recipientId === undefined && e.contact.username === "@kerry" && e.pricing.category === "marketing_lite" && e.failed === false],
  status_held: [status({ status: "held_for_quality_assessment" }), ["status"], (e) => e.status === "held_for_quality_assessment" && e.failed === false],
  status_auth_international: [status({ status: "sent", pricing: { pricing_model: "PMP", category: "authentication_international", type: "free_entry_point" } }), ["status"], (e) => e.pricing.category === "authentication_international" && e.pricing.type === "free_entry_point" && e.failed === false],
  status_group: [status({ status: "read", recipient_type: "group", recipient_id: "GROUP_ID", recipient_participant_id: "16315551234" }), ["status"], (e) => e.recipientType === "group" && e.recipientId === "GROUP_ID" && e.recipientParticipantId === "16315551234"],
  system_user_changed_user_id: [wrap("messages", { messaging_product: "whatsapp", metadata: meta,
    messages: [{ from_user_id: "US.OLD", id: "wamid.U", timestamp: "1", type: "system", system: { body: "User A changed their user id", type: "user_changed_user_id", user_id: "US.NEW", parent_user_id: "US.ENT.NEW", previous_user_id: "US.OLD", previous_parent_user_id: "US.ENT.OLD" } }] }),
    ["message"], (e) => e.system.type === "user_changed_user_id" && e.system.previous_user_id === "US.OLD" && e.system.previous_parent_user_id === "US.ENT.OLD" && e.system.user_id === "US.NEW" && e.fromUserId === "US.OLD"],
  system_user_changed_number: [wrap("messages", { messaging_product: "whatsapp", metadata: meta,
    messages: [{ from: "16315551234", id: "wamid.N", timestamp: "1", type: "system", system: { body: "User A changed from 16315551234 to 16315559999", type: "user_changed_number", wa_id: "16315559999" } }] }),
    ["message"], (e) => e.system.type === "user_changed_number" && e.system.wa_id === "16315559999" && e.contact === undefined],
  group_message: [inbound({ group_id: "120363000000000000", type: "text", text: { body: "hi all" } }), ["message"], (e) => e.groupId === "120363000000000000" && e.text === "hi all"],
  account_volume_tier: [wrap("account_update", { volume_tier_info: { tier_update_time: 1743451903, pricing_category: "UTILITY", tier: "25000001:50000000", effective_month: "2025-11", region: "India" }, event: "VOLUME_BASED_PRICING_TIER_UPDATE" }),
    ["account_update"], (e) => e.event === "VOLUME_BASED_PRICING_TIER_UPDATE" && e.volumeTierInfo.tier === "25000001:50000000" && e.volumeTierInfo.tier_update_time === 1743451903],
  account_auth_international: [wrap("account_update", { auth_international_rate_eligibility: { exception_countries: [{ country_code: "ID", start_time: 1751347424 }], start_time: 1748780624 }, event: "AUTH_INTL_PRICE_ELIGIBILITY_UPDATE" }),
    ["account_update"], (e) => e.authInternationalRateEligibility.exception_countries[0].country_code === "ID"],
  business_capability: [wrap("business_capability_update", { max_daily_conversation_per_phone: 2000, max_daily_conversations_per_business: -1, max_phone_numbers_per_business: 2, max_phone_numbers_per_waba: 25 }),
    ["business_capability"], (e) => e.maxDailyConversationsPerBusiness === -1 && e.maxPhoneNumbersPerWaba === 25 && e.maxDailyConversationPerPhone === 2000 && e.maxPhoneNumbersPerBusiness === 2],
  unknown_field: [wrap("security", { display_phone_number: "1", event: "PIN_CHANGED" }), ["unknown"], (e) => e.field === "security" && e.raw.event === "PIN_CHANGED"],
  batch: [{ object: "whatsapp_business_account", entry: [
    { id: "1", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: meta, contacts: [{ wa_id: "a", profile: { name: "A" } }, { wa_id: "b", profile: { name: "B" } }], messages: [{ from: "a", id: "1", timestamp: "1", type: "text", text: { body: "x" } }, { from: "b", id: "2", timestamp: "1", type: "text", text: { body: "y" } }], statuses: [{ id: "s", status: "read", recipient_id: "a", timestamp: "1" }] } }] },
    { id: "2", changes: [{ field: "flows", value: { event: "FLOW_STATUS_CHANGE", flow_id: "9" } }, { field: "future_field", value: { x: 1 } }], extra: true },
  ], extra_root: [1] }, ["message", "message", "status", "flow", "unknown", "unknown", "unknown"], (e) => e.contact.name === "A"],
};
