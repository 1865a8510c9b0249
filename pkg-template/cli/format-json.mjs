// --format json: the results as data, for scripts. Stable keys: tool,
// version, files[] (path, kind?, definition?, note?, issues[] of
// { code, message, severity, line, column, pointer, metaCode? }) and totals.
export function formatJson(results, totals, { version }) {
  return `${JSON.stringify({ tool: "whatsapp-edge", version, files: results, totals }, null, 2)}\n`;
}
