#!/usr/bin/env node
// Issue 23's figures (spec §5): examples/broadcast in Miniflare 4 against the
// fake Graph API of tests/js/broadcast-harness.mjs, 20,000 rows per scenario
// by default, at a limit of 200 messages/s per number. Prints correctness
// (duplicates, lost, unknown, DLQ), pacing (max and p99 requests per 1-s
// window vs the limit, 130429s, recovery after the limit is halved),
// makespan vs the ideal N / target, producer rows/s and recovery after a
// full restart, with the runtime versions. It never fails on time; it exits
// non-zero when an assertion of the test fails. Heavy: wrap it in the build
// lock on a shared machine.
// Usage: node bench/broadcast.mjs [rows] [--limit 200] [--scenarios a,b,c,d,e,f,g,h]
import os from "node:os";
import { readFileSync } from "node:fs";
import { bundleBroadcastWorker } from "../tests/js/broadcast-harness.mjs";
import { SCENARIOS, checkScenario, runScenario } from "../tests/js/broadcast-scenarios.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const n = Number(args.find((arg, index) => /^\d+$/.test(arg) && !args[index - 1]?.startsWith("--")) ?? 20_000);
const limit = Number(option("limit", 200));
const kinds = option("scenarios", Object.keys(SCENARIOS).join(",")).split(",");
const version = (name) => JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), "utf8")).version;

console.log(`miniflare ${version("miniflare")}, workerd ${version("workerd")}, node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"})`);
console.log(`rows per scenario ${n}, Graph limit ${limit}/s per number, pacer target ${Math.floor(limit * 0.9)}/s (90 %)\n`);
const bundle = await bundleBroadcastWorker();
let failed = false;
for (const kind of kinds) {
  const started = performance.now();
  // A generous bound: 20,000 at 180/s is ~2 minutes, a halved limit more.
  const result = await runScenario(kind, { n, limit, bundle, timeoutMs: Math.max(170_000, (n / limit) * 10_000) });
  const { violations, figures: f } = checkScenario(result);
  failed ||= violations.length > 0;
  console.log(`(${kind}) ${SCENARIOS[kind]} — ${((performance.now() - started) / 1000).toFixed(1)} s wall`);
  console.log(`  rows ${f.rows}: eligible ${f.eligible}, rejected ${f.rejected}, duplicate rows ${f.duplicateRows}; accepted requests ${f.acceptedRequests}; failed by code ${JSON.stringify(f.failedByCode)}`);
  console.log(`  duplicates ${f.duplicates}, lost ${f.lost}, unknown seen ${f.unknownSeen} -> after reconciliation ${f.unknownAfter} (never reached Graph: ${f.unknownNeverArrived}), DLQ ${f.dlq}`);
  for (const [number, p] of Object.entries(f.pacing)) {
    console.log(`  number ${number}: busiest 1-s window ${p.busiest} requests (${p.busiestAccepted} accepted), p99 ${p.p99}, limit ${p.limit}, target ${p.target}; 130429: ${p.throttled}`);
  }
  if (f.lowered) console.log(`  limit ${f.lowered.from} -> ${f.lowered.to}: 130429 after ${f.lowered.throttledAfter}; first second at >= 80 % of the new limit after ${f.lowered.recoveredMs ?? "never"} ms; mean rate after ${f.lowered.meanRateAfter}/s`);
  console.log(`  makespan ${(f.makespanMs / 1000).toFixed(1)} s vs ideal ${(f.idealMs / 1000).toFixed(1)} s (the busiest number's accepted sends / target): efficiency ${(f.efficiency * 100).toFixed(0)} %`);
  if (f.producerMs) console.log(`  producer (POST /campaigns: parse, validate, plan, register, enqueue): ${f.producerMs} ms, ${Math.round(f.rows / (f.producerMs / 1000))} rows/s; ${f.queueMessages} messages in ${f.sendBatchCalls} sendBatch calls`);
  if (f.restart) console.log(`  restart at ${f.restart.acceptedBefore} accepted: first accepted send ${Math.round(f.restart.recoveryMs)} ms after the stop; producer re-run ${Math.round(f.restart.producerMs)} ms`);
  if (violations.length) console.log(`  VIOLATIONS: ${violations.slice(0, 10).join("; ")}`);
  console.log("");
}
process.exit(failed ? 1 : 0);
