// Shared by the JS test files: the pinned Workers compatibility date, Chromium,
// and the one way a runner reports a shared suite's results as node:test tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

/** Pinned so a workerd upgrade cannot silently change runtime behaviour. */
export const COMPATIBILITY_DATE = "2026-07-01";

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}

/** Registers `label: every case ran` (the results name `names`, in order) and one test per result of a shared suite (cases.mjs's runCases). */
export function report(label, results, names) {
  test(`${label}: every case ran`, () => assert.deepEqual(results.map((r) => r.name), names));
  for (const { name, ok, error } of results) test(`${label}: ${name}`, () => assert.ok(ok, error));
}
