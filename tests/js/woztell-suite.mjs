// WoztellClient cases written once and run in Node and workerd against the
// fake Woztell API (tests/js/fake-woztell.mjs), steered and inspected over
// HTTP (/__reset, /__fail, /__received). Every endpoint of seed 003 is called
// here, each with the auth it documents. No Node APIs here.
import { check, remote } from "./cases.mjs";
export const TOKEN = "wzt-channel-token-0123456789-secret";
export const APP = "699802d69a73fc555f1c6bc4";
export const APP_INTEGRATION = "696327325430a1cbd131dfdf";
export const CHANNEL = "696327315430a1f98231dfde";
export const SIGNATURE = "1RJ7rKRTHbOBoY95AgtXF5WT2578gy9+b4ekBp727cQ=";
export const WABA = "190787529545503";
export const PHONE = "123164329653069";
const A = "/v1.2/api";
const PAYLOAD = `{"app":"${APP}","appIntegration":"${APP_INTEGRATION}","channel":"${CHANNEL}"}`;
const PEM = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAls1409DedWXmHnt0Pb6s\n-----END PUBLIC KEY-----";
const FLOW = {
  version: "3.1",
  screens: [{ id: "PREFERENCES", title: "Update Preferences", data: {}, terminal: true, layout: { type: "SingleColumnLayout", children: [{ type: "Form", name: "form", children: [{ type: "CheckboxGroup", label: "Communication types", required: true, name: "communicationTypes", "data-source": [{ id: "0", title: "Special offers" }, { id: "1", title: "News" }] }, { type: "Footer", label: "Done", "on-click-action": { name: "complete", payload: { communicationTypes: "${form.communicationTypes}" } } }] }] } }],
};

function client(api, baseUrl, options = {}) {
  return new api.WoztellClient({ accessToken: TOKEN, appId: APP, appIntegrationId: APP_INTEGRATION, channelId: CHANNEL, signature: SIGNATURE, wabaId: WABA, phoneNumberId: PHONE, baseUrl, sleep: async () => {}, ...options });
}
const rejected = (promise) => promise.then((value) => ({ resolved: value }), (error) => error);
const signed = (call) => call.payload === PAYLOAD && call.signedContext === `${SIGNATURE}.${btoa(PAYLOAD)}`;

export const woztellCases = {
  "general APIs: WABA info, business profile get/update, display-name status (token and signed context), media id": async (api, baseUrl) => {
    const wz = await remote(baseUrl);
    const c = client(api, baseUrl);
    check((await c.getWabaInfo()).result.wabaId === WABA, "waba info by channel");
    check((await c.getWabaInfo({ wabaId: WABA })).ok === 1, "waba info by WABA");
    check((await c.getBusinessProfile()).data.vertical === "PROF_SERVICES", "profile");
    check((await c.updateBusinessProfile({ profile: { about: "This is the about text.", websites: ["https://woztell.com/blog/", "https://woztell.com/pricing/"], vertical: "PROF_SERVICES" } })).ok === 1, "update");
    check((await c.getDisplayNameStatus()).data.quality_rating === "GREEN", "display name");
    const media = await c.uploadMedia({ type: "image", url: "https://example.com/a.jpg" });
    check(media.mediaId === "5770270532993662" && media.fileType === "image", "media", media);
    const calls = await wz.received();
    check(calls.map((x) => `${x.method} ${x.path}`).join() === [`GET ${A}/waba-info`, `GET ${A}/waba-info`, `GET ${A}/whatsapp-business-profile`, `PATCH ${A}/whatsapp-business-profile`, `GET ${A}/whatsapp-displayname-status`, `PUT ${A}/media-id`].join(), "calls", calls.map((x) => `${x.method} ${x.path}`));
    check(calls[0].query.channelId === CHANNEL && calls[1].query.wabaId === WABA && calls[1].query.channelId === undefined, "selectors", calls.map((x) => x.query));
    // Default accessTokenIn "body": the token rides in the body where there is one, the query only on GETs.
    check(calls.every((x) => (x.method === "GET") === (x.query.accessToken === TOKEN)), "token in the query of GETs only", calls.map((x) => [x.method, x.query]));
    check(JSON.parse(calls[5].body).accessToken === TOKEN, "token in the media body", calls[5].body);
    check(!signed(calls[0]) && signed(calls[4]), "signed context only where documented", calls[4]);
    const update = JSON.parse(calls[3].body);
    check(update.accessToken === TOKEN && update.phoneNumberId === PHONE && update.profile.messaging_product === "whatsapp", "profile body", update);
  },
  "signed-context APIs: conversation analytics, catalogs, products, business encryption get/set": async (api, baseUrl) => {
    const wz = await remote(baseUrl);
    const c = client(api, baseUrl);
    const analytics = await c.getConversationAnalytics({ from: 1672675200, to: 1672761600, granularity: "DAILY", numbers: ["14132521446"], metric_types: ["CONVERSATION", "COST"], dimensions: ["country"] });
    check(analytics.conversationAnalytics.data_points[0].country === "HK", "analytics", analytics);
    check((await c.listCatalogs()).data[0].name === "test_products", "catalogs");
    check((await c.listProducts("1234577510532066")).data[0].retailer_id === "a6y7a9y6f0", "products");
    check((await c.setEncryptionKey(PEM)).ok === 1, "set key");
    check((await c.getEncryptionKey()).data[0].business_public_key_signature_status === "VALID", "get key");
    const calls = await wz.received();
    check(calls.every(signed) && calls.every((x) => x.query.accessToken === undefined), "signed, no token", calls);
    check(calls[0].query.numbers === '["14132521446"]' && calls[0].query.dimensions === '["country"]', "lists as JSON arrays", calls[0].query);
    check(calls[2].query.catalogId === "1234577510532066" && JSON.parse(calls[3].body).publicKey === PEM, "products and key", calls);
  },
  "message templates: list, create (legacy category), edit, delete with a body": async (api, baseUrl) => {
    const wz = await remote(baseUrl);
    const c = client(api, baseUrl);
    const list = await c.listTemplates({ first: 10, after: "MAZDZD", status: ["APPROVED"], category: ["TRANSACTIONAL"], language: ["en_US"], name: "flight" });
    check(list.data[0].name === "sample_flight_confirmation" && list.paging.hasNext === true, "list", list);
    const created = await c.createTemplate({ name: "test_template", language: "en_US", category: "MARKETING", components: [{ type: "BODY", text: "Hi there! Are you interested in our latest promotional sale?" }, { type: "HEADER", format: "IMAGE", example: { header_handle: ["https://example.com/a.jpg"] } }] });
    check(created.id === "516723536625510", "create", created);
    const otp = await c.createTemplate({ name: "test_template", language: "en_US", category: "TRANSACTIONAL", components: [{ type: "BODY", text: "hello {{1}} this is body template", example: { body_text: [["Test"]] } }, { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "yes" }, { type: "QUICK_REPLY", text: "no" }] }] });
    check(otp.ok === 1, "TRANSACTIONAL is checked as UTILITY");
    check((await c.editTemplate({ messageTemplateName: "test_template", messageTemplateLanguage: "en_US", messageTemplateId: "1748340935544945", components: [{ type: "BODY", text: "Winter's coming, it's time to check out our latest winter collection!" }] })).success === true, "edit");
    check((await c.deleteTemplate({ name: "test_template" })).success === true, "delete");
    const calls = await wz.received();
    check(calls.map((x) => x.method).join() === "GET,PUT,PUT,PATCH,DELETE" && calls.slice(1).every((x) => x.path === `${A}/whatsapp-message-template`), "methods", calls);
    check(calls[0].query.status === '["APPROVED"]' && calls[0].query.first === "10" && calls[0].query.wabaId === WABA, "list query", calls[0].query);
    check(JSON.parse(calls[4].body).wabaId === WABA && JSON.parse(calls[4].body).name === "test_template", "delete body", calls[4].body);
  },
  "flows: list, screen payload, preview, detail, create, metadata, JSON, delete, publish, deprecate": async (api, baseUrl) => {
    const wz = await remote(baseUrl);
    const c = client(api, baseUrl);
    check((await c.listFlows({ limit: 10 })).data[0].value === "885692686603466", "list");
    check((await c.getFlowScreenPayload("1332875717353551")).payload.id === "screen_with_data", "screen payload");
    check((await c.getFlowPreview("994520121646941")).data.preview_url.startsWith("https://"), "preview");
    check((await c.getFlow("678952344393952")).json_version === "3.1", "detail");
    check((await c.createFlow({ name: "Test Flow 2", categories: ["SURVEY"], clone_flow_id: "368669698913502", endpoint_url: "https://example.com/flow" })).id === "1557286081777970", "create");
    check((await c.updateFlowMetadata("1005133727262236", { name: "Test Flow ABC", endpoint_url: "https://example.com/flow" })).success, "metadata");
    check((await c.uploadFlowJson("910367050421850", FLOW)).validation_errors.length === 0, "json");
    for (const [method, id] of [["deleteFlow", "913687770028833"], ["publishFlow", "913687770028834"], ["deprecateFlow", "913687770028835"]]) check((await c[method](id)).success, method);
    const calls = await wz.received();
    check(calls.map((x) => `${x.method} ${x.path.slice(A.length)}`).join() === "GET /flow,GET /flow-screen-payload,GET /flow-preview,GET /flow-detail,PUT /create-flow,PATCH /flow-metadata,PATCH /flow-json,DELETE /flow,POST /publish-flow,POST /deprecate-flow", "calls", calls.map((x) => x.path));
    check(calls.every(signed) && calls.every((x) => x.query.accessToken === undefined && !x.body.includes(TOKEN)), "signed only", calls);
    check(JSON.parse(calls[4].body).data.categories[0] === "SURVEY" && JSON.parse(calls[5].body).data.name === "Test Flow ABC" && JSON.parse(calls[6].body).data.screens[0].id === "PREFERENCES", "bodies", calls.map((x) => x.body));
  },
  "local checks reject before sending: Flow JSON, templates, limits, keys, missing auth": async (api, baseUrl) => {
    const wz = await remote(baseUrl);
    const c = client(api, baseUrl);
    const cases = [
      [c.uploadFlowJson("910367050421850", { version: "3.1", screens: [] }), (i) => i.code.startsWith("flow.")],
      [c.createTemplate({ name: "Test Template", language: "en_US", category: "TRANSACTIONAL", components: [{ type: "BODY", text: "hello {{2}}" }] }), (i) => i.code.startsWith("template.")],
      [c.createTemplate({ name: "t", language: "en_US", category: "TICKET_UPDATE", components: [{ type: "BODY", text: "Hi" }] }), (i) => i.code === "woztell.value_invalid" && i.path === "/category"],
      [c.editTemplate({ messageTemplateName: "t", messageTemplateLanguage: "en_US", messageTemplateId: "1", components: [{ type: "BODY", text: "" }] }), (i) => i.code.startsWith("template.")],
      [c.listTemplates({ first: 101 }), (i) => i.code === "woztell.count_out_of_range" && i.path === "/first"],
      [c.listFlows({}), (i) => i.code === "missing" && i.path === "/limit"],
      [c.getConversationAnalytics({ from: 2, to: 1, granularity: "WEEKLY" }), (i) => ["woztell.range_invalid", "woztell.value_invalid"].includes(i.code)],
      [c.updateBusinessProfile({ profile: { websites: ["https://a", "https://b", "https://c"] } }), (i) => i.code === "woztell.count_out_of_range" && i.path === "/profile/websites"],
      [c.uploadMedia({ type: "sticker", url: "ftp://x" }), (i) => i.code === "woztell.value_invalid"],
      [c.createFlow({ name: "x", categories: ["GAMES"] }), (i) => i.path === "/categories/0"],
      [c.setEncryptionKey("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----"), (i) => i.code === "woztell.public_key_invalid"],
    ];
    for (const [promise, expected] of cases) {
      const error = await rejected(promise);
      check(error.code === "validation_failed" && error.issues.length > 0 && error.issues.every(expected), "finding", { code: error.code, message: error.message, issues: error.issues });
    }
    const tokenOnly = new api.WoztellClient({ accessToken: TOKEN, baseUrl });
    const needsSigned = await rejected(tokenOnly.listCatalogs());
    check(needsSigned.code === "invalid_argument" && /signed context/.test(needsSigned.message), "signed needed", needsSigned.message);
    check((await wz.received()).length === 0, "nothing sent", await wz.received());
  },
  "accessTokenIn: query only, body where there is one (default), or both": async (api, baseUrl) => {
    const wz = await remote(baseUrl);
    await client(api, baseUrl, { accessTokenIn: "query" }).deleteTemplate({ name: "a" });
    await client(api, baseUrl, { accessTokenIn: "body" }).deleteTemplate({ name: "a" });
    await client(api, baseUrl).deleteTemplate({ name: "a" });
    await client(api, baseUrl, { accessTokenIn: "both" }).deleteTemplate({ name: "a" });
    await client(api, baseUrl).getBusinessProfile();
    const [query, inBody, byDefault, both, get] = await wz.received();
    check(query.query.accessToken === TOKEN && JSON.parse(query.body).accessToken === undefined, "query", query);
    check(inBody.query.accessToken === undefined && JSON.parse(inBody.body).accessToken === TOKEN, "body", inBody);
    check(byDefault.query.accessToken === undefined && JSON.parse(byDefault.body).accessToken === TOKEN, "default", byDefault);
    check(both.query.accessToken === TOKEN && JSON.parse(both.body).accessToken === TOKEN, "both", both);
    check(get.method === "GET" && get.query.accessToken === TOKEN, "a GET carries it in the query", get);
  },
  "errors: non-2xx and ok:0 answers reject; secrets never appear, even when echoed": async (api, baseUrl) => {
    const wz = await remote(baseUrl);
    const wrong = await rejected(client(api, baseUrl, { accessToken: "wzt-wrong-token-000000000" }).getBusinessProfile());
    check(wrong.code === "auth_failed" && wrong.status === 401, "401", wrong.code);
    await wz.fail({ raw: { ok: 0, err: `Invalid wabaId for ${TOKEN}` } });
    const notOk = await rejected(client(api, baseUrl).getWabaInfo());
    check(notOk.code === "invalid_request" && notOk.message.startsWith('Woztell answered without "ok": 1: Invalid wabaId'), "ok:0", notOk.message);
    await wz.fail({ status: 500, body: { ok: 0, err: `signature ${SIGNATURE} token ${TOKEN}` } });
    const echoed = await rejected(client(api, baseUrl, { retry: { maxRetries: 0 } }).getDisplayNameStatus());
    check(echoed.code === "server_error", "500", echoed.code);
    await wz.fail({ raw: { ok: 0 } });
    const loose = await client(api, baseUrl, { requireOk: false }).listCatalogs();
    check(loose.ok === 0, "requireOk: false resolves", loose);
    for (const error of [wrong, notOk, echoed]) {
      for (const text of [String(error), error.message, JSON.stringify({ ...error })]) check(!text.includes(TOKEN) && !text.includes(SIGNATURE) && !text.includes(encodeURIComponent(SIGNATURE)), "secret leaked", text);
    }
    const unknown = await rejected(Promise.resolve().then(() => new api.WoztellClient({ accessToken: TOKEN, colour: "red" })));
    check(unknown.code === "invalid_argument" && /unknown option colour/.test(unknown.message), "unknown option", unknown.message);
  },
};
