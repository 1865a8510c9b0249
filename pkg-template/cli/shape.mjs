// Which validator a JSON document is for, from its shape alone (README, "Shape
// detection"). Each kind has one telling trait, chosen so real documents of
// one kind never have another's:
//   flow      an object with a "screens" array (Flow JSON's required list)
//   template  an object with "name" and a STRING "language" (a definition:
//             "en_US") or a "languages" array (the bulk upsert), plus
//             "components" or "category"
//   send      an object with "name" and an OBJECT "language" ({ "code": … }):
//             the `template` object of a send
//   message   an object with "messaging_product" (every Cloud API message
//             body has it); one of type "template" is also checked as a send
// A document with the traits of two kinds is ambiguous; one with none is
// unknown. Both are skipped (ambiguous with a warning), never guessed.

export const KINDS = ["template", "send", "message", "flow"];

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

const TRAITS = {
  flow: (doc) => Array.isArray(doc.screens),
  template: (doc) =>
    typeof doc.name === "string" && (typeof doc.language === "string" || Array.isArray(doc.languages)) &&
    (Array.isArray(doc.components) || typeof doc.category === "string"),
  send: (doc) => typeof doc.name === "string" && isObject(doc.language),
  message: (doc) => typeof doc.messaging_product === "string",
};

/** @returns {{ kind: string } | { ambiguous: string[] } | { unknown: true }} */
export function detectKind(doc) {
  if (!isObject(doc)) return { unknown: true };
  const kinds = KINDS.filter((kind) => TRAITS[kind](doc));
  if (kinds.length === 1) return { kind: kinds[0] };
  return kinds.length === 0 ? { unknown: true } : { ambiguous: kinds };
}

/** The `template` object a send or template message carries, if any. */
export function templateOf(kind, doc) {
  if (kind === "send") return isObject(doc) ? doc : null;
  if (kind === "message" && isObject(doc) && doc.type === "template" && isObject(doc.template)) return doc.template;
  return null;
}
