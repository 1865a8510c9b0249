// A static file server for the demo and the browser tests: mounts folders at
// URL prefixes, serves .wasm as application/wasm (needed for streaming
// instantiation), binds to 127.0.0.1 only. `node scripts/serve.mjs [port]`
// serves www/ at / and pkg/ at /pkg/.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".d.ts": "text/plain; charset=utf-8",
};

/** Resolves `urlPath` inside one of the mounts, or null (never escapes a mount). */
async function locate(mounts, urlPath) {
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (!urlPath.startsWith(prefix)) continue;
    const root = resolve(dir);
    let file = normalize(join(root, decodeURIComponent(urlPath.slice(prefix.length))));
    if (file !== root && !file.startsWith(root + sep)) return null;
    const info = await stat(file).catch(() => null);
    if (info?.isDirectory()) file = join(file, "index.html");
    if (await stat(file).catch(() => null)) return file;
  }
  return null;
}

/** Starts the server; resolves to { url, close() }. Port 0 picks a free port. */
export function serve({ mounts, port = 0, host = "127.0.0.1" }) {
  // Longest prefix first, so /pkg/ wins over /.
  const ordered = Object.fromEntries(Object.entries(mounts).sort(([a], [b]) => b.length - a.length));
  const server = createServer(async (req, res) => {
    try {
      const path = new URL(req.url, "http://x").pathname;
      const file = await locate(ordered, path);
      if (!file || (req.method !== "GET" && req.method !== "HEAD")) {
        res.writeHead(file ? 405 : 404, { "content-type": "text/plain" }).end(file ? "method not allowed" : "not found");
        return;
      }
      const body = await readFile(file);
      const type = TYPES[file.endsWith(".d.ts") ? ".d.ts" : extname(file)] ?? "application/octet-stream";
      res.writeHead(200, { "content-type": type, "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(500, { "content-type": "text/plain" }).end("server error");
    }
  });
  return new Promise((ready, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      const { port: bound } = server.address();
      ready({ url: `http://${host}:${bound}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

export const root = fileURLToPath(new URL("..", import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8080);
  const { url } = await serve({ mounts: { "/": join(root, "www"), "/pkg/": join(root, "pkg") }, port });
  console.log(`whatsapp-edge demo on ${url}/ (Ctrl-C to stop)`);
}
