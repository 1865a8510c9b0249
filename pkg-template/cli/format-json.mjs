// --format json: the results as data, for scripts. Stable keys: tool,
// version, phoneMetadataVersion (the libphonenumber-js release of the phone
// metadata), files[] (path, kind?, definition?, note?, issues[] of
// { code, message, severity, line, column, pointer, metaCode? }) and totals.
export function formatJson(results, totals, { version, phoneMetadata }) {
  return `${JSON.stringify({ tool: "whatsapp-edge", version, phoneMetadataVersion: phoneMetadata, files: results, totals }, null, 2)}\n`;
}
