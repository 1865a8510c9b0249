// WoztellClient through the built package in Node against the fake on
// 127.0.0.1: every endpoint of seed 003 (the shared cases in
// woztell-suite.mjs), plus checks that need Node.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import * as api from "../../pkg/node.js";
import { startFakeWoztell, TOKEN, APP, APP_INTEGRATION, CHANNEL, SIGNATURE } from "./fake-woztell.mjs";
import { woztellCases } from "./woztell-suite.mjs";

const fake = await startFakeWoztell();
after(() => fake.close());

for (const [name, run] of Object.entries(woztellCases)) test(name, () => run(api, fake.baseUrl));

test("options: some credentials are required, the signed context is all four ids or none", () => {
  assert.throws(() => new api.WoztellClient({}), /give accessToken/);
  assert.throws(() => new api.WoztellClient({ appId: APP, channelId: CHANNEL }), /together/);
  assert.throws(() => new api.WoztellClient({ accessToken: TOKEN, accessTokenIn: "header" }), /accessTokenIn/);
  assert.throws(() => new api.WoztellClient({ appId: 'a"b', appIntegrationId: APP_INTEGRATION, channelId: CHANNEL, signature: SIGNATURE }), /appId/);
});

test("the signed context is the documented payload, verbatim, and base64 of it after the signature", async () => {
  fake.received.splice(0);
  const events = [];
  const client = new api.WoztellClient({ appId: APP, appIntegrationId: APP_INTEGRATION, channelId: CHANNEL, signature: SIGNATURE, baseUrl: fake.baseUrl, onRequest: (e) => events.push(e) });
  await client.listCatalogs();
  const { headers } = fake.received[0];
  const payload = `{"app":"${APP}","appIntegration":"${APP_INTEGRATION}","channel":"${CHANNEL}"}`;
  assert.equal(headers["x-woztell-payload"], payload);
  assert.equal(headers["x-woztell-signedcontext"], `${SIGNATURE}.${Buffer.from(payload).toString("base64")}`);
  assert.ok(!JSON.stringify(events).includes(SIGNATURE));
  const tokenOnly = new api.WoztellClient({ accessToken: TOKEN, baseUrl: fake.baseUrl, onRequest: (e) => events.push(e) });
  await tokenOnly.getWabaInfo({ wabaId: "1" }).catch(() => {});
  assert.ok(!JSON.stringify(events).includes(TOKEN), "events carry the URL without the token");
});
