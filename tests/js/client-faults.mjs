// Client faults: many sends through the built package's CloudApiClient
// against a loopback Graph fake that answers each attempt with a scripted
// fault — 429 (a proven refusal), 500/503, a reset connection, an answer
// later than the client's timeout, a half-written body — or success.
//
// What must hold, for every send: its promise settles (resolves with the
// fake's answer for that message, or rejects with a coded Error); the fake
// sees a message again only after answering every earlier attempt of it
// with a 429 (Meta's proof it did not accept it); attempts and waits stay
// within the retry policy. Imported by client-faults.test.mjs (a CI-sized
// run) and runnable alone for the full figures:
//   node tests/js/client-faults.mjs [sends=5000] [seed=1]
import { createServer } from "node:http";
import { once } from "node:events";
import * as api from "../../pkg/node.js";
import { cloud } from "./cloud-suite.mjs";

const TOKEN = "EAAGfaults0123456789secret";
// Generous: a loaded CI machine must not turn good answers into timeouts
// (that would still be correct behaviour, but it would blur the figures).
const TIMEOUT_MS = 1000;
const RETRY = { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 4, budgetMs: 10 };
const CODES = new Set(["rate_limited", "server_error", "timeout", "network_error", "invalid_response"]);

/** A small seeded PRNG (mulberry32), so a run can be repeated exactly. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAULTS = ["ok", "ok", "ok", "ok", "429", "500", "503", "reset", "slow", "half"];

/** Starts the fake; every attempt of every message is recorded with the fault it got. */
async function startFake(seed) {
  const next = random(seed);
  const seen = new Map(); // message id -> faults answered, in order
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return res.writeHead(401).end();
    const id = JSON.parse(Buffer.concat(chunks).toString()).text.body;
    const fault = FAULTS[Math.floor(next() * FAULTS.length)];
    seen.set(id, [...(seen.get(id) ?? []), fault]);
    const json = (status, body, headers = {}) => res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
    switch (fault) {
      case "429":
        return json(429, { error: { message: "(#130429) Rate limit hit", code: 130429 } }, { "retry-after": "0" });
      case "500":
      case "503":
        return json(Number(fault), { error: { message: "Service temporarily unavailable", code: 2 } });
      case "reset":
        return req.socket.destroy();
      case "slow":
        await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS * 2));
        return json(200, { messages: [{ id: `wamid.${id}` }] });
      case "half":
        res.writeHead(200, { "content-type": "application/json", "content-length": "200" });
        res.write('{"messaging_product":"whatsapp","messages":[{"id":"wamid.');
        return setTimeout(() => req.socket.destroy(), 1);
      default:
        return json(200, { messaging_product: "whatsapp", messages: [{ id: `wamid.${id}` }] });
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { baseUrl: `http://127.0.0.1:${server.address().port}`, seen, close: () => new Promise((r) => server.close(r)) };
}

/** Runs `sends` sends, `inFlight` at a time; returns the figures and every violation found. */
export async function runClientFaults({ sends = 5000, seed = 1, inFlight = 32 } = {}) {
  const fake = await startFake(seed);
  const waits = new Map(); // message id -> total ms the client asked to wait
  const outcomes = new Map();
  const violations = [];
  const started = performance.now();
  let nextIndex = 0;
  async function worker() {
    while (nextIndex < sends) {
      const id = `m${nextIndex++}`;
      let waited = 0;
      const client = cloud(api, fake.baseUrl, { accessToken: TOKEN, timeoutMs: TIMEOUT_MS, retry: RETRY, sleep: async (ms) => void (waited += ms) }).instance;
      let settled = 0;
      const outcome = await client
        .sendMessage({ messaging_product: "whatsapp", to: "+14155552671", type: "text", text: { body: id } })
        .then((answer) => ({ answer }), (error) => ({ error }))
        .finally(() => settled++);
      if (settled !== 1) violations.push(`${id}: settled ${settled} times`);
      outcomes.set(id, outcome);
      waits.set(id, waited);
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker));
  const elapsedMs = performance.now() - started;
  // Let slow answers still in flight land before reading what the fake saw.
  await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS * 3));
  await fake.close();

  const counts = { resolved: 0, rejected: 0, attempts: 0, retried: 0, lateAnswers: 0, byCode: {} };
  for (const [id, outcome] of outcomes) {
    const faults = fake.seen.get(id) ?? [];
    counts.attempts += faults.length;
    if (faults.length > 1) counts.retried++;
    // Seen again only after proven refusals: every attempt but the last was a 429.
    if (faults.slice(0, -1).some((fault) => fault !== "429")) violations.push(`${id}: sent again after ${faults.join(",")}`);
    if (faults.length > RETRY.maxRetries + 1) violations.push(`${id}: ${faults.length} attempts`);
    if (waits.get(id) > RETRY.budgetMs) violations.push(`${id}: waited ${waits.get(id)} ms`);
    const last = faults.at(-1);
    if (outcome.answer) {
      counts.resolved++;
      if (outcome.answer.messages?.[0]?.id !== `wamid.${id}`) violations.push(`${id}: resolved with ${JSON.stringify(outcome.answer)}`);
      if (last !== "ok") violations.push(`${id}: resolved after ${last}`);
    } else {
      counts.rejected++;
      const { error } = outcome;
      counts.byCode[error.code] = (counts.byCode[error.code] ?? 0) + 1;
      if (!(error instanceof Error) || !CODES.has(error.code)) violations.push(`${id}: rejected with ${error?.code} ${error}`);
      if (String(error.message).includes(TOKEN)) violations.push(`${id}: token in the message`);
      // The fake answered but too late, or the client gave up first: ambiguous, counted, not wrong.
      if (last === "ok") counts.lateAnswers++;
    }
  }
  return { sends, seed, elapsedMs: Math.round(elapsedMs), ...counts, violations };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [sends = "5000", seed = "1"] = process.argv.slice(2);
  const figures = await runClientFaults({ sends: Number(sends), seed: Number(seed) });
  console.log(JSON.stringify({ ...figures, violations: figures.violations.slice(0, 20), violationCount: figures.violations.length }, null, 2));
  process.exit(figures.violations.length === 0 ? 0 : 1);
}
