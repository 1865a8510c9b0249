// Node loader: reads the .wasm beside this file and instantiates it
// synchronously, so every export is ready as soon as `import` returns.
// It has no top-level await, so `require("whatsapp-edge")` works too (Node >= 20.19).
import { readFileSync } from "node:fs";
import { initSync } from "./whatsapp_edge.js";

initSync({ module: readFileSync(new URL("./whatsapp_edge_bg.wasm", import.meta.url)) });

export * from "./whatsapp_edge.js";

/** Already initialised in Node; kept so code shared with browsers can `await init()`. */
export async function init() {}
export default init;
