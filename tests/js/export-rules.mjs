// Writes the rule table (tests/js/rules.mjs) as plain JSON to
// tests/fixtures/rules.json, so the native Rust tests run the same cases:
//   node tests/js/export-rules.mjs
// tests/js/rules-fixture.test.mjs fails when the file is out of date.
import { writeFileSync } from "node:fs";
import { rules } from "./rules.mjs";

export const fixture = new URL("../fixtures/rules.json", import.meta.url);

/** The table as JSON text, one line per code, inputs as the validators receive them. */
export function rulesJson() {
  const lines = Object.entries(rules).map(([code, rule]) => `${JSON.stringify(code)}: ${JSON.stringify(rule)}`);
  return `{\n${lines.join(",\n")}\n}\n`;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  writeFileSync(fixture, rulesJson());
  console.log(`wrote ${Object.keys(rules).length} rules to ${fixture.pathname}`);
}
