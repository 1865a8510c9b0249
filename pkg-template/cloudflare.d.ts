// whatsapp-edge/cloudflare: broadcasts on Cloudflare Queues and Durable
// Objects. Runs only in workerd (the module imports `cloudflare:workers`).
// Cloudflare's own types are not required: the bindings are described by the
// few members used here, so @cloudflare/workers-types' match them.
import type { BroadcastChunk, BroadcastPlan, CloudApiClient, CloudApiClientOptions, SendOutcome } from "./whatsapp_edge.js";

/** A Queue producer binding (the members `enqueueBroadcast` and the consumer use). */
export interface BroadcastQueue {
  /** At most 100 messages and 256 KB per call. */
  sendBatch(messages: { body: unknown; delaySeconds?: number }[]): Promise<unknown>;
  /** One message. */
  send(body: unknown, options?: { delaySeconds?: number }): Promise<unknown>;
}

/** The options of `enqueueBroadcast`. */
export interface EnqueueBroadcastOptions {
  /** Deliver the chunks after this many seconds (at most 86,400). */
  delaySeconds?: number;
  /** Attempts per `sendBatch` call when the queue answers "Too Many Requests" (default 8). */
  maxAttempts?: number;
  /** The first backoff in ms, doubled per attempt (default 250). */
  baseDelayMs?: number;
}

/** What `enqueueBroadcast` sent. */
export interface EnqueueBroadcastCounts {
  /** Queue messages (chunks). */
  messages: number;
  /** `sendBatch` calls. */
  batches: number;
  /** Their bytes as measured (JSON, plus ~100 bytes of metadata each). */
  bytes: number;
  /** Calls repeated after "Too Many Requests". */
  retries: number;
}

/**
 * Sends a plan's chunks to a queue with `sendBatch`, in groups of at most
 * 100 messages and 256 KB (Cloudflare's limits), awaiting every call (a send
 * left to `waitUntil` fails silently) and backing off on "Too Many
 * Requests" (5,000 messages/s per queue). Chunks are idempotent: enqueueing
 * a plan twice sends nobody twice.
 *
 * @example
 * ```ts
 * import { enqueueBroadcast } from "whatsapp-edge/cloudflare";
 * const plan = planBroadcast({ campaignId, phoneNumberId, definition, send, recipients });
 * const counts = await enqueueBroadcast(env.BROADCAST, plan.chunks);
 * console.log(counts.messages, counts.batches);
 * ```
 */
export function enqueueBroadcast(queue: BroadcastQueue, chunks: Iterable<BroadcastChunk>, options?: EnqueueBroadcastOptions): Promise<EnqueueBroadcastCounts>;

/** A Durable Object namespace binding for `BroadcastSender` (one object per phone number id). */
export interface BroadcastSenderNamespace {
  /** The object's id for a name (the phone number id). */
  idFromName(name: string): unknown;
  /** The object's stub. */
  get(id: any): any;
}

/** One send's result, for a results sink. */
export interface BroadcastResult {
  /** The campaign. */
  campaignId: string;
  /** The number that sent it. */
  phoneNumberId: string;
  /** `<campaignId>:<recipient>`. */
  key: string;
  /** The input row. */
  row?: number;
  /** What the send's answer meant (`classifySendOutcome`). */
  outcome: SendOutcome;
}

/** Where results go besides the ledger (D1, R2, logs): the ledger stays the source of truth. */
export interface BroadcastResultsSink {
  /** Called after each group of outcomes is recorded. */
  write(results: BroadcastResult[]): unknown;
}

/** The options of `createBroadcastConsumer`. */
export interface BroadcastConsumerOptions {
  /** The `BroadcastSender` namespace (e.g. `env.BROADCAST_SENDER`). */
  sender: BroadcastSenderNamespace;
  /** A client (or one per phone number id) whose retries are off: the pacer owns backoff. */
  client?: Pick<CloudApiClient, "sendTemplate"> | ((phoneNumberId: string) => Pick<CloudApiClient, "sendTemplate">);
  /** Options for the CloudApiClient made per phone number (retries turned off). */
  clientOptions?: Omit<CloudApiClientOptions, "phoneNumberId" | "retry">;
  /** Also receives every outcome. */
  results?: BroadcastResultsSink;
  /** The producer binding of the same queue: what is left of a chunk goes back as a new, delayed message (without it, `msg.retry`, which spends retries). */
  queue?: BroadcastQueue;
  /** Requests in flight per invocation (default 6: Workers' simultaneous connections). */
  maxInFlight?: number;
  /** How far ahead a chunk may be granted slots (default 30 s). */
  horizonSeconds?: number;
  /** A send whose answer was lost: "reconcile" (default: never resent; a status webhook settles it) or "resend" (at least once). */
  onAmbiguous?: "reconcile" | "resend";
  /**
   * How late after its slot a send may still begin (default 100 ms): a later
   * one is given back and claimed again, so a stalled invocation never
   * bunches sends into one second (at 90 % of the limit, 100 ms late keeps
   * any second under it). A send's lease is the client's timeout plus 10 s.
   */
  lateMs?: number;
  /** The dead-letter queue's name (default: a queue whose name ends in "-dlq"). */
  deadLetterQueue?: string;
}

/** A Queues message (the members the consumer uses). */
export interface BroadcastQueueMessage {
  /** A chunk (`BroadcastChunk`). */
  readonly body: any;
  /** Done with it. */
  ack(): void;
  /** Deliver it again (counts toward `max_retries`). */
  retry(options?: { delaySeconds?: number }): void;
}

/** A Queues message batch (the members the consumer uses). */
export interface BroadcastMessageBatch {
  /** The queue's name. */
  readonly queue: string;
  /** The messages: chunks. */
  readonly messages: readonly BroadcastQueueMessage[];
}

/**
 * The `queue()` handler of a broadcast. Per chunk: claims time slots from
 * the number's `BroadcastSender` (one Durable Object per phone number id),
 * sends at those times with at most `maxInFlight` requests at once (each
 * written as begun before it leaves, with `biz_opaque_callback_data` =
 * its key), records each outcome in the ledger and the pacer, puts what is
 * left back on the queue as a new delayed message and acks the original (so
 * pacing spends no retries). A batch from the dead-letter queue fails its
 * recipients that never began (code 0).
 *
 * @example
 * ```ts
 * import { createBroadcastConsumer } from "whatsapp-edge/cloudflare";
 * const consume = createBroadcastConsumer((env: any) => ({
 *   sender: env.BROADCAST_SENDER,
 *   queue: env.BROADCAST,
 *   clientOptions: { accessToken: env.WHATSAPP_TOKEN },
 * }));
 * export default { queue: consume };
 * ```
 */
export function createBroadcastConsumer(
  options: BroadcastConsumerOptions | ((env: any) => BroadcastConsumerOptions),
): (batch: BroadcastMessageBatch, env?: any, ctx?: any) => Promise<void>;

/** The options of `createStatusIngest`. */
export interface StatusIngestOptions {
  /** The Meta app secret that signs webhooks. */
  appSecret?: string;
  /** Several (while rotating). */
  appSecrets?: string[];
  /** The `BroadcastSender` namespace. */
  sender: BroadcastSenderNamespace;
  /** The body cap (default 4 MiB). */
  maxBodyBytes?: number;
}

/**
 * A webhook route for broadcasts: verifies `X-Hub-Signature-256`, parses
 * the body and applies every status that carries a broadcast key
 * (`biz_opaque_callback_data`) to its number's `BroadcastSender` before
 * answering (so a failure is retried by Meta). Answers 401 on a bad
 * signature, 413 over the cap, else `{ applied, ignored }`.
 *
 * @example
 * ```ts
 * import { createStatusIngest } from "whatsapp-edge/cloudflare";
 * const ingest = createStatusIngest((env: any) => ({ appSecret: env.APP_SECRET, sender: env.BROADCAST_SENDER }));
 * const response = await ingest(request, env);
 * ```
 */
export function createStatusIngest(
  options: StatusIngestOptions | ((env: any) => StatusIngestOptions),
): (request: Request, env?: any) => Promise<Response>;

/** What `BroadcastSender.register` records at plan time. */
export interface BroadcastRegistration {
  /** The campaign's input rows. */
  rows?: number;
  /** Accepted recipients (pending until claimed). */
  recipients?: { key: string; row: number }[];
  /** Rejected rows, with the first issue's code. */
  rejected?: { row: number; reason?: string }[];
  /** Rows of a recipient an earlier row has. */
  duplicates?: { row: number; firstRow: number }[];
  /** Past this time (ms) the campaign closes: nothing more is claimed. */
  deadlineMs?: number;
}

/**
 * Records a plan in the `BroadcastSender` of its number (every row: the
 * recipients as pending, the rejected and duplicate rows), so the report
 * accounts for every input row from the start. Idempotent.
 *
 * @example
 * ```ts
 * import { enqueueBroadcast, registerBroadcast } from "whatsapp-edge/cloudflare";
 * const plan = planBroadcast({ campaignId, phoneNumberId, definition, send, recipients });
 * await registerBroadcast(env.BROADCAST_SENDER, plan, { campaignId, phoneNumberId });
 * await enqueueBroadcast(env.BROADCAST, plan.chunks);
 * ```
 */
export function registerBroadcast(
  sender: BroadcastSenderNamespace,
  plan: BroadcastPlan,
  campaign: { campaignId: string; phoneNumberId: string; deadlineMs?: number },
): Promise<void>;

/** A campaign's report: `rows === recipients + rejected + duplicates` once every chunk is registered or claimed. */
export interface BroadcastReport {
  /** The campaign. */
  campaignId: string;
  /** "active", "paused", "cancelled", "closed" (deadline), or "unknown" (never registered). */
  status: string;
  /** Input rows. */
  rows: number;
  /** Rows the ledger holds (recipients, rejected, duplicates). */
  listed: number;
  /** Recipients in the ledger. */
  recipients: number;
  /** Rows rejected at plan time. */
  rejected: number;
  /** Duplicate rows. */
  duplicates: number;
  /** Recipients per state. */
  states: Record<"pending" | "claimed" | "sending" | "deferred" | "unknown" | "accepted" | "sent" | "delivered" | "read" | "failed", number>;
  /** Of the accepted, those held for quality assessment. */
  held: number;
  /** Failed recipients per Meta code (0: dead-lettered or no code). */
  failedByCode: Record<string, number>;
  /** The number's pacer now. */
  pacer: { rate: number; target: number; halted: boolean; pausedUntil: number | null };
  /** Every row (with `{ rows: true }`). */
  entries?: { row: number; key?: string; state: string; code?: number | null; wamid?: string | null; attempts?: number; reason?: string | null }[];
}

/**
 * The Durable Object of one business phone number (SQLite-backed: declare
 * it under `new_sqlite_classes`): the pacer that every campaign on the
 * number shares (`BroadcastPacer`: time slots at 90 % of the number's
 * throughput, halved on 130429, paused on 131057, halted on 131048 and
 * 190) and the ledger of every recipient (`applyRecipientEvent`). Its RPC
 * methods serve the consumer (`claim`, `begin`, `complete`, `release`,
 * `open`, `deadLetter`), the webhook route (`applyStatuses`) and you
 * (`register`, `pause`, `resume`, `cancel`, `setCeiling`, `report`). Its
 * alarm ends leases: unbegun ones are claimed again, begun ones become
 * `unknown` until a status webhook settles them.
 *
 * @example
 * ```ts
 * import { BroadcastSender, type BroadcastReport } from "whatsapp-edge/cloudflare";
 * export { BroadcastSender }; // wrangler.toml: [[durable_objects.bindings]] name = "BROADCAST_SENDER", class_name = "BroadcastSender"
 * const sender = env.BROADCAST_SENDER.get(env.BROADCAST_SENDER.idFromName(phoneNumberId));
 * const report: BroadcastReport = await sender.report("spring-sale");
 * ```
 */
export class BroadcastSender {
  /** Made by the runtime. */
  constructor(ctx: any, env: any);
  /** Records a plan's rows (see `registerBroadcast`). */
  register(campaignId: string, plan: BroadcastRegistration): Promise<boolean> | boolean;
  /** Time slots for a chunk's claimable recipients. */
  claim(
    campaignId: string,
    recipients: { key: string; row?: number }[],
    options?: { horizonMs?: number; lateMs?: number; resendUnknown?: boolean },
  ): Promise<{ done: boolean; granted: { key: string; at: number }[]; halted?: boolean; retryAt?: number }>;
  /** Marks a send begun (before its request leaves); false when the lease is not its own any more. */
  begin(campaignId: string, key: string, untilMs: number): Promise<boolean>;
  /** Records outcomes; the pacer hears each. */
  complete(campaignId: string, entries: { key: string; outcome: SendOutcome }[]): number;
  /** Gives unsent slots back. */
  release(campaignId: string, keys: string[]): number;
  /** Of these recipients, those still to send, and when. */
  open(campaignId: string, keys: string[]): { keys: string[]; wakeAt: number };
  /** Status webhooks by key. */
  applyStatuses(statuses: { key: string; status: string; code?: number; wamid?: string }[]): { applied: number; ignored: number };
  /** A dead-lettered chunk's recipients. */
  deadLetter(campaignId: string, recipients: { key: string; row?: number }[]): number;
  /** Pauses a campaign, or the whole number without an id. */
  pause(campaignId?: string): boolean;
  /** Resumes a campaign, or the whole number without an id. */
  resume(campaignId?: string): boolean;
  /** Stops a campaign; its pending recipients stay pending. */
  cancel(campaignId: string): boolean;
  /** The number's throughput (messages per second) and the share used (default 90). */
  setCeiling(ceiling: number, sharePercent?: number): { rate: number; target: number };
  /** Where every row is. */
  report(campaignId: string, options?: { rows?: boolean }): BroadcastReport;
  /** Ends leases and closes campaigns past their deadline. */
  alarm(): Promise<void>;
}
