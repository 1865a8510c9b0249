#!/usr/bin/env node
// The figure: exactly 10,000 text sends each, ours and whatsapp-api-js
// 6.3.0, to the same loopback fake in this one process, in alternating blocks
// of 500 after a warm-up. Prints per-send times and the ratio (> 1: ours is
// faster). TIMEOUT_MS=0 runs ours without a per-request abort signal, as the
// peer runs. Usage: node bench/cloud-10k.mjs [sends]
import bench, { close } from "./cases/cloud-send.mjs";

const total = Number(process.argv[2] ?? 10_000);
const BLOCK = 500;
const recipients = bench.inputs;
const spent = { ours: 0, peer: 0 };

async function block(fn, count) {
  const start = performance.now();
  for (let i = 0; i < count; i++) await fn(recipients[i % recipients.length]);
  return performance.now() - start;
}

await block(bench.ours, 1000);
await block(bench.peer, 1000);
for (let done = 0; done < total; done += BLOCK) {
  const count = Math.min(BLOCK, total - done);
  // Alternate who goes first so neither always runs on a warmer process.
  const order = (done / BLOCK) % 2 === 0 ? ["ours", "peer"] : ["peer", "ours"];
  for (const side of order) spent[side] += await block(bench[side], count);
}
const ms = (side) => (spent[side] / total).toFixed(3);
console.log(`${total} sends each: ours ${ms("ours")} ms/send, ${bench.peerName} ${ms("peer")} ms/send`);
console.log(`ratio ours/peer (throughput): ${(spent.peer / spent.ours).toFixed(2)}x`);
await close();
