// whatsapp-edge/cloudflare's Durable Object: BroadcastSender, one per
// business phone number (SQLite-backed). It keeps the number's pacer
// (BroadcastPacer, stored as JSON) and every recipient's ledger row, and
// changes them only through the Rust core's functions (the pacer's grant and
// observe, applyRecipientEvent, recipientEventAfterSend): this file maps
// rows to states and back. Runs only in workerd.
import { DurableObject } from "cloudflare:workers";
import { BroadcastPacer, applyRecipientEvent, recipientEventAfterSend } from "./workerd.js";

/** `<campaignId>:<recipient>`: the campaign is everything before the last colon. */
const campaignOf = (key) => key.slice(0, Math.max(0, key.lastIndexOf(":")));

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
