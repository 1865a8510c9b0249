// Command-line flags through Node's own util.parseArgs (no dependency), with
// its errors turned into UsageErrors so they exit 2 with one line.
import { parseArgs } from "node:util";
import { UsageError } from "./usage-error.mjs";

/**
 * Parses `argv` against `options` (util.parseArgs's format). Flags may come
 * before or after paths; `--` ends them; `-` is a path (stdin).
 */
export function parseFlags(argv, options) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    if (typeof error?.code === "string" && error.code.startsWith("ERR_PARSE_ARGS")) {
      // parseArgs's messages are multi-line with advice for programmers; the
      // first sentence is what the user needs.
      throw new UsageError(error.message.split(/\.\s|\n/)[0].replace(/\.$/, ""));
    }
    throw error;
  }
}

/** A non-negative integer flag value, or a UsageError naming the flag. */
export function countFlag(name, value) {
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} takes a whole number, got "${value}"`);
  return Number(value);
}

/** One of `allowed`, or a UsageError listing them. */
export function choiceFlag(name, value, allowed) {
  if (!allowed.includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(", ")}, got "${value}"`);
  }
  return value;
}
