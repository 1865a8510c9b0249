// validateTemplate over the corpus (47 real create payloads + 3 invalid ones)
// against @kapso/whatsapp-cloud-api's zod template schema (buildTemplateDefinition).
// Kapso validates its own builder input — camelCase keys, upper-case enums —
// so its inputs are the same payloads converted once, before timing; each side
// gets the shape it is designed for. "same verdict" counts payloads both accept
// or both reject.
import { readdirSync, readFileSync } from "node:fs";
import { validateTemplate } from "../../pkg/node.js";
import { TemplateDefinition } from "@kapso/whatsapp-cloud-api";

const corpus = new URL("../../tests/fixtures/corpus/", import.meta.url);
const read = (dir, file) =>
  JSON.parse(readFileSync(new URL(`${dir}/${file}`, corpus), "utf8").replaceAll('"<TEMPLATE_NAME>"', '"template_name"'));
const inputs = [
  ...readdirSync(new URL("templates", corpus)).filter((f) => f.endsWith(".json")).sort().map((f) => read("templates", f)),
  ...["template_name_uppercase.json", "template_dangling_parameter.json", "template_non_sequential_params.json"].map(
    (f) => read("invalid", f),
  ),
];

const ENUM_KEYS = new Set(["category", "type", "format", "otp_type", "parameter_format"]);
const camel = (key) => key.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
function toKapso(value, key) {
  if (Array.isArray(value)) return value.map((item) => toKapso(item));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [camel(k), toKapso(v, k)]));
  }
  return ENUM_KEYS.has(key) && typeof value === "string" ? value.toUpperCase() : value;
}

function kapsoAccepts(input) {
  try {
    TemplateDefinition.buildTemplateDefinition(input);
    return true;
  } catch {
    return false;
  }
}

export default {
  name: "template: validate create payload",
  peerName: "@kapso/whatsapp-cloud-api buildTemplateDefinition (zod)",
  inputs,
  peerInputs: inputs.map((input) => toKapso(input)),
  ours: (input) => validateTemplate(input).ok,
  peer: kapsoAccepts,
};
