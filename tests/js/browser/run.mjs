// Runs the shared suite in the page, the way a browser user loads the package.
import * as api from "whatsapp-edge";
import { runAll } from "../suite.mjs";
import { runCloud } from "../cloud-suite.mjs";

window.suiteResults = api.init().then(() => runAll(api));
// ?graph=<base URL of the fake Graph API>: the client cases too (the fake sends CORS headers).
const graph = new URL(location.href).searchParams.get("graph");
window.cloudResults = graph ? window.suiteResults.then(() => runCloud(api, graph)) : Promise.resolve([]);
