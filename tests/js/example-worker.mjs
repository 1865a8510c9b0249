// examples/worker bundled as wrangler would (workerd condition, .wasm as a
// module) and started in Miniflare with no nodejs_compat, with an encrypted
// key as Meta's instructions give: shared by worker-example.test.mjs and the
// soak (tests/js/soak.mjs).
import crypto from "node:crypto";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { COMPATIBILITY_DATE } from "./helpers.mjs";

export const APP_SECRET = "example-app-secret";
export const VERIFY_TOKEN = "verify-me";
const PASSPHRASE = "example-passphrase";

/** `X-Hub-Signature-256` of `body` under `secret`. */
export const sign = (body, secret = APP_SECRET) => "sha256=" + crypto.createHmac("sha256", secret).update(body).digest("hex");

/**
 * Starts the example Worker. `stats` sets the STATS binding (the example's
 * /__stats route: requests served, wasm memory); `quiet` discards the
 * Worker's console output. Resolves to { mf, publicKey }.
 */
export async function startExampleWorker({ stats = false, quiet = false } = {}) {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const out = mkdtempSync(join(tmpdir(), "worker-example-"));
  await build({
    entryPoints: [join(root, "examples/worker/src/index.js")],
    bundle: true,
    format: "esm",
    conditions: ["workerd", "worker", "browser"],
    // The example imports the package by name; here it is the freshly built pkg/.
    alias: { "whatsapp-edge": join(root, "pkg/workerd.js") },
    external: ["*.wasm"],
    outfile: join(out, "index.js"),
    logLevel: "silent",
  });
  cpSync(join(root, "pkg/whatsapp_edge_bg.wasm"), join(out, "whatsapp_edge_bg.wasm"));
  // An encrypted key, as Meta's `openssl genrsa -des3` instructions give with OpenSSL 3.
  const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem", cipher: "des-ede3-cbc", passphrase: PASSPHRASE },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const mf = new Miniflare({
    modules: [
      { type: "ESModule", path: join(out, "index.js") },
      { type: "CompiledWasm", path: join(out, "whatsapp_edge_bg.wasm") },
    ],
    modulesRoot: out,
    compatibilityDate: COMPATIBILITY_DATE,
    compatibilityFlags: [],
    bindings: {
      APP_SECRET,
      VERIFY_TOKEN,
      FLOW_PRIVATE_KEY: privateKey,
      FLOW_KEY_PASSPHRASE: PASSPHRASE,
      ...(stats ? { STATS: "on" } : {}),
    },
    ...(quiet ? { handleRuntimeStdio: (stdout, stderr) => (stdout.resume(), stderr.resume()) } : {}),
  });
  await mf.ready;
  return { mf, publicKey };
}
