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
import { bundleBroadcastWorker } from "./broadcast-harness.mjs";
import { SCENARIOS, checkScenario, runScenario } from "./broadcast-scenarios.mjs";

const n = Number(process.env.BROADCAST_TEST_N ?? 600);
const limit = Number(process.env.BROADCAST_TEST_LIMIT ?? 200);
let bundle;
before(async () => {
  bundle = await bundleBroadcastWorker();
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
