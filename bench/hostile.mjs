#!/usr/bin/env node
// Hostile sizes: every exported validator and parser on adversarial inputs of
// 1 MB and 10 MB (deep nesting, huge strings, many keys, many items, markup
// and placeholder storms, a large phone batch). Prints the time of each and
// the ratio 10 MB / 1 MB: a linear algorithm gives ~10, the bar is ~12; more
// means something superlinear an attacker can use. Prints; never fails on time.
// Usage: node bench/hostile.mjs [name-filter]   (after scripts/build)
import { performance } from "node:perf_hooks";
import * as api from "../pkg/node.js";

const filter = process.argv[2] ?? "";
const MB = 1 << 20;

/** `unit` repeated to about `bytes`. */
const fill = (unit, bytes) => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));

// Each case: [name, (bytes) => input, (input) => call]. Inputs are JSON text
// where the function takes text, so the size is the size an attacker sends.
const cases = [
  ["validateTemplate: body of {{n}} placeholders", (n) => JSON.stringify({ name: "a", language: "en_US", category: "UTILITY", components: [{ type: "BODY", text: fill("{{1}} ", n) }] }), (t) => api.validateTemplate(t)],
  ["validateTemplate: a million components", (n) => JSON.stringify({ name: "a", language: "en_US", category: "UTILITY", components: Array.from({ length: Math.floor(n / 30) }, () => ({ type: "BODY", text: "x" })) }), (t) => api.validateTemplate(t)],
  ["validateTemplate: unbalanced markup", (n) => JSON.stringify({ name: "a", language: "en_US", category: "MARKETING", components: [{ type: "BODY", text: fill("*_~`", n) }] }), (t) => api.validateTemplate(t)],
  ["validateTemplate: carousel of unresolved {{1}}", (n) => JSON.stringify({ name: "a", language: "en_US", category: "MARKETING", components: [{ type: "BODY", text: "x" }, { type: "CAROUSEL", cards: Array.from({ length: Math.max(1, Math.floor(n / 5000)) }, () => ({ components: [{ type: "BODY", text: "{{1}}".repeat(1000) }] })) }] }, null, 1), (t) => api.validateTemplate(t)],
  ["validateTemplateSend: many parameters", (n) => JSON.stringify({ name: "a", language: { code: "en_US" }, components: [{ type: "body", parameters: Array.from({ length: Math.floor(n / 30) }, () => ({ type: "text", text: "x" })) }] }), (t) => api.validateTemplateSend({ name: "a", language: "en_US", category: "UTILITY", components: [{ type: "BODY", text: "Hi {{1}}", example: { body_text: [["x"]] } }] }, t)],
  ["validateMessage: deep nesting", (n) => `{"messaging_product":"whatsapp","to":"+14155552671","type":"text","text":${"[".repeat(n / 2)}${"]".repeat(n / 2)}}`, (t) => api.validateMessage(t)],
  ["validateMessage: huge text body", (n) => JSON.stringify({ messaging_product: "whatsapp", to: "+14155552671", type: "text", text: { body: fill("é*", n) } }), (t) => api.validateMessage(t)],
  ["validateMessage: many keys", (n) => `{"messaging_product":"whatsapp","to":"+14155552671","type":"text","text":{"body":"x"}${Array.from({ length: Math.floor(n / 12) }, (_, i) => `,"k${i}":1`).join("")}}`, (t) => api.validateMessage(t)],
  ["validateMessage: escapes", (n) => `{"messaging_product":"whatsapp","to":"+14155552671","type":"text","text":{"body":"${fill("\\u00e9\\n", n)}"}}`, (t) => api.validateMessage(t)],
  ["validateFlow: many screens", (n) => JSON.stringify({ version: "7.3", screens: Array.from({ length: Math.floor(n / 160) }, (_, i) => ({ id: `S${"A".repeat(6)}${String.fromCharCode(65 + (i % 26))}`, title: "T", terminal: true, layout: { type: "SingleColumnLayout", children: [{ type: "TextBody", text: "x" }] } })) }), (t) => api.validateFlow(t)],
  ["validateFlow: a storm of ${} references", (n) => JSON.stringify({ version: "7.3", screens: [{ id: "A", title: "T", terminal: true, data: {}, layout: { type: "SingleColumnLayout", children: [{ type: "TextBody", text: fill("${data.x} ", n) }] } }] }), (t) => api.validateFlow(t)],
  ["validateFlow: deep nesting", (n) => `{"version":"7.3","screens":${"[".repeat(n / 2)}${"]".repeat(n / 2)}}`, (t) => api.validateFlow(t)],
  ["renderTemplatePreview: markup", (n) => JSON.stringify({ name: "a", language: "en_US", category: "MARKETING", components: [{ type: "BODY", text: fill("*a _b ~c ```d``` ", n) }] }), (t) => api.renderTemplatePreview(t)],
  ["parseWebhook: many entries", (n) => JSON.stringify({ object: "whatsapp_business_account", entry: Array.from({ length: Math.floor(n / 200) }, (_, i) => ({ id: String(i), changes: [{ field: "messages", value: { statuses: [{ id: "wamid.x", status: "sent", recipient_id: "1" }] } }] })) }), (t) => api.parseWebhook(t)],
  ["parseWebhook: deep nesting", (n) => `{"object":"whatsapp_business_account","entry":${"[".repeat(n / 2)}${"]".repeat(n / 2)}}`, (t) => api.parseWebhook(t)],
  ["parsePhones: a batch of long inputs", (n) => Array.from({ length: Math.floor(n / 40) }, (_, i) => `+1 (415) 555-${String(i % 10000).padStart(4, "0")} ext. 12345678`), (list) => api.parsePhones(list)],
  ["parsePhone: one huge input", (n) => fill("+1 415 ", n), (t) => api.parsePhone(t)],
];

/** The best of `runs` timings of `call(input)` in ms (the least disturbed by the machine). */
function best(call, input, runs) {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    try {
      call(input);
    } catch {
      // A refusal (thrown misuse) is an answer too: its time counts the same.
    }
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

console.log(`${"case".padEnd(48)} ${"1 MB ms".padStart(9)} ${"10 MB ms".padStart(9)} ${"ratio".padStart(6)}`);
let worst = 0;
for (const [name, make, call] of cases) {
  if (!name.includes(filter)) continue;
  const small = make(MB);
  const large = make(10 * MB);
  // Warm up both sizes: the JIT, and wasm memory grown once to its high-water
  // mark (a first growth costs page faults that are not the algorithm's).
  best(call, large, 1);
  best(call, small, 2);
  const smallMs = best(call, small, 7);
  const largeMs = best(call, large, 5);
  const ratio = largeMs / Math.max(smallMs, 0.001);
  worst = Math.max(worst, ratio);
  // Below ~5 ms the timer and the copy of the input dominate: no verdict.
  const flag = ratio > 12 && largeMs > 5 ? "  <- superlinear?" : "";
  console.log(`${name.padEnd(48)} ${smallMs.toFixed(1).padStart(9)} ${largeMs.toFixed(1).padStart(9)} ${ratio.toFixed(1).padStart(6)}${flag}`);
}
console.log(`worst ratio: ${worst.toFixed(1)} (linear is ~10; the bar is ~12)`);
