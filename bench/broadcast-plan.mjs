#!/usr/bin/env node
// Issue 23's producer figure: planBroadcast over N recipients (default
// 100,000: half shared-send phone numbers, half with their own components,
// 5% invalid, 5% duplicates typed another way), through the built package.
// Prints rows/s and the heap growth; it never fails on time.
// Usage: node bench/broadcast-plan.mjs [rows]
import os from "node:os";
import { planBroadcast } from "../pkg/node.js";

const rows = Number(process.argv[2] ?? 100_000);
const definition = { name: "order_update", language: "en_US", category: "UTILITY", components: [{ type: "BODY", text: "Order {{1}} shipped", example: { body_text: [["42"]] } }] };
const own = (text) => [{ type: "body", parameters: [{ type: "text", text }] }];
const send = { name: "order_update", language: { code: "en_US" }, components: own("42") };
const recipients = Array.from({ length: rows }, (_, i) => {
  if (i % 20 === 1) return "not a phone";
  if (i % 20 === 0 && i > 0) return `447911${100000 + i - 1}`;
  if (i % 2) return { to: `+44 7911 ${100000 + i}`, components: own(`#${i}`) };
  return `+1 415 20${Math.floor(i / 10000)} ${String(i % 10000).padStart(4, "0")}`;
});
const input = { campaignId: "bench", phoneNumberId: "106540352242922", definition, send, recipients, chunkSize: 100 };

planBroadcast({ ...input, recipients: recipients.slice(0, 1000) }); // warm-up
const times = [];
let summary;
const heapBefore = process.memoryUsage().heapUsed;
for (let round = 0; round < 3; round++) {
  const start = performance.now();
  summary = planBroadcast(input).summary;
  times.push(performance.now() - start);
}
const best = Math.min(...times);
console.log(`node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"})`);
console.log(`planBroadcast: ${rows} rows, ${JSON.stringify(summary)}`);
console.log(`times ${times.map((t) => t.toFixed(0)).join(" / ")} ms; best ${(rows / best * 1000).toFixed(0)} rows/s`);
console.log(`heap after: +${((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(1)} MB`);
