// The receiving side — parseWebhook on the webhook corpus (BSUIDs, statuses,
// pricing, account updates) and webhookChallenge — written once and run
// unchanged in Node, in workerd and in Chromium against the full package
// (whatsapp-edge/lite has no receiving side). No Node APIs, no framework.
import { corpus } from "./webhook-corpus.mjs";

function same(actual, expected, label) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${label}: expected ${e}, got ${a}`);
}

const challengeUrl = (challenge) =>
  `https://example.com/webhook?hub.mode=subscribe&hub.verify_token=t&hub.challenge=${encodeURIComponent(challenge)}`;

export const receiveCases = {
  "parseWebhook: every corpus body gives its events, typed, with no issues": (api) => {
    for (const [name, [body, types, check]] of Object.entries(corpus)) {
      for (const input of [body, JSON.stringify(body)]) {
        const result = api.parseWebhook(input);
        same(result.events.map((e) => e.type).sort(), [...types].sort(), `${name} types`);
        const first = result.events.find((e) => e.type === types[0]);
        if (!check(first)) throw new Error(`${name}: check failed on ${JSON.stringify(first)}`);
        if (name !== "nfm_reply_bad_json" && name !== "batch") same(result.issues, [], `${name} issues`);
      }
    }
  },

  "parseWebhook: a BSUID-only sender and recipient are matched to their profiles by user_id": (api) => {
    const meta = { display_phone_number: "15550001111", phone_number_id: "1" };
    const body = { object: "whatsapp_business_account", entry: [{ id: "1", changes: [{ field: "messages", value: {
      messaging_product: "whatsapp", metadata: meta,
      contacts: [{ profile: { name: "A", username: "@a" }, user_id: "US.A" }, { profile: { name: "B" }, user_id: "US.B", parent_user_id: "US.ENT.B" }],
      messages: [{ from_user_id: "US.B", id: "m", timestamp: "1", type: "text", text: { body: "x" } }],
      statuses: [{ id: "s", status: "read", timestamp: "1", recipient_user_id: "US.A" }, { id: "h", status: "held_for_quality_assessment", timestamp: "1", recipient_parent_user_id: "US.ENT.B" }],
    } }] }] };
    const { events, issues } = api.parseWebhook(body);
    same(issues, [], "issues");
    same(events.map((e) => [e.type, e.contact?.userId, e.contact?.username ?? e.contact?.name]), [
      ["message", "US.B", "B"],
      ["status", "US.A", "@a"],
      ["status", "US.B", "B"],
    ], "matched profiles");
    same(events.map((e) => e.failed), [undefined, false, false], "failed");
    same([events[0].fromUserId, events[0].from, events[2].recipientParentUserId], ["US.B", undefined, "US.ENT.B"], "typed ids");
  },

  "webhookChallenge: answers only 1-128 ASCII digits and letters": (api) => {
    for (const safe of ["1158201444", "abcXYZ09", "9".repeat(128)]) same(api.webhookChallenge(challengeUrl(safe), "t"), safe, safe);
    for (const hostile of ["<svg onload=alert(1)>", "a-b", "a_b", "1.5", "", "é", "9".repeat(129), "1\r\nX: y"]) {
      same(api.webhookChallenge(challengeUrl(hostile), "t"), null, hostile);
    }
    same(api.webhookChallenge(challengeUrl("42"), "wrong"), null, "wrong token");
  },
};
