// whatsapp-edge/cloudflare: broadcasts on Cloudflare Queues and Durable
// Objects (BROADCAST.md §4). Queues carry the chunks (at least once, retries,
// a dead-letter queue); one BroadcastSender Durable Object per business phone
// number paces the sends and keeps the ledger. The decisions — when a send
// may go, what a state becomes after an event, what an outcome means — are
// the Rust core's (BroadcastPacer, applyRecipientEvent,
// recipientEventAfterSend, classifySendOutcome); this file moves data between
// them, SQLite, the queue and Graph. Runs only in workerd.
import { DurableObject } from "cloudflare:workers";
import {
  BroadcastPacer,
  CloudApiClient,
  applyRecipientEvent,
  classifySendOutcome,
  parseWebhook,
  readBody,
  recipientEventAfterSend,
  verifyWebhookSignature,
} from "./workerd.js";

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

/** `<campaignId>:<recipient>`: the campaign is everything before the last colon. */
const campaignOf = (key) => key.slice(0, Math.max(0, key.lastIndexOf(":")));

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

// --- The Durable Object ----------------------------------------------------

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS campaigns (id TEXT PRIMARY KEY, rows INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL DEFAULT 'active', created_ms INTEGER NOT NULL, deadline_ms INTEGER);
CREATE TABLE IF NOT EXISTS recipients (campaign TEXT NOT NULL, key TEXT NOT NULL, row INTEGER, state TEXT NOT NULL, until INTEGER, held INTEGER, code INTEGER, wamid TEXT, attempts INTEGER NOT NULL DEFAULT 0, updated_ms INTEGER NOT NULL, PRIMARY KEY (campaign, key));
CREATE INDEX IF NOT EXISTS recipients_leases ON recipients (state, until);
CREATE TABLE IF NOT EXISTS planned_rows (campaign TEXT NOT NULL, row INTEGER NOT NULL, kind TEXT NOT NULL, reason TEXT, PRIMARY KEY (campaign, row));
`;

/** A ledger row as the core's RecipientState. */
function stateOf(row) {
  switch (row.state) {
    case "claimed":
    case "sending":
      return { state: row.state, until: row.until };
    case "deferred":
      return { state: "deferred", notBefore: row.until };
    case "accepted":
      return { state: "accepted", held: row.held === 1 };
    case "failed":
      return { state: "failed", code: row.code ?? 0 };
    default:
      return { state: row.state };
  }
}

const STATES = ["pending", "claimed", "sending", "deferred", "unknown", "accepted", "sent", "delivered", "read", "failed"];

/**
 * One business phone number's pacer and ledger (SQLite-backed Durable
 * Object): every campaign on the number shares its token bucket.
 */
export class BroadcastSender extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(SCHEMA);
    const stored = this.sql.exec("SELECT value FROM meta WHERE name = 'pacer'").toArray()[0];
    this.pacer = stored ? BroadcastPacer.restore(JSON.parse(stored.value)) : new BroadcastPacer();
    this.alarmAt = null;
    // After a restart, leases still open need their alarm (it may be gone with the old instance).
    ctx.blockConcurrencyWhile(async () => {
      const next = this.sql.exec("SELECT MIN(until) AS t FROM recipients WHERE state = 'sending'").toArray()[0]?.t;
      if (next != null) await this.#wakeAt(Math.max(next, Date.now() + 1));
    });
  }

  #savePacer() {
    this.sql.exec("INSERT OR REPLACE INTO meta (name, value) VALUES ('pacer', ?)", JSON.stringify(this.pacer.state()));
  }

  #row(campaign, key) {
    return this.sql.exec("SELECT * FROM recipients WHERE campaign = ? AND key = ?", campaign, key).toArray()[0];
  }

  #write(campaign, key, state, extra = {}) {
    const until = state.until ?? state.notBefore ?? null;
    this.sql.exec(
      "UPDATE recipients SET state = ?, until = ?, held = ?, code = ?, wamid = COALESCE(?, wamid), attempts = attempts + ?, updated_ms = ? WHERE campaign = ? AND key = ?",
      state.state, until, state.held ? 1 : 0, state.code ?? null, extra.wamid ?? null, extra.attempt ? 1 : 0, Date.now(), campaign, key,
    );
  }

  #ensure(campaign, key, row) {
    this.sql.exec("INSERT OR IGNORE INTO campaigns (id, created_ms) VALUES (?, ?)", campaign, Date.now());
    this.sql.exec("INSERT OR IGNORE INTO recipients (campaign, key, row, state, updated_ms) VALUES (?, ?, ?, 'pending', ?)", campaign, key, row ?? null, Date.now());
  }

  async #wakeAt(time) {
    if (time == null) return;
    if (this.alarmAt === null) this.alarmAt = await this.ctx.storage.getAlarm();
    if (this.alarmAt === null || time < this.alarmAt) {
      await this.ctx.storage.setAlarm(time);
      this.alarmAt = time;
    }
  }

  /** Registers a campaign's plan: its row count, accepted recipients (pending), rejected and duplicate rows. Idempotent. */
  register(campaignId, plan) {
    const now = Date.now();
    this.ctx.storage.transactionSync(() => {
      this.sql.exec("INSERT OR IGNORE INTO campaigns (id, created_ms) VALUES (?, ?)", campaignId, now);
      if (plan.rows !== undefined) this.sql.exec("UPDATE campaigns SET rows = MAX(rows, ?) WHERE id = ?", plan.rows, campaignId);
      if (plan.deadlineMs !== undefined) this.sql.exec("UPDATE campaigns SET deadline_ms = ? WHERE id = ?", plan.deadlineMs, campaignId);
      for (const { key, row } of plan.recipients ?? []) {
        this.sql.exec("INSERT OR IGNORE INTO recipients (campaign, key, row, state, updated_ms) VALUES (?, ?, ?, 'pending', ?)", campaignId, key, row, now);
      }
      for (const { row, reason } of plan.rejected ?? []) {
        this.sql.exec("INSERT OR IGNORE INTO planned_rows (campaign, row, kind, reason) VALUES (?, ?, 'rejected', ?)", campaignId, row, reason ?? null);
      }
      for (const { row, firstRow } of plan.duplicates ?? []) {
        this.sql.exec("INSERT OR IGNORE INTO planned_rows (campaign, row, kind, reason) VALUES (?, ?, 'duplicate', ?)", campaignId, row, String(firstRow));
      }
    });
    if (plan.deadlineMs !== undefined) return this.#wakeAt(plan.deadlineMs).then(() => true);
    return true;
  }

  /** Time slots for the claimable recipients of a chunk (others skipped: finished, leased elsewhere, waiting). */
  async claim(campaignId, recipients, { horizonMs = 30_000, lateMs = 100, resendUnknown = false } = {}) {
    const now = Date.now();
    const campaign = this.sql.exec("SELECT status FROM campaigns WHERE id = ?", campaignId).toArray()[0];
    if (campaign && (campaign.status === "cancelled" || campaign.status === "closed")) return { done: true, granted: [] };
    if (campaign?.status === "paused") return { done: false, granted: [] };
    const claimable = [];
    for (const { key, row } of recipients) {
      this.#ensure(campaignId, key, row);
      const stored = this.#row(campaignId, key);
      const state = stateOf(stored);
      // A probe with the lease ending now: only a claim that took it ends now
      // (a live lease of another consumer ends later).
      const next = applyRecipientEvent(state, { type: "claim", now, until: now, resendUnknown });
      if (next.state === "claimed" && next.until === now) claimable.push({ key, state });
      // An ended send may have reached Meta: unknown (the ledger's rule).
      else if (next.state !== state.state) this.#write(campaignId, key, next);
    }
    const grant = this.pacer.grant(now, claimable.length, horizonMs);
    const granted = [];
    grant.slots.forEach((at, index) => {
      const { key, state } = claimable[index];
      // The lease ends `lateMs` after the slot: a send that could not begin by
      // then is refused (begin), so a stalled consumer never bunches sends
      // into one second; its recipient is claimed again.
      this.#write(campaignId, key, applyRecipientEvent(state, { type: "claim", now, until: at + lateMs, resendUnknown }));
      granted.push({ key, at });
    });
    this.#savePacer();
    return { done: false, granted, halted: grant.halted, retryAt: grant.retryAt };
  }

  /** The consumer sends now (written before the request leaves): true when the lease was still its own. */
  async begin(campaignId, key, untilMs) {
    const stored = this.#row(campaignId, key);
    if (!stored || stored.state !== "claimed") return false;
    const next = applyRecipientEvent(stateOf(stored), { type: "begin", now: Date.now(), until: untilMs });
    if (next.state !== "sending") return false;
    this.#write(campaignId, key, next, { attempt: true });
    await this.#wakeAt(untilMs);
    return true;
  }

  /** Each send's outcome (`classifySendOutcome`'s): the ledger and the pacer hear it. */
  complete(campaignId, entries) {
    const now = Date.now();
    for (const { key, outcome } of entries) {
      const stored = this.#row(campaignId, key);
      if (!stored) continue;
      const event = recipientEventAfterSend(outcome, now, Math.max(1, stored.attempts));
      this.#write(campaignId, key, applyRecipientEvent(stateOf(stored), event), { wamid: outcome.wamid });
      this.pacer.observe(now, outcome);
    }
    this.#savePacer();
    return entries.length;
  }

  /** Slots given back unsent. */
  release(campaignId, keys) {
    for (const key of keys) {
      const stored = this.#row(campaignId, key);
      if (stored) this.#write(campaignId, key, applyRecipientEvent(stateOf(stored), { type: "release" }));
    }
    return keys.length;
  }

  /** Of these recipients, those still to send (pending, deferred, claimed), and when to try them. */
  open(campaignId, keys) {
    const now = Date.now();
    const open = [];
    let wakeAt = Infinity;
    for (const key of keys) {
      const stored = this.#row(campaignId, key);
      if (!stored || !["pending", "deferred", "claimed"].includes(stored.state)) continue;
      open.push(key);
      wakeAt = Math.min(wakeAt, stored.state === "pending" ? now : stored.until);
    }
    const campaign = this.sql.exec("SELECT status FROM campaigns WHERE id = ?", campaignId).toArray()[0];
    if (campaign?.status === "cancelled" || campaign?.status === "closed") return { keys: [], wakeAt: now };
    const paused = this.pacer.state();
    // A paused or halted number: ask again when the pause ends, or in a minute.
    if (paused.halted || campaign?.status === "paused") wakeAt = Math.max(wakeAt, now + 60_000);
    else if (paused.pausedUntil) wakeAt = Math.max(wakeAt, paused.pausedUntil);
    return { keys: open, wakeAt: open.length ? Math.max(wakeAt, now) : now };
  }

  /** Status webhooks, keyed by `biz_opaque_callback_data` (`<campaignId>:<recipient>`). */
  applyStatuses(statuses) {
    let applied = 0;
    let ignored = 0;
    for (const { key, status, code, wamid } of statuses) {
      const campaign = campaignOf(String(key));
      const stored = campaign && this.#row(campaign, key);
      const event = { sent: { type: "sent" }, delivered: { type: "delivered" }, read: { type: "read" }, failed: { type: "failed", code: code ?? 0 }, held_for_quality_assessment: { type: "accepted", held: true } }[status];
      if (!stored || !event) {
        ignored++;
        continue;
      }
      this.#write(campaign, key, applyRecipientEvent(stateOf(stored), event), { wamid });
      applied++;
    }
    return { applied, ignored };
  }

  /** A dead-lettered chunk: its recipients no send began for fail with code 0 ("dlq"). */
  deadLetter(campaignId, recipients) {
    for (const { key, row } of recipients) {
      this.#ensure(campaignId, key, row);
      this.#write(campaignId, key, applyRecipientEvent(stateOf(this.#row(campaignId, key)), { type: "dead_letter" }));
    }
    return recipients.length;
  }

  /** Pauses one campaign, or (without an id) the whole number. */
  pause(campaignId) {
    if (campaignId === undefined) this.pacer.halt();
    else this.sql.exec("UPDATE campaigns SET status = 'paused' WHERE id = ? AND status = 'active'", campaignId);
    this.#savePacer();
    return true;
  }

  /** Resumes one campaign, or (without an id) the whole number. */
  resume(campaignId) {
    if (campaignId === undefined) this.pacer.resume();
    else this.sql.exec("UPDATE campaigns SET status = 'active' WHERE id = ? AND status = 'paused'", campaignId);
    this.#savePacer();
    return true;
  }

  /** Stops a campaign: nothing more is claimed; pending recipients stay pending in the report. */
  cancel(campaignId) {
    this.sql.exec("UPDATE campaigns SET status = 'cancelled' WHERE id = ?", campaignId);
    return true;
  }

  /** The number's throughput (messages per second) and the share broadcasts use (90 %). */
  setCeiling(ceiling, sharePercent) {
    this.pacer.setCeiling(ceiling, sharePercent);
    this.#savePacer();
    return { rate: this.pacer.rate, target: this.pacer.target };
  }

  /** Where every row of a campaign is; the counts add up to its rows. */
  report(campaignId, { rows = false } = {}) {
    const campaign = this.sql.exec("SELECT * FROM campaigns WHERE id = ?", campaignId).toArray()[0];
    const states = Object.fromEntries(STATES.map((state) => [state, 0]));
    let held = 0;
    for (const { state, n, h } of this.sql.exec("SELECT state, COUNT(*) AS n, SUM(held) AS h FROM recipients WHERE campaign = ? GROUP BY state", campaignId)) {
      states[state] = n;
      if (state === "accepted") held = h ?? 0;
    }
    const failedByCode = {};
    for (const { code, n } of this.sql.exec("SELECT code, COUNT(*) AS n FROM recipients WHERE campaign = ? AND state = 'failed' GROUP BY code", campaignId)) {
      failedByCode[code ?? 0] = n;
    }
    const planned = { rejected: 0, duplicate: 0 };
    for (const { kind, n } of this.sql.exec("SELECT kind, COUNT(*) AS n FROM planned_rows WHERE campaign = ? GROUP BY kind", campaignId)) planned[kind] = n;
    const recipients = Object.values(states).reduce((sum, n) => sum + n, 0);
    const listed = recipients + planned.rejected + planned.duplicate;
    const pacer = this.pacer.state();
    const report = {
      campaignId,
      status: campaign?.status ?? "unknown",
      rows: Math.max(campaign?.rows ?? 0, listed),
      listed,
      recipients,
      rejected: planned.rejected,
      duplicates: planned.duplicate,
      states,
      held,
      failedByCode,
      pacer: { rate: pacer.rate, target: pacer.target, halted: pacer.halted, pausedUntil: pacer.pausedUntil },
    };
    if (rows) {
      report.entries = [
        ...this.sql.exec("SELECT row, key, state, code, wamid, attempts FROM recipients WHERE campaign = ? ORDER BY row", campaignId).toArray(),
        ...this.sql.exec("SELECT row, kind AS state, reason FROM planned_rows WHERE campaign = ? ORDER BY row", campaignId).toArray(),
      ];
    }
    return report;
  }

  /**
   * Ended leases: begun sends become unknown, unbegun claims pending again
   * (the ledger's rules); deadlines close campaigns. Only sends set the
   * alarm: an ended claim is also taken back by the next claim.
   */
  async alarm() {
    const now = Date.now();
    this.alarmAt = null;
    const ended = this.sql.exec("SELECT * FROM recipients WHERE state IN ('claimed', 'sending') AND until <= ?", now).toArray();
    for (const stored of ended) this.#write(stored.campaign, stored.key, applyRecipientEvent(stateOf(stored), { type: "expire", now }));
    this.sql.exec("UPDATE campaigns SET status = 'closed' WHERE deadline_ms IS NOT NULL AND deadline_ms <= ? AND status IN ('active', 'paused')", now);
    const next = this.sql.exec(
      "SELECT MIN(t) AS t FROM (SELECT MIN(until) AS t FROM recipients WHERE state = 'sending' UNION ALL SELECT MIN(deadline_ms) FROM campaigns WHERE deadline_ms > ? AND status IN ('active', 'paused'))",
      now,
    ).toArray()[0]?.t;
    if (next != null) await this.#wakeAt(Math.max(next, now + 1));
  }
}
