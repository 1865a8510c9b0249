// A fake CallMissed WhatsApp API (/api/v1/whatsapp/*) on 127.0.0.1, strict as
// its detailed reference (PROVIDERS.md §4): Bearer key with scopes
// (whatsapp:read/write/send; 403 naming the missing scope), the number
// selector, field names and limits (422 `detail` arrays for body errors),
// Idempotency-Key replay, 204 on delete, 201 on campaign create. Test control
// over HTTP: /__fail (queued faults), /__received, /__reset, /__mode
// ({ seedNames: true } accepts the seed document's older field names);
// plumbing: fake-server.mjs.
import { startFake, multipart } from "./fake-server.mjs";

import { KEY, READ_ONLY_KEY, JWT, PHONE_ID, BOT_ID, TEMPLATE_ID, META_TOKEN } from "./cm-suite.mjs";

export { KEY, READ_ONLY_KEY, JWT, PHONE_ID, BOT_ID, TEMPLATE_ID, META_TOKEN };
const SCOPES = { [KEY]: ["whatsapp:read", "whatsapp:write", "whatsapp:send"], [READ_ONLY_KEY]: ["whatsapp:read"] };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const E164 = /^\+[1-9]\d{4,18}$/;

/** A 422 body-validation error as the platform (FastAPI) writes it. */
const invalid = (field, type, msg, input) => [422, { detail: [{ type, loc: ["body", field], msg, input }] }];
const detail = (status, text) => [status, { detail: text }];

/** Checks `body`'s keys against `known` and `required`; a 422 answer or undefined. */
function shape(body, known, required) {
  for (const key of Object.keys(body)) if (!known.includes(key)) return invalid(key, "extra_forbidden", "Extra inputs are not permitted", body[key]);
  for (const key of required) if (body[key] === undefined) return invalid(key, "missing", "Field required", body);
  return undefined;
}
const length = (body, key, min, max) =>
  body[key] !== undefined && (typeof body[key] !== "string" || body[key].length < min || body[key].length > max) ? invalid(key, "string_too_long", `String should have ${min} to ${max} characters`, body[key]) : undefined;

/** The number selector of a send: exactly one of phone_id (UUID) or phone_number_id. */
function selector(body) {
  if (body.phone_id === undefined && body.phone_number_id === undefined) return detail(400, "Either phone_id (UUID) or phone_number_id (Meta) is required");
  if (body.phone_id !== undefined && body.phone_number_id !== undefined) return detail(400, "Give phone_id or phone_number_id, not both");
  if (body.phone_id !== undefined && !UUID.test(body.phone_id)) return invalid("phone_id", "uuid_parsing", "Input should be a valid UUID", body.phone_id);
  if (body.phone_id !== undefined && body.phone_id !== PHONE_ID) return detail(404, "Phone number not found");
  return length(body, "phone_number_id", 1, 64);
}
const recipient = (body, key = "to") => (typeof body[key] === "string" && E164.test(body[key]) ? undefined : invalid(key, "value_error", "Value error, not an E.164 number", body[key]));
const sent = (to) => [200, { wamid: "wamid.FAKE1", wamids: ["wamid.FAKE1"], contacts: [{ input: to, wa_id: to.slice(1) }] }];
const SELECTOR = ["phone_id", "phone_number_id"];
const phone = { id: PHONE_ID, account_id: "acc-1", bot_id: null, phone_number_id: "106540352242922", display_phone_number: "+1 555-0100", ai_autoreply_enabled: false, is_active: true };
const campaign = (body, status = "draft") => ({ id: "c0ffee00-0000-4000-8000-000000000001", name: body.name ?? "Spring", status, template_name: body.template_name ?? "sale", total: 1, sent: 0, delivered: 0, read: 0, failed: 0 });

/** [method, path pattern, scope, handler(body, url, call, match, state) → [status, body]] */
const routes = [
  ["POST", /^\/onboarding\/exchange$/, "whatsapp:write", (b) =>
    shape(b, ["code", "waba_id", "phone_number_id", "business_id", "bot_id", "data_localization_region"], ["code", "waba_id", "phone_number_id"]) ??
    length(b, "code", 1, 2048) ?? length(b, "data_localization_region", 2, 2) ??
    [200, { account: { id: "acc-1", waba_id: b.waba_id }, phone_number: { ...phone, phone_number_id: b.phone_number_id }, fully_provisioned: true, onboarding_error: null }]],
  ["POST", /^\/onboarding\/manual$/, "jwt", (b) =>
    shape(b, ["waba_id", "phone_number_id", "access_token", "business_id", "bot_id"], ["waba_id", "phone_number_id", "access_token"]) ??
    length(b, "access_token", 20, 4096) ??
    [200, { account: { id: "acc-1", waba_id: b.waba_id }, phone_number: phone, fully_provisioned: false, onboarding_error: "registration pending" }]],
  ["GET", /^\/accounts$/, "whatsapp:read", () => [200, [{ id: "acc-1", waba_id: "102290129340398", business_id: "1", name: "Shop", currency: "USD", review_status: "APPROVED", account_status: "ACTIVE", account_restriction_reason: null, payment_setup_complete: true, is_active: true, created_at: "2026-01-01T00:00:00Z" }]]],
  ["GET", /^\/phone_numbers$/, "whatsapp:read", () => [200, [phone]]],
  ["POST", /^\/phone_numbers\/([^/]+)\/link-bot$/, "whatsapp:write", (b, _, __, [, id]) =>
    id !== PHONE_ID ? detail(404, "Phone number not found") :
    shape(b, ["bot_id"], ["bot_id"]) ?? (b.bot_id !== null && !UUID.test(b.bot_id) ? invalid("bot_id", "uuid_parsing", "Input should be a valid UUID", b.bot_id) : [200, { ...phone, bot_id: b.bot_id }])],
  ["POST", /^\/phone_numbers\/([^/]+)\/autoreply$/, "whatsapp:write", (b, _, __, [, id]) =>
    id !== PHONE_ID ? detail(404, "Phone number not found") :
    shape(b, ["enabled"], ["enabled"]) ?? (typeof b.enabled !== "boolean" ? invalid("enabled", "bool_type", "Input should be a valid boolean", b.enabled) : [200, { ...phone, ai_autoreply_enabled: b.enabled }])],
  ["POST", /^\/messages$/, "whatsapp:send", (b) =>
    shape(b, [...SELECTOR, "to", "text", "preview_url", "context_message_id"], ["to", "text"]) ?? selector(b) ?? recipient(b) ?? length(b, "text", 1, 65536) ?? sent(b.to)],
  ["POST", /^\/messages\/template$/, "whatsapp:send", (b, _, __, ___, state) => {
    if (state.seedNames) b = { ...b, template_name: b.template, language_code: b.language, template: undefined, language: undefined };
    for (const key of Object.keys(b)) if (b[key] === undefined) delete b[key];
    return shape(b, [...SELECTOR, "to", "template_name", "language_code", "components"], ["to", "template_name"]) ?? selector(b) ?? recipient(b) ??
      length(b, "template_name", 1, 512) ?? length(b, "language_code", 1, 12) ??
      (b.components !== undefined && !Array.isArray(b.components) ? invalid("components", "list_type", "Input should be a valid list", b.components) : sent(b.to));
  }],
  ["POST", /^\/messages\/media$/, "whatsapp:send", (b) =>
    shape(b, [...SELECTOR, "to", "kind", "media_id", "link", "caption", "filename"], ["to", "kind"]) ?? selector(b) ?? recipient(b) ??
    (!["image", "audio", "video", "document", "sticker"].includes(b.kind) ? invalid("kind", "enum", "Input should be 'image', 'audio', 'video', 'document' or 'sticker'", b.kind) :
    (b.media_id === undefined) === (b.link === undefined) ? detail(400, "Exactly one of media_id or link is required") :
    length(b, "media_id", 1, 64) ?? length(b, "link", 1, 2048) ?? length(b, "caption", 1, 1024) ?? length(b, "filename", 1, 255) ?? sent(b.to))],
  ["POST", /^\/messages\/interactive$/, "whatsapp:send", (b) => {
    const known = [...SELECTOR, "to", "interactive_type", "body_text", "footer_text", "header", "buttons", "button_text", "sections", "button_url", "flow_cta", "flow_id", "flow_name", "flow_action", "flow_action_payload", "flow_token", "flow_mode"];
    const base = shape(b, known, ["to", "interactive_type", "body_text"]) ?? selector(b) ?? recipient(b) ?? length(b, "body_text", 1, 1024) ?? length(b, "footer_text", 1, 60);
    if (base) return base;
    switch (b.interactive_type) {
      case "button":
        return Array.isArray(b.buttons) && b.buttons.length >= 1 && b.buttons.length <= 3 && b.buttons.every((x) => x.id?.length <= 256 && x.title?.length >= 1 && x.title.length <= 20) ? sent(b.to) : detail(400, "button messages need 1-3 buttons {id, title<=20}");
      case "list":
        return b.button_text?.length <= 20 && Array.isArray(b.sections) && b.sections.every((s) => Array.isArray(s.rows) && s.rows.every((r) => r.id && r.title?.length <= 24)) ? sent(b.to) : detail(400, "list messages need button_text and sections with rows");
      case "cta_url":
        return b.button_text && /^https?:\/\//.test(b.button_url ?? "") ? sent(b.to) : detail(400, "cta_url messages need button_text and button_url");
      case "flow":
        return b.flow_cta && (b.flow_id ?? b.flow_name) ? sent(b.to) : detail(400, "flow messages need flow_cta and flow_id or flow_name");
      default:
        return invalid("interactive_type", "enum", "Input should be 'button', 'list', 'cta_url' or 'flow'", b.interactive_type);
    }
  }],
  ["POST", /^\/messages\/([^/]+)\/read$/, "whatsapp:send", (b) =>
    shape(b, [...SELECTOR, "typing_indicator"], []) ?? selector(b) ?? [200, { success: true }]],
  ["POST", /^\/media$/, "whatsapp:write", (_, __, call) => {
    const form = multipart(call, call.raw.toString("latin1")); // latin1: file bytes survive as-is
    if (!form) return detail(400, "media upload must be multipart/form-data");
    const body = Object.fromEntries(SELECTOR.filter((k) => form[k]).map((k) => [k, form[k].value]));
    const failed = selector(body);
    if (failed) return failed;
    if (!form.file?.filename || !form.file.type) return invalid("file", "missing", "Field required (a file with its Content-Type)", null);
    const size = Buffer.byteLength(form.file.value, "latin1");
    if (size > 100 * 1024 * 1024) return detail(413, "Media larger than 100 MB");
    return [200, { media_id: `media-${size}`, mime_type: form.file.type, size_bytes: size }];
  }],
  ["GET", /^\/templates$/, "whatsapp:read", (_, url) => {
    const limit = url.searchParams.get("limit");
    if (limit !== null && !(Number.isInteger(Number(limit)) && Number(limit) >= 1 && Number(limit) <= 500)) return [422, { detail: [{ type: "less_than_equal", loc: ["query", "limit"], msg: "Input should be between 1 and 500", input: limit }] }];
    if (url.searchParams.has("account_id") && url.searchParams.has("waba_id")) return detail(400, "Give account_id or waba_id, not both");
    return [200, [{ id: TEMPLATE_ID, name: "order_update", language: "en_US", category: "UTILITY", status: url.searchParams.get("status") ?? "APPROVED", components: [] }]];
  }],
  ["POST", /^\/templates$/, "whatsapp:write", (b) => {
    const failed = shape(b, ["account_id", "waba_id", "name", "category", "language", "components", "parameter_format", "allow_category_change"], ["name", "category", "language", "components"]);
    if (failed) return failed;
    if ((b.account_id === undefined) === (b.waba_id === undefined)) return detail(400, "Exactly one of account_id or waba_id is required");
    if (!/^[a-z0-9_]{1,512}$/.test(b.name)) return invalid("name", "string_pattern_mismatch", "String should match pattern '^[a-z0-9_]+$'", b.name);
    if (!["MARKETING", "UTILITY", "AUTHENTICATION"].includes(b.category)) return invalid("category", "enum", "Input should be 'MARKETING', 'UTILITY' or 'AUTHENTICATION'", b.category);
    if (!Array.isArray(b.components) || !b.components.some((c) => c.type === "BODY")) return invalid("components", "value_error", "components must include BODY", b.components);
    return [200, { template_id: TEMPLATE_ID, status: "PENDING", template: { id: TEMPLATE_ID, name: b.name, language: b.language, category: b.category, status: "PENDING", components: b.components } }];
  }],
  ["POST", /^\/templates\/sync$/, "whatsapp:write", (b) =>
    shape(b, ["account_id", "waba_id"], []) ?? ((b.account_id === undefined) === (b.waba_id === undefined) ? detail(400, "Exactly one of account_id or waba_id is required") : [200, { waba_id: b.waba_id ?? "102290129340398", fetched: 3, inserted: 1, updated: 2 }])],
  ["DELETE", /^\/templates\/([^/]+)$/, "whatsapp:write", (_, __, ___, [, id]) => (id === TEMPLATE_ID ? [204, undefined] : detail(404, "Template not found"))],
  ["GET", /^\/campaigns$/, "whatsapp:read", () => [200, [campaign({})]]],
  ["POST", /^\/campaigns$/, "whatsapp:write", (b) =>
    shape(b, ["phone_number_id", "name", "template_name", "template_language", "template_components", "scheduled_at"], ["phone_number_id", "name", "template_name"]) ??
    (!UUID.test(b.phone_number_id) ? invalid("phone_number_id", "uuid_parsing", "Input should be a valid UUID", b.phone_number_id) : [201, campaign(b)])],
  ["POST", /^\/campaigns\/([^/]+)\/recipients$/, "whatsapp:write", (b, _, __, ___, state) => {
    const failed = shape(b, ["recipients"], ["recipients"]);
    if (failed) return failed;
    if (!Array.isArray(b.recipients) || b.recipients.length < 1 || b.recipients.length > 10000) return invalid("recipients", "too_long", "1 to 10000 recipients", b.recipients.length);
    const bad = b.recipients.findIndex((r) => !E164.test(r.to_phone ?? "") || Object.keys(r).some((k) => !["to_phone", "variables"].includes(k)));
    if (bad >= 0) return [422, { detail: [{ type: "value_error", loc: ["body", "recipients", bad, "to_phone"], msg: "not an E.164 number", input: b.recipients[bad] }] }];
    state.recipients += b.recipients.length;
    return [200, { added: b.recipients.length, total: state.recipients }];
  }],
  ["POST", /^\/campaigns\/([^/]+)\/launch$/, "whatsapp:write", (_, __, call, ___, state) =>
    call.text ? detail(400, "launch takes no body") : state.recipients === 0 ? detail(409, "Campaign has no recipients") : [200, campaign({}, "running")]],
  ["GET", /^\/analytics\/(funnel|timeseries|costs)$/, "whatsapp:read", (_, url, __, [, report]) => {
    for (const key of url.searchParams.keys()) if (key !== "days") return [422, { detail: [{ type: "extra_forbidden", loc: ["query", key], msg: "Extra inputs are not permitted" }] }];
    const days = Number(url.searchParams.get("days") ?? { funnel: 7, timeseries: 14, costs: 30 }[report]);
    if (!Number.isInteger(days) || days < 1 || days > 90) return [422, { detail: [{ type: "less_than_equal", loc: ["query", "days"], msg: "Input should be between 1 and 90", input: days }] }];
    if (report === "funnel") return [200, { days, inbound: 5, outbound: 10, delivered: 9, read: 7, replied: 3, delivery_rate: 0.9, read_rate: 0.7 }];
    if (report === "timeseries") return [200, { days, points: [{ date: "2026-01-01", event_type: "sent", count: 4 }] }];
    return [200, { days, llm_tokens: 0, llm_credits: 0, whatsapp_message_credits: 12, whatsapp_call_credits: 0, total_credits: 12, ledger_source: "ledger" }];
  }],
];

/** The platform's checks before the route's own: prefix, route, key and scope, a JSON body, Idempotency-Key replay. */
function cm(call, url, idempotency, state) {
  const prefix = "/api/v1/whatsapp";
  if (!url.pathname.startsWith(prefix)) return detail(404, "Not Found");
  const path = url.pathname.slice(prefix.length);
  const route = routes.find(([method, pattern]) => method === call.method && pattern.test(path));
  if (!route) return detail(405, "Method Not Allowed");
  const bearer = /^Bearer (.+)$/.exec(call.headers.authorization ?? "")?.[1];
  const jwt = bearer === JWT;
  if (!jwt && !SCOPES[bearer]) return detail(401, `Invalid API key ${bearer ?? ""}`);
  if (route[2] === "jwt" && !jwt) return detail(403, "Manual onboarding requires a dashboard session (JWT); API keys cannot use it");
  if (route[2] !== "jwt" && !jwt && !SCOPES[bearer].includes(route[2])) return detail(403, `API key missing required scope: ${route[2]}. Add it in Settings → API keys.`);
  if (call.text && !(call.headers["content-type"] ?? "").startsWith("multipart/form-data")) {
    if (call.headers["content-type"] !== "application/json") return detail(415, "Content-Type must be application/json");
    try {
      call.body = JSON.parse(call.text);
    } catch {
      return [422, { detail: [{ type: "json_invalid", loc: ["body"], msg: "JSON decode error" }] }];
    }
  }
  const key = call.headers["idempotency-key"];
  if (key !== undefined && idempotency.has(key)) {
    const [body, status, answer] = idempotency.get(key);
    return body === call.text ? [status, answer] : detail(409, "Idempotency-Key reused with a different body");
  }
  const [status, answer] = route[3](call.body ?? {}, url, call, path.match(route[1]), state);
  if (key !== undefined && status < 300) idempotency.set(key, [call.text, status, answer]);
  return [status, answer];
}

export function startFakeCm() {
  const idempotency = new Map();
  const state = { seedNames: false, recipients: 0 };
  return startFake((call, url) => cm(call, url, idempotency, state), {
    faultBody: (fault) => ({ detail: fault.message ?? "fault" }),
    onReset: () => (idempotency.clear(), Object.assign(state, { seedNames: false, recipients: 0 })),
    controls: { "/__mode": (text) => Object.assign(state, JSON.parse(text)) },
  });
}
