// A fake Graph API on 127.0.0.1 for the client tests: it checks every call as
// strictly as Meta's documents describe it (method, path with version,
// Bearer token, JSON content type, required body fields) and answers like
// Meta, or with a fault the test scripted (status, Retry-After, delay, reset,
// malformed body). It records what it received (plumbing: fake-server.mjs).
import { startFake, multipart } from "./fake-server.mjs";
import { TOKEN, PHONE_ID, WABA_ID, GROUP_ID } from "./cloud-suite.mjs";

export { TOKEN, PHONE_ID, WABA_ID, GROUP_ID };
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

/** Whether `body` has exactly the keys `required` and at most those of `optional`. */
const shaped = (body, required, optional = []) =>
  required.every((key) => key in body) && Object.keys(body).every((key) => required.includes(key) || optional.includes(key));
/** Whether `list` is an array of 1 to `max` non-empty strings (or `{ user }` objects when `wrapped`). */
const ids = (list, max, wrapped = false) =>
  Array.isArray(list) && list.length >= 1 && list.length <= max &&
  list.every((entry) => wrapped ? shaped(entry, ["user"]) && typeof entry.user === "string" && entry.user !== "" : typeof entry === "string" && entry !== "");
const noBody = (call) => call.text === "";
const bad = (what) => [400, 100, `(#100) ${what}`];
const group = `(${GROUP_ID})`;
const QR = { code: "4O4YGZEG3RIVE1", prefilled_message: "Hi", deep_link_url: "https://wa.me/message/4O4YGZEG3RIVE1" };
const GROUP_FIELDS = { subject: "Spring launch", description: "Early access", participants: [{ wa_id: "16505551234" }], join_approval_mode: "auto_approve", suspended: false, creation_timestamp: 1764547200, total_participant_count: 1 };

/** Issue 21's endpoints, as strict as Meta's pages describe them (the pages are cited in src/api/cloud/). */
const coverageRoutes = [
  // Groups API.
  ["POST", new RegExp(`^/${V}/(\\d+)/groups$`), (body) =>
    shaped(body, ["messaging_product", "subject"], ["description", "join_approval_mode"]) && body.messaging_product === "whatsapp" && typeof body.subject === "string" && body.subject.trim() !== "" && body.subject.length <= 128 &&
    [undefined, "approval_required", "auto_approve"].includes(body.join_approval_mode)
      ? [200, { messaging_product: "whatsapp", request_id: "group-request-1" }] : bad("messaging_product and subject (1-128) are required")],
  ["GET", new RegExp(`^/${V}/(\\d+)/groups$`), (_, url) =>
    [200, { data: { groups: [{ id: GROUP_ID, subject: "Spring launch", created_at: 1764547200 }] }, paging: { cursors: { before: "b", after: url.searchParams.get("after") ?? "a" } } }]],
  ["GET", new RegExp(`^/${V}/${group}$`), (_, url) => {
    const fields = (url.searchParams.get("fields") ?? "").split(",").filter(Boolean);
    if (!fields.every((f) => f in GROUP_FIELDS)) return bad("unknown field");
    return [200, { messaging_product: "whatsapp", id: GROUP_ID, ...Object.fromEntries(fields.map((f) => [f, GROUP_FIELDS[f]])) }];
  }],
  ["POST", new RegExp(`^/${V}/${group}$`), (body) =>
    shaped(body, ["messaging_product"], ["subject", "description"]) && body.messaging_product === "whatsapp" && Object.keys(body).length > 1 ? [200, { success: true }] : bad("messaging_product and a setting are required")],
  ["DELETE", new RegExp(`^/${V}/${group}$`), (_, __, call) => (noBody(call) ? [200, { success: true }] : bad("DELETE takes no body"))],
  ["GET", new RegExp(`^/${V}/${group}/invite_link$`), () => [200, { messaging_product: "whatsapp", invite_link: "https://chat.whatsapp.com/FakeLink1" }]],
  ["POST", new RegExp(`^/${V}/${group}/invite_link$`), (body) =>
    shaped(body, ["messaging_product"]) && body.messaging_product === "whatsapp" ? [200, { messaging_product: "whatsapp", invite_link: "https://chat.whatsapp.com/FakeLink2" }] : bad("messaging_product is required")],
  ["DELETE", new RegExp(`^/${V}/${group}/participants$`), (body) =>
    shaped(body, ["messaging_product", "participants"]) && ids(body.participants, 8, true) ? [200, { success: true }] : bad("participants: 1 to 8 { user }")],
  ["GET", new RegExp(`^/${V}/${group}/join_requests$`), () =>
    [200, { data: [{ join_request_id: "MTY0NjcwNDM1OTU6MTIw", wa_id: "16505551234", creation_timestamp: 1755548877 }], paging: { cursors: { before: "b", after: "a" } } }]],
  ["POST", new RegExp(`^/${V}/${group}/join_requests$`), (body) =>
    shaped(body, ["messaging_product", "join_requests"]) && ids(body.join_requests, 1024) ? [200, { messaging_product: "whatsapp", approved_join_requests: body.join_requests }] : bad("join_requests: ids")],
  ["DELETE", new RegExp(`^/${V}/${group}/join_requests$`), (body) =>
    shaped(body, ["messaging_product", "join_requests"]) && ids(body.join_requests, 1024) ? [200, { messaging_product: "whatsapp", rejected_join_requests: body.join_requests }] : bad("join_requests: ids")],
  // Block Users API.
  ["POST", new RegExp(`^/${V}/(\\d+)/block_users$`), (body) =>
    shaped(body, ["messaging_product", "block_users"]) && ids(body.block_users, 1000, true)
      ? [200, { messaging_product: "whatsapp", block_users: { added_users: body.block_users.map(({ user }) => ({ input: user, wa_id: user.replace(/\D/g, "") })) } }] : bad("block_users: 1 to 1000 { user }")],
  ["DELETE", new RegExp(`^/${V}/(\\d+)/block_users$`), (body) =>
    shaped(body, ["messaging_product", "block_users"]) && ids(body.block_users, 1000, true)
      ? [200, { messaging_product: "whatsapp", block_users: { added_users: body.block_users.map(({ user }) => ({ input: user, wa_id: user.replace(/\D/g, "") })) } }] : bad("block_users: 1 to 1000 { user }")],
  ["GET", new RegExp(`^/${V}/(\\d+)/block_users$`), () => [200, { data: [{ block_users: [{ input: "+16505551234", wa_id: "16505551234" }] }], paging: { cursors: { before: "b", after: "a" } } }]],
  // Calling API.
  ["GET", new RegExp(`^/${V}/(\\d+)/call_permissions$`), (_, url) =>
    /^\d+$/.test(url.searchParams.get("user_wa_id") ?? "")
      ? [200, { messaging_product: "whatsapp", permission: { status: "temporary", expiration_time: 1745343479 }, actions: [{ action_name: "start_call", can_perform_action: true, limits: [{ time_period: "PT24H", max_allowed: 5, current_usage: 0 }] }] }]
      : bad("user_wa_id is required")],
  ["GET", new RegExp(`^/${V}/(\\d+)/settings$`), () => [200, { calling: { status: "ENABLED", call_icon_visibility: "DEFAULT", callback_permission_status: "DISABLED" } }]],
  ["POST", new RegExp(`^/${V}/(\\d+)/settings$`), (body) =>
    shaped(body, ["calling"]) && typeof body.calling === "object" && body.calling !== null ? [200, { success: true }] : bad("calling is required")],
  // QR codes.
  ["POST", new RegExp(`^/${V}/(\\d+)/message_qrdls$`), (body) => {
    const update = "code" in body;
    const ok = update
      ? shaped(body, ["code", "prefilled_message"]) && body.code === QR.code
      : shaped(body, ["prefilled_message"], ["generate_qr_image"]) && [undefined, "SVG", "PNG"].includes(body.generate_qr_image);
    if (!ok || typeof body.prefilled_message !== "string" || body.prefilled_message === "" || body.prefilled_message.length > 140) return bad("prefilled_message (1-140), generate_qr_image or code");
    const image = body.generate_qr_image ? { qr_image_url: `https://scontent.example/qr.${body.generate_qr_image.toLowerCase()}` } : {};
    return [200, { ...QR, prefilled_message: body.prefilled_message, ...image }];
  }],
  ["GET", new RegExp(`^/${V}/(\\d+)/message_qrdls$`), () => [200, { data: [QR] }]],
  ["GET", new RegExp(`^/${V}/(\\d+)/message_qrdls/(\\w+)$`), (_, url) => (url.pathname.endsWith(`/${QR.code}`) ? [200, { data: [QR] }] : [404, 100, "(#100) no such QR code"])],
  ["DELETE", new RegExp(`^/${V}/(\\d+)/message_qrdls/(\\w+)$`), (_, url, call) => (noBody(call) && url.pathname.endsWith(`/${QR.code}`) ? [200, { success: true }] : bad("no such QR code, or a body"))],
  // Commerce settings: in the query, no body.
  ["GET", new RegExp(`^/${V}/(\\d+)/whatsapp_commerce_settings$`), () => [200, { data: [{ is_cart_enabled: true, is_catalog_visible: false, id: "727705352028726" }] }]],
  ["POST", new RegExp(`^/${V}/(\\d+)/whatsapp_commerce_settings$`), (_, url, call) => {
    const keys = [...url.searchParams.keys()];
    const ok = noBody(call) && keys.length > 0 && keys.every((k) => ["is_cart_enabled", "is_catalog_visible"].includes(k) && ["true", "false"].includes(url.searchParams.get(k)));
    return ok ? [200, { success: true }] : bad("is_cart_enabled or is_catalog_visible (true/false) in the query");
  }],
  // Registration, verification, two-step PIN.
  ["POST", new RegExp(`^/${V}/(\\d+)/register$`), (body) =>
    shaped(body, ["messaging_product", "pin"], ["data_localization_region"]) && /^\d{6}$/.test(body.pin) ? [200, { success: true }] : bad("messaging_product and a 6-digit pin are required")],
  ["POST", new RegExp(`^/${V}/(\\d+)/deregister$`), (_, __, call) => (noBody(call) ? [200, { success: true }] : bad("deregister takes no body"))],
  ["POST", new RegExp(`^/${V}/(\\d+)/request_code$`), (body) =>
    shaped(body, ["code_method", "language"]) && ["SMS", "VOICE"].includes(body.code_method) ? [200, { success: true }] : bad("code_method and language are required")],
  ["POST", new RegExp(`^/${V}/(\\d+)/verify_code$`), (body) => (shaped(body, ["code"]) && /^\d{6}$/.test(body.code) ? [200, { success: true }] : bad("code is required"))],
  // Template archive.
  ["POST", new RegExp(`^/${V}/(\\d+)/message_templates/(archive|unarchive)$`), (body, url) =>
    shaped(body, ["hsm_ids"]) && ids(body.hsm_ids, 100) && body.hsm_ids.every((id) => /^\d+$/.test(id))
      ? [200, { [`${url.pathname.endsWith("/unarchive") ? "unarchived" : "archived"}_templates`]: body.hsm_ids }] : bad("hsm_ids: 1 to 100 template ids")],
];

/** Routes: [method, path pattern, handler(body, url, call) → [status, body] or [status, metaCode, message]]. */
const routes = [
  ...coverageRoutes,
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
    typeof body.name === "string" && typeof body.language === "string" && ["MARKETING", "UTILITY", "AUTHENTICATION"].includes(body.category) && (Array.isArray(body.components) || typeof body.library_template_name === "string") ? [200, { id: "594425479261596", status: "PENDING", category: body.category }] : [400, 100, "(#100) name, language, category and components are required"]],
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
    // The two-step verification PIN of a phone number: a body of exactly { pin }.
    if ("pin" in body) return shaped(body, ["pin"]) && /^\d{6}$/.test(body.pin) ? [200, { success: true }] : bad("pin is 6 digits");
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
