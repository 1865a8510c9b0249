// A strict fake of Cirrus Digital / CommBox (PROVIDERS.md §2) on 127.0.0.1:
// Bearer keys, the ENCRYPTED_STREAM_ID percent-encoded on every path, the V2
// send on /v2/… (1–20 recipients; to as digits; template name required;
// object_data with User.Phone1 and Email; 206 when a recipient is not on
// WhatsApp), V1 on the unprefixed path (template_name, recipient as digits,
// language.code), upload as the multipart field pic, the contact check on
// digits; answers in CommBox's envelope; 401 and 404 with no body.
import { startFake, multipart } from "./fake-server.mjs";
import { CIRRUS_KEY, STREAM_ID } from "./provider-suite.mjs";

export { CIRRUS_KEY, STREAM_ID };
/** A number the fake Cirrus channel cannot reach (a 206 partial answer). */
export const NOT_ON_WHATSAPP = "447400123456";
/** CommBox's response_time: UTC with 7 fractional digits. */
const responseTime = () => new Date().toISOString().replace(/\.(\d{3})Z$/, ".$10000Z");
const envelope = (status, description, data) => ({ status: String(status), description, response_time: responseTime(), ...(data === undefined ? {} : { data }) });

function cirrusSend(call, v2) {
  let message;
  try {
    message = JSON.parse(call.text);
  } catch {
    return [400, envelope(400, "Invalid JSON")];
  }
  // The unprefixed path is V1: { recipient, template_name, language, localizable_params }.
  if (!v2) {
    if (typeof message.template_name !== "string") return [400, envelope(400, "Missing parameter template_name")];
    if (!/^\d{7,15}$/.test(String(message.recipient ?? ""))) return [400, envelope(400, "Missing parameter recipient")];
    if (typeof message.language?.code !== "string") return [400, envelope(400, "Missing parameter language")];
    return [200, envelope(200, "Operation successful", "gBEGlyVGZjUpAgmyuqAHfxbHmnQ")];
  }
  const items = message.data;
  if (!Array.isArray(items) || items.length < 1 || items.length > 20) return [400, envelope(400, "data must list 1 to 20 recipients")];
  const results = [];
  for (const item of items) {
    const data = item.template_data;
    const to = data?.to;
    if ((typeof to !== "string" && typeof to !== "number") || !/^\d{7,15}$/.test(String(to))) return [400, envelope(400, "Invalid parameter to", [{ recipient: String(to), status: 400, failed: "to must be digits" }])];
    if (typeof data.template?.name !== "string") return [400, envelope(400, "Missing parameter template_name", [{ recipient: String(to), status: 400, failed: "Missing parameter template_name" }])];
    if (item.schedule !== undefined && !/^\d+$/.test(String(item.schedule))) return [400, envelope(400, "Invalid parameter schedule")];
    const objectData = item.object_data ?? data.object_data;
    if (objectData && (typeof objectData.User?.Phone1 !== "string" || typeof objectData.User?.Email !== "string")) return [400, envelope(400, "Missing parameter User.Phone1 or User.Email")];
    if (String(to) === NOT_ON_WHATSAPP) {
      results.push({ recipient: String(to), status: 400, failed: "invalid — Not a valid WhatsApp user" });
    } else {
      results.push({ recipient: String(to), id: `gBEGlyVGZjUp${results.length}`, status: 200, ...(objectData ? { object_id: 38383744 + results.length } : {}) });
    }
  }
  const partial = results.some((r) => r.status !== 200);
  return [partial ? 206 : 200, envelope(partial ? 206 : 200, partial ? "Partial success" : "Operation successful", results)];
}

function cirrus(call) {
  if (call.headers.authorization !== `Bearer ${CIRRUS_KEY}`) return [401];
  const path = /^(\/v2)?\/whatsapp\/(sendtemplatedmessage|uploadmedia|validatecontact)\/([^/]+)(?:\/([^/]+))?$/.exec(call.rawPath);
  if (!path) return [404];
  const [, v2, operation, stream, phone] = path;
  // Every parameter is URL-encoded: the stream id's "==" arrives as %3D%3D (or %3d%3d).
  if (decodeURIComponent(stream) !== STREAM_ID || /[=+/]/.test(stream)) return [404];
  if (operation === "sendtemplatedmessage" && call.method === "POST" && phone === undefined) {
    if (call.headers["content-type"] !== "application/json") return [400, envelope(400, "Content-Type must be application/json")];
    return cirrusSend(call, Boolean(v2));
  }
  if (v2) return [404];
  if (operation === "uploadmedia" && call.method === "POST" && phone === undefined) {
    const pic = multipart(call)?.pic;
    if (!pic?.filename || !pic.type) return [400, envelope(400, "Missing parameter pic")];
    return [200, envelope(200, "Operation successful", [{ filename: pic.filename, id: `2572506168630${pic.value.length}` }])];
  }
  if (operation === "validatecontact" && call.method === "GET" && phone !== undefined) {
    if (!/^\d{7,15}$/.test(phone)) return [400, envelope(400, "Invalid parameter PHONE_NUMBER")];
    return [200, envelope(200, "Operation successful", { valid: phone !== NOT_ON_WHATSAPP })];
  }
  return [501];
}

export const startFakeCirrus = () => startFake(cirrus);
