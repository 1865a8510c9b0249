// The transport's JavaScript half (imported by src/wasm/transport.rs): one
// call per attempt, so the request and the answer each cross the wasm
// boundary once instead of property by property. No logic beyond fetch.

/**
 * Makes one attempt. Never rejects; resolves to [status, note, content]:
 * - no answer: [0, "timeout" | "network", message]
 * - a redirect: [status (0 where the runtime hides it), "redirect", undefined]
 * - 2xx: [status, "json" | "bytes" | "not-json", parsed JSON | Uint8Array | undefined]
 * - otherwise: [status, Retry-After header or undefined, body text]
 * `headers` is an array of [name, value] pairs (Headers refuses values with
 * CR or LF, so no value can add a header). Redirects are never followed:
 * the credentials in the headers must not reach another origin.
 */
export function attempt(fetch, method, url, headers, body, timeoutMs, download) {
  const init = { method, headers, redirect: "manual" };
  if (body !== undefined) init.body = body;
  if (timeoutMs > 0) init.signal = AbortSignal.timeout(timeoutMs);
  return (async () => {
    const response = await (fetch ?? globalThis.fetch)(url, init);
    const status = response.status;
    // Browsers answer a manual redirect with an opaque response (status 0).
    if (response.type === "opaqueredirect" || (status >= 300 && status < 400)) {
      await response.body?.cancel();
      return [status, "redirect", undefined];
    }
    if (status < 200 || status > 299) {
      return [status, response.headers.get("retry-after") ?? undefined, await response.text()];
    }
    if (download) return [status, "bytes", new Uint8Array(await response.arrayBuffer())];
    const text = await response.text();
    if (text.trim() === "") return [status, "json", {}];
    try {
      return [status, "json", JSON.parse(text)];
    } catch {
      return [status, "not-json", undefined];
    }
  })().catch((thrown) => {
    // AbortSignal.timeout() rejects with a TimeoutError (older runtimes: AbortError).
    const name = thrown?.name;
    const kind = name === "TimeoutError" || name === "AbortError" ? "timeout" : "network";
    return [0, kind, String(thrown?.message ?? thrown)];
  });
}

/** A multipart body: `parts` is [[name, text] | [name, null, filename, type]]; `file` fills the file part. */
export function formData(parts, file) {
  const form = new FormData();
  for (const [name, text, filename, type] of parts) {
    if (text !== null) form.append(name, text);
    else form.append(name, new Blob([file], { type }), filename);
  }
  return form;
}

/** The default wait between retries. */
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
