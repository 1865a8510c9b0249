// A mistake in how the command was called (unknown flag, missing path, bad
// value). The bin prints its message on one line with a hint to --help and
// exits 2; anything else that escapes is a bug and keeps its stack trace.
export class UsageError extends Error {
  constructor(message) {
    super(message);
    this.name = "UsageError";
  }
}
