// The phone exports' JavaScript half (src/wasm/phone.rs): inputs and results
// cross as one string each, not once per input and per property. Fields end
// with U+001F (messages escape it): flags (1 ok, 2 possible, 4 valid), e164,
// country, type, national, international, error count, then per error code,
// message, path, severity, line, column, metaCode; "" is absent.
const END = "\x1f";

/** The inputs joined by U+001F; undefined (one by one) unless non-empty strings without it. */
export function joinPhones(inputs) {
  if (!Array.isArray(inputs) || !inputs.length) return;
  for (const input of inputs) if (typeof input != "string" || input.includes(END)) return;
  return inputs.join(END);
}

const typeOf = (v) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/**
 * Options read as src/options.rs reads every export's (as JSON data; unknown
 * keys and wrong types are misuse, same messages), so the phone build needs
 * no JSON parser: "e" and the misuse, or "n" (no country) or "c" and the
 * country, then U+001F and an unknown key's misuse or "" (Rust checks the
 * country first).
 */
export function phoneOptions(options, name) {
  let text, key;
  try {
    text = JSON.stringify(options);
  } catch {}
  if (text === undefined) return `e${name}: options must be JSON data (no functions, symbols, BigInts or cycles), got ${typeOf(options)}`;
  const data = JSON.parse(text);
  if (typeOf(data) != "object" && data !== null) return `e${name}: options must be an object, got ${typeOf(data)}`;
  const country = data?.defaultCountry;
  if (country != null && typeof country != "string") return `e${name}: option defaultCountry must be a string, got ${typeOf(country)}`;
  const read = (country == null ? "n" : "c" + country) + END;
  if ((key = Object.keys(data ?? {}).find((k) => k != "defaultCountry")) === undefined) return read;
  // Quoted as src/text.rs `quoted` does it (src/json/write.rs: a JSON string literal, C1 escaped too).
  key = key.replace(/["\\\x00-\x1f\x7f-\x9f]/g, (c) =>
    c == "\n" ? "\\n" : c == "\r" ? "\\r" : c == "\t" ? "\\t" : c == '"' || c == "\\" ? "\\" + c : `\\u00${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
  return `${read}${name}: unknown option "${key}"; known options: defaultCountry`;
}

// Read field by field (indexOf, slice): split was the larger part of making objects.
let text = "";
let at = 0;
function field() {
  const end = text.indexOf(END, at) >>> 0; // none (-1): to the end
  const value = text.slice(at, end);
  at = Math.min(end, text.length) + 1;
  return value;
}
const number = (f = field()) => (f ? +f : undefined);

/** The results `results` holds, as PhoneResult objects. */
export function phoneResults(results) {
  const out = [];
  for (text = results, at = 0; at < text.length; ) out.push(read());
  return out;
}

/** The one result `result` holds. */
export function phoneResult(result) {
  text = result;
  at = 0;
  return read();
}

function read() {
  const flags = +field();
  const [ok, possible, valid] = [(flags & 1) > 0, (flags & 2) > 0, (flags & 4) > 0];
  const [e164, country, type, national, international] = [field(), field(), field(), field(), field()];
  const errors = [];
  for (let count = +field(); count > 0; count--) {
    const issue = { code: field(), message: field(), path: field(), severity: field() };
    const [line, column, metaCode] = [number(), number(), number()];
    if (line !== undefined) issue.line = line;
    if (column !== undefined) issue.column = column;
    if (metaCode !== undefined) issue.metaCode = metaCode;
    errors.push(issue);
  }
  const waId = e164.slice(1);
  // A valid number has every field: one literal, one object shape.
  if (international && country && type) return { ok, e164, waId, country, type, national, international, possible, valid, errors };
  const result = { ok };
  if (e164) {
    result.e164 = e164;
    result.waId = waId;
  }
  if (country) result.country = country;
  if (type) result.type = type;
  if (national) result.national = national;
  if (international) result.international = international;
  result.possible = possible;
  result.valid = valid;
  result.errors = errors;
  return result;
}
