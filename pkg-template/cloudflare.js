// whatsapp-edge/cloudflare: broadcasts on Cloudflare Queues and Durable
// Objects (BROADCAST.md §4). Queues carry the chunks (at least once, retries,
// a dead-letter queue); one BroadcastSender Durable Object per business phone
// number paces the sends and keeps the ledger. The decisions — when a send
// may go, what a state becomes after an event, what an outcome means — are
// the Rust core's (BroadcastPacer, applyRecipientEvent,
// recipientEventAfterSend, classifySendOutcome); this file moves data between
// them, SQLite, the queue and Graph. Runs only in workerd.
import { CloudApiClient, classifySendOutcome, parseWebhook, readBody, verifyWebhookSignature } from "./workerd.js";

// The Durable Object lives in its own file (cloudflare-sender.js).
export { BroadcastSender } from "./cloudflare-sender.js";

// Cloudflare's limits (developers.cloudflare.com/queues/platform/limits/):
// sendBatch takes at most 100 messages and 256 KB (1 KB = 1,000 bytes), and
// each message carries ~100 bytes of metadata that counts.
const BATCH_MESSAGES = 100;
const BATCH_BYTES = 256_000;
const MESSAGE_OVERHEAD = 100;
const encoder = new TextEncoder();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Options given as an object, or as a function of `env` (bindings live there). */
const resolve = (options, env) => (typeof options === "function" ? options(env) : options) ?? {};

/** The BroadcastSender of a phone number: one object per number, by name. */
function senderOf(namespace, phoneNumberId) {
  if (!namespace?.idFromName) throw new TypeError("whatsapp-edge/cloudflare: sender must be the BroadcastSender Durable Object namespace");
  return namespace.get(namespace.idFromName(String(phoneNumberId)));
}

/**
 * Sends chunks to a queue with `sendBatch`: at most 100 messages and 256 KB
 * per call, every call awaited, "Too Many Requests" backed off and retried.
 */
export async function enqueueBroadcast(queue, chunks, options = {}) {
  if (!queue?.sendBatch) throw new TypeError("enqueueBroadcast: queue must be a Queue binding");
  const { delaySeconds, maxAttempts = 8, baseDelayMs = 250 } = options;
  const counts = { messages: 0, batches: 0, bytes: 0, retries: 0 };
  let batch = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    for (let attempt = 1; ; attempt++) {
      try {
        await queue.sendBatch(batch);
        break;
      } catch (error) {
        // 5,000 messages/s per queue: past it, send and sendBatch throw this.
        if (!/too many requests/i.test(String(error?.message ?? error)) || attempt >= maxAttempts) throw error;
        counts.retries++;
        await sleep(baseDelayMs * 2 ** (attempt - 1));
      }
    }
    counts.batches++;
    counts.messages += batch.length;
    batch = [];
    bytes = 0;
  };
  for (const chunk of chunks) {
    const size = encoder.encode(JSON.stringify(chunk)).length + MESSAGE_OVERHEAD;
    if (batch.length === BATCH_MESSAGES || (batch.length > 0 && bytes + size > BATCH_BYTES)) await flush();
    batch.push(delaySeconds === undefined ? { body: chunk } : { body: chunk, delaySeconds });
    bytes += size;
    counts.bytes += size;
  }
  await flush();
  return counts;
}

/**
 * Records a plan in its number's BroadcastSender: every row, so the report
 * accounts for all of them from the start. In slices, to keep each RPC small.
 */
export async function registerBroadcast(sender, plan, { campaignId, phoneNumberId, deadlineMs } = {}) {
  if (!campaignId || !phoneNumberId) throw new TypeError("registerBroadcast: campaignId and phoneNumberId are required");
  const stub = senderOf(sender, phoneNumberId);
  const recipients = plan.chunks.flatMap((chunk) => chunk.recipients.map(({ key, row }) => ({ key, row })));
  const rejected = plan.rejected.map(({ row, issues }) => ({ row, reason: issues?.[0]?.code }));
  const duplicates = (plan.duplicates ?? []).map(({ row, firstRow }) => ({ row, firstRow }));
  const SLICE = 5_000;
  await stub.register(campaignId, { rows: plan.summary.rows, rejected, duplicates, deadlineMs });
  for (let start = 0; start < recipients.length; start += SLICE) {
    await stub.register(campaignId, { recipients: recipients.slice(start, start + SLICE) });
  }
}

/**
 * The queue() handler of a broadcast: per chunk, claims time slots from the
 * number's BroadcastSender, sends at those times (at most `maxInFlight`
 * requests at once per invocation, client retries off), reports each
 * outcome, re-enqueues what is left with a delay and acks the original.
 */
export function createBroadcastConsumer(options) {
  return async function queue(batch, env, ctx) {
    const settings = consumerSettings(resolve(options, env));
    if (settings.isDeadLetterQueue(batch.queue)) return deadLetters(batch, settings);
    const limit = limiter(settings.maxInFlight);
    const stopped = new Map(); // number -> when it was last throttled or halted in this invocation
    await Promise.all(
      batch.messages.map((message) =>
        consumeChunk(message, settings, limit, stopped).then(
          () => message.ack(),
          // A real failure (the object unreachable, a bug): the queue retries it.
          (error) => {
            console.error("whatsapp-edge/cloudflare: chunk failed", String(error?.message ?? error));
            message.retry();
          },
        ),
      ),
    );
  };
}

function consumerSettings(options) {
  const { sender, client, clientOptions, results, queue, maxInFlight = 6, horizonSeconds = 30, onAmbiguous = "reconcile", lateMs = 100, deadLetterQueue } = options;
  if (!sender) throw new TypeError("createBroadcastConsumer: sender (the BroadcastSender namespace) is required");
  if (!client && !clientOptions) throw new TypeError("createBroadcastConsumer: client or clientOptions is required");
  if (onAmbiguous !== "reconcile" && onAmbiguous !== "resend") throw new TypeError('createBroadcastConsumer: onAmbiguous must be "reconcile" or "resend"');
  const timeoutMs = clientOptions?.timeoutMs ?? 30_000;
  const clients = new Map();
  const clientFor = (phoneNumberId) => {
    if (typeof client === "function") return client(phoneNumberId);
    if (client) return client;
    let made = clients.get(phoneNumberId);
    // The pacer owns backoff: the client never sleeps and retries on its own.
    if (!made) clients.set(phoneNumberId, (made = new CloudApiClient({ ...clientOptions, phoneNumberId, retry: { maxRetries: 0 } })));
    return made;
  };
  return {
    sender,
    clientFor,
    results,
    queue,
    maxInFlight: Math.max(1, maxInFlight),
    horizonMs: horizonSeconds * 1000,
    resendUnknown: onAmbiguous === "resend",
    lateMs,
    // Past the client's timeout (and a margin), an unanswered send is unknown.
    sendLeaseMs: timeoutMs + 10_000,
    isDeadLetterQueue: (name) => (deadLetterQueue ? name === deadLetterQueue : /-dlq$/.test(name)),
  };
}

/**
 * At most `size` tasks at once; waiting tasks start in the order of their
 * slot (`at`), so a late slot of one chunk never jumps an earlier one.
 */
function limiter(size) {
  let running = 0;
  const waiting = [];
  return async (at, task) => {
    if (running >= size) {
      await new Promise((resolve) => {
        let index = waiting.length;
        while (index > 0 && waiting[index - 1].at > at) index--;
        waiting.splice(index, 0, { at, resolve });
      });
    }
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.resolve();
    }
  };
}

async function deadLetters(batch, { sender }) {
  for (const message of batch.messages) {
    const { campaignId, phoneNumberId, recipients = [] } = message.body ?? {};
    if (campaignId && phoneNumberId) {
      await senderOf(sender, phoneNumberId).deadLetter(campaignId, recipients.map(({ key, row }) => ({ key, row })));
    }
    message.ack();
  }
}

// Leftovers due within this long are claimed again in the same invocation
// (a queue round trip costs the delay plus the batch timeout); later ones go
// back to the queue. At most this many rounds per chunk and invocation.
const STAY_MS = 5_000;
const ROUNDS = 8;
const STOPPING = ["slow_down", "retry_after", "pause_number", "refresh_token"];

async function consumeChunk(message, settings, limit, stopped) {
  const chunk = message.body;
  const { campaignId, phoneNumberId } = chunk;
  const sender = senderOf(settings.sender, phoneNumberId);
  const byKey = new Map(chunk.recipients.map((recipient) => [recipient.key, recipient]));
  const client = settings.clientFor(phoneNumberId);
  const outcomes = [];
  let flushing = Promise.resolve();
  const flush = () => {
    const entries = outcomes.splice(0);
    if (entries.length === 0) return flushing;
    flushing = flushing.then(async () => {
      await sender.complete(campaignId, entries);
      await settings.results?.write?.(entries.map(({ key, outcome }) => ({ campaignId, phoneNumberId, key, row: byKey.get(key)?.row, outcome })));
    });
    return flushing;
  };
  let keys = [...byKey.keys()];
  for (let round = 1; ; round++) {
    const claimedAt = Date.now();
    const claim = await sender.claim(campaignId, keys.map((key) => ({ key, row: byKey.get(key).row })), {
      horizonMs: settings.horizonMs,
      lateMs: settings.lateMs,
      resendUnknown: settings.resendUnknown,
    });
    if (claim.done) return;
    const released = [];
    await Promise.all(
      claim.granted.map(async ({ key, at }) => {
        await sleep(at - Date.now());
        return limit(at, async () => {
          // Granted before the number was throttled or halted: given back.
          if ((stopped.get(phoneNumberId) ?? -1) >= claimedAt) return released.push(key);
          const recipient = byKey.get(key);
          // Written before the request leaves: a lease that never began is claimed again.
          if (!(await sender.begin(campaignId, key, Date.now() + settings.sendLeaseMs))) return;
          const outcome = await client.sendTemplate(recipient.to, recipient.send, { bizOpaqueCallbackData: key }).then(classifySendOutcome, classifySendOutcome);
          outcomes.push({ key, outcome });
          if (outcome.class === "rejected" && STOPPING.includes(outcome.action)) {
            // The pacer must hear it now; the slots granted at the old rate are given back.
            stopped.set(phoneNumberId, Date.now());
            await flush();
          } else if (outcomes.length >= 16) {
            await flush();
          }
        });
      }),
    );
    await flush();
    if (released.length > 0) await sender.release(campaignId, released);
    // What is still to send (deferred, released, another consumer's lease).
    const left = await sender.open(campaignId, keys);
    if (left.keys.length === 0) return;
    // Not before the pacer said (a full horizon) nor what the ledger says.
    const wakeAt = Math.max(left.wakeAt, claim.retryAt ?? 0, claim.halted ? Date.now() + 60_000 : 0);
    keys = left.keys;
    if (round < ROUNDS && wakeAt - Date.now() <= STAY_MS) {
      await sleep(wakeAt - Date.now());
      continue;
    }
    // Later: a new message, delayed, so pacing spends none of the message's retries.
    const rest = { ...chunk, recipients: keys.map((key) => byKey.get(key)) };
    const delaySeconds = Math.min(86_400, Math.max(0, Math.ceil((wakeAt - Date.now()) / 1000)));
    if (settings.queue) await settings.queue.send(rest, { delaySeconds });
    else message.retry({ delaySeconds });
    return;
  }
}

/**
 * A webhook route: verifies the signature, parses, and applies the status
 * updates that carry a broadcast key to their numbers' BroadcastSender.
 */
export function createStatusIngest(options) {
  return async function ingest(request, env) {
    const { appSecret, appSecrets, sender, maxBodyBytes = 4 * 1024 * 1024 } = resolve(options, env);
    const secrets = appSecrets ?? appSecret;
    if (!secrets || !sender) throw new TypeError("createStatusIngest: appSecret(s) and sender are required");
    if (request.method !== "POST") return new Response("method not allowed", { status: 405 });
    let body;
    try {
      body = await readBody(request, { maxBodyBytes });
    } catch (error) {
      if (error?.code === "body_too_large") return new Response("too large", { status: 413 });
      throw error;
    }
    if (!(await verifyWebhookSignature(body, request.headers.get("x-hub-signature-256"), secrets))) {
      return new Response("bad signature", { status: 401 });
    }
    const byNumber = new Map();
    let ignored = 0;
    for (const event of parseWebhook(body).events) {
      if (event.type !== "status") continue;
      if (!event.bizOpaqueCallbackData || !event.phoneNumberId || !event.status) {
        ignored++;
        continue;
      }
      const list = byNumber.get(event.phoneNumberId) ?? [];
      list.push({ key: event.bizOpaqueCallbackData, status: event.status, code: event.errors?.[0]?.code, wamid: event.id });
      byNumber.set(event.phoneNumberId, list);
    }
    // Applied before answering: if this fails, Meta retries the webhook.
    const applied = await Promise.all([...byNumber].map(([number, statuses]) => senderOf(sender, number).applyStatuses(statuses)));
    return Response.json({ applied: applied.reduce((sum, n) => sum + n.applied, 0), ignored: ignored + applied.reduce((sum, n) => sum + n.ignored, 0) });
  };
}
