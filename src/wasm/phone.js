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

const typeOf = (value) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/** `text` quoted for a message, as src/text.rs `quoted` does it. */
const quoted = (text) =>
  `"${text.replace(/["\\\n\t\x00-\x1f\x7f-\x9f]/g, (c) =>
    c === "\n" ? "\\n" : c === "\t" ? "\\t" : c === '"' || c === "\\" ? `\\${c}` : `\\u{${c.charCodeAt(0).toString(16).padStart(4, "0")}}`,
  )}"`;

/**
 * The options object read as every export reads options (src/options.rs: as
 * JSON data, unknown keys and wrong types are misuse, with the same messages)
 * without a JSON parser in the phone build. "n" (no country) or "c" and the
 * country, then U+001F and the unknown-key misuse if any (thrown once Rust
 * has checked the country); or "e" and the misuse.
 */
export function phoneOptions(options, name) {
  if (options === undefined) return "n";
  let text;
  try {
    text = JSON.stringify(options);
  } catch {}
  if (text === undefined) {
    return `e${name}: options must be JSON data (no functions, symbols, BigInts or cycles), got ${typeOf(options)}`;
  }
  const data = JSON.parse(text);
  if (data === null) return "n";
  if (typeOf(data) !== "object") return `e${name}: options must be an object, got ${typeOf(data)}`;
  const country = data.defaultCountry;
  if (country != null && typeof country !== "string") {
    return `e${name}: option defaultCountry must be a string, got ${typeOf(country)}`;
  }
  const unknown = Object.keys(data).find((key) => key !== "defaultCountry");
  const read = country == null ? "n" : `c${country}`;
  return unknown === undefined ? read : `${read}\x1f${name}: unknown option ${quoted(unknown)}; known options: defaultCountry`;
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
