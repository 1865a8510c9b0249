// Layer 5: the demo page that scripts/demo serves, in real Chromium, used as a
// person would: type into the boxes, read what the page shows. Also the demo
// server's corpus folder (read-only, nothing outside it) and screenshots of
// representative previews in target/screenshots/ for a person to look at.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { root } from "../../scripts/serve.mjs";
import { launchChromium } from "./helpers.mjs";
import { expectedPreview, plain } from "./preview-expected.mjs";

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

// ---- The template editor, the Flow checker and the corpus server --------------------------

const corpusDir = join(root, "tests/fixtures/corpus/templates");
const corpusFiles = readdirSync(corpusDir).filter((name) => name.endsWith(".json")).sort();
const screenshots = join(root, "target/screenshots");
mkdirSync(screenshots, { recursive: true });

/** A page on the demo, watched: page errors, console errors, CSP violations, dialogs. */
async function openDemo() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error}`));
  page.on("console", (message) => message.type() === "error" && problems.push(`console: ${message.text()}`));
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const response = await page.goto(url);
  await page.locator("body[data-ready=true]").waitFor();
  await page.locator("#template-example:enabled").waitFor();
  const done = async () => {
    problems.push(...(await page.evaluate(() => window.__violations)).map((v) => `csp: ${v}`));
    await page.close();
    return problems;
  };
  return { page, response, problems, done };
}

/** The template textarea's text with `from` replaced by `to`, typed in as a user would. */
async function edit(page, selector, from, to) {
  const text = await page.locator(selector).inputValue();
  assert.ok(text.includes(from), `${selector} contains ${from}`);
  await page.locator(selector).fill(text.replace(from, to));
}

/** Chooses `name` in the examples picker and resolves once the element rendered it. */
function pick(page, name) {
  return page.evaluate(async (file) => {
    const preview = document.getElementById("preview");
    const picker = document.getElementById("template-example");
    const rendered = new Promise((done) => preview.addEventListener("render", (event) => done(event.detail), { once: true }));
    picker.value = file;
    picker.dispatchEvent(new Event("change"));
    const { issues, tree } = await rendered;
    const bubble = preview.shadowRoot.querySelector(".wa-preview > .wa-bubble");
    return {
      source: document.getElementById("template").value,
      issues: issues.length,
      hasTree: typeof tree === "object" && Array.isArray(tree.body),
      parts: bubble ? [...bubble.children].filter((child) => !child.matches(".wa-time")).map((child) => child.className) : null,
      text: preview.shadowRoot.querySelector(".wa-preview")?.textContent ?? "",
      findings: document.querySelectorAll("#template-issues .finding").length,
      shown: shown(preview.shadowRoot.querySelector(".wa-preview")),
    };
    /** What a bubble (with its buttons and cards) shows, part by part, as text. */
    function shown(scope) {
      const bubble = scope.querySelector(":scope > .wa-bubble");
      // innerText: the paragraphs of a body as lines, as a reader sees them.
      const part = (selector) => bubble?.querySelector(`:scope > ${selector}`)?.innerText ?? null;
      const media = bubble?.querySelector(":scope > .wa-media");
      return {
        media: media ? [...media.classList].find((c) => !["wa-media", "wa-placeholder"].includes(c)).slice(3) : null,
        header: part(".wa-header"),
        body: part(".wa-body"),
        footer: part(".wa-footer"),
        offer: bubble?.querySelector(":scope > .wa-offer .wa-offer-text")?.innerText ?? null,
        buttons: [...scope.querySelectorAll(":scope > .wa-buttons > .wa-button")].map((button) => button.innerText),
        cards: [...scope.querySelectorAll(":scope > .wa-cards > .wa-card")].map(shown),
      };
    }
  }, name);
}

/** A page's `shown` with its texts as `plain` makes the expected ones (markers and spacing left out). */
function plainShown({ media, header, body, footer, offer, buttons, cards }) {
  const text = (value) => (value === null ? null : plain(value));
  return { media, header: text(header), body: text(body), footer: text(footer), offer: text(offer), buttons: buttons.map(plain), cards: cards.map(plainShown) };
}

const previewText = (page) => page.locator("#preview").evaluate((element) => element.shadowRoot.textContent);

test("demo: loads under the strict Content-Security-Policy without errors", async () => {
  const { page, response, done } = await openDemo();
  const csp = response.headers()["content-security-policy"];
  // The brief's policy; script-src adds only the import map's hash (the one inline script)
  // and 'wasm-unsafe-eval' (without it Chromium refuses to compile the package's WebAssembly).
  const map = await page.locator("script[type=importmap]").textContent();
  const hash = createHash("sha256").update(map).digest("base64");
  const directives = Object.fromEntries(csp.split(/;\s*/).map((d) => d.split(" ")).map(([name, ...values]) => [name, values.sort()]));
  assert.deepEqual(directives, {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'sha256-${hash}'`, "'wasm-unsafe-eval'"].sort(),
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "https:"].sort(),
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
  });
  assert.equal(JSON.parse(map).imports["whatsapp-edge/element"], "/pkg/element.js");
  assert.equal(JSON.parse(map).imports["whatsapp-edge"], "/pkg/lite/browser.js");
  // One WebAssembly module for the whole page: the lite build, shared with the element.
  const modules = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname).filter((p) => p.endsWith(".wasm")));
  assert.deepEqual([...new Set(modules)], ["/pkg/lite/whatsapp_edge_lite_bg.wasm"]);
  assert.equal(await page.locator("script:not([src]):not([type=importmap])").count(), 0);
  // No inline styles or handlers anywhere, the element's shadow root included.
  const inline = await page.evaluate(() => {
    const all = [...document.querySelectorAll("*"), ...document.getElementById("preview").shadowRoot.querySelectorAll("*")];
    return all.flatMap((node) => [...node.attributes].filter((a) => a.name === "style" || a.name.startsWith("on")).map((a) => a.name));
  });
  assert.deepEqual(inline, []);
  assert.match(await page.locator("#template-issues").innerText(), /No issues/);
  assert.match(await previewText(page), /Hi Ana, your order has shipped/);
  assert.deepEqual(await done(), []);
});

test("demo: editing the template updates the findings and the preview", async () => {
  const { page, done } = await openDemo();
  const nameIssue = page.locator('#template-issues .finding[data-code="template.name_invalid"]');
  await edit(page, "#template", '"name": "order_update"', '"name": "Bad Name"');
  await nameIssue.waitFor();
  assert.equal(await nameIssue.getAttribute("data-severity"), "error");
  assert.match(await nameIssue.innerText(), /line 2, column 11/);
  assert.equal(await page.locator("#template-issues").getAttribute("data-state"), "invalid");
  await edit(page, "#template", '"name": "Bad Name"', '"name": "good_name"');
  await nameIssue.waitFor({ state: "detached" });
  await page.locator("#template-issues[data-state=valid]").waitFor();
  // The body text, formatting and variables as WhatsApp shows them.
  await edit(page, "#template", "Hi {{1}}, your order has *shipped*", "Hello {{1}}, your parcel is *on its way*");
  await page.waitForFunction(() => /Hello Ana, your parcel is on its way/.test(document.getElementById("preview").shadowRoot.textContent));
  assert.equal(await page.locator("#preview strong").filter({ hasText: "on its way" }).count(), 1);
  // Invalid JSON: one finding at the spot, and the page keeps working.
  await page.locator("#template").fill('{ "name": ');
  await page.locator('#template-issues .finding[data-code="json.syntax"]').waitFor();
  assert.deepEqual(await done(), []);
});

test("demo: clicking a finding selects its place in the JSON", async () => {
  const { page, done } = await openDemo();
  await edit(page, "#template", '"name": "order_update"', '"name": "Bad Name"');
  const finding = page.locator('#template-issues .finding[data-code="template.name_invalid"]');
  await finding.click();
  const caret = () =>
    page.locator("#template").evaluate((area) => ({
      focused: document.activeElement === area,
      line: area.value.slice(0, area.selectionStart).split("\n").length,
      column: area.selectionStart - area.value.lastIndexOf("\n", area.selectionStart - 1),
      selected: area.value.slice(area.selectionStart, area.selectionEnd),
    }));
  assert.deepEqual(await caret(), { focused: true, line: 2, column: 11, selected: '"Bad Name"' });

  // A finding far down the text scrolls the textarea to it; the preview's own findings
  // (placed by their JSON Pointer) jump too.
  await edit(page, "#template", '"url": "https://shop.example/t/{{1}}"', '"url": "javascript:alert(1)"');
  const unsafe = page.locator('#template-issues .finding[data-code="preview.link_unsafe"]');
  await unsafe.waitFor();
  await page.locator("#template").evaluate((area) => (area.scrollTop = 0));
  await unsafe.click();
  const at = await caret();
  assert.equal(at.focused, true);
  const expectedLine = (await page.locator("#template").inputValue()).split("\n").findIndex((line) => line.includes('"url": "javascript:alert(1)"')) + 1;
  assert.equal(at.line, expectedLine);
  assert.equal(at.selected, '"javascript:alert(1)"');
  assert.ok((await page.locator("#template").evaluate((area) => area.scrollTop)) > 0, "scrolled to the line");
  assert.deepEqual(await done(), []);
});

test("demo: the Flow checker lists findings and jumps to them", async () => {
  const { page, done } = await openDemo();
  const finding = page.locator('#flow-issues .finding[data-code="flow.reference_unknown"]');
  await finding.waitFor();
  assert.match(await page.locator("#flow-issues").innerText(), /version 7\.3/);
  await finding.click();
  const caret = await page.locator("#flow").evaluate((area) => ({
    focused: document.activeElement === area,
    line: area.value.slice(0, area.selectionStart).split("\n").length,
  }));
  assert.deepEqual(caret, { focused: true, line: Number(await finding.getAttribute("data-line")) });
  await edit(page, "#flow", "${form.mail}", "${form.email}");
  await page.locator("#flow-issues[data-state=valid]").waitFor();
  // An example from the corpus.
  const names = await page.locator("#flow-example option[value]:not([value=''])").evaluateAll((options) => options.map((o) => o.value));
  assert.ok(names.length >= 10);
  await page.selectOption("#flow-example", names[0]);
  await page.waitForFunction((first) => document.getElementById("flow").value.length > 0 && document.querySelector("#flow-issues .summary") && document.getElementById("flow-example").value === first, names[0]);
  assert.deepEqual(await done(), []);
});

test("demo: every corpus template renders in the page's <wa-template-preview>", async () => {
  const { page, problems, done } = await openDemo();
  const listed = await page.locator("#template-example option:not([value=''])").evaluateAll((options) => options.map((o) => o.value));
  assert.deepEqual(listed, corpusFiles);
  assert.ok(listed.length >= 47, `${listed.length} templates`);
  for (const name of corpusFiles) {
    const result = await pick(page, name);
    assert.equal(result.source, readFileSync(join(corpusDir, name), "utf8"), name);
    assert.ok(result.hasTree, name);
    assert.ok(result.parts?.length > 0, `${name}: the bubble shows more than the time`);
    assert.ok(result.text.replace("12:00", "").trim().length > 0, `${name}: non-empty preview`);
    const definition = JSON.parse(readFileSync(join(corpusDir, name), "utf8"));
    assert.deepEqual(plainShown(result.shown), expectedPreview(definition), `${name}: what the preview shows`);
    assert.equal(result.findings, result.issues, `${name}: one finding per issue`);
    assert.deepEqual(problems, [], name);
  }
  assert.deepEqual(await done(), []);
});

// Representative templates, shot in both themes for a person to look at (target/screenshots/).
const SHOTS = {
  "marketing-header-buttons": "metadocs_welcome_discount_template.json",
  "marketing-text-header-quick-replies": "metadocs_seasonal_promotion.json",
  "utility-document-call-url": "pywa_buttons_order_confirmation.json",
  authentication: "metadocs_authentication_code_copy_code_button.json",
  "authentication-one-tap": "postman_otp_one_tap_autofill_button.json",
  carousel: "pywa_carousel_carousel_template_media_cards_v1.json",
  "limited-time-offer": "pywa_limited_time_offer_limited_time_offer_caribbean_pkg_2023.json",
  "location-header": "metadocs_store_grand_opening.json",
};

test("demo: screenshots of representative templates, light and dark", async () => {
  const { page, done } = await openDemo();
  for (const [label, file] of Object.entries(SHOTS)) {
    for (const theme of ["light", "dark"]) {
      await page.locator("#dark").setChecked(theme === "dark");
      await pick(page, file);
      const bubble = page.locator(`#preview .wa-preview.wa-${theme}`);
      assert.equal(await bubble.count(), 1, `${file} in ${theme}`);
      await bubble.screenshot({ path: join(screenshots, `${label}-${theme}.png`) });
    }
  }
  await page.locator("#dark").setChecked(false);
  await pick(page, SHOTS["marketing-header-buttons"]);
  await page.screenshot({ path: join(screenshots, "demo-page.png"), fullPage: true });
  assert.deepEqual(await done(), []);
});

/** A raw request to the demo server (no URL normalisation by a client). */
function raw(path, { method = "GET", host } = {}) {
  const { hostname, port } = new URL(url);
  return new Promise((done, fail) => {
    const request = httpRequest({ hostname, port, path, method, headers: host ? { host } : {} }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => done({ status: response.statusCode, body, headers: response.headers }));
    });
    request.on("error", fail);
    request.end();
  });
}

test("demo server: the corpus is listed and served read-only, nothing outside it", async () => {
  const index = await raw("/corpus/templates/index.json");
  assert.equal(index.status, 200);
  assert.deepEqual(JSON.parse(index.body), corpusFiles);
  const one = await raw(`/corpus/templates/${corpusFiles[0]}`);
  assert.equal(one.status, 200);
  assert.equal(one.body, readFileSync(join(corpusDir, corpusFiles[0]), "utf8"));
  assert.match(one.headers["content-type"], /^application\/json/);
  assert.equal(one.headers["x-content-type-options"], "nosniff");
  for (const path of [
    "/corpus/templates/../../../../Cargo.toml",
    "/corpus/templates/..%2f..%2f..%2f..%2fCargo.toml",
    "/corpus/templates/%2e%2e/%2e%2e/%2e%2e/%2e%2e/Cargo.toml",
    "/corpus/templates/..%5c..%5cCargo.toml",
    "/corpus/templates/%2e%2e%2fflows%2fftools_contact_us.json",
    "/corpus/templates/metadocs_order_confirmation.src.txt",
    "/corpus/templates/.hidden.json",
    "/corpus/templates/%00.json",
    "/corpus/templates/%E0%A4%A.json",
    "/corpus/",
    "/corpus/invalid/index.json",
    "/pkg/../Cargo.toml",
    "/pkg/%2e%2e/Cargo.toml",
    "/..%2fCargo.toml",
    "//etc/passwd",
  ]) {
    const response = await raw(path);
    assert.equal(response.status, 404, path);
    assert.doesNotMatch(response.body, /\[package\]|root:/, path);
  }
  assert.equal((await raw("/corpus/templates/index.json", { method: "POST" })).status, 405);
  assert.equal((await raw("/corpus/templates/index.json", { method: "PUT" })).status, 405);
  // Only requests addressed to this server (DNS rebinding).
  assert.equal((await raw("/corpus/templates/index.json", { host: "evil.example" })).status, 421);
  assert.equal((await raw("/", { host: `localhost:${new URL(url).port}` })).status, 200);
});

test("demo: the page's own files have no inline script, style or handler", () => {
  const html = readFileSync(join(root, "www/index.html"), "utf8");
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
  assert.doesNotMatch(html, /\sstyle\s*=|<style/i);
  assert.equal([...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="importmap")[^>]*>/g)].length, 0);
  for (const file of readdirSync(join(root, "www")).filter((name) => name.endsWith(".js"))) {
    const code = readFileSync(join(root, "www", file), "utf8");
    assert.doesNotMatch(code, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\.style\b|setAttribute\("on|eval\(|new Function/, file);
  }
});

// ---- The Flow playground --------------------------------------------------------------------

const flowDir = join(root, "tests/fixtures/corpus/flows");
const flowFiles = readdirSync(flowDir).filter((name) => name.endsWith(".json")).sort();
const flowShots = join(screenshots, "flows");
mkdirSync(flowShots, { recursive: true });

/** Shows `screen` of the Flow in the editor with `attributes`, resolving with what the element drew. */
function showScreen(page, screen, attributes = {}) {
  return page.evaluate(([screen, attributes]) => new Promise((resolve) => {
    const preview = document.getElementById("flow-preview");
    preview.addEventListener("render", (event) => resolve({
      screen: event.detail.screen,
      codes: event.detail.issues.map((i) => i.code),
      screens: event.detail.screens.map((s) => s.id),
      title: preview.shadowRoot.querySelector(".wf-title")?.textContent ?? "",
      components: preview.shadowRoot.querySelectorAll(".wf-body > *").length,
      branding: preview.shadowRoot.querySelector(".wf-brand")?.textContent,
      footer: !!preview.shadowRoot.querySelector(".wf-cta"),
    }), { once: true });
    for (const [name, value] of Object.entries(attributes)) preview.setAttribute(name, value);
    preview.setAttribute("screen", screen);
  }), [screen, attributes]);
}

test("demo: the Flow playground previews as you type, and a person can click through it", async () => {
  const { page, done } = await openDemo();
  const shadow = page.locator("#flow-preview");
  await shadow.locator('[data-screen="WELCOME"]').waitFor();
  assert.equal(await shadow.locator(".wf-title").innerText(), "Welcome, Ana", "title from __example__");
  assert.equal(await shadow.locator(".wf-cta").isDisabled(), true, "the required email is empty");
  await shadow.locator('input[name="email"]').fill("bo@x.example");
  await page.waitForFunction(() => !document.getElementById("flow-preview").shadowRoot.querySelector(".wf-cta").disabled);
  await shadow.locator(".wf-cta").click();
  await shadow.locator('[data-screen="DONE"]').waitFor();
  assert.match(await shadow.locator(".wf-rich").innerText(), /We wrote to bo@x\.example/, "the payload became the next screen's data");
  assert.equal(await page.locator("#flow-screen").inputValue(), "DONE", "the screen picker follows");
  // Editing the example data redraws the screen.
  await page.locator("#flow-data").fill('{"email": "cy@x.example"}');
  await page.waitForFunction(() => /cy@x\.example/.test(document.getElementById("flow-preview").shadowRoot.querySelector(".wf-rich")?.textContent));
  // The screen picker, RTL and Arabic chrome.
  await page.selectOption("#flow-screen", "WELCOME");
  await shadow.locator('[data-screen="WELCOME"]').waitFor();
  await page.locator("#flow-rtl").check();
  await page.selectOption("#flow-locale", "ar");
  await page.waitForFunction(() => document.getElementById("flow-preview").shadowRoot.querySelector('.wf-phone[dir="rtl"][lang="ar"]'));
  assert.match(await shadow.locator(".wf-brand").innerText(), /تديرها الشركة/);
  // A typo in the JSON shows up in the findings, live.
  await edit(page, "#flow", '"label": "Email"', '"label": "Email", "colour": "red"');
  await page.locator('#flow-issues .finding[data-code="flow.property_unknown"]').waitFor();
  assert.deepEqual(await done(), []);
});

test("demo: every corpus Flow's every screen renders in the playground; screenshots light/dark, LTR/RTL", async () => {
  const { page, problems, done } = await openDemo();
  const listed = await page.locator("#flow-example option:not([value=''])").evaluateAll((options) => options.map((o) => o.value));
  assert.deepEqual(listed, flowFiles);
  let shots = 0;
  for (const name of flowFiles) {
    const flow = JSON.parse(readFileSync(join(flowDir, name), "utf8"));
    await page.evaluate(() => document.getElementById("flow-preview").removeAttribute("screen"));
    await page.selectOption("#flow-example", name);
    await page.waitForFunction((text) => document.getElementById("flow").value === text, readFileSync(join(flowDir, name), "utf8"));
    for (const { id } of flow.screens) {
      for (const [theme, dir] of [["light", "ltr"], ["dark", "ltr"], ["light", "rtl"], ["dark", "rtl"]]) {
        const shown = await showScreen(page, id, { theme, dir });
        assert.equal(shown.screen, id, `${name} ${id}`);
        assert.deepEqual(shown.screens, flow.screens.map((s) => s.id), name);
        assert.ok(!shown.codes.includes("preview.flow_unknown_component"), `${name} ${id}: ${shown.codes}`);
        assert.equal(shown.title, flow.screens.find((s) => s.id === id).title?.includes("${") ? shown.title : (flow.screens.find((s) => s.id === id).title ?? ""), `${name} ${id}: title`);
        assert.ok(shown.components > 0 || shown.footer, `${name} ${id}: drawn`);
        assert.match(shown.branding, /Managed by the business\. Learn more/);
        const phone = page.locator(`#flow-preview .wf-phone.wf-${theme}[dir="${dir}"]`);
        const box = await phone.boundingBox();
        assert.deepEqual([Math.round(box.width), Math.round(box.height)], [360, 640], "a 360×640 phone frame");
        await phone.screenshot({ path: join(flowShots, `${name.replace(/\.json$/, "")}-${id}-${theme}-${dir}.png`) });
        shots++;
      }
    }
    assert.deepEqual(problems, [], name);
  }
  assert.ok(shots >= 4 * 60, `${shots} screenshots`);
  assert.deepEqual(await done(), []);
});
