// A Worker that runs the shared suite inside workerd and answers with the results.
import * as api from "../../../pkg/workerd.js";
import { runAll } from "../suite.mjs";
import { runCloud } from "../cloud-suite.mjs";

export default {
  async fetch(request) {
    // ?graph=<base URL of the fake Graph API>: the client cases instead.
    const graph = new URL(request.url).searchParams.get("graph");
    return Response.json(graph ? await runCloud(api, graph) : await runAll(api));
  },
};
