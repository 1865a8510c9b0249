// Differential test of parsePhones (the built package, Node) against
// libphonenumber-js/max, in one process: more than 100,000 inputs made from
// every region's example number — digits changed, dropped and added, written
// in E.164, with spaces and dashes, in national format with the region as
// default country, and with the international prefix. valid, type, country
// and e164 must agree on at least 99.9%; every disagreement class is printed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { parsePhones } from "../../pkg/node.js";

const require = createRequire(import.meta.url);
const examples = require("libphonenumber-js/examples.mobile.json");
const metadata = require("libphonenumber-js/metadata.max.json");

function mutations(national) {
  const out = new Set([national]);
  for (let i = 0; i < national.length; i++) {
    for (let d = 0; d <= 9; d++) {
      out.add(national.slice(0, i) + d + national.slice(i + 1));
      out.add(national.slice(0, i) + d + national.slice(i));
    }
    out.add(national.slice(0, i) + national.slice(i + 1));
  }
  return [...out];
}

/** [input, defaultCountry] pairs for one region. */
function inputs(region, example) {
  const code = metadata.countries[region][0];
  const pairs = [];
  for (const national of mutations(example)) {
    pairs.push([`+${code}${national}`, undefined]);
    pairs.push([`+${code} ${national.slice(0, 3)}-${national.slice(3)}`, undefined]);
    pairs.push([national, region]);
  }
  const parsed = parsePhoneNumberFromString(`+${code}${example}`);
  if (parsed) {
    pairs.push([parsed.formatNational(), region]);
    pairs.push([parsed.formatInternational(), undefined]);
    pairs.push([`00${code}${example}`, region === "US" ? "FR" : "DE"]);
  }
  return pairs;
}

function theirs(input, country) {
  const parsed = parsePhoneNumberFromString(input, country);
  if (!parsed?.isValid()) return { valid: false };
  return { valid: true, type: (parsed.getType() ?? "").toLowerCase(), country: parsed.country ?? "", e164: parsed.number };
}

function ours(result) {
  if (!result.valid) return { valid: false };
  return { valid: true, type: result.type ?? "", country: result.country ?? "", e164: result.e164 };
}

test("parsePhones agrees with libphonenumber-js/max on >= 99.9% of 100,000+ inputs", () => {
  let total = 0;
  let agree = 0;
  const classes = new Map();
  for (const [region, example] of Object.entries(examples)) {
    const byCountry = new Map();
    for (const [input, country] of inputs(region, example)) {
      if (!byCountry.has(country)) byCountry.set(country, []);
      byCountry.get(country).push(input);
    }
    for (const [country, batch] of byCountry) {
      const results = parsePhones(batch, country === undefined ? undefined : { defaultCountry: country });
      batch.forEach((input, i) => {
        total++;
        const a = ours(results[i]);
        const b = theirs(input, country);
        if (JSON.stringify(a) === JSON.stringify(b)) {
          agree++;
          return;
        }
        const key = `${region}: ours ${a.valid ? a.type : "invalid"} vs theirs ${b.valid ? b.type : "invalid"}`;
        if (!classes.has(key)) classes.set(key, []);
        classes.get(key).push(`${input}${country ? ` (${country})` : ""}`);
      });
    }
  }
  for (const [key, list] of [...classes].sort((x, y) => y[1].length - x[1].length)) {
    console.log(`${key}: ${list.length}, e.g. ${list.slice(0, 3).join(" | ")}`);
  }
  const ratio = agree / total;
  console.log(`agree on ${agree} of ${total} (${(ratio * 100).toFixed(3)}%)`);
  assert.ok(total >= 100_000, `${total} inputs`);
  assert.ok(ratio >= 0.999, `agreement ${ratio}`);
});
