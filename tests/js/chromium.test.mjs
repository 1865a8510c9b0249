// Layer 3, Chromium: the shared suite in a real browser page, loading pkg/
// through its `browser` loader (await init(), .wasm streamed from the server).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { serve, root } from "../../scripts/serve.mjs";
import { cases, phoneCases } from "./suite.mjs";
import { cloudCases } from "./cloud-suite.mjs";
import { startFakeGraph } from "./fake-graph.mjs";
import { providerCases } from "./provider-suite.mjs";
import { receiveCases } from "./receive-suite.mjs";
import { startFakeBird } from "./fake-bird.mjs";
import { startFakeCirrus } from "./fake-cirrus.mjs";
import { launchChromium } from "./helpers.mjs";

const server = await serve({ mounts: { "/pkg/": join(root, "pkg"), "/tests/": join(root, "tests/js") } });
const browser = await launchChromium();
const [fake, bird, cirrus] = await Promise.all([startFakeGraph(), startFakeBird(), startFakeCirrus()]);
after(async () => {
  await browser.close();
  await server.close();
  await Promise.all([fake.close(), bird.close(), cirrus.close()]);
});

const page = await browser.newPage();
const pageErrors = [];
page.on("pageerror", (error) => pageErrors.push(String(error)));
const fakes = `bird=${encodeURIComponent(bird.baseUrl)}&cirrus=${encodeURIComponent(cirrus.baseUrl)}`;
await page.goto(`${server.url}/tests/browser/index.html?graph=${encodeURIComponent(fake.baseUrl)}&${fakes}`);
const results = await page.evaluate(() => window.suiteResults);
const cloud = await page.evaluate(() => window.cloudResults);
const providers = await page.evaluate(() => window.providerResults);
const lite = await page.evaluate(() => window.liteResults);
const receive = await page.evaluate(() => window.receiveResults);
const phone = await page.evaluate(() => window.phoneResults);

test("chromium: page loaded without errors", () => assert.deepEqual(pageErrors, []));
test("chromium: every case ran", () => {
  assert.deepEqual(results.map((r) => r.name), Object.keys(cases));
});
for (const { name, ok, error } of results) {
  test(`chromium: ${name}`, () => assert.ok(ok, error));
}

test("chromium: every receiving case ran", () => assert.deepEqual(receive.map((r) => r.name), Object.keys(receiveCases)));
for (const { name, ok, error } of receive) {
  test(`chromium receive: ${name}`, () => assert.ok(ok, error));
}

test("chromium lite: every case ran, and the lite entry has no clients", () => {
  assert.deepEqual(lite.results.map((r) => r.name), Object.keys(cases));
  assert.ok(lite.exports.includes("validateFlow") && !lite.exports.includes("CloudApiClient") && !lite.exports.includes("parseWebhook"), lite.exports.join());
});
for (const { name, ok, error } of lite.results) {
  test(`chromium lite: ${name}`, () => assert.ok(ok, error));
}

test("chromium phone: every phone case ran, and the phone entry has only phones", () => {
  assert.deepEqual(phone.results.map((r) => r.name), phoneCases);
  assert.deepEqual(phone.exports.filter((name) => name !== "initSync").sort(), ["default", "init", "parsePhone", "parsePhones"]);
});
for (const { name, ok, error } of phone.results) {
  test(`chromium phone: ${name}`, () => assert.ok(ok, error));
}

test("chromium: every client case ran", () => assert.deepEqual(cloud.map((r) => r.name), Object.keys(cloudCases)));
for (const { name, ok, error } of cloud) {
  test(`chromium client: ${name}`, () => assert.ok(ok, error));
}

test("chromium: every provider client case ran", () => assert.deepEqual(providers.map((r) => r.name), Object.keys(providerCases)));
for (const { name, ok, error } of providers) {
  test(`chromium provider: ${name}`, () => assert.ok(ok, error));
}
