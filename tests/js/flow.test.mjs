// validateFlow through the built package in Node, beyond the rule table:
// positions, Meta's error shape, the corpus, limits on hostile input, misuse.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { validateFlow } from "../../pkg/node.js";
import { generateFlow } from "../../bench/generate-flow.mjs";
import { flow } from "./flow-rules.mjs";

const corpus = new URL("../fixtures/corpus/", import.meta.url);
const read = (dir, file) => readFileSync(new URL(`${dir}/${file}`, corpus), "utf8");

test("every public corpus Flow validates without errors (text and object alike)", () => {
  const files = readdirSync(new URL("flows", corpus)).filter((f) => f.endsWith(".json"));
  assert.equal(files.length, 36);
  for (const file of files) {
    const text = read("flows", file);
    const fromText = validateFlow(text);
    const expected = file === "pywa_v6_2_navigation_list.json" ? ["flow.navigate_target"] : [];
    assert.deepEqual(fromText.errors.map((i) => i.code), expected, file);
    assert.equal(fromText.version, JSON.parse(text).version, file);
    assert.deepEqual(validateFlow(JSON.parse(text)).errors.map((i) => i.code), expected, file);
  }
});

test("findings in text point at the offending value", () => {
  const text = JSON.stringify(flow((f) => (f.screens[1].id = "LAST_2")), null, 2);
  const issue = validateFlow(text).errors.find((i) => i.code === "flow.screen_id_invalid");
  assert.equal(issue.path, "/screens/1/id");
  const line = text.split("\n")[issue.line - 1];
  assert.equal(line.slice(issue.column - 1, issue.column - 1 + '"LAST_2"'.length), '"LAST_2"');
  const fromObject = validateFlow(JSON.parse(text)).errors.find((i) => i.code === "flow.screen_id_invalid");
  assert.equal(fromObject.line, undefined, "objects have no text positions");
});

test("metaErrors gives Meta's validation_errors shape", () => {
  const text = JSON.stringify(flow((f) => (f.screens[0].layout.children[0]["initial-text"] = "x")), null, 2);
  const report = validateFlow(text, { metaErrors: true });
  assert.equal(report.validation_errors.length, report.errors.length);
  const [entry] = report.validation_errors;
  assert.equal(entry.error, "INVALID_PROPERTY_KEY");
  assert.equal(entry.error_type, "FLOW_JSON_ERROR");
  assert.match(entry.message, /initial-text/);
  assert.equal(entry.pointers[0].path, "screens[0].layout.children[0].initial-text");
  for (const key of ["line_start", "line_end", "column_start", "column_end"]) assert.equal(typeof entry[key], "number", key);
  assert.ok(entry.line_end >= entry.line_start);
  assert.equal(text.split("\n")[entry.line_start - 1].slice(entry.column_start - 1, entry.column_end - 1), '"x"');
  const missing = validateFlow({ version: "7.3" }, { metaErrors: true }).validation_errors[0];
  assert.equal(missing.error, "MISSING_REQUIRED_PROPERTY");
  assert.equal(missing.line_start, undefined, "objects have no text positions");
  assert.equal(validateFlow(text).validation_errors, undefined, "only on request");
});

test("text that is not JSON is one syntax finding with its position", () => {
  const report = validateFlow('{"version": "7.3",\n "screens": [}', { metaErrors: true });
  assert.equal(report.ok, false);
  assert.deepEqual(report.errors.map((i) => [i.code, i.line]), [["json.syntax", 2]]);
  assert.equal(report.validation_errors[0].error, "INVALID_JSON");
  assert.equal(report.version, undefined);
});

test("100,000-deep nesting is a clean finding, not a stack overflow", () => {
  const deep = `{"version":"7.3","screens":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
  const report = validateFlow(deep);
  assert.deepEqual(report.errors.map((i) => i.code), ["json.too_deep"]);
});

test("a 50 MB string is over Meta's 10 MB limit, reported without a trap", () => {
  const huge = JSON.stringify(flow((f) => (f.screens[0].title = "x".repeat(50 * 1024 * 1024))));
  const report = validateFlow(huge);
  assert.ok(report.errors.some((i) => i.code === "flow.too_large"));
  assert.equal(validateFlow(JSON.stringify(flow())).ok, true, "the instance still works afterwards");
});

test("a generated 200 KB Flow has no findings", () => {
  const text = generateFlow();
  assert.ok(text.length > 190_000);
  const report = validateFlow(text);
  assert.deepEqual([...report.errors, ...report.warnings], []);
});

test("misuse throws invalid_argument", () => {
  for (const call of [
    () => validateFlow(undefined),
    () => validateFlow(flow(), { metaErrors: "yes" }),
    () => validateFlow(flow(), { strict: true }),
    () => validateFlow(() => 1),
  ]) {
    assert.throws(call, (error) => error instanceof Error && error.code === "invalid_argument");
  }
});
