// A static file server for the demo and the browser tests: mounts folders at
// URL prefixes, serves .wasm as application/wasm (needed for streaming
// instantiation), binds to 127.0.0.1 only and answers only requests addressed
// to it (a Host check against DNS rebinding). Read-only: GET and HEAD.
// `node scripts/serve.mjs [port]` serves the demo: www/ at / (under a strict
// Content-Security-Policy), pkg/ at /pkg/ and the corpus's example templates
// and Flows at /corpus/templates/ and /corpus/flows/ (their *.json files only,
// listed by a generated index.json).
import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".d.ts": "text/plain; charset=utf-8",
};

/** The strict policy the demo and the browser tests run under. `'wasm-unsafe-eval'`
 * is what lets a page compile WebAssembly (and only that: no eval of JS). */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'";

/** STRICT_CSP, with the hash of each inline import map of `html` added to
 * script-src (an import map cannot be an external file). */
export function cspFor(html) {
  const hashes = [...String(html).matchAll(/<script type="importmap">([\s\S]*?)<\/script>/g)].map(
    ([, map]) => `'sha256-${createHash("sha256").update(map, "utf8").digest("base64")}'`,
  );
  return STRICT_CSP.replace("script-src 'self'", ["script-src 'self'", ...hashes].join(" "));
}

/** A mount is a folder, or { dir, files?: RegExp, index?: name }: with `files`, only
 * names matching it directly in `dir` are served (no sub-folders, no index.html),
 * and `index` is a generated JSON array of those names. */
function mountOf(value) {
  return typeof value === "string" ? { dir: value } : value;
}

/** Resolves `urlPath` inside one of the mounts to { file } or { index }, or null
 * (never leaves a mount, symlinks included). */
async function locate(mounts, urlPath) {
  for (const [prefix, mount] of mounts) {
    if (!urlPath.startsWith(prefix)) continue;
    let rest;
    try {
      rest = decodeURIComponent(urlPath.slice(prefix.length));
    } catch {
      return null;
    }
    if (rest.includes("\0")) return null;
    const root = resolve(mount.dir);
    if (mount.files) {
      if (mount.index && rest === mount.index) return { index: mount };
      if (!mount.files.test(rest) || rest.includes("/") || rest.includes("\\") || rest.startsWith(".")) return null;
    }
    let file = normalize(join(root, rest));
    if (file !== root && !file.startsWith(root + sep)) return null;
    const info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      if (mount.files) return null;
      file = join(file, "index.html");
    }
    const real = await realpath(file).catch(() => null);
    const realRoot = await realpath(root).catch(() => root);
    if (!real || (real !== realRoot && !real.startsWith(realRoot + sep))) return null;
    if (!(await stat(real)).isFile()) return null;
    return { file: real };
  }
  return null;
}

/** The generated index of a `files` mount: the names it serves, sorted. */
async function listing(mount) {
  const names = await readdir(resolve(mount.dir), { withFileTypes: true });
  return names
    .filter((entry) => entry.isFile() && mount.files.test(entry.name) && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort();
}

/** Starts the server; resolves to { url, close() }. Port 0 picks a free port.
 * `headers(file, body)` may add response headers (e.g. a Content-Security-Policy). */
export function serve({ mounts, port = 0, host = "127.0.0.1", headers }) {
  // Longest prefix first, so /pkg/ wins over /.
  const ordered = Object.entries(mounts)
    .map(([prefix, value]) => [prefix, mountOf(value)])
    .sort(([a], [b]) => b.length - a.length);
  let allowedHosts = new Set();
  const server = createServer(async (req, res) => {
    const fail = (status, text) =>
      res.writeHead(status, { "content-type": "text/plain", "x-content-type-options": "nosniff" }).end(text);
    try {
      if (!allowedHosts.has(String(req.headers.host).toLowerCase())) return fail(421, "misdirected request");
      if (req.method !== "GET" && req.method !== "HEAD") return fail(405, "method not allowed");
      const path = new URL(req.url, "http://x").pathname;
      const found = await locate(ordered, path);
      if (!found) return fail(404, "not found");
      const body = found.index
        ? Buffer.from(JSON.stringify(await listing(found.index)))
        : await readFile(found.file);
      const name = found.file ?? ".json";
      const type = TYPES[name.endsWith(".d.ts") ? ".d.ts" : extname(name)] ?? "application/octet-stream";
      res.writeHead(200, {
        "content-type": type,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        ...(found.file && headers ? headers(found.file, body) : {}),
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      fail(500, "server error");
    }
  });
  return new Promise((ready, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      const { port: bound } = server.address();
      allowedHosts = new Set([`${host}:${bound}`, `localhost:${bound}`]);
      ready({ url: `http://${host}:${bound}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

export const root = fileURLToPath(new URL("..", import.meta.url));

/** What scripts/demo serves: www/ under the strict policy, pkg/, and the corpus read-only. */
export function demo(port = 0) {
  const corpus = join(root, "tests/fixtures/corpus");
  const json = /^[A-Za-z0-9][A-Za-z0-9_.-]*\.json$/;
  return serve({
    port,
    mounts: {
      "/": join(root, "www"),
      "/pkg/": join(root, "pkg"),
      "/corpus/templates/": { dir: join(corpus, "templates"), files: json, index: "index.json" },
      "/corpus/flows/": { dir: join(corpus, "flows"), files: json, index: "index.json" },
    },
    headers: (file, body) => ({
      "content-security-policy": file.endsWith(".html") ? cspFor(body.toString("utf8")) : STRICT_CSP,
    }),
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await demo(Number(process.argv[2] ?? 8080));
  console.log(`whatsapp-edge demo on ${url}/ (Ctrl-C to stop)`);
}
