#!/usr/bin/env node
// Regenerates src/phone/metadata.bin from libphonenumber-js's max metadata
// (itself generated from Google's PhoneNumberMetadata.xml). To move to newer
// metadata: bump the pinned libphonenumber-js in package.json, `npm install`,
// run `node scripts/phone-metadata.mjs`, then `scripts/test` (the
// differential tests compare against the same libphonenumber-js).
//
// Format (all integers are LEB128 varints, strings are varint length + UTF-8):
//   "WAPN" 2 | source string | region count
//   index, ordered by calling code then rank, per region: id, calling code,
//     rank among its code's regions (0 = main; libphonenumber tries them in
//     this order), offset of its body
//   bodies, per region:
//     leading digits, national pattern, possible lengths (count, lengths…),
//     national prefix, national prefix for parsing, transform rule,
//     international dialling prefix pattern, national prefix formatting rule,
//     formats (count; each: pattern, format, last leading-digits pattern,
//     national prefix formatting rule, international format — "" = inherit),
//     then 10 types in libphonenumber order (fixed line, mobile, toll free,
//     premium rate, personal, voicemail, UAN, pager, VoIP, shared cost):
//     pattern ("" = none; "=" = the fixed-line pattern, which libphonenumber-js
//     writes as "" to save bytes), possible lengths (count 0 = the region's).
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const metadata = require("libphonenumber-js/metadata.max.json");
const { version } = JSON.parse(
  readFileSync(new URL("../node_modules/libphonenumber-js/package.json", import.meta.url), "utf8"),
);

/** The metadata blob, as bytes. */
export function metadataBytes() {
  // Two byte lists: the index (read at start-up) and the bodies (read per region).
  const index = [];
  const bodies = [];
  let out = index;
  const varint = (n) => {
    do {
      let byte = n & 0x7f;
      n >>>= 7;
      if (n) byte |= 0x80;
      out.push(byte);
    } while (n);
  };
  const string = (s) => {
    const encoded = Buffer.from(s || "", "utf8");
    varint(encoded.length);
    out.push(...encoded);
  };
  const lengths = (list) => {
    varint((list || []).length);
    for (const length of list || []) varint(length);
  };

  string(`libphonenumber-js ${version} metadata.max.json`);
  const codes = metadata.country_calling_codes;
  // Non-geographic numbering plans (+800, +808, …) are region "001", as in libphonenumber.
  // Ordered by calling code, then rank, so the reader can group regions by
  // code without sorting.
  const rank = (id, c) => (id === "001" ? 0 : codes[c[0]].indexOf(id));
  const entries = [
    ...Object.entries(metadata.countries),
    ...Object.entries(metadata.nonGeographic || {}).map(([, c]) => ["001", c]),
  ].sort(([a, x], [b, y]) => Number(x[0]) - Number(y[0]) || rank(a, x) - rank(b, y));
  varint(entries.length);
  for (const [id, c] of entries) {
    // Index entry: id, calling code, rank, offset of the body.
    out = index;
    string(id);
    varint(Number(c[0]));
    varint(rank(id, c));
    varint(bodies.length);
    // Body. libphonenumber-js v4 layout: [code, idd, national, lengths, formats,
    // prefix, prefixFormattingRule, prefixForParsing, transformRule, optional,
    // leadingDigits, types, …]
    out = bodies;
    string(c[10]);
    string(c[2]);
    lengths(c[3]);
    string(c[5]);
    string(c[7]);
    string(c[8]);
    string(c[1]);
    string(c[6]);
    const formats = c[4] || [];
    varint(formats.length);
    for (const f of formats) {
      string(f[0]);
      string(f[1]);
      string((f[2] || []).at(-1));
      string(f[3]);
      string(f[5]);
    }
    const types = c[11] || [];
    for (let t = 0; t < 10; t++) {
      const type = types[t];
      string(type ? type[0] || "=" : "");
      lengths(type ? type[1] : []);
    }
  }
  return Buffer.from([...Buffer.from("WAPN"), 2, ...index, ...bodies]);
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const out = new URL("../src/phone/metadata.bin", import.meta.url);
  const bytes = metadataBytes();
  writeFileSync(out, bytes);
  console.log(`wrote ${bytes.length} bytes to ${out.pathname}`);
}
