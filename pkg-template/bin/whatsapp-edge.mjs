#!/usr/bin/env node
// The package's command line (README, "Command line"): pure JavaScript on
// Node >= 20 over the same WebAssembly engine as the library; no network.
import { main } from "../cli/main.mjs";
import { UsageError } from "../cli/usage-error.mjs";

// `whatsapp-edge phones big.csv | head`: the reader leaving early is not an error.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

try {
  // exitCode rather than exit(): lets a large report finish flushing to a pipe.
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error; // a bug: keep the stack trace
  process.stderr.write(`whatsapp-edge: ${error.message}\nRun "whatsapp-edge --help" for usage.\n`);
  process.exitCode = 2;
}
