// The soak: the example Worker, in workerd (Miniflare), takes signed webhooks
// and Flow endpoint requests — good, forged, oversized and broken, mixed — and
// every answer is checked. Passing means zero wrong answers, no isolate
// restart (the Worker's count of requests served equals the number sent) and
// wasm memory at the end within 10% of where it was after a warm-up.
//
//   node tests/js/soak.mjs [webhooks] [flowRequests]   (scripts/soak: 20,000 and 2,000)
//
// tests/js/soak.test.mjs runs it at CI size. Nothing here is timed against a limit.
import { fileURLToPath } from "node:url";
import { corpus } from "./webhook-corpus.mjs";
import { decryptResponse, encryptRequest } from "./flow-endpoint-crypto.mjs";
import { sign, startExampleWorker } from "./example-worker.mjs";

const MiB = 1024 * 1024;
const WEBHOOK_CAP = 4 * MiB;
const FLOW_CAP = MiB;
const corpusEntries = Object.values(corpus);
// One buffer per cap, shared by every oversized request.
const overWebhookCap = new Uint8Array(WEBHOOK_CAP + 1).fill(0x20);
const overFlowCap = new Uint8Array(FLOW_CAP + 1).fill(0x20);
const stream = (bytes) => new Blob([bytes]).stream();

/** The i-th webhook: a request and how to tell a right answer. */
function webhookCase(i) {
  const url = "http://localhost/webhook";
  if (i % 1000 === 500) return { kind: "webhook oversized (Content-Length)", url, init: { method: "POST", body: overWebhookCap }, status: 413 };
  if (i % 1000 === 999) {
    return { kind: "webhook oversized (streamed)", url, init: { method: "POST", body: stream(overWebhookCap), duplex: "half" }, status: 413 };
  }
  const [document, types] = corpusEntries[i % corpusEntries.length];
  const body = JSON.stringify(document);
  const post = (body, headers) => ({ method: "POST", body, headers });
  switch (i % 10) {
    case 1:
      return { kind: "webhook forged", url, init: post(body, { "x-hub-signature-256": sign(body, "not-the-app-secret") }), status: 401 };
    case 2:
      return { kind: "webhook unsigned", url, init: post(body, {}), status: 401 };
    case 3: {
      // Signed, but cut in half: not JSON. Parsed into no events, never a failure.
      const broken = body.slice(0, body.length >> 1);
      return { kind: "webhook broken JSON", url, init: post(broken, { "x-hub-signature-256": sign(broken) }), status: 200, json: { received: [] } };
    }
    default:
      return { kind: "webhook good", url, init: post(body, { "x-hub-signature-256": sign(body) }), status: 200, received: [...types].sort() };
  }
}

/** The j-th Flow endpoint request. */
function flowCase(j, publicKey) {
  const url = "http://localhost/flow";
  if (j % 100 === 50) return { kind: "flow oversized (Content-Length)", url, init: { method: "POST", body: overFlowCap }, status: 413 };
  if (j % 100 === 99) return { kind: "flow oversized (streamed)", url, init: { method: "POST", body: stream(overFlowCap), duplex: "half" }, status: 413 };
  const signed = (body, secret) => ({ method: "POST", body, headers: { "x-hub-signature-256": sign(body, secret) } });
  const encrypted = (payload) => {
    const { envelope, aesKey, iv } = encryptRequest(publicKey, payload);
    return { body: JSON.stringify(envelope), envelope, aesKey, iv };
  };
  const token = `tok-${j}`;
  switch (j % 10) {
    case 1: {
      const { body } = encrypted({ version: "3.0", action: "INIT", flow_token: token });
      return { kind: "flow forged", url, init: signed(body, "not-the-app-secret"), status: 432 };
    }
    case 2: {
      const body = JSON.stringify({ encrypted_flow_data: "AAAA", encrypted_aes_key: "AAAA", initial_vector: "AAAA" });
      return { kind: "flow broken envelope", url, init: signed(body), status: 421 };
    }
    case 3: {
      const { envelope } = encrypted({ version: "3.0", action: "INIT", flow_token: token });
      const data = Buffer.from(envelope.encrypted_flow_data, "base64");
      data[0] ^= 1;
      const body = JSON.stringify({ ...envelope, encrypted_flow_data: data.toString("base64") });
      return { kind: "flow tampered ciphertext", url, init: signed(body), status: 421 };
    }
    case 4: {
      const { body } = encrypted({ version: "3.0", action: "INIT", flow_token: "expired" });
      return { kind: "flow expired token", url, init: signed(body), status: 427, text: JSON.stringify({ error_msg: "This booking link has expired." }) };
    }
    case 5: {
      const { body, aesKey, iv } = encrypted({ version: "3.0", action: "ping" });
      return { kind: "flow ping", url, init: signed(body), status: 200, sealed: { aesKey, iv, answer: { data: { status: "active" } } } };
    }
    case 6: {
      const payload = { version: "3.0", action: "data_exchange", screen: "APPOINTMENT", flow_token: token, data: { slot: String(j) } };
      const { body, aesKey, iv } = encrypted(payload);
      return { kind: "flow data_exchange", url, init: signed(body), status: 200, sealed: { aesKey, iv, answer: { screen: "CONFIRM", data: { slot: String(j) } } } };
    }
    default: {
      const { body, aesKey, iv } = encrypted({ version: "3.0", action: "INIT", flow_token: token });
      const slots = [{ id: "9", title: "9:00" }, { id: "10", title: "10:00" }];
      return { kind: "flow INIT", url, init: signed(body), status: 200, sealed: { aesKey, iv, answer: { screen: "APPOINTMENT", data: { slots } } } };
    }
  }
}

/** What is wrong with `response` for `expected`, or null. */
async function verdict(response, expected) {
  const text = await response.text();
  if (response.status !== expected.status) return `status ${response.status}, expected ${expected.status}`;
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  try {
    if (expected.received && !same(JSON.parse(text).received.sort(), expected.received)) return `received ${text}`;
    if (expected.json && !same(JSON.parse(text), expected.json)) return `body ${text}`;
    if (expected.text !== undefined && text !== expected.text) return `body ${text}`;
    if (expected.sealed) {
      const { aesKey, iv, answer } = expected.sealed;
      if (!same(decryptResponse(text, aesKey, iv), answer)) return `decrypted answer differs`;
    }
  } catch (error) {
    return `unreadable answer: ${error.message}`;
  }
  return null;
}

/** Sends every case, `concurrency` at a time; counts them by kind and collects wrong answers. */
async function send(mf, cases, concurrency, tally) {
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const expected = cases[next++]();
      tally.sent++;
      tally.kinds[expected.kind] = (tally.kinds[expected.kind] ?? 0) + 1;
      let wrong;
      try {
        wrong = await verdict(await mf.dispatchFetch(expected.url, expected.init), expected);
      } catch (error) {
        wrong = `request failed: ${error.message}`;
      }
      if (wrong) tally.wrong.push(`${expected.kind}: ${wrong}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * Runs the soak: `webhooks` webhooks and `flows` Flow requests in all,
 * the first tenth (at most 1,000 and 100) as a warm-up covering every kind.
 * Resolves to the figures; `ok` is whether every criterion held.
 */
export async function soak({ webhooks, flows, concurrency = 8 }) {
  const started = Date.now();
  const { mf, publicKey } = await startExampleWorker({ stats: true, quiet: true });
  try {
    const stats = async () => (await mf.dispatchFetch("http://localhost/__stats")).json();
    const tally = { sent: 0, kinds: {}, wrong: [] };
    const cases = (from, to, make) => Array.from({ length: Math.max(0, to - from) }, (_, n) => () => make(from + n));
    const warmWebhooks = Math.min(1000, Math.ceil(webhooks / 10));
    const warmFlows = Math.min(100, Math.ceil(flows / 10));
    const flowCaseOf = (j) => flowCase(j, publicKey);
    await send(mf, [...cases(0, warmWebhooks, webhookCase), ...cases(0, warmFlows, flowCaseOf)], concurrency, tally);
    const warm = await stats();
    // Interleaved, as traffic would be: one Flow request after every tenth webhook.
    const rest = [];
    const restWebhooks = cases(warmWebhooks, webhooks, webhookCase);
    const restFlows = cases(warmFlows, flows, flowCaseOf);
    while (restWebhooks.length || restFlows.length) {
      rest.push(...restWebhooks.splice(0, 10), ...restFlows.splice(0, 1));
    }
    await send(mf, rest, concurrency, tally);
    const end = await stats();
    const growth = (end.wasmMemoryBytes - warm.wasmMemoryBytes) / warm.wasmMemoryBytes;
    return {
      ok: tally.wrong.length === 0 && end.served === tally.sent && Math.abs(growth) <= 0.1,
      sent: tally.sent,
      served: end.served,
      wrong: tally.wrong,
      kinds: tally.kinds,
      memory: { afterWarmUp: warm.wasmMemoryBytes, end: end.wasmMemoryBytes, growth },
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await mf.dispose();
  }
}

/** The figures, one per line. */
export function report(result) {
  const mib = (bytes) => `${(bytes / MiB).toFixed(2)} MiB`;
  const lines = [
    `sent ${result.sent} requests; the Worker served ${result.served} (${result.served === result.sent ? "no isolate restart" : "RESTARTED or lost requests"})`,
    ...Object.entries(result.kinds).map(([kind, count]) => `  ${kind.padEnd(34)} ${count}`),
    `wrong answers: ${result.wrong.length}`,
    ...result.wrong.slice(0, 10).map((wrong) => `  ${wrong}`),
    `wasm memory: ${mib(result.memory.afterWarmUp)} after warm-up, ${mib(result.memory.end)} at the end (${(100 * result.memory.growth).toFixed(1)}%; limit ±10%)`,
    `took ${result.seconds.toFixed(1)} s`,
    result.ok ? "soak: PASS" : "soak: FAIL",
  ];
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [webhooks = 20_000, flows = 2_000] = process.argv.slice(2).map(Number);
  const result = await soak({ webhooks, flows });
  console.log(report(result));
  process.exit(result.ok ? 0 : 1);
}
