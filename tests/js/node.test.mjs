// Layer 3, Node: the shared suite against the built pkg/ through its Node loader.
import { test } from "node:test";
import * as api from "../../pkg/node.js";
import { cases } from "./suite.mjs";

for (const [name, run] of Object.entries(cases)) {
  test(`node: ${name}`, () => run(api));
}
