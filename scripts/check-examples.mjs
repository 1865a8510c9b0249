// Every exported function and class of the package's declarations carries an
// `@example` in its doc comment (scripts/docs --check runs this): the API
// reference shows each export with an example to copy.
import { readFileSync } from "node:fs";

const missing = [];
for (const file of process.argv.slice(2)) {
  const source = readFileSync(file, "utf8");
  for (const match of source.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?export (?:declare )?(?:default )?(function|class) (\w+)/g)) {
    const [, comment = "", kind, name] = match;
    // wasm-bindgen's own default export: index.d.ts re-exports it as `init`.
    if (name === "__wbg_init") continue;
    if (!comment.includes("@example")) missing.push(`${file}: ${kind} ${name}`);
  }
}
if (missing.length > 0) {
  console.error(`exports without an @example in their doc comment:\n  ${missing.join("\n  ")}`);
  process.exit(1);
}
