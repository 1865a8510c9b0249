// The `whatsapp-edge` command line as users run it: `npm pack` pkg/, install
// the tarball into a fresh project, and run node_modules/.bin/whatsapp-edge
// on the fixture trees in tests/fixtures/cli/ (copied, so the test can add
// unreadable, broken and oversized files beside them).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "../../scripts/serve.mjs";
import { generateFlow } from "../../bench/generate-flow.mjs";
import { sarifSubset, validate } from "./sarif-schema.mjs";

const project = mkdtempSync(join(tmpdir(), "whatsapp-edge-cli-"));
const fixtures = join(project, "fixtures");
const bin = join(project, "node_modules/.bin/whatsapp-edge");
const version = JSON.parse(readFileSync(join(root, "pkg/package.json"), "utf8")).version;
// The release scripts/phone-metadata.mjs generated the metadata from (the Rust tests check the blob says the same).
const phoneMetadata = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).devDependencies["libphonenumber-js"];

before(() => {
  const npm = (args, cwd) => execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const [tarball] = JSON.parse(npm(["pack", "--json", "--pack-destination", project], join(root, "pkg")));
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  npm(["install", "--no-audit", "--no-fund", "--ignore-scripts", join(project, tarball.filename)], project);
  cpSync(join(root, "tests/fixtures/cli"), fixtures, { recursive: true });
});
after(() => rmSync(project, { recursive: true, force: true }));

/** Runs the installed bin; colour variables cleared unless given. */
function cli(args, { env = {}, input, cwd = fixtures } = {}) {
  const clean = { ...process.env };
  delete clean.NO_COLOR;
  delete clean.FORCE_COLOR;
  const { status, stdout, stderr } = spawnSync(bin, args, { cwd, input, env: { ...clean, ...env }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { status, stdout, stderr };
}

const ISSUE_LINE = /^(\S+):(\d+):(\d+) {2}(error|warning) +(\S+) {2}(.+)$/;
const issueLines = (stdout) => stdout.split("\n").filter((line) => ISSUE_LINE.test(line));
const withoutStack = (stderr) => !/\n\s+at /.test(stderr);

test("cli: the tarball installs a whatsapp-edge bin that answers --version and --help", () => {
  assert.deepEqual(cli(["--version"]), { status: 0, stdout: `${version}\nphone metadata: libphonenumber-js ${phoneMetadata}\n`, stderr: "" });
  const help = cli(["--help"]);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /check PATH/);
  assert.match(help.stdout, /phones/);
  assert.match(cli(["check", "--help"]).stdout, /--max-warnings N/);
  assert.match(cli(["phones", "--help"]).stdout, /--column NAME\|N/);
});

test("cli: a clean tree exits 0; a template send is checked against the definition beside it", () => {
  const { status, stdout } = cli(["check", "valid"]);
  assert.equal(status, 0, stdout);
  assert.equal(stdout, "✔ no problems; 3 files checked\n"); // README.md is not walked
  const json = JSON.parse(cli(["check", "valid", "--format", "json"]).stdout);
  assert.deepEqual([json.version, json.phoneMetadataVersion], [version, phoneMetadata]);
  const kinds = Object.fromEntries(json.files.map((file) => [file.path, file.kind]));
  assert.deepEqual(kinds, {
    "valid/flows/rich_text.json": "flow",
    "valid/sends/order_delivery_update.json": "message",
    "valid/templates/order_delivery_update.json": "template",
  });
  assert.equal(json.files[1].definition, "valid/templates/order_delivery_update.json");
});

test("cli: errors are reported as file:line:column severity code message and exit 1", () => {
  const { status, stdout } = cli(["check", "invalid"]);
  assert.equal(status, 1);
  assert.deepEqual(issueLines(stdout).map((line) => line.split(/ {2,}/).slice(0, 3).join(" ")), [
    "invalid/flow_switch_empty_cases.json:20:22 error flow.branch_empty",
    "invalid/product_cards_send.json:23:18 error template_send.carousel_cards",
    "invalid/product_cards_send.json:59:27 error template_send.carousel_cards",
    "invalid/template_name_uppercase.json:2:11 error template.name_invalid",
  ]);
  assert.match(stdout, /✖ 4 problems \(4 errors, 0 warnings\); 4 files checked\n$/);
  // The position is the offending value in the file.
  const text = readFileSync(join(fixtures, "invalid/template_name_uppercase.json"), "utf8").split("\n");
  assert.ok(text[1].slice(10).startsWith('"'), text[1]);
});

test("cli: a mixed tree reports non-JSON, unknown and ambiguous files and goes on", () => {
  const { status, stdout } = cli(["check", "mixed", "mixed/notes.txt"]);
  assert.equal(status, 1);
  const lines = issueLines(stdout).map((line) => line.split(/ {2,}/).slice(0, 3).join(" "));
  assert.deepEqual(lines, [
    "mixed/ambiguous.json:1:1 warning cli.ambiguous_shape",
    "mixed/not_json.json:1:1 error json.syntax",
    "mixed/notes.txt:1:1 error json.syntax",
    "mixed/sign_in_flow.json:2:14 warning flow.version_frozen",
    "mixed/sign_in_flow.json:45:25 warning flow.text_long",
  ]);
  assert.match(stdout, /^mixed\/package_like\.json: skipped: not a template, send, message or Flow JSON/m);
  assert.match(stdout, /^mixed\/send_without_definition\.json: skipped: no definition of template "hello_world" \(en_US\)/m);
  assert.match(stdout, /7 files checked, 2 skipped\n$/);
});

test("cli: --kind forces the validator", () => {
  const { status, stdout } = cli(["check", "--kind", "flow", "valid/templates/order_delivery_update.json"]);
  assert.equal(status, 1);
  assert.match(stdout, /error {4}missing {2}/);
});

test("cli: quoted globs are expanded by the CLI itself", () => {
  const files = (args) => JSON.parse(cli(["check", "--format", "json", ...args]).stdout).files.map((file) => file.path);
  assert.deepEqual(files(["valid/**/*.json"]), [
    "valid/flows/rich_text.json", "valid/sends/order_delivery_update.json", "valid/templates/order_delivery_update.json",
  ]);
  assert.deepEqual(files(["{invalid,warnings}/*_flow*.json", "mixed/[ab]*.json"]), [
    "mixed/abandoned_cart.json", "mixed/ambiguous.json", "warnings/register_flow.json",
  ]);
  const none = cli(["check", "valid/**/*.yaml"]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /no files match valid\/\*\*\/\*\.yaml/);
});

test("cli: --max-warnings turns too many warnings into exit 1", () => {
  assert.equal(cli(["check", "warnings"]).status, 0);
  assert.equal(cli(["check", "warnings", "--max-warnings", "1"]).status, 0);
  const over = cli(["check", "warnings", "--max-warnings", "0"]);
  assert.equal(over.status, 1);
  assert.equal(over.stderr, "whatsapp-edge: 1 warnings, more than --max-warnings 0\n");
});

test("cli: colour on a forced terminal, never when piped or with NO_COLOR", () => {
  const ansi = /\x1b\[/;
  assert.doesNotMatch(cli(["check", "invalid"]).stdout, ansi);
  assert.match(cli(["check", "invalid"], { env: { FORCE_COLOR: "1" } }).stdout, ansi);
  assert.doesNotMatch(cli(["check", "invalid"], { env: { FORCE_COLOR: "1", NO_COLOR: "1" } }).stdout, ansi);
  assert.doesNotMatch(cli(["check", "invalid"], { env: { FORCE_COLOR: "0" } }).stdout, ansi);
  assert.match(cli(["check", "invalid", "--color"]).stdout, ansi);
  assert.doesNotMatch(cli(["check", "invalid", "--no-color"], { env: { FORCE_COLOR: "1" } }).stdout, ansi);
});

test("cli: --format sarif is SARIF 2.1.0 with rules, levels and regions", () => {
  const { status, stdout } = cli(["check", "invalid", "mixed", "--format", "sarif"]);
  assert.equal(status, 1);
  const log = JSON.parse(stdout);
  assert.deepEqual(validate(log, sarifSubset), []);
  if (process.env.SARIF_SCHEMA) {
    const official = JSON.parse(readFileSync(process.env.SARIF_SCHEMA, "utf8"));
    assert.deepEqual(validate(log, official), []);
  }
  const [run] = log.runs;
  assert.equal(log.version, "2.1.0");
  assert.equal(run.tool.driver.name, "whatsapp-edge");
  assert.equal(run.tool.driver.version, version);
  assert.deepEqual(run.tool.driver.properties, { phoneMetadataVersion: phoneMetadata });
  const ruleIds = run.tool.driver.rules.map((rule) => rule.id);
  assert.deepEqual(new Set(ruleIds), new Set(run.results.map((result) => result.ruleId)));
  for (const result of run.results) assert.equal(ruleIds[result.ruleIndex], result.ruleId);
  const rule = run.tool.driver.rules.find((r) => r.id === "template.name_invalid");
  assert.ok(rule.shortDescription.text.length > 10, "described from ISSUE-CODES.md");
  const name = run.results.find((result) => result.ruleId === "template.name_invalid");
  assert.equal(name.level, "error");
  assert.deepEqual(name.locations[0].physicalLocation, {
    artifactLocation: { uri: "invalid/template_name_uppercase.json", uriBaseId: "%SRCROOT%" },
    region: { startLine: 2, startColumn: 11 },
  });
  assert.equal(run.results.find((result) => result.ruleId === "cli.ambiguous_shape").level, "warning");
  // --output writes the same log to a file.
  assert.equal(cli(["check", "invalid", "mixed", "--format", "sarif", "-o", "report.sarif"]).stdout, "");
  assert.deepEqual(JSON.parse(readFileSync(join(fixtures, "report.sarif"), "utf8")), log);
});

test("cli: unreadable files and oversized files are reported; the rest is still checked", () => {
  const tree = join(fixtures, "hostile");
  mkdirSync(tree);
  cpSync(join(fixtures, "valid/flows/rich_text.json"), join(tree, "fine.json"));
  symlinkSync(join(tree, "missing-target.json"), join(tree, "broken-link.json"));
  writeFileSync(join(tree, "huge.json"), Buffer.alloc(11 * 1024 * 1024, 0x20)); // over the 10 MiB limit
  writeFileSync(join(tree, "big-flow.json"), generateFlow(3 * 1024 * 1024)); // under it
  const locked = join(tree, "locked.json");
  writeFileSync(locked, "{}");
  chmodSync(locked, 0o000);
  const asRoot = process.getuid?.() === 0; // root reads it anyway

  const { status, stdout } = cli(["check", "hostile", "--format", "json"]);
  assert.equal(status, 1);
  const byPath = Object.fromEntries(JSON.parse(stdout).files.map((file) => [file.path, file]));
  assert.equal(byPath["hostile/broken-link.json"].issues[0].code, "cli.unreadable");
  assert.match(byPath["hostile/broken-link.json"].issues[0].message, /ENOENT/);
  assert.equal(byPath["hostile/huge.json"].issues[0].code, "cli.file_too_large");
  assert.match(byPath["hostile/huge.json"].issues[0].message, /11\.0 MiB is over the 10\.0 MiB limit/);
  assert.equal(byPath["hostile/fine.json"].issues.length, 0);
  assert.equal(byPath["hostile/big-flow.json"].kind, "flow");
  assert.deepEqual(byPath["hostile/big-flow.json"].issues.filter((issue) => issue.severity === "error"), []);
  if (asRoot) assert.ok(byPath["hostile/locked.json"].note, "root can read it: skipped as {}");
  else assert.equal(byPath["hostile/locked.json"].issues[0].code, "cli.unreadable");
  chmodSync(locked, 0o600);
});

test("cli: usage errors exit 2 with one line and a hint, never a stack trace", () => {
  for (const [args, message] of [
    [["check"], "check needs at least one PATH"],
    [["check", "--bogus", "valid"], "Unknown option '--bogus'"],
    [["check", "no/such/dir"], "no such file or directory: no/such/dir"],
    [["check", "valid", "--format", "xml"], '--format must be one of text, json, sarif, got "xml"'],
    [["check", "valid", "--kind", "card"], "--kind must be one of template, send, message, flow"],
    [["check", "valid", "--max-warnings", "many"], '--max-warnings takes a whole number, got "many"'],
    [["lint"], 'unknown command "lint"'],
    [["phones", "--default-country", "XX"], "--default-country: must be the ISO 3166-1 alpha-2 code"],
    [["phones", "--no-header"], "--no-header needs --column N"],
    [["phones", "a", "b"], "phones reads one FILE"],
  ]) {
    const { status, stdout, stderr } = cli(args, { input: "" });
    assert.equal(status, 2, args.join(" "));
    assert.equal(stdout, "");
    assert.ok(stderr.startsWith(`whatsapp-edge: ${message}`), `${args.join(" ")}: ${stderr}`);
    assert.ok(stderr.endsWith('\nRun "whatsapp-edge --help" for usage.\n'), stderr);
    assert.equal(stderr.split("\n").length, 3, stderr);
    assert.ok(withoutStack(stderr));
  }
});

test("cli phones: one number per line in, CSV with E.164 and verdicts out", () => {
  const { status, stdout, stderr } = cli(["phones", "--default-country", "gb"], {
    input: "+1 (415) 555-2671\r\n020 7183 8750\n\nnot a number\n+1 415",
  });
  assert.equal(status, 0);
  assert.equal(stdout, [
    "input,e164,ok,type,country,error",
    "+1 (415) 555-2671,+14155552671,true,fixed_line_or_mobile,US,",
    "020 7183 8750,+442071838750,true,fixed_line,GB,",
    "not a number,,false,,,phone.not_a_number",
    "+1 415,+1415,false,,,phone.too_short",
    "",
  ].join("\n"));
  // No progress line when stderr is not a terminal: just the summary.
  assert.equal(stderr, "phones: 4 numbers, 2 valid, 2 invalid\n");
});

test("cli phones: a CSV column by name keeps every column, quoted fields intact", () => {
  writeFileSync(join(fixtures, "contacts.csv"),
    'name,note,phone\n"Doe, Jane","says ""hi""\non two lines",+14155552671\nBob,,"+44 20 7183 8750"\nEve,x,12\n');
  const { status, stdout } = cli(["phones", "contacts.csv", "--column", "phone"]);
  assert.equal(status, 0);
  assert.equal(stdout, [
    "name,note,phone,e164,ok,type,country,error",
    '"Doe, Jane","says ""hi""\non two lines",+14155552671,+14155552671,true,fixed_line_or_mobile,US,',
    "Bob,,+44 20 7183 8750,+442071838750,true,fixed_line,GB,",
    "Eve,x,12,,false,,,phone.missing_country",
    "",
  ].join("\n"));
  const byNumber = cli(["phones", "-", "--column", "2", "--no-header", "-o", "out.csv"], { input: "a,+14155552671\n" });
  assert.equal(byNumber.stdout, "");
  assert.equal(readFileSync(join(fixtures, "out.csv"), "utf8"), "a,+14155552671,+14155552671,true,fixed_line_or_mobile,US,\n");
  const missing = cli(["phones", "contacts.csv", "--column", "mobile"]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no column "mobile" in the header \(name, note, phone\)/);
});

test("cli phones: many rows stream through in order, each once", () => {
  const rows = 30_000; // several batches and read chunks
  const lines = Array.from({ length: rows }, (_, i) => `+1 415 555 ${String(i % 10_000).padStart(4, "0")}`);
  writeFileSync(join(fixtures, "many.txt"), `${lines.join("\n")}\n`);
  const { status, stdout, stderr } = cli(["phones", "many.txt"]);
  assert.equal(status, 0);
  const out = stdout.trimEnd().split("\n");
  assert.equal(out.length, rows + 1);
  assert.equal(out[rows], `${lines[rows - 1]},+14155559999,true,fixed_line_or_mobile,US,`);
  assert.equal(stderr, "phones: 30,000 numbers, 30,000 valid, 0 invalid\n");
});
