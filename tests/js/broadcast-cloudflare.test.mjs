// Issue 23, the proof (spec §4.7): examples/broadcast in Miniflare 4 (queues
// and Durable Objects on SQLite, persisted in a temp directory) against a fake
// Graph API with a per-number limit, the pair limit, failures, held messages,
// dropped connections and signed status webhooks. Every scenario asserts:
// each eligible recipient accepted exactly once (none twice, none lost), every
// row once in the report with totals that add up, no unknown left after
// reconciliation, no 1-second window per number over the limit (+1), an
// empty DLQ. No timing assertions beyond the rate window. N is small here
// (BROADCAST_TEST_N, default 600); bench/broadcast.mjs runs 20,000.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import * as h from "./broadcast-harness.mjs";
import { planBroadcast } from "../../pkg/node.js";
import { SCENARIOS, checkScenario, runScenario } from "./broadcast-scenarios.mjs";

const n = Number(process.env.BROADCAST_TEST_N ?? 600);
const limit = Number(process.env.BROADCAST_TEST_LIMIT ?? 200);
let bundle;
before(async () => {
  bundle = await h.bundleBroadcastWorker();
});

for (const [kind, name] of Object.entries(SCENARIOS)) {
  test(`broadcast on Cloudflare (${kind}) ${name}: nothing twice, nothing lost, paced under the limit`, async (t) => {
    const result = await runScenario(kind, { n, limit, bundle });
    const { violations, figures } = checkScenario(result);
    t.diagnostic(JSON.stringify(figures));
    assert.deepEqual(violations, [], JSON.stringify(figures));
    assert.ok(figures.eligible > 0 && figures.acceptedRequests > 0);
    if (kind === "d") assert.ok(figures.unknownSeen > 0 || figures.acceptedRequests > 0);
    if (kind === "f") assert.ok(figures.rejected > 0 && figures.duplicateRows > 0, JSON.stringify(figures));
    if (kind === "e") assert.ok(result.restart, "restarted");
    if (kind === "g") assert.ok(Object.keys(figures.pacing).length === 2);
  });
}

test("the example Worker: campaign, report and number routes need the admin token; GET /webhook answers Meta's check", async () => {
  const fake = h.createFakeGraph();
  const mf = await h.startBroadcastWorker({ bundle, persistDir: h.tempDir("broadcast-auth-"), fake });
  try {
    const campaign = JSON.stringify({ campaignId: "open-relay", definition: h.definition, send: h.send, recipients: ["+44 7911 100001"] });
    for (const headers of [{}, { authorization: "Bearer wrong-token-of-some-length" }, { authorization: h.ADMIN_TOKEN }]) {
      const post = await mf.dispatchFetch("http://localhost/campaigns", { method: "POST", body: campaign, headers });
      assert.equal(post.status, 401, JSON.stringify(headers));
      const ceiling = await mf.dispatchFetch(`http://localhost/numbers/${h.NUMBER_A}/ceiling`, { method: "POST", body: '{"ceiling":1000}', headers });
      assert.equal(ceiling.status, 401);
      const report = await mf.dispatchFetch("http://localhost/campaigns/open-relay", { headers });
      assert.equal(report.status, 401);
    }
    const bad = await mf.dispatchFetch(`http://localhost/numbers/${h.NUMBER_A}/ceiling`, { method: "POST", body: '{"ceiling":"fast"}', headers: { authorization: `Bearer ${h.ADMIN_TOKEN}` } });
    assert.equal(bad.status, 400);
    const check = (token) => `http://localhost/webhook?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`;
    const ok = await mf.dispatchFetch(check(h.VERIFY_TOKEN));
    assert.deepEqual([ok.status, await ok.text()], [200, "1158201444"]);
    assert.equal((await mf.dispatchFetch(check("guess"))).status, 403);
    const unsigned = await mf.dispatchFetch("http://localhost/webhook", { method: "POST", body: "{}" });
    assert.equal(unsigned.status, 401);
    assert.equal(fake.requests.length, 0, "nothing reached Graph");
  } finally {
    await mf.dispose();
  }
});

test("a dead-lettered chunk: its unsent recipients fail with code 0, once, and are never sent afterwards", async () => {
  const fake = h.createFakeGraph();
  const mf = await h.startBroadcastWorker({ bundle, persistDir: h.tempDir("broadcast-dlq-"), fake });
  try {
    const recipients = h.recipientsOf(30);
    const plan = planBroadcast({ campaignId: "dlq", phoneNumberId: h.NUMBER_A, definition: h.definition, send: h.send, recipients, chunkSize: 10 });
    const worker = await mf.getWorker();
    const messages = plan.chunks.map((chunk, index) => ({ id: `d${index}`, timestamp: new Date(), body: chunk, attempts: 6 }));
    const dead = await worker.queue("broadcast-dlq", messages);
    assert.equal(dead.outcome, "ok");
    // Delivered again (at least once), now to the live queue: nothing is sent.
    await worker.queue("broadcast", messages.map((m) => ({ ...m, attempts: 1 })));
    const report = await h.reportOf(mf, "dlq", h.NUMBER_A, true);
    assert.equal(report.states.failed, 30);
    assert.deepEqual(report.failedByCode, { 0: 30 });
    assert.equal(report.entries.length, 30, "every row once");
    assert.equal(fake.requests.length, 0, "nothing reached Graph");
  } finally {
    await mf.dispose();
  }
});
