// Hand-written only for the loaders; everything else is generated from the
// Rust types into whatsapp_edge.d.ts.
export * from "./whatsapp_edge.js";

/**
 * Makes the module ready. Required once in browsers before any other call
 * (it fetches the .wasm beside the module unless given another source);
 * a resolved no-op in Node and Cloudflare Workers, which load synchronously.
 *
 * @example
 * ```ts
 * import { init, parsePhone } from "whatsapp-edge";
 * await init();
 * console.log(parsePhone("+14155552671").e164);
 * ```
 */
export function init(
  moduleOrPath?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module,
): Promise<void>;
export default init;
