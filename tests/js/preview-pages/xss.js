// Renders the XSS corpus through renderTemplatePreview (its HTML inserted with
// innerHTML, as a user of the function would) and through <wa-template-preview>
// (definitions as objects, as text, and as the JSON attribute). Served under the
// strict Content-Security-Policy; the test inspects the result.
import init, { renderTemplatePreview } from "/pkg/browser.js";
import "/pkg/element.js";
import { cases } from "./xss-corpus.mjs";
import { fireAll } from "./fire.mjs";

const all = cases();
const htmlRoot = document.getElementById("html");
const elementsRoot = document.getElementById("elements");
const rendered = [];
const TIMES = ["<script>window.__pwned = 'time'</script>", "12:00", "\u202E21:00"];

await init();
all.forEach(({ label, definition, send }, index) => {
  const text = JSON.stringify(definition, null, 2);
  const options = {
    theme: index % 2 ? "dark" : "light",
    time: TIMES[index % TIMES.length],
    ...(index % 3 === 0 ? { direction: "rtl" } : {}),
    ...(send ? { send: index % 2 ? JSON.stringify(send) : send } : {}),
  };
  const { html, issues } = renderTemplatePreview(index % 2 ? text : definition, options);
  const box = document.createElement("div");
  box.dataset.label = label;
  box.innerHTML = html;
  htmlRoot.append(box);
  rendered.push({ label, issues: issues.length });

  const element = document.createElement("wa-template-preview");
  element.dataset.label = label;
  const done = new Promise((resolve) => element.addEventListener("render", (event) => resolve(event.detail), { once: true }));
  switch (index % 3) {
    case 0:
      element.definition = definition;
      if (send) element.send = send;
      break;
    case 1:
      element.definition = text;
      if (send) element.send = JSON.stringify(send);
      break;
    default:
      element.setAttribute("definition", text);
      if (send) element.setAttribute("send", JSON.stringify(send));
  }
  element.setAttribute("theme", index % 2 ? "dark" : "light");
  element.setAttribute("dir", index % 3 === 0 ? "rtl" : "ltr");
  elementsRoot.append(element);
  rendered.push(done.then((detail) => ({ label, issues: detail.issues.length, element: true })));
});

const results = await Promise.all(rendered);
const nodes = fireAll(htmlRoot, elementsRoot);
window.__results = { cases: all.length, renders: results.length, nodes };
document.body.dataset.done = "true";
