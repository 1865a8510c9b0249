// Cloudflare Workers loader: the runtime (wrangler, workerd, Miniflare) hands
// us the .wasm import as a compiled WebAssembly.Module, which we instantiate
// synchronously. No I/O, clock or randomness at top level, as Workers require.
import wasmModule from "./whatsapp_edge_bg.wasm";
import { initSync } from "./whatsapp_edge.js";

initSync({ module: wasmModule });

export * from "./whatsapp_edge.js";

/** Already initialised in Workers; kept so shared code can `await init()`. */
export async function init() {}
export default init;
