// A broadcast ("campaign") Worker on Cloudflare Queues and a Durable Object
// per phone number (whatsapp-edge/cloudflare):
//   POST /campaigns            JSON { campaignId, definition, send, recipients,
//                              phoneNumberId?, defaultCountry? }: planned,
//                              registered, enqueued; answers the plan's summary
//   GET  /campaigns/:id        the report (?phoneNumberId=, &rows=1 for every row)
//   POST /numbers/:id/ceiling  JSON { ceiling, sharePercent? }: the number's throughput
//   POST /webhook              signed status webhooks (by biz_opaque_callback_data)
// env: WHATSAPP_TOKEN, PHONE_NUMBER_ID, APP_SECRET, GRAPH_BASE_URL; optional
// SEND_TIMEOUT_MS (default 30,000): 10 s past it, an unanswered send is unknown.
import { planBroadcast } from "whatsapp-edge";
import {
  BroadcastSender,
  createBroadcastConsumer,
  createStatusIngest,
  enqueueBroadcast,
  registerBroadcast,
} from "whatsapp-edge/cloudflare";

export { BroadcastSender };

const consume = createBroadcastConsumer((env) => ({
  sender: env.BROADCAST_SENDER,
  // Leftovers go back as new delayed messages: pacing spends no retries.
  queue: env.BROADCAST,
  clientOptions: { accessToken: env.WHATSAPP_TOKEN, baseUrl: env.GRAPH_BASE_URL || undefined, timeoutMs: Number(env.SEND_TIMEOUT_MS) || undefined },
  deadLetterQueue: "broadcast-dlq",
}));

const ingest = createStatusIngest((env) => ({ appSecret: env.APP_SECRET, sender: env.BROADCAST_SENDER }));

const senderOf = (env, phoneNumberId) => env.BROADCAST_SENDER.get(env.BROADCAST_SENDER.idFromName(phoneNumberId));

async function createCampaign(request, env) {
  let input;
  try {
    input = await request.json();
  } catch {
    return Response.json({ error: "the body must be JSON" }, { status: 400 });
  }
  const { campaignId, definition, send, recipients, defaultCountry } = input ?? {};
  const phoneNumberId = input?.phoneNumberId ?? env.PHONE_NUMBER_ID;
  let plan;
  try {
    plan = planBroadcast({ campaignId, phoneNumberId, definition, send, recipients, ...(defaultCountry ? { defaultCountry } : {}) });
  } catch (error) {
    // Misuse (no campaignId, a definition that is not JSON…): the message names it, never a secret.
    return Response.json({ error: error.message, code: error.code }, { status: 400 });
  }
  // Every row is in the ledger before any chunk is on the queue, so the
  // report accounts for all of them; both steps are idempotent, so a
  // producer re-run after a crash sends nobody twice.
  await registerBroadcast(env.BROADCAST_SENDER, plan, { campaignId, phoneNumberId });
  const enqueued = await enqueueBroadcast(env.BROADCAST, plan.chunks);
  return Response.json({ campaignId, phoneNumberId, summary: plan.summary, enqueued }, { status: 202 });
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const parts = url.pathname.split("/").filter(Boolean);
    if (request.method === "POST" && url.pathname === "/campaigns") return createCampaign(request, env);
    if (request.method === "GET" && parts[0] === "campaigns" && parts.length === 2) {
      const phoneNumberId = url.searchParams.get("phoneNumberId") ?? env.PHONE_NUMBER_ID;
      const report = await senderOf(env, phoneNumberId).report(decodeURIComponent(parts[1]), { rows: url.searchParams.get("rows") === "1" });
      return Response.json(report);
    }
    if (request.method === "POST" && parts[0] === "numbers" && parts[2] === "ceiling" && parts.length === 3) {
      const { ceiling, sharePercent } = await request.json();
      return Response.json(await senderOf(env, decodeURIComponent(parts[1])).setCeiling(ceiling, sharePercent));
    }
    if (url.pathname === "/webhook") return ingest(request, env);
    return new Response("not found", { status: 404 });
  },
  queue: consume,
};
