// Layer 3, workerd: the soak at CI size (2,000 webhooks and 200 Flow endpoint
// requests, good, forged, oversized and broken) against the example Worker.
// The full run (20,000 and 2,000) is scripts/soak. No timing is asserted.
import { test } from "node:test";
import assert from "node:assert/strict";
import { report, soak } from "./soak.mjs";

test("soak: 2,000 webhooks and 200 Flow requests, zero wrong answers, no isolate restart, wasm memory flat", async () => {
  const result = await soak({ webhooks: 2_000, flows: 200 });
  const figures = report(result);
  assert.deepEqual(result.wrong, [], figures);
  assert.equal(result.served, result.sent, `the isolate restarted or lost requests\n${figures}`);
  assert.equal(result.sent, 2_200);
  for (const kind of ["webhook oversized (streamed)", "flow oversized (Content-Length)", "flow forged", "webhook broken JSON"]) {
    assert.ok(result.kinds[kind] > 0, `no ${kind} case was sent`);
  }
  assert.ok(Math.abs(result.memory.growth) <= 0.1, `wasm memory moved by more than 10% after warm-up\n${figures}`);
});
