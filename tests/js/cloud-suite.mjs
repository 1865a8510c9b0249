// CloudApiClient cases written once and run in Node, workerd and Chromium
// against the fake Graph API (tests/js/fake-graph.mjs), which they steer and
// inspect over HTTP (/__fail, /__received, /__reset). No Node APIs here.
import { check, remote } from "./cases.mjs";
export const TOKEN = "EAAGtest0123456789secretTOKEN";
export const PHONE_ID = "106540352242922";
export const WABA_ID = "102290129340398";
/** The fake's one group (Groups API ids are base64, not digits). */
export const GROUP_ID = "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD";

/** The one CloudApiClient fixture: `api`'s client against the fake Graph at `baseUrl`, its waits recorded in `slept` instead of slept (a fake clock); `options` add or override. */
export function cloud(api, baseUrl, options = {}) {
  const slept = [];
  const instance = new api.CloudApiClient({
    accessToken: TOKEN,
    phoneNumberId: PHONE_ID,
    wabaId: WABA_ID,
    baseUrl,
    sleep: async (ms) => void slept.push(ms),
    ...options,
  });
  return { instance, slept };
}
const message = (to = "+14155552671") => ({ messaging_product: "whatsapp", to, type: "text", text: { body: "Your order shipped" } });

export const cloudCases = {
  "sendMessage reaches Meta's path with the token and resolves to its answer": async (api, baseUrl) => {
    const fake = await remote(baseUrl);
    const answer = await cloud(api, baseUrl).instance.sendMessage(message("1 415 555 2671"));
    check(answer.messages?.[0]?.id === "wamid.FAKE", "answer", answer);
    const [call] = await fake.received();
    check(call.method === "POST" && call.path === `/v27.0/${PHONE_ID}/messages`, "path", call);
    check(call.authorization === `Bearer ${TOKEN}` && call.contentType === "application/json", "headers", call);
    check(JSON.parse(call.body).to === "+14155552671", "recipient sent as +E.164", call.body);
  },
  "a message to a business-scoped user id (recipient) is sent as given; a malformed one is refused locally": async (api, baseUrl) => {
    const fake = await remote(baseUrl);
    const { instance } = cloud(api, baseUrl);
    const body = { messaging_product: "whatsapp", recipient: "US.13491208655302741918", type: "text", text: { body: "Hi" } };
    await instance.sendMessage(body);
    const bad = await instance.sendMessage({ ...body, recipient: "13491208655302741918" }).catch((e) => e);
    check(bad.code === "validation_failed" && bad.issues[0].path === "/recipient", "bad BSUID refused", { ...bad });
    const calls = await fake.received();
    check(calls.length === 1 && JSON.parse(calls[0].body).recipient === "US.13491208655302741918" && !("to" in JSON.parse(calls[0].body)), "sent with recipient", calls);
  },
  "sendMessage sends the interactive types Meta added (carousel, contact-info, call-permission and address requests), contacts as a JSON string, and to with recipient": async (api, baseUrl) => {
    const fake = await remote(baseUrl);
    const { instance } = cloud(api, baseUrl);
    const interactive = (body) => ({ messaging_product: "whatsapp", to: "+14155552671", type: "interactive", interactive: body });
    const card = (i) => ({
      card_index: i,
      type: "cta_url",
      header: { type: "image", image: { link: `https://example.com/${i}.jpg` } },
      body: { text: "A rosette-shaped succulent" },
      action: { name: "cta_url", parameters: { display_text: "Shop now", url: `https://example.com/${i}` } },
    });
    const sends = [
      interactive({ type: "carousel", body: { text: "Latest arrivals" }, action: { cards: [card(0), card(1)] } }),
      interactive({ type: "request_contact_info", body: { text: "Please share your phone number." }, action: { name: "request_contact_info" } }),
      interactive({ type: "call_permission_request", body: { text: "May we call you about your order?" }, action: { name: "call_permission_request" } }),
      interactive({ type: "address_message", body: { text: "Where should we deliver?" }, action: { name: "address_message", parameters: { country: "IN" } } }),
      interactive({ type: "cta_url", header: { type: "image", image: { link: "https://example.com/banner.png" } }, body: { text: "See dates" }, action: { name: "cta_url", parameters: { display_text: "See Dates", url: "https://example.com/dates" } } }),
      { messaging_product: "whatsapp", to: "+14155552671", type: "contacts", contacts: JSON.stringify([{ name: { formatted_name: "Ana Ruiz", first_name: "Ana" } }]) },
      { ...message(), recipient: "US.13491208655302741918" },
    ];
    for (const body of sends) {
      const answer = await instance.sendMessage(body).catch((e) => e);
      check(answer.messages?.[0]?.id === "wamid.FAKE", `sent ${body.interactive?.type ?? body.type}`, answer instanceof Error ? { ...answer } : answer);
    }
    const bad = await instance.sendMessage(interactive({ type: "carousel", body: { text: "One card" }, action: { cards: [card(0)] } })).catch((e) => e);
    check(bad.code === "validation_failed" && bad.issues[0].code === "message.carousel_invalid", "a one-card carousel refused", { ...bad });
    check((await fake.received()).length === sends.length, "each valid send reached Meta once");
  },
  "an invalid message rejects with validation_failed and sends nothing": async (api, baseUrl) => {
    const fake = await remote(baseUrl);
    const error = await cloud(api, baseUrl).instance.sendMessage(message("+1 415")).catch((e) => e);
    check(error instanceof Error && error.code === "validation_failed", "code", String(error));
    check((await fake.received()).length === 0, "nothing sent");
  },
  "a redirect is not followed with the token: the call rejects and the target sees nothing": async (api, baseUrl) => {
    const fake = await remote(baseUrl);
    await fake.fail({ status: 302, redirect: `${baseUrl}/steal-the-token` });
    const error = await cloud(api, baseUrl).instance.sendMessage(message()).catch((e) => e);
    // Browsers hide a manual redirect's status (an opaque response): then there is none.
    check(error.code === "invalid_response" && (error.status === 302 || error.status === undefined) && error.retryable === false, "rejected", { ...error, message: error.message });
    const calls = await fake.received();
    check(calls.length === 1 && !calls.some((c) => c.path === "/steal-the-token"), "not followed", calls.map((c) => c.path));
  },
  "the fetch option makes every attempt (retries too) with the request as built: URL, token, JSON body, redirect: manual, a timeout signal": async (api, baseUrl) => {
    const fake = await remote(baseUrl);
    const seen = [];
    const spy = (url, init) => {
      const headers = new Headers(init.headers);
      seen.push({ url, method: init.method, authorization: headers.get("authorization"), contentType: headers.get("content-type"), body: init.body, redirect: init.redirect, signal: init.signal instanceof AbortSignal });
      return fetch(url, init);
    };
    await fake.fail({ status: 429, headers: { "retry-after": "1" }, code: 130429, message: "(#130429) Rate limit hit" });
    const { instance, slept } = cloud(api, baseUrl, { fetch: spy });
    const answer = await instance.sendMessage(message());
    check(answer.messages?.[0]?.id === "wamid.FAKE" && slept[0] === 1000, "answered after one retry", { answer, slept });
    const url = `${baseUrl}/v27.0/${PHONE_ID}/messages`;
    check(seen.length === 2 && seen.every((call) => call.url === url && call.method === "POST" && call.redirect === "manual" && call.signal), "two attempts through the option", seen);
    check(seen.every((call) => call.authorization === `Bearer ${TOKEN}` && call.contentType === "application/json" && JSON.parse(call.body).to === "+14155552671"), "as built", seen);
    check((await fake.received()).length === 2, "both reached the server");
    const canned = cloud(api, baseUrl, { fetch: async () => new Response(JSON.stringify({ data: [{ id: "canned" }] }), { status: 200 }) }).instance;
    const list = await canned.listPhoneNumbers();
    check(list.data?.[0]?.id === "canned" && (await fake.received()).length === 2, "a canned answer, and nothing sent", list);
    const throwing = cloud(api, baseUrl, { fetch: () => { throw new TypeError("no network here"); }, retry: { maxRetries: 0 } }).instance;
    const error = await throwing.listPhoneNumbers().catch((e) => e);
    check(error.code === "network_error" && error.message.includes("no network here"), "a throwing fetch is a network error", { ...error, message: error.message });
    const notResponse = cloud(api, baseUrl, { fetch: async () => ({ status: 200 }), retry: { maxRetries: 0 } }).instance;
    const odd = await notResponse.listPhoneNumbers().catch((e) => e);
    check(odd.code === "network_error", "an answer that is not a Response is a network error", { ...odd, message: odd.message });
  },
  "a 429 with Retry-After waits as told, then succeeds; Meta's error fields survive": async (api, baseUrl) => {
    const fake = await remote(baseUrl);
    await fake.fail({ status: 429, headers: { "retry-after": "2" }, code: 130429, message: "(#130429) Rate limit hit" });
    const { instance, slept } = cloud(api, baseUrl);
    const answer = await instance.sendMessage(message());
    check(answer.messages?.[0]?.id === "wamid.FAKE" && slept[0] === 2000, "retried after 2 s", slept);
    await fake.fail({ status: 400, body: { error: { message: "(#131047) Re-engagement", code: 131047, error_subcode: 2494010, fbtrace_id: "AbC" } } });
    const error = await instance.sendMessage(message()).catch((e) => e);
    check(error.code === "recipient_error" && error.metaCode === 131047 && error.metaSubcode === 2494010 && error.fbtraceId === "AbC", "error", { ...error });
  },
  "uploadMedia sends a Blob as multipart; templates list with filters": async (api, baseUrl) => {
    const fake = await remote(baseUrl);
    const { instance } = cloud(api, baseUrl);
    const uploaded = await instance.uploadMedia(new Blob([new Uint8Array([1, 2, 3])], { type: "image/png" }), { filename: "a.png" });
    check(uploaded.id === "media-3", "upload", uploaded);
    const list = await instance.listTemplates({ limit: 5, name: "order update" });
    check(list.data?.[0]?.name === "order update", "list", list);
    const calls = await fake.received();
    check(calls[0].contentType.startsWith("multipart/form-data; boundary="), "multipart", calls[0]);
    check(calls[1].query.limit === "5", "query", calls[1]);
  },
  "the token appears in no error, even when the server echoes it": async (api, baseUrl) => {
    const fake = await remote(baseUrl);
    await fake.fail({ status: 401, code: 190, message: `Invalid OAuth access token ${TOKEN}` });
    const echoed = await cloud(api, baseUrl).instance.sendMessage(message()).catch((e) => e);
    const unreachable = await cloud(api, "http://127.0.0.1:9").instance.listPhoneNumbers().catch((e) => e);
    check(echoed.code === "auth_failed" && unreachable.code === "network_error", "codes", [echoed.code, unreachable.code]);
    for (const error of [echoed, unreachable]) {
      for (const text of [String(error), error.stack ?? "", JSON.stringify({ ...error })]) check(!text.includes(TOKEN), "token leaked", text);
    }
  },
  "sendMarketingMessage posts to /marketing_messages; routeMarketing routes a MARKETING definition there; the spam limit (131048) says pause_number after one request": async (api, baseUrl) => {
    const fake = await remote(baseUrl);
    const template = { name: "spring_sale", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "Ana" }] }] };
    const definition = { name: "spring_sale", language: "en_US", category: "MARKETING", components: [{ type: "BODY", text: "Hi {{1}}, 20% off everything this week.", example: { body_text: [["Ana"]] } }] };
    const body = { messaging_product: "whatsapp", to: "+14155552671", type: "template", template, message_activity_sharing: true };
    const answer = await cloud(api, baseUrl).instance.sendMarketingMessage(body);
    check(answer.messages?.[0]?.id === "wamid.MM", "answer", answer);
    const routed = cloud(api, baseUrl, { routeMarketing: true }).instance;
    await routed.sendTemplate("+14155552671", template, { definition, bizOpaqueCallbackData: "campaign-42" });
    const refused = await routed.sendMarketingMessage(message()).catch((e) => e);
    check(refused.code === "validation_failed" && refused.issues[0].code === "marketing.not_template", "a text refused", { ...refused });
    await fake.fail({ status: 400, code: 131048, message: "(#131048) Spam rate limit hit" }, { status: 400, code: 131048, message: "again" });
    const spam = await routed.sendMessage(message()).catch((e) => e);
    check(spam.action === "pause_number" && spam.retryable === false && spam.metaCode === 131048, "spam limit", { ...spam });
    const calls = await fake.received();
    check(calls.length === 3 && calls.every((c) => c.authorization === `Bearer ${TOKEN}`), "three requests, one for the spam limit", calls.map((c) => c.path));
    check(calls[0].path === `/v27.0/${PHONE_ID}/marketing_messages` && JSON.stringify(JSON.parse(calls[0].body)) === JSON.stringify(body), "sendMarketingMessage body", calls[0]);
    const expected = { messaging_product: "whatsapp", recipient_type: "individual", to: "+14155552671", type: "template", template, biz_opaque_callback_data: "campaign-42" };
    check(calls[1].path === `/v27.0/${PHONE_ID}/marketing_messages` && JSON.stringify(JSON.parse(calls[1].body)) === JSON.stringify(expected), "routed sendTemplate body", calls[1]);
    check(calls[2].path === `/v27.0/${PHONE_ID}/messages`, "a text to /messages", calls[2]);
  },
  "each endpoint of issue 21 (groups, block list, calling, QR codes, commerce, registration, template archive) reaches Meta's method and path once": async (api, baseUrl) => {
    const fake = await remote(baseUrl);
    const { instance } = cloud(api, baseUrl);
    const calls = [
      ["createGroup", () => instance.createGroup({ subject: "Spring launch", join_approval_mode: "approval_required" }), `POST /v27.0/${PHONE_ID}/groups`],
      ["getGroup", () => instance.getGroup(GROUP_ID, ["subject", "participants"]), `GET /v27.0/${GROUP_ID}`],
      ["listGroups", () => instance.listGroups({ limit: 10 }), `GET /v27.0/${PHONE_ID}/groups`],
      ["updateGroup", () => instance.updateGroup(GROUP_ID, { description: "Early access" }), `POST /v27.0/${GROUP_ID}`],
      ["getGroupInviteLink", () => instance.getGroupInviteLink(GROUP_ID), `GET /v27.0/${GROUP_ID}/invite_link`],
      ["resetGroupInviteLink", () => instance.resetGroupInviteLink(GROUP_ID), `POST /v27.0/${GROUP_ID}/invite_link`],
      ["removeGroupParticipants", () => instance.removeGroupParticipants(GROUP_ID, ["+16505551234"]), `DELETE /v27.0/${GROUP_ID}/participants`],
      ["listGroupJoinRequests", () => instance.listGroupJoinRequests(GROUP_ID), `GET /v27.0/${GROUP_ID}/join_requests`],
      ["approveGroupJoinRequests", () => instance.approveGroupJoinRequests(GROUP_ID, ["MTY0NjcwNDM1OTU6MTIw"]), `POST /v27.0/${GROUP_ID}/join_requests`],
      ["rejectGroupJoinRequests", () => instance.rejectGroupJoinRequests(GROUP_ID, ["MTY0NjcwNDM1OTU6MTIw"]), `DELETE /v27.0/${GROUP_ID}/join_requests`],
      ["deleteGroup", () => instance.deleteGroup(GROUP_ID), `DELETE /v27.0/${GROUP_ID}`],
      ["sendMessage (group)", () => instance.sendMessage({ messaging_product: "whatsapp", recipient_type: "group", to: GROUP_ID, type: "text", text: { body: "Welcome!" } }), `POST /v27.0/${PHONE_ID}/messages`],
      ["blockUsers", () => instance.blockUsers(["+16505551234"]), `POST /v27.0/${PHONE_ID}/block_users`],
      ["unblockUsers", () => instance.unblockUsers(["+16505551234"]), `DELETE /v27.0/${PHONE_ID}/block_users`],
      ["listBlockedUsers", () => instance.listBlockedUsers(), `GET /v27.0/${PHONE_ID}/block_users`],
      ["getCallPermissions", () => instance.getCallPermissions("16505551234"), `GET /v27.0/${PHONE_ID}/call_permissions`],
      ["getCallSettings", () => instance.getCallSettings(), `GET /v27.0/${PHONE_ID}/settings`],
      ["updateCallSettings", () => instance.updateCallSettings({ calling: { status: "ENABLED", callback_permission_status: "ENABLED" } }), `POST /v27.0/${PHONE_ID}/settings`],
      ["createQrCode", () => instance.createQrCode({ prefilled_message: "Hi", generate_qr_image: "PNG" }), `POST /v27.0/${PHONE_ID}/message_qrdls`],
      ["listQrCodes", () => instance.listQrCodes(), `GET /v27.0/${PHONE_ID}/message_qrdls`],
      ["getQrCode", () => instance.getQrCode("4O4YGZEG3RIVE1"), `GET /v27.0/${PHONE_ID}/message_qrdls/4O4YGZEG3RIVE1`],
      ["updateQrCode", () => instance.updateQrCode("4O4YGZEG3RIVE1", { prefilled_message: "Hello" }), `POST /v27.0/${PHONE_ID}/message_qrdls`],
      ["deleteQrCode", () => instance.deleteQrCode("4O4YGZEG3RIVE1"), `DELETE /v27.0/${PHONE_ID}/message_qrdls/4O4YGZEG3RIVE1`],
      ["getCommerceSettings", () => instance.getCommerceSettings(), `GET /v27.0/${PHONE_ID}/whatsapp_commerce_settings`],
      ["updateCommerceSettings", () => instance.updateCommerceSettings({ is_cart_enabled: true }), `POST /v27.0/${PHONE_ID}/whatsapp_commerce_settings`],
      ["registerPhoneNumber", () => instance.registerPhoneNumber("123456"), `POST /v27.0/${PHONE_ID}/register`],
      ["deregisterPhoneNumber", () => instance.deregisterPhoneNumber(), `POST /v27.0/${PHONE_ID}/deregister`],
      ["requestVerificationCode", () => instance.requestVerificationCode("SMS", "en_US"), `POST /v27.0/${PHONE_ID}/request_code`],
      ["verifyCode", () => instance.verifyCode("123456"), `POST /v27.0/${PHONE_ID}/verify_code`],
      ["setTwoStepPin", () => instance.setTwoStepPin("654321"), `POST /v27.0/${PHONE_ID}`],
      ["archiveTemplates", () => instance.archiveTemplates(["594425479261596"]), `POST /v27.0/${WABA_ID}/message_templates/archive`],
      ["unarchiveTemplates", () => instance.unarchiveTemplates(["594425479261596"]), `POST /v27.0/${WABA_ID}/message_templates/unarchive`],
    ];
    for (const [name, call] of calls) {
      const answer = await call().catch((e) => e);
      check(answer && typeof answer === "object" && !(answer instanceof Error), name, answer instanceof Error ? { ...answer, message: answer.message } : answer);
    }
    const seen = (await fake.received()).map((c) => `${c.method} ${c.path}`);
    check(JSON.stringify(seen) === JSON.stringify(calls.map(([, , expected]) => expected)), "requests", { seen });
    const refused = await instance.createGroup({ subject: "x".repeat(129) }).catch((e) => e);
    check(refused.code === "validation_failed" && refused.issues[0].code === "cloud.text_too_long" && refused.issues[0].path === "/subject", "checked locally", { ...refused });
    check((await fake.received()).length === calls.length, "nothing sent for the refused call");
  },
  "a broadcast plan's chunk is sent with its keys as biz_opaque_callback_data, and each answer or error is classified (130429: slow_down)": async (api, baseUrl) => {
    const fake = await remote(baseUrl);
    const definition = { name: "order_update", language: "en_US", category: "UTILITY", components: [{ type: "BODY", text: "Order {{1}} shipped", example: { body_text: [["42"]] } }] };
    const send = { name: "order_update", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "42" }] }] };
    const plan = api.planBroadcast({ campaignId: "c-7", phoneNumberId: PHONE_ID, definition, send, recipients: ["+1 (415) 555-2671", "14155552671", "+1 415 555 2672", "not a number"] });
    check(JSON.stringify(plan.summary) === JSON.stringify({ rows: 4, accepted: 2, rejected: 1, duplicates: 1 }), "summary", plan.summary);
    check(plan.rejected[0].row === 3 && plan.rejected[0].issues[0].path === "/recipients/3", "rejected row", plan.rejected);
    const [chunk] = plan.chunks;
    check(plan.chunks.length === 1 && chunk.campaignId === "c-7" && chunk.recipients.map((r) => r.key).join() === "c-7:14155552671,c-7:14155552672", "chunk", chunk);
    await fake.fail({ status: 400, code: 130429, message: "(#130429) Rate limit hit" });
    const client = cloud(api, baseUrl, { retry: { maxRetries: 0 } }).instance;
    const outcomes = [];
    for (const { to, send: frozen, key } of chunk.recipients) {
      outcomes.push(await client.sendTemplate(to, frozen, { definition, bizOpaqueCallbackData: key }).then(api.classifySendOutcome, api.classifySendOutcome));
    }
    check(outcomes[0].class === "rejected" && outcomes[0].action === "slow_down" && outcomes[0].metaCode === 130429, "throttled", outcomes[0]);
    check(outcomes[1].class === "accepted" && outcomes[1].wamid === "wamid.FAKE", "accepted", outcomes[1]);
    const calls = await fake.received();
    check(calls.length === 2 && calls.every((call, i) => JSON.parse(call.body).biz_opaque_callback_data === chunk.recipients[i].key), "keys sent", calls.map((c) => c.body));
  },
  "every method reaches the path, method and content type Meta documents": async (api, baseUrl) => {
    const fake = await remote(baseUrl);
    const { instance } = cloud(api, baseUrl);
    const flowJson = { version: "7.3", screens: [{ id: "THANKS", terminal: true, layout: { type: "SingleColumnLayout", children: [{ type: "TextBody", text: "Thanks!" }, { type: "Footer", label: "Done", "on-click-action": { name: "complete", payload: {} } }] } }] };
    const template = { name: "order_update", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "Ana" }, { type: "text", text: "A12" }] }] };
    const definition = { name: "order_update", language: "en_US", category: "UTILITY", components: [{ type: "BODY", text: "Hi {{1}}, your order {{2}} has shipped.", example: { body_text: [["Ana", "A12"]] } }] };
    const range = { start: 1761955200, end: 1762041600 };
    const media = await instance.downloadMedia("1234");
    check(media.data instanceof Uint8Array && media.data.length === media.fileSize, "download", media);
    const calls = [
      () => instance.sendMessage(message()),
      () => instance.sendTemplate("14155552671", template, { definition }),
      () => instance.markAsRead("wamid.ABC", { typing: true }),
      () => instance.listTemplates({ limit: 5 }),
      () => instance.getTemplate("594425479261596"),
      () => instance.createTemplate(definition),
      () => instance.editTemplate("594425479261596", { components: definition.components }),
      () => instance.deleteTemplate("order_update", "594425479261596"),
      () => instance.uploadMedia(new Uint8Array([1, 2, 3]), { type: "image/png" }),
      () => instance.getMedia("1234"),
      () => instance.deleteMedia("1234"),
      () => instance.createFlow({ name: "survey", categories: ["SURVEY"], flow_json: flowJson }),
      () => instance.listFlows(),
      () => instance.getFlow("1234567890"),
      () => instance.updateFlow("1234567890", { name: "survey 2" }),
      () => instance.uploadFlowJson("1234567890", flowJson),
      () => instance.publishFlow("1234567890"),
      () => instance.deprecateFlow("1234567890"),
      () => instance.deleteFlow("1234567890"),
      () => instance.getFlowPreviewUrl("1234567890", { invalidate: true }),
      () => instance.listPhoneNumbers(),
      () => instance.getPhoneNumber(),
      () => instance.getBusinessProfile(),
      () => instance.updateBusinessProfile({ about: "We sell plants" }),
      () => instance.getEncryptionKey(),
      () => instance.setEncryptionKey("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n-----END PUBLIC KEY-----"),
      () => instance.getConversationAnalytics({ ...range, granularity: "DAILY" }),
      () => instance.getTemplateAnalytics({ ...range, templateIds: ["594425479261596"] }),
      () => instance.getPricingAnalytics({ ...range, granularity: "DAILY", metricTypes: ["COST"] }),
    ];
    for (const call of calls) {
      const answer = await call();
      check(answer && typeof answer === "object", "answer", String(call));
    }
    const v = "/v27.0";
    const expected = [
      `GET ${v}/1234`, "GET /media-files/1234",
      `POST ${v}/${PHONE_ID}/messages json`, `POST ${v}/${PHONE_ID}/messages json`, `POST ${v}/${PHONE_ID}/messages json`,
      `GET ${v}/${WABA_ID}/message_templates`, `GET ${v}/594425479261596`, `POST ${v}/${WABA_ID}/message_templates json`,
      `POST ${v}/594425479261596 json`, `DELETE ${v}/${WABA_ID}/message_templates`,
      `POST ${v}/${PHONE_ID}/media multipart`, `GET ${v}/1234`, `DELETE ${v}/1234`,
      `POST ${v}/${WABA_ID}/flows json`, `GET ${v}/${WABA_ID}/flows`, `GET ${v}/1234567890`, `POST ${v}/1234567890 json`,
      `POST ${v}/1234567890/assets multipart`, `POST ${v}/1234567890/publish`, `POST ${v}/1234567890/deprecate`,
      `DELETE ${v}/1234567890`, `GET ${v}/1234567890`,
      `GET ${v}/${WABA_ID}/phone_numbers`, `GET ${v}/${PHONE_ID}`, `GET ${v}/${PHONE_ID}/whatsapp_business_profile`,
      `POST ${v}/${PHONE_ID}/whatsapp_business_profile json`, `GET ${v}/${PHONE_ID}/whatsapp_business_encryption`,
      `POST ${v}/${PHONE_ID}/whatsapp_business_encryption multipart`,
      `GET ${v}/${WABA_ID}`, `GET ${v}/${WABA_ID}/template_analytics`, `GET ${v}/${WABA_ID}`,
    ];
    const kind = (type) => (!type ? "" : type === "application/json" ? " json" : type.startsWith("multipart/form-data; boundary=") ? " multipart" : ` ${type}`);
    const seen = (await fake.received()).map((c) => `${c.method} ${c.path}${kind(c.contentType)}`);
    check(JSON.stringify(seen) === JSON.stringify(expected), "requests", { seen, expected });
    check((await fake.received()).every((c) => c.authorization === `Bearer ${TOKEN}`), "every request carries the token");
  },
};
