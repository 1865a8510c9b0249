// BirdClient (Bird Channels API) through the built package in Node, against
// the strict fake on 127.0.0.1 (tests/js/fake-bird.mjs): every body type and
// option the Bird document lists, templates, the contact's channel details,
// local validation before sending (issue codes and pointers into the
// caller's input, against an injected clock), Bird's errors, retries, no key
// leaks.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { BirdClient } from "../../pkg/node.js";
import { startFakeBird, BIRD_KEY, WORKSPACE, CHANNEL, CONTACT } from "./fake-bird.mjs";

const fakeBird = await startFakeBird();
after(() => fakeBird.close());

/** 2026-01-01T10:00:00Z, the clock every Bird client here runs on. */
const NOW = Date.UTC(2026, 0, 1, 10, 0, 0);

function bird(options = {}) {
  const slept = [];
  const instance = new BirdClient({
    accessKey: BIRD_KEY, workspaceId: WORKSPACE, channelId: CHANNEL, baseUrl: fakeBird.baseUrl,
    now: () => NOW, sleep: async (ms) => void slept.push(ms), ...options,
  });
  return { instance, slept };
}

const receiver = { contacts: [{ identifierKey: "phonenumber", identifierValue: "+31612345678" }] };
const text = { type: "text", text: { text: "Your order shipped" } };

/** A validation failure: nothing was sent, and the issues are the ones expected. */
function assertFindings(error, fake, expected) {
  assert.ok(error instanceof Error, String(error));
  assert.equal(error.code, "validation_failed", error.message);
  assert.deepEqual(error.issues.map((i) => [i.code, i.path]), expected);
  assert.equal(fake.received.length, 0, "nothing was sent");
}

/** The bodies of the seed's examples (PROVIDERS.md §1.4), one per body type and action mix. */
const SEED_BODIES = {
  "text with reply and postback actions": { type: "text", text: { text: "Pick one", actions: [{ type: "postback", postback: { text: "Postback", payload: "p" } }, { type: "reply", reply: { text: "Reply" } }] } },
  "text with location request": { type: "text", text: { text: "Where are you?", actions: [{ type: "locationRequest" }] } },
  "multiple images with labels, postback and reply": { type: "image", image: { images: [{ altText: "One", mediaUrl: "https://example.com/1.jpg" }, { altText: "Two", mediaUrl: "https://example.com/2.jpg" }], actions: [{ type: "postback", postback: { text: "A", payload: "a" } }, { type: "reply", reply: { text: "B" } }] } },
  "multiple files with filename": { type: "file", file: { text: "Your documents", files: [{ contentType: "video/mp4", mediaUrl: "https://example.com/v.mp4" }, { contentType: "application/pdf", mediaUrl: "https://example.com/p.pdf", filename: "passport.pdf" }] } },
  location: { type: "location", location: { coordinates: { latitude: 52.34, longitude: 4.9 }, location: { address: "Trompenburgstraat 2C", label: "Bird HQ" } } },
  "list without sections": { type: "list", list: { text: "List text", title: "List title", items: [{ actions: [{ type: "postback", postback: { payload: "1", text: "One" } }] }] } },
  "list with sections and custom button label": { type: "list", list: { text: "List text", metadata: { button: { label: "Show options" } }, items: [{ title: "Section 1", actions: [{ type: "postback", postback: { payload: "1", text: "One", metadata: { description: { label: "The first" } } } }] }, { title: "Section 2", actions: [{ type: "postback", postback: { payload: "2", text: "Two" } }] }] } },
};

test("Bird: every body type goes to /workspaces/{ws}/channels/{ch}/messages with the access key, as given; Bird's 202 message comes back", async () => {
  fakeBird.received.splice(0);
  const { instance } = bird();
  for (const [name, body] of Object.entries(SEED_BODIES)) {
    const answer = await instance.sendMessage({ receiver, body });
    assert.equal(answer.status, "accepted", name);
    assert.deepEqual(answer.body, body, name);
  }
  const reply = await instance.sendMessage({ receiver, body: text, replyTo: { id: "b4f2c0a8-1111-4222-8333-944455556666", type: "message" } });
  assert.equal(reply.replyTo.type, "message");
  const call = fakeBird.received[0];
  assert.deepEqual([call.method, call.path], ["POST", `/workspaces/${WORKSPACE}/channels/${CHANNEL}/messages`]);
  assert.equal(call.headers.authorization, `AccessKey ${BIRD_KEY}`);
  assert.equal(call.headers.accept, "application/json");
  assert.deepEqual(JSON.parse(call.text), { receiver, body: Object.values(SEED_BODIES)[0] });
  assert.equal(fakeBird.received.length, Object.keys(SEED_BODIES).length + 1);
});

test("Bird: a template message, with tags sent lower-cased, a schedule 2 hours ahead of the injected clock, link tracking, quiet hours and validity", async () => {
  fakeBird.received.splice(0);
  const message = {
    receiver,
    template: { projectId: "ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318", version: "latest", locale: "en", parameters: [{ type: "string", key: "name", value: "Robert" }] },
    meta: { extraInformation: { useCase: "marketing" } },
    capFrequency: true, enableLinkTracking: true, ignoreQuietHours: false,
    tags: ["Spring Sale", "VIP"], scheduledFor: "2026-01-01T12:00:00Z", validity: 600,
  };
  const answer = await bird().instance.sendMessage(message);
  assert.deepEqual([answer.status, answer.scheduledFor, answer.tags], ["scheduled", "2026-01-01T12:00:00Z", ["spring sale", "vip"]]);
  assert.deepEqual(JSON.parse(fakeBird.received[0].text), { ...message, tags: ["spring sale", "vip"] });
});

test("Bird: 11 tags, frequency capping outside marketing, a schedule too soon or too far, replyTo inside body: validation_failed with pointers, nothing sent", async () => {
  fakeBird.received.splice(0);
  const { instance } = bird();
  const send = (extra, body = text) => instance.sendMessage({ receiver, body, ...extra }).catch((e) => e);
  const tags = Array.from({ length: 11 }, (_, i) => `tag-${i}`);
  assertFindings(await send({ tags }), fakeBird, [["bird.too_many_tags", "/tags"]]);
  assertFindings(await send({ capFrequency: true, meta: { extraInformation: { useCase: "transactional" } } }), fakeBird, [["bird.cap_frequency", "/capFrequency"]]);
  assertFindings(await send({ scheduledFor: "2026-01-01T10:05:00Z" }), fakeBird, [["bird.scheduled_too_soon", "/scheduledFor"]]);
  assertFindings(await send({ scheduledFor: "2025-12-31T23:00:00Z" }), fakeBird, [["bird.scheduled_too_soon", "/scheduledFor"]]);
  assertFindings(await send({ scheduledFor: "2026-02-06T10:00:00Z" }), fakeBird, [["bird.scheduled_too_far", "/scheduledFor"]]);
  assertFindings(await send({ scheduledFor: "tomorrow" }), fakeBird, [["bird.scheduled_for_invalid", "/scheduledFor"]]);
  assertFindings(await send({}, { ...text, replyTo: { id: "x", type: "message" } }), fakeBird, [["bird.reply_to_placement", "/body/replyTo"]]);
  assertFindings(await send({ useFrequencyCapping: true }), fakeBird, [["bird.unknown_field", "/useFrequencyCapping"]]);
  const later = await bird({ now: () => Date.UTC(2026, 0, 1, 9, 0, 0) }).instance.sendMessage({ receiver, body: text, scheduledFor: "2026-01-01T10:05:00Z" });
  assert.equal(later.status, "scheduled", "the same time is fine an hour earlier: the clock is the injected one");
});

test("Bird: the same findings for a message given as JSON text carry line and column", async () => {
  fakeBird.received.splice(0);
  const json = `{\n  "receiver": ${JSON.stringify(receiver)},\n  "body": ${JSON.stringify(text)},\n  "tags": ["ok", "not ok!"]\n}`;
  const error = await bird().instance.sendMessage(json).catch((e) => e);
  assert.deepEqual(error.issues.map((i) => [i.code, i.path, i.line, i.column]), [["bird.tag_invalid", "/tags/1", 4, 18]]);
  assert.equal(fakeBird.received.length, 0);
});

test("Bird: getChannelContact reads the contact's service window, narrowed by contactIdentifierValue", async () => {
  fakeBird.received.splice(0);
  const details = await bird().instance.getChannelContact(CONTACT, { contactIdentifierValue: "+31612345678" });
  assert.deepEqual(details, { serviceWindowExpireAt: "2026-01-02T10:00:00Z", isPermanentSession: false, metadata: { identifier: "+31612345678" } });
  assert.equal(fakeBird.received[0].path, `/workspaces/${WORKSPACE}/channels/${CHANNEL}/contacts/${CONTACT}`);
  const missing = await bird().instance.getChannelContact("0f0f0f0f-0000-4000-8000-000000000000").catch((e) => e);
  assert.deepEqual([missing.code, missing.status, missing.message], ["not_found", 404, "HTTP 404: NotFound: contact not found"]);
});

test("Bird: sendTemplate maps Meta's template (name, locale, text parameters) onto Bird's; what has no place there is named", async () => {
  fakeBird.received.splice(0);
  const { instance } = bird();
  const send = { name: "order_update", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "Ana" }, { type: "text", text: "A12" }] }] };
  const answer = await instance.sendTemplate("14155552671", send);
  assert.equal(answer.status, "accepted");
  assert.deepEqual(JSON.parse(fakeBird.received[0].text), {
    receiver: { contacts: [{ identifierKey: "phonenumber", identifierValue: "+14155552671" }] },
    template: { name: "order_update", locale: "en-US", parameters: [{ type: "string", key: "1", value: "Ana" }, { type: "string", key: "2", value: "A12" }] },
  });
  fakeBird.received.splice(0);
  const image = { ...send, components: [{ type: "header", parameters: [{ type: "image", image: { link: "https://example.com/a.png" } }] }] };
  assertFindings(await instance.sendTemplate("+14155552671", image).catch((e) => e), fakeBird, [["bird.template_unmappable", "/template/components/0/parameters/0"]]);
  assertFindings(await instance.sendTemplate("+1 415", send).catch((e) => e), fakeBird, [["phone.too_short", "/to"]]);
});

test("Bird: a 422 carries Bird's code, message and details; a 429 send is retried after Retry-After; the key leaks nowhere", async () => {
  fakeBird.received.splice(0);
  const { instance, slept } = bird();
  fakeBird.fail({ status: 422, body: { code: "invalid_body", message: "The request body is invalid", details: { "receiver.contacts": ["unknown identifier"] } } });
  const invalid = await instance.sendMessage({ receiver, body: text }).catch((e) => e);
  assert.deepEqual([invalid.code, invalid.status, invalid.action], ["invalid_request", 422, "fix_request"], "a provider's error gets its status class's action");
  assert.equal(invalid.message, "HTTP 422: invalid_body: The request body is invalid (receiver.contacts: unknown identifier)");
  fakeBird.fail({ status: 429, headers: { "retry-after": "1" } });
  assert.equal((await instance.sendMessage({ receiver, body: text })).status, "accepted");
  assert.deepEqual(slept, [1000]);
  fakeBird.fail({ status: 500, body: { code: "Internal", message: `key ${BIRD_KEY} failed` } });
  const server = await instance.sendMessage({ receiver, body: text }).catch((e) => e);
  assert.deepEqual([server.code, server.retryable, server.action], ["server_error", true, "retry"]);
  assert.equal(fakeBird.received.length, 4, "a send that failed with 5xx is not sent again (Bird may have taken it)");
  for (const error of [invalid, server]) {
    for (const text of [String(error), error.stack, JSON.stringify({ ...error })]) assert.ok(!text.includes(BIRD_KEY), text);
  }
});

test("Bird: options are checked at construction; a broken clock rejects the send", async () => {
  assert.throws(() => new BirdClient({ accessKey: "k", workspaceId: "ws-1", channelId: CHANNEL }), { code: "invalid_argument", message: /workspaceId is a UUID/ });
  assert.throws(() => new BirdClient({ accessKey: "k", workspaceId: WORKSPACE, channelId: CHANNEL, now: 5 }), { code: "invalid_argument" });
  assert.throws(() => new BirdClient({ workspaceId: WORKSPACE, channelId: CHANNEL }), { code: "invalid_argument" });
  const error = await bird({ now: () => "noon" }).instance.sendMessage({ receiver, body: text }).catch((e) => e);
  assert.equal(error.code, "invalid_argument");
});
