// Incremental readers for the phones command: text arrives in chunks of any
// size and rows come out as soon as they are complete, so memory holds one
// chunk and one partial row, never the file.

/**
 * RFC 4180 CSV: fields separated by commas; a field in double quotes may hold
 * commas, newlines and "" (one quote). Rows end at \n, \r\n or \r. Lenient
 * where RFC 4180 is silent: text after a closing quote is kept, an
 * unterminated quote runs to the end of the input.
 */
export class CsvReader {
  #pending = "";

  /** @returns {string[][]} the rows completed by this chunk */
  push(chunk) {
    return this.#drain(this.#pending + chunk, false);
  }

  /** @returns {string[][]} the last row, if the input did not end with a newline */
  end() {
    return this.#drain(this.#pending, true);
  }

  #drain(text, final) {
    const rows = [];
    let position = 0;
    while (position < text.length) {
      const parsed = parseRow(text, position, final);
      if (!parsed) break; // the row continues in the next chunk
      rows.push(parsed.fields);
      position = parsed.next;
    }
    this.#pending = text.slice(position);
    return rows;
  }
}

const DELIMITER = /[,\r\n]/g;

/** One row from `position`, or null when it may continue beyond the text (unless final). */
function parseRow(text, position, final) {
  const fields = [];
  let i = position;
  for (;;) {
    let field = "";
    if (text[i] === '"') {
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) {
          if (!final) return null;
          field += text.slice(from);
          i = text.length;
          break;
        }
        field += text.slice(from, quote);
        if (quote + 1 === text.length && !final) return null; // "" split across chunks?
        if (text[quote + 1] === '"') {
          field += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
    }
    DELIMITER.lastIndex = i;
    const match = DELIMITER.exec(text);
    const end = match ? match.index : text.length;
    if (!match && !final) return null;
    field += text.slice(i, end);
    fields.push(field);
    i = end;
    if (i === text.length) return { fields, next: i }; // final
    if (text[i] === ",") {
      i++;
      if (i === text.length) {
        if (!final) return null;
        fields.push("");
        return { fields, next: i };
      }
      continue;
    }
    if (text[i] === "\r") {
      if (i + 1 === text.length && !final) return null; // maybe \r\n
      return { fields, next: text[i + 1] === "\n" ? i + 2 : i + 1 };
    }
    return { fields, next: i + 1 }; // \n
  }
}

/** One number per line: \n, \r\n or \r; surrounding spaces kept (the engine ignores them). */
export class LineReader {
  #pending = "";

  push(chunk) {
    const text = this.#pending + chunk;
    const lines = text.split(/\r\n|\n|\r/);
    // The last piece may continue; so may a lone \r at the very end (\r\n split).
    this.#pending = lines.pop();
    if (text.endsWith("\r")) {
      this.#pending = `${lines.pop() ?? ""}\r`;
    }
    return lines.map((line) => [line]);
  }

  end() {
    const last = this.#pending.replace(/\r$/, "");
    this.#pending = "";
    return last === "" ? [] : [[last]];
  }
}

/** A CSV line (with its \n), quoting only the fields that need it. */
export function csvLine(fields) {
  return `${fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field)).join(",")}\n`;
}
