// A strict fake of Bird's Channels API (PROVIDERS.md §1) on 127.0.0.1: the
// AccessKey scheme, the workspace and channel UUIDs on the path, JSON bodies
// checked against the CreateMessage schema (closed at the top, in body and
// in template; receiver required; body or template; at most 10 tags;
// capFrequency only for marketing), answers as Bird's Message (202,
// "accepted" or "scheduled") and errors as RequestError / ValidationError.
import { startFake } from "./fake-server.mjs";
import { BIRD_KEY, WORKSPACE, CHANNEL } from "./provider-suite.mjs";

export { BIRD_KEY, WORKSPACE, CHANNEL };
export const CONTACT = "5f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const BIRD_MESSAGE_KEYS = ["sender", "receiver", "reference", "template", "meta", "replyTo", "body", "notification", "capFrequency", "enableLinkTracking", "ignoreQuietHours", "ignoreGlobalHoldout", "tags", "shortLinks", "scheduledFor", "validity"];
const BIRD_BODY_TYPES = ["text", "image", "file", "location", "list", "carousel"];
const requestError = (status, code, message) => [status, { code, message }];
const validationError = (details) => [422, { code: "invalid_body", message: "The request body is invalid", details }];

/** Bird's checks of a CreateMessage (its schema is closed at the top, in body and in template). */
function birdBodyProblems(message) {
  const details = {};
  for (const key of Object.keys(message)) if (!BIRD_MESSAGE_KEYS.includes(key)) details[key] = ["is not allowed"];
  if (!Array.isArray(message.receiver?.contacts) || message.receiver.contacts.length === 0) details.receiver = ["contacts is required"];
  if (!message.body === !message.template) details.body = ["exactly one of body and template is required"];
  if (message.body) {
    const { type, ...rest } = message.body;
    if (!BIRD_BODY_TYPES.includes(type) || typeof rest[type] !== "object") details["body.type"] = ["is invalid"];
    for (const key of Object.keys(rest)) if (key !== type) details[`body.${key}`] = ["is not allowed"];
  }
  if (message.tags && (message.tags.length > 10 || message.tags.some((t) => !/^[a-zA-Z0-9-_ ]{1,50}$/.test(t)))) details.tags = ["at most 10 tags of 1-50 characters"];
  if (message.capFrequency === true && message.meta?.extraInformation?.useCase !== "marketing") details.capFrequency = ["requires useCase marketing"];
  if (message.scheduledFor !== undefined && Number.isNaN(Date.parse(message.scheduledFor))) details.scheduledFor = ["must be RFC3339"];
  return Object.keys(details).length ? details : undefined;
}

function bird(call) {
  if (call.headers.authorization !== `AccessKey ${BIRD_KEY}`) return requestError(401, "Unauthorized", "invalid access key");
  const path = new RegExp(`^/workspaces/(${UUID})/channels/(${UUID})/(messages|contacts/([^/]+))$`).exec(call.path);
  if (!path) return requestError(404, "NotFound", `no route ${call.method} ${call.path}`);
  const [, workspace, channel, , contact] = path;
  if (workspace !== WORKSPACE || channel !== CHANNEL) return requestError(404, "NotFound", "channel not found");
  if (contact !== undefined) {
    if (call.method !== "GET") return requestError(404, "NotFound", "no route");
    if (contact !== CONTACT) return requestError(404, "NotFound", "contact not found");
    return [200, { serviceWindowExpireAt: "2026-01-02T10:00:00Z", isPermanentSession: false, metadata: { identifier: call.query.contactIdentifierValue ?? "" } }];
  }
  if (call.method !== "POST") return requestError(404, "NotFound", "no route");
  if (call.headers["content-type"] !== "application/json") return requestError(400, "InvalidContentType", "content type must be application/json");
  let message;
  try {
    message = JSON.parse(call.text);
  } catch {
    return requestError(400, "InvalidJson", "the body is not JSON");
  }
  const problems = birdBodyProblems(message);
  if (problems) return validationError(problems);
  const now = new Date().toISOString();
  const { body, template, tags, scheduledFor, reference, replyTo } = message;
  return [202, {
    id: "0c9e2a4b-1d3f-4e5a-8b6c-7d8e9f0a1b2c", channelId: CHANNEL,
    sender: { connector: { id: "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d", identifierValue: "+31600000000", annotations: {}, types: [] } },
    receiver: message.receiver, ...(body ? { body } : { template }), reference, replyTo: replyTo ?? null,
    status: scheduledFor ? "scheduled" : "accepted", direction: "outgoing", origin: null, failure: null,
    tags: (tags ?? []).map((t) => t.toLowerCase()), shortLinks: message.shortLinks ?? null, scheduledFor: scheduledFor ?? null,
    lastStatusAt: now, createdAt: now, updatedAt: now,
  }];
}

export const startFakeBird = () => startFake(bird);

