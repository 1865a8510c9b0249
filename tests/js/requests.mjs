// Requests compared whole, for the *-requests.test.mjs files (Node): what a
// fake on fake-server.mjs received, as the provider saw it (method, path,
// query, and the body parsed: JSON, or multipart fields with their file
// names and types), against the whole request a row expects; and a fetch
// that changes a body on its way out, to show a wrong request fails.
import assert from "node:assert/strict";
import { multipart } from "./fake-server.mjs";

/** A recorded call, whole: `{ method, path, query, body? }` (no `body` when none was sent). */
export function sent(call) {
  if (!call.text) return { method: call.method, path: call.path, query: call.query };
  let body;
  try {
    body = JSON.parse(call.text);
  } catch {
    // Through JSON: a text field has no filename or type (not even undefined ones).
    body = JSON.parse(JSON.stringify(multipart(call) ?? call.text));
  }
  return { method: call.method, path: call.path, query: call.query, body };
}

/** For each row `[name, invoke, ...expected]`: `invoke()` resolves, and the fake received exactly the `expected` requests, whole. */
export async function assertRequests(fake, rows) {
  for (const [name, invoke, ...expected] of rows) {
    fake.received.splice(0);
    await assert.doesNotReject(invoke, name);
    assert.deepEqual(fake.received.map(sent), expected, name);
  }
}

/** A client's `fetch` option that sends each JSON body as `change(body)` returns it (a client that got its body wrong). */
export function rewriting(change) {
  return (url, init) => fetch(url, { ...init, body: JSON.stringify(change(JSON.parse(init.body))) });
}

/** A client's `fetch` option that adds `text` as the body of a request that had none. */
export function withBody(text) {
  return (url, init) => fetch(url, { ...init, body: text, headers: { ...Object.fromEntries(init.headers), "content-type": "application/json" } });
}
