// --format sarif: SARIF 2.1.0 (OASIS), which GitHub code scanning and other
// hosts turn into pull-request annotations. One run; one rule per issue code
// seen (described from ISSUE-CODES.md when it lists the code); one result per
// issue with a physicalLocation (uri relative to the working directory,
// region startLine/startColumn). Columns are UTF-16 code units, as the engine
// counts them, which is SARIF's default columnKind; it is stated anyway.
// Skipped files are not results: there is nothing to annotate.
import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";

const SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const HOME = "https://www.npmjs.com/package/whatsapp-edge";

export function formatSarif(results, _totals, { version, phoneMetadata, cwd = process.cwd() }) {
  const descriptions = issueCodeDescriptions();
  const rules = [];
  const ruleIndex = new Map();
  const sarifResults = [];
  for (const { path, issues } of results) {
    const uri = encodeURI(relative(cwd, path).split(sep).join("/"));
    for (const issue of issues) {
      if (!ruleIndex.has(issue.code)) {
        ruleIndex.set(issue.code, rules.length);
        rules.push({
          id: issue.code,
          shortDescription: { text: descriptions.get(issue.code) ?? issue.code },
          defaultConfiguration: { level: issue.severity === "warning" ? "warning" : "error" },
        });
      }
      sarifResults.push({
        ruleId: issue.code,
        ruleIndex: ruleIndex.get(issue.code),
        level: issue.severity === "warning" ? "warning" : "error",
        message: { text: issue.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri, uriBaseId: "%SRCROOT%" },
            region: { startLine: issue.line, startColumn: issue.column },
          },
        }],
        ...(issue.pointer ? { properties: { jsonPointer: issue.pointer, ...(issue.metaCode ? { metaCode: issue.metaCode } : {}) } } : {}),
      });
    }
  }
  const log = {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [{
      tool: {
        driver: {
          name: "whatsapp-edge", version, informationUri: HOME, rules,
          // The libphonenumber-js release of the phone metadata (phoneMetadataVersion()).
          ...(phoneMetadata ? { properties: { phoneMetadataVersion: phoneMetadata } } : {}),
        },
      },
      columnKind: "utf16CodeUnits",
      results: sarifResults,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** code -> meaning, from the `| \`code\` | meaning |` rows of the package's ISSUE-CODES.md. */
function issueCodeDescriptions() {
  const descriptions = new Map([
    ["cli.unreadable", "The file could not be read."],
    ["cli.file_too_large", "The file is larger than the CLI reads (10 MiB, Meta's Flow JSON limit)."],
    ["cli.ambiguous_shape", "The JSON has the shape of more than one kind of document; pick one with --kind."],
    ["cli.internal", "A validator failed on this file."],
  ]);
  try {
    const table = readFileSync(new URL("../ISSUE-CODES.md", import.meta.url), "utf8");
    for (const [, code, meaning] of table.matchAll(/^\| `([^`]+)` \| (.+?) \|$/gm)) descriptions.set(code, meaning);
  } catch {
    // The descriptions are a courtesy; the codes alone are valid SARIF.
  }
  return descriptions;
}
