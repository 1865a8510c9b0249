// Layer 3, Node: the shared suite against the built pkg/ through its Node loader.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as api from "../../pkg/node.js";
import * as lite from "../../pkg/lite/node.js";
import * as phone from "../../pkg/phone/node.js";
import { cases, phoneCases } from "./suite.mjs";
import { receiveCases } from "./receive-suite.mjs";

for (const [name, run] of Object.entries(cases)) {
  test(`node: ${name}`, () => run(api));
  test(`node lite: ${name}`, () => run(lite));
  if (phoneCases.includes(name)) test(`node phone: ${name}`, () => run(phone));
}

for (const [name, run] of Object.entries(receiveCases)) test(`node receive: ${name}`, () => run(api));

test("node phone: parsePhone, parsePhones and init, nothing else", () => {
  assert.deepEqual(Object.keys(phone).filter((name) => name !== "initSync").sort(), ["default", "init", "parsePhone", "parsePhones"]);
});

test("node lite: no clients and no receiving side, everything else", () => {
  for (const name of ["CloudApiClient", "BirdClient", "CirrusClient", "CmClient", "WoztellClient", "parseWebhook", "createFlowEndpoint"]) {
    assert.equal(lite[name], undefined, name);
    assert.equal(typeof api[name], "function", name);
  }
  for (const name of ["validateTemplate", "validateTemplateSend", "validateMessage", "validateFlow", "parsePhone", "parsePhones", "renderTemplatePreview", "renderFlowPreview"]) {
    assert.equal(typeof lite[name], "function", name);
  }
});

test("node: renderTemplatePreview measures a document over 1 MiB before copying it, so wasm memory does not grow", async () => {
  // The loader already initialised the module; initSync hands back its exports (and memory).
  const { initSync } = await import("../../pkg/whatsapp_edge.js");
  const { memory } = initSync();
  const text = "*a* ".repeat(2_000_000); // 8 MB
  const definition = { name: "huge", language: "en_US", category: "MARKETING", components: [{ type: "BODY", text }] };
  const before = memory.buffer.byteLength;
  for (const given of [definition, JSON.stringify(definition), definition]) {
    assert.deepEqual(api.renderTemplatePreview(given).issues.map((issue) => issue.code), ["preview.too_large"]);
    assert.deepEqual(api.renderTemplatePreview({ ...definition, components: [] }, { send: { components: [{ type: "body", parameters: [{ type: "text", text }] }] } }).issues.map((issue) => issue.code), ["preview.too_large"]);
  }
  assert.ok(memory.buffer.byteLength - before < 1 << 20, `wasm memory grew by ${memory.buffer.byteLength - before} bytes`);
});
