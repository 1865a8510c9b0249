// Runs the shared suite in the page, the way a browser user loads the package.
import * as api from "whatsapp-edge";
import * as lite from "whatsapp-edge/lite";
import * as phone from "whatsapp-edge/phone";
import { runCases } from "../cases.mjs";
import { cases, phoneCases } from "../suite.mjs";
import { cloudCases } from "../cloud-suite.mjs";
import { providerCases } from "../provider-suite.mjs";
import { receiveCases } from "../receive-suite.mjs";

window.suiteResults = api.init().then(() => runCases(cases, [api]));
window.receiveResults = window.suiteResults.then(() => runCases(receiveCases, [api]));
window.liteResults = lite.init().then(async () => ({ results: await runCases(cases, [lite]), exports: Object.keys(lite) }));
window.phoneResults = phone.init().then(async () => ({ results: await runCases(cases, [phone], phoneCases), exports: Object.keys(phone) }));
// ?graph=<base URL of the fake Graph API>: the client cases too (the fake sends CORS headers).
const graph = new URL(location.href).searchParams.get("graph");
window.cloudResults = graph ? window.suiteResults.then(() => runCases(cloudCases, [api, graph])) : Promise.resolve([]);
// ?bird=…&cirrus=…: the provider clients' cases against those fakes (CORS open too).
const query = new URL(location.href).searchParams;
window.providerResults = query.has("bird")
  ? window.cloudResults.then(() => runCases(providerCases, [api, { bird: query.get("bird"), cirrus: query.get("cirrus") }]))
  : Promise.resolve([]);
