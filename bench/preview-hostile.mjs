#!/usr/bin/env node
// renderTemplatePreview on hostile sizes: each case in a fresh Node process
// (so one case's memory cannot hide in another's), timing one call and
// reporting the process's peak RSS, the JS heap and the wasm linear memory
// (which never shrinks, so its size after the call is its peak).
// Prints a table; never fails on time.
// Usage: node bench/preview-hostile.mjs [--pkg DIR] [name-filter]
//   --pkg DIR  the package to measure (default: pkg/), e.g. a copy of an older build
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const MB = 1024 * 1024;

/** `unit` repeated up to `bytes` (UTF-8; the units here are ASCII). */
const fill = (unit, bytes) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
const MARKUP = "*bold* _italic_ ~strike~ `code` https://x.example/a_(b) +1 555 123 4567\n* item\n> quote\n";
const template = (components) => ({ name: "hostile", language: "en_US", category: "MARKETING", components });

export const CASES = {
  // The issue's figure: 8 MB of formatting in one body.
  "8 MB body of markup": () => template([{ type: "BODY", text: fill(MARKUP, 8 * MB) }]),
  // Under the document cap, so the per-text cap is what bounds it.
  "1,000,000 B body of markup": () => template([{ type: "BODY", text: fill(MARKUP, 1_000_000) }]),
  // A small definition whose one 60 KB example value fills 1,000 variables.
  "60 KB value x 1,000 variables": () =>
    template([{ type: "BODY", text: "{{1}} ".repeat(1000), example: { body_text: [[fill("value ", 60_000)]] } }]),
  // The same in ten carousel cards (about 660 KB of definition).
  "10 cards x 60 KB value x 1,000 variables": () =>
    template([
      { type: "BODY", text: "Cards" },
      {
        type: "CAROUSEL",
        cards: Array.from({ length: 10 }, () => ({
          components: [{ type: "BODY", text: "{{1}} ".repeat(1000), example: { body_text: [[fill("value ", 60_000)]] } }],
        })),
      },
    ]),
  // 160 cards of 1,000 unresolved variables each, as JSON text (findings get positions).
  "160,000 unresolved variables (JSON text)": () =>
    JSON.stringify(
      template([
        { type: "BODY", text: "Cards" },
        { type: "CAROUSEL", cards: Array.from({ length: 160 }, () => ({ components: [{ type: "BODY", text: "{{1}}".repeat(1000) }] })) },
      ]),
    ),
};

if (process.argv[2] === "--child") {
  const [, , , name, pkg] = process.argv;
  const glue = await import(pathToFileURL(resolve(pkg, "whatsapp_edge.js")).href);
  const exports = glue.initSync({ module: readFileSync(resolve(pkg, "whatsapp_edge_bg.wasm")) });
  const definition = CASES[name]();
  const size = typeof definition === "string" ? definition.length : JSON.stringify(definition).length;
  const wasmBefore = exports.memory.buffer.byteLength;
  const start = performance.now();
  const result = glue.renderTemplatePreview(definition, {});
  const ms = performance.now() - start;
  const { heapUsed } = process.memoryUsage();
  console.log(
    JSON.stringify({
      size,
      ms,
      peakRss: process.resourceUsage().maxRSS * 1024,
      heapUsed,
      wasmBefore,
      wasmAfter: exports.memory.buffer.byteLength,
      html: result.html.length,
      issues: result.issues.length,
      codes: [...new Set(result.issues.map((issue) => issue.code))].filter((code) => code.startsWith("preview.")).join(" "),
    }),
  );
} else {
  const args = process.argv.slice(2);
  const at = args.indexOf("--pkg");
  const pkg = resolve(at >= 0 ? args.splice(at, 2)[1] : fileURLToPath(new URL("../pkg", import.meta.url)));
  const filter = args[0] ?? "";
  const mb = (bytes) => (bytes / MB).toFixed(1);
  const rows = [];
  for (const name of Object.keys(CASES).filter((name) => name.includes(filter))) {
    let row;
    try {
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--child", name, pkg], {
        encoding: "utf8",
        timeout: 300_000,
        stdio: ["ignore", "pipe", "pipe"],
      });
      const r = JSON.parse(out.trim().split("\n").pop());
      row = {
        "input (MB)": mb(r.size),
        "time (ms)": r.ms.toFixed(0),
        "peak RSS (MB)": mb(r.peakRss),
        "JS heap (MB)": mb(r.heapUsed),
        "wasm memory (MB)": `${mb(r.wasmBefore)} → ${mb(r.wasmAfter)}`,
        "html (MB)": mb(r.html),
        issues: r.issues,
        "preview codes": r.codes,
      };
    } catch (error) {
      // The thrown error's line (an out-of-memory or string-length crash), or the timeout.
      const lines = String(error.stderr || "").split("\n");
      const why = error.code === "ETIMEDOUT" ? "timed out (300 s)" : (lines.find((line) => /Error/.test(line)) ?? error.message);
      row = { "time (ms)": `failed: ${why.trim().slice(0, 90)}` };
    }
    rows.push({ case: name, ...row });
  }
  console.log(`renderTemplatePreview on hostile sizes (${pkg}, node ${process.version}, one call per fresh process)`);
  console.table(rows);
}
