// Layer 3, workerd: the shared suite inside a real Worker (Miniflare), with no
// nodejs_compat flag, loading pkg/ through its `workerd` loader.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";
import { cases, phoneCases } from "./suite.mjs";
import { cloudCases } from "./cloud-suite.mjs";
import { startFakeGraph } from "./fake-graph.mjs";
import { providerCases } from "./provider-suite.mjs";
import { receiveCases } from "./receive-suite.mjs";
import { startFakeBird } from "./fake-bird.mjs";
import { startFakeCirrus } from "./fake-cirrus.mjs";
import { COMPATIBILITY_DATE } from "./helpers.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const mf = new Miniflare({
  modules: true,
  modulesRoot: root,
  scriptPath: `${root}/tests/js/workerd/worker.mjs`,
  // What wrangler does by default: .js as ES modules, .wasm as compiled modules.
  modulesRules: [
    { type: "ESModule", include: ["**/*.js", "**/*.mjs"] },
    { type: "CompiledWasm", include: ["**/*.wasm"] },
  ],
  compatibilityDate: COMPATIBILITY_DATE,
  compatibilityFlags: [],
});
const [fake, bird, cirrus] = await Promise.all([startFakeGraph(), startFakeBird(), startFakeCirrus()]);
after(() => Promise.all([mf.dispose(), fake.close(), bird.close(), cirrus.close()]));

const results = await (await mf.dispatchFetch("http://localhost/")).json();
// Both runs finish before any test is registered (tests start, then `after` disposes).
const cloud = await (await mf.dispatchFetch(`http://localhost/?graph=${encodeURIComponent(fake.baseUrl)}`)).json();
const lite = await (await mf.dispatchFetch("http://localhost/?lite")).json();
const phone = await (await mf.dispatchFetch("http://localhost/?phone")).json();
const receive = await (await mf.dispatchFetch("http://localhost/?receive")).json();
const providers = await (await mf.dispatchFetch(`http://localhost/?bird=${encodeURIComponent(bird.baseUrl)}&cirrus=${encodeURIComponent(cirrus.baseUrl)}`)).json();

test("workerd: every case ran", () => {
  assert.deepEqual(results.map((r) => r.name), Object.keys(cases));
});
for (const { name, ok, error } of results) {
  test(`workerd: ${name}`, () => assert.ok(ok, error));
}

test("workerd: every receiving case ran", () => assert.deepEqual(receive.map((r) => r.name), Object.keys(receiveCases)));
for (const { name, ok, error } of receive) {
  test(`workerd receive: ${name}`, () => assert.ok(ok, error));
}

test("workerd lite: every case ran, and the lite entry has no clients", () => {
  assert.deepEqual(lite.results.map((r) => r.name), Object.keys(cases));
  assert.ok(lite.exports.includes("validateFlow") && !lite.exports.includes("CloudApiClient") && !lite.exports.includes("parseWebhook"), lite.exports.join());
});
for (const { name, ok, error } of lite.results) {
  test(`workerd lite: ${name}`, () => assert.ok(ok, error));
}

test("workerd phone: every phone case ran, and the phone entry has only phones", () => {
  assert.deepEqual(phone.results.map((r) => r.name), phoneCases);
  assert.deepEqual(phone.exports.filter((name) => name !== "initSync").sort(), ["default", "init", "parsePhone", "parsePhones"]);
});
for (const { name, ok, error } of phone.results) {
  test(`workerd phone: ${name}`, () => assert.ok(ok, error));
}

test("workerd: every client case ran", () => assert.deepEqual(cloud.map((r) => r.name), Object.keys(cloudCases)));
for (const { name, ok, error } of cloud) {
  test(`workerd client: ${name}`, () => assert.ok(ok, error));
}

test("workerd: every provider client case ran", () => assert.deepEqual(providers.map((r) => r.name), Object.keys(providerCases)));
for (const { name, ok, error } of providers) {
  test(`workerd provider: ${name}`, () => assert.ok(ok, error));
}
