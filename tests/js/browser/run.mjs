// Runs the shared suite in the page, the way a browser user loads the package.
import * as api from "whatsapp-edge";
import * as lite from "whatsapp-edge/lite";
import * as phone from "whatsapp-edge/phone";
import { runAll, phoneCases } from "../suite.mjs";
import { runCloud } from "../cloud-suite.mjs";
import { runProviders } from "../provider-suite.mjs";
import { runReceive } from "../receive-suite.mjs";

window.suiteResults = api.init().then(() => runAll(api));
window.receiveResults = window.suiteResults.then(() => runReceive(api));
window.liteResults = lite.init().then(async () => ({ results: await runAll(lite), exports: Object.keys(lite) }));
window.phoneResults = phone.init().then(async () => ({ results: await runAll(phone, phoneCases), exports: Object.keys(phone) }));
// ?graph=<base URL of the fake Graph API>: the client cases too (the fake sends CORS headers).
const graph = new URL(location.href).searchParams.get("graph");
window.cloudResults = graph ? window.suiteResults.then(() => runCloud(api, graph)) : Promise.resolve([]);
// ?bird=…&cirrus=…: the provider clients' cases against those fakes (CORS open too).
const query = new URL(location.href).searchParams;
window.providerResults = query.has("bird")
  ? window.cloudResults.then(() => runProviders(api, { bird: query.get("bird"), cirrus: query.get("cirrus") }))
  : Promise.resolve([]);
