// Layer 3, workerd: examples/worker bundled as wrangler would (workerd
// condition, .wasm as a module), run in Miniflare with no nodejs_compat,
// receiving signed webhooks and serving its Flow endpoint.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { COMPATIBILITY_DATE } from "./helpers.mjs";
import { corpus } from "./webhook-corpus.mjs";
import { decryptResponse, encryptRequest } from "./flow-endpoint-crypto.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const out = mkdtempSync(join(tmpdir(), "worker-example-"));
await build({
  entryPoints: [join(root, "examples/worker/src/index.js")],
  bundle: true,
  format: "esm",
  conditions: ["workerd", "worker", "browser"],
  // The example imports the package by name; here it is the freshly built pkg/.
  alias: { "whatsapp-edge": join(root, "pkg/workerd.js") },
  external: ["*.wasm"],
  outfile: join(out, "index.js"),
  logLevel: "silent",
});
cpSync(join(root, "pkg/whatsapp_edge_bg.wasm"), join(out, "whatsapp_edge_bg.wasm"));

const APP_SECRET = "example-app-secret";
const PASSPHRASE = "example-passphrase";
// An encrypted key, as Meta's `openssl genrsa -des3` instructions give with OpenSSL 3.
const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem", cipher: "des-ede3-cbc", passphrase: PASSPHRASE },
  publicKeyEncoding: { type: "spki", format: "pem" },
});
const mf = new Miniflare({
  modules: [
    { type: "ESModule", path: join(out, "index.js") },
    { type: "CompiledWasm", path: join(out, "whatsapp_edge_bg.wasm") },
  ],
  modulesRoot: out,
  compatibilityDate: COMPATIBILITY_DATE,
  compatibilityFlags: [],
  bindings: { APP_SECRET, VERIFY_TOKEN: "verify-me", FLOW_PRIVATE_KEY: privateKey, FLOW_KEY_PASSPHRASE: PASSPHRASE },
});
after(() => mf.dispose());

const sign = (body) => "sha256=" + crypto.createHmac("sha256", APP_SECRET).update(body).digest("hex");

test("worker: GET handshake echoes the challenge for the right token only", async () => {
  const ok = await mf.dispatchFetch("http://localhost/webhook?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=31337");
  assert.equal(ok.status, 200);
  assert.equal(await ok.text(), "31337");
  const bad = await mf.dispatchFetch("http://localhost/webhook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1");
  assert.equal(bad.status, 403);
  await bad.arrayBuffer();
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
