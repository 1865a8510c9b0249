// planBroadcast, classifySendOutcome, BroadcastPacer and the ledger's
// transitions through the built package in Node:
// the plan's shape, every row accounted for, the checks per recipient, misuse,
// and a 100,000-recipient plan (completed, not timed).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as api from "../../pkg/node.js";

const definition = { name: "order_update", language: "en_US", category: "UTILITY", components: [{ type: "BODY", text: "Order {{1}} shipped", example: { body_text: [["42"]] } }] };
const send = { name: "order_update", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "42" }] }] };
const base = { campaignId: "spring", phoneNumberId: "106540352242922", definition, send };
const own = (text) => [{ type: "body", parameters: [{ type: "text", text }] }];

/** Every row index once over chunks, rejected and duplicates; the summary adds up. */
function accountedFor(plan, rows) {
  const seen = [
    ...plan.chunks.flatMap((chunk) => chunk.recipients.map((r) => r.row)),
    ...plan.rejected.map((r) => r.row),
    ...plan.duplicates.map((d) => d.row),
  ].sort((a, b) => a - b);
  assert.deepEqual(seen, Array.from({ length: rows }, (_, i) => i));
  const { summary } = plan;
  assert.equal(summary.rows, rows);
  assert.equal(summary.accepted + summary.rejected + summary.duplicates, rows);
  assert.equal(summary.rejected, plan.rejected.length);
  assert.equal(summary.duplicates, plan.duplicates.length);
}

test("a plan dedupes by WhatsApp id, freezes each send and keys each recipient", () => {
  const recipients = ["+1 (415) 555-2671", "14155552671", { to: "020 7183 8750", components: own("7") }, "US.13491208655302741918", "(415) 555-2672"];
  const plan = api.planBroadcast({ ...base, recipients, defaultCountry: "us" });
  accountedFor(plan, 5);
  assert.deepEqual(plan.summary, { rows: 5, accepted: 3, rejected: 1, duplicates: 1 });
  assert.deepEqual(plan.duplicates, [{ row: 1, firstRow: 0 }]);
  // 020… is not a US number: rejected at the row's to.
  assert.equal(plan.rejected[0].row, 2);
  assert.equal(plan.rejected[0].issues[0].path, "/recipients/2/to");
  assert.match(plan.rejected[0].issues[0].code, /^phone\./);
  const [chunk] = plan.chunks;
  assert.deepEqual(Object.keys(chunk), ["campaignId", "phoneNumberId", "index", "recipients"]);
  assert.deepEqual(chunk.recipients[0], { row: 0, key: "spring:14155552671", to: "+14155552671", send });
  assert.deepEqual(chunk.recipients.map((r) => r.key), ["spring:14155552671", "spring:US.13491208655302741918", "spring:14155552672"]);
  // The same input plans the same chunks (a producer re-run after a crash).
  assert.deepEqual(api.planBroadcast({ ...base, recipients, defaultCountry: "US" }), plan);
});

test("own components replace the shared ones and are checked per recipient", () => {
  const recipients = [
    { to: "+442071838750", components: own("7") },
    { to: "+442071838751", components: [{ type: "body", parameters: [] }] },
    { to: "+442071838752", components: own("line\nbreak") },
  ];
  const plan = api.planBroadcast({ ...base, defaultCountry: "GB", recipients });
  accountedFor(plan, 3);
  assert.deepEqual(plan.chunks[0].recipients[0].send, { ...send, components: own("7") });
  assert.deepEqual(plan.rejected.map((r) => [r.row, r.issues[0].code, r.issues[0].path]), [
    [1, "template_send.parameter_count", "/recipients/1/components/0"],
    [2, "template_send.parameter_text", "/recipients/2/components/0/parameters/0/text"],
  ]);
});

test("MARKETING to US numbers and authentication to BSUIDs are refused with stable codes", () => {
  const promo = { name: "promo", language: "en_US", category: "MARKETING", components: [{ type: "BODY", text: "Spring sale" }] };
  const plan = api.planBroadcast({ ...base, definition: JSON.stringify(promo), send: { name: "promo", language: { code: "en_US" } }, recipients: ["+14155552671", "+442071838750"] });
  assert.deepEqual(plan.rejected.map((r) => r.issues[0].code), ["broadcast.us_marketing_undeliverable"]);
  const otp = { name: "otp", language: "en_US", category: "AUTHENTICATION", components: [{ type: "BODY", add_security_recommendation: true }, { type: "BUTTONS", buttons: [{ type: "OTP", otp_type: "COPY_CODE" }] }] };
  const code = [{ type: "body", parameters: [{ type: "text", text: "123456" }] }, { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "123456" }] }];
  const auth = api.planBroadcast({ ...base, definition: otp, send: { name: "otp", language: { code: "en_US" }, components: code }, recipients: ["US.13491208655302741918", "+14155552671"] });
  assert.deepEqual(auth.rejected, [{ row: 0, issues: [{ ...auth.rejected[0].issues[0], code: "template_send.auth_to_bsuid", path: "/recipients/0", metaCode: 131062 }] }]);
  assert.equal(auth.summary.accepted, 1);
});

test("chunks hold at most chunkSize recipients and stay under 60,000 bytes", () => {
  const recipients = Array.from({ length: 250 }, (_, i) => ({ to: `+1415555${String(i).padStart(4, "0")}`, components: own("x".repeat(900)) }));
  const plan = api.planBroadcast({ ...base, recipients, chunkSize: 100 });
  accountedFor(plan, 250);
  assert.equal(plan.summary.accepted, 250);
  for (const chunk of plan.chunks) {
    assert.ok(chunk.recipients.length <= 100);
    assert.ok(new TextEncoder().encode(JSON.stringify(chunk)).length <= 61_000, `${JSON.stringify(chunk).length}`);
  }
  assert.deepEqual(plan.chunks.map((c) => c.index), plan.chunks.map((_, i) => i));
  assert.ok(plan.chunks.length > 3, "the byte cap closed chunks before 100 recipients");
});

test("misuse throws invalid_argument; bad rows never do", () => {
  const bad = [
    { ...base, recipients: [], campaignId: "" },
    { ...base, recipients: [], phoneNumberId: "12ab" },
    { ...base, recipients: [], chunkSize: 101 },
    { ...base, recipients: [], defaultCountry: "ZZ" },
    { ...base, recipients: "{" },
    { ...base, recipients: {} },
    { ...base },
    { ...base, recipients: [], colour: "red" },
    undefined,
  ];
  for (const input of bad) assert.throws(() => api.planBroadcast(input), (e) => e.code === "invalid_argument", JSON.stringify(input));
  const plan = api.planBroadcast({ ...base, recipients: [null, 7, [], { to: 1 }, { to: "+14155552671", extra: 1 }, ""] });
  accountedFor(plan, 6);
  assert.equal(plan.summary.rejected, 6);
});

test("classifySendOutcome reads answers, thrown errors and Graph error bodies", () => {
  assert.deepEqual(api.classifySendOutcome({ messaging_product: "whatsapp", contacts: [], messages: [{ id: "wamid.1", message_status: "held_for_quality_assessment" }] }), { class: "held", wamid: "wamid.1" });
  assert.deepEqual(api.classifySendOutcome({ error: { message: "(#131056) Pair rate limit", code: 131056 } }), { class: "rejected", action: "retry_recipient_later", metaCode: 131056 });
  const thrown = Object.assign(new Error("timed out"), { code: "timeout" });
  assert.deepEqual(api.classifySendOutcome(thrown), { class: "ambiguous", action: "retry" });
  assert.deepEqual(api.classifySendOutcome("socket hang up"), { class: "ambiguous", action: "retry" });
  assert.throws(() => api.classifySendOutcome(undefined), (e) => e.code === "invalid_argument");
});

test("a 100,000-recipient plan completes, every row accounted for", () => {
  const rows = 100_000;
  const recipients = Array.from({ length: rows }, (_, i) => {
    if (i % 20 === 1) return "not a phone";
    if (i % 20 === 0 && i > 0) return `447911${100000 + i - 1}`; // row i - 1, typed otherwise
    if (i % 2) return { to: `+44 7911 ${100000 + i}`, components: own(`#${i}`) };
    return `+1 415 20${Math.floor(i / 10000)} ${String(i % 10000).padStart(4, "0")}`;
  });
  const plan = api.planBroadcast({ ...base, recipients, chunkSize: 100 });
  accountedFor(plan, rows);
  assert.deepEqual(plan.summary, { rows, accepted: 90_001, rejected: 5_000, duplicates: 4_999 });
  assert.ok(plan.duplicates.every(({ row, firstRow }) => firstRow === row - 1));
  assert.ok(plan.chunks.every((chunk) => chunk.recipients.length <= 100));
  assert.equal(new Set(plan.chunks.flatMap((c) => c.recipients.map((r) => r.key))).size, plan.summary.accepted);
});

test("BroadcastPacer: slots at 90 % of the ceiling, a stored state restores it, 130429 halves once per second", () => {
  const pacer = new api.BroadcastPacer({ ceiling: 100 });
  assert.deepEqual([pacer.target, pacer.rate], [90, 90]);
  const { slots, halted } = pacer.grant(1_000_000, 200, 10_000);
  assert.equal(halted, false);
  // No window [t, t + 1000) holds more than 90 slots.
  for (let i = 90; i < slots.length; i++) assert.ok(slots[i] - slots[i - 90] >= 1000, `slot ${i}`);
  const throttled = api.classifySendOutcome({ code: "api_error", status: 400, metaCode: 130429 });
  pacer.observe(1_000_100, throttled);
  pacer.observe(1_000_200, throttled); // the same burst: one halving
  assert.equal(pacer.rate, 45);
  pacer.observe(1_000_300, api.classifySendOutcome({ messages: [{ id: "wamid.A" }] }));
  const stored = JSON.parse(JSON.stringify(pacer.state()));
  assert.deepEqual(Object.keys(stored).sort(), ["changedMs", "halted", "nextUs", "pausedUntil", "rate", "target", "threshold", "throttledMs"]);
  const restored = api.BroadcastPacer.restore(stored);
  assert.deepEqual(restored.state(), pacer.state());
  assert.deepEqual(restored.grant(2_000_000, 3, 1_000), pacer.grant(2_000_000, 3, 1_000));
  pacer.observe(2_000_000, api.classifySendOutcome({ code: "api_error", status: 400, metaCode: 131048 }));
  assert.deepEqual(pacer.grant(9_000_000, 1, 1_000), { slots: [], halted: true });
  pacer.resume();
  assert.equal(pacer.grant(9_000_000, 1, 1_000).slots.length, 1);
  pacer.setCeiling(20);
  assert.equal(pacer.target, 18);
  assert.throws(() => api.BroadcastPacer.restore({ rate: 1 }), (e) => e.code === "invalid_argument");
  assert.throws(() => new api.BroadcastPacer({ ceiling: 0 }), (e) => e.code === "invalid_argument");
  assert.throws(() => pacer.grant(-1, 1, 1), (e) => e.code === "invalid_argument");
});

test("applyRecipientEvent and recipientEventAfterSend: the ledger's transitions as plain objects", () => {
  const apply = (state, ...events) => events.reduce((s, e) => api.applyRecipientEvent(s, e), state);
  const claim = { type: "claim", now: 1000, until: 1100, resendUnknown: false };
  const begin = { type: "begin", now: 1050, until: 20_000 };
  assert.deepEqual(apply({ state: "pending" }, claim), { state: "claimed", until: 1100 });
  assert.deepEqual(apply({ state: "pending" }, claim, begin), { state: "sending", until: 20_000 });
  // A begin after the lease ended is refused; the next claim takes the slot back.
  assert.deepEqual(apply({ state: "pending" }, claim, { type: "begin", now: 1100, until: 9000 }), { state: "claimed", until: 1100 });
  assert.deepEqual(apply({ state: "pending" }, claim, { type: "expire", now: 1100 }), { state: "pending" });
  // A begun send whose answer is lost is unknown, not resent, settled by a webhook.
  const lost = apply({ state: "pending" }, claim, begin, { type: "expire", now: 20_000 });
  assert.deepEqual(lost, { state: "unknown" });
  assert.deepEqual(apply(lost, { ...claim, now: 30_000, until: 30_100 }), { state: "unknown" });
  assert.deepEqual(apply(lost, { type: "sent" }, { type: "accepted", held: true }), { state: "sent" });
  assert.deepEqual(apply(lost, { ...claim, now: 30_000, until: 30_100, resendUnknown: true }), { state: "claimed", until: 30_100 });
  const after = (answer, attempts = 1) => api.recipientEventAfterSend(api.classifySendOutcome(answer), 5000, attempts);
  assert.deepEqual(after({ messages: [{ id: "wamid.A", message_status: "held_for_quality_assessment" }] }), { type: "accepted", held: true });
  assert.deepEqual(after({ code: "timeout" }), { type: "ambiguous" });
  assert.deepEqual(after({ code: "api_error", status: 400, metaCode: 131056 }, 2), { type: "defer", notBefore: 9000 });
  assert.deepEqual(after({ code: "api_error", status: 400, metaCode: 131026 }), { type: "failed", code: 131026 });
  assert.deepEqual(apply({ state: "pending" }, claim, begin, after({ code: "api_error", status: 400, metaCode: 131026 })), { state: "failed", code: 131026 });
  assert.deepEqual(apply({ state: "pending" }, { type: "dead_letter" }), { state: "failed", code: 0 });
  for (const [state, event] of [[{ state: "nope" }, claim], [{ state: "claimed" }, claim], [{ state: "pending" }, { type: "nope" }], [{ state: "pending" }, { type: "claim", now: -1, until: 1 }]]) {
    assert.throws(() => api.applyRecipientEvent(state, event), (e) => e.code === "invalid_argument", JSON.stringify([state, event]));
  }
  assert.throws(() => api.recipientEventAfterSend({ class: "rejected", action: "nope" }, 1, 1), (e) => e.code === "invalid_argument");
});
