// Layer 4: the package as a user gets it. `npm pack` pkg/, install the tarball
// into a fresh project, then import it from Node ESM and CJS, from a Worker
// bundled the way wrangler bundles one, and type-check a strict TS consumer.
// The README's runnable examples run here too.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { root } from "../../scripts/serve.mjs";
import { COMPATIBILITY_DATE } from "./helpers.mjs";

const project = mkdtempSync(join(tmpdir(), "whatsapp-edge-pack-"));
const installed = join(project, "node_modules/whatsapp-edge");

function run(command, args, cwd = project) {
  return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

before(() => {
  const [tarball] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", project], join(root, "pkg")));
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  run("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", join(project, tarball.filename)]);
});
after(() => rmSync(project, { recursive: true, force: true }));

test("pack: the tarball holds exactly the files package.json lists", () => {
  const { files } = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
  assert.deepEqual(readdirSync(installed).sort(), [...files, "package.json"].sort());
});

test("pack: Node ESM import is ready to call", () => {
  const out = run("node", ["--input-type=module", "-e",
    "import('whatsapp-edge').then(m => console.log(JSON.stringify(m.parsePhone('+14155552671'))))"]);
  const result = JSON.parse(out);
  assert.equal(result.ok, true);
  assert.equal(result.e164, "+14155552671");
  assert.equal(result.country, "US");
});

test("pack: Node CJS require is ready to call", () => {
  const out = run("node", ["-e",
    "const m = require('whatsapp-edge'); console.log(JSON.stringify(m.parsePhone('+1 415').errors[0].code))"]);
  assert.equal(JSON.parse(out), "phone.too_short");
});

test("pack: thrown errors are Errors with a code, from the installed package", () => {
  const out = run("node", ["--input-type=module", "-e",
    "import { parsePhone } from 'whatsapp-edge'; try { parsePhone(1) } catch (e) { console.log(e instanceof Error, e.code) }"]);
  assert.equal(out.trim(), "true invalid_argument");
});

test("pack: a Worker bundled like wrangler does runs in workerd", async () => {
  const [valid, invalid] = await runInWorker("worker", `
    import { parsePhone } from "whatsapp-edge";
    export default { fetch: () => Response.json([parsePhone("+14155552671"), parsePhone("+1 415")]) };`, "whatsapp_edge_bg.wasm");
  assert.equal(valid.e164, "+14155552671");
  assert.equal(invalid.errors[0].column, 7);
  assert.equal(valid.national, "(415) 555-2671");
});

test("pack: whatsapp-edge/cloudflare resolves under the workerd condition and its Durable Object runs on SQLite", async () => {
  const { ceiling, report, enqueue } = await runInWorker("cloudflare-worker", `
    import { BroadcastSender, enqueueBroadcast } from "whatsapp-edge/cloudflare";
    export { BroadcastSender };
    export default { async fetch(request, env) {
      const sender = env.SENDER.get(env.SENDER.idFromName("106540352242922"));
      await sender.register("c", { rows: 3, recipients: [{ key: "c:1", row: 0 }], rejected: [{ row: 1, reason: "phone.invalid" }], duplicates: [{ row: 2, firstRow: 0 }] });
      return Response.json({ ceiling: await sender.setCeiling(20), report: await sender.report("c"), enqueue: typeof enqueueBroadcast });
    } };`, "whatsapp_edge_bg.wasm", { durableObjects: { SENDER: { className: "BroadcastSender", useSQLite: true } } });
  assert.deepEqual(ceiling, { rate: 18, target: 18 });
  assert.deepEqual([report.rows, report.listed, report.states.pending, report.rejected, report.duplicates], [3, 3, 1, 1, 1]);
  assert.equal(enqueue, "function");
});

/**
 * Bundles `source` for a Worker the way wrangler does (the workerd condition
 * first, .wasm and cloudflare:workers left as imports), with the installed
 * `wasm` beside it, and answers one request in workerd (`miniflare`: more
 * options, e.g. Durable Objects).
 */
async function runInWorker(name, source, wasm, miniflare = {}) {
  const out = join(project, `${name}-dist`);
  writeFileSync(join(project, `${name}.js`), source);
  await build({
    entryPoints: [join(project, `${name}.js`)],
    bundle: true,
    format: "esm",
    conditions: ["workerd", "worker", "browser"],
    external: ["*.wasm", "cloudflare:workers"],
    outfile: join(out, "worker.js"),
    logLevel: "silent",
  });
  cpSync(join(installed, wasm), join(out, basename(wasm)));
  const mf = new Miniflare({
    modules: [
      { type: "ESModule", path: join(out, "worker.js") },
      { type: "CompiledWasm", path: join(out, basename(wasm)) },
    ],
    modulesRoot: out,
    compatibilityDate: COMPATIBILITY_DATE,
    ...miniflare,
  });
  try {
    return await (await mf.dispatchFetch("http://localhost/")).json();
  } finally {
    await mf.dispose();
  }
}

/** Type-checks `source` as a consumer project would (tsc --strict, nodenext). */
function typeCheck(file, source) {
  writeFileSync(join(project, file), source);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  try {
    run("node", [tsc, "--noEmit", "--strict", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext", "--lib", "es2022,dom", file]);
  } catch (error) {
    assert.fail(`tsc:\n${error.stdout}${error.stderr}`);
  }
}

test("pack: whatsapp-edge/lite imports and requires in Node, bundles for a Worker, and types without the clients", async () => {
  const esm = run("node", ["--input-type=module", "-e",
    "import('whatsapp-edge/lite').then(m => console.log(JSON.stringify([m.parsePhone('+14155552671').e164, m.validateFlow('{}').ok, typeof m.CloudApiClient])))"]);
  assert.deepEqual(JSON.parse(esm), ["+14155552671", false, "undefined"]);
  const cjs = run("node", ["-e", "const m = require('whatsapp-edge/lite'); console.log(m.renderTemplatePreview({ name: 'x', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hi' }] }).html.includes('Hi'))"]);
  assert.equal(cjs.trim(), "true");
  const answer = await runInWorker("worker-lite", `
    import { parsePhone } from "whatsapp-edge/lite";
    export default { fetch: () => Response.json(parsePhone("+14155552671")) };`, "lite/whatsapp_edge_lite_bg.wasm");
  assert.equal(answer.e164, "+14155552671");
  typeCheck("lite-consumer.ts", `
    import init, { validateTemplate, parsePhone, type Report } from "whatsapp-edge/lite";
    await init();
    const report: Report = validateTemplate({});
    const e164: string | undefined = parsePhone("+14155552671").e164;
    // @ts-expect-error the lite entry has no clients
    import("whatsapp-edge/lite").then((m) => new m.CloudApiClient({ accessToken: "t" }));
    export { report, e164 };
  `);
});

test("pack: whatsapp-edge/phone imports and requires in Node, bundles for a Worker, and types with phones only", async () => {
  const esm = run("node", ["--input-type=module", "-e",
    "import('whatsapp-edge/phone').then(m => console.log(JSON.stringify([m.parsePhone('+14155552671').e164, m.parsePhones(['+442071838750'])[0].country, typeof m.validateFlow])))"]);
  assert.deepEqual(JSON.parse(esm), ["+14155552671", "GB", "undefined"]);
  const cjs = run("node", ["-e", "const m = require('whatsapp-edge/phone'); console.log(m.parsePhone('020 7183 8750', { defaultCountry: 'GB' }).e164)"]);
  assert.equal(cjs.trim(), "+442071838750");
  const answer = await runInWorker("worker-phone", `
    import { parsePhone } from "whatsapp-edge/phone";
    export default { fetch: () => Response.json(parsePhone("+1 415 555 2671")) };`, "phone/whatsapp_edge_phone_bg.wasm");
  assert.equal(answer.e164, "+14155552671");
  typeCheck("phone-consumer.ts", `
    import init, { parsePhone, parsePhones, type PhoneResult } from "whatsapp-edge/phone";
    await init();
    const one: PhoneResult = parsePhone("+14155552671", { defaultCountry: "US" });
    const many: PhoneResult[] = parsePhones(["+14155552671"]);
    // @ts-expect-error the phone entry has no validators
    import("whatsapp-edge/phone").then((m) => m.validateTemplate({}));
    export { one, many };
  `);
});

test("pack: tsc --strict accepts a typed consumer and rejects misuse", () => {
  writeFileSync(join(project, "consumer.ts"), `
    import init, {
      BirdClient, CirrusClient, CloudApiClient, createFlowEndpoint, parsePhone, parsePhones, readBody, validateFlow, validateMessage, validateTemplate, validateTemplateSend,
      verifyWebhookSignature, parseWebhook, phoneMetadataVersion, type WebhookEvent, type BirdMessageResponse, type CirrusEnvelope, type CirrusRecipientResult, type FlowReport, type Issue, type NumberType, type PhoneResult, type Report, type ValidationError,
    } from "whatsapp-edge";
    await init();
    const result: PhoneResult = parsePhone("+14155552671", { defaultCountry: "US" });
    const first: Issue | undefined = result.errors[0];
    const column: number | undefined = first?.column;
    const severity: "error" | "warning" | undefined = first?.severity;
    const report: Report = { ok: true, errors: [], warnings: [] };
    const e164: string | undefined = result.e164;
    const kind: NumberType | undefined = parsePhones(["+14155552671"])[0]?.type;
    const mobile: boolean = kind === "mobile" || kind === "fixed_line_or_mobile";
    const checked: Report = validateTemplate({ name: "x" }, { mode: "edit" });
    const sent: Report = validateTemplateSend("{}", { name: "x" });
    const message: Report = validateMessage({ messaging_product: "whatsapp" });
    const flow: FlowReport = validateFlow("{}", { metaErrors: true });
    const version: string | undefined = flow.version;
    const metaError: ValidationError | undefined = flow.validation_errors?.[0];
    const metaLine: number | undefined = metaError?.line_start;
    const flowIssues: Issue[] = validateFlow({ version: "7.3", screens: [] }).errors;
    const client = new CloudApiClient({ accessToken: "t", phoneNumberId: "1", retry: { maxRetries: 1 } });
    const delivery: Promise<{ messages: { id: string }[] }> = client.sendMessage({ messaging_product: "whatsapp" });
    // @ts-expect-error accessToken is required
    new CloudApiClient({ phoneNumberId: "1" });
    const cirrus = new CirrusClient({ apiKey: "k", streamId: "s==", v2Prefix: "/v2", timeoutMs: 5000 });
    const sentCirrus: Promise<CirrusEnvelope<CirrusRecipientResult[]>> = cirrus.sendTemplatedMessage({
      data: [{ schedule: 1739365010, template_data: { to: "19172537000", template: { name: "t", language: { code: "en" } } }, object_data: { SubStreamId: 2, User: { Phone1: "1", Email: "a@b.c" } } }],
    });
    const objectId: Promise<number | undefined> = sentCirrus.then((answer) => answer.data[0]?.object_id);
    const valid: Promise<boolean> = cirrus.validateContact("+19172537000").then((answer) => answer.data.valid);
    const bird = new BirdClient({ accessKey: "k", workspaceId: "w", channelId: "c", now: () => 0 });
    const sentBird: Promise<BirdMessageResponse> = bird.sendMessage({ receiver: { contacts: [{ identifierValue: "+31612345678" }] }, body: { type: "text", text: { text: "hi" } }, tags: ["a"] });
    const window: Promise<string | null> = bird.getChannelContact("c1").then((details) => details.serviceWindowExpireAt);
    // @ts-expect-error streamId is required
    new CirrusClient({ apiKey: "k" });
    // @ts-expect-error not a Bird body type
    bird.sendMessage({ receiver: { contacts: [] }, body: { type: "reaction", reaction: {} } });
    // @ts-expect-error metaErrors is a boolean
    validateFlow("{}", { metaErrors: "yes" });
    // @ts-expect-error the input is a string
    parsePhone(14155552671);
    // @ts-expect-error defaultCountry is a string
    parsePhone("+1", { defaultCountry: 1 });
    // @ts-expect-error mode is "create" or "edit"
    validateTemplate({}, { mode: "upsert" });
    // @ts-expect-error not a number type
    const wrong: NumberType = "landline";
    const endpoint: (request: Request) => Promise<Response> = createFlowEndpoint({
      privateKey: "pem", appSecret: ["old", "new"], maxBodyBytes: 1 << 20, requireFlowTokenSignature: true,
      handler: (request, { flowTokenClaims }) => ({ screen: "S", data: { token: request.flow_token, signed: flowTokenClaims !== undefined } }),
    });
    const bytes: Promise<Uint8Array> = readBody(new Request("https://x.example", { method: "POST" }), { maxBodyBytes: 4 << 20 });
    const verified: Promise<boolean> = bytes.then((body) => verifyWebhookSignature(body, null, "s", { maxBodyBytes: 4 << 20 }));
    // @ts-expect-error maxBodyBytes is a number
    createFlowEndpoint({ privateKey: "pem", maxBodyBytes: "1MB", handler: () => ({ screen: "S" }) });
    const metadataVersion: string = phoneMetadataVersion();
    const events: WebhookEvent[] = parseWebhook("{}").events;
    for (const event of events) {
      if (event.type === "message") {
        const user: string | undefined = event.fromUserId ?? event.fromParentUserId ?? event.contact?.userId ?? event.from;
        const handle: string | undefined = event.contact?.username;
        const previous: string | undefined = event.system?.previous_user_id ?? event.system?.previous_parent_user_id;
        const group: string | undefined = event.groupId;
        console.log(user, handle, previous, group);
      } else if (event.type === "status") {
        const failed: boolean = event.failed;
        const category: string | undefined = event.pricing?.category;
        const recipient: string | undefined = event.recipientUserId ?? event.recipientParentUserId ?? event.recipientId;
        // @ts-expect-error failed is a boolean
        const wrongFailed: string = event.failed;
        console.log(failed, category, recipient, wrongFailed);
      } else if (event.type === "account_update") {
        const tier: string | undefined = event.volumeTierInfo?.tier;
        console.log(tier);
      } else if (event.type === "business_capability") {
        const limit: number | string | undefined = event.maxDailyConversationsPerBusiness;
        console.log(limit);
      }
    }
    // @ts-expect-error not an event type
    const notAType: WebhookEvent["type"] = "statuses";
    export { metadataVersion, notAType };
    export { endpoint, verified };
    export { column, severity, report, e164, mobile, checked, sent, message, flow, client, delivery, version, metaLine, flowIssues, wrong, objectId, valid, sentBird, window };
  `);
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  const common = ["--noEmit", "--strict", "--target", "es2022", "--lib", "es2022,dom", "--skipLibCheck", "false"];
  for (const resolution of [["--module", "nodenext", "--moduleResolution", "nodenext"],
                            ["--module", "esnext", "--moduleResolution", "bundler", "--customConditions", "workerd"]]) {
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    try {
      run("node", [tsc, ...common, ...resolution, "consumer.ts"]);
    } catch (error) {
      assert.fail(`tsc ${resolution.join(" ")}:\n${error.stdout}${error.stderr}`);
    }
  }
});

test("pack: the README's runnable examples print what they say", () => {
  const readme = readFileSync(join(installed, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]);
  assert.ok(blocks.length >= 2, "README has runnable examples");
  blocks.forEach((code, index) => {
    const file = join(project, `readme-${index}.mjs`);
    writeFileSync(file, code);
    const expected = [...code.matchAll(/\/\/ → (.*)$/gm)].map((match) => match[1].trim());
    const printed = run("node", [file]).trim().split("\n").map((line) => line.trim());
    assert.deepEqual(printed, expected, `README example ${index + 1}`);
  });
});

// The README's `ts` blocks and the `@example`s of the declarations are
// fragments (credentials, files and definitions come from the reader's code):
// each is type-checked with every export of the package in scope and the
// names it leaves undefined declared as `any`, so a method, option or
// argument the package does not have fails here.
function typeCheckFragments(label, blocks) {
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  const options = ["--noEmit", "--strict", "--target", "es2022", "--lib", "es2022,dom", "--module", "nodenext", "--moduleResolution", "nodenext"];
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  const names = run("node", ["--input-type=module", "-e", "import('whatsapp-edge').then((m) => console.log(Object.keys(m).join(' ')))"]);
  const exported = names.trim().split(" ").filter((name) => /^[A-Za-z]\w*$/.test(name) && name !== "default");
  blocks.forEach((code, index) => {
    const file = `fragment-${index}.ts`;
    const imports = /from "whatsapp-edge"/.test(code) ? "" : `import * as edge from "whatsapp-edge";\nconst { ${exported.join(", ")} } = edge;\n`;
    let declared = [];
    for (let round = 0; round < 3; round++) {
      const source = `${imports}${declared.map((name) => `declare const ${name}: any;`).join("\n")}\n${code}\nexport {};\n`;
      writeFileSync(join(project, file), source);
      let output = "";
      try {
        run("node", [tsc, ...options, file]);
        return;
      } catch (error) {
        output = `${error.stdout}${error.stderr}`;
      }
      // Unknown names: TS2304/TS2552 (a name), TS18004 (a shorthand property).
      const unknownName = /error TS(?:2304|2552|18004): (?:Cannot find name|No value exists in scope for the shorthand property) '(\w+)'/;
      const unknown = output.split("\n").map((line) => line.match(unknownName)?.[1]).filter(Boolean);
      const other = output.split("\n").filter((line) => /error TS/.test(line) && !unknownName.test(line));
      assert.deepEqual(other, [], `${label} ${index + 1}:\n${source}`);
      declared = [...new Set([...declared, ...unknown])];
    }
    assert.fail(`${label} ${index + 1} still has unknown names: ${declared.join(", ")}`);
  });
}

test("pack: the README's TypeScript examples type-check against the package", () => {
  const readme = readFileSync(join(installed, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
  assert.ok(blocks.length >= 3, "README has TypeScript examples");
  typeCheckFragments("README TypeScript example", blocks);
});

test("pack: every @example of the declarations type-checks against the package", () => {
  const blocks = ["whatsapp_edge.d.ts", "index.d.ts", "element.d.ts", "cloudflare.d.ts"].flatMap((file) => {
    const source = readFileSync(join(installed, file), "utf8");
    // In a doc comment each line starts with ` * ` (or `/// ` in Rust, already turned into that).
    return [...source.matchAll(/@example\s*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g)]
      .map((match) => match[1].split("\n").map((line) => line.replace(/^\s*\* ?/, "")).join("\n"));
  });
  assert.ok(blocks.length >= 20, `the declarations have examples (${blocks.length})`);
  typeCheckFragments("@example", blocks);
});
