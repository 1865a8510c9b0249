// `whatsapp-edge check`: flags -> files -> checks -> report -> exit status.
import { writeFileSync } from "node:fs";
import { choiceFlag, countFlag, parseFlags } from "./args.mjs";
import { checkFiles, summarise } from "./check.mjs";
import { useColor } from "./color.mjs";
import { collectFiles } from "./files.mjs";
import { formatJson } from "./format-json.mjs";
import { formatSarif } from "./format-sarif.mjs";
import { formatText } from "./format-text.mjs";
import { phoneMetadataVersion } from "../node.js";
import { VERSION } from "./main.mjs";
import { KINDS } from "./shape.mjs";
import { UsageError } from "./usage-error.mjs";

const FLAGS = {
  format: { type: "string", default: "text" },
  output: { type: "string", short: "o" },
  kind: { type: "string" },
  "template-mode": { type: "string" },
  "max-warnings": { type: "string" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
};
const FORMATTERS = { text: formatText, json: formatJson, sarif: formatSarif };

export function runCheck(argv, io) {
  const { values, positionals } = parseFlags(argv, FLAGS);
  const format = choiceFlag("format", values.format, Object.keys(FORMATTERS));
  const kind = values.kind === undefined ? undefined : choiceFlag("kind", values.kind, KINDS);
  const templateMode = values["template-mode"] === undefined
    ? undefined : choiceFlag("template-mode", values["template-mode"], ["create", "edit"]);
  const maxWarnings = values["max-warnings"] === undefined ? Infinity : countFlag("max-warnings", values["max-warnings"]);
  if (positionals.length === 0) throw new UsageError("check needs at least one PATH (a file, directory or glob)");

  const results = checkFiles(collectFiles(positionals), { kind, templateMode });
  const totals = summarise(results);
  const color = format === "text" && !values.output && useColor(io.stdout, io.env, values);
  const report = FORMATTERS[format](results, totals, { color, version: VERSION, phoneMetadata: phoneMetadataVersion() });
  if (values.output) writeFileSync(values.output, report);
  else io.stdout.write(report);

  if (totals.errors > 0) return 1;
  if (totals.warnings > maxWarnings) {
    io.stderr.write(`whatsapp-edge: ${totals.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}
