// validateFlow(text) against JSON.parse(text) of the same text: parsing is the
// floor for any validator, so the ratio says how many JSON.parse calls one
// validation costs (target: at most 3, i.e. a ratio of at least 0.33x).
// Inputs: the three largest corpus Flows and a generated ~200 KB Flow.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { validateFlow } from "../../pkg/node.js";
import { generateFlow } from "../generate-flow.mjs";

const dir = new URL("../../tests/fixtures/corpus/flows/", import.meta.url);
const largest = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({ f, size: statSync(new URL(f, dir)).size }))
  .sort((a, b) => b.size - a.size)
  .slice(0, 3)
  .map(({ f }) => readFileSync(new URL(f, dir), "utf8"));

const cases = (name, inputs) => ({
  name,
  peerName: "JSON.parse (the floor)",
  inputs,
  ours: (text) => validateFlow(text).ok,
  peer: (text) => JSON.parse(text) !== null,
});

export default [
  cases("flow: validate largest corpus flows", largest),
  cases("flow: validate generated 200 KB flow", [generateFlow()]),
];
