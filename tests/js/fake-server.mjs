// The plumbing every provider fake stands on (fake-graph.mjs, fake-bird.mjs,
// fake-cirrus.mjs, fake-cm.mjs, fake-woztell.mjs): a server on 127.0.0.1
// that records every call, plays the faults a test scripted (status,
// headers, body, delay, reset, redirect, raw 200 body) and otherwise lets
// the provider's handler answer. Tests in other runtimes steer it over HTTP
// (/__fail, /__reset, /__received, and a fake's own controls such as
// /__mode); CORS is open, with Retry-After exposed.
import { createServer } from "node:http";
import { once } from "node:events";

function send(res, status, body, headers = {}) {
  const cors = { "access-control-allow-origin": "*", "access-control-expose-headers": "retry-after" };
  if (body instanceof Uint8Array) return res.writeHead(status, { ...cors, ...headers }), res.end(body);
  const text = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { ...(text ? { "content-type": "application/json" } : {}), ...cors, ...headers });
  res.end(text);
}

/** What /__received shows of a call (a fake's header, absent, is left out). */
const shown = ({ method, path, rawPath, query, text, headers }) => ({
  method, path, rawPath, query, body: text,
  authorization: headers.authorization, accept: headers.accept, contentType: headers["content-type"],
  idempotencyKey: headers["idempotency-key"], payload: headers["x-woztell-payload"], signedContext: headers["x-woztell-signedcontext"],
});

/** The fields of a multipart body (name → { value, filename, type }), or undefined; `text` is the body as read. */
export function multipart(call, text = call.text) {
  const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(call.headers["content-type"] ?? "")?.[1];
  if (!boundary) return undefined;
  const fields = {};
  for (const part of text.split(`--${boundary}`).slice(1, -1)) {
    const [head, ...rest] = part.split("\r\n\r\n");
    const name = /name="([^"]+)"/.exec(head)?.[1];
    fields[name] = { value: rest.join("\r\n\r\n").replace(/\r\n$/, ""), filename: /filename="([^"]+)"/.exec(head)?.[1], type: /Content-Type: (.+)/i.exec(head)?.[1]?.trim() };
  }
  return fields;
}

/**
 * A server that records calls, plays scripted faults, and otherwise answers
 * with `handle(call, url) → [status, body?, headers?]` (a `Uint8Array` body
 * goes out as bytes). A call is `{ method, path, rawPath, query, headers,
 * text, raw, body }` (`body` is the handler's to fill). Options:
 * `faultBody(fault)`, the body of a scripted status without one (the
 * provider's error shape); `controls`, more test-control paths
 * (path → (text) → answer); `onReset()`, to clear the fake's own state.
 */
export async function startFake(handle, { faultBody = (fault) => fault.body, controls = {}, onReset = () => {} } = {}) {
  const received = [];
  const faults = [];
  const server = createServer(async (req, res) => {
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "access-control-allow-origin": "*",
        "access-control-allow-headers": "authorization, content-type, accept, idempotency-key, x-woztell-payload, x-woztell-signedcontext",
        "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE",
      });
      return res.end();
    }
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const raw = Buffer.concat(chunks);
    const text = raw.toString("utf8");
    const url = new URL(req.url, "http://127.0.0.1");
    if (url.pathname === "/__fail") return faults.push(...JSON.parse(text)), send(res, 200, { queued: faults.length });
    if (url.pathname === "/__reset") return received.splice(0), faults.splice(0), onReset(), send(res, 200, {});
    if (url.pathname === "/__received") return send(res, 200, received.map(shown));
    if (controls[url.pathname]) return send(res, 200, controls[url.pathname](text));
    const rawPath = req.url.split("?")[0];
    const call = { method: req.method, path: url.pathname, rawPath, query: Object.fromEntries(url.searchParams), headers: req.headers, text, raw, body: undefined };
    received.push(call);
    const fault = faults.shift();
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault?.reset) return req.socket.destroy();
    if (fault?.redirect) return send(res, fault.status ?? 302, undefined, { location: fault.redirect });
    if (fault?.status) return send(res, fault.status, fault.body ?? faultBody(fault), fault.headers);
    if (fault?.raw !== undefined) return send(res, 200, fault.raw);
    const [status, body, headers] = handle(call, url);
    return send(res, status, body, headers);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    baseUrl: `http://127.0.0.1:${server.address().port}`,
    received,
    /** Queues faults for the next requests, in order. */
    fail: (...list) => faults.push(...list),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

