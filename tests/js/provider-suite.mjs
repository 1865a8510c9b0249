// BirdClient and CirrusClient cases written once and run in workerd and
// Chromium (Node runs the fuller tests/js/bird.test.mjs and cirrus.test.mjs) against the
// strict fakes (tests/js/fake-bird.mjs, fake-cirrus.mjs), steered and inspected over HTTP
// (/__received, /__reset). What differs between runtimes is what they
// exercise: fetch with custom headers, FormData with a Blob, the injected
// clock. No Node APIs here; the fakes take their credentials from here.
import { check, remote } from "./cases.mjs";
export const BIRD_KEY = "birdAccessKey0123456789secretKEY";
export const WORKSPACE = "2d7a8ab8-b7a2-4a0d-9c5f-6c0c0b5d8a11";
export const CHANNEL = "8e0f1a52-2c6b-4f43-8a55-0d2c7d6f3b22";
export const CIRRUS_KEY = "cirrusApiKey0123456789secretKEY";
/** ENCRYPTED_STREAM_ID: base64-like, ends in "==" (sent on the path as %3D%3D). */
export const STREAM_ID = "Zk9vQmFy+c3RyZWFt/MQ==";

const NOW = Date.UTC(2026, 0, 1, 10, 0, 0);
const receiver = { contacts: [{ identifierKey: "phonenumber", identifierValue: "+31612345678" }] };
const bird = (api, baseUrl) => new api.BirdClient({ accessKey: BIRD_KEY, workspaceId: WORKSPACE, channelId: CHANNEL, baseUrl, now: () => NOW });
const cirrus = (api, baseUrl) => new api.CirrusClient({ apiKey: CIRRUS_KEY, streamId: STREAM_ID, baseUrl });

export const providerCases = {
  "BirdClient: a text with reply buttons, scheduled on the injected clock, reaches Bird's path with the access key": async (api, { bird: baseUrl }) => {
    const server = await remote(baseUrl);
    const body = { type: "text", text: { text: "Pick one", actions: [{ type: "reply", reply: { text: "Yes" } }, { type: "reply", reply: { text: "No" } }] } };
    const answer = await bird(api, baseUrl).sendMessage({ receiver, body, tags: ["VIP"], scheduledFor: "2026-01-02T09:00:00+01:00" });
    check(answer.status === "scheduled" && answer.tags[0] === "vip", "answer", answer);
    const [call] = await server.received();
    check(call.path === `/workspaces/${WORKSPACE}/channels/${CHANNEL}/messages`, "path", call.path);
    check(call.authorization === `AccessKey ${BIRD_KEY}` && call.accept === "application/json" && call.contentType === "application/json", "headers", call);
  },
  "BirdClient: 11 tags and a schedule 5 minutes ahead reject locally, nothing sent": async (api, { bird: baseUrl }) => {
    const server = await remote(baseUrl);
    const tags = Array.from({ length: 11 }, (_, i) => `t${i}`);
    const error = await bird(api, baseUrl).sendMessage({ receiver, body: { type: "text", text: { text: "x" } }, tags, scheduledFor: "2026-01-01T10:05:00Z" }).catch((e) => e);
    check(error instanceof Error && error.code === "validation_failed", "code", String(error));
    const found = error.issues.map((i) => `${i.code} ${i.path}`);
    check(found.join() === "bird.too_many_tags /tags,bird.scheduled_too_soon /scheduledFor", "issues", found);
    check((await server.received()).length === 0, "nothing sent");
  },
  "CirrusClient: a Blob uploads as pic, its id goes in a V2 header sent to /v2/… with the stream id encoded": async (api, { cirrus: baseUrl }) => {
    const server = await remote(baseUrl);
    const client = cirrus(api, baseUrl);
    const uploaded = await client.uploadMedia(new Blob([new Uint8Array(7)], { type: "image/png" }), { filename: "a.png" });
    const id = uploaded.data?.[0]?.id;
    check(id === "25725061686307", "upload", uploaded);
    const header = { type: "header", parameters: [{ type: "image", image: { id } }] };
    const template = { name: "image1", language: { code: "en" }, components: [header] };
    const sent = await client.sendTemplatedMessage({ data: [{ template_data: { to: "+19172537000", template } }] });
    check(sent.status === "200" && sent.data[0].status === 200, "send", sent);
    const calls = await server.received();
    const stream = encodeURIComponent(STREAM_ID);
    check(calls[0].rawPath === `/whatsapp/uploadmedia/${stream}` && calls[0].contentType.startsWith("multipart/form-data; boundary="), "upload call", calls[0]);
    check(calls[1].rawPath === `/v2/whatsapp/sendtemplatedmessage/${stream}` && calls[1].authorization === `Bearer ${CIRRUS_KEY}`, "send call", calls[1]);
    check(JSON.parse(calls[1].body).data[0].template_data.to === "19172537000", "to as digits", calls[1].body);
  },
  "CirrusClient: validateContact, and 21 recipients rejected locally": async (api, { cirrus: baseUrl }) => {
    const server = await remote(baseUrl);
    const client = cirrus(api, baseUrl);
    const checked = await client.validateContact("+1 415 555 2671");
    check(checked.data?.valid === true, "valid", checked);
    const data = Array.from({ length: 21 }, (_, i) => ({ template_data: { to: `1917253${String(i).padStart(4, "0")}`, template: { name: "t", language: { code: "en" } } } }));
    const error = await client.sendTemplatedMessage({ data }).catch((e) => e);
    check(error.code === "validation_failed" && error.issues[0].code === "cirrus.too_many_recipients" && error.issues[0].path === "/data", "issues", error.issues);
    check((await server.received()).length === 1, "only the contact check was sent");
  },
  "BirdClient: getChannelContact, its 404 as not_found, and sendTemplate mapped onto a Bird template": async (api, { bird: baseUrl }) => {
    const server = await remote(baseUrl);
    const client = bird(api, baseUrl);
    const contact = await client.getChannelContact("5f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", { contactIdentifierValue: "+31612345678" });
    check(contact.serviceWindowExpireAt === "2026-01-02T10:00:00Z", "contact", contact);
    const missing = await client.getChannelContact("0f0f0f0f-0000-4000-8000-000000000000").catch((e) => e);
    check(missing.code === "not_found" && missing.status === 404 && missing.message === "HTTP 404: NotFound: contact not found", "404", { ...missing, message: missing.message });
    const sent = await client.sendTemplate("+14155552671", { name: "order_update", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "Ana" }] }] });
    check(sent.status === "accepted", "template send", sent);
    const calls = await server.received();
    check(calls[0].query.contactIdentifierValue === "+31612345678", "query", calls[0]);
    const template = JSON.parse(calls[2].body).template;
    check(JSON.stringify(template) === '{"name":"order_update","locale":"en-US","parameters":[{"type":"string","key":"1","value":"Ana"}]}', "mapped", template);
  },
  "CirrusClient: sendTemplate, a 206 partial answer, and a 400 envelope as invalid_request": async (api, { cirrus: baseUrl }) => {
    await remote(baseUrl);
    const client = cirrus(api, baseUrl);
    const template = { name: "order_update", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "Ana" }] }] };
    const sent = await client.sendTemplate("+14155552671", template);
    check(sent.status === "200" && sent.data[0].recipient === "14155552671", "sent", sent);
    const item = (to) => ({ template_data: { to, template } });
    const partial = await client.sendTemplatedMessage({ data: [item("19172537000"), item("447400123456")] });
    check(partial.status === "206" && partial.data[1].failed === "invalid — Not a valid WhatsApp user", "partial", partial);
    const v1Client = new api.CirrusClient({ apiKey: CIRRUS_KEY, streamId: STREAM_ID, baseUrl, v2Prefix: "" });
    const v1 = await v1Client.sendTemplatedMessage({ data: [item("19172537000")] }).catch((e) => e);
    check(v1.code === "invalid_request" && v1.status === 400 && v1.message === "HTTP 400: Missing parameter template_name", "400", { ...v1, message: v1.message });
  },
};
