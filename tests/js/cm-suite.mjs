// CmClient cases written once and run in Node and workerd against the fake
// CallMissed API (tests/js/fake-cm.mjs), steered and inspected over HTTP
// (/__reset, /__mode, /__fail, /__received). Every endpoint of seed 002 is
// called here; local rejections must send nothing. No Node APIs here.
import { check, remote } from "./cases.mjs";
export const KEY = "cm_live_test0123456789secretKEY";
export const READ_ONLY_KEY = "cm_live_readonly0123456789secret";
export const JWT = "eyJhbGciOiJIUzI1NiJ9.dashboard.session0123456789";
export const PHONE_ID = "5f0c6a1e-8a7b-4c2d-9e3f-0a1b2c3d4e5f";
export const BOT_ID = "0e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b";
export const TEMPLATE_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
const CAMPAIGN_ID = "c0ffee00-0000-4000-8000-000000000001";
export const META_TOKEN = "EAAGmanual0123456789systemUSERtoken";
const P = "/api/v1/whatsapp";

function client(api, baseUrl, options = {}) {
  return new api.CmClient({ apiKey: KEY, baseUrl, phoneId: PHONE_ID, sleep: async () => {}, ...options });
}
const rejected = (promise) => promise.then((value) => ({ resolved: value }), (error) => error);
const body = (call) => JSON.parse(call.body);

export const cmCases = {
  "onboarding: embedded-signup exchange and manual connection (JWT only; the Meta token never in an error)": async (api, baseUrl) => {
    const cm = await remote(baseUrl);
    const exchanged = await client(api, baseUrl).exchangeSignupCode({ code: "AQD-code", waba_id: "102290129340398", phone_number_id: "106540352242922", data_localization_region: "DE" });
    check(exchanged.fully_provisioned === true && exchanged.account.waba_id === "102290129340398", "exchange", exchanged);
    const manual = { waba_id: "102290129340398", phone_number_id: "106540352242922", access_token: META_TOKEN };
    const connected = await client(api, baseUrl, { apiKey: JWT }).connectManually(manual);
    check(connected.onboarding_error === "registration pending", "manual", connected);
    const refused = await rejected(client(api, baseUrl).connectManually(manual));
    check(refused.code === "permission_denied" && refused.status === 403 && /JWT/.test(refused.message), "an API key is refused", { ...refused, message: refused.message });
    await cm.fail({ status: 400, body: { detail: `bad token ${META_TOKEN} for ${JWT}` } });
    const echoed = await rejected(client(api, baseUrl, { apiKey: JWT }).connectManually(manual));
    for (const text of [echoed.message, String(echoed), JSON.stringify({ ...echoed })]) check(!text.includes(META_TOKEN) && !text.includes(JWT), "secret leaked", text);
    const short = await rejected(client(api, baseUrl).exchangeSignupCode({ code: "", phone_number_id: "1", data_localization_region: "DEU" }));
    check(short.code === "validation_failed" && short.issues.map((i) => `${i.code} ${i.path}`).join() === "cm.length_out_of_range /code,missing /waba_id,cm.length_out_of_range /data_localization_region", "exchange findings", short.issues);
    const calls = await cm.received();
    check(calls.length === 4 && calls[0].path === `${P}/onboarding/exchange` && calls[1].path === `${P}/onboarding/manual` && calls[1].authorization === `Bearer ${JWT}`, "paths", calls);
  },
  "accounts, phone numbers, link-bot and autoreply": async (api, baseUrl) => {
    const cm = await remote(baseUrl);
    const c = client(api, baseUrl);
    check((await c.listAccounts())[0].waba_id === "102290129340398", "accounts");
    check((await c.listPhoneNumbers())[0].id === PHONE_ID, "numbers");
    check((await c.linkBot(PHONE_ID, BOT_ID)).bot_id === BOT_ID, "link");
    check((await c.linkBot(PHONE_ID, null)).bot_id === null, "unlink");
    check((await c.setAutoreply(PHONE_ID, true)).ai_autoreply_enabled === true, "autoreply");
    const calls = await cm.received();
    check(calls.map((x) => `${x.method} ${x.path}`).join() === `GET ${P}/accounts,GET ${P}/phone_numbers,POST ${P}/phone_numbers/${PHONE_ID}/link-bot,POST ${P}/phone_numbers/${PHONE_ID}/link-bot,POST ${P}/phone_numbers/${PHONE_ID}/autoreply`, "calls", calls);
    check(calls[3].body === '{"bot_id":null}' && calls[4].body === '{"enabled":true}', "bodies", calls);
    const bad = await rejected(c.linkBot("not-a-uuid", BOT_ID));
    check(bad.code === "invalid_argument" && (await cm.received()).length === 5, "a bad id sends nothing", bad.code);
  },
  "messages: text, template (the shared sendTemplate), media, interactive, mark read": async (api, baseUrl) => {
    const cm = await remote(baseUrl);
    const c = client(api, baseUrl);
    const text = await c.sendText({ to: "1 415 555 2671", text: "Your order shipped", preview_url: false });
    check(text.wamid === "wamid.FAKE1" && text.contacts[0].input === "+14155552671", "text", text);
    const template = { name: "order_update", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "Ana" }, { type: "text", text: "A12" }] }] };
    const definition = { name: "order_update", language: "en_US", category: "UTILITY", components: [{ type: "BODY", text: "Hi {{1}}, your order {{2}} has shipped.", example: { body_text: [["Ana", "A12"]] } }] };
    check((await c.sendTemplate("+14155552671", template, { definition, phoneNumberId: "106540352242922" })).wamid === "wamid.FAKE1", "template");
    check((await c.sendMedia({ to: "+14155552671", kind: "document", link: "https://example.com/a.pdf", caption: "Invoice", filename: "a.pdf" })).wamid, "media");
    check((await c.sendInteractive({ to: "+14155552671", interactive_type: "button", body_text: "Pick", buttons: [{ id: "y", title: "Yes" }, { id: "n", title: "No" }] })).wamid, "buttons");
    check((await c.sendInteractive({ to: "+14155552671", interactive_type: "list", body_text: "Pick", button_text: "Options", sections: [{ title: "S", rows: [{ id: "1", title: "One", description: "The first" }] }] })).wamid, "list");
    check((await c.sendInteractive({ to: "+14155552671", interactive_type: "cta_url", body_text: "Track", button_text: "Open", button_url: "https://example.com/t" })).wamid, "cta");
    check((await c.sendInteractive({ to: "+14155552671", interactive_type: "flow", body_text: "Survey", flow_cta: "Start", flow_id: "123", flow_action: "navigate", flow_action_payload: { screen: "START" } })).wamid, "flow");
    check((await c.markAsRead("wamid.HBgL=", { typing: true })).success === true, "read");
    const calls = await cm.received();
    check(calls.map((x) => x.path).join() === [`${P}/messages`, `${P}/messages/template`, `${P}/messages/media`, ...Array(4).fill(`${P}/messages/interactive`), `${P}/messages/wamid.HBgL%3D/read`].join(), "paths", calls.map((x) => x.path));
    check(body(calls[0]).phone_id === PHONE_ID && body(calls[0]).to === "+14155552671", "selector and E.164", calls[0].body);
    const sentTemplate = body(calls[1]);
    check(sentTemplate.phone_number_id === "106540352242922" && sentTemplate.phone_id === undefined && sentTemplate.template_name === "order_update" && sentTemplate.language_code === "en_US" && sentTemplate.components[0].parameters.length === 2, "template body", sentTemplate);
    check(body(calls[7]).typing_indicator === true, "typing", calls[7].body);
  },
  "local checks reject before sending: bad numbers, limits, variants, a send that does not match its definition": async (api, baseUrl) => {
    const cm = await remote(baseUrl);
    const c = client(api, baseUrl);
    const cases = [
      [c.sendText({ to: "+1 415", text: "hi" }), (i) => i.path === "/to"],
      [c.sendText({ to: "+14155552671", text: "x".repeat(65537) }), (i) => i.code === "cm.length_out_of_range" && i.path === "/text"],
      [c.sendMedia({ to: "+14155552671", kind: "gif", media_id: "1", link: "https://x" }), (i) => i.code === "cm.value_invalid" || i.code === "cm.one_of"],
      [c.sendInteractive({ to: "+14155552671", interactive_type: "button", body_text: "Pick", buttons: [1, 2, 3, 4].map((n) => ({ id: `${n}`, title: `B${n}` })) }), (i) => i.code === "cm.count_out_of_range" && i.path === "/buttons"],
      [c.sendInteractive({ to: "+14155552671", interactive_type: "list", body_text: "Pick", button_text: "Options", sections: [{ rows: [{ id: "1", title: "x".repeat(25) }] }] }), (i) => i.path === "/sections/0/rows/0/title"],
      [c.sendTemplate("+14155552671", { name: "order_update", language: { code: "en_US" } }, { definition: { name: "order_update", language: "en_US", category: "UTILITY", components: [{ type: "BODY", text: "Hi {{1}}", example: { body_text: [["Ana"]] } }] } }), () => true],
      [c.getTimeseries({ days: 91 }), (i) => i.code === "cm.days_out_of_range" && i.path === "/days"],
      [c.getFunnel({ days: 0 }), (i) => i.code === "cm.days_out_of_range"],
      [c.listTemplates({ limit: 501 }), (i) => i.code === "cm.count_out_of_range" && i.path === "/limit"],
      [c.createTemplate({ waba_id: "1", account_id: "2", name: "Order Update", category: "UTILITY", language: "en_US", components: [] }), (i) => i.code === "cm.one_of" || i.code.startsWith("template.")],
      [c.addCampaignRecipients(CAMPAIGN_ID, [{ to_phone: "+1415" }]), (i) => i.path === "/0/to_phone"],
      [c.uploadMedia(new Uint8Array(3), { type: "image/png", phoneId: "nope" }), (i) => i.code === "cm.uuid_invalid"],
    ];
    for (const [promise, expected] of cases) {
      const error = await rejected(promise);
      check(error.code === "validation_failed" && error.issues.length > 0 && error.issues.every(expected), "finding", { code: error.code, issues: error.issues });
    }
    check((await cm.received()).length === 0, "nothing sent", await cm.received());
  },
  "media upload (multipart, ≤ 100 MB) and templates: list, create, sync, delete (204)": async (api, baseUrl) => {
    const cm = await remote(baseUrl);
    const c = client(api, baseUrl);
    const uploaded = await c.uploadMedia(new Blob([new Uint8Array([1, 2, 3, 4])], { type: "image/jpeg" }), { filename: "a.jpg" });
    check(uploaded.media_id === "media-4" && uploaded.mime_type === "image/jpeg" && uploaded.size_bytes === 4, "upload", uploaded);
    check((await c.listTemplates({ waba_id: "102290129340398", status: "APPROVED", limit: 50 }))[0].id === TEMPLATE_ID, "list");
    const created = await c.createTemplate({ waba_id: "102290129340398", name: "order_update", category: "UTILITY", language: "en_US", components: [{ type: "BODY", text: "Your order has shipped." }] });
    check(created.status === "PENDING" && created.template_id === TEMPLATE_ID, "create", created);
    check((await c.syncTemplates({ waba_id: "102290129340398" })).fetched === 3, "sync");
    const deleted = await c.deleteTemplate(TEMPLATE_ID);
    check(deleted && Object.keys(deleted).length === 0, "204 resolves to {}", deleted);
    const calls = await cm.received();
    check(calls[0].path === `${P}/media` && calls[0].contentType.startsWith("multipart/form-data; boundary="), "multipart", calls[0]);
    check(calls[1].query.limit === "50" && calls[1].query.status === "APPROVED", "filters", calls[1].query);
    check(calls[4].method === "DELETE" && calls[4].path === `${P}/templates/${TEMPLATE_ID}`, "delete", calls[4]);
    const missing = await rejected(c.deleteTemplate("9a8b7c6d-5e4f-4a3b-8c2d-000000000000"));
    check(missing.code === "not_found" && missing.status === 404 && /Template not found/.test(missing.message), "404", missing.code);
  },
  "campaigns: list, create (201), recipients, launch (409 without recipients)": async (api, baseUrl) => {
    const cm = await remote(baseUrl);
    const c = client(api, baseUrl);
    check((await c.listCampaigns({ limit: 10 }))[0].status === "draft", "list");
    const created = await c.createCampaign({ name: "Spring", template_name: "sale", template_language: "en", scheduled_at: "2026-12-01T10:00:00Z" });
    check(created.status === "draft", "create", created);
    const early = await rejected(c.launchCampaign(CAMPAIGN_ID));
    check(early.code === "invalid_request" && early.status === 409 && /no recipients/.test(early.message), "409", early.code);
    check((await c.addCampaignRecipients(CAMPAIGN_ID, [{ to_phone: "14155552671", variables: { 1: "Ana" } }])).added === 1, "recipients");
    check((await c.launchCampaign(CAMPAIGN_ID)).status === "running", "launch");
    const calls = await cm.received();
    check(body(calls[1]).phone_number_id === PHONE_ID, "campaign number is the CallMissed UUID", calls[1].body);
    check(body(calls[3]).recipients[0].to_phone === "+14155552671", "E.164 recipients", calls[3].body);
  },
  "analytics: funnel, timeseries, costs with days": async (api, baseUrl) => {
    const cm = await remote(baseUrl);
    const c = client(api, baseUrl);
    check((await c.getFunnel()).days === 7, "funnel default");
    check((await c.getTimeseries({ days: 90 })).points.length === 1, "timeseries");
    check((await c.getCosts({ days: 1 })).total_credits === 12, "costs");
    const calls = await cm.received();
    check(calls.map((x) => `${x.path}?${new URLSearchParams(x.query)}`).join() === `${P}/analytics/funnel?,${P}/analytics/timeseries?days=90,${P}/analytics/costs?days=1`, "queries", calls);
  },
  "a missing scope is named; 401, 422 details, 429 with Retry-After and the platform error envelope are mapped": async (api, baseUrl) => {
    const cm = await remote(baseUrl);
    const readOnly = client(api, baseUrl, { apiKey: READ_ONLY_KEY });
    const scope = await rejected(readOnly.sendText({ to: "+14155552671", text: "hi" }));
    check(scope.code === "permission_denied" && scope.status === 403 && scope.message.includes("missing required scope: whatsapp:send") && scope.message.includes("needs an API key with the whatsapp:send scope"), "scope", scope.message);
    const write = await rejected(readOnly.syncTemplates({ waba_id: "1" }));
    check(write.message.includes("whatsapp:write"), "write scope", write.message);
    const unknown = await rejected(client(api, baseUrl, { apiKey: "cm_live_wrong0123456789" }).listAccounts());
    check(unknown.code === "auth_failed" && unknown.status === 401 && !unknown.message.includes("cm_live_wrong0123456789"), "401", unknown.message);
    await cm.fail({ status: 422, body: { detail: [{ type: "missing", loc: ["body", "to"], msg: "Field required", input: {} }] } });
    const invalid = await rejected(client(api, baseUrl).sendText({ to: "+14155552671", text: "hi" }));
    check(invalid.code === "invalid_request" && invalid.message === "HTTP 422: body.to: Field required", "422", invalid.message);
    await cm.fail({ status: 429, headers: { "retry-after": "2" }, body: { detail: "Rate limit exceeded" } });
    const slept = [];
    const listed = await client(api, baseUrl, { sleep: async (ms) => void slept.push(ms) }).listAccounts();
    check(listed.length === 1 && slept[0] === 2000, "retried after Retry-After", slept);
    await cm.fail({ status: 402, body: { error: { code: "insufficient_credits", message: "Top up to send", type: "billing" } } });
    const credits = await rejected(client(api, baseUrl).sendText({ to: "+14155552671", text: "hi" }));
    check(credits.status === 402 && credits.message === "HTTP 402: insufficient_credits Top up to send", "platform envelope", credits.message);
  },
  "Idempotency-Key: a send is repeated safely and retried after a 503": async (api, baseUrl) => {
    const cm = await remote(baseUrl);
    const c = client(api, baseUrl);
    const message = { to: "+14155552671", text: "Once" };
    await cm.fail({ status: 503, body: { detail: "Upstream unavailable" } });
    const first = await c.sendText(message, { idempotencyKey: "order-42" });
    const again = await c.sendText(message, { idempotencyKey: "order-42" });
    check(first.wamid === again.wamid, "same answer", [first, again]);
    const calls = await cm.received();
    check(calls.length === 3 && calls.every((x) => x.idempotencyKey === "order-42"), "retried with its key", calls);
    const unkeyed = await cm.fail({ status: 503, body: { detail: "Upstream unavailable" } }).then(() => rejected(c.sendText(message)));
    check(unkeyed.code === "server_error" && (await cm.received()).length === 4, "an unkeyed send is not retried", unkeyed.code);
  },
  "fieldAliases send the seed document's older names": async (api, baseUrl) => {
    const cm = await remote(baseUrl, { seedNames: true });
    const c = client(api, baseUrl, { fieldAliases: { template_name: "template", language_code: "language" } });
    check((await c.sendTemplate("+14155552671", { name: "hello_world", language: { code: "en_US" } })).wamid, "sent");
    const [call] = await cm.received();
    check(body(call).template === "hello_world" && body(call).language === "en_US" && body(call).template_name === undefined, "renamed", call.body);
  },
};
