// The terminal/CI-log format: one line per issue, `file:line:column` first so
// terminals and editors make it a link, then severity, code and message.
import { palette } from "./color.mjs";

export function formatText(results, totals, { color }) {
  const paint = palette(color);
  const lines = [];
  for (const { path, issues, note } of results) {
    for (const issue of issues) {
      const severity = issue.severity === "warning" ? paint.yellow("warning") : paint.red("error  ");
      lines.push(`${paint.bold(`${path}:${issue.line}:${issue.column}`)}  ${severity}  ${paint.dim(issue.code)}  ${issue.message}`);
    }
    // Template messages checked without their definition are only counted
    // (one per send would drown the log); --format json names them.
    if (note?.startsWith("skipped")) lines.push(paint.dim(`${path}: ${note}`));
  }
  const problems = totals.errors + totals.warnings;
  const checked = [
    `${plural(totals.files, "file")} checked`,
    ...(totals.skipped ? [`${totals.skipped} skipped`] : []),
    ...(totals.withoutDefinition ? [`${plural(totals.withoutDefinition, "template message")} without their definition`] : []),
  ].join(", ");
  if (problems === 0) {
    lines.push(paint.green(`✔ no problems; ${checked}`));
  } else {
    const summary = `✖ ${plural(problems, "problem")} (${plural(totals.errors, "error")}, ${plural(totals.warnings, "warning")}); ${checked}`;
    lines.push(totals.errors ? paint.red(summary) : paint.yellow(summary));
  }
  return `${lines.join("\n")}\n`;
}

const plural = (count, noun) => `${count} ${noun}${count === 1 ? "" : "s"}`;
