// Writes tests/fixtures/phone/patterns.json from libphonenumber-js's max
// metadata (the pinned devDependency): every pattern the metadata holds, and
// per region its national-number pattern, mobile pattern and example mobile
// number. The Rust tests of src/phone/pattern.rs compile and match them, so
// the matcher is checked against the real pattern language, not a sample.
//   node tests/js/export-phone-patterns.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const metadata = require("libphonenumber-js/metadata.max.json");
const examples = require("libphonenumber-js/examples.mobile.json");
const { version } = JSON.parse(readFileSync(new URL("../../node_modules/libphonenumber-js/package.json", import.meta.url), "utf8"));

export const fixture = new URL("../fixtures/phone/patterns.json", import.meta.url);

/** The fixture as JSON text. */
export function patternsJson() {
  const all = new Set();
  const add = (pattern) => typeof pattern === "string" && pattern !== "" && all.add(pattern);
  const regions = {};
  for (const [region, country] of Object.entries(metadata.countries)) {
    // Compressed layout: [code, idd, national, lengths, formats, prefix, ?, prefixForParsing, transform, …, types]
    // (unused entries are 0).
    const [, , national, , formats, , , nationalPrefixForParsing, , , leadingDigits, types] = country;
    add(national);
    add(nationalPrefixForParsing);
    add(leadingDigits);
    for (const [pattern, , formatLeadingDigits] of formats || []) {
      add(pattern);
      (formatLeadingDigits || []).forEach(add);
    }
    for (const type of types || []) if (type) add(type[0]);
    const mobile = (types || [])[1]?.[0];
    const example = examples[region];
    if (mobile && example) {
      // Inputs around the example, with JavaScript's own verdicts as the oracle.
      const inputs = [example, example.slice(0, -1), `${example}0`, `9${example.slice(1)}`, `${example.slice(0, 2)}0${example.slice(3)}`];
      const full = (pattern, input) => new RegExp(`^(?:${pattern})$`).test(input);
      regions[region] = {
        national,
        mobile,
        cases: inputs.map((input) => [input, full(national, input), full(mobile, input)]),
      };
    }
  }
  return `${JSON.stringify({ source: `libphonenumber-js ${version} metadata.max.json`, regions, patterns: [...all].sort() }, null, 1)}\n`;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  writeFileSync(fixture, patternsJson());
  console.log(`wrote ${fixture.pathname}`);
}
