// CloudApiClient through the built package in Node, against the fake Graph
// API on 127.0.0.1: what each of Meta's errors tells the caller to do
// (error.action) and which are retried; the Graph version warning; the
// Marketing Messages API (routeMarketing, sendMarketingMessage) and
// bizOpaqueCallbackData, with whole request bodies compared.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import * as api from "../../pkg/node.js";
import { startFakeGraph, PHONE_ID, ORDER_UPDATE, SPRING_SALE } from "./fake-graph.mjs";
import { cloud } from "./cloud-suite.mjs";
import { assertRequests } from "./requests.mjs";

const fake = await startFakeGraph();
after(() => fake.close());

const v = "/v27.0";
const reset = () => fake.received.splice(0);
/** Forgets what was received and any fault still queued. */
const clear = () => fetch(`${fake.baseUrl}/__reset`, { method: "POST" });
const text = { messaging_product: "whatsapp", to: "+14155552671", type: "text", text: { body: "Your order shipped" } };
const sale = { name: "spring_sale", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "Ana" }] }] };
const order = { name: "order_update", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "Ana" }, { type: "text", text: "A12" }] }] };
const message = (template, extra = {}) => ({ messaging_product: "whatsapp", to: "+14155552671", type: "template", template, ...extra });
const post = (path, body) => ({ method: "POST", path, query: {}, body });
const envelope = (template, extra = {}) => ({ messaging_product: "whatsapp", recipient_type: "individual", to: "+14155552671", type: "template", template, ...extra });

test("every Meta error thrown carries the action its code calls for; 131048 and 131049 are sent once, never retried", async () => {
  const cases = [
    [{ status: 400, code: 131048, message: "(#131048) Spam rate limit hit" }, "pause_number", "rate_limited", 1],
    [{ status: 400, code: 131049, message: "(#131049) Not delivered to maintain healthy ecosystem engagement" }, "do_not_retry_24h", "recipient_error", 1],
    [{ status: 400, code: 131050, message: "(#131050) User stopped marketing" }, "do_not_retry", "invalid_request", 1],
    [{ status: 400, code: 131026, message: "(#131026) Message undeliverable" }, "do_not_retry", "recipient_error", 1],
    [{ status: 401, code: 190, message: "(#190) Access token expired" }, "refresh_token", "auth_failed", 1],
    [{ status: 400, code: 100, message: "(#100) Invalid parameter" }, "fix_request", "invalid_request", 1],
    [{ status: 400, code: 132018, message: "(#132018) Template parameter issue" }, "fix_request", "template_error", 1],
  ];
  for (const [fault, action, code, attempts] of cases) {
    reset();
    // A second answer ready: a retry would succeed, so only a retry-free client fails.
    fake.fail(fault, fault, fault, fault);
    const { instance, slept } = cloud(api, fake.baseUrl);
    const error = await instance.sendMessage(text).then(() => assert.fail(`${fault.code} resolved`), (e) => e);
    assert.deepEqual([error.action, error.code, error.metaCode, error.retryable], [action, code, fault.code, false], String(fault.code));
    assert.equal(fake.received.length, attempts, `${fault.code}: requests made`);
    assert.deepEqual(slept, [], `${fault.code}: no wait`);
    await clear();
  }
});

test("throughput (130429) with Retry-After is slow_down with retryAfterMs after the retries; a 5xx on a read is retry; a send's timeout is retry, not resent", async () => {
  reset();
  const limit = { status: 429, headers: { "retry-after": "3" }, code: 130429, message: "(#130429) Rate limit hit" };
  fake.fail(limit, limit, limit);
  const { instance, slept } = cloud(api, fake.baseUrl, { retry: { maxRetries: 2 } });
  const error = await instance.sendMessage(text).catch((e) => e);
  assert.deepEqual([error.action, error.code, error.retryAfterMs, error.retryable], ["slow_down", "rate_limited", 3000, true]);
  assert.deepEqual([fake.received.length, slept], [3, [3000, 3000]], "retried as told within maxRetries");
  reset();
  fake.fail({ status: 503 }, { status: 503 });
  const server = await cloud(api, fake.baseUrl, { retry: { maxRetries: 1 } }).instance.listPhoneNumbers().catch((e) => e);
  assert.deepEqual([server.action, server.code, fake.received.length], ["retry", "server_error", 2]);
  reset();
  fake.fail({ delayMs: 300 });
  const timeout = await cloud(api, fake.baseUrl, { timeoutMs: 50 }).instance.sendMessage(text).catch((e) => e);
  assert.deepEqual([timeout.action, timeout.code], ["retry", "timeout"]);
  await new Promise((resolve) => setTimeout(resolve, 350));
  assert.equal(fake.received.length, 1, "a send that may have been accepted is not sent again");
  await clear();
});

test("the pair rate limit (131056) backs off 4^n s and then says retry_recipient_later", async () => {
  reset();
  const pair = { status: 400, code: 131056, message: "(#131056) Pair rate limit hit" };
  fake.fail(pair, pair, pair, pair);
  const { instance, slept } = cloud(api, fake.baseUrl);
  const error = await instance.sendMessage(text).catch((e) => e);
  assert.deepEqual([error.action, error.code, error.retryAfterMs], ["retry_recipient_later", "rate_limited", undefined]);
  assert.deepEqual([fake.received.length, slept], [4, [1000, 4000, 16000]]);
  await clear();
});

test("local failures carry no action; provider errors carry their status class's", async () => {
  const local = await cloud(api, fake.baseUrl).instance.sendMessage({ ...text, to: "+1 415" }).catch((e) => e);
  assert.deepEqual([local.code, local.action], ["validation_failed", undefined]);
  const refused = await cloud(api, "http://127.0.0.1:9", { retry: { maxRetries: 0 } }).instance.listPhoneNumbers().catch((e) => e);
  assert.deepEqual([refused.code, refused.action], ["network_error", "retry"]);
});

test("onWarning hears once, at construction, about an apiVersion near or past its end of life, unknown or malformed; the default v27.0 is quiet", () => {
  const heard = (apiVersion) => {
    const warnings = [];
    cloud(api, fake.baseUrl, { onWarning: (w) => warnings.push(w), ...(apiVersion ? { apiVersion } : {}) });
    return warnings;
  };
  assert.deepEqual(heard(undefined), []);
  assert.deepEqual(heard("v25.0"), []);
  const [v20, ...more] = heard("v20.0");
  assert.equal(more.length, 0, "once");
  assert.deepEqual([v20.code, v20.apiVersion, v20.endOfLife, v20.daysLeft < 0], ["graph_version.expired", "v20.0", "2026-09-24", true]);
  assert.equal(v20.message, "Graph API v20.0 ended on 2026-09-24: use v27.0");
  assert.equal(heard("v19.0")[0].code, "graph_version.expired");
  assert.equal(heard("v99.0")[0].code, "graph_version.unknown");
  assert.deepEqual(heard("23")[0].code, "graph_version.malformed");
  const v21 = heard("v21.0")[0];
  // v21.0 ends 2027-01-21: expiring within 90 days of it, expired after.
  const daysLeft = Math.floor((Date.UTC(2027, 0, 21) - Date.now()) / 86_400_000) + 1;
  if (daysLeft >= 0 && daysLeft <= 90) assert.deepEqual([v21.code, v21.endOfLife], ["graph_version.expiring", "2027-01-21"]);
  assert.throws(() => cloud(api, fake.baseUrl, { onWarning: "log" }), (e) => e.code === "invalid_argument");
  assert.doesNotThrow(() => cloud(api, fake.baseUrl, { apiVersion: "v20.0", onWarning: () => { throw new Error("listener failed"); } }));
  assert.throws(() => cloud(api, fake.baseUrl, { routeMarketing: "yes" }), (e) => e.code === "invalid_argument");
});

test("the fake Graph answers on any vNN.0 the client is set to", async () => {
  reset();
  await cloud(api, fake.baseUrl, { apiVersion: "v24.0" }).instance.sendMessage(text);
  assert.equal(fake.received[0].path, `/v24.0/${PHONE_ID}/messages`);
});

test("Marketing Messages API: routeMarketing sends MARKETING templates with a known definition to /marketing_messages, everything else to /messages; sendMarketingMessage always", async () => {
  const routed = cloud(api, fake.baseUrl, { routeMarketing: true }).instance;
  const plain = cloud(api, fake.baseUrl).instance;
  const shared = { message_activity_sharing: false };
  await assertRequests(fake, [
    ["routeMarketing, definition given", () => routed.sendMessage(message(sale, shared), { template: SPRING_SALE }),
      post(`${v}/${PHONE_ID}/marketing_messages`, message(sale, shared))],
    ["routeMarketing, definition fetched", () => routed.sendMessage(message(sale), { fetchTemplate: true }),
      { method: "GET", path: `${v}/102290129340398/message_templates`, query: { name: "spring_sale", language: "en_US", fields: "name,language,status,category,parameter_format,components" } },
      post(`${v}/${PHONE_ID}/marketing_messages`, message(sale))],
    ["routeMarketing, definition cached", () => routed.sendMessage(message(sale), { fetchTemplate: true }),
      post(`${v}/${PHONE_ID}/marketing_messages`, message(sale))],
    ["routeMarketing, UTILITY", () => routed.sendMessage(message(order), { template: ORDER_UPDATE }),
      post(`${v}/${PHONE_ID}/messages`, message(order))],
    ["routeMarketing, definition unknown", () => routed.sendMessage(message(sale)),
      post(`${v}/${PHONE_ID}/messages`, message(sale))],
    ["routeMarketing, sendTemplate", () => routed.sendTemplate("14155552671", sale, { definition: SPRING_SALE, bizOpaqueCallbackData: "campaign-42" }),
      post(`${v}/${PHONE_ID}/marketing_messages`, envelope(sale, { biz_opaque_callback_data: "campaign-42" }))],
    ["no routeMarketing", () => plain.sendMessage(message(sale), { template: SPRING_SALE }),
      post(`${v}/${PHONE_ID}/messages`, message(sale))],
    ["sendMarketingMessage", () => plain.sendMarketingMessage(message(sale, { message_activity_sharing: true })),
      post(`${v}/${PHONE_ID}/marketing_messages`, message(sale, { message_activity_sharing: true }))],
    ["sendMarketingMessage, checked", () => plain.sendMarketingMessage({ ...message(sale), to: "1 415 555 2671" }, { template: SPRING_SALE }),
      post(`${v}/${PHONE_ID}/marketing_messages`, message(sale))],
  ]);
});

test("sendMarketingMessage refuses, before sending, a template that is not MARKETING, a message that is not a template, and a non-boolean message_activity_sharing", async () => {
  reset();
  const { instance } = cloud(api, fake.baseUrl);
  const refusals = [
    [() => instance.sendMarketingMessage(message(order), { template: ORDER_UPDATE }), [["marketing.not_marketing", "/template"]]],
    [() => instance.sendMarketingMessage(message(order), { fetchTemplate: true }), [["marketing.not_marketing", "/template"]]],
    [() => instance.sendMarketingMessage(text), [["marketing.not_template", "/type"]]],
    [() => instance.sendMarketingMessage(message(sale, { message_activity_sharing: "yes" })), [["marketing.activity_sharing_invalid", "/message_activity_sharing"]]],
    [() => instance.sendMarketingMessage(message({ ...sale, components: [] }), { template: SPRING_SALE }), null],
  ];
  for (const [send, expected] of refusals) {
    const error = await send().then(() => assert.fail("sent"), (e) => e);
    assert.equal(error.code, "validation_failed");
    if (expected) assert.deepEqual(error.issues.map((i) => [i.code, i.path]), expected);
  }
  assert.deepEqual(fake.received.map((c) => c.path), [`${v}/102290129340398/message_templates`], "only the definition lookup");
});

test("bizOpaqueCallbackData: sent as biz_opaque_callback_data up to 512 characters; longer, or on sendMessage, refused at its JSON Pointer", async () => {
  const { instance } = cloud(api, fake.baseUrl);
  const tag = "é".repeat(512);
  await assertRequests(fake, [
    ["sendTemplate", () => instance.sendTemplate("+14155552671", order, { definition: ORDER_UPDATE, bizOpaqueCallbackData: tag }),
      post(`${v}/${PHONE_ID}/messages`, envelope(order, { biz_opaque_callback_data: tag }))],
    ["sendMessage", () => instance.sendMessage({ ...text, biz_opaque_callback_data: "order-A12" }),
      post(`${v}/${PHONE_ID}/messages`, { ...text, biz_opaque_callback_data: "order-A12" })],
  ]);
  reset();
  const long = await instance.sendTemplate("+14155552671", order, { bizOpaqueCallbackData: `${tag}x` }).catch((e) => e);
  assert.deepEqual(long.issues.map((i) => [i.code, i.path]), [["message.text_too_long", "/biz_opaque_callback_data"]]);
  const message = await instance.sendMessage({ ...text, biz_opaque_callback_data: `${tag}x` }).catch((e) => e);
  assert.deepEqual(message.issues.map((i) => [i.code, i.path]), [["message.text_too_long", "/biz_opaque_callback_data"]]);
  const notText = await instance.sendTemplate("+14155552671", order, { bizOpaqueCallbackData: 42 }).catch((e) => e);
  assert.equal(notText.code, "invalid_argument");
  assert.equal(fake.received.length, 0);
});
