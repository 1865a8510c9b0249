// A fake Woztell WhatsApp Cloud Public Integration API (/v1.2/api/*) on
// 127.0.0.1, strict as seed 003 and PROVIDERS.md §3: per endpoint the auth it
// documents (the `accessToken` query parameter or body field; the
// X-Woztell-Payload + X-Woztell-SignedContext headers, checked as
// `<signature>.<base64 of the payload>` with the ids inside; a token sent to
// a signed-only endpoint is refused), methods (PUT/PATCH/DELETE with JSON
// bodies), required fields and limits, `ok: 1` answers and `{ ok: 0, err }`
// errors (the fake's own convention: Woztell publishes none). Test control:
// /__fail, /__received, /__reset (plumbing: fake-server.mjs).
import { startFake } from "./fake-server.mjs";

import { TOKEN, APP, APP_INTEGRATION, CHANNEL, SIGNATURE, WABA, PHONE } from "./woztell-suite.mjs";

export { TOKEN, APP, APP_INTEGRATION, CHANNEL, SIGNATURE, WABA, PHONE };
export const VERSION = "v1.2";

const bad = (err) => [400, { ok: 0, err }];
const ok = (fields = {}) => [200, { ok: 1, ...fields }];
const paging = { cursors: { before: "QVFIUjNtVGts", after: "QVFIUmRwOElZ" }, hasNext: false, hasPrevious: false };
const FLOW_CATEGORIES = ["SIGN_UP", "SIGN_IN", "APPOINTMENT_BOOKING", "LEAD_GENERATION", "CONTACT_US", "CUSTOMER_SUPPORT", "SURVEY", "OTHER"];
/** A query parameter holding a JSON array (`status=["APPROVED"]`), or undefined when absent; throws when malformed. */
const list = (url, key) => {
  const value = url.searchParams.get(key);
  if (value === null) return undefined;
  const parsed = JSON.parse(value);
  if (!Array.isArray(parsed)) throw new Error(`${key} must be an array`);
  return parsed;
};
const needs = (object, keys) => keys.find((key) => object[key] === undefined || object[key] === "");

/** [method, path, auth ("token" | "signed" | "both"), handler(body, url) → [status, body]] */
const routes = [
  ["GET", "waba-info", "token", (_, url) =>
    url.searchParams.has("channelId") === url.searchParams.has("wabaId") ? bad("either channelId or wabaId is required")
      : ok({ result: { waId: "11111111111", phoneNumberId: PHONE, wabaId: WABA, name: "My Business", phoneNumber: "85212345678", phoneNumberCC: "1", formattedPhoneNumber: "+1 111-111-1111", namespace: "2dwsa4_e24e", embeddedSignup: true } })],
  ["GET", "whatsapp-business-profile", "token", (_, url) =>
    url.searchParams.get("phoneNumberId") !== PHONE ? bad("phoneNumberId is required") : ok({ data: { about: "Hello this is John!", websites: ["https://woztell.com/"], vertical: "PROF_SERVICES", messaging_product: "whatsapp" } })],
  ["GET", "whatsapp-displayname-status", "both", (_, url) =>
    url.searchParams.get("phoneNumberId") !== PHONE ? bad("phoneNumberId is required") : ok({ data: { account_mode: "LIVE", verified_name: "WozTell Test", quality_rating: "GREEN", messaging_limit_tier: "TIER_1K", id: PHONE } })],
  ["PATCH", "whatsapp-business-profile", "token", (b) => {
    if (b.phoneNumberId !== PHONE || typeof b.profile !== "object") return bad("phoneNumberId and profile are required");
    if (b.profile.messaging_product !== "whatsapp") return bad("profile.messaging_product must be whatsapp");
    if ((b.profile.websites ?? []).length > 2) return bad("2 websites max");
    return ok();
  }],
  ["PUT", "media-id", "token", (b) =>
    needs(b, ["phoneNumberId", "type", "url"]) ? bad("phoneNumberId, type and url are required")
      : !["image", "audio", "video", "file"].includes(b.type) ? bad("type must be image, audio, video or file") : ok({ mediaId: "5770270532993662", fileType: b.type })],
  ["GET", "conversation-analytics", "signed", (_, url) => {
    const [from, to] = ["from", "to"].map((k) => Number(url.searchParams.get(k)));
    if (!Number.isInteger(from) || !Number.isInteger(to) || !["HALF_HOUR", "DAILY", "MONTHLY"].includes(url.searchParams.get("granularity"))) return bad("from, to and granularity are required");
    for (const key of ["numbers", "metric_types", "conversation_types", "conversation_directions", "dimensions"]) list(url, key);
    return ok({ conversationAnalytics: { data_points: [{ start: from, end: to, conversation: 1, phone_number: "14132521446", country: "HK", conversation_type: "FREE_TIER", conversation_direction: "USER_INITIATED", cost: 0 }] } });
  }],
  ["GET", "catalogs", "signed", () => ok({ data: [{ id: "1234577510532066", name: "test_products" }], paging: { hasPrevious: false, hasNext: false } })],
  ["GET", "products", "signed", (_, url) =>
    !url.searchParams.get("catalogId") ? bad("catalogId is required") : ok({ data: [{ name: "Test Product 1", price: "HK$900.00", retailer_id: "a6y7a9y6f0", id: "25233996219581593" }], paging })],
  ["GET", "whatsapp-message-templates", "token", (_, url) => {
    const first = Number(url.searchParams.get("first"));
    if (url.searchParams.get("wabaId") !== WABA || !Number.isInteger(first) || first < 1 || first > 100) return bad("wabaId and first (max 100) are required");
    if (url.searchParams.has("after") && url.searchParams.has("before")) return bad("either after or before");
    const status = list(url, "status");
    list(url, "category");
    list(url, "language");
    return ok({ data: [{ id: "363730401994967", name: "sample_flight_confirmation", category: "TICKET_UPDATE", languages: ["en_US"], statuses: [{ language: "en_US", status: status?.[0] ?? "APPROVED" }] }], paging: { ...paging, hasNext: true } });
  }],
  ["PUT", "whatsapp-message-template", "token", (b) =>
    needs(b, ["wabaId", "name", "language", "category", "components"]) ? bad("wabaId, name, language, category and components are required")
      : !["TRANSACTIONAL", "MARKETING", "OTP"].includes(b.category) ? bad("category must be TRANSACTIONAL, MARKETING or OTP")
      : !Array.isArray(b.components) ? bad("components must be an array") : ok({ id: "516723536625510", language: b.language })],
  ["PATCH", "whatsapp-message-template", "token", (b) =>
    needs(b, ["wabaId", "messageTemplateName", "messageTemplateLanguage", "messageTemplateId", "components"]) ? bad("wabaId, messageTemplateName, messageTemplateLanguage, messageTemplateId and components are required") : ok({ success: true })],
  ["DELETE", "whatsapp-message-template", "token", (b) => (needs(b, ["wabaId", "name"]) ? bad("wabaId and name are required") : ok({ success: true }))],
  ["GET", "flow", "signed", (_, url) =>
    !Number.isInteger(Number(url.searchParams.get("limit") ?? "x")) ? bad("limit is required")
      : ok({ data: [{ label: "TEST FLOW (DRAFT)", value: "885692686603466", status: "draft", assets: [], triggerMatchingObject: null }], paging })],
  ["GET", "flow-screen-payload", "signed", (_, url) => (!url.searchParams.get("flowId") ? bad("flowId is required") : ok({ payload: { id: "screen_with_data", screens: [] } }))],
  ["GET", "flow-preview", "signed", (_, url) => (!url.searchParams.get("flowId") ? bad("flowId is required") : ok({ data: { preview_url: "https://business.facebook.com/wa/manage/flows/1/preview/", expires_at: "2024-03-06T03:46:30+0000" } }))],
  ["GET", "flow-detail", "signed", (_, url) => (!url.searchParams.get("flowId") ? bad("flowId is required") : ok({ id: url.searchParams.get("flowId"), name: "Test Flow 2", categories: ["OTHER"], status: "DRAFT", validation_errors: [], json_version: "3.1" }))],
  ["PUT", "create-flow", "signed", (b) =>
    typeof b.data !== "object" || !b.data.name || !Array.isArray(b.data.categories) || b.data.categories.length === 0 || !b.data.categories.every((c) => FLOW_CATEGORIES.includes(c))
      ? bad("data.name and data.categories are required") : ok({ id: "1557286081777970" })],
  ["PATCH", "flow-metadata", "signed", (b) => (!b.flowId || typeof b.data !== "object" ? bad("flowId and data are required") : ok({ success: true }))],
  ["PATCH", "flow-json", "signed", (b) =>
    !b.flowId || typeof b.data?.version !== "string" || !Array.isArray(b.data?.screens) ? bad("flowId and data {version, screens} are required") : ok({ success: true, validation_errors: [] })],
  ["DELETE", "flow", "signed", (b) => (!b.flowId ? bad("flowId is required") : ok({ success: true }))],
  ["POST", "publish-flow", "signed", (b) => (!b.flowId ? bad("flowId is required") : ok({ success: true }))],
  ["POST", "deprecate-flow", "signed", (b) => (!b.flowId ? bad("flowId is required") : ok({ success: true }))],
  ["POST", "whatsapp-business-encryption", "signed", (b) => (!/^-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----$/.test(b.publicKey ?? "") ? bad("publicKey is required") : ok())],
  ["GET", "whatsapp-business-encryption", "signed", () => ok({ data: [{ business_public_key: "-----BEGIN PUBLIC KEY-----\nABCD\n-----END PUBLIC KEY-----", business_public_key_signature_status: "VALID" }] })],
];

/** Whether the signed-context headers are the ones issued for this app, integration and channel. */
function signed(headers) {
  const payload = headers["x-woztell-payload"];
  const context = headers["x-woztell-signedcontext"];
  if (!payload || !context) return false;
  const dot = context.lastIndexOf(".");
  if (context.slice(0, dot) !== SIGNATURE || context.slice(dot + 1) !== Buffer.from(payload, "utf8").toString("base64")) return false;
  try {
    const ids = JSON.parse(payload);
    return JSON.stringify(ids) === payload && Object.keys(ids).join() === "app,appIntegration,channel" && ids.app === APP && ids.appIntegration === APP_INTEGRATION && ids.channel === CHANNEL;
  } catch {
    return false;
  }
}

/** Woztell's checks before the route's own: the route, a JSON body, then the auth the endpoint documents. */
function woztell(call, url) {
  call.body = {};
  const prefix = `/${VERSION}/api/`;
  const route = url.pathname.startsWith(prefix) && routes.find(([method, path]) => method === call.method && path === url.pathname.slice(prefix.length));
  if (!route) return [404, { ok: 0, err: `Cannot ${call.method} ${url.pathname}` }];
  if (call.text) {
    if (call.headers["content-type"] !== "application/json") return bad("Content-Type must be application/json");
    try {
      call.body = JSON.parse(call.text);
    } catch {
      return bad("body is not JSON");
    }
  }
  // The token may come as the query parameter, in the body, or both (then the same).
  const tokens = [url.searchParams.get("accessToken"), call.body.accessToken].filter((t) => t !== null && t !== undefined);
  const tokenOk = tokens.length > 0 && tokens.every((t) => t === TOKEN);
  const auth = route[2];
  if (auth === "signed" && tokens.length > 0) return bad("this API does not take an access token");
  if ((auth !== "signed" && !tokenOk) || (auth !== "token" && !signed(call.headers))) {
    return [401, { ok: 0, err: `Unauthorized (accessToken ${tokens.join(",")}, signedContext ${call.headers["x-woztell-signedcontext"] ?? ""})` }];
  }
  delete call.body.accessToken;
  try {
    return route[3](call.body, url);
  } catch (error) {
    return bad(String(error.message));
  }
}

export const startFakeWoztell = () => startFake(woztell, { faultBody: (fault) => ({ ok: 0, err: fault.message ?? "fault" }) });
