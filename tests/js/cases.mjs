// What every shared suite (suite.mjs, cloud-suite.mjs, provider-suite.mjs,
// cm-suite.mjs, woztell-suite.mjs) runs on, in Node, workerd and Chromium
// alike (no Node APIs here): the one results runner, the check that throws,
// and the HTTP control of a fake on fake-server.mjs (/__reset, /__fail,
// /__mode, /__received).

/** Throws `label` (with `detail` as JSON) unless `condition` holds. */
export function check(condition, label, detail) {
  if (!condition) throw new Error(`${label}${detail === undefined ? "" : `: ${JSON.stringify(detail)}`}`);
}

/** Runs `cases` (name → async (...args)) in order with `args`, the ones in `names` only; `[{ name, ok, error? }]`. */
export async function runCases(cases, args, names = Object.keys(cases)) {
  const results = [];
  for (const [name, run] of Object.entries(cases).filter(([name]) => names.includes(name))) {
    try {
      await run(...args);
      results.push({ name, ok: true });
    } catch (error) {
      results.push({ name, ok: false, error: String(error && error.stack ? error.stack : error) });
    }
  }
  return results;
}

/** The fake at `baseUrl`, reset (and put in `mode`, where given): `fail(...faults)` queues faults, `received()` lists the calls. */
export async function remote(baseUrl, mode) {
  const control = (path, body) => fetch(`${baseUrl}${path}`, { method: body ? "POST" : "GET", body: body && JSON.stringify(body) }).then((r) => r.json());
  await control("/__reset", {});
  if (mode) await control("/__mode", mode);
  return { fail: (...faults) => control("/__fail", faults), received: () => control("/__received") };
}
