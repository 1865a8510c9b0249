// Request bodies' JavaScript half (imported by src/wasm/body.rs): bodies are
// counted as they stream in and stay in JavaScript memory, so one that is too
// large costs at most the cap plus one chunk, and never grows wasm memory
// (which does not shrink). No logic beyond reading and counting.

/**
 * Reads `request`'s body, counting bytes as they arrive. Resolves to a
 * Uint8Array, or to null as soon as the count passes `maxBytes` (the stream
 * is then cancelled, so the rest is never read). Rejects when the stream fails.
 */
export async function readCapped(request, maxBytes) {
  const body = request.body;
  if (body === null) return new Uint8Array(0);
  if (body === undefined || typeof body.getReader !== "function") {
    // Not a fetch Request (a look-alike with only arrayBuffer()): read, then count.
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

/** Gives up on a body without reading it (refused on its Content-Length). */
export function discard(request) {
  try {
    request.body?.cancel?.().catch(() => {});
  } catch {
    // A locked or already-read body: nothing to release.
  }
}

/**
 * The bytes of a string (UTF-8, by TextEncoder), a Uint8Array, any other
 * ArrayBuffer view or an ArrayBuffer, as a Uint8Array over the same memory
 * where there is one (no copy); undefined for anything else.
 */
export function bytesOf(value) {
  if (typeof value === "string") return new TextEncoder().encode(value);
  if (value instanceof Uint8Array) return value;
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return undefined;
}

