// Every CloudApiClient method's request compared whole (method, path, query,
// body) with what the fake Graph API received, through the built package in
// Node; and wrong requests, sent through an injected fetch, refused by the
// fake or caught by the comparison.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import * as api from "../../pkg/node.js";
import { startFakeGraph, PHONE_ID, WABA_ID } from "./fake-graph.mjs";
import { cloud } from "./cloud-suite.mjs";
import { assertRequests, rewriting, withBody } from "./requests.mjs";

const fake = await startFakeGraph();
after(() => fake.close());

const v = "/v27.0";
const FLOW = "1234567890";
const TEMPLATE = "594425479261596";
const flowJson = { version: "7.3", screens: [{ id: "THANKS", terminal: true, layout: { type: "SingleColumnLayout", children: [{ type: "TextBody", text: "Thanks!" }, { type: "Footer", label: "Done", "on-click-action": { name: "complete", payload: {} } }] } }] };
const template = { name: "order_update", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "Ana" }, { type: "text", text: "A12" }] }] };
const definition = { name: "order_update", language: "en_US", category: "UTILITY", components: [{ type: "BODY", text: "Hi {{1}}, your order {{2}} has shipped.", example: { body_text: [["Ana", "A12"]] } }] };
const range = { start: 1761955200, end: 1762041600 };
const text = { messaging_product: "whatsapp", to: "+14155552671", type: "text", text: { body: "Your order shipped" } };
const PEM = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n-----END PUBLIC KEY-----";
const post = (path, body) => ({ method: "POST", path, query: {}, body });
const get = (path, query = {}) => ({ method: "GET", path, query });

test("every CloudApiClient method sends the whole request Meta documents", async () => {
  const c = cloud(api, fake.baseUrl).instance;
  await assertRequests(fake, [
    ["sendMessage", () => c.sendMessage({ ...text, to: "1 415 555 2671" }), post(`${v}/${PHONE_ID}/messages`, text)],
    ["sendTemplate", () => c.sendTemplate("14155552671", template, { definition }),
      post(`${v}/${PHONE_ID}/messages`, { messaging_product: "whatsapp", recipient_type: "individual", to: "+14155552671", type: "template", template })],
    ["sendMarketingMessage", () => c.sendMarketingMessage({ messaging_product: "whatsapp", to: "14155552671", type: "template", template, message_activity_sharing: false }),
      post(`${v}/${PHONE_ID}/marketing_messages`, { messaging_product: "whatsapp", to: "+14155552671", type: "template", template, message_activity_sharing: false })],
    ["markAsRead", () => c.markAsRead("wamid.ABC", { typing: true }),
      post(`${v}/${PHONE_ID}/messages`, { messaging_product: "whatsapp", status: "read", message_id: "wamid.ABC", typing_indicator: { type: "text" } })],
    ["listTemplates", () => c.listTemplates({ limit: 5 }), get(`${v}/${WABA_ID}/message_templates`, { limit: "5" })],
    ["getTemplate", () => c.getTemplate(TEMPLATE), get(`${v}/${TEMPLATE}`)],
    ["createTemplate", () => c.createTemplate(definition), post(`${v}/${WABA_ID}/message_templates`, definition)],
    ["editTemplate", () => c.editTemplate(TEMPLATE, { components: definition.components }), post(`${v}/${TEMPLATE}`, { components: definition.components })],
    ["deleteTemplate", () => c.deleteTemplate("order_update", TEMPLATE),
      { method: "DELETE", path: `${v}/${WABA_ID}/message_templates`, query: { name: "order_update", hsm_id: TEMPLATE } }],
    ["uploadMedia", () => c.uploadMedia(new Uint8Array([65, 66, 67]), { type: "image/png" }),
      post(`${v}/${PHONE_ID}/media`, { messaging_product: { value: "whatsapp" }, type: { value: "image/png" }, file: { value: "ABC", filename: "file", type: "image/png" } })],
    ["getMedia", () => c.getMedia("1234"), get(`${v}/1234`)],
    ["downloadMedia", () => c.downloadMedia("1234"), get(`${v}/1234`), get("/media-files/1234")],
    ["deleteMedia", () => c.deleteMedia("1234"), { method: "DELETE", path: `${v}/1234`, query: {} }],
    ["createFlow", () => c.createFlow({ name: "survey", categories: ["SURVEY"], flow_json: flowJson }),
      post(`${v}/${WABA_ID}/flows`, { name: "survey", categories: ["SURVEY"], flow_json: flowJson })],
    ["listFlows", () => c.listFlows(), get(`${v}/${WABA_ID}/flows`)],
    ["getFlow", () => c.getFlow(FLOW),
      get(`${v}/${FLOW}`, { fields: "id,name,status,categories,validation_errors,json_version,data_api_version,endpoint_uri,preview,whatsapp_business_account,application,health_status" })],
    ["updateFlow", () => c.updateFlow(FLOW, { name: "survey 2" }), post(`${v}/${FLOW}`, { name: "survey 2" })],
    ["uploadFlowJson", () => c.uploadFlowJson(FLOW, flowJson),
      post(`${v}/${FLOW}/assets`, { name: { value: "flow.json" }, asset_type: { value: "FLOW_JSON" }, file: { value: JSON.stringify(flowJson), filename: "flow.json", type: "application/json" } })],
    ["publishFlow", () => c.publishFlow(FLOW), { method: "POST", path: `${v}/${FLOW}/publish`, query: {} }],
    ["deprecateFlow", () => c.deprecateFlow(FLOW), { method: "POST", path: `${v}/${FLOW}/deprecate`, query: {} }],
    ["deleteFlow", () => c.deleteFlow(FLOW), { method: "DELETE", path: `${v}/${FLOW}`, query: {} }],
    ["getFlowPreviewUrl", () => c.getFlowPreviewUrl(FLOW, { invalidate: true }), get(`${v}/${FLOW}`, { fields: "preview.invalidate(true)" })],
    ["listPhoneNumbers", () => c.listPhoneNumbers(), get(`${v}/${WABA_ID}/phone_numbers`)],
    ["getPhoneNumber", () => c.getPhoneNumber(),
      get(`${v}/${PHONE_ID}`, { fields: "display_phone_number,verified_name,code_verification_status,quality_rating,platform_type,throughput,name_status,messaging_limit_tier,is_official_business_account" })],
    ["getBusinessProfile", () => c.getBusinessProfile(),
      get(`${v}/${PHONE_ID}/whatsapp_business_profile`, { fields: "about,address,description,email,profile_picture_url,websites,vertical" })],
    ["updateBusinessProfile", () => c.updateBusinessProfile({ about: "We sell plants" }),
      post(`${v}/${PHONE_ID}/whatsapp_business_profile`, { messaging_product: "whatsapp", about: "We sell plants" })],
    ["getEncryptionKey", () => c.getEncryptionKey(), get(`${v}/${PHONE_ID}/whatsapp_business_encryption`)],
    // FormData sends a text field's line breaks as CRLF (the HTML standard's multipart encoding).
    ["setEncryptionKey", () => c.setEncryptionKey(PEM),
      post(`${v}/${PHONE_ID}/whatsapp_business_encryption`, { business_public_key: { value: PEM.replaceAll("\n", "\r\n") } })],
    ["getConversationAnalytics", () => c.getConversationAnalytics({ ...range, granularity: "DAILY" }),
      get(`${v}/${WABA_ID}`, { fields: "conversation_analytics.start(1761955200).end(1762041600).granularity(DAILY)" })],
    ["getTemplateAnalytics", () => c.getTemplateAnalytics({ ...range, templateIds: [TEMPLATE] }),
      get(`${v}/${WABA_ID}/template_analytics`, { start: "1761955200", end: "1762041600", granularity: "DAILY", template_ids: `[${TEMPLATE}]` })],
    ["getPricingAnalytics", () => c.getPricingAnalytics({ ...range, granularity: "DAILY", metricTypes: ["COST"] }),
      get(`${v}/${WABA_ID}`, { fields: 'pricing_analytics.start(1761955200).end(1762041600).granularity(DAILY).metric_types(["COST"])' })],
  ]);
});

test("a wrong request fails: the fake Graph refuses a message without its object, a template without a category, a publish with a body", async () => {
  const broken = [
    [() => cloud(api, fake.baseUrl, { fetch: rewriting(({ text: _, ...rest }) => rest) }).instance.sendMessage(text), "(#100) a text message needs its text object"],
    [() => cloud(api, fake.baseUrl, { fetch: rewriting(({ category: _, ...rest }) => rest) }).instance.createTemplate(definition), "(#100) name, language, category and components are required"],
    [() => cloud(api, fake.baseUrl, { fetch: withBody("{}") }).instance.publishFlow(FLOW), "(#100) publish and deprecate take no parameters"],
    [() => cloud(api, fake.baseUrl, { fetch: withBody('{"x":1}') }).instance.deprecateFlow(FLOW), "(#100) publish and deprecate take no parameters"],
    [() => cloud(api, fake.baseUrl).instance.publishFlow("999"), "(#100) Flow with specified ID does not exist"],
  ];
  for (const [send, message] of broken) {
    const error = await send().then(() => assert.fail("the fake accepted a wrong request"), (e) => e);
    assert.deepEqual([error.code, error.status, error.metaCode, error.message.endsWith(message)], ["invalid_request", 400, 100, true], error.message);
  }
});

test("a wrong body the fake would accept is caught by the whole comparison", async () => {
  const c = cloud(api, fake.baseUrl, { fetch: rewriting((body) => ({ ...body, text: { body: "Your order shipped!" } })) }).instance;
  await assert.rejects(assertRequests(fake, [["sendMessage", () => c.sendMessage(text), post(`${v}/${PHONE_ID}/messages`, text)]]), assert.AssertionError);
});
