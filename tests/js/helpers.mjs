// Shared by the JS test files: the pinned Workers compatibility date and Chromium.
import { chromium } from "playwright-core";

/** Pinned so a workerd upgrade cannot silently change runtime behaviour. */
export const COMPATIBILITY_DATE = "2026-07-01";

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}
