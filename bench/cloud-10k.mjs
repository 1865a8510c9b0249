#!/usr/bin/env node
// The figure: exactly 10,000 text sends each, ours and whatsapp-api-js
// 6.3.0, to the same loopback fake in this one process, in alternating blocks
// of 500 after a warm-up. Prints per-send times and the ratios (> 1: ours is
// faster), by the clock and by this process's CPU time (steadier on a shared
// machine; the fake server's work is in both). TIMEOUT_MS=0 runs ours without
// a per-request abort signal, as the peer runs. Usage: node bench/cloud-10k.mjs [sends]
import bench, { close } from "./cases/cloud-send.mjs";

const total = Number(process.argv[2] ?? 10_000);
const BLOCK = 500;
const recipients = bench.inputs;
const spent = { ours: 0, peer: 0 };
const cpu = { ours: 0, peer: 0 };

/** Runs `count` sends; their wall time in ms, and their CPU time (µs) added to `cpu[side]`. */
async function block(fn, count, side) {
  const start = performance.now();
  const used = process.cpuUsage();
  for (let i = 0; i < count; i++) await fn(recipients[i % recipients.length]);
  const { user, system } = process.cpuUsage(used);
  if (side) cpu[side] += user + system;
  return performance.now() - start;
}

await block(bench.ours, 1000);
await block(bench.peer, 1000);
for (let done = 0; done < total; done += BLOCK) {
  const count = Math.min(BLOCK, total - done);
  // Alternate who goes first so neither always runs on a warmer process.
  const order = (done / BLOCK) % 2 === 0 ? ["ours", "peer"] : ["peer", "ours"];
  for (const side of order) spent[side] += await block(bench[side], count, side);
}
const ms = (side) => (spent[side] / total).toFixed(3);
console.log(`${total} sends each: ours ${ms("ours")} ms/send, ${bench.peerName} ${ms("peer")} ms/send`);
console.log(`CPU: ours ${(cpu.ours / total).toFixed(0)} µs/send, peer ${(cpu.peer / total).toFixed(0)} µs/send`);
console.log(`ratio ours/peer (throughput): ${(spent.peer / spent.ours).toFixed(2)}x; by CPU time: ${(cpu.peer / cpu.ours).toFixed(2)}x`);
await close();
