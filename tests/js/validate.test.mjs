// Every validation rule through the built package in Node: the failing input
// reports the rule's code at its path, the passing one reports no error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as api from "../../pkg/node.js";
import { rules, run, send, template } from "./rules.mjs";

for (const [key, { bad, good, path, severity = "error" }] of Object.entries(rules)) {
  const code = key.split("#")[0]; // "code#variant": another case of the same code
  test(`rule ${key}: fails`, () => {
    const report = run(api, bad);
    const found = severity === "warning" ? report.warnings : report.errors;
    const hits = found.filter((issue) => issue.code === code);
    assert.ok(hits.length > 0, `expected ${code} (${severity}), got ${JSON.stringify(found)}`);
    if (path !== undefined) assert.ok(hits.some((issue) => issue.path === path), `${code} at ${path}: ${JSON.stringify(hits)}`);
    for (const issue of found) assert.ok(issue.message.length > 10, "messages say what to fix");
  });
  test(`rule ${key}: passes`, () => {
    const report = run(api, good);
    assert.deepEqual(report.errors, []);
    assert.ok(!report.warnings.some((issue) => issue.code === code), `${code} still reported`);
  });
}

test("every error code of the four validators has a rule case", () => {
  const documented = readFileSync(new URL("../../docs/issue-codes.md", import.meta.url), "utf8")
    .split("\n")
    .map((line) => line.match(/^\| `((?:template|template_send|message|flow)\.[a-z_]+)`/)?.[1])
    .filter(Boolean);
  // Warning-only codes are exercised by the Rust tests.
  const warningsOnly = new Set([
    "template.variable_order", "template.variable_near_end", "template.variable_density",
    "template.variables_adjacent", "template.variable_repeated", "template.variable_name_long",
    "template.example_unused", "template.header_format_restricted", "template.otp_legacy_app_fields",
    "template.edit_ignored", "message.recipient_no_plus",
  ]);
  const missing = documented.filter((code) => !warningsOnly.has(code) && !(code in rules));
  assert.deepEqual(missing, []);
});

test("text input gives line and column; object input does not", () => {
  const text = JSON.stringify(template((t) => ({ ...t, name: "Bad Name" })), null, 2);
  const [fromText] = api.validateTemplate(text).errors;
  assert.equal(fromText.code, "template.name_invalid");
  assert.equal(fromText.line, 2);
  assert.equal(text.split("\n")[1].slice(fromText.column - 1, fromText.column + 9), '"Bad Name"');
  const [fromObject] = api.validateTemplate(JSON.parse(text)).errors;
  assert.equal(fromObject.line, undefined);
});

test("JSON syntax errors in text are findings with a position", () => {
  const report = api.validateMessage('{"messaging_product": "whatsapp",\n "to": }');
  assert.equal(report.ok, false);
  assert.equal(report.errors[0].code, "json.syntax");
  assert.equal(report.errors[0].line, 2);
});

test("misuse throws invalid_argument", () => {
  for (const call of [() => api.validateTemplate(undefined), () => api.validateTemplate(template(), { mode: "upsert" }), () => api.validateTemplate(template(), { strict: true }), () => api.validateMessage(() => 1)]) {
    assert.throws(call, (error) => error instanceof Error && error.code === "invalid_argument");
  }
});

test("edit mode needs no name or language and warns about them", () => {
  const edit = { category: "MARKETING", components: template().components };
  assert.deepEqual(api.validateTemplate(edit, { mode: "edit" }).errors, []);
  const withName = api.validateTemplate({ ...edit, name: "x" }, { mode: "edit" });
  assert.equal(withName.warnings[0].code, "template.edit_ignored");
});

test("a whole message is accepted by validateTemplateSend too", () => {
  const message = { messaging_product: "whatsapp", to: "+16505551234", type: "template", template: send() };
  const report = api.validateTemplateSend(template(), message);
  assert.deepEqual(report.errors, []);
});
