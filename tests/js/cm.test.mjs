// CmClient (CallMissed, the cm_-key platform) through the built package in
// Node against the fake on 127.0.0.1: every endpoint of seed 002 (the shared
// cases in cm-suite.mjs), plus checks that need Node.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import * as api from "../../pkg/node.js";
import { startFakeCm, KEY, PHONE_ID } from "./fake-cm.mjs";
import { cmCases } from "./cm-suite.mjs";

const fake = await startFakeCm();
after(() => fake.close());

for (const [name, run] of Object.entries(cmCases)) test(name, () => run(api, fake.baseUrl));

test("options: apiKey and baseUrl are required; unknown options and bad aliases are refused", () => {
  assert.throws(() => new api.CmClient({ apiKey: KEY }), /baseUrl is required/);
  assert.throws(() => new api.CmClient({ baseUrl: fake.baseUrl }), /apiKey is required/);
  assert.throws(() => new api.CmClient({ apiKey: KEY, baseUrl: fake.baseUrl, colour: 1 }), /unknown option colour/);
  assert.throws(() => new api.CmClient({ apiKey: KEY, baseUrl: fake.baseUrl, fieldAliases: { to: 1 } }), /fieldAliases/);
});

test("a file over 100 MB is refused locally with cm.media_too_large; the key is in no event", async () => {
  fake.received.splice(0);
  const events = [];
  const client = new api.CmClient({ apiKey: KEY, baseUrl: fake.baseUrl, phoneId: PHONE_ID, onRequest: (e) => events.push(e) });
  const huge = { size: 100 * 1024 * 1024 + 1, type: "video/mp4", name: "big.mp4" };
  const error = await client.uploadMedia(huge).catch((e) => e);
  assert.equal(error.code, "validation_failed");
  assert.deepEqual(error.issues.map((i) => [i.code, i.path]), [["cm.media_too_large", "/file"]]);
  assert.equal(fake.received.length, 0);
  await client.listAccounts();
  assert.equal(events.length, 1);
  assert.ok(!JSON.stringify(events).includes(KEY));
  assert.equal(fake.received[0].headers.authorization, `Bearer ${KEY}`);
});
