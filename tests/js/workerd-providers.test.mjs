// The CmClient and WoztellClient suites inside a real Worker (Miniflare), with
// no nodejs_compat flag, loading pkg/ through its `workerd` loader, against
// the fakes on 127.0.0.1.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";
import { cmCases } from "./cm-suite.mjs";
import { woztellCases } from "./woztell-suite.mjs";
import { startFakeCm } from "./fake-cm.mjs";
import { startFakeWoztell } from "./fake-woztell.mjs";
import { COMPATIBILITY_DATE } from "./helpers.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const mf = new Miniflare({
  modules: true,
  modulesRoot: root,
  scriptPath: `${root}/tests/js/workerd-providers/worker.mjs`,
  modulesRules: [
    { type: "ESModule", include: ["**/*.js", "**/*.mjs"] },
    { type: "CompiledWasm", include: ["**/*.wasm"] },
  ],
  compatibilityDate: COMPATIBILITY_DATE,
  compatibilityFlags: [],
});
const [cm, woztell] = await Promise.all([startFakeCm(), startFakeWoztell()]);
after(() => Promise.all([mf.dispose(), cm.close(), woztell.close()]));

const cmResults = await (await mf.dispatchFetch(`http://localhost/?cm=${encodeURIComponent(cm.baseUrl)}`)).json();
const woztellResults = await (await mf.dispatchFetch(`http://localhost/?woztell=${encodeURIComponent(woztell.baseUrl)}`)).json();

test("workerd: every CmClient case ran", () => assert.deepEqual(cmResults.map((r) => r.name), Object.keys(cmCases)));
for (const { name, ok, error } of cmResults) test(`workerd CmClient: ${name}`, () => assert.ok(ok, error));
test("workerd: every WoztellClient case ran", () => assert.deepEqual(woztellResults.map((r) => r.name), Object.keys(woztellCases)));
for (const { name, ok, error } of woztellResults) test(`workerd WoztellClient: ${name}`, () => assert.ok(ok, error));
