// Dispatches `whatsapp-edge <command>`. The engine (and its .wasm) is imported
// by the commands themselves, so --help answers instantly; --version loads
// the lite entry (no clients), to ask its metadata which libphonenumber-js
// release it was generated from (recorded there once, never typed here).
import { readFileSync } from "node:fs";
import { CHECK_HELP, MAIN_HELP, PHONES_HELP } from "./help.mjs";
import { UsageError } from "./usage-error.mjs";

export const VERSION = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version;

/** `phone metadata: libphonenumber-js <version>`, the second line of --version. */
export async function phoneMetadataLine() {
  const { phoneMetadataVersion } = await import("../lite/node.js");
  return `phone metadata: libphonenumber-js ${phoneMetadataVersion()}`;
}

/** Runs one invocation; resolves to the exit status. */
export async function main(argv, io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env }) {
  const [command, ...rest] = argv;
  const wantsHelp = rest.includes("--help") || rest.includes("-h");
  switch (command) {
    case undefined:
    case "-h":
    case "--help":
    case "help":
      io.stdout.write(`${MAIN_HELP}\n`);
      return 0;
    case "-v":
    case "--version":
      io.stdout.write(`${VERSION}\n${await phoneMetadataLine()}\n`);
      return 0;
    case "check": {
      if (wantsHelp) return io.stdout.write(`${CHECK_HELP}\n`), 0;
      const { runCheck } = await import("./check-command.mjs");
      return runCheck(rest, io);
    }
    case "phones": {
      if (wantsHelp) return io.stdout.write(`${PHONES_HELP}\n`), 0;
      const { runPhones } = await import("./phones.mjs");
      return runPhones(rest, io);
    }
    default:
      throw new UsageError(`unknown command "${command}" (commands: check, phones)`);
  }
}
