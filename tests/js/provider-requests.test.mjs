// Every BirdClient, CirrusClient, CmClient and WoztellClient method's request
// compared whole (method, path, query, body) with what its strict fake
// received, through the built package in Node; and, for each client, a wrong
// body sent through an injected fetch that the fake refuses.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import * as api from "../../pkg/node.js";
import { assertRequests, rewriting } from "./requests.mjs";
import { startFakeBird, BIRD_KEY, WORKSPACE, CHANNEL, CONTACT } from "./fake-bird.mjs";
import { startFakeCirrus, CIRRUS_KEY, STREAM_ID } from "./fake-cirrus.mjs";
import { startFakeCm, KEY, JWT, PHONE_ID, BOT_ID, TEMPLATE_ID, META_TOKEN } from "./fake-cm.mjs";
import { startFakeWoztell, TOKEN, APP, APP_INTEGRATION, CHANNEL as WOZTELL_CHANNEL, SIGNATURE, WABA, PHONE } from "./fake-woztell.mjs";

const [bird, cirrus, cm, woztell] = await Promise.all([startFakeBird(), startFakeCirrus(), startFakeCm(), startFakeWoztell()]);
after(() => Promise.all([bird, cirrus, cm, woztell].map((fake) => fake.close())));

const birdClient = (options = {}) => new api.BirdClient({ accessKey: BIRD_KEY, workspaceId: WORKSPACE, channelId: CHANNEL, baseUrl: bird.baseUrl, now: () => Date.UTC(2026, 0, 1, 10), ...options });
const cirrusClient = (options = {}) => new api.CirrusClient({ apiKey: CIRRUS_KEY, streamId: STREAM_ID, baseUrl: cirrus.baseUrl, ...options });
const cmClient = (options = {}) => new api.CmClient({ apiKey: KEY, baseUrl: cm.baseUrl, phoneId: PHONE_ID, sleep: async () => {}, ...options });
const woztellClient = (options = {}) =>
  new api.WoztellClient({ accessToken: TOKEN, appId: APP, appIntegrationId: APP_INTEGRATION, channelId: WOZTELL_CHANNEL, signature: SIGNATURE, wabaId: WABA, phoneNumberId: PHONE, baseUrl: woztell.baseUrl, sleep: async () => {}, ...options });

const request = (method, path, query = {}, body) => ({ method, path, query, ...(body === undefined ? {} : { body }) });
const template = { name: "order_update", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "Ana" }] }] };
const receiver = (number) => ({ contacts: [{ identifierKey: "phonenumber", identifierValue: number }] });

test("every BirdClient and CirrusClient method sends the whole request the provider documents", async () => {
  const b = birdClient();
  const messages = `/workspaces/${WORKSPACE}/channels/${CHANNEL}/messages`;
  await assertRequests(bird, [
    ["sendMessage", () => b.sendMessage({ receiver: receiver("+31612345678"), body: { type: "text", text: { text: "Hi" } } }),
      request("POST", messages, {}, { receiver: receiver("+31612345678"), body: { type: "text", text: { text: "Hi" } } })],
    ["sendTemplate", () => b.sendTemplate("+14155552671", template),
      request("POST", messages, {}, { receiver: receiver("+14155552671"), template: { name: "order_update", locale: "en-US", parameters: [{ type: "string", key: "1", value: "Ana" }] } })],
    ["getChannelContact", () => b.getChannelContact(CONTACT, { contactIdentifierValue: "+31612345678" }),
      request("GET", `/workspaces/${WORKSPACE}/channels/${CHANNEL}/contacts/${CONTACT}`, { contactIdentifierValue: "+31612345678" })],
  ]);
  const c = cirrusClient();
  const stream = encodeURIComponent(STREAM_ID);
  const send = (to) => ({ data: [{ template_data: { to, template } }] });
  await assertRequests(cirrus, [
    ["sendTemplate", () => c.sendTemplate("+14155552671", template), request("POST", `/v2/whatsapp/sendtemplatedmessage/${stream}`, {}, send("14155552671"))],
    ["sendTemplatedMessage", () => c.sendTemplatedMessage(send("+19172537000")), request("POST", `/v2/whatsapp/sendtemplatedmessage/${stream}`, {}, send("19172537000"))],
    ["uploadMedia", () => c.uploadMedia(new Uint8Array([65, 66]), { type: "image/png", filename: "a.png" }),
      request("POST", `/whatsapp/uploadmedia/${stream}`, {}, { pic: { value: "AB", filename: "a.png", type: "image/png" } })],
    ["validateContact", () => c.validateContact("+1 415 555 2671"), request("GET", `/whatsapp/validatecontact/${stream}/14155552671`)],
  ]);
});

test("every CmClient method sends the whole request the CallMissed reference documents", async () => {
  const c = cmClient();
  const P = "/api/v1/whatsapp";
  const CAMPAIGN = "c0ffee00-0000-4000-8000-000000000001";
  const to = "+14155552671";
  const waba = "102290129340398";
  const number = "106540352242922";
  const templateBody = { waba_id: waba, name: "order_update", category: "UTILITY", language: "en_US", components: [{ type: "BODY", text: "Your order has shipped." }] };
  await assertRequests(cm, [
    ["exchangeSignupCode", () => c.exchangeSignupCode({ code: "AQD-code", waba_id: waba, phone_number_id: number, data_localization_region: "DE" }),
      request("POST", `${P}/onboarding/exchange`, {}, { code: "AQD-code", waba_id: waba, phone_number_id: number, data_localization_region: "DE" })],
    ["connectManually", () => cmClient({ apiKey: JWT }).connectManually({ waba_id: waba, phone_number_id: number, access_token: META_TOKEN }),
      request("POST", `${P}/onboarding/manual`, {}, { waba_id: waba, phone_number_id: number, access_token: META_TOKEN })],
    ["listAccounts", () => c.listAccounts(), request("GET", `${P}/accounts`)],
    ["listPhoneNumbers", () => c.listPhoneNumbers(), request("GET", `${P}/phone_numbers`)],
    ["linkBot", () => c.linkBot(PHONE_ID, BOT_ID), request("POST", `${P}/phone_numbers/${PHONE_ID}/link-bot`, {}, { bot_id: BOT_ID })],
    ["setAutoreply", () => c.setAutoreply(PHONE_ID, true), request("POST", `${P}/phone_numbers/${PHONE_ID}/autoreply`, {}, { enabled: true })],
    ["sendText", () => c.sendText({ to: "1 415 555 2671", text: "Your order shipped", preview_url: false }),
      request("POST", `${P}/messages`, {}, { phone_id: PHONE_ID, to, text: "Your order shipped", preview_url: false })],
    ["sendTemplate", () => c.sendTemplate(to, template),
      request("POST", `${P}/messages/template`, {}, { phone_id: PHONE_ID, to, template_name: "order_update", language_code: "en_US", components: template.components })],
    ["sendMedia", () => c.sendMedia({ to, kind: "document", link: "https://example.com/a.pdf", caption: "Invoice", filename: "a.pdf" }),
      request("POST", `${P}/messages/media`, {}, { phone_id: PHONE_ID, to, kind: "document", link: "https://example.com/a.pdf", caption: "Invoice", filename: "a.pdf" })],
    ["sendInteractive", () => c.sendInteractive({ to, interactive_type: "button", body_text: "Pick", buttons: [{ id: "y", title: "Yes" }] }),
      request("POST", `${P}/messages/interactive`, {}, { phone_id: PHONE_ID, to, interactive_type: "button", body_text: "Pick", buttons: [{ id: "y", title: "Yes" }] })],
    ["markAsRead", () => c.markAsRead("wamid.HBgL=", { typing: true }), request("POST", `${P}/messages/wamid.HBgL%3D/read`, {}, { phone_id: PHONE_ID, typing_indicator: true })],
    ["uploadMedia", () => c.uploadMedia(new Uint8Array([65, 66, 67]), { type: "image/png", filename: "a.png" }),
      request("POST", `${P}/media`, {}, { phone_id: { value: PHONE_ID }, file: { value: "ABC", filename: "a.png", type: "image/png" } })],
    ["listTemplates", () => c.listTemplates({ waba_id: waba, status: "APPROVED", limit: 50 }), request("GET", `${P}/templates`, { waba_id: waba, status: "APPROVED", limit: "50" })],
    ["createTemplate", () => c.createTemplate(templateBody), request("POST", `${P}/templates`, {}, templateBody)],
    ["syncTemplates", () => c.syncTemplates({ waba_id: waba }), request("POST", `${P}/templates/sync`, {}, { waba_id: waba })],
    ["deleteTemplate", () => c.deleteTemplate(TEMPLATE_ID), request("DELETE", `${P}/templates/${TEMPLATE_ID}`)],
    ["listCampaigns", () => c.listCampaigns({ limit: 10 }), request("GET", `${P}/campaigns`, { limit: "10" })],
    ["createCampaign", () => c.createCampaign({ name: "Spring", template_name: "sale", template_language: "en", scheduled_at: "2026-12-01T10:00:00Z" }),
      request("POST", `${P}/campaigns`, {}, { phone_number_id: PHONE_ID, name: "Spring", template_name: "sale", template_language: "en", scheduled_at: "2026-12-01T10:00:00Z" })],
    ["addCampaignRecipients", () => c.addCampaignRecipients(CAMPAIGN, [{ to_phone: "14155552671", variables: { 1: "Ana" } }]),
      request("POST", `${P}/campaigns/${CAMPAIGN}/recipients`, {}, { recipients: [{ to_phone: to, variables: { 1: "Ana" } }] })],
    ["launchCampaign", () => c.launchCampaign(CAMPAIGN), request("POST", `${P}/campaigns/${CAMPAIGN}/launch`)],
    ["getFunnel", () => c.getFunnel(), request("GET", `${P}/analytics/funnel`)],
    ["getTimeseries", () => c.getTimeseries({ days: 90 }), request("GET", `${P}/analytics/timeseries`, { days: "90" })],
    ["getCosts", () => c.getCosts({ days: 1 }), request("GET", `${P}/analytics/costs`, { days: "1" })],
  ]);
});

test("every WoztellClient method sends the whole request seed 003 documents, the token where it goes", async () => {
  const c = woztellClient();
  const A = "/v1.2/api";
  const token = { accessToken: TOKEN };
  const PEM = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAls1409DedWXmHnt0Pb6s\n-----END PUBLIC KEY-----";
  const FLOW = { version: "3.1", screens: [{ id: "A", title: "A", data: {}, terminal: true, layout: { type: "SingleColumnLayout", children: [{ type: "Footer", label: "Done", "on-click-action": { name: "complete", payload: {} } }] } }] };
  const components = [{ type: "BODY", text: "Hi there!" }];
  await assertRequests(woztell, [
    ["getWabaInfo", () => c.getWabaInfo(), request("GET", `${A}/waba-info`, { channelId: WOZTELL_CHANNEL, ...token })],
    ["getBusinessProfile", () => c.getBusinessProfile(), request("GET", `${A}/whatsapp-business-profile`, { phoneNumberId: PHONE, ...token })],
    ["updateBusinessProfile", () => c.updateBusinessProfile({ profile: { about: "About.", vertical: "PROF_SERVICES" } }),
      request("PATCH", `${A}/whatsapp-business-profile`, {}, { phoneNumberId: PHONE, ...token, profile: { messaging_product: "whatsapp", about: "About.", vertical: "PROF_SERVICES" } })],
    ["getDisplayNameStatus", () => c.getDisplayNameStatus(), request("GET", `${A}/whatsapp-displayname-status`, { phoneNumberId: PHONE, ...token })],
    ["uploadMedia", () => c.uploadMedia({ type: "image", url: "https://example.com/a.jpg" }),
      request("PUT", `${A}/media-id`, {}, { phoneNumberId: PHONE, ...token, type: "image", url: "https://example.com/a.jpg" })],
    ["getConversationAnalytics", () => c.getConversationAnalytics({ from: 1672675200, to: 1672761600, granularity: "DAILY", numbers: ["14132521446"], metric_types: ["CONVERSATION", "COST"], dimensions: ["country"] }),
      request("GET", `${A}/conversation-analytics`, { from: "1672675200", to: "1672761600", granularity: "DAILY", numbers: '["14132521446"]', metric_types: '["CONVERSATION","COST"]', dimensions: '["country"]' })],
    ["listCatalogs", () => c.listCatalogs(), request("GET", `${A}/catalogs`)],
    ["listProducts", () => c.listProducts("1234577510532066"), request("GET", `${A}/products`, { catalogId: "1234577510532066" })],
    ["setEncryptionKey", () => c.setEncryptionKey(PEM), request("POST", `${A}/whatsapp-business-encryption`, {}, { publicKey: PEM })],
    ["getEncryptionKey", () => c.getEncryptionKey(), request("GET", `${A}/whatsapp-business-encryption`)],
    ["listTemplates", () => c.listTemplates({ first: 10, after: "MAZDZD", status: ["APPROVED"], category: ["TRANSACTIONAL"], language: ["en_US"], name: "flight" }),
      request("GET", `${A}/whatsapp-message-templates`, { wabaId: WABA, first: "10", after: "MAZDZD", status: '["APPROVED"]', category: '["TRANSACTIONAL"]', language: '["en_US"]', name: "flight", ...token })],
    ["createTemplate", () => c.createTemplate({ name: "test_template", language: "en_US", category: "MARKETING", components }),
      request("PUT", `${A}/whatsapp-message-template`, {}, { wabaId: WABA, ...token, name: "test_template", language: "en_US", category: "MARKETING", components })],
    ["editTemplate", () => c.editTemplate({ messageTemplateName: "test_template", messageTemplateLanguage: "en_US", messageTemplateId: "1748340935544945", components }),
      request("PATCH", `${A}/whatsapp-message-template`, {}, { wabaId: WABA, ...token, messageTemplateName: "test_template", messageTemplateLanguage: "en_US", messageTemplateId: "1748340935544945", components })],
    ["deleteTemplate", () => c.deleteTemplate({ name: "test_template" }), request("DELETE", `${A}/whatsapp-message-template`, {}, { wabaId: WABA, ...token, name: "test_template" })],
    ["listFlows", () => c.listFlows({ limit: 10 }), request("GET", `${A}/flow`, { limit: "10" })],
    ["getFlowScreenPayload", () => c.getFlowScreenPayload("1332875717353551"), request("GET", `${A}/flow-screen-payload`, { flowId: "1332875717353551" })],
    ["getFlowPreview", () => c.getFlowPreview("994520121646941"), request("GET", `${A}/flow-preview`, { flowId: "994520121646941" })],
    ["getFlow", () => c.getFlow("678952344393952"), request("GET", `${A}/flow-detail`, { flowId: "678952344393952" })],
    ["createFlow", () => c.createFlow({ name: "Test Flow 2", categories: ["SURVEY"], clone_flow_id: "368669698913502", endpoint_url: "https://example.com/flow" }),
      request("PUT", `${A}/create-flow`, {}, { data: { name: "Test Flow 2", categories: ["SURVEY"], clone_flow_id: "368669698913502", endpoint_url: "https://example.com/flow" } })],
    ["updateFlowMetadata", () => c.updateFlowMetadata("1005133727262236", { name: "Test Flow ABC" }), request("PATCH", `${A}/flow-metadata`, {}, { flowId: "1005133727262236", data: { name: "Test Flow ABC" } })],
    ["uploadFlowJson", () => c.uploadFlowJson("910367050421850", FLOW), request("PATCH", `${A}/flow-json`, {}, { flowId: "910367050421850", data: FLOW })],
    ["publishFlow", () => c.publishFlow("910367050421850"), request("POST", `${A}/publish-flow`, {}, { flowId: "910367050421850" })],
    ["deprecateFlow", () => c.deprecateFlow("910367050421850"), request("POST", `${A}/deprecate-flow`, {}, { flowId: "910367050421850" })],
    ["deleteFlow", () => c.deleteFlow("910367050421850"), request("DELETE", `${A}/flow`, {}, { flowId: "910367050421850" })],
  ]);
});

test("a wrong body, sent through an injected fetch, fails at every provider's fake", async () => {
  const text = { type: "text", text: { text: "Hi" } };
  const wrong = [
    [() => birdClient({ fetch: rewriting(({ receiver: _, ...rest }) => rest) }).sendMessage({ receiver: receiver("+31612345678"), body: text }), 422, "receiver: contacts is required"],
    [() => birdClient({ fetch: rewriting((message) => ({ ...message, body: { ...text, image: {} } })) }).sendMessage({ receiver: receiver("+31612345678"), body: text }), 422, "body.image: is not allowed"],
    [() => cirrusClient({ fetch: rewriting((m) => (delete m.data[0].template_data.template.name, m)) }).sendTemplate("+14155552671", template), 400, "Missing parameter template_name"],
    [() => cmClient({ fetch: rewriting((m) => ({ ...m, extra: 1 })) }).sendText({ to: "+14155552671", text: "hi" }), 422, "body.extra: Extra inputs are not permitted"],
    [() => cmClient({ fetch: rewriting(({ phone_id: _, ...rest }) => rest) }).sendText({ to: "+14155552671", text: "hi" }), 400, "Either phone_id (UUID) or phone_number_id (Meta) is required"],
    [() => woztellClient({ fetch: rewriting(({ flowId: _, ...rest }) => rest) }).publishFlow("910367050421850"), 400, "flowId is required"],
    [() => woztellClient({ fetch: rewriting(({ category: _, ...rest }) => rest) }).createTemplate({ name: "t", language: "en_US", category: "MARKETING", components: [{ type: "BODY", text: "Hi" }] }), 400, "are required"],
  ];
  for (const [send, status, said] of wrong) {
    const error = await send().then(() => assert.fail("the fake accepted a wrong request"), (e) => e);
    assert.deepEqual([error.code, error.status], ["invalid_request", status], error.message);
    assert.ok(error.message.includes(said), error.message);
  }
});
