// CloudApiClient through the built package in Node, against the fake Graph
// API on 127.0.0.1: the requests Meta documents, local validation before
// sending, Meta's errors mapped, retries and their limits, no token leaks.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { CloudApiClient } from "../../pkg/node.js";
import * as api from "../../pkg/node.js";
import { startFakeGraph, TOKEN, VERSION, PHONE_ID, WABA_ID, ORDER_UPDATE, MEDIA_BYTES } from "./fake-graph.mjs";
import { cloudCases, cloud } from "./cloud-suite.mjs";

const fake = await startFakeGraph();
after(() => fake.close());

/** The cloud() fixture against this file's fake, with every attempt's event recorded too. */
function client(options = {}) {
  const events = [];
  return { ...cloud(api, fake.baseUrl, { onRequest: (event) => events.push(event), ...options }), events };
}
const text = (to = "+14155552671") => ({ messaging_product: "whatsapp", to, type: "text", text: { body: "Your order shipped" } });
const last = () => fake.received.at(-1);
const reset = () => fake.received.splice(0);

test("sendMessage posts the message to /<version>/<phone>/messages with the token and resolves to Meta's answer", async () => {
  reset();
  const { instance } = client();
  const answer = await instance.sendMessage(text());
  assert.deepEqual(answer.messages, [{ id: "wamid.FAKE" }]);
  const call = last();
  assert.equal(call.method, "POST");
  assert.equal(call.path, `/${VERSION}/${PHONE_ID}/messages`);
  assert.equal(call.headers.authorization, `Bearer ${TOKEN}`);
  assert.equal(call.headers["content-type"], "application/json");
  assert.deepEqual(call.body, text());
});

test("a recipient without + is sent as +E.164 so Meta cannot prepend a country code", async () => {
  reset();
  await client().instance.sendMessage(text("1 (415) 555-2671"));
  assert.equal(last().body.to, "+14155552671");
});

test("an invalid message rejects with validation_failed and nothing is sent", async () => {
  reset();
  const error = await client().instance.sendMessage(text("+1 415")).catch((e) => e);
  assert.ok(error instanceof Error);
  assert.equal(error.code, "validation_failed");
  assert.equal(error.issues[0].code, "message.recipient_invalid");
  assert.equal(fake.received.length, 0);
});

test("markAsRead (with the typing indicator), templates, media, numbers and profile hit Meta's paths", async () => {
  reset();
  const { instance } = client();
  assert.deepEqual(await instance.markAsRead("wamid.ABC", { typing: true }), { success: true });
  assert.deepEqual(last().body, { messaging_product: "whatsapp", status: "read", message_id: "wamid.ABC", typing_indicator: { type: "text" } });
  const list = await instance.listTemplates({ limit: 5, name: "order update" });
  assert.equal(list.data[0].name, "order update");
  assert.deepEqual([last().method, last().path, last().query], ["GET", `/${VERSION}/${WABA_ID}/message_templates`, { limit: "5", name: "order update" }]);
  const created = await instance.createTemplate({ name: "order_update", language: "en_US", category: "UTILITY", components: [{ type: "BODY", text: "Your order has shipped." }] });
  assert.equal(created.status, "PENDING");
  assert.equal(last().path, `/${VERSION}/${WABA_ID}/message_templates`);
  assert.deepEqual(await instance.editTemplate("594425479261596", { components: [{ type: "BODY", text: "Your order is on its way." }] }), { success: true });
  assert.deepEqual([last().method, last().path], ["POST", `/${VERSION}/594425479261596`]);
  assert.deepEqual(await instance.deleteTemplate("order_update", "594425479261596"), { success: true });
  assert.deepEqual([last().method, last().query], ["DELETE", { name: "order_update", hsm_id: "594425479261596" }]);
  assert.equal((await instance.getTemplate("594425479261596")).id, "594425479261596");
  assert.equal((await instance.getMedia("1234")).mime_type, "image/jpeg");
  assert.deepEqual(await instance.deleteMedia("1234"), { success: true });
  assert.equal((await instance.listPhoneNumbers()).data[0].id, PHONE_ID);
  assert.equal((await instance.getBusinessProfile()).data[0].about, "Hi");
  assert.match(last().query.fields, /about,address/);
});

test("an invalid template is rejected locally", async () => {
  reset();
  const error = await client().instance.createTemplate({ name: "Bad Name", language: "en_US", category: "UTILITY", components: [{ type: "BODY", text: "x" }] }).catch((e) => e);
  assert.equal(error.code, "validation_failed");
  assert.equal(fake.received.length, 0);
});

test("Meta's errors become codes with status, metaCode, subcode and fbtraceId", async () => {
  fake.fail({ status: 400, body: { error: { message: "(#131047) Re-engagement message", code: 131047, error_subcode: 2494010, fbtrace_id: "AbC" } } });
  const error = await client().instance.sendMessage(text()).catch((e) => e);
  assert.equal(error.code, "recipient_error");
  assert.deepEqual([error.status, error.metaCode, error.metaSubcode, error.fbtraceId, error.retryable], [400, 131047, 2494010, "AbC", false]);
});

test("a 429 with Retry-After: 2 waits 2 s, then the send succeeds", async () => {
  reset();
  fake.fail({ status: 429, headers: { "retry-after": "2" }, code: 130429, message: "(#130429) Rate limit hit" });
  const { instance, slept, events } = client();
  const answer = await instance.sendMessage(text());
  assert.deepEqual(answer.messages, [{ id: "wamid.FAKE" }]);
  assert.ok(slept[0] >= 2000, `waited ${slept[0]} ms`);
  assert.equal(fake.received.length, 2);
  assert.deepEqual(events.map((e) => [e.attempt, e.status, e.error, e.retryInMs]), [[1, 429, "rate_limited", 2000], [2, 200, undefined, undefined]]);
});

test("a send that times out after the server got it is not sent again", async () => {
  reset();
  fake.fail({ delayMs: 300 });
  const error = await client({ timeoutMs: 50 }).instance.sendMessage(text()).catch((e) => e);
  assert.equal(error.code, "timeout");
  await new Promise((r) => setTimeout(r, 350));
  assert.equal(fake.received.length, 1, "no duplicate send");
});

test("reads retry 5xx and resets up to the budget, with growing backoff", async () => {
  reset();
  fake.fail({ status: 503 }, { reset: true }, { status: 500 }, { status: 502 }, { status: 503 });
  const { instance, slept } = client({ retry: { maxRetries: 3, baseDelayMs: 100 } });
  const error = await instance.listPhoneNumbers().catch((e) => e);
  assert.equal(error.code, "server_error");
  assert.equal(fake.received.length, 4, "the first attempt and three retries");
  assert.equal(slept.length, 3);
  assert.ok(slept[0] >= 50 && slept[0] < 100 && slept[1] >= 100 && slept[1] < 200 && slept[2] >= 200 && slept[2] < 400, String(slept));
  fake.fail({ status: 500 }, { status: 500 });
  reset();
  const budgeted = await client({ retry: { baseDelayMs: 1000, budgetMs: 1000 } }).instance.listPhoneNumbers().catch((e) => e);
  assert.equal(budgeted.code, "server_error");
  assert.equal(fake.received.length, 2, "the wait budget ends the retries");
  reset();
});

test("a success with a body that is not JSON is invalid_response", async () => {
  fake.fail({ raw: "<html>ok</html>" });
  const error = await client().instance.listPhoneNumbers().catch((e) => e);
  assert.equal(error.code, "invalid_response");
});

test("the token appears in no error, even when the server echoes it", async () => {
  const errors = [];
  fake.fail({ status: 401, code: 190, message: `Invalid OAuth access token ${TOKEN}` });
  errors.push(await client().instance.sendMessage(text()).catch((e) => e));
  errors.push(await client({ accessToken: `${TOKEN}x` }).instance.listPhoneNumbers().catch((e) => e));
  errors.push(await client({ baseUrl: "http://127.0.0.1:9" }).instance.listPhoneNumbers().catch((e) => e));
  errors.push(await client().instance.sendMessage(text("+1 415")).catch((e) => e));
  const events = [];
  await client({ onRequest: (e) => events.push(e) }).instance.listPhoneNumbers();
  assert.deepEqual(errors.map((e) => e.code), ["auth_failed", "auth_failed", "network_error", "validation_failed"]);
  for (const error of [...errors, ...events]) {
    for (const rendered of [String(error), JSON.stringify(error), error.stack ?? "", JSON.stringify({ ...error })]) {
      assert.ok(!rendered.includes(TOKEN), `token in ${rendered}`);
    }
  }
});

test("the fetch option replaces the global fetch for every kind of request: JSON, multipart, download", async () => {
  reset();
  const global = globalThis.fetch;
  const calls = [];
  const injected = (url, init) => {
    calls.push({ url, method: init.method, body: init.body });
    return global(url, init);
  };
  globalThis.fetch = () => Promise.reject(new Error("the global fetch was called"));
  try {
    const { instance, events } = client({ fetch: injected });
    await instance.sendMessage(text());
    await instance.uploadMedia(new Blob([new Uint8Array([1, 2, 3])], { type: "image/png" }), { filename: "a.png" });
    const media = await instance.downloadMedia("1234");
    assert.deepEqual([...media.data], [...MEDIA_BYTES]);
    assert.deepEqual(calls.map((call) => call.method), ["POST", "POST", "GET", "GET"]);
    assert.equal(typeof calls[0].body, "string");
    assert.ok(calls[1].body instanceof FormData);
    assert.ok(calls.every((call) => call.url.startsWith(fake.baseUrl)));
    assert.deepEqual(events.map((event) => event.status), [200, 200, 200, 200]);
  } finally {
    globalThis.fetch = global;
  }
});

test("misuse throws invalid_argument", () => {
  for (const options of [undefined, {}, { accessToken: "" }, { accessToken: "t", timeoutMs: -1 }, { accessToken: "t", fetch: "no" }, { accessToken: "t", token: "x" }]) {
    assert.throws(() => new CloudApiClient(options), (error) => error.code === "invalid_argument" && !String(error).includes("secret"));
  }
});

const flowJson = {
  version: "7.3",
  screens: [{ id: "THANKS", terminal: true, layout: { type: "SingleColumnLayout", children: [
    { type: "TextBody", text: "Thanks!" },
    { type: "Footer", label: "Done", "on-click-action": { name: "complete", payload: {} } },
  ] } }],
};

test("Flows: create, list, get, update, upload (multipart, validated), publish, deprecate, delete, preview", async () => {
  reset();
  const { instance } = client();
  assert.equal((await instance.createFlow({ name: "survey", categories: ["SURVEY"], flow_json: flowJson })).id, "1234567890");
  assert.deepEqual([last().method, last().path, last().body.flow_json.version], ["POST", `/${VERSION}/${WABA_ID}/flows`, "7.3"]);
  assert.equal((await instance.listFlows()).data[0].status, "DRAFT");
  assert.equal((await instance.getFlow("1234567890")).status, "DRAFT");
  assert.match(last().query.fields, /validation_errors/);
  assert.deepEqual(await instance.updateFlow("1234567890", { name: "survey 2", categories: ["OTHER"] }), { success: true });
  assert.deepEqual(await instance.uploadFlowJson("1234567890", flowJson), { success: true, validation_errors: [] });
  assert.match(last().headers["content-type"], /^multipart\/form-data; boundary=/);
  assert.deepEqual(JSON.parse(last().text.split("\r\n\r\n").find((part) => part.startsWith("{")).split("\r\n")[0]), flowJson);
  // Text is uploaded as given (indentation and all), once checked.
  const indented = JSON.stringify(flowJson, null, 2);
  assert.deepEqual(await instance.uploadFlowJson("1234567890", indented), { success: true, validation_errors: [] });
  assert.ok(last().text.includes(`\r\n\r\n${indented}\r\n--`));
  assert.deepEqual(await instance.publishFlow("1234567890"), { success: true });
  assert.equal(last().path, `/${VERSION}/1234567890/publish`);
  assert.deepEqual(await instance.deprecateFlow("1234567890"), { success: true });
  assert.deepEqual(await instance.deleteFlow("1234567890"), { success: true });
  assert.equal(last().method, "DELETE");
  const preview = await instance.getFlowPreviewUrl("1234567890", { invalidate: true });
  assert.match(preview.preview.preview_url, /^https:/);
  assert.equal(last().query.fields, "preview.invalidate(true)");
});

test("a Flow JSON with errors is rejected locally, before upload or create", async () => {
  reset();
  const { instance } = client();
  const broken = { ...flowJson, screens: [{ ...flowJson.screens[0], id: "THANKS_2" }] };
  const upload = await instance.uploadFlowJson("1234567890", broken).catch((e) => e);
  assert.equal(upload.code, "validation_failed");
  assert.equal(upload.issues[0].code, "flow.screen_id_invalid");
  const create = await instance.createFlow({ name: "x", categories: ["SURVEY"], flow_json: JSON.stringify(broken) }).catch((e) => e);
  assert.equal(create.code, "validation_failed");
  const category = await instance.createFlow({ name: "x", categories: ["GAMES"] }).catch((e) => e);
  assert.equal(category.code, "invalid_argument");
  assert.equal(fake.received.length, 0);
});

test("uploadMedia sends a Blob, ArrayBuffer or Uint8Array as multipart after checking type and size", async () => {
  reset();
  const { instance } = client();
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
  assert.deepEqual(await instance.uploadMedia(new Blob([png], { type: "image/png" }), { filename: "a.png" }), { id: "media-7" });
  assert.deepEqual(await instance.uploadMedia(png, { type: "image/png" }), { id: "media-7" });
  assert.deepEqual(await instance.uploadMedia(png.buffer, { type: "application/pdf", filename: "a.pdf" }), { id: "media-7" });
  assert.match(last().headers["content-type"], /^multipart\/form-data; boundary=/);
  assert.equal(fake.received.length, 3);
  for (const [file, options, code] of [[png, undefined, "invalid_argument"], [png, { type: "image/gif" }, "invalid_argument"], [new Uint8Array(6 << 20), { type: "image/png" }, "invalid_argument"], ["text", { type: "text/plain" }, "invalid_argument"]]) {
    const error = await instance.uploadMedia(file, options).catch((e) => e);
    assert.equal(error.code, code);
  }
  assert.equal(fake.received.length, 3, "nothing sent for rejected files");
});

// The cases shared with workerd and Chromium, here in Node too.
for (const [name, run] of Object.entries(cloudCases)) {
  test(`shared: ${name}`, () => run(api, fake.baseUrl));
}

test("phone number details, business profile update (checked, messaging_product added) and the encryption key", async () => {
  reset();
  const { instance } = client();
  assert.equal((await instance.getPhoneNumber()).quality_rating, "GREEN");
  assert.match(last().query.fields, /quality_rating/);
  assert.deepEqual(await instance.updateBusinessProfile({ about: "We sell plants", vertical: "RETAIL", websites: ["https://shop.example"] }), { success: true });
  assert.deepEqual(last().body, { messaging_product: "whatsapp", about: "We sell plants", vertical: "RETAIL", websites: ["https://shop.example"] });
  const tooLong = await instance.updateBusinessProfile({ about: "x".repeat(140) }).catch((e) => e);
  assert.equal(tooLong.code, "invalid_argument");
  assert.equal((await instance.getEncryptionKey()).data[0].business_public_key_signature_status, "VALID");
  const pem = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n-----END PUBLIC KEY-----";
  assert.deepEqual(await instance.setEncryptionKey(pem), { success: true });
  assert.match(last().headers["content-type"], /^multipart\/form-data/);
  const privateKey = await instance.setEncryptionKey("-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----").catch((e) => e);
  assert.equal(privateKey.code, "invalid_argument");
  assert.ok(!privateKey.message.includes("x\n"), "the key is not echoed");
});

test("conversation and template analytics build Meta's queries; bad ranges and values are rejected locally", async () => {
  reset();
  const { instance } = client();
  const start = new Date("2026-11-01T00:00:00Z");
  const conversations = await instance.getConversationAnalytics({ start, end: 1_793_491_200 + 86_400 * 30, granularity: "DAILY", dimensions: ["COUNTRY"] });
  assert.equal(conversations.id, WABA_ID);
  assert.match(last().query.fields, /^conversation_analytics\.start\(1793491200\)\.end\(\d+\)\.granularity\(DAILY\)\.dimensions\(\["COUNTRY"\]\)$/);
  const templates = await instance.getTemplateAnalytics({ start: 1_761_955_200, end: 1_762_041_600, templateIds: ["594425479261596"], metricTypes: ["SENT", "READ"] });
  assert.equal(templates.data[0].granularity, "DAILY");
  assert.equal(last().query.metric_types, '["SENT","READ"]');
  const sent = fake.received.length;
  for (const query of [{ start: 2, end: 1, granularity: "DAILY" }, { start: 1, end: 2, granularity: "HOURLY" }, { start: 1, end: 2 }, { start: 1, end: 2, templateIds: [] }]) {
    const method = "templateIds" in query ? "getTemplateAnalytics" : "getConversationAnalytics";
    const error = await instance[method](query).catch((e) => e);
    if (method === "getConversationAnalytics" && query.granularity === undefined) {
      assert.ok(error.conversation_analytics, "granularity defaults to DAILY");
      continue;
    }
    assert.equal(error.code, "invalid_argument", JSON.stringify(query));
  }
  assert.equal(fake.received.length, sent + 1, "only the valid default query was sent");
});

const templateSend = (parameters) => ({
  messaging_product: "whatsapp",
  to: "+14155552671",
  type: "template",
  template: { name: "order_update", language: { code: "en_US" }, components: [{ type: "body", parameters: parameters.map((text) => ({ type: "text", text })) }] },
});

test("a template send is checked against the definition given, before anything is sent", async () => {
  reset();
  const { instance } = client();
  const error = await instance.sendMessage(templateSend(["Ana"]), { template: ORDER_UPDATE }).catch((e) => e);
  assert.equal(error.code, "validation_failed");
  assert.equal(error.issues[0].code, "template_send.parameter_count");
  assert.equal(error.issues[0].metaCode, 132000);
  assert.equal(fake.received.length, 0);
  assert.deepEqual((await instance.sendMessage(templateSend(["Ana", "A12"]), { template: ORDER_UPDATE })).messages, [{ id: "wamid.FAKE" }]);
});

test("fetchTemplate looks the definition up once per client, then checks every send against it", async () => {
  reset();
  const { instance } = client();
  await instance.sendMessage(templateSend(["Ana", "A12"]), { fetchTemplate: true });
  await instance.sendMessage(templateSend(["Bo", "B34"]), { fetchTemplate: true });
  assert.deepEqual(fake.received.map((c) => c.method + " " + c.path), [
    `GET /${VERSION}/${WABA_ID}/message_templates`,
    `POST /${VERSION}/${PHONE_ID}/messages`,
    `POST /${VERSION}/${PHONE_ID}/messages`,
  ]);
  assert.deepEqual([fake.received[0].query.name, fake.received[0].query.language], ["order_update", "en_US"]);
  const mismatch = await instance.sendMessage(templateSend(["Ana"]), { fetchTemplate: true }).catch((e) => e);
  assert.equal(mismatch.code, "validation_failed");
  const unknown = await instance.sendMessage({ ...templateSend([]), template: { name: "missing", language: { code: "en_US" } } }, { fetchTemplate: true }).catch((e) => e);
  assert.equal(unknown.code, "template_error");
  assert.equal(fake.received.length, 4, "one more lookup, no more sends");
});

test("sendTemplate(to, template, { definition }): the provider-neutral call checks the number, the template and the definition, then sends Meta's message", async () => {
  reset();
  const { instance } = client();
  const template = templateSend(["Ana", "A12"]).template;
  const answer = await instance.sendTemplate("14155552671", template, { definition: ORDER_UPDATE });
  assert.deepEqual(answer.messages, [{ id: "wamid.FAKE" }]);
  assert.deepEqual(last().body, { messaging_product: "whatsapp", recipient_type: "individual", to: "+14155552671", type: "template", template });
  reset();
  const badNumber = await instance.sendTemplate("+1 415", template).catch((e) => e);
  assert.equal(badNumber.code, "validation_failed");
  assert.ok(badNumber.issues.every((issue) => issue.path === "/to"), JSON.stringify(badNumber.issues));
  const mismatch = await instance.sendTemplate("+14155552671", templateSend(["Ana"]).template, { definition: ORDER_UPDATE }).catch((e) => e);
  assert.equal(mismatch.issues[0].code, "template_send.parameter_count");
  const badTemplate = await instance.sendTemplate("+14155552671", { language: { code: "en_US" } }).catch((e) => e);
  assert.equal(badTemplate.code, "validation_failed");
  assert.equal(fake.received.length, 0);
});

test("downloadMedia: by id looks the URL up and fetches the bytes with the token; URLs off Meta's hosts are refused before anything is sent", async () => {
  reset();
  const { instance } = client();
  const media = await instance.downloadMedia("1234");
  assert.deepEqual(Buffer.from(media.data), MEDIA_BYTES);
  assert.equal(media.mimeType, "image/jpeg");
  assert.equal(media.fileSize, MEDIA_BYTES.length);
  assert.deepEqual(fake.received.map((c) => `${c.method} ${c.path} ${c.headers.authorization}`), [
    `GET /${VERSION}/1234 Bearer ${TOKEN}`,
    `GET /media-files/1234 Bearer ${TOKEN}`,
  ]);
  const bytes = await instance.downloadMedia(`${fake.baseUrl}/media-files/9`);
  assert.ok(bytes instanceof Uint8Array);
  assert.deepEqual(Buffer.from(bytes), MEDIA_BYTES);
  reset();
  for (const url of ["https://evil.example/m", "http://lookaside.fbsbx.com/m", "https://lookaside.fbsbx.com.evil.example/m"]) {
    const error = await instance.downloadMedia(url).catch((e) => e);
    assert.equal(error.code, "invalid_argument", url);
  }
  assert.equal(fake.received.length, 0);
});

test("pricing analytics: Graph field expansion with only the filters given; unknown values rejected locally", async () => {
  reset();
  const { instance } = client();
  const answer = await instance.getPricingAnalytics({ start: new Date("2023-11-14T22:13:20Z"), end: 1700086400, granularity: "DAILY", countryCodes: ["US"], dimensions: ["PRICING_CATEGORY", "COUNTRY"] });
  assert.equal(answer.pricing_analytics.data[0].data_points[0].pricing_category, "UTILITY");
  assert.equal(last().path, `/${VERSION}/${WABA_ID}`);
  assert.equal(last().query.fields, 'pricing_analytics.start(1700000000).end(1700086400).granularity(DAILY).country_codes(["US"]).dimensions(["PRICING_CATEGORY","COUNTRY"])');
  reset();
  for (const bad of [{ granularity: "WEEKLY" }, { pricingTypes: ["PAID"] }, { countryCodes: ["usa"] }, { metricTypes: ["CLICKS"] }, { end: 1 }]) {
    const error = await instance.getPricingAnalytics({ start: 1700000000, end: 1700086400, ...bad }).catch((e) => e);
    assert.equal(error.code, "invalid_argument", JSON.stringify(bad));
  }
  assert.equal(fake.received.length, 0);
});
