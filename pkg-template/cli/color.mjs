// Colour only for people: on when the stream is a terminal, off when piped.
// Precedence: --color / --no-color, then NO_COLOR (any non-empty value, see
// no-color.org), then FORCE_COLOR ("0" or "false" turn it off), then isTTY.

export function useColor(stream, env, flags = {}) {
  if (flags.color) return true;
  if (flags["no-color"]) return false;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return !["0", "false"].includes(env.FORCE_COLOR);
  return Boolean(stream.isTTY);
}

const CODES = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1, underline: 4 };

/** `paint.red("x")` etc.; identity functions when colour is off. */
export function palette(enabled) {
  return Object.fromEntries(
    Object.entries(CODES).map(([name, code]) => [name, enabled ? (text) => `\x1b[${code}m${text}\x1b[0m` : (text) => text]),
  );
}
