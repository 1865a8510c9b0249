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
  const results = [];
  start(text);
  while (at < text.length) results.push(read());
  return results;
}

/** The one result `text` holds. */
export function phoneResult(text) {
  start(text);
  return read();
}

// The text being read and where: read field by field (indexOf, slice)
// rather than split, which was the larger part of turning a result into an object.
let source = "";
let at = 0;

function start(text) {
  source = text;
  at = 0;
}

function field() {
  const end = source.indexOf(SEPARATOR, at);
  const value = source.slice(at, end);
  at = end + 1;
  return value;
}

function number() {
  const value = field();
  return value === "" ? undefined : Number(value);
}

function read() {
  const flags = Number(field());
  const ok = (flags & 1) !== 0;
  const possible = (flags & 2) !== 0;
  const valid = (flags & 4) !== 0;
  const e164 = field();
  const country = field();
  const type = field();
  const national = field();
  const international = field();
  const errors = [];
  for (let count = Number(field()); count > 0; count--) {
    const issue = { code: field(), message: field(), path: field(), severity: field() };
    const line = number();
    const column = number();
    const metaCode = number();
    if (line !== undefined) issue.line = line;
    if (column !== undefined) issue.column = column;
    if (metaCode !== undefined) issue.metaCode = metaCode;
    errors.push(issue);
  }
  // A valid number has every field: one literal (one object shape) is the fast path.
  if (international !== "" && country !== "" && type !== "") {
    return { ok, e164, waId: e164.slice(1), country, type, national, international, possible, valid, errors };
  }
  const result = { ok };
  if (e164 !== "") {
    result.e164 = e164;
    result.waId = e164.slice(1);
  }
  if (country !== "") result.country = country;
  if (type !== "") result.type = type;
  if (national !== "") result.national = national;
  if (international !== "") result.international = international;
  result.possible = possible;
  result.valid = valid;
  result.errors = errors;
  return result;
}
