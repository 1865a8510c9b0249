// The transport's JavaScript half (src/wasm/transport.rs): the one place a
// request is fetched, with the caller's fetch or the global one. Rust builds
// the request (URL, RequestInit with Headers, body and redirect: "manual")
// and decides retries and errors; this adds the timeout's AbortSignal and
// reads the answer. A 2xx JSON answer resolves here, so the common case never goes
// back into wasm.

/**
 * One attempt. The outcome is [status, note, content]:
 * - a 2xx answer: [status, "ok", parsed JSON ({} for an empty body) | Uint8Array when `download`]
 * - no answer: [0, "timeout" | "network", message]
 * - a redirect: [status (0 where the runtime hides it), "redirect", undefined]
 * - a 2xx answer that is not JSON: [status, "not-json", undefined]
 * - otherwise: [status, Retry-After header or undefined, body text]
 * With `failed`, a 2xx answer resolves to its content and any other outcome
 * to what `failed(outcome, url, init, download, idempotent)` returns (Rust
 * retries with them or rejects); without, the promise resolves to the
 * outcome. It never rejects unless `failed` does.
 */
export async function attempt(fetch, url, init, timeoutMs, download, idempotent, failed) {
  let outcome;
  // A controller with a setTimeout of our own is cheaper in Node, but under
  // Node 20 it crashed V8's deoptimizer (a fatal error, with --expose-gc) once
  // called from wasm; AbortSignal.timeout() did not.
  if (timeoutMs > 0) init.signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await (fetch ?? globalThis.fetch)(url, init);
    const status = response.status;
    if (response.type === "opaqueredirect" || (status >= 300 && status < 400)) {
      // Browsers answer a manual redirect with an opaque response (status 0).
      await response.body?.cancel();
      outcome = [status, "redirect", undefined];
    } else if (status < 200 || status > 299) {
      outcome = [status, response.headers.get("retry-after") ?? undefined, await response.text()];
    } else if (download) {
      outcome = [status, "ok", new Uint8Array(await response.arrayBuffer())];
    } else {
      const text = await response.text();
      if (text.trim() === "") outcome = [status, "ok", {}];
      else {
        try {
          outcome = [status, "ok", JSON.parse(text)];
        } catch {
          outcome = [status, "not-json", undefined];
        }
      }
    }
  } catch (thrown) {
    // AbortSignal.timeout() rejects with a TimeoutError (older runtimes: AbortError).
    const name = thrown?.name;
    const kind = name === "TimeoutError" || name === "AbortError" ? "timeout" : "network";
    outcome = [0, kind, String(thrown?.message ?? thrown)];
  }
  if (failed === undefined) return outcome;
  return outcome[1] === "ok" ? outcome[2] : failed(outcome, url, init, download, idempotent);
}

/** The default wait between retries. */
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
