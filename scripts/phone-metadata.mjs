#!/usr/bin/env node
// Regenerates src/phone/metadata.bin from libphonenumber-js's max metadata
// (itself generated from Google's PhoneNumberMetadata.xml). To move to newer
// metadata: bump the pinned libphonenumber-js in package.json, `npm install`,
// run `node scripts/phone-metadata.mjs`, then `scripts/test` (the
// differential tests compare against the same libphonenumber-js).
//
// The blob is laid out for gzip, which the package is served with: patterns
// are tokens rather than text, and each field is a column of its own, so
// that similar bytes sit together (38 KB gzip as the text libphonenumber-js
// ships, about 28 KB like this). src/phone/metadata.rs reads it whole on first
// use. All integers are LEB128 varints; a string is a length and UTF-8.
//
//   "WAPN" 3, source, region count, shared pattern count, format pattern
//   count, then sections (each a length and its bytes):
//   strings   count, then the strings (templates, rules, prefixes); 0 is ""
//   ranges    n and m of each {n,m} in the patterns (below)
//   then one column per region field, regions ordered by calling code then
//   rank (libphonenumber tries a code's regions in this order):
//   ids       ISO 3166-1 alpha-2, or "001" for non-geographic plans
//   codes     calling code, minus the previous region's
//   leading   leading digits that pick the region among its code's (shared pattern + 1; 0 none)
//   lengths   possible lengths of national numbers (bit n: n digits)
//   prefix    national prefix (string)
//   parser    what finds a national prefix: the prefix-for-parsing pattern,
//             else the prefix itself (shared pattern + 1)
//   transform national prefix transform rule (string)
//   idd       international prefix (shared pattern + 1)
//   rule      national prefix formatting rule (string)
//   then per format, in the region's order (formatCounts says how many):
//   formatPatterns (format pattern), formatTemplates (string), formatLeading
//   (1: leading digits pattern inline), formatRules (string),
//   formatInternational (string; "NA": not from abroad, "": as national)
//   typeKinds      per region 10 types in libphonenumber's order (fixed line,
//                  mobile, toll free, premium rate, personal, voicemail, UAN,
//                  pager, VoIP, shared cost): 0 none, 1 inline pattern, 2 the
//                  fixed-line pattern (libphonenumber-js writes it as "")
//   typeLengths    per type of kind 1 or 2: bit i = the region's i-th
//                  shortest length (0: all the region's)
//   tokens    patterns, one byte per token (TOKEN): the shared patterns, the
//             format patterns, then per region its inline patterns in the
//             order its columns name them (national number pattern, format
//             leading digits, types)
//   masks89   per digit class, the bits of digits 8 and 9, four classes to a
//             byte (first in the low bits; apart, it compresses better)
//   masks     per digit class, the bits of digits 0-7
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const metadata = require("libphonenumber-js/metadata.max.json");
const { version } = JSON.parse(
  readFileSync(new URL("../node_modules/libphonenumber-js/package.json", import.meta.url), "utf8"),
);

/** Pattern tokens; metadata.rs has the same table. */
const TOKEN = {
  // 0-9: that digit
  ANY: 10, // \d
  CLASS: 11, // [...]: mask in the masks stream
  GROUP: 12, // (?:
  CAPTURE: 13, // (
  END: 14, // $
  ALT: 15, // |
  OPTIONAL: 16, // ?
  RANGE: 17, // {n,m}: n, m in the ranges stream
  CLOSE: 18, // )
  STOP: 19, // end of the pattern
  EXACT: 32, // + n: {n}
  ANY_EXACT: 64, // + n: \d{n}
};

/** Appends `pattern` (libphonenumber's regular-expression subset) as tokens to `out`. */
function tokenize(pattern, out) {
  let at = 0;
  const fail = (why) => {
    throw new Error(`pattern ${JSON.stringify(pattern)} at ${at}: ${why}`);
  };
  const count = () => {
    const start = at;
    while (/[0-9]/.test(pattern[at] ?? "")) at++;
    if (at === start) fail("expected a count");
    const n = Number(pattern.slice(start, at));
    if (n > 31) fail("counts above 31 do not fit");
    return n;
  };
  while (at < pattern.length) {
    const c = pattern[at];
    let atom = true;
    if (c >= "0" && c <= "9") {
      out.tokens.push(Number(c));
      at++;
    } else if (pattern.startsWith("\\d", at)) {
      at += 2;
      // \d{n} is one token: the commonest item by far.
      const exact = /^\{(\d+)\}/.exec(pattern.slice(at));
      if (exact && Number(exact[1]) <= 31) {
        out.tokens.push(TOKEN.ANY_EXACT + Number(exact[1]));
        at += exact[0].length;
        continue;
      }
      out.tokens.push(TOKEN.ANY);
    } else if (c === "[") {
      at++;
      let mask = 0;
      while (pattern[at] !== "]") {
        if (pattern.startsWith("\\d", at)) {
          mask = 0x3ff;
          at += 2;
          continue;
        }
        const low = pattern[at];
        if (!(low >= "0" && low <= "9")) fail("expected a digit in a class");
        let high = low;
        if (pattern[at + 1] === "-") {
          high = pattern[at + 2];
          if (!(high >= low && high <= "9")) fail("expected a digit range");
          at += 2;
        }
        for (let d = Number(low); d <= Number(high); d++) mask |= 1 << d;
        at++;
      }
      at++;
      out.tokens.push(TOKEN.CLASS);
      out.masks.push(mask & 0xff);
      const count = out.masks.length - 1;
      if (count % 4 === 0) out.masks89.push(0);
      out.masks89[out.masks89.length - 1] |= (mask >> 8) << (2 * (count % 4));
    } else if (c === "$") {
      out.tokens.push(TOKEN.END);
      at++;
    } else if (pattern.startsWith("(?:", at)) {
      out.tokens.push(TOKEN.GROUP);
      at += 3;
      atom = false;
    } else if (c === "(") {
      if (pattern[at + 1] === "?") fail("only (?: groups are supported");
      out.tokens.push(TOKEN.CAPTURE);
      at++;
      atom = false;
    } else if (c === ")" || c === "|") {
      out.tokens.push(c === ")" ? TOKEN.CLOSE : TOKEN.ALT);
      at++;
      if (c === "|") continue;
    } else {
      fail("unsupported syntax");
    }
    if (!atom) continue;
    // A quantifier after an atom or a group.
    if (pattern[at] === "?") {
      out.tokens.push(TOKEN.OPTIONAL);
      at++;
    } else if (pattern[at] === "{") {
      at++;
      const min = count();
      let max = min;
      if (pattern[at] === ",") {
        at++;
        max = count();
      }
      if (pattern[at] !== "}" || max < min) fail("expected {n} or {n,m}");
      at++;
      if (min === max) out.tokens.push(TOKEN.EXACT + min);
      else {
        out.tokens.push(TOKEN.RANGE);
        out.ranges.push(min, max);
      }
    }
  }
  out.tokens.push(TOKEN.STOP);
}

/** The metadata blob, as bytes. */
export function metadataBytes() {
  const varints = (out, ...values) => {
    for (let n of values) {
      if (!Number.isInteger(n) || n < 0) throw new Error(`not a varint: ${n}`);
      do {
        let byte = n & 0x7f;
        n >>>= 7;
        if (n) byte |= 0x80;
        out.push(byte);
      } while (n);
    }
    return out;
  };
  const text = (out, s) => {
    const encoded = Buffer.from(s, "utf8");
    varints(out, encoded.length);
    out.push(...encoded);
    return out;
  };
  /** Index of `value` in `list`, added at the end when new. */
  const intern = (list, value) => {
    if (!list.includes(value)) list.push(value);
    return list.indexOf(value);
  };

  const strings = [""];
  const string = (s) => intern(strings, s || "");
  const shared = [];
  const sharedPattern = (pattern) => (pattern ? intern(shared, pattern) + 1 : 0);
  const formatPatterns = [];
  const inline = [];
  const lengthMask = (list) => (list || []).reduce((mask, n) => mask | (1 << n), 0);

  const codes = metadata.country_calling_codes;
  // Non-geographic numbering plans (+800, +808, …) are region "001", as in libphonenumber.
  const rank = (id, c) => (id === "001" ? 0 : codes[c[0]].indexOf(id));
  const entries = [
    ...Object.entries(metadata.countries),
    ...Object.entries(metadata.nonGeographic || {}).map(([, c]) => ["001", c]),
  ].sort(([a, x], [b, y]) => Number(x[0]) - Number(y[0]) || rank(a, x) - rank(b, y));

  const column = {};
  const put = (name, ...values) => varints((column[name] ??= []), ...values);
  let previousCode = 0;
  // libphonenumber-js v4 layout: [code, idd, national, lengths, formats, prefix,
  // prefixFormattingRule, prefixForParsing, transformRule, optional, leadingDigits, types, …]
  for (const [id, c] of entries) {
    text((column.ids ??= []), id);
    put("codes", Number(c[0]) - previousCode);
    previousCode = Number(c[0]);
    put("leading", sharedPattern(c[10]));
    put("lengths", lengthMask(c[3]));
    inline.push(c[2]);
    put("prefix", string(c[5]));
    put("parser", sharedPattern(c[7] || c[5]));
    put("transform", string(c[8]));
    put("idd", sharedPattern(c[1]));
    put("rule", string(c[6]));
    const formats = c[4] || [];
    put("formatCounts", formats.length);
    for (const f of formats) {
      put("formatPatterns", intern(formatPatterns, f[0]));
      put("formatTemplates", string(f[1]));
      const leading = (f[2] || []).at(-1);
      put("formatLeading", leading ? 1 : 0);
      if (leading) inline.push(leading);
      put("formatRules", string(f[3]));
      put("formatInternational", string(f[5]));
    }
    const regionLengths = c[3] || [];
    for (let t = 0; t < 10; t++) {
      const type = (c[11] || [])[t];
      put("typeKinds", !type ? 0 : type[0] ? 1 : 2);
      if (!type) continue;
      if (type[0]) inline.push(type[0]);
      // Bit i: the region's i-th shortest length (types allow a subset of them).
      const lengths = type[1] || [];
      if (lengths.some((n) => !regionLengths.includes(n))) throw new Error(`${id}: type lengths beyond the region's`);
      put("typeLengths", regionLengths.reduce((mask, n, i) => (lengths.includes(n) ? mask | (1 << i) : mask), 0));
    }
  }

  const streams = { tokens: [], masks: [], masks89: [], ranges: [] };
  for (const pattern of [...shared, ...formatPatterns, ...inline]) tokenize(pattern, streams);
  const stringTable = varints([], strings.length);
  strings.forEach((s) => text(stringTable, s));
  // In the order that compresses best (masks last: 0.3 KB less than first).
  const sections = [
    stringTable,
    streams.ranges,
    ...["ids", "codes", "leading", "lengths", "prefix", "parser", "transform", "idd", "rule"].map((n) => column[n]),
    ...["formatCounts", "formatPatterns", "formatTemplates", "formatLeading", "formatRules", "formatInternational"].map(
      (n) => column[n] ?? [],
    ),
    column.typeKinds,
    column.typeLengths,
    streams.tokens,
    streams.masks89,
    streams.masks,
  ];
  const header = text([], `libphonenumber-js ${version} metadata.max.json`);
  varints(header, entries.length, shared.length, formatPatterns.length);
  return Buffer.from([
    ...Buffer.from("WAPN"),
    3,
    ...header,
    ...sections.flatMap((bytes) => [...varints([], bytes.length), ...bytes]),
  ]);
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const out = new URL("../src/phone/metadata.bin", import.meta.url);
  const bytes = metadataBytes();
  writeFileSync(out, bytes);
  console.log(`wrote ${bytes.length} bytes to ${out.pathname}`);
}
