// Request bodies' JavaScript half (src/wasm/body.rs): read and counted here,
// so a body over the cap never grows wasm memory (which does not shrink).

/** The body as a Uint8Array, or null once the count passes maxBytes (the stream is then cancelled). */
export async function readCapped(request, maxBytes) {
  const body = request.body;
  if (body === null) return new Uint8Array(0);
  if (typeof body?.getReader !== "function") {
    // A look-alike with only arrayBuffer(): read, then count.
    const bytes = new Uint8Array(await request.arrayBuffer());
    return bytes.byteLength > maxBytes ? null : bytes;
  }
  const reader = body.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** readCapped, rejecting with `tooLarge` instead of resolving to null. */
export function readOrReject(request, maxBytes, tooLarge) {
  return readCapped(request, maxBytes).then((bytes) => bytes ?? Promise.reject(tooLarge));
}

/** Releases a body refused unread (on its Content-Length). */
export function discard(request) {
  try {
    request.body?.cancel().catch(() => {});
  } catch {}
}
