// Layer 3, workerd: examples/worker bundled as wrangler would (workerd
// condition, .wasm as a module), run in Miniflare with no nodejs_compat,
// receiving signed webhooks and serving its Flow endpoint. The soak
// (tests/js/soak.test.mjs, scripts/soak) drives the same Worker at volume.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { corpus } from "./webhook-corpus.mjs";
import { decryptResponse, encryptRequest } from "./flow-endpoint-crypto.mjs";
import { sign, startExampleWorker } from "./example-worker.mjs";

const { mf, publicKey } = await startExampleWorker();
after(() => mf.dispose());

test("worker: GET handshake echoes the challenge, as text, for the right token only", async () => {
  const ok = await mf.dispatchFetch("http://localhost/webhook?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=31337");
  assert.equal(ok.status, 200);
  assert.match(ok.headers.get("content-type"), /^text\/plain/);
  assert.equal(await ok.text(), "31337");
  for (const query of ["hub.verify_token=nope&hub.challenge=1", `hub.verify_token=verify-me&hub.challenge=${encodeURIComponent("<script>alert(1)</script>")}`]) {
    const bad = await mf.dispatchFetch(`http://localhost/webhook?hub.mode=subscribe&${query}`);
    assert.equal(bad.status, 403, query);
    assert.doesNotMatch(await bad.text(), /script/);
  }
});

test("worker: bodies over the caps are 413 (webhook 4 MiB, Flow endpoint 1 MiB), with or without Content-Length", async () => {
  const chunked = (bytes) => new Blob([new Uint8Array(bytes)]).stream();
  for (const [path, cap] of [["/webhook", 4 * 1024 * 1024], ["/flow", 1024 * 1024]]) {
    const declared = await mf.dispatchFetch(`http://localhost${path}`, { method: "POST", body: new Uint8Array(cap + 1) });
    assert.equal(declared.status, 413, `${path}: Content-Length`);
    await declared.arrayBuffer();
    const streamed = await mf.dispatchFetch(`http://localhost${path}`, { method: "POST", body: chunked(cap + 1), duplex: "half" });
    assert.equal(streamed.status, 413, `${path}: streamed`);
    await streamed.arrayBuffer();
  }
});

test("worker: a signed webhook is parsed; a bad signature is rejected", async () => {
  const body = JSON.stringify(corpus.batch[0]);
  const ok = await mf.dispatchFetch("http://localhost/webhook", { method: "POST", body, headers: { "x-hub-signature-256": sign(body) } });
  assert.equal(ok.status, 200);
  assert.deepEqual((await ok.json()).received.sort(), [...corpus.batch[1]].sort());
  for (const headers of [{ "x-hub-signature-256": sign(body + " ") }, {}]) {
    const bad = await mf.dispatchFetch("http://localhost/webhook", { method: "POST", body, headers });
    assert.equal(bad.status, 401);
    await bad.arrayBuffer();
  }
});

async function flow(payload, { sign: signed = true } = {}) {
  const { envelope, aesKey, iv } = encryptRequest(publicKey, payload);
  const body = JSON.stringify(envelope);
  const headers = signed ? { "x-hub-signature-256": sign(body) } : {};
  const response = await mf.dispatchFetch("http://localhost/flow", { method: "POST", body, headers });
  const text = await response.text();
  return { status: response.status, body: response.status === 200 ? decryptResponse(text, aesKey, iv) : text };
}

test("worker: the Flow endpoint answers a ping, an INIT and a data_exchange", async () => {
  assert.deepEqual(await flow({ version: "3.0", action: "ping" }), { status: 200, body: { data: { status: "active" } } });
  const init = await flow({ version: "3.0", action: "INIT", flow_token: "tok" });
  assert.equal(init.status, 200);
  assert.equal(init.body.screen, "APPOINTMENT");
  assert.equal(init.body.data.slots.length, 2);
  const exchange = await flow({ version: "3.0", action: "data_exchange", screen: "APPOINTMENT", flow_token: "tok", data: { slot: "10" } });
  assert.deepEqual(exchange, { status: 200, body: { screen: "CONFIRM", data: { slot: "10" } } });
  const done = await flow({ version: "3.0", action: "data_exchange", screen: "CONFIRM", flow_token: "tok", data: {} });
  assert.deepEqual(done.body.data.extension_message_response.params, { flow_token: "tok" });
});

test("worker: unsigned (432), undecryptable (421) and expired-token (427) requests", async () => {
  assert.equal((await flow({ version: "3.0", action: "ping" }, { sign: false })).status, 432);
  const garbage = JSON.stringify({ encrypted_flow_data: "AAAA", encrypted_aes_key: "AAAA", initial_vector: "AAAA" });
  const bad = await mf.dispatchFetch("http://localhost/flow", { method: "POST", body: garbage, headers: { "x-hub-signature-256": sign(garbage) } });
  assert.equal(bad.status, 421);
  await bad.arrayBuffer();
  const expired = await flow({ version: "3.0", action: "INIT", flow_token: "expired" });
  assert.deepEqual(expired, { status: 427, body: JSON.stringify({ error_msg: "This booking link has expired." }) });
});
