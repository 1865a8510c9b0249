// A one-line progress indicator on stderr, only when stderr is a terminal
// (never in a pipe or a CI log). Redrawn at most every 100 ms.
export function progress(stderr, totalBytes) {
  if (!stderr.isTTY) return { update() {}, done() {} };
  let last = 0;
  const draw = (rows, bytes) => {
    const share = totalBytes ? ` (${Math.min(100, Math.floor((100 * bytes) / totalBytes))}%)` : "";
    stderr.write(`\r\x1b[Kphones: ${rows.toLocaleString("en-US")} rows${share}`);
  };
  return {
    update(rows, bytes) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      draw(rows, bytes);
    },
    done() {
      stderr.write("\r\x1b[K");
    },
  };
}
