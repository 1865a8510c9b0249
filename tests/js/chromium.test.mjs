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
import { launchChromium, report } from "./helpers.mjs";

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
report("chromium", results, Object.keys(cases));

report("chromium receive", receive, Object.keys(receiveCases));

test("chromium lite: the lite entry has no clients", () => {
  assert.ok(lite.exports.includes("validateFlow") && !lite.exports.includes("CloudApiClient") && !lite.exports.includes("parseWebhook"), lite.exports.join());
});
report("chromium lite", lite.results, Object.keys(cases));

test("chromium phone: the phone entry has only phones", () => {
  assert.deepEqual(phone.exports.filter((name) => name !== "initSync").sort(), ["default", "init", "parsePhone", "parsePhones"]);
});
report("chromium phone", phone.results, phoneCases);

report("chromium client", cloud, Object.keys(cloudCases));

report("chromium provider", providers, Object.keys(providerCases));
