// The scenarios of spec §4.7 on the broadcast harness, and what each
// proves: run by tests/js/broadcast-cloudflare.test.mjs (small N) and
// bench/broadcast.mjs (20,000, with the figures of spec §5).
import { rmSync } from "node:fs";
import * as h from "./broadcast-harness.mjs";
import { planBroadcast } from "../../pkg/node.js";

export const SCENARIOS = {
  a: "happy path",
  b: "limit lowered mid-run",
  c: "consumer crash after k sends",
  d: "accept then drop the connection",
  e: "full restart at ~50%",
  f: "5% duplicates and 5% invalid rows",
  g: "two campaigns on one number plus a second number",
  h: "parallel batches racing the pacer",
};

/**
 * Runs scenario `kind` with `n` input rows and a Graph limit of `limit`
 * messages per second per number. Resolves to what happened: the campaigns,
 * their final reports (every row), the fake's logs and timings.
 */
export async function runScenario(kind, { n, limit, bundle, timeoutMs = 170_000 }) {
  const persistDir = h.tempDir(`broadcast-${kind}-`);
  const fake = h.createFakeGraph({ limit, dropShare: kind === "d" ? 0.05 : 0 });
  const crashAfterSends = kind === "c" ? Math.max(1, Math.floor(n / 4)) : 0;
  let mf = await h.startBroadcastWorker({ bundle, persistDir, fake, crashAfterSends });
  const result = { kind, name: SCENARIOS[kind], n, limit, fake, campaigns: [], limitChanges: [], unknownSeen: 0, restart: null };
  try {
    for (const number of [h.NUMBER_A, h.NUMBER_B]) await h.setCeiling(mf, number, limit);
    const inputs = campaignsOf(kind, n);
    const produce = async () => {
      const started = performance.now();
      for (const input of inputs) {
        if (kind === "h") continue;
        const answer = await h.createCampaign(mf, input);
        result.campaigns.push({ campaignId: input.campaignId, phoneNumberId: answer.phoneNumberId, summary: answer.summary, rows: input.recipients.length, enqueued: answer.enqueued });
      }
      return performance.now() - started;
    };
    result.startedAt = performance.now();
    if (kind === "h") {
      // Chunks planned here and handed to the consumer in 12 parallel
      // invocations (local queues run one batch at a time).
      const [input] = inputs;
      const plan = planBroadcast({ ...input, phoneNumberId: h.NUMBER_A, definition: h.definition, send: h.send, chunkSize: 25 });
      result.campaigns.push({ campaignId: input.campaignId, phoneNumberId: h.NUMBER_A, summary: plan.summary, rows: input.recipients.length });
      const worker = await mf.getWorker();
      const batches = Array.from({ length: 12 }, () => []);
      plan.chunks.forEach((chunk, index) => batches[index % 12].push({ id: `m${index}`, timestamp: new Date(), body: chunk, attempts: 1 }));
      result.producerMs = 0;
      await Promise.all(batches.map((messages) => worker.queue("broadcast", messages)));
    } else {
      result.producerMs = await produce();
    }
    let restarted = false;
    result.reports = await h.settle(() => mf, fake, result.campaigns, {
      timeoutMs,
      onTick: async (reports) => {
        result.unknownSeen = Math.max(result.unknownSeen, reports.reduce((sum, r) => sum + r.states.unknown, 0));
        const accepted = fake.accepted.length;
        if (kind === "b" && result.limitChanges.length === 0 && accepted >= n * 0.3) {
          const lower = Math.max(2, Math.floor(limit / 2));
          fake.setLimit(h.NUMBER_A, lower);
          result.limitChanges.push({ at: performance.now(), limit: lower });
        }
        if (kind === "e" && !restarted && accepted >= n * 0.45) {
          // Everything in memory goes: the queue's messages, the isolate; the objects' SQLite stays.
          restarted = true;
          fake.detach();
          const stoppedAt = performance.now();
          await mf.dispose();
          mf = await h.startBroadcastWorker({ bundle, persistDir, fake });
          const acceptedBefore = fake.accepted.length;
          result.restart = { stoppedAt, startedAt: performance.now(), acceptedBefore };
          result.campaigns = [];
          result.restart.producerMs = await produce();
          return true;
        }
        return false;
      },
    });
    result.finishedAt = performance.now();
    if (result.restart) {
      const first = fake.accepted.find((entry) => entry.at > result.restart.startedAt);
      result.restart.recoveryMs = first ? first.at - result.restart.stoppedAt : null;
    }
    result.reports = await Promise.all(result.campaigns.map(({ campaignId, phoneNumberId }) => h.reportOf(mf, campaignId, phoneNumberId, true)));
    return result;
  } finally {
    await mf.dispose();
    rmSync(persistDir, { recursive: true, force: true });
  }
}

/** The input campaigns of a scenario. */
function campaignsOf(kind, n) {
  const base = (campaignId, recipients, phoneNumberId = h.NUMBER_A) => ({ campaignId, phoneNumberId, recipients });
  if (kind === "f") return [base(`camp-${kind}`, h.recipientsOf(n, { invalid: 0.05, duplicates: 0.05 }))];
  if (kind === "g") {
    const first = Math.floor(n / 2);
    const second = Math.floor(n / 4);
    // The second campaign overlaps the first on a tenth of its recipients:
    // the same person twice within 6 s meets the pair limit (131056).
    return [
      base("camp-g1", h.recipientsOf(first)),
      base("camp-g2", h.recipientsOf(second, { offset: first - Math.floor(second / 10) })),
      base("camp-g3", h.recipientsOf(n - first - second, { prefix: "7912" }), h.NUMBER_B),
    ];
  }
  return [base(`camp-${kind}`, h.recipientsOf(n))];
}

/**
 * What the run proves (spec §4.7's assertions) and its figures (spec §5).
 * `violations` is empty when every assertion holds.
 */
export function checkScenario(result) {
  const { fake, limit, kind } = result;
  const violations = [];
  const perKey = h.acceptedPerKey(fake);
  let duplicates = 0;
  let lost = 0;
  let unknown = 0;
  let dlq = 0;
  let eligible = 0;
  const byCode = {};
  const ambiguousNeverArrived = [];
  for (const [index, report] of result.reports.entries()) {
    const { summary, rows } = result.campaigns[index];
    const seen = new Map();
    for (const entry of report.entries) seen.set(entry.row, (seen.get(entry.row) ?? 0) + 1);
    const missing = Array.from({ length: rows }, (_, row) => row).filter((row) => !seen.has(row));
    const twice = [...seen].filter(([, count]) => count > 1);
    lost += missing.length;
    if (missing.length) violations.push(`${report.campaignId}: ${missing.length} rows missing from the report (e.g. ${missing.slice(0, 3)})`);
    if (twice.length) violations.push(`${report.campaignId}: ${twice.length} rows twice in the report`);
    const sum = report.recipients + report.rejected + report.duplicates;
    if (report.rows !== rows || sum !== rows) violations.push(`${report.campaignId}: totals ${report.rows} rows, ${sum} listed, ${rows} input`);
    if (summary.accepted !== report.recipients) violations.push(`${report.campaignId}: ${summary.accepted} planned, ${report.recipients} in the ledger`);
    for (const entry of report.entries) {
      if (!entry.key) continue;
      eligible++;
      const count = perKey.get(entry.key) ?? 0;
      if (count > 1) duplicates += count - 1;
      if (entry.state === "failed") byCode[entry.code ?? 0] = (byCode[entry.code ?? 0] ?? 0) + 1;
      if (entry.state === "failed" && (entry.code ?? 0) === 0) dlq++;
      if (entry.state === "unknown") {
        unknown++;
        if (count === 0) ambiguousNeverArrived.push(entry.key);
      }
      // Sent exactly once, unless Meta refused it at once (131026: nothing accepted).
      const refused = entry.state === "failed" && entry.code === 131026;
      if (!refused && count !== 1 && entry.state !== "unknown") violations.push(`${entry.key}: accepted ${count} times, state ${entry.state}`);
      if (refused && count !== 0) violations.push(`${entry.key}: refused yet accepted ${count} times`);
    }
  }
  if (duplicates) violations.push(`${duplicates} duplicate sends`);
  if (dlq) violations.push(`${dlq} recipients dead-lettered`);
  // Unknown after reconciliation: only a send whose request never reached Graph
  // (the isolate died between writing "sending" and the request) may stay so.
  if (unknown !== ambiguousNeverArrived.length) violations.push(`${unknown} unknown after reconciliation, ${unknown - ambiguousNeverArrived.length} of them accepted by Graph`);
  if (kind !== "e" && unknown) violations.push(`${unknown} unknown after reconciliation`);
  const numbers = [...new Set(result.campaigns.map((c) => c.phoneNumberId))];
  const pacing = {};
  for (const number of numbers) {
    const changedAt = result.limitChanges[0]?.at ?? Infinity;
    const all = h.busiestSecond(fake.requests, number);
    const accepted = h.busiestSecond(fake.requests, number, (r) => r.code === 0);
    const windows = h.windowCounts(fake.requests, number);
    const p99 = windows[Math.floor(windows.length * 0.99)] ?? 0;
    const throttled = fake.requests.filter((r) => r.number === number && r.code === 130429).length;
    const after = result.limitChanges[0] && number === h.NUMBER_A ? h.busiestSecond(fake.requests, number, (r) => r.code === 0 && r.at >= changedAt + 1000) : null;
    pacing[number] = { limit, target: Math.floor(limit * 0.9), busiest: all, busiestAccepted: accepted, p99, throttled, busiestAcceptedAfterChange: after };
    // The pacer's correctness: no 1-second window over the limit (+1 for clock granularity).
    if (kind !== "b" && all > limit + 1) violations.push(`${number}: ${all} requests in one second, limit ${limit}`);
    if (kind === "b" && number === h.NUMBER_A && after > result.limitChanges[0].limit + 1) violations.push(`${number}: ${after} accepted in one second after the limit became ${result.limitChanges[0].limit}`);
    if (kind !== "b" && throttled) violations.push(`${number}: ${throttled} answers 130429 in steady state`);
    if (accepted === 0) violations.push(`${number}: nothing accepted`);
  }
  if (kind === "b" && !fake.requests.some((r) => r.code === 130429)) violations.push("the lowered limit was never hit (no 130429)");
  const rejectedRows = result.reports.reduce((sum, r) => sum + r.rejected + r.duplicates, 0);
  if (kind !== "f" && rejectedRows) violations.push(`${rejectedRows} rows rejected or duplicate where the input has none`);
  let lowered = null;
  if (result.limitChanges[0]) {
    // After the limit is halved: 130429s, and how soon a second runs at ≥ 80 % of the new limit again.
    const { at, limit: newLimit } = result.limitChanges[0];
    const times = fake.requests.filter((r) => r.number === h.NUMBER_A && r.code === 0 && r.at >= at).map((r) => r.at);
    let start = 0;
    let recoveredMs = null;
    for (let end = 0; end < times.length; end++) {
      while (times[end] - times[start] >= 1000) start++;
      if (end - start + 1 >= newLimit * 0.8) {
        recoveredMs = Math.round(times[end] - at);
        break;
      }
    }
    const throttledAfter = fake.requests.filter((r) => r.code === 130429 && r.at >= at).length;
    const acceptedAfter = times.length;
    const spanS = (result.finishedAt - at) / 1000;
    lowered = { from: limit, to: newLimit, throttledAfter, recoveredMs, meanRateAfter: Math.round(acceptedAfter / spanS) };
  }
  const sends = fake.accepted.length;
  const makespanMs = result.finishedAt - result.startedAt;
  // The ideal is the busiest number's accepted sends at the target rate.
  const busiestNumber = Math.max(...numbers.map((number) => fake.accepted.filter((entry) => entry.number === number).length));
  const idealMs = (busiestNumber / Math.floor(limit * 0.9)) * 1000;
  return {
    violations,
    figures: {
      rows: result.campaigns.reduce((sum, c) => sum + c.rows, 0),
      eligible,
      acceptedRequests: sends,
      duplicates,
      lost,
      unknownSeen: result.unknownSeen,
      unknownAfter: unknown,
      unknownNeverArrived: ambiguousNeverArrived.length,
      dlq,
      failedByCode: byCode,
      rejected: result.reports.reduce((sum, r) => sum + r.rejected, 0),
      duplicateRows: result.reports.reduce((sum, r) => sum + r.duplicates, 0),
      pacing,
      makespanMs: Math.round(makespanMs),
      idealMs: Math.round(idealMs),
      efficiency: idealMs / makespanMs,
      producerMs: Math.round(result.producerMs ?? 0),
      sendBatchCalls: result.campaigns.reduce((sum, c) => sum + (c.enqueued?.batches ?? 0), 0),
      queueMessages: result.campaigns.reduce((sum, c) => sum + (c.enqueued?.messages ?? 0), 0),
      lowered,
      restart: result.restart,
    },
  };
}
