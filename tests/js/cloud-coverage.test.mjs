// Issue 21's CloudApiClient endpoints through the built package in Node,
// against the strict fake Graph API: each call's method, path, query and
// whole body as Meta documents them, the answer typed as the .d.ts says, and
// the local checks that refuse a bad call before anything is sent.
import { test, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import * as api from "../../pkg/node.js";
import { startFakeGraph, TOKEN, VERSION, PHONE_ID, WABA_ID, GROUP_ID } from "./fake-graph.mjs";
import { cloud } from "./cloud-suite.mjs";

const fake = await startFakeGraph();
after(() => fake.close());
beforeEach(() => fake.received.splice(0));

const client = () => cloud(api, fake.baseUrl).instance;
/** [method, path, query, body] of every call the fake received, bodies parsed. */
const seen = () => fake.received.map((c) => [c.method, c.path, c.query, c.text === "" ? undefined : JSON.parse(c.text)]);
const phone = (path = "") => `/${VERSION}/${PHONE_ID}${path}`;
const grp = (path = "") => `/${VERSION}/${GROUP_ID}${path}`;
/** The rejection of `promise`: a validation_failed with its first issue's code and path, nothing sent. */
async function refused(promise, code, path) {
  const error = await promise.then(() => assert.fail("resolved"), (e) => e);
  assert.equal(error.code, "validation_failed", error.message);
  assert.deepEqual([error.issues[0].code, error.issues[0].path], [code, path]);
  assert.equal(fake.received.length, 0, "nothing sent");
}

test("groups: create, read, list, update, invite link, participants, join requests, delete", async () => {
  const instance = client();
  assert.deepEqual(await instance.createGroup({ subject: "Spring launch", description: "Early access", join_approval_mode: "approval_required" }), { messaging_product: "whatsapp", request_id: "group-request-1" });
  const info = await instance.getGroup(GROUP_ID);
  assert.equal(info.subject, "Spring launch");
  assert.equal(info.total_participant_count, 1);
  assert.deepEqual(Object.keys(await instance.getGroup(GROUP_ID, ["subject"])), ["messaging_product", "id", "subject"]);
  assert.equal((await instance.listGroups({ limit: 10, after: "MTAx" })).data.groups[0].id, GROUP_ID);
  assert.deepEqual(await instance.updateGroup(GROUP_ID, { subject: "Spring launch 2" }), { success: true });
  assert.equal((await instance.getGroupInviteLink(GROUP_ID)).invite_link, "https://chat.whatsapp.com/FakeLink1");
  assert.equal((await instance.resetGroupInviteLink(GROUP_ID)).invite_link, "https://chat.whatsapp.com/FakeLink2");
  assert.deepEqual(await instance.removeGroupParticipants(GROUP_ID, ["+16505551234", "16505550000"]), { success: true });
  assert.equal((await instance.listGroupJoinRequests(GROUP_ID, { limit: 5 })).data[0].join_request_id, "MTY0NjcwNDM1OTU6MTIw");
  assert.deepEqual((await instance.approveGroupJoinRequests(GROUP_ID, ["MTY0NjcwNDM1OTU6MTIw"])).approved_join_requests, ["MTY0NjcwNDM1OTU6MTIw"]);
  assert.deepEqual((await instance.rejectGroupJoinRequests(GROUP_ID, ["MTY0NjcwNDM1OTU6MTIw"])).rejected_join_requests, ["MTY0NjcwNDM1OTU6MTIw"]);
  assert.deepEqual(await instance.deleteGroup(GROUP_ID), { success: true });
  const fields = "subject,description,participants,join_approval_mode,suspended,creation_timestamp,total_participant_count";
  assert.deepEqual(seen(), [
    ["POST", phone("/groups"), {}, { messaging_product: "whatsapp", subject: "Spring launch", description: "Early access", join_approval_mode: "approval_required" }],
    ["GET", grp(), { fields }, undefined],
    ["GET", grp(), { fields: "subject" }, undefined],
    ["GET", phone("/groups"), { limit: "10", after: "MTAx" }, undefined],
    ["POST", grp(), {}, { messaging_product: "whatsapp", subject: "Spring launch 2" }],
    ["GET", grp("/invite_link"), {}, undefined],
    ["POST", grp("/invite_link"), {}, { messaging_product: "whatsapp" }],
    ["DELETE", grp("/participants"), {}, { messaging_product: "whatsapp", participants: [{ user: "+16505551234" }, { user: "16505550000" }] }],
    ["GET", grp("/join_requests"), { limit: "5" }, undefined],
    ["POST", grp("/join_requests"), {}, { messaging_product: "whatsapp", join_requests: ["MTY0NjcwNDM1OTU6MTIw"] }],
    ["DELETE", grp("/join_requests"), {}, { messaging_product: "whatsapp", join_requests: ["MTY0NjcwNDM1OTU6MTIw"] }],
    ["DELETE", grp(), {}, undefined],
  ]);
  assert.ok(fake.received.every((c) => c.headers.authorization === `Bearer ${TOKEN}`));
});

test("groups: Meta's limits are checked before anything is sent", async () => {
  const instance = client();
  await refused(instance.createGroup({ description: "no subject" }), "cloud.text_empty", "/subject");
  await refused(instance.createGroup({ subject: "x".repeat(129) }), "cloud.text_too_long", "/subject");
  await refused(instance.createGroup({ subject: "ok", description: "d".repeat(2049) }), "cloud.text_too_long", "/description");
  await refused(instance.createGroup({ subject: "ok", join_approval_mode: "invite_only" }), "cloud.value_invalid", "/join_approval_mode");
  await refused(instance.removeGroupParticipants(GROUP_ID, Array(9).fill("+16505551234")), "cloud.list_invalid", "");
  await refused(instance.approveGroupJoinRequests(GROUP_ID, []), "cloud.list_invalid", "");
  for (const misuse of [() => instance.getGroup("../me"), () => instance.getGroup(GROUP_ID, ["owner"]), () => instance.listGroups({ limit: 2000 }), () => instance.listGroups({ limit: 1.5 })]) {
    assert.equal((await misuse().catch((e) => e)).code, "invalid_argument");
  }
  assert.equal(fake.received.length, 0);
});

test("group sends: recipient_type group with the group id in to; a phone number there is refused", async () => {
  const instance = client();
  const body = { messaging_product: "whatsapp", recipient_type: "group", to: GROUP_ID, type: "text", text: { body: "Welcome!" } };
  assert.equal((await instance.sendMessage(body)).messages[0].id, "wamid.FAKE");
  assert.deepEqual(seen(), [["POST", phone("/messages"), {}, body]]);
  fake.received.splice(0);
  await refused(instance.sendMessage({ ...body, to: "+16505551234" }), "message.group_recipient", "/to");
});

test("block list: block, unblock, list", async () => {
  const instance = client();
  const blocked = await instance.blockUsers(["+16505551234"]);
  assert.deepEqual(blocked.block_users.added_users, [{ input: "+16505551234", wa_id: "16505551234" }]);
  await instance.unblockUsers(["16505551234"]);
  assert.equal((await instance.listBlockedUsers({ limit: 2 })).data[0].block_users[0].wa_id, "16505551234");
  assert.deepEqual(seen(), [
    ["POST", phone("/block_users"), {}, { messaging_product: "whatsapp", block_users: [{ user: "+16505551234" }] }],
    ["DELETE", phone("/block_users"), {}, { messaging_product: "whatsapp", block_users: [{ user: "16505551234" }] }],
    ["GET", phone("/block_users"), { limit: "2" }, undefined],
  ]);
  fake.received.splice(0);
  await refused(instance.blockUsers(Array(1001).fill("16505551234")), "cloud.list_invalid", "");
  await refused(instance.blockUsers(["+16505551234", ""]), "cloud.list_invalid", "/1");
});

test("calling: permissions, settings read and update with the hours checked", async () => {
  const instance = client();
  const permissions = await instance.getCallPermissions("16505551234");
  assert.equal(permissions.permission.status, "temporary");
  assert.equal((await instance.getCallSettings()).calling.status, "ENABLED");
  const settings = { calling: { status: "ENABLED", call_icon_visibility: "DEFAULT", callback_permission_status: "ENABLED", call_hours: { status: "ENABLED", timezone_id: "America/Manaus", weekly_operating_hours: [{ day_of_week: "MONDAY", open_time: "0900", close_time: "1700" }], holiday_schedule: [{ date: "2026-12-25", start_time: "0000", end_time: "2359" }] } } };
  assert.deepEqual(await instance.updateCallSettings(settings), { success: true });
  assert.deepEqual(seen(), [
    ["GET", phone("/call_permissions"), { user_wa_id: "16505551234" }, undefined],
    ["GET", phone("/settings"), {}, undefined],
    ["POST", phone("/settings"), {}, settings],
  ]);
  fake.received.splice(0);
  const hours = (entry) => ({ calling: { call_hours: { status: "ENABLED", timezone_id: "UTC", weekly_operating_hours: [entry] } } });
  await refused(instance.updateCallSettings(hours({ day_of_week: "MONDAY", open_time: "1700", close_time: "0900" })), "cloud.call_hours_invalid", "/calling/call_hours/weekly_operating_hours/0");
  await refused(instance.updateCallSettings(hours({ day_of_week: "MONDAY", open_time: "9:00", close_time: "1700" })), "cloud.value_invalid", "/calling/call_hours/weekly_operating_hours/0/open_time");
  await refused(instance.updateCallSettings({ calling: { status: "ON" } }), "cloud.value_invalid", "/calling/status");
  assert.equal((await instance.getCallPermissions("").catch((e) => e)).code, "invalid_argument");
});

test("call permission requests are interactive messages, validated like any other", async () => {
  const instance = client();
  const request = { messaging_product: "whatsapp", to: "+16505551234", type: "interactive", interactive: { type: "call_permission_request", body: { text: "May we call you about your order?" }, action: { name: "call_permission_request" } } };
  await instance.sendMessage(request);
  assert.deepEqual(seen(), [["POST", phone("/messages"), {}, request]]);
  fake.received.splice(0);
  const withHeader = { ...request, interactive: { ...request.interactive, header: { type: "text", text: "Hi" } } };
  await refused(instance.sendMessage(withHeader), "message.fixed_request", "/interactive/header");
});

test("QR codes: create, list, get, update, delete", async () => {
  const instance = client();
  const created = await instance.createQrCode({ prefilled_message: "Hi! I'd like the spring catalog", generate_qr_image: "SVG" });
  assert.equal(created.qr_image_url, "https://scontent.example/qr.svg");
  assert.equal((await instance.listQrCodes()).data[0].code, "4O4YGZEG3RIVE1");
  assert.equal((await instance.getQrCode("4O4YGZEG3RIVE1")).data[0].deep_link_url, "https://wa.me/message/4O4YGZEG3RIVE1");
  assert.equal((await instance.updateQrCode("4O4YGZEG3RIVE1", { prefilled_message: "Hello" })).prefilled_message, "Hello");
  assert.deepEqual(await instance.deleteQrCode("4O4YGZEG3RIVE1"), { success: true });
  assert.deepEqual(seen(), [
    ["POST", phone("/message_qrdls"), {}, { prefilled_message: "Hi! I'd like the spring catalog", generate_qr_image: "SVG" }],
    ["GET", phone("/message_qrdls"), {}, undefined],
    ["GET", phone("/message_qrdls/4O4YGZEG3RIVE1"), {}, undefined],
    ["POST", phone("/message_qrdls"), {}, { code: "4O4YGZEG3RIVE1", prefilled_message: "Hello" }],
    ["DELETE", phone("/message_qrdls/4O4YGZEG3RIVE1"), {}, undefined],
  ]);
  fake.received.splice(0);
  await refused(instance.createQrCode({ prefilled_message: "x".repeat(141) }), "cloud.text_too_long", "/prefilled_message");
  await refused(instance.createQrCode({ prefilled_message: "Hi", generate_qr_image: "GIF" }), "cloud.value_invalid", "/generate_qr_image");
});

test("commerce settings: read, and update in the query", async () => {
  const instance = client();
  assert.equal((await instance.getCommerceSettings()).data[0].is_cart_enabled, true);
  assert.deepEqual(await instance.updateCommerceSettings({ is_catalog_visible: true, is_cart_enabled: false }), { success: true });
  assert.deepEqual(seen(), [
    ["GET", phone("/whatsapp_commerce_settings"), {}, undefined],
    ["POST", phone("/whatsapp_commerce_settings"), { is_cart_enabled: "false", is_catalog_visible: "true" }, undefined],
  ]);
  fake.received.splice(0);
  await refused(instance.updateCommerceSettings({}), "cloud.value_invalid", "");
  await refused(instance.updateCommerceSettings({ is_cart_enabled: "yes" }), "wrong_type", "/is_cart_enabled");
});

test("phone number: register, deregister, request and verify a code, two-step PIN; PINs never in an error", async () => {
  const instance = client();
  await instance.registerPhoneNumber("123456", { dataLocalizationRegion: "IN" });
  await instance.deregisterPhoneNumber();
  await instance.requestVerificationCode("VOICE", "en_US");
  await instance.verifyCode("000111");
  await instance.setTwoStepPin("654321");
  assert.deepEqual(seen(), [
    ["POST", phone("/register"), {}, { messaging_product: "whatsapp", pin: "123456", data_localization_region: "IN" }],
    ["POST", phone("/deregister"), {}, undefined],
    ["POST", phone("/request_code"), {}, { code_method: "VOICE", language: "en_US" }],
    ["POST", phone("/verify_code"), {}, { code: "000111" }],
    ["POST", phone(), {}, { pin: "654321" }],
  ]);
  fake.received.splice(0);
  for (const call of [() => instance.registerPhoneNumber("12345x"), () => instance.setTwoStepPin("1234567"), () => instance.verifyCode("12ab56"), () => instance.requestVerificationCode("EMAIL", "en")]) {
    const error = await call().catch((e) => e);
    assert.equal(error.code, "invalid_argument");
    for (const secret of ["12345x", "1234567", "12ab56"]) assert.ok(!error.message.includes(secret), error.message);
  }
  assert.equal(fake.received.length, 0);
});

test("templates: archive and unarchive by id, create from the template library, optimization_spec checked", async () => {
  const instance = client();
  assert.deepEqual(await instance.archiveTemplates(["594425479261596", "1387372356726668"]), { archived_templates: ["594425479261596", "1387372356726668"] });
  assert.deepEqual(await instance.unarchiveTemplates(["594425479261596"]), { unarchived_templates: ["594425479261596"] });
  const library = {
    name: "my_delivery_update", language: "en_US", category: "UTILITY", library_template_name: "delivery_update_1",
    library_template_body_inputs: { add_contact_number: true, add_track_package_link: true },
    library_template_button_inputs: [{ type: "URL", url: { base_url: "https://www.example.com/{{1}}", url_suffix_example: "https://www.example.com/order_update" } }],
  };
  assert.equal((await instance.createTemplate(library)).status, "PENDING");
  assert.deepEqual(seen(), [
    ["POST", `/${VERSION}/${WABA_ID}/message_templates/archive`, {}, { hsm_ids: ["594425479261596", "1387372356726668"] }],
    ["POST", `/${VERSION}/${WABA_ID}/message_templates/unarchive`, {}, { hsm_ids: ["594425479261596"] }],
    ["POST", `/${VERSION}/${WABA_ID}/message_templates`, {}, library],
  ]);
  fake.received.splice(0);
  await refused(instance.archiveTemplates(Array(101).fill("1")), "cloud.list_invalid", "");
  await refused(instance.createTemplate({ ...library, library_template_body_inputs: { code_expiration_minutes: 0 } }), "template.library_inputs_invalid", "/library_template_body_inputs/code_expiration_minutes");
  const utility = { name: "order_update", language: "en_US", category: "UTILITY", components: [{ type: "BODY", text: "Your order shipped." }], optimization_spec: { max_price: 1 } };
  const error = await instance.createTemplate(utility).catch((e) => e);
  assert.ok(error.issues.some((i) => i.code === "template.optimization_spec_invalid" && i.path === "/optimization_spec"), JSON.stringify(error.issues));
  assert.equal(fake.received.length, 0);
});
