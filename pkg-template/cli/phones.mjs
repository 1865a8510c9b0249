// `whatsapp-edge phones`: numbers in (lines, or one CSV column), CSV out with
// each number's E.164 form and verdict. Streaming end to end: rows are parsed
// as chunks arrive, checked in batches with parsePhones (one crossing into
// the engine per batch, not per number), and written with backpressure, so
// memory stays flat whatever the row count.
import { createReadStream, createWriteStream, statSync } from "node:fs";
import { once } from "node:events";
import { parsePhone, parsePhones } from "../node.js";
import { parseFlags } from "./args.mjs";
import { CsvReader, LineReader, csvLine } from "./csv.mjs";
import { progress } from "./progress.mjs";
import { UsageError } from "./usage-error.mjs";

const FLAGS = {
  column: { type: "string" },
  "no-header": { type: "boolean" },
  "default-country": { type: "string" },
  output: { type: "string", short: "o" },
};
const VERDICT_COLUMNS = ["e164", "ok", "type", "country", "error"];
/** Numbers per parsePhones call: large enough that the crossing is noise, small enough to stay flat. */
const BATCH = 4096;

export async function runPhones(argv, io) {
  const { values, positionals } = parseFlags(argv, FLAGS);
  if (positionals.length > 1) throw new UsageError("phones reads one FILE (or - for stdin)");
  const options = phoneOptions(values["default-country"]);
  const column = parseColumn(values.column, values["no-header"]);
  const source = positionals[0] ?? "-";
  if (source === "-" && io.stdin.isTTY) throw new UsageError("phones needs a FILE, or numbers piped to stdin");

  const input = source === "-" ? io.stdin : await openInput(source);
  const output = values.output ? createWriteStream(values.output) : io.stdout;
  const totalBytes = source === "-" ? 0 : statSync(source).size;
  const meter = progress(io.stderr, totalBytes);
  const counts = { rows: 0, valid: 0 };

  const reader = column ? new CsvReader() : new LineReader();
  let header = !column || column.hasHeader; // lines mode writes its own header
  let columnIndex = column?.index;
  let batch = [];
  let bytes = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    const results = parsePhones(batch.map((row) => row[columnIndex ?? 0] ?? ""), options);
    let text = "";
    for (let i = 0; i < batch.length; i++) {
      const result = results[i];
      if (result.ok) counts.valid++;
      text += csvLine([...batch[i], ...verdict(result)]);
    }
    counts.rows += batch.length;
    batch = [];
    if (!output.write(text)) await once(output, "drain");
    meter.update(counts.rows, bytes);
  };

  const take = async (rows) => {
    for (const row of rows) {
      if (row.length === 1 && row[0].trim() === "") continue; // blank line
      if (header) {
        header = false;
        if (column) columnIndex = resolveColumn(column, row);
        output.write(csvLine(column ? [...row, ...VERDICT_COLUMNS] : ["input", ...VERDICT_COLUMNS]));
        if (column) continue;
      }
      batch.push(row);
      if (batch.length >= BATCH) await flush();
    }
  };

  const decoder = new TextDecoder("utf-8", { ignoreBOM: false }); // drops a leading BOM
  for await (const chunk of input) {
    bytes += chunk.length;
    await take(reader.push(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true })));
  }
  await take(reader.push(decoder.decode()));
  await take(reader.end());
  await flush();
  if (header && !column) output.write(csvLine(["input", ...VERDICT_COLUMNS])); // empty input: header only
  meter.done();
  if (output !== io.stdout) {
    output.end();
    await once(output, "finish");
  }
  const count = (n) => n.toLocaleString("en-US");
  const numbers = `${count(counts.rows)} number${counts.rows === 1 ? "" : "s"}`;
  io.stderr.write(`phones: ${numbers}, ${count(counts.valid)} valid, ${count(counts.rows - counts.valid)} invalid\n`);
  return 0;
}

/** e164, ok, type, country, error: the first error's code (the row's input column has the rest of the story). */
function verdict(result) {
  return [result.e164 ?? "", String(result.ok), result.type ?? "", result.country ?? "", result.errors[0]?.code ?? ""];
}

function phoneOptions(defaultCountry) {
  if (defaultCountry === undefined) return undefined;
  const options = { defaultCountry: defaultCountry.toUpperCase() };
  try {
    parsePhone("", options); // the engine knows the regions; ask it once, up front
  } catch (error) {
    if (error?.code === "invalid_argument") throw new UsageError(`--default-country: ${error.message.replace(/^defaultCountry /, "")}`);
    throw error;
  }
  return options;
}

function parseColumn(value, noHeader) {
  if (value === undefined) {
    if (noHeader) throw new UsageError("--no-header needs --column N (a CSV column number)");
    return null;
  }
  if (/^\d+$/.test(value)) {
    if (Number(value) < 1) throw new UsageError("--column numbers start at 1");
    return { index: Number(value) - 1, hasHeader: !noHeader };
  }
  if (noHeader) throw new UsageError("--no-header needs a column number, not a name");
  return { name: value, hasHeader: true };
}

function resolveColumn(column, headerRow) {
  if (column.name === undefined) return column.index;
  const index = headerRow.findIndex((name) => name.trim() === column.name);
  if (index === -1) throw new UsageError(`no column "${column.name}" in the header (${headerRow.join(", ")})`);
  return index;
}

async function openInput(path) {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  try {
    await once(stream, "open");
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${error.code ?? error.message}`);
  }
  return stream;
}
