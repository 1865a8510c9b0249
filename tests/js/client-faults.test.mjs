// A CI-sized run of the client fault script (tests/js/client-faults.mjs has
// the properties and the full 5,000-send run): no send lost, none sent twice
// without Meta's proof of refusal, retries inside the policy.
import { test } from "node:test";
import assert from "node:assert/strict";
import { runClientFaults } from "./client-faults.mjs";

test("300 sends against scripted 429s, 5xx, resets, timeouts and half-written bodies: every one settles once with an answer or a coded error; none duplicated", async () => {
  const figures = await runClientFaults({ sends: 300, seed: 7 });
  assert.deepEqual(figures.violations, []);
  assert.equal(figures.resolved + figures.rejected, 300);
  // The script really exercised each path (seeded, so this is deterministic).
  assert.ok(figures.retried > 0 && figures.byCode.network_error > 0 && figures.byCode.server_error > 0, JSON.stringify(figures));
});
