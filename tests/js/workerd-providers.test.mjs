// The CmClient and WoztellClient suites inside a real Worker (Miniflare), with
// no nodejs_compat flag, loading pkg/ through its `workerd` loader, against
// the fakes on 127.0.0.1.
import { after } from "node:test";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";
import { cmCases } from "./cm-suite.mjs";
import { woztellCases } from "./woztell-suite.mjs";
import { startFakeCm } from "./fake-cm.mjs";
import { startFakeWoztell } from "./fake-woztell.mjs";
import { COMPATIBILITY_DATE, report } from "./helpers.mjs";

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

report("workerd CmClient", cmResults, Object.keys(cmCases));
report("workerd WoztellClient", woztellResults, Object.keys(woztellCases));
