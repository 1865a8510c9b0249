// The TypeScript contract is generated from the Rust types (tsify): these
// tests hold the built package to it. The keys each options interface of the
// .d.ts declares are exactly the keys the runtime accepts (the unknown-key
// error lists them), and what the clients resolve to, against the fake Graph
// API that answers as Meta documents, type-checks as the declared result
// types (tsc --strict: a field the type lacks fails it).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import * as api from "../../pkg/node.js";
import { startFakeGraph, WABA_ID, GROUP_ID } from "./fake-graph.mjs";
import { cloud } from "./cloud-suite.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const declarations = readFileSync(join(root, "pkg/whatsapp_edge.d.ts"), "utf8");
const fake = await startFakeGraph();
after(() => fake.close());

/** An interface's keys as the .d.ts declares them, with those of what it extends. */
function declaredKeys(name) {
  const found = new RegExp(`export interface ${name}(?: extends ([\\w, ]+))? \\{\\n([\\s\\S]*?)\\n\\}`).exec(declarations);
  assert.ok(found, `no interface ${name} in the .d.ts`);
  const own = [...found[2].matchAll(/^ {4}(\w+)\??:/gm)].map((m) => m[1]);
  const parents = (found[1] ?? "").split(",").map((p) => p.trim()).filter(Boolean);
  return [...own, ...parents.flatMap(declaredKeys)].sort();
}

/** The keys the runtime accepts, read from its unknown-key error. */
async function acceptedKeys(call) {
  let error;
  try {
    await call({ surelyNotAnOption: 1 });
  } catch (thrown) {
    error = thrown;
  }
  const listed = /unknown option surelyNotAnOption; known: (.*)$/.exec(error?.message ?? "");
  assert.ok(listed, `no unknown-option error: ${error?.message}`);
  return listed[1].split(", ").sort();
}

const required = {
  CloudApiClient: { accessToken: "t" },
  BirdClient: { accessKey: "k", workspaceId: "6d3ac4e2-6f1b-4b43-a9b3-4c7f0e5d9a11", channelId: "0f4a2c8e-1d3b-4e5f-8a9b-7c6d5e4f3a21" },
  CirrusClient: { apiKey: "k", streamId: "s" },
  CmClient: { apiKey: "cm_k", baseUrl: "https://api.example.com" },
  WoztellClient: { accessToken: "t" },
};

test("no name is declared twice in the .d.ts (TypeScript would merge the two silently)", () => {
  for (const file of ["whatsapp_edge.d.ts", "lite/whatsapp_edge_lite.d.ts", "phone/whatsapp_edge_phone.d.ts"]) {
    const source = readFileSync(join(root, "pkg", file), "utf8");
    const names = [...source.matchAll(/^export (?:declare )?(?:interface|type|class|function|const) (\w+)/gm)].map((m) => m[1]);
    const twice = names.filter((name, index) => names.indexOf(name) !== index);
    assert.deepEqual(twice, [], file);
  }
});

test("each client's options interface declares exactly the keys its constructor accepts", async () => {
  for (const [name, options] of Object.entries(required)) {
    const accepted = await acceptedKeys((extra) => new api[name]({ ...options, ...extra }));
    assert.deepEqual(accepted, declaredKeys(`${name}Options`), name);
  }
});

test("each method's options interface declares exactly the keys the method accepts", async () => {
  const graph = cloud(api, fake.baseUrl).instance;
  const cm = new api.CmClient(required.CmClient);
  const bird = new api.BirdClient(required.BirdClient);
  const range = { start: 1761955200, end: 1762041600 };
  const cases = [
    ["SendMessageOptions", (o) => graph.sendMessage({ messaging_product: "whatsapp", to: "+14155552671", type: "text", text: { body: "Hi" } }, o)],
    ["SendMessageOptions", (o) => graph.sendMarketingMessage({ messaging_product: "whatsapp", to: "+14155552671", type: "text", text: { body: "Hi" } }, o)],
    ["CloudTemplateSendOptions", (o) => graph.sendTemplate("+14155552671", { name: "a", language: { code: "en" } }, o)],
    ["TemplateSendOptions", (o) => bird.sendTemplate("+14155552671", { name: "a", language: { code: "en" } }, o)],
    ["MarkAsReadOptions", (o) => graph.markAsRead("wamid.A", o)],
    ["TemplateListQuery", (o) => graph.listTemplates(o)],
    ["UploadOptions", (o) => graph.uploadMedia(new Uint8Array([1]), o)],
    ["FlowPreviewUrlOptions", (o) => graph.getFlowPreviewUrl("1", o)],
    ["PricingAnalyticsQuery", (o) => graph.getPricingAnalytics({ ...range, ...o })],
    ["ConversationAnalyticsQuery", (o) => graph.getConversationAnalytics({ ...range, ...o })],
    ["TemplateAnalyticsQuery", (o) => graph.getTemplateAnalytics({ ...range, templateIds: ["1"], ...o })],
    ["PageOptions", (o) => graph.listGroups(o)],
    ["PageOptions", (o) => graph.listGroupJoinRequests(GROUP_ID, o)],
    ["PageOptions", (o) => graph.listBlockedUsers(o)],
    ["RegisterOptions", (o) => graph.registerPhoneNumber("123456", o)],
    ["CmWriteOptions", (o) => cm.sendText({ to: "+14155552671", text: "Hi" }, o)],
    ["CmTemplateSendOptions", (o) => cm.sendTemplate("+14155552671", { name: "a", language: { code: "en" } }, o)],
    ["CmReadOptions", (o) => cm.markAsRead("wamid.A", o)],
    ["CmUploadOptions", (o) => cm.uploadMedia(new Uint8Array([1]), o)],
    ["ChannelContactOptions", (o) => bird.getChannelContact("c", o)],
    ["BroadcastPacerOptions", (o) => new api.BroadcastPacer(o)],
  ];
  for (const [name, call] of cases) {
    assert.deepEqual(await acceptedKeys(call), declaredKeys(name), name);
  }
});

test("what the Cloud API client resolves to type-checks as its declared result types", async () => {
  const c = cloud(api, fake.baseUrl).instance;
  const range = { start: 1761955200, end: 1762041600 };
  const definition = { name: "order_update", language: "en_US", category: "UTILITY", components: [{ type: "BODY", text: "Hi {{1}}, your order shipped.", example: { body_text: [["Ana"]] } }] };
  const flowJson = { version: "7.3", screens: [{ id: "A", title: "A", terminal: true, layout: { type: "SingleColumnLayout", children: [{ type: "Footer", label: "Done", "on-click-action": { name: "complete", payload: {} } }] } }] };
  const results = [
    ["SendResult", await c.sendMessage({ messaging_product: "whatsapp", to: "+14155552671", type: "text", text: { body: "Hi" } })],
    ["SendResult", await c.sendTemplate("+14155552671", { name: "order_update", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "Ana" }] }] })],
    ["Success", await c.markAsRead("wamid.A")],
    ["TemplateList", await c.listTemplates({ limit: 5 })],
    ["TemplateCreated", await c.createTemplate(definition)],
    ["Success", await c.deleteTemplate("order_update")],
    ["Created", await c.uploadMedia(new Uint8Array([1, 2]), { type: "image/png" })],
    ["MediaInfo", await c.getMedia("1234")],
    ["Success", await c.deleteMedia("1234")],
    ["FlowCreated", await c.createFlow({ name: "survey", categories: ["SURVEY"] })],
    ["FlowList", await c.listFlows()],
    ["FlowInfo", await c.getFlow("1234567890")],
    ["FlowJsonUploaded", await c.uploadFlowJson("1234567890", flowJson)],
    ["Success", await c.publishFlow("1234567890")],
    ["FlowPreviewUrl", await c.getFlowPreviewUrl("1234567890", { invalidate: true })],
    ["PhoneNumberList", await c.listPhoneNumbers()],
    ["PhoneNumberInfo", await c.getPhoneNumber()],
    ["BusinessProfiles", await c.getBusinessProfile()],
    ["EncryptionKeys", await c.getEncryptionKey()],
    ["PricingAnalytics", await c.getPricingAnalytics({ ...range, granularity: "DAILY" })],
    ["ConversationAnalytics", await c.getConversationAnalytics({ ...range, granularity: "DAILY" })],
    ["TemplateAnalytics", await c.getTemplateAnalytics({ ...range, templateIds: ["1"] })],
    ["GroupCreated", await c.createGroup({ subject: "Spring launch" })],
    ["GroupInfo", await c.getGroup(GROUP_ID)],
    ["GroupList", await c.listGroups()],
    ["Success", await c.updateGroup(GROUP_ID, { subject: "Spring" })],
    ["GroupInviteLink", await c.resetGroupInviteLink(GROUP_ID)],
    ["Success", await c.removeGroupParticipants(GROUP_ID, ["+16505551234"])],
    ["GroupJoinRequestList", await c.listGroupJoinRequests(GROUP_ID)],
    ["GroupJoinRequestsResult", await c.approveGroupJoinRequests(GROUP_ID, ["MTY0"])],
    ["GroupJoinRequestsResult", await c.rejectGroupJoinRequests(GROUP_ID, ["MTY0"])],
    ["Success", await c.deleteGroup(GROUP_ID)],
    ["BlockUsersResult", await c.blockUsers(["+16505551234"])],
    ["BlockedUserList", await c.listBlockedUsers()],
    ["CallPermissions", await c.getCallPermissions("16505551234")],
    ["PhoneNumberSettings", await c.getCallSettings()],
    ["Success", await c.updateCallSettings({ calling: { status: "ENABLED" } })],
    ["QrCode", await c.createQrCode({ prefilled_message: "Hi", generate_qr_image: "PNG" })],
    ["QrCodeList", await c.listQrCodes()],
    ["QrCodeList", await c.getQrCode("4O4YGZEG3RIVE1")],
    ["QrCode", await c.updateQrCode("4O4YGZEG3RIVE1", { prefilled_message: "Hello" })],
    ["CommerceSettingsResult", await c.getCommerceSettings()],
    ["Success", await c.updateCommerceSettings({ is_cart_enabled: true })],
    ["Success", await c.registerPhoneNumber("123456")],
    ["Success", await c.setTwoStepPin("654321")],
    ["TemplateArchiveResult", await c.archiveTemplates(["594425479261596"])],
    ["TemplateArchiveResult", await c.unarchiveTemplates(["594425479261596"])],
  ];
  assert.equal(results.find(([, value]) => value.id === WABA_ID)?.[0], "PricingAnalytics", "the fake answered");
  const types = [...new Set(results.map(([type]) => type))];
  const source = [
    `import type { ${types.join(", ")} } from ${JSON.stringify(join(root, "pkg/whatsapp_edge.js"))};`,
    ...results.map(([type, value], index) => `export const result${index}: ${type} = ${JSON.stringify(value)};`),
  ].join("\n");
  const project = mkdtempSync(join(tmpdir(), "types-"));
  try {
    writeFileSync(join(project, "package.json"), JSON.stringify({ type: "module" }));
    writeFileSync(join(project, "results.ts"), source);
    const tsc = join(root, "node_modules/typescript/bin/tsc");
    const options = ["--noEmit", "--strict", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext", "--lib", "es2022,dom"];
    try {
      execFileSync("node", [tsc, ...options, join(project, "results.ts")], { encoding: "utf8" });
    } catch (error) {
      assert.fail(`tsc:\n${error.stdout}${error.stderr}\n${source}`);
    }
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});
