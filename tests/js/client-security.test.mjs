// The clients under attack, through the built package in Node: where the
// access token may go (downloadMedia URLs read the way fetch reads them),
// redirects never followed with credentials, credentials that could split a
// header refused at construction, baseUrl checked, and secrets scrubbed from
// every field of an error however a server echoed them.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { once } from "node:events";
import * as api from "../../pkg/node.js";
import { startFakeGraph, TOKEN, PHONE_ID } from "./fake-graph.mjs";
import { cloud } from "./cloud-suite.mjs";

const fake = await startFakeGraph();
after(() => fake.close());

/** A client whose fetch records every URL it is asked for and answers a file. */
function recording(options = {}) {
  const fetched = [];
  const fetch = async (url, init) => {
    fetched.push({ url, init });
    return new Response(new Uint8Array([1, 2, 3]), { status: 200 });
  };
  const client = cloud(api, "https://graph.facebook.com", { fetch, ...options }).instance;
  return { client, fetched };
}

test("downloadMedia sends the token only to https Meta media hosts, to exactly the URL it checked", async () => {
  const allowed = [
    "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1&ext=2&hash=ATs-_x",
    "https://scontent.xx.fbcdn.net/v/t1/a.jpg?x=1",
    "https://mmg.whatsapp.net/d/f/abc.enc",
    "https://graph.facebook.com/v23.0/1234/file",
  ];
  for (const url of allowed) {
    const { client, fetched } = recording();
    const bytes = await client.downloadMedia(url);
    assert.deepEqual([...bytes], [1, 2, 3], url);
    assert.equal(fetched.length, 1);
    assert.equal(fetched[0].url, url, "the string fetched is the string checked");
    // The platform's own URL parser (the one fetch uses) agrees on the host.
    const host = new URL(fetched[0].url).hostname;
    assert.ok([".fbsbx.com", ".fbcdn.net", ".whatsapp.net", ".facebook.com"].some((s) => host.endsWith(s)), host);
    assert.equal(fetched[0].init.redirect, "manual");
  }
  const refused = [
    "https://evil.example\\.fbsbx.com/x", // fetch reads \ as /
    "https://evil.example%5C.fbsbx.com/x",
    "https://evil.example%2F.fbsbx.com/x",
    "https://user@lookaside.fbsbx.com/x",
    "https://lookaside.fbsbx.com@evil.example/x",
    "https://lookaside.fbsbx.com:8443/x",
    "https://lookaside.fbsbx.com:443/x",
    "https://LOOKASIDE.FBSBX.COM/x",
    "https://lookaside.fbsbx.com./x",
    "https://evil.example\uff0efbsbx.com/x", // full-width dot
    "https://evil.example\u3002fbsbx.com/x", // ideographic full stop
    "https://look\taside.fbsbx.com/x",
    "https://lookaside.fbsbx.com/x\n",
    "\thttps://lookaside.fbsbx.com/x",
    "https://lookaside.fbsb\u0445.com/x", // Cyrillic х
    "https://xn--lookaside-fbsbx-com.evil/x",
    "https://fbsbx.com.evil.example/x",
    "https://evilfbsbx.com/x",
    "http://lookaside.fbsbx.com/x",
    "https:lookaside.fbsbx.com/x",
    "https:/lookaside.fbsbx.com/x",
    "//lookaside.fbsbx.com/x",
    "https://graph.facebook.com.evil.example/x",
    "javascript:alert(1)",
    "data:text/plain,x",
  ];
  for (const url of refused) {
    const { client, fetched } = recording();
    const error = await client.downloadMedia(url).catch((e) => e);
    assert.equal(error.code, "invalid_argument", JSON.stringify(url));
    assert.equal(fetched.length, 0, `nothing fetched for ${JSON.stringify(url)}`);
  }
});

test("a redirect is never followed with credentials: it rejects, and the other origin sees nothing", async () => {
  const seen = [];
  const other = createServer((req, res) => {
    seen.push(req.headers.authorization);
    res.end("{}");
  });
  other.listen(0, "127.0.0.1");
  await once(other, "listening");
  try {
    for (const status of [301, 302, 307, 308]) {
      fake.fail({ redirect: `http://127.0.0.1:${other.address().port}/steal`, status });
      const client = cloud(api, fake.baseUrl).instance;
      const error = await client.getBusinessProfile().catch((e) => e);
      assert.equal(error.code, "invalid_response", String(error));
      assert.equal(error.status, status);
      assert.equal(error.retryable, false);
      assert.match(error.message, /redirect/);
    }
    assert.deepEqual(seen, []);
  } finally {
    other.close();
  }
});

test("credentials that could split a header are refused at construction, without echoing them", () => {
  const cases = [
    ["CloudApiClient", { accessToken: "EAAGsecret\r\nX-Evil: 1", phoneNumberId: PHONE_ID }],
    ["CloudApiClient", { accessToken: "EAAGsecret\n", phoneNumberId: PHONE_ID }],
    ["CloudApiClient", { accessToken: "EAAG secret", phoneNumberId: PHONE_ID }],
    ["CirrusClient", { apiKey: "cirrus-secret\r\nX: 1", streamId: "1" }],
    ["BirdClient", { accessKey: "bird-secret\t", workspaceId: "w", channelId: "c" }],
    ["CmClient", { apiKey: "cm_secret\u0000", baseUrl: "https://cm.example" }],
    ["WoztellClient", { accessToken: "wzt-secret\u2028" }],
    ["WoztellClient", { appId: "699802d69a73fc555f1c6bc4", appIntegrationId: "696327325430a1cbd131dfdf", channelId: "696327315430a1f98231dfde", signature: "sig-secret\r\n" }],
  ];
  for (const [name, options] of cases) {
    const thrown = (() => {
      try {
        new api[name](options);
      } catch (error) {
        return error;
      }
    })();
    assert.ok(thrown instanceof Error, `${name} ${JSON.stringify(options)}`);
    assert.equal(thrown.code, "invalid_argument");
    assert.doesNotMatch(thrown.message, /secret/, thrown.message);
  }
});

test("baseUrl must be https (http only to loopback) in the form fetch will not rewrite", () => {
  for (const baseUrl of ["http://graph.example", "https://user:pw-secret@graph.example", "https://graph.example\\@evil", "graph.example", "https://GRAPH.example", "https://graph.example/?a=1"]) {
    assert.throws(() => new api.CloudApiClient({ accessToken: TOKEN, baseUrl }), (e) => e.code === "invalid_argument" && !/pw-secret/.test(e.message), baseUrl);
  }
  for (const baseUrl of ["https://proxy.example/graph", "http://127.0.0.1:9", "http://localhost:8080/"]) {
    assert.ok(new api.CloudApiClient({ accessToken: TOKEN, baseUrl }), baseUrl);
  }
});

test("a secret echoed by the server is scrubbed from every field of the error, in any encoding", async () => {
  const echoes = [TOKEN, encodeURIComponent(TOKEN), new URLSearchParams({ t: TOKEN }).toString().slice(2), JSON.stringify(TOKEN).slice(1, -1)];
  for (const echo of echoes) {
    fake.fail({ status: 400, body: { error: { message: `bad token ${echo}`, error_user_msg: `token ${echo}`, code: 190, fbtrace_id: `trace-${echo}` } } });
    const client = cloud(api, fake.baseUrl).instance;
    const error = await client.sendMessage({ messaging_product: "whatsapp", to: "+14155552671", type: "text", text: { body: "x" } }).catch((e) => e);
    assert.equal(error.code, "auth_failed");
    const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack });
    assert.ok(!everything.includes(TOKEN) && !everything.includes(echo), everything);
    assert.match(error.fbtraceId, /^trace-\[redacted\]$/);
  }
});

test("Woztell's signed context never reaches another origin: redirects are refused on every client", async () => {
  const seen = [];
  const other = createServer((req, res) => {
    seen.push(req.headers["x-woztell-signedcontext"] ?? req.url);
    res.end("{}");
  });
  other.listen(0, "127.0.0.1");
  await once(other, "listening");
  const redirector = createServer((req, res) => {
    res.writeHead(307, { location: `http://127.0.0.1:${other.address().port}${req.url}` });
    res.end();
  });
  redirector.listen(0, "127.0.0.1");
  await once(redirector, "listening");
  try {
    const baseUrl = `http://127.0.0.1:${redirector.address().port}`;
    const woztell = new api.WoztellClient({ appId: "699802d69a73fc555f1c6bc4", appIntegrationId: "696327325430a1cbd131dfdf", channelId: "696327315430a1f98231dfde", signature: "1RJ7rKRTHbOBoY95AgtXF5WT2578gy9+b4ekBp727cQ=", baseUrl, sleep: async () => {} });
    const error = await woztell.listCatalogs().catch((e) => e);
    assert.equal(error.code, "invalid_response");
    assert.equal(error.status, 307);
    assert.deepEqual(seen, []);
  } finally {
    other.close();
    redirector.close();
  }
});
