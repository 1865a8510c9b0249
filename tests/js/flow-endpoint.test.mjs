// Layer 3, Node: createFlowEndpoint and decryptFlowMedia through the built
// package, cross-checked against node:crypto following Meta's documented steps.
import { test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFlowEndpoint, decryptFlowMedia, flowTokenExpired, wasmMemoryBytes } from "../../pkg/node.js";
import { initSync } from "../../pkg/whatsapp_edge.js";
import { decryptResponse, encryptMedia, encryptRequest, jwt, post } from "./flow-endpoint-crypto.mjs";

const keys = Array.from({ length: 4 }, () => crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }));
const [{ privateKey, publicKey }] = keys;
const pkcs8 = privateKey.export({ type: "pkcs8", format: "pem" });
const APP_SECRET = "app-secret-do-not-leak-7f3a";
const PASSPHRASE = "passphrase-do-not-leak-91c2";

function randomText(length) {
  const pool = ["a", "Z", "0", " ", '"', "\\", "\n", "é", "€", "\u2028", "😀", "中"];
  return Array.from({ length }, () => pool[crypto.randomInt(pool.length)]).join("");
}

test("cross-check: ours decrypts theirs and theirs decrypts ours (4 keys × 12 payloads, PKCS#8 and PKCS#1)", async () => {
  for (const [index, pair] of keys.entries()) {
    const pem = pair.privateKey.export(index % 2 ? { type: "pkcs1", format: "pem" } : { type: "pkcs8", format: "pem" });
    let seen;
    const endpoint = createFlowEndpoint({ privateKey: pem, handler: (request) => ((seen = request), { screen: "NEXT", data: { echo: request.data } }) });
    for (let n = 0; n < 12; n++) {
      const request = { version: "3.0", action: "data_exchange", screen: "S", flow_token: `tok-${n}`, data: { text: randomText(crypto.randomInt(0, 3000)), n, nested: [{ ok: true }] } };
      const { envelope, aesKey, iv } = encryptRequest(pair.publicKey, request);
      const response = await endpoint(post(envelope));
      assert.equal(response.status, 200);
      assert.match(response.headers.get("content-type"), /^text\/plain/);
      const body = await response.text();
      assert.match(body, /^[A-Za-z0-9+/]+=*$/, "plain base64");
      assert.deepEqual(seen, request, "ours decrypts theirs");
      assert.deepEqual(decryptResponse(body, aesKey, iv), { screen: "NEXT", data: { echo: request.data } }, "theirs decrypts ours");
    }
  }
});

test("every decryption failure is 421, and the handler is never called", async () => {
  let calls = 0;
  const endpoint = createFlowEndpoint({ privateKey: pkcs8, handler: () => (calls++, { screen: "S" }) });
  const good = () => encryptRequest(publicKey, { version: "3.0", action: "INIT", flow_token: "t" }).envelope;
  const flip = (b64, at) => {
    const bytes = Buffer.from(b64, "base64");
    bytes[at < 0 ? bytes.length + at : at] ^= 0x01;
    return bytes.toString("base64");
  };
  const cases = {
    "tampered ciphertext": (e) => ({ ...e, encrypted_flow_data: flip(e.encrypted_flow_data, 0) }),
    "tampered tag": (e) => ({ ...e, encrypted_flow_data: flip(e.encrypted_flow_data, -1) }),
    "tampered IV": (e) => ({ ...e, initial_vector: flip(e.initial_vector, 3) }),
    "tampered wrapped key": (e) => ({ ...e, encrypted_aes_key: flip(e.encrypted_aes_key, 10) }),
    "wrong key": () => encryptRequest(keys[1].publicKey, { action: "INIT" }).envelope,
    "truncated data": (e) => ({ ...e, encrypted_flow_data: Buffer.from(e.encrypted_flow_data, "base64").subarray(0, 10).toString("base64") }),
    "truncated wrapped key": (e) => ({ ...e, encrypted_aes_key: Buffer.from(e.encrypted_aes_key, "base64").subarray(0, 100).toString("base64") }),
    "12-byte IV": (e) => ({ ...e, initial_vector: crypto.randomBytes(12).toString("base64") }),
    "bad base64": (e) => ({ ...e, encrypted_flow_data: "!!" + e.encrypted_flow_data }),
    "missing field": (e) => ({ encrypted_flow_data: e.encrypted_flow_data, initial_vector: e.initial_vector }),
    "numbers for strings": () => ({ encrypted_flow_data: 1, encrypted_aes_key: 2, initial_vector: 3 }),
    "not JSON": () => "encrypted_flow_data=abc",
    "empty body": () => "",
    "32-byte AES key": () => encryptRequest(publicKey, { action: "INIT" }, { aesKey: crypto.randomBytes(32) }).envelope,
    "plaintext not JSON": () => encryptRequest(publicKey, "not json").envelope,
    "plaintext a JSON array": () => encryptRequest(publicKey, "[1]").envelope,
  };
  for (const [name, make] of Object.entries(cases)) {
    const response = await endpoint(post(make(good())));
    assert.equal(response.status, 421, name);
  }
  assert.equal(calls, 0);
  // And random bytes for every field, many times.
  for (let n = 0; n < 50; n++) {
    const envelope = { encrypted_flow_data: crypto.randomBytes(crypto.randomInt(0, 80)).toString("base64"), encrypted_aes_key: crypto.randomBytes(crypto.randomInt(0, 300)).toString("base64"), initial_vector: crypto.randomBytes(16).toString("base64") };
    assert.equal((await endpoint(post(envelope))).status, 421);
  }
});

test("ping, error notifications, 405, 427, and the handler's own errors", async () => {
  const notified = [];
  const endpoint = createFlowEndpoint({
    privateKey: pkcs8,
    onErrorNotification: (request) => notified.push(request.data.error),
    handler: (request) => {
      if (request.flow_token === "stale") throw flowTokenExpired("This offer has ended.");
      if (request.flow_token === "boom") throw new TypeError("handler bug");
      return Promise.resolve({ screen: "S", data: {} });
    },
  });
  const call = async (payload) => {
    const { envelope, aesKey, iv } = encryptRequest(publicKey, payload);
    const response = await endpoint(post(envelope));
    return { response, body: response.status === 200 ? decryptResponse(await response.text(), aesKey, iv) : await response.text() };
  };
  assert.deepEqual((await call({ version: "3.0", action: "ping" })).body, { data: { status: "active" } });
  const notification = await call({ version: "3.0", action: "data_exchange", flow_token: "t", data: { error: "invalid_screen_transition", error_message: "bad" } });
  assert.deepEqual(notification.body, { data: { acknowledged: true } });
  assert.deepEqual(notified, ["invalid_screen_transition"]);
  const stale = await call({ version: "3.0", action: "INIT", flow_token: "stale" });
  assert.equal(stale.response.status, 427);
  assert.deepEqual(JSON.parse(stale.body), { error_msg: "This offer has ended." });
  await assert.rejects(call({ version: "3.0", action: "INIT", flow_token: "boom" }), (e) => e instanceof TypeError && e.message === "handler bug");
  assert.equal((await endpoint(new Request("https://e.example/", { method: "GET" }))).status, 405);
  assert.equal(flowTokenExpired().code, "flow_token_expired");
});

test("appSecret: unsigned or wrongly signed requests are 432; rotation accepts either secret", async () => {
  const endpoint = createFlowEndpoint({ privateKey: pkcs8, appSecret: ["old-secret", APP_SECRET], handler: () => ({ screen: "S" }) });
  const { envelope } = encryptRequest(publicKey, { version: "3.0", action: "ping" });
  assert.equal((await endpoint(post(envelope))).status, 432);
  assert.equal((await endpoint(post(envelope, "wrong"))).status, 432);
  assert.equal((await endpoint(post(envelope, APP_SECRET))).status, 200);
  assert.equal((await endpoint(post(envelope, "old-secret"))).status, 200);
  assert.equal((await endpoint(post("not json", APP_SECRET))).status, 421, "signature first, then decryption");
});

test("appSecret: a flow_token_signature (HS256 JWT, data_api_version 4.0) must be signed with the app secret, or the answer is 432", async () => {
  const claims = { flow_token: "tok-1", iat: 1763900000 };
  const seen = [];
  const handler = (request) => (seen.push(request), { screen: "NEXT", data: {} });
  const request = (signature) => encryptRequest(publicKey, { version: "4.0", action: "data_exchange", screen: "S", data: {}, flow_token: "tok-1", flow_token_signature: signature });
  const endpoint = createFlowEndpoint({ privateKey: pkcs8, appSecret: ["old-secret", APP_SECRET], handler });
  for (const secret of [APP_SECRET, "old-secret"]) {
    const { envelope, aesKey, iv } = request(jwt(secret, claims));
    const response = await endpoint(post(envelope, APP_SECRET));
    assert.equal(response.status, 200, secret);
    assert.equal(decryptResponse(await response.text(), aesKey, iv).screen, "NEXT");
  }
  assert.equal(seen.length, 2);
  const unsigned = jwt(APP_SECRET, claims).replace(/\.[^.]+$/, "");
  for (const forged of [jwt("someone-else", claims), jwt(APP_SECRET, claims, { alg: "none" }), jwt(APP_SECRET, claims, { alg: "HS512" }), unsigned, "not-a-jwt"]) {
    const { envelope } = request(forged);
    assert.equal((await endpoint(post(envelope, APP_SECRET))).status, 432, forged);
  }
  assert.equal(seen.length, 2, "the handler never sees a forged token");
  // Without an app secret there is nothing to check it with: the handler gets the request as sent.
  const open = createFlowEndpoint({ privateKey: pkcs8, handler });
  assert.equal((await open(post(request(jwt("someone-else", claims)).envelope))).status, 200);
});

test("flow_token_signature binds the request: another user's flow_token, exp/nbf/iat, or a non-string signature is 432; the handler gets the verified claims", async () => {
  const seen = [];
  const endpoint = createFlowEndpoint({
    privateKey: pkcs8,
    appSecret: APP_SECRET,
    handler: (request, context) => (seen.push([request.flow_token, context.flowTokenClaims]), { screen: "NEXT", data: {} }),
  });
  const status = async (fields) => {
    const { envelope } = encryptRequest(publicKey, { version: "4.0", action: "data_exchange", screen: "S", data: {}, ...fields });
    return (await endpoint(post(envelope, APP_SECRET))).status;
  };
  const now = Math.floor(Date.now() / 1000);
  const good = { flow_token: "alice", iat: now - 5, exp: now + 3600 };
  assert.equal(await status({ flow_token: "alice", flow_token_signature: jwt(APP_SECRET, good) }), 200);
  assert.deepEqual(seen.at(-1), ["alice", good], "the handler gets the claims it can trust");
  // The claim's name is not public: another top-level string claim equal to the request's flow_token binds too.
  assert.equal(await status({ flow_token: "alice", flow_token_signature: jwt(APP_SECRET, { sub: "alice" }) }), 200);
  assert.equal(await status({ flow_token: "alice", flow_token_signature: jwt(APP_SECRET, { flow_token: "alice", exp: now - 30 }) }), 200, "inside the 60 s leeway");
  const refused = {
    "alice's valid token beside bob's flow_token": { flow_token: "bob", flow_token_signature: jwt(APP_SECRET, good) },
    "a flow_token claim decides even when another claim matches": { flow_token: "bob", flow_token_signature: jwt(APP_SECRET, { flow_token: "alice", sub: "bob" }) },
    "only iss matches": { flow_token: "meta", flow_token_signature: jwt(APP_SECRET, { iss: "meta" }) },
    "expired": { flow_token: "alice", flow_token_signature: jwt(APP_SECRET, { ...good, exp: now - 120 }) },
    "not yet valid": { flow_token: "alice", flow_token_signature: jwt(APP_SECRET, { ...good, nbf: now + 600 }) },
    "issued in the future": { flow_token: "alice", flow_token_signature: jwt(APP_SECRET, { ...good, iat: now + 600 }) },
    "exp not a number": { flow_token: "alice", flow_token_signature: jwt(APP_SECRET, { ...good, exp: String(now + 600) }) },
    "claims not an object": { flow_token: "alice", flow_token_signature: jwt(APP_SECRET, ["alice"]) },
    "no flow_token in the request": { flow_token_signature: jwt(APP_SECRET, good) },
    "signature a number": { flow_token: "alice", flow_token_signature: 42 },
    "signature null": { flow_token: "alice", flow_token_signature: null },
    "signature an object": { flow_token: "alice", flow_token_signature: { alg: "none" } },
  };
  const before = seen.length;
  for (const [name, fields] of Object.entries(refused)) assert.equal(await status(fields), 432, name);
  assert.equal(seen.length, before, "the handler never sees a refused request");
  // No signature (and none required): the handler runs, with no claims.
  assert.equal(await status({ flow_token: "carol" }), 200);
  assert.deepEqual(seen.at(-1), ["carol", undefined]);
});

test("requireFlowTokenSignature: on by default for a data_api_version 4.0 Flow with appSecret; needs appSecret", async () => {
  const layout = { type: "SingleColumnLayout", children: [] };
  const flow = { version: "7.3", data_api_version: "4.0", routing_model: {}, screens: [{ id: "S", terminal: true, layout }] };
  const handler = () => ({ screen: "S" });
  const status = async (endpoint, fields) => {
    const { envelope } = encryptRequest(publicKey, { version: "4.0", action: "INIT", ...fields });
    return (await endpoint(post(envelope, APP_SECRET))).status;
  };
  const unsigned = { flow_token: "t" };
  const signed = { flow_token: "t", flow_token_signature: jwt(APP_SECRET, { flow_token: "t" }) };
  const byDefault = createFlowEndpoint({ privateKey: pkcs8, appSecret: APP_SECRET, flow, handler });
  assert.equal(await status(byDefault, unsigned), 432, "stripped signature");
  assert.equal(await status(byDefault, signed), 200);
  assert.equal(await status(byDefault, { action: "ping" }), 200, "health checks carry no flow token");
  const optedOut = createFlowEndpoint({ privateKey: pkcs8, appSecret: APP_SECRET, flow, requireFlowTokenSignature: false, handler });
  assert.equal(await status(optedOut, unsigned), 200);
  const v3 = createFlowEndpoint({ privateKey: pkcs8, appSecret: APP_SECRET, flow: { ...flow, data_api_version: "3.0" }, handler });
  assert.equal(await status(v3, unsigned), 200);
  const explicit = createFlowEndpoint({ privateKey: pkcs8, appSecret: APP_SECRET, requireFlowTokenSignature: true, handler });
  assert.equal(await status(explicit, unsigned), 432);
  assert.equal(await status(explicit, signed), 200);
  // Without an app secret there is nothing to check a signature with: not required by default, refused when asked.
  const open = createFlowEndpoint({ privateKey: pkcs8, flow, handler });
  assert.equal(await status(open, unsigned), 200);
  assert.throws(() => createFlowEndpoint({ privateKey: pkcs8, requireFlowTokenSignature: true, handler }), { code: "invalid_argument" });
  assert.throws(() => createFlowEndpoint({ privateKey: pkcs8, appSecret: APP_SECRET, requireFlowTokenSignature: "yes", handler }), { code: "invalid_argument" });
});

/** A body that never ends, pulled 16 KiB at a time: how far was it read, and was it cancelled? */
function endless() {
  const state = { pulled: 0, cancelled: false };
  state.stream = new ReadableStream({
    pull(controller) {
      state.pulled++;
      controller.enqueue(new Uint8Array(16 * 1024).fill(0x7b));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return state;
}

test("maxBodyBytes: 413 on a Content-Length over the cap (unread), or as soon as a stream passes it; nothing reaches wasm memory", async () => {
  let calls = 0;
  const cap = 64 * 1024;
  const endpoint = createFlowEndpoint({ privateKey: pkcs8, appSecret: APP_SECRET, maxBodyBytes: cap, handler: () => (calls++, { screen: "S" }) });
  const { envelope } = encryptRequest(publicKey, { version: "3.0", action: "INIT", flow_token: "t" });
  assert.equal((await endpoint(post(envelope, APP_SECRET))).status, 200, "a normal request passes");
  const url = "https://endpoint.example/flow";
  const declared = new Request(url, { method: "POST", body: "x".repeat(cap + 1) });
  assert.equal((await endpoint(declared)).status, 413);
  const chunked = endless();
  assert.equal((await endpoint(new Request(url, { method: "POST", body: chunked.stream, duplex: "half" }))).status, 413, "no Content-Length");
  assert.ok(chunked.pulled <= cap / (16 * 1024) + 3, `read ${chunked.pulled} chunks past a ${cap}-byte cap`);
  // fetch's Request sets Content-Length itself; a proxy or a look-alike can say anything.
  const lying = endless();
  const liar = { method: "POST", headers: new Headers({ "content-length": "10" }), body: lying.stream };
  assert.equal((await endpoint(liar)).status, 413, "a lying Content-Length");
  assert.ok(lying.pulled <= cap / (16 * 1024) + 3 && lying.cancelled);
  assert.equal(calls, 1);

  // The default cap is 1 MiB, and refused bodies never grow wasm memory.
  const open = createFlowEndpoint({ privateKey: pkcs8, handler: () => ({ screen: "S" }) });
  assert.equal((await open(new Request(url, { method: "POST", body: "x".repeat(1024 * 1024) }))).status, 421, "at the cap: read (and undecryptable)");
  const before = wasmMemoryBytes();
  const big = new Uint8Array(8 * 1024 * 1024).fill(0x7b);
  for (let n = 0; n < 4; n++) {
    assert.equal((await open(new Request(url, { method: "POST", body: big }))).status, 413);
    assert.equal((await open(new Request(url, { method: "POST", body: new Blob([big]).stream(), duplex: "half" }))).status, 413);
  }
  assert.ok(wasmMemoryBytes() - before < big.length, `wasm memory grew by ${wasmMemoryBytes() - before} bytes`);
  for (const maxBodyBytes of [0, -1, 1.5, "1", Number.NaN, 2 ** 32]) {
    assert.throws(() => createFlowEndpoint({ privateKey: pkcs8, maxBodyBytes, handler: () => ({}) }), { code: "invalid_argument" }, String(maxBodyBytes));
  }
});

test("a form field named error reaches the handler; only Meta's error-notification shape is acknowledged", async () => {
  const seen = [];
  const notified = [];
  const endpoint = createFlowEndpoint({
    privateKey: pkcs8,
    onErrorNotification: (request) => notified.push(request.data),
    handler: (request) => (seen.push(request.data), { screen: "NEXT", data: {} }),
  });
  const call = async (payload) => {
    const { envelope, aesKey, iv } = encryptRequest(publicKey, { version: "3.0", flow_token: "t", ...payload });
    return decryptResponse(await (await endpoint(post(envelope))).text(), aesKey, iv);
  };
  for (const data of [{ error: "my typo", comment: "x" }, { error: "x", error_message: "y", name: "Ann" }, { error: { code: 1 }, error_message: "y" }]) {
    assert.deepEqual(await call({ action: "data_exchange", screen: "FORM", data }), { screen: "NEXT", data: {} });
    assert.deepEqual(seen.at(-1), data, "user input reaches the handler");
  }
  for (const action of ["data_exchange", "INIT"]) {
    const data = { error: "invalid_screen_transition", error_message: "bad" };
    assert.deepEqual(await call({ action, data }), { data: { acknowledged: true } });
    assert.deepEqual(notified.at(-1), data);
  }
  assert.equal(seen.length, 3);
});

test("key material: once WebCrypto holds the key, no plaintext copy of it is left in wasm memory", async () => {
  const { memory } = initSync({ module: readFileSync(new URL("../../pkg/whatsapp_edge_bg.wasm", import.meta.url)) });
  const pair = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const der = pair.privateKey.export({ type: "pkcs8", format: "der" });
  // Windows inside the private part (d, p, q, CRT values), not the public modulus.
  const windows = [der.subarray(400, 432), der.subarray(700, 732), der.subarray(der.length - 48, der.length - 16)];
  const keys = {
    pkcs8: pair.privateKey.export({ type: "pkcs8", format: "pem" }),
    pkcs1: pair.privateKey.export({ type: "pkcs1", format: "pem" }),
    "encrypted, AES": pair.privateKey.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: PASSPHRASE }),
    "encrypted, DES-EDE3": pair.privateKey.export({ type: "pkcs8", format: "pem", cipher: "des-ede3-cbc", passphrase: PASSPHRASE }),
  };
  for (const [name, pem] of Object.entries(keys)) {
    const endpoint = createFlowEndpoint({ privateKey: pem, passphrase: name.startsWith("encrypted") ? PASSPHRASE : undefined, handler: () => ({ screen: "S" }) });
    for (let n = 0; n < 2; n++) {
      const { envelope } = encryptRequest(pair.publicKey, { version: "3.0", action: "INIT", flow_token: "t" });
      assert.equal((await endpoint(post(envelope))).status, 200, name);
    }
    const heap = Buffer.from(memory.buffer);
    for (const window of windows) assert.equal(heap.indexOf(window), -1, `${name}: the private key is still in wasm memory`);
    const base64 = pem.split("\n").filter((line) => line.length === 64 && !line.startsWith("-"));
    for (const line of base64.slice(5, 8)) assert.equal(heap.indexOf(line), -1, `${name}: the PEM text is still in wasm memory`);
  }
});

test("with the Flow JSON, answers must name an existing screen and give its declared data", async () => {
  const flow = { version: "6.0", data_api_version: "3.0", routing_model: { A: ["B"] }, screens: [
    { id: "A", data: { name: { type: "string", __example__: "x" }, count: { type: "number", __example__: 1 } }, layout: { type: "SingleColumnLayout", children: [] } },
    { id: "B", terminal: true, layout: { type: "SingleColumnLayout", children: [] } },
  ] };
  let answer;
  const endpoint = createFlowEndpoint({ privateKey: pkcs8, flow: JSON.stringify(flow), handler: () => answer });
  const call = async () => {
    const { envelope, aesKey, iv } = encryptRequest(publicKey, { version: "3.0", action: "INIT", flow_token: "t" });
    return decryptResponse(await (await endpoint(post(envelope))).text(), aesKey, iv);
  };
  answer = { screen: "A", data: { name: "n", count: 2 } };
  assert.deepEqual(await call(), answer);
  answer = { screen: "SUCCESS", data: { extension_message_response: { params: { flow_token: "t" } } } };
  assert.deepEqual(await call(), answer);
  for (const [bad, codes] of [
    [{ screen: "C", data: {} }, ["flow_endpoint.unknown_screen"]],
    [{ screen: "A", data: { name: 1 } }, ["flow_endpoint.data_type", "flow_endpoint.data_missing"]],
    [{ data: {} }, ["flow_endpoint.screen_missing"]],
    [{ screen: "SUCCESS", data: {} }, ["flow_endpoint.flow_token_missing"]],
    ["text", ["flow_endpoint.response_not_object"]],
  ]) {
    answer = bad;
    await assert.rejects(call(), (e) => e.code === "validation_failed" && assert.deepEqual(e.issues.map((i) => i.code), codes) === undefined, JSON.stringify(bad));
  }
});

const secretErrors = [];
function collect(error) {
  secretErrors.push(`${error.message} ${JSON.stringify(error)}`);
  return error;
}

test("encrypted keys: OpenSSL 3 `genrsa -des3` (Meta's instructions), PBES2 AES, wrong or missing passphrase", async () => {
  const dir = mkdtempSync(join(tmpdir(), "flow-keys-"));
  const genrsa = (...flags) => {
    const file = join(dir, `key${flags.join("")}.pem`);
    execFileSync("openssl", ["genrsa", ...flags, "-passout", `pass:${PASSPHRASE}`, "-out", file, "2048"], { stdio: "ignore" });
    return readFileSync(file, "utf8");
  };
  const des3 = genrsa("-des3");
  assert.match(des3, /BEGIN ENCRYPTED PRIVATE KEY/, "OpenSSL 3 writes PKCS#8/PBES2");
  const node = (cipher) => crypto.generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem", cipher, passphrase: PASSPHRASE }, publicKeyEncoding: { type: "spki", format: "pem" } });
  const aes = node("aes-256-cbc");
  const aes128 = node("aes-128-cbc");
  const nodeDes = node("des-ede3-cbc");
  const publicOf = (pem) => crypto.createPublicKey({ key: pem, passphrase: PASSPHRASE });
  for (const [name, pem, pub] of [["genrsa -des3", des3, publicOf(des3)], ["aes-256-cbc", aes.privateKey, aes.publicKey], ["aes-128-cbc", aes128.privateKey, aes128.publicKey], ["des-ede3-cbc", nodeDes.privateKey, nodeDes.publicKey]]) {
    const endpoint = createFlowEndpoint({ privateKey: pem, passphrase: PASSPHRASE, handler: (r) => ({ screen: "S", data: { token: r.flow_token } }) });
    const { envelope, aesKey, iv } = encryptRequest(pub, { version: "3.0", action: "INIT", flow_token: name });
    assert.deepEqual(decryptResponse(await (await endpoint(post(envelope))).text(), aesKey, iv), { screen: "S", data: { token: name } }, name);
    const wrong = createFlowEndpoint({ privateKey: pem, passphrase: "not it", handler: () => ({}) });
    await assert.rejects(wrong(post(envelope)).catch((e) => Promise.reject(collect(e))), { code: "wrong_passphrase" }, name);
    assert.throws(() => { try { createFlowEndpoint({ privateKey: pem, handler: () => ({}) }); } catch (e) { throw collect(e); } }, { code: "passphrase_required" });
  }
  const legacy = genrsa("-traditional", "-des3");
  assert.match(legacy, /Proc-Type: 4,ENCRYPTED/);
  assert.throws(() => { try { createFlowEndpoint({ privateKey: legacy, passphrase: PASSPHRASE, handler: () => ({}) }); } catch (e) { throw collect(e); } }, { code: "unsupported_private_key" });
});

test("misuse throws invalid_argument or invalid_private_key; no error quotes a secret", async () => {
  const body = pkcs8.split("\n").slice(1, -2);
  for (const [options, code] of [
    [{ privateKey: "-----BEGIN PRIVATE KEY-----\n" + body.join("\n") + "\n-----END PRIVATE KEY-----".replace("PRIVATE", "PUBLIC"), handler: () => ({}) }, "invalid_private_key"],
    [{ privateKey: pkcs8.replace(body[3], body[3].slice(0, 10) + "!" + body[3].slice(11)), handler: () => ({}) }, "invalid_private_key"],
    [{ privateKey: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", handler: () => ({}) }, "invalid_private_key"],
    [{ privateKey: pkcs8 }, "invalid_argument"],
    [{ privateKey: pkcs8, handler: () => ({}), appSecret: "" }, "invalid_argument"],
    [{ privateKey: pkcs8, handler: () => ({}), appsecret: APP_SECRET }, "invalid_argument"],
    [{ privateKey: 42, handler: () => ({}) }, "invalid_argument"],
  ]) {
    assert.throws(() => { try { createFlowEndpoint(options); } catch (e) { throw collect(e); } }, { code }, JSON.stringify(Object.keys(options)));
  }
  const wrongSecret = createFlowEndpoint({ privateKey: pkcs8, appSecret: APP_SECRET, handler: () => "x" });
  const { envelope } = encryptRequest(publicKey, { action: "INIT", flow_token: "t" });
  const signed = post(envelope, APP_SECRET);
  await assert.rejects(wrongSecret(signed).catch((e) => Promise.reject(collect(e))), { code: "validation_failed" });
  assert.ok(secretErrors.length >= 12);
  const secrets = [APP_SECRET, PASSPHRASE, ...body.filter((line) => line.length > 20)];
  for (const text of secretErrors) for (const secret of secrets) assert.ok(!text.includes(secret), `an error quotes a secret: ${text}`);
});

test("decryptFlowMedia: Meta's CDN layout round-trips; any tampering is media_integrity", async () => {
  for (const size of [0, 1, 15, 16, 17, 1000, 100_000]) {
    const plain = crypto.randomBytes(size);
    const { file, metadata } = encryptMedia(plain);
    const out = await decryptFlowMedia(new Uint8Array(file), { cdn_url: "https://cdn", file_name: "x.jpg", encryption_metadata: metadata });
    assert.ok(out instanceof Uint8Array);
    assert.deepEqual(Buffer.from(out), plain, `size ${size}`);
    assert.deepEqual(Buffer.from(await decryptFlowMedia(file.buffer.slice(file.byteOffset, file.byteOffset + file.length), JSON.stringify(metadata))), plain);
  }
  const { file, metadata } = encryptMedia(crypto.randomBytes(100));
  const tampered = Buffer.from(file);
  tampered[5] ^= 1;
  await assert.rejects(decryptFlowMedia(tampered, metadata), { code: "media_integrity" }, "encrypted hash");
  await assert.rejects(decryptFlowMedia(tampered, { ...metadata, encrypted_hash: crypto.createHash("sha256").update(tampered).digest("base64") }), { code: "media_integrity" }, "HMAC");
  await assert.rejects(decryptFlowMedia(file.subarray(0, 50), { ...metadata, encrypted_hash: crypto.createHash("sha256").update(file.subarray(0, 50)).digest("base64") }), { code: "media_integrity" }, "truncated");
  await assert.rejects(decryptFlowMedia(file, { ...metadata, plaintext_hash: metadata.encrypted_hash }), { code: "media_integrity" }, "plaintext hash");
  await assert.rejects(decryptFlowMedia(file, { ...metadata, iv: "AAAA" }), { code: "invalid_argument" });
  // Every step runs on JavaScript buffers: decrypting never copies the file into wasm memory.
  const large = encryptMedia(crypto.randomBytes(4 * 1024 * 1024));
  const before = wasmMemoryBytes();
  for (let n = 0; n < 3; n++) assert.equal((await decryptFlowMedia(large.file, large.metadata)).length, 4 * 1024 * 1024);
  assert.ok(wasmMemoryBytes() - before < 1024 * 1024, `wasm memory grew by ${wasmMemoryBytes() - before} bytes`);
});
