// A small glob matcher, so quoted patterns work the same in every shell (and
// on Windows, where the shell does not expand them):
//   *      any characters except "/"        ?      one character except "/"
//   **     any number of directories        [abc] [a-z] [!abc]  one of / none of
//   {a,b}  either alternative (no nesting)
// Patterns match "/"-separated paths relative to the pattern's static prefix.

const GLOB_CHARS = /[*?[{]/;

export function isGlob(pattern) {
  return GLOB_CHARS.test(pattern);
}

/**
 * Splits a pattern into the directory to walk (the segments before the first
 * one with a glob character) and the rest, which is matched below it.
 */
export function splitGlob(pattern) {
  const segments = pattern.replaceAll("\\", "/").split("/");
  const firstGlob = segments.findIndex((segment) => isGlob(segment));
  const base = segments.slice(0, firstGlob).join("/");
  return { base: base === "" && pattern.startsWith("/") ? "/" : base || ".", rest: segments.slice(firstGlob).join("/") };
}

export function globToRegExp(pattern) {
  let source = "";
  let inBraces = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === "*" && pattern[i + 1] === "*") {
      // "**/" matches zero or more whole directories; a trailing "**" anything.
      if (pattern[i + 2] === "/") {
        source += "(?:[^/]*/)*";
        i += 2;
      } else {
        source += ".*";
        i += 1;
      }
    } else if (char === "*") {
      source += "[^/]*";
    } else if (char === "?") {
      source += "[^/]";
    } else if (char === "[") {
      const close = pattern.indexOf("]", i + 2);
      if (close === -1) {
        source += "\\[";
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negated = body.startsWith("!") || body.startsWith("^");
      if (negated) body = body.slice(1);
      source += `[${negated ? "^/" : ""}${body.replace(/[\\\]^]/g, "\\$&")}]`;
      i = close;
    } else if (char === "{" && !inBraces) {
      inBraces = true;
      source += "(?:";
    } else if (char === "}" && inBraces) {
      inBraces = false;
      source += ")";
    } else if (char === "," && inBraces) {
      source += "|";
    } else {
      source += char.replace(/[.+^${}()|\\/]/g, "\\$&");
    }
  }
  if (inBraces) throw new Error(`unclosed "{" in the pattern ${pattern}`);
  return new RegExp(`^${source}$`);
}
