// The phone exports' JavaScript half (src/wasm/phone.rs): inputs and results
// cross as one string each, not one crossing per input and per property.
// Result fields (write_result) end with U+001F, which messages escape: flags
// (1 ok, 2 possible, 4 valid), e164, country, type, national, international,
// error count, then per error code, message, path, severity, line, column,
// metaCode; "" is absent.

const SEPARATOR = "\x1f";

/** Non-empty array of strings without U+001F: joined by it; else undefined (they cross one by one). */
export function joinPhones(inputs) {
  if (!Array.isArray(inputs) || inputs.length === 0) return undefined;
  for (const input of inputs) {
    if (typeof input !== "string" || input.includes(SEPARATOR)) return undefined;
  }
  return inputs.join(SEPARATOR);
}

/**
 * The top level of `options` as JSON data (what every export reads options as),
 * for Rust's option reader without a JSON parser: undefined when absent, null
 * when not JSON data, [type] when not an object, else ["object", then per
 * member: key, type, the value if a string else ""].
 */
export function phoneOptions(options) {
  if (options === undefined) return undefined;
  let text;
  try {
    text = JSON.stringify(options);
  } catch {
    return null;
  }
  if (text === undefined) return null;
  const data = JSON.parse(text);
  const type = (value) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);
  if (type(data) !== "object") return [type(data)];
  const summary = ["object"];
  for (const [key, value] of Object.entries(data)) summary.push(key, type(value), typeof value === "string" ? value : "");
  return summary;
}

/** The results `text` holds, as PhoneResult objects. */
export function phoneResults(text) {
  const fields = text.split(SEPARATOR);
  const results = [];
  // Every field ends with a separator: the last split is "".
  for (let at = 0; at < fields.length - 1; ) at = read(fields, at, results);
  return results;
}

/** The one result `text` holds. */
export function phoneResult(text) {
  const results = [];
  read(text.split(SEPARATOR), 0, results);
  return results[0];
}

const number = (field) => (field === "" ? undefined : Number(field));

function read(fields, at, results) {
  const flags = Number(fields[at]);
  const result = { ok: (flags & 1) !== 0 };
  const e164 = fields[at + 1];
  if (e164 !== "") {
    result.e164 = e164;
    result.waId = e164.slice(1);
  }
  if (fields[at + 2] !== "") result.country = fields[at + 2];
  if (fields[at + 3] !== "") result.type = fields[at + 3];
  if (fields[at + 4] !== "") result.national = fields[at + 4];
  if (fields[at + 5] !== "") result.international = fields[at + 5];
  result.possible = (flags & 2) !== 0;
  result.valid = (flags & 4) !== 0;
  const errors = [];
  const count = Number(fields[at + 6]);
  at += 7;
  for (let i = 0; i < count; i++, at += 7) {
    const issue = { code: fields[at], message: fields[at + 1], path: fields[at + 2], severity: fields[at + 3] };
    const line = number(fields[at + 4]);
    const column = number(fields[at + 5]);
    const metaCode = number(fields[at + 6]);
    if (line !== undefined) issue.line = line;
    if (column !== undefined) issue.column = column;
    if (metaCode !== undefined) issue.metaCode = metaCode;
    errors.push(issue);
  }
  result.errors = errors;
  results.push(result);
  return at;
}
