#!/usr/bin/env node
// Benchmark runner: every case in bench/cases/ runs ours and a peer in this
// one process, alternating which goes first, for several rounds; the table
// shows median throughput and the ratio ours / peer (> 1 means we are faster).
// It prints; it never fails on time. Usage: node bench/run.mjs [--quick] [name-filter]
//
// A case (bench/cases/*.mjs exports one, or an array) is { name, peerName, inputs, ours, peer } and,
// when the peer takes its input in another shape, peerInputs (same order).
// A batch case passes arrays as inputs and sets perCall (numbers per call), so
// rates are in numbers per second either way.
import { readdirSync } from "node:fs";
import { performance } from "node:perf_hooks";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const filter = args.find((arg) => !arg.startsWith("--")) ?? "";
const ROUNDS = quick ? 3 : 15;
const MIN_ROUND_MS = quick ? 20 : 150;

const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))];
const median = (values) => quantile(values, 0.5);

/** Calls fn over all inputs repeatedly until minMs has passed; returns calls per second. */
function throughput(fn, inputs, minMs) {
  let calls = 0;
  let sink = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const input of inputs) sink ^= fn(input) ? 1 : 0;
    calls += inputs.length;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  if (sink === 2) console.log(""); // keeps the results observable so the JIT cannot drop the calls
  return (calls / elapsed) * 1000;
}

/** `throughput` for cases whose calls return promises (awaited one at a time). */
async function throughputAsync(fn, inputs, minMs) {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const input of inputs) await fn(input);
    calls += inputs.length;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return (calls / elapsed) * 1000;
}

const dir = new URL("./cases/", import.meta.url);
const files = readdirSync(dir).filter((file) => file.endsWith(".mjs")).sort();
const rows = [];
for (const file of files) {
  // A file exports one case or an array of them.
  for (const bench of [(await import(new URL(file, dir))).default].flat()) {
  if (!bench.name.includes(filter)) continue;
  // Warm both up (JIT, lazy metadata) before measuring.
  const peerInputs = bench.peerInputs ?? bench.inputs;
  const measure = bench.async ? throughputAsync : throughput;
  await measure(bench.ours, bench.inputs, MIN_ROUND_MS);
  await measure(bench.peer, peerInputs, MIN_ROUND_MS);
  const ours = [];
  const peer = [];
  for (let round = 0; round < ROUNDS; round++) {
    const runs = [[ours, bench.ours, bench.inputs], [peer, bench.peer, peerInputs]];
    if (round % 2 === 1) runs.reverse();
    for (const [samples, fn, inputs] of runs) samples.push(await measure(fn, inputs, MIN_ROUND_MS));
  }
  const perCall = bench.perCall ?? 1;
  let agree = 0;
  for (const [i, input] of bench.inputs.entries()) if ((await bench.ours(input)) === (await bench.peer(peerInputs[i]))) agree++;
  rows.push({
    case: bench.name,
    peer: bench.peerName,
    "ours ops/s": Math.round(median(ours) * perCall).toLocaleString("en"),
    "peer ops/s": Math.round(median(peer) * perCall).toLocaleString("en"),
    "ratio ours/peer": `${(median(ours) / median(peer)).toFixed(2)}x`,
    // The ratio of each round (ours and the peer measured back to back): its
    // spread says how far one run can be trusted on this machine.
    "round ratios p10–p90": (() => {
      const ratios = ours.map((o, i) => o / peer[i]);
      return `${quantile(ratios, 0.1).toFixed(2)}–${quantile(ratios, 0.9).toFixed(2)}`;
    })(),
    "same verdict": perCall > 1 ? (agree === bench.inputs.length ? "same count" : "counts differ") : `${agree}/${bench.inputs.length}`,
  });
  }
}
console.log(`whatsapp-edge benchmarks (node ${process.version}, ${ROUNDS} rounds of ≥ ${MIN_ROUND_MS} ms each, after a warm-up; median)`);
console.table(rows);
// Cases that started servers close them.
for (const file of files) await (await import(new URL(file, dir))).close?.();
