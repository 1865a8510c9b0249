// A fake Graph API on 127.0.0.1 for the client tests: it checks every call as
// strictly as Meta's documents describe it (method, path with version,
// Bearer token, JSON content type, required body fields) and answers like
// Meta, or with a fault the test scripted (status, Retry-After, delay, reset,
// malformed body). It records what it received (plumbing: fake-server.mjs).
import { startFake, multipart } from "./fake-server.mjs";
import { TOKEN, PHONE_ID, WABA_ID } from "./cloud-suite.mjs";

export { TOKEN, PHONE_ID, WABA_ID };
/** The client's default Graph version; the fake answers on any `vNN.0`. */
export const VERSION = "v27.0";
const V = "v\\d+\\.0";

/** The template the fake's business account has (for send checks against the definition). */
export const ORDER_UPDATE = {
  name: "order_update",
  language: "en_US",
  status: "APPROVED",
  category: "UTILITY",
  components: [{ type: "BODY", text: "Hi {{1}}, your order {{2}} has shipped.", example: { body_text: [["Ana", "A12"]] } }],
};

/** A MARKETING template of the fake's business account (routed to the Marketing Messages API). */
export const SPRING_SALE = {
  name: "spring_sale",
  language: "en_US",
  status: "APPROVED",
  category: "MARKETING",
  components: [{ type: "BODY", text: "Hi {{1}}, 20% off everything this week." , example: { body_text: [["Ana"]] } }],
};

/** The one Flow the fake's business account has. */
const FLOW_ID = "1234567890";
const FLOW_CATEGORIES = ["SIGN_UP", "SIGN_IN", "APPOINTMENT_BOOKING", "LEAD_GENERATION", "CONTACT_US", "CUSTOMER_SUPPORT", "SURVEY", "OTHER"];

/** The bytes of every media file the fake serves. */
export const MEDIA_BYTES = Buffer.from("\xff\xd8\xff\xe0FAKE-JPEG", "latin1");

const metaError = (status, code, message) => [status, { error: { message, type: "OAuthException", code, fbtrace_id: "AFakeTrace" } }];

/** Routes: [method, path pattern, handler(body, url, call) → [status, body] or [status, metaCode, message]]. */
const routes = [
  ["POST", new RegExp(`^/${V}/(\\d+)/media$`), (_, __, call) => {
    const form = multipart(call);
    if (!form) return [400, 100, "(#100) media upload must be multipart/form-data"];
    if (form.messaging_product?.value !== "whatsapp" || !form.type?.value || !form.file?.filename || form.file.type !== form.type.value) {
      return [400, 100, "(#100) messaging_product, type and file are required"];
    }
    return [200, { id: `media-${form.file.value.length}` }];
  }],
  ["POST", new RegExp(`^/${V}/(\\d+)/assets$`), (_, __, call) => {
    const form = multipart(call);
    if (!form || form.name?.value !== "flow.json" || form.asset_type?.value !== "FLOW_JSON" || form.file?.filename !== "flow.json" || form.file.type !== "application/json") {
      return [400, 100, "(#100) name=flow.json, asset_type=FLOW_JSON and a JSON file are required"];
    }
    try {
      JSON.parse(form.file.value);
    } catch {
      return [400, 100, "(#100) the file is not JSON"];
    }
    return [200, { success: true, validation_errors: [] }];
  }],
  // Publish and deprecate take no parameters, and only a Flow the account has.
  ["POST", new RegExp(`^/${V}/(\\d+)/(publish|deprecate)$`), (_, url, call) =>
    call.text !== "" || Object.keys(call.query).length > 0 ? [400, 100, "(#100) publish and deprecate take no parameters"]
      : url.pathname.split("/")[2] !== FLOW_ID ? [400, 100, "(#100) Flow with specified ID does not exist"] : [200, { success: true }]],
  ["POST", new RegExp(`^/${V}/(\\d+)/flows$`), (body) =>
    typeof body.name === "string" && Array.isArray(body.categories) && body.categories.length > 0 && body.categories.every((c) => FLOW_CATEGORIES.includes(c))
      ? [200, { id: FLOW_ID, success: true }] : [400, 100, "(#100) name and categories (of Meta's list) are required"]],
  ["GET", new RegExp(`^/${V}/(\\d+)/flows$`), () => [200, { data: [{ id: "1234567890", name: "survey", status: "DRAFT" }] }]],
  ["POST", new RegExp(`^/${V}/(\\d+)/messages$`), (body) => {
    if (body.messaging_product !== "whatsapp") return [400, 100, "(#100) messaging_product must be whatsapp"];
    if (body.status === "read") {
      if (typeof body.message_id !== "string") return [400, 100, "(#100) message_id is required"];
      return [200, { success: true }];
    }
    // A recipient is a phone number (`to`) or a business-scoped user id (`recipient`).
    const recipient = typeof body.to === "string" ? body.to : body.recipient;
    if (typeof recipient !== "string" || typeof body.type !== "string") return [400, 100, "(#100) to (or recipient) and type are required"];
    // Its object under its type's key (Meta also takes contacts as a JSON string of the array).
    const content = body.type === "contacts" && typeof body.contacts === "string" ? JSON.parse(body.contacts) : body[body.type];
    if (typeof content !== "object" || content === null) return [400, 100, `(#100) a ${body.type} message needs its ${body.type} object`];
    const contact = typeof body.to === "string" ? { input: body.to, wa_id: body.to.replace(/\D/g, "") } : { input: recipient, user_id: recipient };
    return [200, { messaging_product: "whatsapp", contacts: [contact], messages: [{ id: "wamid.FAKE" }] }];
  }],
  // The Marketing Messages API: template messages only, with Meta's one per-send option.
  ["POST", new RegExp(`^/${V}/(\\d+)/marketing_messages$`), (body) => {
    const { messaging_product, recipient_type, to, type, template, message_activity_sharing, biz_opaque_callback_data, ...rest } = body;
    if (messaging_product !== "whatsapp" || typeof to !== "string" || type !== "template") return [400, 100, "(#100) messaging_product, to and type \"template\" are required"];
    if (typeof template?.name !== "string" || typeof template?.language?.code !== "string") return [400, 100, "(#100) template name and language code are required"];
    if (recipient_type !== undefined && recipient_type !== "individual") return [400, 100, "(#100) recipient_type must be individual"];
    if (message_activity_sharing !== undefined && typeof message_activity_sharing !== "boolean") return [400, 100, "(#100) message_activity_sharing must be a boolean"];
    if (biz_opaque_callback_data !== undefined && typeof biz_opaque_callback_data !== "string") return [400, 100, "(#100) biz_opaque_callback_data must be a string"];
    if (Object.keys(rest).length > 0) return [400, 100, `(#100) unexpected ${Object.keys(rest).join(", ")}`];
    return [200, { messaging_product: "whatsapp", contacts: [{ input: to, wa_id: to.replace(/\D/g, "") }], messages: [{ id: "wamid.MM", message_status: "accepted" }] }];
  }],
  ["GET", new RegExp(`^/${V}/(\\d+)/message_templates$`), (_, url) => {
    if ((url.searchParams.get("fields") ?? "").includes("components")) {
      // A lookup of the definition a send uses: one known template.
      const known = [ORDER_UPDATE, SPRING_SALE].find((t) => t.name === url.searchParams.get("name") && t.language === url.searchParams.get("language"));
      return [200, { data: known ? [known] : [] }];
    }
    return [200, { data: [{ name: url.searchParams.get("name") ?? "a", id: "1" }], paging: { cursors: { before: "b", after: "a" } } }];
  }],
  ["POST", new RegExp(`^/${V}/(\\d+)/message_templates$`), (body) =>
    typeof body.name === "string" && typeof body.language === "string" && ["MARKETING", "UTILITY", "AUTHENTICATION"].includes(body.category) && Array.isArray(body.components) ? [200, { id: "594425479261596", status: "PENDING", category: body.category }] : [400, 100, "(#100) name, language, category and components are required"]],
  ["DELETE", new RegExp(`^/${V}/(\\d+)/message_templates$`), (_, url) => url.searchParams.get("name") ? [200, { success: true }] : [400, 100, "(#100) name is required"]],
  ["GET", new RegExp(`^/${V}/(\\d+)/template_analytics$`), (_, url) =>
    /^\[\d+(,\d+)*\]$/.test(url.searchParams.get("template_ids") ?? "") && url.searchParams.get("granularity") === "DAILY" && Number(url.searchParams.get("start")) < Number(url.searchParams.get("end"))
      ? [200, { data: [{ granularity: "DAILY", data_points: [] }] }]
      : [400, 100, "(#100) template_ids, granularity, start and end are required"]],
  ["GET", new RegExp(`^/${V}/(\\d+)/phone_numbers$`), () => [200, { data: [{ id: PHONE_ID, display_phone_number: "+1 555-0100" }] }]],
  ["GET", new RegExp(`^/${V}/(\\d+)/whatsapp_business_profile$`), () => [200, { data: [{ about: "Hi", messaging_product: "whatsapp" }] }]],
  ["POST", new RegExp(`^/${V}/(\\d+)/whatsapp_business_profile$`), (body) =>
    body.messaging_product === "whatsapp" ? [200, { success: true }] : [400, 100, "(#100) messaging_product is required"]],
  ["GET", new RegExp(`^/${V}/(\\d+)/whatsapp_business_encryption$`), () => [200, { data: [{ business_public_key: "-----BEGIN PUBLIC KEY-----", business_public_key_signature_status: "VALID" }] }]],
  ["POST", new RegExp(`^/${V}/(\\d+)/whatsapp_business_encryption$`), (_, __, call) =>
    multipart(call)?.business_public_key?.value?.startsWith("-----BEGIN PUBLIC KEY-----") ? [200, { success: true }] : [400, 100, "(#100) business_public_key is required"]],
  ["GET", new RegExp(`^/${V}/(\\d+)$`), (_, url, call) => {
    const fields = url.searchParams.get("fields") ?? "";
    if (fields.startsWith("preview.invalidate(")) return [200, { id: "1234567890", preview: { preview_url: "https://business.facebook.com/wa/manage/flows/x/preview/", expires_at: "2026-12-01T00:00:00+0000" } }];
    if (/^pricing_analytics\.start\(\d+\)\.end\(\d+\)\.granularity\((HALF_HOUR|DAILY|MONTHLY)\)/.test(fields)) {
      return [200, { pricing_analytics: { data: [{ data_points: [{ start: 1700000000, end: 1700086400, country: "US", pricing_category: "UTILITY", volume: 3, cost: 0.012 }] }] }, id: WABA_ID }];
    }
    if (fields.startsWith("conversation_analytics.start(")) return [200, { conversation_analytics: { data: [{ data_points: [] }] }, id: WABA_ID }];
    if (fields.includes("validation_errors")) return [200, { id: "1234567890", name: "survey", status: "DRAFT", validation_errors: [] }];
    if (fields.includes("quality_rating")) return [200, { id: PHONE_ID, display_phone_number: "+1 555-0100", quality_rating: "GREEN" }];
    // Meta's media URLs are short-lived lookaside links; the fake serves them itself.
    const id = url.pathname.split("/").at(-1);
    return [200, { id, url: `http://${call.headers.host}/media-files/${id}`, mime_type: "image/jpeg", sha256: "x", file_size: MEDIA_BYTES.length }];
  }],
  ["POST", new RegExp(`^/${V}/(\\d+)$`), (body) => {
    const template = Array.isArray(body.components) || body.category;
    const flow = body.name || Array.isArray(body.categories) || body.endpoint_uri || body.application_id;
    return template || flow ? [200, { success: true }] : [400, 100, "(#100) nothing to edit"];
  }],
  ["DELETE", new RegExp(`^/${V}/(\\d+)$`), (_, __, call) => (call.text === "" ? [200, { success: true }] : [400, 100, "(#100) DELETE takes no body"])],
];

/** Meta's checks before any route: the Bearer token, then a JSON body (multipart aside). */
function graph(call, url) {
  if (call.headers.authorization !== `Bearer ${TOKEN}`) return metaError(401, 190, `Invalid OAuth access token - Cannot parse access token ${call.headers.authorization ?? ""}`);
  if (call.text && !(call.headers["content-type"] ?? "").startsWith("multipart/form-data")) {
    if (call.headers["content-type"] !== "application/json") return metaError(400, 100, "(#100) content type must be JSON");
    try {
      call.body = JSON.parse(call.text);
    } catch {
      return metaError(400, 100, "(#100) body is not JSON");
    }
  }
  if (call.method === "GET" && url.pathname.startsWith("/media-files/")) return [200, MEDIA_BYTES, { "content-type": "image/jpeg" }];
  const route = routes.find(([method, pattern]) => method === call.method && pattern.test(url.pathname));
  if (!route) return metaError(400, 100, `Unsupported ${call.method} request ${url.pathname}`);
  let answer;
  try {
    answer = route[2](call.body ?? {}, url, call);
  } catch (thrown) {
    // A broken handler must fail its test at once, not leave the client waiting.
    return metaError(500, 1, `fake: handler threw ${thrown}`);
  }
  const [status, payload, message] = answer;
  return typeof payload === "number" ? metaError(status, payload, message) : [status, payload];
}

/** A scripted status without a body answers as Meta's error object (`code`, `message` from the fault). */
const faultBody = (fault) => ({ error: { message: fault.message ?? "fault", code: fault.code ?? 1, fbtrace_id: "AFakeTrace" } });

export const startFakeGraph = () => startFake(graph, { faultBody });
