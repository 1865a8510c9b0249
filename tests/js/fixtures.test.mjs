// The JSON fixtures the Rust tests read (exported from JS sources) are up to date.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fixture, rulesJson } from "./export-rules.mjs";

test("tests/fixtures/rules.json matches tests/js/rules.mjs (run node tests/js/export-rules.mjs)", () => {
  assert.equal(readFileSync(fixture, "utf8"), rulesJson());
});

test("tests/fixtures/phone/patterns.json matches the pinned libphonenumber-js (run node tests/js/export-phone-patterns.mjs)", async () => {
  const { fixture: patterns, patternsJson } = await import("./export-phone-patterns.mjs");
  assert.equal(readFileSync(patterns, "utf8"), patternsJson());
});

test("tests/fixtures/phone/oracle.json matches the pinned libphonenumber-js (run node tests/js/export-phone-oracle.mjs)", async () => {
  const { fixture: oracle, oracleJson } = await import("./export-phone-oracle.mjs");
  assert.equal(readFileSync(oracle, "utf8"), oracleJson());
});

test("src/phone/metadata.bin is what scripts/phone-metadata.mjs makes from the pinned libphonenumber-js", async () => {
  const { metadataBytes } = await import("../../scripts/phone-metadata.mjs");
  assert.ok(readFileSync(new URL("../../src/phone/metadata.bin", import.meta.url)).equals(metadataBytes()));
});
