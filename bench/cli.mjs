// The command line's closing figures (issue 12): wall time and peak memory
// (the child's own maxRSS, from process.resourceUsage at exit) to check the
// whole corpus, and to normalise generated phone numbers with `phones`.
// Runs the built pkg/bin (scripts/build first). About 30 s, so it is not part
// of scripts/test's quick bench run: `node bench/cli.mjs [--rows N]`.
// The numbers file is generated in a temporary directory and deleted.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "pkg/bin/whatsapp-edge.mjs");
const { values } = parseArgs({ options: { rows: { type: "string", default: "1000000" } } });
const rows = Number(values.rows);

// Reports the child's peak RSS on its stderr's last line, whatever it runs.
const REPORT_RSS = `data:text/javascript,process.on("exit",()=>process.stderr.write("\\nmaxrss "+process.resourceUsage().maxRSS+"\\n"))`;

function measure(args) {
  const started = performance.now();
  const { status, stdout, stderr } = spawnSync(process.execPath, ["--import", REPORT_RSS, bin, ...args], {
    cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const maxRssKb = Number(/maxrss (\d+)/.exec(stderr)?.[1]);
  return { status, stdout, seconds, maxRssMb: maxRssKb / 1024, stderr: stderr.replace(/\nmaxrss \d+\n$/, "").trim() };
}

/** Numbers as people write them, over several regions, about 1 in 8 invalid. */
function writeNumbers(path, count) {
  const prefixes = ["+1 415 555 ", "+44 20 7183 ", "+49 30 1234 ", "+91 98765 4", "+33 6 12 34 ", "+1 (650) 253-", "not a ", "+86 138 0013 "];
  let chunk = "";
  writeFileSync(path, "");
  for (let i = 0; i < count; i++) {
    chunk += `${prefixes[i % prefixes.length]}${1000 + ((i * 7919) % 9000)}\n`;
    if (chunk.length > 1 << 20) {
      writeFileSync(path, chunk, { flag: "a" });
      chunk = "";
    }
  }
  writeFileSync(path, chunk, { flag: "a" });
}

const line = (label, { seconds, maxRssMb }, extra = "") =>
  console.log(`${label.padEnd(34)} ${seconds.toFixed(2).padStart(7)} s  ${maxRssMb.toFixed(0).padStart(5)} MB peak RSS${extra}`);

console.log(`node ${process.version}, ${bin}`);
const baseline = measure(["--version"]);
line("start-up (--version)", baseline);

const corpus = measure(["check", "tests/fixtures/corpus", "--format", "json"]);
const { totals } = JSON.parse(corpus.stdout);
line("check tests/fixtures/corpus", corpus,
  ` (exit ${corpus.status}; ${totals.files} files: ${totals.errors} errors, ${totals.warnings} warnings)`);

const dir = mkdtempSync(join(tmpdir(), "whatsapp-edge-bench-"));
try {
  for (const count of [...new Set([Math.min(100_000, rows), rows])]) {
    const input = join(dir, `numbers-${count}.txt`);
    writeNumbers(input, count);
    const result = measure(["phones", input, "-o", join(dir, "out.csv")]);
    const megabytes = statSync(input).size / 1024 / 1024;
    line(`phones ${count.toLocaleString("en-US")} numbers`, result,
      ` (${megabytes.toFixed(1)} MB in; ${Math.round(count / result.seconds).toLocaleString("en-US")} numbers/s; ${result.stderr})`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
