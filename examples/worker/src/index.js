// WhatsApp webhooks and a Flow data endpoint on one Worker:
//   GET  /webhook  subscription handshake (hub.challenge)
//   POST /webhook  signed webhook events (401 when the signature is wrong, 413 over 4 MiB)
//   POST /flow     the Flow data endpoint (encrypted; 413/421/427/432 as Meta expects)
import {
  createFlowEndpoint,
  flowTokenExpired,
  parseWebhook,
  readBody,
  verifyWebhookSignature,
  wasmMemoryBytes,
  webhookChallenge,
} from "whatsapp-edge";

// Bodies are capped before anything reads them whole: WebAssembly memory never
// shrinks, and one huge POST would otherwise take the isolate's 128 MB.
// Webhooks: Meta batches up to 1,000 updates in one POST (past 1 MiB at times),
// and a refused webhook is lost data, so 4 MiB. The Flow endpoint: one screen
// of user input, so 1 MiB. (Both are the package's defaults, written out.)
const WEBHOOK_MAX_BYTES = 4 * 1024 * 1024;
const FLOW_MAX_BYTES = 1024 * 1024;

// The Flow this endpoint serves: answers are checked against its screens.
const FLOW = {
  version: "6.0",
  data_api_version: "3.0",
  routing_model: { APPOINTMENT: ["CONFIRM"], CONFIRM: [] },
  screens: [
    { id: "APPOINTMENT", data: { slots: { type: "array", items: { type: "object", properties: { id: { type: "string" }, title: { type: "string" } } }, __example__: [] } }, layout: { type: "SingleColumnLayout", children: [] } },
    { id: "CONFIRM", terminal: true, data: { slot: { type: "string", __example__: "9:00" } }, layout: { type: "SingleColumnLayout", children: [] } },
  ],
};

async function handleFlow(request) {
  if (request.flow_token === "expired") throw flowTokenExpired("This booking link has expired.");
  if (request.action === "INIT") {
    return { screen: "APPOINTMENT", data: { slots: [{ id: "9", title: "9:00" }, { id: "10", title: "10:00" }] } };
  }
  if (request.action === "data_exchange" && request.screen === "APPOINTMENT") {
    return { screen: "CONFIRM", data: { slot: String(request.data?.slot ?? "") } };
  }
  return { screen: "SUCCESS", data: { extension_message_response: { params: { flow_token: request.flow_token } } } };
}

// Created on the first request: secrets live in `env`, which top-level code cannot read.
let flowEndpoint;
// Requests this isolate has served: module state, so a restarted isolate starts again at 0.
let served = 0;

export default {
  async fetch(request, env, ctx) {
    const { pathname } = new URL(request.url);
    // Diagnostics for tests and soak runs, only when the STATS binding is set
    // (tests/js set it; wrangler.toml does not).
    if (pathname === "/__stats" && env.STATS === "on") {
      return Response.json({ served, wasmMemoryBytes: wasmMemoryBytes() });
    }
    served++;
    if (pathname === "/webhook" && request.method === "GET") {
      // Only a plain token is echoed (else null), and as text: never as HTML.
      const challenge = webhookChallenge(request, env.VERIFY_TOKEN);
      if (challenge === null) return new Response("forbidden", { status: 403 });
      return new Response(challenge, { headers: { "content-type": "text/plain; charset=utf-8" } });
    }
    if (pathname === "/webhook" && request.method === "POST") {
      // The bytes as received (re-serialised JSON would not match), read with a cap.
      let body;
      try {
        body = await readBody(request, { maxBodyBytes: WEBHOOK_MAX_BYTES });
      } catch (error) {
        if (error.code === "body_too_large") return new Response("too large", { status: 413 });
        throw error;
      }
      if (!(await verifyWebhookSignature(body, request.headers.get("x-hub-signature-256"), env.APP_SECRET))) {
        return new Response("bad signature", { status: 401 });
      }
      const { events, issues } = parseWebhook(body);
      // Answer Meta at once; handle the events after the response.
      ctx.waitUntil(Promise.resolve(handleEvents(events, issues)));
      return Response.json({ received: events.map((event) => event.type) });
    }
    if (pathname === "/flow") {
      flowEndpoint ??= createFlowEndpoint({
        privateKey: env.FLOW_PRIVATE_KEY,
        passphrase: env.FLOW_KEY_PASSPHRASE || undefined,
        appSecret: env.APP_SECRET,
        maxBodyBytes: FLOW_MAX_BYTES,
        flow: FLOW,
        handler: handleFlow,
        onErrorNotification: (request) => console.warn("Flow error", request.data?.error),
      });
      return flowEndpoint(request);
    }
    return new Response("not found", { status: 404 });
  },
};

function handleEvents(events, issues) {
  for (const event of events) {
    // A user with a username has no phone number in webhooks: key users by BSUID.
    if (event.type === "message" && event.flowResponse) console.log("Flow completed", event.fromUserId ?? event.from, event.flowResponse);
    // held_for_quality_assessment is not a failure: a dropped message comes back as "failed".
    else if (event.type === "status" && event.failed) console.warn("delivery failed", event.id, event.errors);
  }
  if (issues.length > 0) console.warn("webhook issues", issues);
}
