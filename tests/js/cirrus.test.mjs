// CirrusClient (Cirrus Digital / CommBox) through the built package in Node,
// against the strict fake on 127.0.0.1 (tests/js/fake-cirrus.mjs): every
// endpoint of the Cirrus document, local validation before sending (issue
// codes and pointers into the caller's input), the envelope, its errors,
// retries, no key leaks.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { CirrusClient } from "../../pkg/node.js";
import { startFakeCirrus, CIRRUS_KEY, STREAM_ID, NOT_ON_WHATSAPP } from "./fake-cirrus.mjs";

const fakeCirrus = await startFakeCirrus();
after(() => fakeCirrus.close());

function cirrus(options = {}) {
  const slept = [];
  const instance = new CirrusClient({
    apiKey: CIRRUS_KEY, streamId: STREAM_ID, baseUrl: fakeCirrus.baseUrl,
    sleep: async (ms) => void slept.push(ms), ...options,
  });
  return { instance, slept };
}

const ENCODED_STREAM = encodeURIComponent(STREAM_ID);

/** A validation failure: nothing was sent, and the issues are the ones expected. */
function assertFindings(error, fake, expected) {
  assert.ok(error instanceof Error, String(error));
  assert.equal(error.code, "validation_failed", error.message);
  assert.deepEqual(error.issues.map((i) => [i.code, i.path]), expected);
  assert.equal(fake.received.length, 0, "nothing was sent");
}

const template = (name, components = []) => ({ name, language: { code: "en" }, components });
const recipient = (to, extra = {}) => ({ template_data: { to, template: template("Text Template") }, ...extra });

test("Cirrus: a V2 send to two recipients (scheduled, subchannel Object, media header by link) goes to /v2/… with the stream id encoded and the key as Bearer", async () => {
  fakeCirrus.received.splice(0);
  const header = { type: "header", parameters: [{ type: "document", document: { link: "https://example.com/lion.pdf", filename: "lion.pdf" } }] };
  const body = { type: "body", parameters: [{ type: "text", text: "PDF" }] };
  const message = {
    data: [
      { schedule: "1739365010", template_data: { to: "+1 (917) 253-7000", template: template("doc1", [header, body]) } },
      {
        template_data: { to: 972537280801, template: template("doc1", [header, body]) },
        object_data: { createChildObject: true, SubStreamId: 4, StatusId: 1, ManagerId: 78121, Content: {}, User: { UniqueId: "01234567", Phone1: "972537280801", Email: "john@example.com" } },
      },
    ],
  };
  const answer = await cirrus().instance.sendTemplatedMessage(message);
  assert.equal(answer.status, "200");
  assert.match(answer.response_time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
  assert.deepEqual(answer.data.map((r) => [r.recipient, r.status, r.object_id]), [["19172537000", 200, undefined], ["972537280801", 200, 38383745]]);
  const [call] = fakeCirrus.received;
  assert.equal(call.rawPath, `/v2/whatsapp/sendtemplatedmessage/${ENCODED_STREAM}`);
  assert.ok(call.rawPath.endsWith("%3D%3D"));
  assert.equal(call.headers.authorization, `Bearer ${CIRRUS_KEY}`);
  const sent = JSON.parse(call.text);
  assert.deepEqual([sent.data[0].schedule, sent.data[0].template_data.to, sent.data[1].template_data.to], [1739365010, "19172537000", "972537280801"]);
  assert.deepEqual(sent.data[1].object_data, message.data[1].object_data, "the rest goes as given");
});

test("Cirrus: uploadMedia sends the file as the multipart field pic; its id then goes in a header", async () => {
  fakeCirrus.received.splice(0);
  const { instance } = cirrus();
  const uploaded = await instance.uploadMedia(new Blob([new Uint8Array(1234)], { type: "video/mp4" }), { filename: "sample.mp4" });
  assert.deepEqual(uploaded.data, [{ filename: "sample.mp4", id: "25725061686301234" }]);
  assert.equal(fakeCirrus.received[0].rawPath, `/whatsapp/uploadmedia/${ENCODED_STREAM}`);
  assert.match(fakeCirrus.received[0].headers["content-type"], /^multipart\/form-data; boundary=/);
  const video = { type: "header", parameters: [{ type: "video", video: { id: uploaded.data[0].id } }] };
  const answer = await instance.sendTemplatedMessage({ data: [{ template_data: { to: "19172537000", template: template("header_video", [video]) } }] });
  assert.equal(answer.data[0].status, 200);
  const gif = await instance.uploadMedia(new Uint8Array(10), { type: "image/gif" }).catch((e) => e);
  assert.equal(gif.code, "invalid_argument", "WhatsApp takes no GIF: nothing is uploaded");
  assert.equal(fakeCirrus.received.length, 2);
});

test("Cirrus: 21 recipients, bad numbers, a media header with both link and id, a bad StatusId: validation_failed with pointers, nothing sent", async () => {
  fakeCirrus.received.splice(0);
  const many = Array.from({ length: 21 }, (_, i) => recipient(`1917253${String(i).padStart(4, "0")}`));
  assertFindings(await cirrus().instance.sendTemplatedMessage({ data: many }).catch((e) => e), fakeCirrus, [["cirrus.too_many_recipients", "/data"]]);
  assertFindings(await cirrus().instance.sendTemplatedMessage({ data: [] }).catch((e) => e), fakeCirrus, [["cirrus.no_recipients", "/data"]]);
  const both = { type: "header", parameters: [{ type: "image", image: { id: "1", link: "https://example.com/a.png" } }] };
  const bad = {
    data: [
      recipient("+1 415"),
      { template_data: { to: "19172537000", template: template("image1", [both]) }, schedule: 1739365010000 },
      recipient("972537280801", { object_data: { StatusId: 12, User: { Phone1: "972537280801" } } }),
    ],
  };
  assertFindings(await cirrus().instance.sendTemplatedMessage(bad).catch((e) => e), fakeCirrus, [
    ["cirrus.recipient_invalid", "/data/0/template_data/to"],
    ["cirrus.schedule_invalid", "/data/1/schedule"],
    ["message.media_source", "/data/1/template_data/template/components/0/parameters/0/image/link"],
    ["cirrus.object_status", "/data/2/object_data/StatusId"],
    ["missing", "/data/2/object_data/User/Email"],
  ]);
});

test("Cirrus: a 206 resolves with the failed recipient; a 400 envelope rejects with its description", async () => {
  const partial = await cirrus().instance.sendTemplatedMessage({ data: [recipient("19172537000"), recipient(NOT_ON_WHATSAPP)] });
  assert.equal(partial.status, "206");
  assert.deepEqual(partial.data[1], { recipient: NOT_ON_WHATSAPP, status: 400, failed: "invalid — Not a valid WhatsApp user" });
  fakeCirrus.fail({ status: 400, body: { status: "400", description: "Missing parameter template_name", response_time: "2024-08-06T07:51:52.2581942Z", data: [{ recipient: "19172537000", status: 400, failed: "Missing parameter template_name" }] } });
  const error = await cirrus().instance.sendTemplatedMessage({ data: [recipient("19172537000")] }).catch((e) => e);
  assert.deepEqual([error.code, error.status, error.retryable], ["invalid_request", 400, false]);
  assert.equal(error.message, "HTTP 400: Missing parameter template_name; 19172537000: Missing parameter template_name");
});

test("Cirrus: the unprefixed path (what the Cirrus page prints) is V1 and refuses a V2 body; v2Prefix keeps it configurable", async () => {
  fakeCirrus.received.splice(0);
  const error = await cirrus({ v2Prefix: "" }).instance.sendTemplatedMessage({ data: [recipient("19172537000")] }).catch((e) => e);
  assert.equal(fakeCirrus.received[0].rawPath, `/whatsapp/sendtemplatedmessage/${ENCODED_STREAM}`);
  assert.equal(error.message, "HTTP 400: Missing parameter template_name");
  assert.throws(() => cirrus({ v2Prefix: "../admin" }), { code: "invalid_argument" });
});

test("Cirrus: validateContact checks the number locally, then GETs it as digits", async () => {
  fakeCirrus.received.splice(0);
  const { instance } = cirrus();
  assert.deepEqual((await instance.validateContact("+1 415 555 2671")).data, { valid: true });
  assert.deepEqual((await instance.validateContact(NOT_ON_WHATSAPP)).data, { valid: false });
  assert.equal(fakeCirrus.received[0].rawPath, `/whatsapp/validatecontact/${ENCODED_STREAM}/14155552671`);
  fakeCirrus.received.splice(0);
  assertFindings(await instance.validateContact("+1 415").catch((e) => e), fakeCirrus, [["phone.too_short", "/phone"]]);
});

test("Cirrus: sendTemplate(to, template, { definition }) is one V2 recipient, checked against the definition first", async () => {
  fakeCirrus.received.splice(0);
  const definition = { name: "order_update", language: "en_US", category: "UTILITY", components: [{ type: "BODY", text: "Hi {{1}}, order {{2}} shipped.", example: { body_text: [["Ana", "A12"]] } }] };
  const send = { name: "order_update", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "Ana" }, { type: "text", text: "A12" }] }] };
  const answer = await cirrus().instance.sendTemplate("+14155552671", send, { definition });
  assert.equal(answer.data[0].recipient, "14155552671");
  assert.deepEqual(JSON.parse(fakeCirrus.received[0].text), { data: [{ template_data: { to: "14155552671", template: send } }] });
  fakeCirrus.received.splice(0);
  const short = { ...send, components: [{ type: "body", parameters: [{ type: "text", text: "Ana" }] }] };
  assertFindings(await cirrus().instance.sendTemplate("+14155552671", short, { definition }).catch((e) => e), fakeCirrus, [["template_send.parameter_count", "/template/components/0"]]);
});

test("Cirrus: 401 with no body is auth_failed; a 429 send waits for Retry-After and is sent again; the key leaks nowhere", async () => {
  fakeCirrus.received.splice(0);
  fakeCirrus.fail({ status: 429, headers: { "retry-after": "3" } });
  const { instance, slept } = cirrus();
  const answer = await instance.sendTemplatedMessage({ data: [recipient("19172537000")] });
  assert.equal(answer.status, "200");
  assert.deepEqual(slept, [3000]);
  fakeCirrus.fail({ status: 401, body: { description: `bad key ${CIRRUS_KEY}` } });
  const error = await instance.validateContact("14155552671").catch((e) => e);
  assert.equal(error.code, "auth_failed");
  for (const text of [String(error), error.stack, JSON.stringify({ ...error })]) assert.ok(!text.includes(CIRRUS_KEY), text);
  const wrong = await cirrus({ apiKey: "wrong-key" }).instance.validateContact("14155552671").catch((e) => e);
  assert.deepEqual([wrong.code, wrong.message], ["auth_failed", "HTTP 401 (the body is not JSON)"]);
  assert.throws(() => new CirrusClient({ streamId: STREAM_ID }), { code: "invalid_argument" });
  assert.throws(() => new CirrusClient({ apiKey: "k", streamId: STREAM_ID, stream: "x" }), { code: "invalid_argument" });
});

