// Template previews against script injection, in Chromium under the strict
// Content-Security-Policy: an XSS corpus (tests/js/preview-pages/xss-corpus.mjs)
// rendered by renderTemplatePreview (its HTML inserted with innerHTML) and by
// <wa-template-preview>. Nothing may run, nothing may violate the policy,
// nothing may be fetched but the page's own files, and the markup may hold only
// the tags and attributes the preview uses, links only http:, https: and tel:.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { serve, root, STRICT_CSP } from "../../scripts/serve.mjs";
import { launchChromium } from "./helpers.mjs";
import { TEXTS, URLS, cases } from "./preview-pages/xss-corpus.mjs";

// The brief's policy, plus 'wasm-unsafe-eval': without it Chromium refuses to compile
// the package's WebAssembly (it allows wasm compilation only, not eval of JS).
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'";

const server = await serve({
  mounts: { "/pkg/": join(root, "pkg"), "/pages/": join(root, "tests/js/preview-pages") },
  headers: () => ({ "content-security-policy": CSP }),
});
const browser = await launchChromium();
after(async () => {
  await browser.close();
  await server.close();
});

const OWN_FILES = [
  "/pages/xss.html",
  "/pages/xss.js",
  "/pages/xss-corpus.mjs",
  "/pages/fire.mjs",
  "/pages/favicon.svg",
  "/pkg/browser.js",
  "/pkg/element.js",
  "/pkg/whatsapp_edge.js",
  "/pkg/whatsapp_edge_bg.wasm",
  "/pkg/preview.css",
  // The element loads the lean build.
  "/pkg/lite/browser.js",
  "/pkg/lite/whatsapp_edge_lite.js",
  "/pkg/lite/whatsapp_edge_lite_bg.wasm",
  // The JavaScript the glues import (its path carries a build hash).
  ...["snippets", "lite/snippets"].flatMap((dir) =>
    readdirSync(new URL(`../../pkg/${dir}`, import.meta.url), { recursive: true })
      .filter((file) => String(file).endsWith(".js"))
      .map((file) => `/pkg/${dir}/${file}`),
  ),
].map((path) => `${server.url}${path}`);

/** Opens `path` with every detector on: requests, navigations, popups, console, page errors, dialogs, CSP events. */
async function watched(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = { requests: [], navigations: [], popups: [], console: [], errors: [], dialogs: [] };
  page.on("request", (request) => seen.requests.push(request.url()));
  page.on("framenavigated", (frame) => seen.navigations.push(frame.url()));
  context.on("page", (popup) => popup !== page && seen.popups.push(popup.url()));
  page.on("console", (message) => seen.console.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => seen.errors.push(String(error)));
  page.on("dialog", (dialog) => {
    seen.dialogs.push(dialog.message());
    dialog.dismiss();
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__violations.push(`${event.effectiveDirective}: ${event.blockedURI}`);
    }, true);
  });
  await page.goto(`${server.url}${path}`);
  return { context, page, seen };
}

/** What each preview may write: its tags and attributes, its element, stylesheet and URL rules. */
const TEMPLATE = {
  tags: ["DIV", "SPAN", "P", "A", "IMG", "STRONG", "EM", "S", "CODE", "PRE", "UL", "OL", "LI", "BLOCKQUOTE", "BR", "BDI"],
  attributes: ["class", "dir", "href", "target", "rel", "src", "alt", "start", "aria-hidden", "referrerpolicy", "loading", "decoding"],
  element: "wa-template-preview",
  stylesheet: "/pkg/preview.css",
  href: "^(https?://|tel:)",
  src: "^(https?://|tel:)",
};
const FLOW = {
  tags: ["DIV", "SPAN", "P", "A", "IMG", "STRONG", "EM", "S", "UL", "OL", "LI", "H2", "H3", "BUTTON", "FORM", "INPUT", "TEXTAREA", "SELECT", "OPTION", "LABEL", "FIELDSET", "LEGEND", "TABLE", "THEAD", "TBODY", "TR", "TH", "TD", "PRE"],
  attributes: ["class", "dir", "lang", "href", "target", "rel", "src", "alt", "type", "name", "value", "checked", "disabled", "selected", "role", "width", "height", "inputmode", "maxlength", "autocomplete", "aria-label", "aria-hidden", "aria-disabled", "aria-description", "data-screen", "data-action", "data-path", "data-index", "data-clear", "data-pick", "data-ratio", "data-color"],
  element: "wa-flow-preview",
  stylesheet: "/pkg/flow-preview.css",
  href: "^https?://",
  src: "^data:image/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/=]+$",
  // The element sets ratios and colours through CSSOM (a style attribute appears; the CSP allows it).
  cssom: true,
};

/** Every rendered node, in the innerHTML container and the elements' shadow roots, checked against `rules`. */
function audit(rules) {
  const TAGS = new Set(rules.tags);
  const ATTRIBUTES = new Set(rules.attributes);
  const HREF = new RegExp(rules.href, "i");
  const SRC = new RegExp(rules.src, "i");
  // Format characters (zero-width, direction marks, tags…), controls, separators: invisible in a link.
  const INVISIBLE = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\s]/u;
  const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
  // The boxes the function's HTML went into, and the elements' shadow roots.
  const roots = [...document.getElementById("html").children, ...[...document.querySelectorAll(rules.element)].map((e) => e.shadowRoot)];
  const bad = new Set();
  const counts = { roots: roots.length, elements: 0, links: 0, images: 0, styled: 0 };
  const stylesheet = new URL(rules.stylesheet, location.href).href;
  for (const root of roots) {
    for (const node of root.querySelectorAll("*")) {
      counts.elements++;
      if (root instanceof ShadowRoot && node === root.firstElementChild && node.tagName === "LINK") {
        if (node.getAttribute("href") !== stylesheet || node.rel !== "stylesheet" || node.attributes.length !== 2) bad.add(`shadow link ${node.outerHTML}`);
        continue;
      }
      if (!TAGS.has(node.tagName)) bad.add(`tag <${node.tagName.toLowerCase()}>`);
      for (const { name, value } of node.attributes) {
        if (name.startsWith("on")) bad.add(`handler ${name}=${value}`);
        if (rules.cssom && name === "style" && root instanceof ShadowRoot && (node.dataset.ratio || /^#[0-9a-f]{6}$/i.test(node.dataset.color ?? ""))) {
          counts.styled++;
          if (!/^(aspect-ratio: [\d.]+( \/ 1)?;|border-color: rgb\(\d+, \d+, \d+\);)$/.test(value)) bad.add(`style ${value}`);
          continue;
        }
        if (!ATTRIBUTES.has(name)) bad.add(`attribute ${name}=${value}`);
        if ((name === "href" && !HREF.test(value)) || (name === "src" && !SRC.test(value))) bad.add(`${name}=${value.slice(0, 80)}`);
        if ((name === "href" || name === "src") && INVISIBLE.test(value)) bad.add(`invisible character in ${name}=${JSON.stringify(value)}`);
        if (name === "data-color" && !/^#[0-9a-f]{6}$/i.test(value)) bad.add(`data-color=${value}`);
        if (BIDI.test(value)) bad.add(`bidi control in ${name}`);
      }
      if (node.tagName === "A") {
        counts.links++;
        if (!node.hasAttribute("href")) bad.add("link without href");
        if (node.target !== "_blank" || node.rel !== "noopener noreferrer nofollow") bad.add(`link ${node.outerHTML}`);
      }
      if (node.tagName === "IMG") counts.images++;
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) if (BIDI.test(walker.currentNode.data)) bad.add(`bidi control in text ${JSON.stringify(walker.currentNode.data)}`);
  }
  // What each text case shows, in the part `rules.shown` names: the payload as text, not dropped, not parsed.
  const shown = [...document.querySelectorAll("#html > div")].filter((box) => new RegExp(rules.cases).test(box.dataset.label)).map((box) => ({
    label: box.dataset.label,
    text: box.querySelector(rules.shown)?.textContent,
  }));
  return { bad: [...bad], counts, shown, pwned: window.__pwned, violations: window.__violations, results: window.__results, opened: window.__opened, stillHere: location.pathname };
}

test("preview XSS: the policy under test is the strict one", () => {
  assert.equal(STRICT_CSP, CSP);
});

test("preview XSS: the corpus renders through renderTemplatePreview and <wa-template-preview> and nothing runs", async (t) => {
  const { context, page, seen } = await watched("/pages/xss.html");
  await page.locator("body[data-done=true]").waitFor({ timeout: 120_000 });
  // Let anything asynchronous (image errors, late handlers, navigations) happen.
  await page.waitForTimeout(500);
  const report = await page.evaluate(audit, { ...TEMPLATE, cases: "^text \\d+$", shown: ".wa-footer" });
  const all = cases();
  t.diagnostic(`${all.length} cases (${TEXTS.length} text and ${URLS.length} URL payloads), ${report.counts.elements} rendered elements, ${report.counts.links} links, ${new Set(seen.requests).size} distinct requests`);

  assert.equal(report.pwned, undefined, "no payload ran");
  assert.deepEqual(report.violations, [], "no Content-Security-Policy violation");
  assert.deepEqual(seen.errors, [], "no page error");
  assert.deepEqual(seen.dialogs, [], "no dialog");
  assert.deepEqual(seen.console.filter((line) => /^(error|warning)/.test(line)), [], "no console error or warning");
  assert.deepEqual(report.bad, [], "only the preview's tags and attributes, safe links");
  assert.equal(report.stillHere, "/pages/xss.html");
  assert.deepEqual(seen.navigations, [`${server.url}/pages/xss.html`], "no navigation");
  assert.deepEqual(seen.popups, [], "no popup");
  const foreign = [...new Set(seen.requests)].filter((url) => !OWN_FILES.includes(url));
  assert.deepEqual(foreign, [], "only the page's own files were requested");

  assert.equal(report.results.cases, all.length);
  assert.equal(report.results.renders, 2 * all.length, "every case rendered both ways");
  assert.equal(report.counts.roots, 2 * all.length);
  assert.ok(report.counts.elements > 20 * all.length, `rendered ${report.counts.elements} elements`);
  // None of the corpus's links is safe to fetch, so no header became an image; links that are
  // plain https: (autolinked text, the x.example buttons) stay links.
  assert.equal(report.counts.images, 0);
  assert.ok(report.counts.links > 0);
  // Escaped, not dropped: each footer shows its payload as text (bidi controls and NUL removed).
  assert.equal(report.shown.length, TEXTS.length);
  for (const { label, text } of report.shown) {
    const expected = TEXTS[Number(label.split(" ")[1])].replace(/[\u202A-\u202E\u2066-\u2069\0]/g, "");
    assert.equal(text, expected, label);
  }
  assert.ok(URLS.length >= 30);
  await context.close();
});

test("preview XSS: the detectors notice a real injection (control)", async () => {
  const { context, page, seen } = await watched("/pages/xss.html");
  await page.locator("body[data-done=true]").waitFor({ timeout: 120_000 });
  seen.requests.length = 0;
  // What the preview must never produce, inserted by hand.
  await page.evaluate(() => {
    const box = document.querySelector("#html > div");
    box.insertAdjacentHTML("beforeend", '<img src="x" onerror="window.__pwned = 1">');
  });
  await page.waitForFunction(() => window.__violations.length > 0);
  await page.waitForTimeout(200);
  const report = await page.evaluate(audit, { ...TEMPLATE, cases: "^text \\d+$", shown: ".wa-footer" });
  assert.equal(report.pwned, undefined, "the policy blocked the handler");
  assert.ok(report.violations.some((v) => v.startsWith("script-src")), report.violations.join());
  assert.ok(seen.requests.includes(`${server.url}/pages/x`), "the request for x was seen");
  assert.ok(report.bad.some((line) => line.startsWith("handler onerror")), "the audit flags the handler");
  await context.close();
});

test("preview XSS: hostile Flows through renderFlowPreview and <wa-flow-preview>, every button clicked, and nothing runs or loads", async (t) => {
  const { flowCases, BAD_IMAGES } = await import("./preview-pages/flow-xss-corpus.mjs");
  const { context, page, seen } = await watched("/pages/flow-xss.html");
  await page.locator("body[data-done=true]").waitFor({ timeout: 180_000 });
  await page.waitForTimeout(500);
  const report = await page.evaluate(audit, { ...FLOW, cases: "^flow text \\d+$", shown: ".wf-title" });
  const all = flowCases();
  t.diagnostic(`${all.length} Flows, ${report.counts.elements} rendered elements, ${report.counts.links} links, ${report.counts.images} images, ${report.counts.styled} CSSOM-styled`);
  assert.equal(report.pwned, undefined, "no payload ran");
  assert.deepEqual(report.violations, [], "no Content-Security-Policy violation");
  assert.deepEqual(seen.errors, [], "no page error");
  assert.deepEqual(seen.dialogs, [], "no dialog");
  assert.deepEqual(seen.console.filter((line) => /^(error|warning)/.test(line)), [], "no console error or warning");
  assert.deepEqual(report.bad, [], "only the Flow preview's tags and attributes, http(s) links, raster data: images");
  assert.equal(report.stillHere, "/pages/flow-xss.html");
  assert.deepEqual(seen.navigations, [`${server.url}/pages/flow-xss.html`], "no navigation, even after every button was clicked");
  assert.deepEqual(seen.popups, [], "no popup");
  const own = [...OWN_FILES, "/pages/flow-xss.html", "/pages/flow-xss.js", "/pages/flow-xss-corpus.mjs", "/pkg/flow-preview.css"].map((p) => (p.startsWith("/") ? `${server.url}${p}` : p));
  const foreign = [...new Set(seen.requests)].filter((url) => !own.includes(url) && !url.startsWith("data:"));
  assert.deepEqual(foreign, [], "only the page's own files were requested");
  assert.equal(report.results.cases, all.length);
  assert.equal(report.results.renders, 2 * all.length, "every case rendered both ways");
  assert.ok(report.counts.images > 0 && report.counts.links > 0 && report.counts.styled > 0);
  // open_url only ever emitted http(s) URLs; the unsafe ones were dropped.
  assert.ok(report.opened.length > 0 && report.opened.every((url) => /^https?:\/\//.test(url)), report.opened.join());
  assert.equal(report.shown.length, TEXTS.length);
  for (const { label, text } of report.shown) {
    const payload = TEXTS[Number(label.split(" ")[2])].replace(/[\u202A-\u202E\u2066-\u2069\0]/g, "");
    assert.ok(text.startsWith(payload), `${label}: ${JSON.stringify(text)}`);
  }
  assert.ok(BAD_IMAGES.length > 40);
  await context.close();
});
