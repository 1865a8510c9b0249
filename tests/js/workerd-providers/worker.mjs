// A Worker that runs the provider client suites inside workerd: ?cm=<fake URL> or ?woztell=<fake URL>.
import * as api from "../../../pkg/workerd.js";
import { runCases } from "../cases.mjs";
import { cmCases } from "../cm-suite.mjs";
import { woztellCases } from "../woztell-suite.mjs";

export default {
  async fetch(request) {
    const query = new URL(request.url).searchParams;
    if (query.get("cm")) return Response.json(await runCases(cmCases, [api, query.get("cm")]));
    return Response.json(await runCases(woztellCases, [api, query.get("woztell")]));
  },
};
