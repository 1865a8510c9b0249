// `check`: reads each file, decides what it is (shape.mjs, or --kind), and
// runs the package's own validators on the TEXT, so every issue carries the
// line and column the engine computed. Sends are checked last, against the
// definitions found among the same files (matched by name and language).
import { readFileSync, statSync } from "node:fs";
import { validateFlow, validateMessage, validateTemplate, validateTemplateSend } from "../node.js";
import { detectKind, templateOf } from "./shape.mjs";

/**
 * Files above this are reported, not read: 10 MiB is the largest Flow JSON
 * Meta accepts (validateFlow's own limit), and templates and messages are far
 * smaller, so nothing valid is refused and memory stays bounded.
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * @param {{ path: string, error?: Error }[]} entries from collectFiles
 * @param {{ kind?: string, templateMode?: "create" | "edit" }} options
 * @returns {FileResult[]} in the entries' order; each
 *   `{ path, kind?, definition?, note?, issues: Issue[] }`
 */
export function checkFiles(entries, options = {}) {
  const results = entries.map((entry) => checkOne(entry, options));
  const definitions = indexDefinitions(results);
  for (const result of results) {
    if (result.template) checkSend(result, definitions);
  }
  for (const result of results) {
    // Texts were kept only for the send pass.
    delete result.text;
    delete result.template;
    result.issues.sort((a, b) => a.line - b.line || a.column - b.column);
  }
  return results;
}

function checkOne({ path, error }, { kind: forcedKind, templateMode }) {
  const result = { path, issues: [] };
  const fail = (code, message, severity = "error", line = 1, column = 1) => {
    result.issues.push({ code, message, severity, line, column, pointer: "" });
    return result;
  };
  if (error) return fail("cli.unreadable", `cannot read: ${describe(error)}`);
  let text;
  try {
    const { size } = statSync(path);
    if (size > MAX_FILE_BYTES) {
      return fail("cli.file_too_large", `${megabytes(size)} is over the ${megabytes(MAX_FILE_BYTES)} limit (Meta's largest Flow JSON); not read`);
    }
    text = readFileSync(path, "utf8");
  } catch (readError) {
    return fail("cli.unreadable", `cannot read: ${describe(readError)}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM is not JSON

  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    // The engine says where the text stops being JSON (JSON.parse's message
    // has no line or column in Node 20).
    const [issue] = validateMessage(text).errors;
    const detail = issue?.message.replace(/^.*? not valid JSON: /, "") ?? "not valid JSON";
    return fail("json.syntax", `not JSON: ${detail}`, "error", issue?.line, issue?.column);
  }

  const detected = forcedKind ? { kind: forcedKind } : detectKind(doc);
  if (detected.ambiguous) {
    return fail("cli.ambiguous_shape",
      `looks like ${detected.ambiguous.join(" and ")}; skipped (choose one with --kind)`, "warning");
  }
  if (detected.unknown) {
    result.note = "skipped: not a template, send, message or Flow JSON (README, \"Shape detection\")";
    return result;
  }
  result.kind = detected.kind;
  const validators = {
    template: () => validateTemplate(text, templateMode ? { mode: templateMode } : undefined),
    message: () => validateMessage(text),
    flow: () => validateFlow(text),
    send: () => ({ errors: [], warnings: [] }), // needs its definition: checkSend
  };
  addReport(result, () => validators[detected.kind]());
  const template = templateOf(detected.kind, doc);
  if (template || detected.kind === "template") result.text = text;
  if (template) result.template = template;
  if (detected.kind === "template") {
    result.definitionKeys = (Array.isArray(doc.languages) ? doc.languages : [doc.language]).map((language) => keyOf(doc.name, language));
  }
  return result;
}

function indexDefinitions(results) {
  const byKey = new Map();
  for (const result of results) {
    for (const key of result.definitionKeys ?? []) if (!byKey.has(key)) byKey.set(key, result);
    delete result.definitionKeys;
  }
  return byKey;
}

function checkSend(result, definitions) {
  const { name, language } = result.template;
  const definition = definitions.get(keyOf(name, language?.code));
  if (!definition) {
    const what = `template "${name}" (${language?.code ?? "no language"})`;
    result.note = result.kind === "send"
      ? `skipped: no definition of ${what} among the checked files`
      : `checked as a message only: no definition of ${what} among the checked files`;
    return;
  }
  result.definition = definition.path;
  addReport(result, () => validateTemplateSend(definition.text, result.text));
}

/** Adds a report's issues, once each (a template message's own checks and its send checks can overlap). */
function addReport(result, validate) {
  let report;
  try {
    report = validate();
  } catch (error) {
    // The validators throw only on misuse; say so rather than lose the other files.
    report = { errors: [{ code: "cli.internal", message: `the validator failed: ${describe(error)}`, path: "" }], warnings: [] };
  }
  const seen = new Set(result.issues.map(identity));
  for (const issue of [...report.errors, ...report.warnings]) {
    const normalised = {
      code: issue.code,
      message: issue.message,
      severity: issue.severity ?? "error",
      line: issue.line ?? 1,
      column: issue.column ?? 1,
      pointer: issue.path,
      ...(issue.metaCode === undefined ? {} : { metaCode: issue.metaCode }),
    };
    if (!seen.has(identity(normalised))) {
      seen.add(identity(normalised));
      result.issues.push(normalised);
    }
  }
}

const identity = (issue) => `${issue.code}\0${issue.pointer}\0${issue.line}:${issue.column}`;
const keyOf = (name, language) => `${name}\0${language}`;
const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const describe = (error) => String(error?.message ?? error);

/** Totals over results, for reporters and the exit code. */
export function summarise(results) {
  let errors = 0;
  let warnings = 0;
  let skipped = 0;
  let withoutDefinition = 0;
  for (const { issues, note } of results) {
    for (const issue of issues) issue.severity === "warning" ? warnings++ : errors++;
    if (note?.startsWith("skipped")) skipped++;
    else if (note) withoutDefinition++;
  }
  return { files: results.length, errors, warnings, skipped, withoutDefinition };
}
