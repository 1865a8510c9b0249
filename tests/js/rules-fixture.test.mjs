// The JSON copy of the rule table that the Rust tests read is up to date.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fixture, rulesJson } from "./export-rules.mjs";

test("tests/fixtures/rules.json matches tests/js/rules.mjs (run node tests/js/export-rules.mjs)", () => {
  assert.equal(readFileSync(fixture, "utf8"), rulesJson());
});
