// The broadcast harness (issue 23, spec §4.7): examples/broadcast bundled as
// wrangler would and run in Miniflare 4 (queues, Durable Objects on SQLite
// persisted in a directory, explicit batch/timeout/retry settings), against
// a fake Graph API that enforces a per-number 1-second sliding-window limit
// (130429 above it) and the pair limit (131056), refuses or fails a fixed
// share (131026 at once, 131049 by webhook), holds some, accepts some and
// then drops the connection, logs every request with its arrival time and
// posts signed status webhooks back (echoing biz_opaque_callback_data).
// Shared by tests/js/broadcast-cloudflare.test.mjs and bench/broadcast.mjs.
import crypto from "node:crypto";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { COMPATIBILITY_DATE } from "./helpers.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
export const APP_SECRET = "broadcast-app-secret";
export const ADMIN_TOKEN = "broadcast-admin-token-for-tests";
export const VERIFY_TOKEN = "broadcast-verify";
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
export const NUMBER_A = "106540352242922";
export const NUMBER_B = "106540352242933";
export const definition = { name: "order_update", language: "en_US", category: "UTILITY", components: [{ type: "BODY", text: "Order {{1}} shipped", example: { body_text: [["42"]] } }] };
export const send = { name: "order_update", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "42" }] }] };

/** A stable hash of a string in [0, 1): which fate a recipient gets. */
function share(text) {
  return crypto.createHash("sha256").update(text).digest().readUInt32BE(0) / 2 ** 32;
}

/**
 * `count` recipients (`+44 <prefix> …`, from `offset`; UK mobiles
 * 7911 100000–299999 and 7912 100000–… are valid), with `invalid` and
 * `duplicates` shares spread through the list (duplicates typed another way).
 */
export function recipientsOf(count, { offset = 0, invalid = 0, duplicates = 0, prefix = "7911" } = {}) {
  const list = [];
  for (let i = 0; i < count; i++) {
    const slot = (i * 7919) % 100;
    if (slot < invalid * 100) list.push(`not a phone ${i}`);
    else if (slot < (invalid + duplicates) * 100 && i > 0) list.push(`44${prefix}${100000 + offset + i - 1}`);
    else list.push(`+44 ${prefix} ${100000 + offset + i}`);
  }
  return list;
}

/**
 * The fake Graph API. `limit` is per number (messages accepted in any 1 s
 * window; set per number with `setLimit`). Fates by recipient: `failShare`
 * refused with 131026, `lateFailShare` accepted then failed by webhook
 * (131049), `holdShare` held for quality assessment, `dropShare` accepted
 * then the connection dropped before the answer.
 */
export function createFakeGraph({ limit = 200, failShare = 0.02, lateFailShare = 0.02, holdShare = 0.03, dropShare = 0, webhookDelayMs = 100 } = {}) {
  const limits = new Map();
  const accepted = []; // { number, key, to, at }
  const requests = []; // { number, at, code } every request, accepted (code 0) or refused
  const windows = new Map(); // number -> times of accepted sends in the last second
  const lastTo = new Map(); // number:to -> time, for the pair limit
  const pendingStatuses = []; // statuses to post: { number, status }
  let mf = null;
  let posting = false;
  let wamids = 0;
  const fake = {
    accepted,
    requests,
    setLimit: (number, value) => limits.set(number, value),
    limitOf: (number) => limits.get(number) ?? limit,
    attach(miniflare) {
      mf = miniflare;
    },
    detach() {
      mf = null;
    },
    pendingWebhooks: () => pendingStatuses.length + (posting ? 1 : 0),
    async handle(req, res) {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      const at = performance.now();
      const number = req.url.split("/").filter(Boolean)[1];
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      const refuse = (code, status = 400) => {
        requests.push({ number, at, code });
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: `(#${code}) refused`, type: "OAuthException", code, fbtrace_id: "fake" } }));
      };
      const window = windows.get(number) ?? [];
      windows.set(number, window);
      while (window.length && window[0] <= at - 1000) window.shift();
      if (window.length >= fake.limitOf(number)) return refuse(130429);
      const pair = `${number}:${body.to}`;
      if (lastTo.has(pair) && at - lastTo.get(pair) < 6000) return refuse(131056);
      const key = body.biz_opaque_callback_data;
      const fate = share(key ?? body.to);
      if (fate < failShare) return refuse(131026);
      window.push(at);
      lastTo.set(pair, at);
      requests.push({ number, at, code: 0 });
      accepted.push({ number, key, to: body.to, at });
      const wamid = `wamid.fake${++wamids}`;
      const held = fate >= failShare && fate < failShare + holdShare;
      const lateFail = fate >= failShare + holdShare && fate < failShare + holdShare + lateFailShare;
      const status = lateFail
        ? { id: wamid, status: "failed", timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: body.to.replace(/^\+/, ""), biz_opaque_callback_data: key, errors: [{ code: 131049, title: "Not delivered to maintain healthy ecosystem engagement" }] }
        : { id: wamid, status: "sent", timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: body.to.replace(/^\+/, ""), biz_opaque_callback_data: key };
      setTimeout(() => pendingStatuses.push({ number, status }), webhookDelayMs);
      const dropped = fate >= 1 - dropShare;
      if (dropped) {
        // Accepted, then the connection is lost before the answer.
        res.socket.destroy();
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ messaging_product: "whatsapp", contacts: [{ input: body.to, wa_id: body.to.replace(/^\+/, "") }], messages: [{ id: wamid, message_status: held ? "held_for_quality_assessment" : "accepted" }] }));
    },
    /** Posts the statuses waiting, one signed webhook per number and 200 statuses; kept for later when the Worker is down. */
    async flushWebhooks() {
      if (posting || !mf || pendingStatuses.length === 0) return;
      posting = true;
      try {
        while (mf && pendingStatuses.length) {
          const batch = pendingStatuses.splice(0, 200);
          const byNumber = new Map();
          for (const entry of batch) byNumber.set(entry.number, [...(byNumber.get(entry.number) ?? []), entry]);
          const entry = [...byNumber].map(([number, list]) => ({
            id: "WABA",
            changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: "15550000000", phone_number_id: number }, statuses: list.map((s) => s.status) } }],
          }));
          const body = JSON.stringify({ object: "whatsapp_business_account", entry });
          try {
            const response = await mf.dispatchFetch("http://localhost/webhook", { method: "POST", body, headers: { "x-hub-signature-256": sign(body) } });
            await response.arrayBuffer();
            if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
          } catch {
            // Meta retries webhooks for 7 days: keep them for the next round.
            pendingStatuses.unshift(...batch);
            break;
          }
        }
      } finally {
        posting = false;
      }
    },
  };
  return fake;
}

/** `X-Hub-Signature-256` of `body`. */
export const sign = (body, secret = APP_SECRET) => "sha256=" + crypto.createHmac("sha256", secret).update(body).digest("hex");

/**
 * Bundles the example Worker (workerd condition, .wasm as a module) behind
 * a test entry that can simulate a consumer crash: after `CRASH_AFTER_SENDS`
 * Graph requests (once per isolate), the invocation stops beginning sends
 * and its queue() throws, as if the isolate died between two sends.
 */
export async function bundleBroadcastWorker() {
  const out = mkdtempSync(join(tmpdir(), "broadcast-worker-"));
  const entry = join(out, "entry.js");
  writeFileSync(
    entry,
    `import worker, { BroadcastSender } from ${JSON.stringify(join(root, "examples/broadcast/src/index.js"))};
export { BroadcastSender };
let crashed = false;
export default {
  fetch: (request, env, ctx) => worker.fetch(request, env, ctx),
  async queue(batch, env, ctx) {
    const after = Number(env.CRASH_AFTER_SENDS ?? 0);
    if (!after || crashed) return worker.queue(batch, env, ctx);
    let sends = 0;
    let dead = false;
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (...args) => {
      const response = await realFetch(...args);
      if (++sends >= after && !crashed) crashed = dead = true;
      return response;
    };
    const namespace = env.BROADCAST_SENDER;
    const sender = { idFromName: (name) => namespace.idFromName(name), get: (id) => {
      const stub = namespace.get(id);
      return new Proxy({}, { get: (_, name) => (...args) => {
        if (dead && name === "begin") return Promise.reject(new Error("simulated crash"));
        return stub[name](...args);
      } });
    } };
    try {
      await worker.queue(batch, { ...env, BROADCAST_SENDER: sender }, ctx);
    } finally {
      globalThis.fetch = realFetch;
    }
    if (dead) throw new Error("simulated crash");
  },
};
`,
  );
  await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    conditions: ["workerd", "worker", "browser"],
    alias: { "whatsapp-edge/cloudflare": join(root, "pkg/cloudflare.js"), "whatsapp-edge": join(root, "pkg/workerd.js") },
    external: ["*.wasm", "cloudflare:workers"],
    outfile: join(out, "index.js"),
    logLevel: "silent",
  });
  cpSync(join(root, "pkg/whatsapp_edge_bg.wasm"), join(out, "whatsapp_edge_bg.wasm"));
  return out;
}

/** The queue settings, every one explicit (Miniflare's defaults are batch 5, 1 s, 2 retries). */
export const QUEUE_SETTINGS = { maxBatchSize: 10, maxBatchTimeout: 1, maxRetries: 5, retryDelay: 0 };

/**
 * Starts the bundled Worker on `persistDir` with the fake as Graph
 * (`GRAPH_BASE_URL` on loopback, answered by the fake). Resolves to `mf`.
 */
export async function startBroadcastWorker({ bundle, persistDir, fake, crashAfterSends = 0, quiet = true }) {
  const mf = new Miniflare({
    modules: [
      { type: "ESModule", path: join(bundle, "index.js") },
      { type: "CompiledWasm", path: join(bundle, "whatsapp_edge_bg.wasm") },
    ],
    modulesRoot: bundle,
    compatibilityDate: COMPATIBILITY_DATE,
    compatibilityFlags: [],
    bindings: {
      WHATSAPP_TOKEN: "fake-token",
      PHONE_NUMBER_ID: NUMBER_A,
      APP_SECRET,
      ADMIN_TOKEN,
      VERIFY_TOKEN,
      GRAPH_BASE_URL: "http://127.0.0.1:9",
      // A short send lease, so a lost request is unknown within seconds.
      SEND_TIMEOUT_MS: "5000",
      ...(crashAfterSends ? { CRASH_AFTER_SENDS: String(crashAfterSends) } : {}),
    },
    queueProducers: { BROADCAST: { queueName: "broadcast" } },
    queueConsumers: {
      broadcast: { ...QUEUE_SETTINGS, deadLetterQueue: "broadcast-dlq" },
      "broadcast-dlq": { ...QUEUE_SETTINGS, maxRetries: 10 },
    },
    durableObjects: { BROADCAST_SENDER: { className: "BroadcastSender", useSQLite: true } },
    durableObjectsPersist: join(persistDir, "do"),
    outboundService: { node: (req, res) => fake.handle(req, res) },
    ...(quiet ? { handleRuntimeStdio: (stdout, stderr) => (stdout.resume(), stderr.resume()) } : {}),
  });
  await mf.ready;
  fake.attach(mf);
  return mf;
}

/** POST /campaigns. */
export async function createCampaign(mf, input) {
  const response = await mf.dispatchFetch("http://localhost/campaigns", { method: "POST", body: JSON.stringify({ definition, send, ...input }), headers: { "content-type": "application/json", ...admin } });
  const answer = await response.json();
  if (response.status !== 202) throw new Error(`POST /campaigns: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** GET /campaigns/:id. */
export async function reportOf(mf, campaignId, phoneNumberId = NUMBER_A, rows = false) {
  const response = await mf.dispatchFetch(`http://localhost/campaigns/${encodeURIComponent(campaignId)}?phoneNumberId=${phoneNumberId}${rows ? "&rows=1" : ""}`, { headers: admin });
  return response.json();
}

const OPEN = ["pending", "claimed", "sending", "deferred"];

/**
 * Waits until no recipient of `campaigns` is pending, claimed, sending or
 * deferred, every webhook is posted, and no recipient is unknown (or
 * `unknownGraceMs` passed with some still unknown: their request never
 * reached Graph, so no webhook will come). `onTick` sees the reports; when
 * it returns true the round starts again (e.g. after a restart).
 */
export async function settle(getMf, fake, campaigns, { timeoutMs = 170_000, unknownGraceMs = 3_000, onTick } = {}) {
  const start = performance.now();
  let quietSince = null;
  for (;;) {
    await fake.flushWebhooks();
    const reports = await Promise.all(campaigns.map(({ campaignId, phoneNumberId }) => reportOf(getMf(), campaignId, phoneNumberId)));
    if (await onTick?.(reports)) continue;
    const open = reports.reduce((sum, report) => sum + OPEN.reduce((n, state) => n + report.states[state], 0), 0);
    const unknown = reports.reduce((sum, report) => sum + report.states.unknown, 0);
    if (open === 0 && fake.pendingWebhooks() === 0) {
      quietSince ??= performance.now();
      if (unknown === 0 || performance.now() - quietSince > unknownGraceMs) return reports;
    } else {
      quietSince = null;
    }
    if (performance.now() - start > timeoutMs) throw new Error(`not settled after ${timeoutMs} ms: ${JSON.stringify(reports.map((r) => r.states))}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** POST /numbers/:id/ceiling: the number's throughput as the pacer should know it. */
export async function setCeiling(mf, phoneNumberId, ceiling) {
  const response = await mf.dispatchFetch(`http://localhost/numbers/${phoneNumberId}/ceiling`, { method: "POST", body: JSON.stringify({ ceiling }), headers: admin });
  return response.json();
}

/** The most requests in any 1-second window, per number (`filter` picks which requests). */
export function busiestSecond(requests, number, filter = () => true) {
  const times = requests.filter((r) => r.number === number && filter(r)).map((r) => r.at).sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end] - times[start] >= 1000) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/** Requests per 1-second window (sliding, sampled at each request), for percentiles. */
export function windowCounts(requests, number, filter = () => true) {
  const times = requests.filter((r) => r.number === number && filter(r)).map((r) => r.at).sort((a, b) => a - b);
  const counts = [];
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end] - times[start] >= 1000) start++;
    counts.push(end - start + 1);
  }
  return counts.sort((a, b) => a - b);
}

/** Accepted requests per key at the fake. */
export function acceptedPerKey(fake) {
  const counts = new Map();
  for (const { key } of fake.accepted) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

export const tempDir = (prefix) => mkdtempSync(join(tmpdir(), prefix));
