// Browser (and generic ESM) loader: `await init()` once before calling any
// export. By default it streams whatsapp_edge_bg.wasm from beside this file;
// pass a URL, Response, BufferSource or WebAssembly.Module to load it from elsewhere.
import initGlue from "./whatsapp_edge.js";

export * from "./whatsapp_edge.js";

let ready;

/** Loads and instantiates the WebAssembly module; later calls return the same promise. */
export function init(moduleOrPath) {
  ready ??= initGlue(moduleOrPath === undefined ? undefined : { module_or_path: moduleOrPath }).then(() => {});
  return ready;
}
export default init;
