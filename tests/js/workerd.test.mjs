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
import { COMPATIBILITY_DATE, report } from "./helpers.mjs";

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

report("workerd", results, Object.keys(cases));

report("workerd receive", receive, Object.keys(receiveCases));

test("workerd lite: the lite entry has no clients", () => {
  assert.ok(lite.exports.includes("validateFlow") && !lite.exports.includes("CloudApiClient") && !lite.exports.includes("parseWebhook"), lite.exports.join());
});
report("workerd lite", lite.results, Object.keys(cases));

test("workerd phone: the phone entry has only phones", () => {
  assert.deepEqual(phone.exports.filter((name) => name !== "initSync").sort(), ["default", "init", "parsePhone", "parsePhones"]);
});
report("workerd phone", phone.results, phoneCases);

report("workerd client", cloud, Object.keys(cloudCases));

report("workerd provider", providers, Object.keys(providerCases));
