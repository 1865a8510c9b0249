// A Worker that runs the provider client suites inside workerd: ?cm=<fake URL> or ?woztell=<fake URL>.
import * as api from "../../../pkg/workerd.js";
import { runCm } from "../cm-suite.mjs";
import { runWoztell } from "../woztell-suite.mjs";

export default {
  async fetch(request) {
    const query = new URL(request.url).searchParams;
    if (query.get("cm")) return Response.json(await runCm(api, query.get("cm")));
    return Response.json(await runWoztell(api, query.get("woztell")));
  },
};
