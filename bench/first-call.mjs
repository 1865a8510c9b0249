#!/usr/bin/env node
// First-call latency: a fresh Node process imports the package, then parses
// one number; the import time and the first call's time, medians over several
// processes, for us and for libphonenumber-js/max. Prints; never fails.
import { execFileSync } from "node:child_process";

const ROUNDS = process.argv.includes("--quick") ? 3 : 9;
const ours = (entry) =>
  `const t=performance.now(); const m=await import(${JSON.stringify(new URL(`../pkg/${entry}`, import.meta.url).href)}); const u=performance.now(); m.parsePhone("+442071838750"); console.log(u-t, performance.now()-u)`;
const scripts = {
  "whatsapp-edge/phone parsePhone": ours("phone/node.js"),
  "whatsapp-edge parsePhone": ours("node.js"),
  "libphonenumber-js/max parse+isValid+getType": `const t=performance.now(); const m=await import("libphonenumber-js/max"); const u=performance.now(); const p=m.parsePhoneNumberFromString("+442071838750"); p.isValid(); p.getType(); console.log(u-t, performance.now()-u)`,
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = Object.entries(scripts).map(([name, script]) => {
  const runs = Array.from({ length: ROUNDS }, () =>
    String(execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: new URL("..", import.meta.url) }))
      .trim()
      .split(" ")
      .map(Number),
  );
  return {
    case: name,
    "import (ms)": median(runs.map(([imported]) => imported)).toFixed(2),
    "first call after import (ms)": median(runs.map(([, first]) => first)).toFixed(2),
  };
});
console.log(`first-call latency (node ${process.version}, ${ROUNDS} processes each)`);
console.table(rows);
