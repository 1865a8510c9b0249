import { rules, run } from "./rules.mjs";

// The package's behaviour, written once and run unchanged in Node, in workerd
// and in Chromium: no Node APIs, no test framework, just `api` (the imported
// package) in and thrown errors out.

function same(actual, expected, label) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${label}: expected ${e}, got ${a}`);
}

function throwsCode(fn, code, label) {
  let thrown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error(`${label}: expected a throw`);
  if (!(thrown instanceof Error)) throw new Error(`${label}: threw a non-Error ${String(thrown)}`);
  same(thrown.code, code, `${label} .code`);
  if (typeof thrown.message !== "string" || thrown.message.length === 0) {
    throw new Error(`${label}: thrown Error has no message`);
  }
  return thrown;
}

function phoneError(code, column) {
  return { code, path: "", severity: "error", line: 1, column };
}

function checkPhoneError(api, input, expected) {
  const result = api.parsePhone(input);
  same(result.ok, false, `${input} ok`);
  same("e164" in result || "waId" in result, false, `${input} has no number fields`);
  same(result.errors.length, 1, `${input} error count`);
  const { message, ...rest } = result.errors[0];
  same(rest, expected, `${input} error`);
  if (!message) throw new Error(`${input}: error has no message`);
}

export const cases = {
  "init() resolves and is idempotent": async (api) => {
    same(await api.init(), undefined, "init()");
    same(await api.default(), undefined, "default export");
  },

  "parsePhone accepts strict E.164 and returns waId": (api) => {
    same(api.parsePhone("+14155552671"), { ok: true, e164: "+14155552671", waId: "14155552671", errors: [] }, "valid");
    same(api.parsePhone("+12").ok, true, "shortest");
    same(api.parsePhone("+123456789012345").ok, true, "longest");
  },

  "parsePhone returns structured errors with positions": (api) => {
    checkPhoneError(api, "+1 415", phoneError("phone.not_a_number", 3));
    checkPhoneError(api, "", phoneError("phone.not_a_number", 1));
    checkPhoneError(api, "14155552671", phoneError("phone.not_a_number", 1));
    checkPhoneError(api, "+0123", phoneError("phone.invalid_country_code", 2));
    checkPhoneError(api, "+1", phoneError("phone.too_short", 3));
    checkPhoneError(api, "+1234567890123456", phoneError("phone.too_long", 17));
  },

  "columns count UTF-16 code units, as JavaScript indexes": (api) => {
    const input = "+1😀2";
    const [issue] = api.parsePhone(input).errors;
    same(input.slice(issue.column - 1).startsWith("😀"), true, "column points at the emoji");
  },

  "misuse throws an Error with a stable code": (api) => {
    const e = throwsCode(() => api.parsePhone(4155552671), "invalid_argument", "number input");
    same(/string/.test(e.message) && /number/.test(e.message), true, "message names expected and actual type");
    throwsCode(() => api.parsePhone(null), "invalid_argument", "null input");
    throwsCode(() => api.parsePhone("+14155552671", "US"), "invalid_argument", "options as string");
    throwsCode(() => api.parsePhone("+14155552671", { country: "US" }), "invalid_argument", "unknown option");
    throwsCode(() => api.parsePhone("+14155552671", { defaultCountry: "USA" }), "invalid_argument", "bad region");
  },

  "options are optional and checked": (api) => {
    same(api.parsePhone("+14155552671", undefined).ok, true, "undefined options");
    same(api.parsePhone("+14155552671", null).ok, true, "null options");
    same(api.parsePhone("+14155552671", { defaultCountry: "US" }).ok, true, "with region");
  },

  "the module keeps working after a throw": (api) => {
    for (let i = 0; i < 3; i++) {
      try {
        api.parsePhone({});
      } catch {}
      same(api.parsePhone("+442071838750").ok, true, `call ${i} after throw`);
    }
  },
};

cases["every validation rule fails its bad input and passes its good one"] = (api) => {
  for (const [code, { bad, good, path }] of Object.entries(rules)) {
    const hits = run(api, bad).errors.filter((issue) => issue.code === code);
    if (hits.length === 0) throw new Error(`${code}: no finding`);
    if (path !== undefined && !hits.some((issue) => issue.path === path)) throw new Error(`${code}: not at ${path}`);
    same(run(api, good).errors, [], `${code} good input`);
  }
};

/** Runs every case; never throws. Returns [{ name, ok, error? }]. */
export async function runAll(api) {
  const results = [];
  for (const [name, run] of Object.entries(cases)) {
    try {
      await run(api);
      results.push({ name, ok: true });
    } catch (error) {
      results.push({ name, ok: false, error: String(error && error.stack ? error.stack : error) });
    }
  }
  return results;
}
