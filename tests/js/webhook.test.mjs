// Layer 3, Node: webhook signatures, the subscription handshake and the total
// webhook parser, through the built package. Reference HMACs come from node:crypto.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { parseWebhook, readBody, verifyWebhookSignature, wasmMemoryBytes, webhookChallenge } from "../../pkg/node.js";
import { corpus } from "./webhook-corpus.mjs";

const sign = (body, secret) => "sha256=" + createHmac("sha256", secret).update(body).digest("hex");

test("verifyWebhookSignature: raw bytes in every form, rotation, rejections", async () => {
  // Meta signs the escaped-unicode form it sends: hash exactly the bytes received.
  const body = '{"object":"whatsapp_business_account","entry":[{"id":"1","x":"\\u00e4\\u00f6 ü"}]}';
  const header = sign(body, "s3cret");
  const bytes = new TextEncoder().encode(body);
  for (const form of [body, bytes, bytes.buffer, Buffer.from(body), new DataView(bytes.buffer)]) {
    assert.equal(await verifyWebhookSignature(form, header, "s3cret"), true);
  }
  assert.equal(await verifyWebhookSignature(body, header.toUpperCase().replace("SHA256", "sha256"), "s3cret"), true);
  assert.equal(await verifyWebhookSignature(body, header, ["old", "s3cret"]), true, "rotation: either secret");
  assert.equal(await verifyWebhookSignature(body, header, ["old", "other"]), false);
  assert.equal(await verifyWebhookSignature(body + " ", header, "s3cret"), false, "re-serialised body");
  assert.equal(await verifyWebhookSignature(JSON.stringify(JSON.parse(body)), header, "s3cret"), false);
  for (const bad of [null, undefined, "", "sha256=", "sha1=abc", header.slice(0, -2), header.replace("sha256=", "")]) {
    assert.equal(await verifyWebhookSignature(body, bad, "s3cret"), false, String(bad));
  }
  for (const [args, what] of [[[body, header, ""], "empty secret"], [[body, header, []], "no secrets"], [[body, header, 5], "number"], [[{}, header, "s"], "object body"]]) {
    await assert.rejects(verifyWebhookSignature(...args), (e) => e instanceof Error && e.code === "invalid_argument", what);
  }
});

test("verifyWebhookSignature: HMAC on the JavaScript buffer, capped at maxBodyBytes (default 4 MiB)", async () => {
  const MiB = 1024 * 1024;
  const body = new Uint8Array(4 * MiB).fill(0x20);
  body.set(new TextEncoder().encode('{"object":"whatsapp_business_account"}'));
  const header = sign(body, "s3cret");
  assert.equal(await verifyWebhookSignature(body, header, "s3cret"), true, "exactly the default cap");
  const over = new Uint8Array(4 * MiB + 1);
  await assert.rejects(verifyWebhookSignature(over, sign(over, "s3cret"), "s3cret"), (e) => e instanceof Error && e.code === "body_too_large" && e.status === 413);
  await assert.rejects(verifyWebhookSignature("x".repeat(101), sign("x".repeat(101), "s"), "s", { maxBodyBytes: 100 }), { code: "body_too_large" });
  assert.equal(await verifyWebhookSignature("x".repeat(100), sign("x".repeat(100), "s"), "s", { maxBodyBytes: 100 }), true);
  assert.equal(await verifyWebhookSignature(over, sign(over, "s"), "s", { maxBodyBytes: 8 * MiB }), true, "a raised cap");
  for (const options of [{ maxBodyBytes: 0 }, { maxBodyBytes: "1" }, { maxbodybytes: 1 }, 5]) {
    await assert.rejects(verifyWebhookSignature("x", header, "s", options), { code: "invalid_argument" }, JSON.stringify(options));
  }
  // Bodies are hashed where they are: verifying never copies them into wasm memory (which does not shrink).
  const before = wasmMemoryBytes();
  const text = "é".repeat(1.5 * MiB);
  for (let n = 0; n < 4; n++) {
    assert.equal(await verifyWebhookSignature(body, header, ["old", "s3cret"]), true);
    assert.equal(await verifyWebhookSignature(text, sign(text, "s3cret"), "s3cret"), true);
  }
  assert.ok(wasmMemoryBytes() - before < MiB, `wasm memory grew by ${wasmMemoryBytes() - before} bytes`);
});

test("readBody: the body within maxBodyBytes, else body_too_large (413) without reading further", async () => {
  const url = "https://example.com/webhook";
  const text = JSON.stringify({ object: "whatsapp_business_account", entry: [] });
  const bytes = await readBody(new Request(url, { method: "POST", body: text }));
  assert.ok(bytes instanceof Uint8Array);
  assert.equal(new TextDecoder().decode(bytes), text);
  assert.equal((await readBody(new Request(url, { method: "POST" }))).length, 0, "no body");
  const chunks = new ReadableStream({ start(c) { for (const part of ["ab", "cd", "ef"]) c.enqueue(new TextEncoder().encode(part)); c.close(); } });
  assert.equal(new TextDecoder().decode(await readBody(new Request(url, { method: "POST", body: chunks, duplex: "half" }), { maxBodyBytes: 6 })), "abcdef");
  const tooLarge = (e) => e instanceof Error && e.code === "body_too_large" && e.status === 413 && /maxBodyBytes/.test(e.message);
  await assert.rejects(readBody(new Request(url, { method: "POST", body: "x".repeat(11) }), { maxBodyBytes: 10 }), tooLarge, "Content-Length");
  await assert.rejects(readBody(new Request(url, { method: "POST", body: new Uint8Array(4 * 1024 * 1024 + 1) })), tooLarge, "the 4 MiB default");
  // No Content-Length, or a lying one: the count stops the read.
  let pulled = 0;
  let cancelled = false;
  const endless = () => new ReadableStream({ pull: (c) => (pulled++, c.enqueue(new Uint8Array(1024))), cancel: () => void (cancelled = true) });
  await assert.rejects(readBody(new Request(url, { method: "POST", body: endless(), duplex: "half" }), { maxBodyBytes: 10_000 }), tooLarge);
  assert.ok(pulled <= 13, `pulled ${pulled} KiB past a 10,000-byte cap`);
  pulled = 0;
  cancelled = false;
  await assert.rejects(readBody({ headers: new Headers({ "content-length": "5" }), body: endless() }, { maxBodyBytes: 10_000 }), tooLarge);
  assert.ok(pulled <= 13 && cancelled);
  for (const [args, what] of [[["https://example.com"], "a URL"], [[new Request(url, { method: "POST", body: "x" }), { maxBodyBytes: -1 }], "a bad cap"], [[new Request(url), { cap: 1 }], "an unknown option"]]) {
    await assert.rejects(readBody(...args), { code: "invalid_argument" }, what);
  }
});

test("webhookChallenge: echoes only a challenge of 1-128 ASCII digits and letters (no reflected markup)", () => {
  const url = (challenge) => `https://example.com/webhook?hub.mode=subscribe&hub.verify_token=t&hub.challenge=${encodeURIComponent(challenge)}`;
  for (const safe of ["1158201444", "abcXYZ09", "9".repeat(128)]) assert.equal(webhookChallenge(url(safe), "t"), safe);
  for (const hostile of ["<script>alert(1)</script>", "<svg onload=alert(1)>", "a b", "1\r\nSet-Cookie: x=1", "", "é", "9".repeat(129), "1.5", "a-b_C", "-1", "+1", "javascript:alert(1)", "1\u0000"]) {
    assert.equal(webhookChallenge(url(hostile), "t"), null, hostile);
  }
});

test("webhookChallenge: answers a subscription with the right token only", () => {
  const url = "https://example.com/webhook?hub.mode=subscribe&hub.verify_token=my%20token&hub.challenge=1158201444";
  assert.equal(webhookChallenge(url, "my token"), "1158201444");
  assert.equal(webhookChallenge(new URL(url), ["other", "my token"]), "1158201444");
  assert.equal(webhookChallenge(new Request(url), "my token"), "1158201444");
  assert.equal(webhookChallenge(url, "wrong"), null);
  assert.equal(webhookChallenge(url.replace("subscribe", "unsubscribe"), "my token"), null);
  assert.equal(webhookChallenge("https://example.com/webhook", "my token"), null);
  assert.throws(() => webhookChallenge(5, "t"), { code: "invalid_argument" });
  assert.throws(() => webhookChallenge(url, ""), { code: "invalid_argument" });
});

/** JSON Pointers of every leaf (primitive, or empty container) of `value`. */
function leaves(value, path = "", out = []) {
  const entries = value !== null && typeof value === "object" ? Object.entries(value) : [];
  if (entries.length === 0) out.push(path);
  for (const [key, child] of entries) leaves(child, `${path}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`, out);
  return out;
}

function at(document, pointer) {
  return pointer.split("/").slice(1).reduce((node, key) => node?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], document);
}

/** Nothing lost: every leaf is inside some event's `raw` (which is exactly the
 * input there), or is an envelope value reflected in the events. */
function assertNothingLost(document, result) {
  for (const event of result.events) assert.deepEqual(event.raw, at(document, event.path), `raw at ${event.path}`);
  const contactRaws = result.events.map((e) => e.contact?.raw).filter(Boolean);
  const inside = (pointer, path) => pointer === path || pointer.startsWith(path + "/");
  for (const leaf of leaves(document)) {
    if (result.events.some((e) => inside(leaf, e.path))) continue;
    const value = at(document, leaf);
    const envelope =
      (leaf === "/object" && typeof value === "string" && result.object === value) ||
      (/^\/entry\/\d+\/id$/.test(leaf) && typeof value === "string") ||
      (/^\/entry\/\d+\/time$/.test(leaf) && typeof value === "number") ||
      (/^\/entry\/\d+\/changes\/\d+\/field$/.test(leaf) && typeof value === "string") ||
      (/\/value\/messaging_product$/.test(leaf) && typeof value === "string") ||
      (/\/value\/metadata\/(phone_number_id|display_phone_number)$/.test(leaf) && typeof value === "string") ||
      // An empty list or object carries nothing to keep.
      (value !== null && typeof value === "object" && Object.keys(value).length === 0) ||
      (/\/value\/contacts\/\d+(\/|$)/.test(leaf) && contactRaws.some((raw) => JSON.stringify(raw) === JSON.stringify(at(document, leaf.match(/^.*\/value\/contacts\/\d+/)[0]))));
    assert.ok(envelope, `lost: ${leaf} = ${JSON.stringify(value)}`);
  }
}

for (const [name, [body, types, check]] of Object.entries(corpus)) {
  test(`parseWebhook: ${name}`, () => {
    for (const input of [body, JSON.stringify(body), new TextEncoder().encode(JSON.stringify(body))]) {
      const result = parseWebhook(input);
      assert.equal(result.object, "whatsapp_business_account");
      assert.deepEqual(result.events.map((e) => e.type).sort(), [...types].sort());
      const first = result.events.find((e) => e.type === types[0]);
      assert.ok(check(first), JSON.stringify(first));
      assertNothingLost(body, result);
      if (name !== "nfm_reply_bad_json" && name !== "batch") assert.deepEqual(result.issues, [], name);
    }
  });
}

test("parseWebhook: a bad response_json is a warning, the message still arrives", () => {
  const result = parseWebhook(corpus.nfm_reply_bad_json[0]);
  assert.deepEqual(result.issues.map((i) => [i.code, i.severity, i.path]), [
    ["webhook.response_json_invalid", "warning", "/entry/0/changes/0/value/messages/0/interactive/nfm_reply/response_json"],
  ]);
});

test("parseWebhook: shapes that are not Meta's are issues and unknown events, never throws", () => {
  for (const [body, code] of [["[1,2]", "webhook.not_object"], ["42", "webhook.not_object"], ['{"entry":{}}', "webhook.unexpected_shape"], ['{"entry":[{"changes":[{"field":"messages","value":[]}]}]}', "webhook.unexpected_shape"]]) {
    const result = parseWebhook(body);
    assert.equal(result.issues[0].code, code, body);
    assertNothingLost(JSON.parse(body), result);
  }
  const syntax = parseWebhook('{"entry": [');
  assert.equal(syntax.issues[0].code, "json.syntax");
  assert.deepEqual(syntax.events, []);
  assert.throws(() => parseWebhook(undefined), { code: "invalid_argument" });
});

/** A deterministic PRNG, so a failure can be replayed from its seed. */
function random(seed) {
  return () => ((seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

const replacements = [null, 0, -1.5e300, "", "x", true, [], {}, [{}], { type: "text" }, "\u0000\ud800", 1e21];

function mutate(document, rand) {
  const copy = structuredClone(document);
  const containers = [];
  (function walk(node) {
    if (node !== null && typeof node === "object") {
      containers.push(node);
      Object.values(node).forEach(walk);
    }
  })(copy);
  for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) {
    const target = containers[Math.floor(rand() * containers.length)];
    const keys = Object.keys(target);
    const key = keys[Math.floor(rand() * keys.length)];
    const choice = rand();
    if (key !== undefined && choice < 0.3) delete target[key];
    else if (key !== undefined && choice < 0.8) target[key] = structuredClone(replacements[Math.floor(rand() * replacements.length)]);
    else target[Array.isArray(target) ? target.length : `new_${Math.floor(rand() * 100)}`] = { unexpected: [1, "two"] };
  }
  return copy;
}

test("parseWebhook: 3,000 random mutations of the corpus: no throw, nothing lost", () => {
  const rand = random(11);
  const bodies = Object.values(corpus).map(([body]) => body);
  for (let i = 0; i < 3000; i++) {
    const mutated = mutate(bodies[i % bodies.length], rand);
    const result = parseWebhook(JSON.stringify(mutated));
    assert.ok(Array.isArray(result.events) && Array.isArray(result.issues), `case ${i}`);
    // JSON.stringify turns lone surrogates into escapes; the parser keeps them as U+FFFD: compare via the text.
    assertNothingLost(JSON.parse(JSON.stringify(mutated)), result);
  }
});
