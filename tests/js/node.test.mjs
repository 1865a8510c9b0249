// Layer 3, Node: the shared suite against the built pkg/ through its Node loader.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as api from "../../pkg/node.js";
import * as lite from "../../pkg/lite/node.js";
import * as phone from "../../pkg/phone/node.js";
import { cases, phoneCases } from "./suite.mjs";

for (const [name, run] of Object.entries(cases)) {
  test(`node: ${name}`, () => run(api));
  test(`node lite: ${name}`, () => run(lite));
  if (phoneCases.includes(name)) test(`node phone: ${name}`, () => run(phone));
}

test("node phone: parsePhone, parsePhones and init, nothing else", () => {
  assert.deepEqual(Object.keys(phone).filter((name) => name !== "initSync").sort(), ["default", "init", "parsePhone", "parsePhones"]);
});

test("node lite: no clients and no receiving side, everything else", () => {
  for (const name of ["CloudApiClient", "BirdClient", "CirrusClient", "CmClient", "WoztellClient", "parseWebhook", "createFlowEndpoint"]) {
    assert.equal(lite[name], undefined, name);
    assert.equal(typeof api[name], "function", name);
  }
  for (const name of ["validateTemplate", "validateTemplateSend", "validateMessage", "validateFlow", "parsePhone", "parsePhones", "renderTemplatePreview"]) {
    assert.equal(typeof lite[name], "function", name);
  }
});
