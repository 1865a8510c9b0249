// Turns the command line's paths into the list of files to check.
//   a file       is checked whatever its name (so a misnamed file is reported, not ignored)
//   a directory  is walked for *.json files
//   a glob       (see glob.mjs) is matched below its static prefix
// Walking skips dot-entries and node_modules, and does not follow symlinked
// directories (no loops). A directory that cannot be read becomes an entry
// with its error, reported like an unreadable file; the rest goes on.
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { globToRegExp, isGlob, splitGlob } from "./glob.mjs";
import { UsageError } from "./usage-error.mjs";

/** @returns {{ path: string, error?: Error }[]} sorted, each file once */
export function collectFiles(args) {
  const found = new Map();
  const add = (entry) => {
    const key = resolve(entry.path);
    if (!found.has(key)) found.set(key, entry);
  };
  for (const arg of args) {
    const stat = statOrNull(arg);
    if (stat?.isDirectory()) {
      walk(arg, (path) => path.endsWith(".json"), add);
    } else if (stat) {
      add({ path: arg });
    } else if (isGlob(arg)) {
      const { base, rest } = splitGlob(arg);
      const pattern = globToRegExp(rest);
      const before = found.size;
      if (statOrNull(base)?.isDirectory()) {
        walk(base, (path) => pattern.test(relativeTo(base, path)), add);
      }
      if (found.size === before) throw new UsageError(`no files match ${arg}`);
    } else {
      throw new UsageError(`no such file or directory: ${arg}`);
    }
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function walk(directory, wanted, add) {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    add({ path: directory, error });
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) walk(path, wanted, add);
    // Symlinks to files are checked; a broken one is reported when read.
    else if ((entry.isFile() || entry.isSymbolicLink()) && wanted(path)) add({ path });
  }
}

function relativeTo(base, path) {
  const prefix = base === "." ? "" : base.endsWith("/") ? base : `${base}/`;
  return (path.startsWith(prefix) ? path.slice(prefix.length) : path).replaceAll("\\", "/");
}

function statOrNull(path) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
