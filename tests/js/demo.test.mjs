// Layer 5: the demo page that scripts/demo serves, in real Chromium, used as a
// person would: type into the box, read what the page shows.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { root } from "../../scripts/serve.mjs";
import { launchChromium } from "./helpers.mjs";

// The same server process scripts/demo execs, on a free port so a running demo does not collide.
const server = spawn(process.execPath, [join(root, "scripts/serve.mjs"), "0"], { stdio: ["ignore", "pipe", "inherit"] });
const [banner] = await once(server.stdout, "data");
const url = String(banner).match(/http:\/\/127\.0\.0\.1:\d+\//)[0];
const browser = await launchChromium();
after(async () => {
  await browser.close();
  server.kill();
});

async function typeNumber(text) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(url);
  await page.locator("#phone:enabled").fill(text);
  return { page, errors };
}

test("demo: a valid number is shown as valid, with its country, type and formats", async () => {
  const { page, errors } = await typeNumber("+14155552671");
  const result = page.locator("#result");
  await result.and(page.locator("[data-state=valid]")).waitFor();
  const text = await result.innerText();
  assert.match(text, /Valid/);
  assert.match(text, /\+14155552671/);
  assert.match(text, /US/);
  assert.match(text, /\(415\) 555-2671/);
  assert.match(text, /fixed_line_or_mobile/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("demo: '+1 415' shows a structured error pointing past the last digit", async () => {
  const { page, errors } = await typeNumber("+1 415");
  await page.locator("#result[data-state=invalid]").waitFor();
  const issue = page.locator(".issue").first();
  assert.equal(await issue.getAttribute("data-code"), "phone.too_short");
  assert.equal(await issue.locator(".code").innerText(), "phone.too_short");
  assert.match(await issue.locator(".where").innerText(), /line 1, column 7/);
  // Digits are missing: the marker stands after the input.
  assert.equal(await issue.locator(".pointer mark").evaluate((mark) => mark.previousSibling.textContent), "+1 415");
  assert.equal(await issue.locator(".pointer mark.missing").count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test("demo: a national number with a default country is understood", async () => {
  const { page, errors } = await typeNumber("020 7183 8750");
  await page.locator("#result[data-state=invalid]").waitFor();
  assert.equal(await page.locator(".issue").first().getAttribute("data-code"), "phone.missing_country");
  await page.locator("#country:enabled").fill("gb");
  await page.locator("#result[data-state=valid]").waitFor();
  assert.match(await page.locator("#result").innerText(), /\+442071838750/);
  await page.locator("#country").fill("ZZ");
  await page.locator("#result[data-state=invalid]").waitFor();
  assert.match(await page.locator("#result").innerText(), /defaultCountry/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("demo: input is rendered as text, never as markup", async () => {
  const { page } = await typeNumber("<img src=x onerror=alert(1)>");
  await page.locator("#result[data-state=invalid]").waitFor();
  assert.equal(await page.locator("#result img").count(), 0);
  await page.close();
});
