// <wa-template-preview> (whatsapp-edge/element) in Chromium, on a plain page
// under the strict Content-Security-Policy: the definition as an attribute,
// rendering in a shadow root, updates from properties and attributes, the
// `render` event. And the module's size: at most 4 KB gzipped (3 KB for
// <wa-template-preview> alone; <wa-flow-preview>, which shares its base, added ~2.6 KB
// in issue 22: input handling, navigation history, data_exchange and the panels).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { serve, root, STRICT_CSP } from "../../scripts/serve.mjs";
import { launchChromium } from "./helpers.mjs";

const mounts = { "/pkg/": join(root, "pkg"), "/pages/": join(root, "tests/js/preview-pages") };
const server = await serve({ mounts, headers: () => ({ "content-security-policy": STRICT_CSP }) });
// The strict policy with Trusted Types enforced: only the element's named policy may write HTML.
const TRUSTED_TYPES_CSP = `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types whatsapp-edge`;
const trustedServer = await serve({ mounts, headers: () => ({ "content-security-policy": TRUSTED_TYPES_CSP }) });
const browser = await launchChromium();
after(async () => {
  await browser.close();
  await server.close();
  await trustedServer.close();
});

/** A page of `base` with every CSP violation (Trusted Types included) and console problem recorded. */
async function open(base) {
  const page = await browser.newPage();
  const problems = [];
  const requests = [];
  page.on("request", (request) => requests.push({ url: request.url(), referer: request.headers().referer }));
  page.on("pageerror", (error) => problems.push(`pageerror: ${error}`));
  page.on("console", (message) => problems.push(`console ${message.type()}: ${message.text()}`));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => window.__violations.push(event.effectiveDirective), true);
  });
  const response = await page.goto(`${base}/pages/element.html`);
  await page.waitForFunction(() => window.__renders.length >= 1);
  return { page, problems, requests, response };
}

/** A template whose header image is `image`. */
const withImage = (image) => ({
  name: "media",
  language: "en_US",
  category: "MARKETING",
  components: [
    { type: "HEADER", format: "IMAGE", example: { header_handle: [image] } },
    { type: "BODY", text: "New arrivals" },
  ],
});

const ELEMENT_BUDGET = 4 * 1024;

test("element: whatsapp-edge/element is at most 4 KB gzipped", (t) => {
  const source = readFileSync(join(root, "pkg/element.js"));
  const gzipped = gzipSync(source, { level: 9 }).length;
  t.diagnostic(`pkg/element.js: ${source.length} B raw, ${gzipped} B gzipped (budget ${ELEMENT_BUDGET} B)`);
  assert.ok(gzipped <= ELEMENT_BUDGET, `${gzipped} B gzipped`);
  const { exports } = JSON.parse(readFileSync(join(root, "pkg/package.json"), "utf8"));
  assert.equal(exports["./element"].default, "./element.js");
});

test("element: renders its definition attribute in a shadow root, re-renders on property and attribute changes", async () => {
  const page = await browser.newPage();
  const stylesheetLoads = [];
  page.on("request", (request) => request.url().endsWith("/preview.css") && stylesheetLoads.push(request.url()));
  const problems = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error}`));
  page.on("console", (message) => problems.push(`console ${message.type()}: ${message.text()}`));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => window.__violations.push(event.effectiveDirective), true);
  });
  const response = await page.goto(`${server.url}/pages/element.html`);
  assert.equal(response.headers()["content-security-policy"], STRICT_CSP);
  const renders = (count) => page.waitForFunction((n) => window.__renders.length >= n, count).then(() => page.evaluate(() => window.__renders));

  // First render: from the attribute, dark, in an open shadow root, styled by preview.css.
  let seen = await renders(1);
  assert.equal(seen.length, 1, "one render for the initial attributes");
  assert.deepEqual(seen[0].codes, []);
  assert.match(seen[0].text, /Hi Ana, your order has shipped\./);
  assert.equal(seen[0].theme, "wa-preview wa-dark");
  assert.deepEqual(seen[0].tree.body[0].type, "paragraph");
  const shadow = await page.evaluate(() => {
    const preview = document.getElementById("preview");
    const bubble = preview.shadowRoot.querySelector(".wa-preview");
    return {
      light: preview.children.length,
      documentHasPreview: document.querySelector(".wa-preview") !== null,
      stylesheet: preview.shadowRoot.querySelector("link[rel=stylesheet]").href,
      wallpaper: getComputedStyle(bubble).backgroundColor,
      bold: preview.shadowRoot.querySelector("strong")?.textContent,
    };
  });
  assert.deepEqual(shadow, {
    light: 0,
    documentHasPreview: false,
    stylesheet: `${server.url}/pkg/preview.css`,
    wallpaper: "rgb(11, 20, 26)",
    bold: "shipped",
  });

  // The definition property (an object) replaces the attribute's; its findings come with the event.
  await page.evaluate(() => {
    document.getElementById("preview").definition = {
      name: "Bad Name",
      language: "en_US",
      category: "MARKETING",
      components: [
        { type: "HEADER", format: "TEXT", text: "Summer sale" },
        { type: "BODY", text: "Everything is 20% off until Sunday." },
      ],
    };
  });
  seen = await renders(2);
  assert.ok(seen[1].codes.includes("template.name_invalid"), seen[1].codes.join());
  assert.match(seen[1].text, /Summer sale/);
  assert.match(seen[1].text, /Everything is 20% off until Sunday\./);
  assert.doesNotMatch(seen[1].text, /Ana/);

  // Several changes in one task: one render. Definition as text: findings with line and column.
  await page.evaluate(() => {
    const preview = document.getElementById("preview");
    preview.definition = '{\n  "name": "Bad Name",\n  "language": "en_US", "category": "UTILITY",\n  "components": [{ "type": "BODY", "text": "Hi {{1}}!", "example": { "body_text": [["Ana"]] } }]\n}';
    preview.send = { components: [{ type: "body", parameters: [{ type: "text", text: "Bo" }] }] };
    preview.setAttribute("theme", "light");
    preview.setAttribute("dir", "rtl");
  });
  seen = await renders(3);
  await page.waitForTimeout(100);
  assert.equal((await page.evaluate(() => window.__renders)).length, 3, "one render for one task's changes");
  const name = seen[2].issues.find((issue) => issue.code === "template.name_invalid");
  assert.deepEqual([name.line, name.column], [2, 11]);
  assert.match(seen[2].text, /Hi Bo!/);
  assert.equal(seen[2].theme, "wa-preview wa-light");
  // Re-renders keep the one stylesheet: styled at once, no flash of unstyled markup.
  assert.deepEqual(seen.slice(1).map((render) => [render.wallpaper, render.stylesheets]), [["rgb(11, 20, 26)", 1], ["rgb(239, 234, 226)", 1]]);
  assert.equal(stylesheetLoads.length, 1);
  assert.equal(await page.evaluate(() => document.getElementById("preview").shadowRoot.querySelector(".wa-preview").dir), "rtl");

  // Broken JSON text is a finding, not an exception.
  await page.evaluate(() => (document.getElementById("preview").definition = '{ "name": '));
  seen = await renders(4);
  assert.ok(seen[3].codes.includes("json.syntax"));

  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test("element: header images load without a referrer; media=\"placeholder\" loads none", async () => {
  const { page, problems, requests } = await open(server.url);
  const loaded = `${server.url}/pages/favicon.svg?loaded`;
  const placeholder = `${server.url}/pages/favicon.svg?placeholder`;

  // Default (load): an <img> with the three attributes, fetched with no Referer.
  await page.evaluate((definition) => (document.getElementById("preview").definition = definition), withImage(loaded));
  await page.waitForFunction(() => window.__renders.length >= 2);
  await page.waitForFunction(() => document.getElementById("preview").shadowRoot.querySelector("img")?.complete);
  const img = await page.evaluate(() => {
    const image = document.getElementById("preview").shadowRoot.querySelector("img");
    return Object.fromEntries([...image.attributes].map(({ name, value }) => [name, value]));
  });
  assert.deepEqual(img, { class: "wa-media", alt: "Header image", src: loaded, referrerpolicy: "no-referrer", loading: "lazy", decoding: "async" });
  const fetched = requests.filter((request) => request.url === loaded);
  assert.equal(fetched.length, 1);
  // (Chromium reports a suppressed Referer as absent or empty.)
  assert.ok(!fetched[0].referer, `no Referer header, got ${fetched[0].referer}`);

  // A new element with media="placeholder" (property, reflected): a labelled box, nothing fetched.
  const shown = await page.evaluate(
    (definition) =>
      new Promise((resolve) => {
        const element = document.createElement("wa-template-preview");
        element.media = "placeholder";
        element.addEventListener("render", () => resolve({
          attribute: element.getAttribute("media"),
          property: element.media,
          html: element.shadowRoot.querySelector(".wa-preview").outerHTML,
          box: element.shadowRoot.querySelector(".wa-placeholder.wa-image")?.textContent,
        }));
        element.definition = definition;
        document.body.append(element);
      }),
    withImage(placeholder),
  );
  assert.deepEqual([shown.attribute, shown.property, shown.box], ["placeholder", "placeholder", "Image"]);
  assert.doesNotMatch(shown.html, /<img|favicon|src=/);
  // Switching the first element to placeholder re-renders it without its <img>.
  await page.evaluate(() => document.getElementById("preview").setAttribute("media", "placeholder"));
  await page.waitForFunction(() => window.__renders.length >= 3);
  assert.equal(await page.evaluate(() => document.getElementById("preview").shadowRoot.querySelector("img")), null);
  await page.waitForTimeout(200);
  assert.deepEqual(requests.filter((request) => request.url === placeholder), [], "the placeholder's image was never requested");
  // A control for the Referer check: the element's stylesheet request carries one.
  const stylesheet = requests.find((request) => request.url.endsWith("/pkg/preview.css"));
  assert.equal(stylesheet.referer, `${server.url}/pages/element.html`);

  // A misspelt value renders nothing and says why.
  const error = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const preview = document.getElementById("preview");
        preview.addEventListener("error", (event) => resolve({ code: event.detail.code, message: event.detail.message }), { once: true });
        preview.media = "none";
      }),
  );
  assert.equal(error.code, "invalid_argument");
  assert.match(error.message, /media/);
  assert.equal(await page.evaluate(() => window.__renders.length), 3);

  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test("element: renders under Trusted Types through its one policy, \"whatsapp-edge\", with no violation", async () => {
  const { page, problems, response } = await open(trustedServer.url);
  assert.equal(response.headers()["content-security-policy"], TRUSTED_TYPES_CSP);
  let seen = await page.evaluate(() => window.__renders);
  assert.match(seen[0].text, /Hi Ana, your order has shipped\./);
  assert.equal(await page.evaluate(() => document.getElementById("preview").shadowRoot.querySelector("strong")?.textContent), "shipped");
  // Re-renders reuse the policy (a second createPolicy of the same name would be refused).
  await page.evaluate(() => (document.getElementById("preview").definition = { name: "x", language: "en_US", category: "UTILITY", components: [{ type: "BODY", text: "Second *render*" }] }));
  await page.waitForFunction(() => window.__renders.length >= 2);
  seen = await page.evaluate(() => window.__renders);
  assert.match(seen[1].text, /Second render/);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], "no Trusted Types violation");
  assert.deepEqual(problems, []);

  // Control: Trusted Types really is enforced here — a plain string into innerHTML is refused.
  const plain = await page.evaluate(() => {
    try {
      document.createElement("div").innerHTML = "<b>x</b>";
      return "assigned";
    } catch (error) {
      return error.name;
    }
  });
  assert.equal(plain, "TypeError");
  await page.waitForFunction(() => window.__violations.length > 0);
  assert.deepEqual(await page.evaluate(() => window.__violations), ["require-trusted-types-for"]);
  await page.close();
});

const corpusFlow = (file) => JSON.parse(readFileSync(join(root, "tests/fixtures/corpus/flows", file), "utf8"));

/** The flow page with `flow` set; `events(type)` lists what the element fired. */
async function flowPage(flow, { answer = false } = {}) {
  const page = await browser.newPage();
  const problems = [];
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (error) => problems.push(`pageerror: ${error}`));
  page.on("console", (message) => problems.push(`console ${message.type()}: ${message.text()}`));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => window.__violations.push(event.effectiveDirective), true);
  });
  await page.goto(`${server.url}/pages/flow-element.html`);
  await page.evaluate(([flow, answer]) => {
    window.__answer = answer;
    document.getElementById("flow").flow = flow;
  }, [flow, answer]);
  const events = (type) => page.evaluate((type) => window.__events.filter((e) => e.type === type).map((e) => e.detail), type);
  const rendered = async (screen) => {
    await page.waitForFunction((screen) => window.__events.some((e) => e.type === "render" && e.detail.screen === screen) && document.getElementById("flow").shadowRoot.querySelector(`[data-screen="${screen}"]`), screen);
  };
  const shadow = page.locator("#flow");
  return { page, problems, requests, events, rendered, shadow };
}

test("flow element: navigate with the payload as data, Back restores the form, complete ends", async () => {
  const { page, problems, events, rendered, shadow } = await flowPage(corpusFlow("pywa_v2_1_costumer_engagement.json"));
  await rendered("QUESTION_ONE");
  const footer = shadow.locator(".wf-cta");
  assert.equal(await footer.isDisabled(), true, "the required CheckboxGroup is empty");
  await shadow.locator("label.wf-option", { hasText: "Check reviews before buying" }).click();
  await page.waitForFunction(() => !document.getElementById("flow").shadowRoot.querySelector(".wf-cta").disabled);
  assert.deepEqual((await events("change")).at(-1), { name: "question1Checkbox", value: ["1"], form: { question1Checkbox: ["1"] } });
  await footer.click();
  await rendered("QUESTION_TWO");
  assert.deepEqual(await events("navigate"), [{ from: "QUESTION_ONE", to: "QUESTION_TWO", payload: { question1Checkbox: ["1"] } }]);
  assert.equal(await shadow.locator(".wf-nav").getAttribute("data-action"), "back", "a later screen has the back arrow");
  // Back: the first screen with its box still checked.
  await shadow.locator(".wf-nav").click();
  await page.waitForFunction(() => document.getElementById("flow").shadowRoot.querySelector('[data-screen="QUESTION_ONE"]'));
  assert.deepEqual(await events("back"), [{ from: "QUESTION_TWO", to: "QUESTION_ONE", refresh: false }]);
  assert.equal(await shadow.locator('input[value="1"]').isChecked(), true, "Back restored the form");
  assert.equal(await shadow.locator(".wf-nav").getAttribute("data-action"), "close");
  // Forward again, through the radio screen, to the end.
  await footer.click();
  await rendered("QUESTION_TWO");
  await shadow.locator("label.wf-option", { hasText: "Look for a deal online" }).click();
  await page.waitForFunction(() => !document.getElementById("flow").shadowRoot.querySelector(".wf-cta").disabled);
  await footer.click();
  await rendered("QUESTION_THREE");
  const navigated = (await events("navigate")).at(-1);
  assert.deepEqual(navigated.payload, { question2RadioButtons: "2", question1Checkbox: ["1"] }, "the payload carried the earlier screen's data");
  await shadow.locator("label.wf-option").first().click();
  await page.waitForFunction(() => !document.getElementById("flow").shadowRoot.querySelector(".wf-cta").disabled);
  await footer.click();
  await page.waitForFunction(() => document.getElementById("flow").shadowRoot.querySelector(".wf-overlay"));
  const [complete] = await events("complete");
  assert.equal(complete.screen, "QUESTION_THREE");
  assert.match(await shadow.locator(".wf-overlay").innerText(), /Flow completed/);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test("flow element: data_exchange waits for the page's respond(); unanswered, a stub says so", async () => {
  const flow = corpusFlow("pywa_v2_1_register.json");
  const { page, problems, events, rendered, shadow } = await flowPage(flow, { answer: true });
  await rendered("REGISTER");
  // MWP: the Form's error-messages from __example__ show under the field.
  assert.match(await shadow.locator(".wf-error").first().innerText(), /Passwords don't match/);
  for (const [name, value] of [["first_name", "Ana"], ["last_name", "Lima"], ["email", "ana@x.example"], ["password", "pw"], ["confirm_password", "pw"]]) {
    await shadow.locator(`input[name="${name}"]`).fill(value);
  }
  assert.equal(await shadow.locator(".wf-cta").isDisabled(), true, "the required OptIn is unchecked");
  await shadow.locator('input[name="terms_agreement"]').check();
  await page.waitForFunction(() => !document.getElementById("flow").shadowRoot.querySelector(".wf-cta").disabled);
  assert.equal(await shadow.locator('input[name="email"]').inputValue(), "ana@x.example", "typing survived the re-renders");
  await shadow.locator(".wf-cta").click();
  await page.waitForFunction(() => document.getElementById("flow").shadowRoot.querySelector(".wf-overlay"));
  const [exchange] = await events("dataexchange");
  assert.deepEqual(exchange, {
    screen: "REGISTER",
    trigger: "footer",
    payload: { first_name: "Ana", last_name: "Lima", email: "ana@x.example", password: "pw", confirm_password: "pw", terms_agreement: true, offers_acceptance: false },
  });
  assert.match(await shadow.locator(".wf-overlay").innerText(), /Waiting for the business/);
  await page.evaluate(() => document.getElementById("flow").respond({ screen: "TERMS_AND_CONDITIONS", data: {} }));
  await rendered("TERMS_AND_CONDITIONS");
  assert.equal(await shadow.locator(".wf-overlay").count(), 0);
  // Nobody answering: the stub names what is missing.
  const second = await flowPage(flow);
  await second.rendered("REGISTER");
  await second.page.evaluate(() => {
    const element = document.getElementById("flow");
    element.form = { first_name: "a", last_name: "b", email: "c", password: "d", confirm_password: "d", terms_agreement: true };
  });
  await second.page.waitForFunction(() => !document.getElementById("flow").shadowRoot.querySelector(".wf-cta").disabled);
  await second.shadow.locator(".wf-cta").click();
  await second.page.waitForFunction(() => document.getElementById("flow").shadowRoot.querySelector(".wf-overlay"));
  assert.match(await second.shadow.locator(".wf-overlay").innerText(), /no endpoint answers in the preview/);
  assert.deepEqual(problems, []);
  assert.deepEqual(second.problems, []);
  await page.close();
  await second.page.close();
});

test("flow element: open_url only fires openurl, the page stays where it is", async () => {
  const flow = {
    version: "7.3",
    screens: [{ id: "A", title: "Links", terminal: true, layout: { type: "SingleColumnLayout", children: [
      { type: "EmbeddedLink", text: "Terms", "on-click-action": { name: "open_url", url: "https://x.example/terms" } },
      { type: "Footer", label: "Done", "on-click-action": { name: "complete", payload: {} } },
    ] } }],
  };
  const { page, problems, events, rendered, shadow, requests } = await flowPage(flow);
  await rendered("A");
  await shadow.locator(".wf-link").click();
  await page.waitForFunction(() => window.__events.some((e) => e.type === "openurl"));
  assert.deepEqual(await events("openurl"), [{ url: "https://x.example/terms" }]);
  assert.equal(new URL(page.url()).pathname, "/pages/flow-element.html");
  assert.ok(!requests.some((url) => url.includes("x.example")));
  assert.deepEqual(problems, []);
  await page.close();
});

test("flow element: an option's on-select update_data redraws the screen with its payload (6.0)", async () => {
  const { page, problems, rendered, shadow } = await flowPage(corpusFlow("pywa_v6_0_update_data.json"));
  await rendered("ADDRESS_SELECTION");
  const labels = () => shadow.locator(".wf-group-label").allInnerTexts();
  assert.deepEqual(await labels(), ["Select country:"], "states and pincodes hidden by the example data");
  await shadow.locator("label.wf-option", { hasText: "USA" }).click();
  await page.waitForFunction(() => document.getElementById("flow").shadowRoot.querySelectorAll(".wf-group-label").length === 2);
  assert.deepEqual(await labels(), ["Select country:", "Select state:"]);
  await shadow.locator("label.wf-option", { hasText: "New York" }).click();
  await page.waitForFunction(() => document.getElementById("flow").shadowRoot.querySelectorAll(".wf-group-label").length === 3);
  assert.match(await shadow.locator(".wf-body").innerText(), /10001/);
  assert.equal(await shadow.locator('input[value="1"]').isChecked(), true, "the country stays chosen");
  assert.deepEqual(problems, []);
  await page.close();
});

test("flow element: the completion summary masks sensitive fields and never shows passwords (5.1+)", async () => {
  const flow = {
    version: "7.3",
    screens: [{ id: "A", title: "Account", terminal: true, sensitive: ["card"], layout: { type: "SingleColumnLayout", children: [
      { type: "TextInput", name: "who", label: "Name" },
      { type: "TextInput", name: "card", label: "Card number" },
      { type: "TextInput", name: "pin", label: "PIN", "input-type": "password" },
      { type: "Footer", label: "Done", "on-click-action": { name: "complete", payload: {} } },
    ] } }],
  };
  const { page, problems, rendered, shadow } = await flowPage(flow);
  await rendered("A");
  for (const [name, value] of [["who", "Ana"], ["card", "4111111111111111"], ["pin", "2468"]]) await shadow.locator(`input[name="${name}"]`).fill(value);
  await shadow.locator(".wf-cta").click();
  await page.waitForFunction(() => document.getElementById("flow").shadowRoot.querySelector(".wf-overlay"));
  const summary = await shadow.locator(".wf-overlay").innerText();
  assert.match(summary, /Name\s+Ana/);
  assert.match(summary, /Card number\s+••••••••••••/);
  assert.doesNotMatch(summary, /4111|2468|PIN/);
  assert.deepEqual(problems, []);
  await page.close();
});
