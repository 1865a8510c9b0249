// A Worker that runs the shared suite inside workerd and answers with the results.
import * as api from "../../../pkg/workerd.js";
import { runAll } from "../suite.mjs";

export default {
  async fetch() {
    return Response.json(await runAll(api));
  },
};
