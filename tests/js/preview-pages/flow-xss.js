// Renders the Flow XSS corpus through renderFlowPreview (its HTML inserted with
// innerHTML) and through <wa-flow-preview> (Flows as objects, as text, and as the
// JSON attribute), under the strict Content-Security-Policy; then clicks every
// button of every element (actions run: navigate, complete, data_exchange, open_url).
import init, { renderFlowPreview } from "/pkg/browser.js";
import "/pkg/element.js";
import { flowCases } from "./flow-xss-corpus.mjs";
import { fireAll } from "./fire.mjs";

const all = flowCases();
const htmlRoot = document.getElementById("html");
const elementsRoot = document.getElementById("elements");
const rendered = [];
window.__opened = [];

await init();
all.forEach(({ label, flow, data }, index) => {
  const text = JSON.stringify(flow, null, 2);
  const options = { theme: index % 2 ? "dark" : "light", ...(index % 3 === 0 ? { direction: "rtl", locale: "ar" } : {}), ...(data ? { data } : {}) };
  const { html, issues } = renderFlowPreview(index % 2 ? text : flow, options);
  const box = document.createElement("div");
  box.dataset.label = label;
  box.innerHTML = html;
  htmlRoot.append(box);
  rendered.push({ label, issues: issues.length });

  const element = document.createElement("wa-flow-preview");
  element.dataset.label = label;
  const done = new Promise((resolve) => element.addEventListener("render", (event) => resolve(event.detail), { once: true }));
  element.addEventListener("openurl", (event) => window.__opened.push(event.detail.url));
  if (index % 3 === 0) element.flow = flow;
  else if (index % 3 === 1) element.flow = text;
  else element.setAttribute("flow", text);
  if (data) element.setAttribute("data", JSON.stringify(data));
  element.setAttribute("theme", index % 2 ? "dark" : "light");
  element.setAttribute("dir", index % 3 === 0 ? "rtl" : "ltr");
  elementsRoot.append(element);
  rendered.push(done.then((detail) => ({ label, issues: detail.issues.length, element: true })));
});

const results = await Promise.all(rendered);
// Every button of every element clicked once (the element re-renders; its actions must stay inert).
for (const element of elementsRoot.children) {
  for (const button of element.shadowRoot.querySelectorAll("button")) button.click();
}
await new Promise((resolve) => setTimeout(resolve, 100));
const nodes = fireAll(htmlRoot, elementsRoot);
window.__results = { cases: all.length, renders: results.length, nodes };
document.body.dataset.done = "true";
