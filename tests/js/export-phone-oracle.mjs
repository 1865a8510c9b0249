// Writes tests/fixtures/phone/oracle.json: E.164 numbers around every
// region's example mobile number (the example, and digits changed, dropped
// and added) with libphonenumber-js/max's verdicts — country, valid, type,
// national number, national and international formats — so the Rust tests of
// the classifier and the formatter compare with it.
//   node tests/js/export-phone-oracle.mjs
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";

const require = createRequire(import.meta.url);
const examples = require("libphonenumber-js/examples.mobile.json");
const metadata = require("libphonenumber-js/metadata.max.json");

export const fixture = new URL("../fixtures/phone/oracle.json", import.meta.url);

function variants(national) {
  const out = new Set([national]);
  for (let i = 0; i < national.length; i++) {
    for (const d of "09") out.add(national.slice(0, i) + d + national.slice(i + 1));
    out.add(national.slice(0, i) + national.slice(i + 1));
  }
  for (const d of "07") out.add(national + d);
  return [...out];
}

/**
 * The fixture as JSON text: `international` rows are [e164, country or "",
 * valid, type or "", nationalNumber, national, international]; `national`
 * rows are [input, defaultCountry, country or "", valid, type or "", e164 or ""]
 * for the same numbers typed in national form (formatted, and bare digits).
 */
export function oracleJson() {
  const rows = [];
  const nationalRows = [];
  for (const [region, example] of Object.entries(examples).sort()) {
    const code = metadata.countries[region][0];
    for (const national of variants(example)) {
      const e164 = `+${code}${national}`;
      const parsed = parsePhoneNumberFromString(e164);
      const typed = parsed?.isValid() ? [parsed.formatNational(), national] : [national];
      for (const input of typed) {
        const local = parsePhoneNumberFromString(input, region);
        nationalRows.push(
          local
            ? [input, region, local.country ?? "", local.isValid(), local.getType() ?? "", local.number]
            : [input, region, "", false, "", ""],
        );
      }
      rows.push(
        parsed
          ? [
              e164,
              parsed.country ?? "",
              parsed.isValid(),
              parsed.getType() ?? "",
              parsed.nationalNumber,
              parsed.formatNational(),
              parsed.formatInternational(),
            ]
          : [e164, "", false, "", "", "", ""],
      );
    }
  }
  const lines = (list) => list.map((row) => JSON.stringify(row)).join(",\n");
  return `{"international": [\n${lines(rows)}\n],\n"national": [\n${lines(nationalRows)}\n]}\n`;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  writeFileSync(fixture, oracleJson());
  console.log(`wrote ${fixture.pathname}`);
}
