// A broadcast ("campaign") Worker on Cloudflare Queues and a Durable Object
// per phone number (whatsapp-edge/cloudflare):
//   POST /campaigns            JSON { campaignId, definition, send, recipients,
//                              phoneNumberId?, defaultCountry? }: planned,
//                              registered, enqueued; answers the plan's summary
//   GET  /campaigns/:id        the report (?phoneNumberId=, &rows=1 for every row)
//   POST /numbers/:id/ceiling  JSON { ceiling, sharePercent? }: the number's throughput
//   POST /webhook              signed status webhooks (by biz_opaque_callback_data)
//   GET  /webhook              Meta's subscription check (VERIFY_TOKEN)
// The campaign and number routes need `Authorization: Bearer <ADMIN_TOKEN>`:
// without it anyone who finds the URL could message your customers.
// env: WHATSAPP_TOKEN, PHONE_NUMBER_ID, APP_SECRET, GRAPH_BASE_URL,
// ADMIN_TOKEN, VERIFY_TOKEN; optional SEND_TIMEOUT_MS (default 30,000): 10 s
// past it, an unanswered send is unknown.
import { planBroadcast, webhookChallenge } from "whatsapp-edge";
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

/**
 * Whether the request carries the admin token. Compared as SHA-256 digests
 * with workerd's timingSafeEqual: no early exit that times the token, and an
 * unset ADMIN_TOKEN (or one under 16 characters) opens nothing.
 */
async function authorized(request, env) {
  const expected = env.ADMIN_TOKEN ?? "";
  const header = request.headers.get("authorization") ?? "";
  if (expected.length < 16 || !header.startsWith("Bearer ")) return false;
  const given = header.slice("Bearer ".length);
  const digest = async (text) => crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return crypto.subtle.timingSafeEqual(await digest(given), await digest(expected));
}

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
    if (url.pathname === "/webhook" && request.method === "GET") {
      // Only a plain token is echoed (else null), and as text.
      const challenge = webhookChallenge(request, env.VERIFY_TOKEN);
      if (challenge === null) return new Response("forbidden", { status: 403 });
      return new Response(challenge, { headers: { "content-type": "text/plain; charset=utf-8" } });
    }
    if (url.pathname === "/webhook") return ingest(request, env);
    if (!(await authorized(request, env))) return Response.json({ error: "unauthorized" }, { status: 401 });
    if (request.method === "POST" && url.pathname === "/campaigns") return createCampaign(request, env);
    if (request.method === "GET" && parts[0] === "campaigns" && parts.length === 2) {
      const phoneNumberId = url.searchParams.get("phoneNumberId") ?? env.PHONE_NUMBER_ID;
      const report = await senderOf(env, phoneNumberId).report(decodeURIComponent(parts[1]), { rows: url.searchParams.get("rows") === "1" });
      return Response.json(report);
    }
    if (request.method === "POST" && parts[0] === "numbers" && parts[2] === "ceiling" && parts.length === 3) {
      const { ceiling, sharePercent } = await request.json().catch(() => ({}));
      if (!Number.isInteger(ceiling) || ceiling < 1 || ceiling > 1000) {
        return Response.json({ error: "ceiling is a whole number of messages per second, 1 to 1000" }, { status: 400 });
      }
      return Response.json(await senderOf(env, decodeURIComponent(parts[1])).setCeiling(ceiling, sharePercent));
    }
    return new Response("not found", { status: 404 });
  },
  queue: consume,
};
