// The Flow playground: Flow JSON in a textarea, checked as you type (findings
// listed; click one to select its place in the JSON), and the screen drawn live
// by <wa-flow-preview> beside it, clickable (navigate, Back, complete): a screen
// picker, light/dark, LTR/RTL, the chrome's language, an editor for the screen's
// example data, and a panel that answers the Flow's data_exchange requests.
import "whatsapp-edge/element";
import { debounce, element, loadExamples, showIssues } from "./issues.js";

const STARTER = {
  version: "7.3",
  screens: [
    {
      id: "WELCOME",
      title: "Welcome, ${data.name}",
      data: { name: { type: "string", __example__: "Ana" } },
      layout: {
        type: "SingleColumnLayout",
        children: [
          { type: "TextHeading", text: "Book a table" },
          { type: "TextInput", name: "email", label: "Email", "input-type": "email", required: true, "helper-text": "We send the confirmation here" },
          { type: "ChipsSelector", name: "time", label: "When", "max-selected-items": 1, "data-source": [{ id: "lunch", title: "Lunch" }, { id: "dinner", title: "Dinner" }] },
          { type: "If", condition: "${form.email} != ''", then: [{ type: "TextBody", text: "`'Thanks, ' ${form.mail}`" }], else: [{ type: "TextCaption", text: "Type your email to continue." }] },
          { type: "Footer", label: "Continue", "on-click-action": { name: "navigate", next: { type: "screen", name: "DONE" }, payload: { email: "${form.email}" } } },
        ],
      },
    },
    {
      id: "DONE",
      title: "All set",
      terminal: true,
      data: { email: { type: "string", __example__: "ana@example.com" } },
      layout: {
        type: "SingleColumnLayout",
        children: [
          { type: "RichText", text: ["## See you soon", "We wrote to **${data.email}**.", "- Arrive *10 minutes* early", "- Bring a friend"] },
          { type: "Footer", label: "Done", "on-click-action": { name: "complete", payload: { email: "${data.email}" } } },
        ],
      },
    },
  ],
};

const editor = document.getElementById("flow");
const list = document.getElementById("flow-issues");
const picker = document.getElementById("flow-example");
const preview = document.getElementById("flow-preview");
const screens = document.getElementById("flow-screen");
const data = document.getElementById("flow-data");
const exchange = document.getElementById("flow-exchange");
const reply = document.getElementById("flow-reply");

/** The Flow in the editor as an object, or undefined while it is not JSON. */
function parsed() {
  try {
    return JSON.parse(editor.value);
  } catch {
    return undefined;
  }
}

/** The example data of `id` (each declaration's `__example__`), as JSON for the data editor. */
function examples(id) {
  const screen = parsed()?.screens?.find?.((s) => s.id === id);
  const out = {};
  for (const [key, declaration] of Object.entries(screen?.data ?? {})) if (declaration && "__example__" in declaration) out[key] = declaration.__example__;
  return JSON.stringify(out, null, 2);
}

function update() {
  render.cancel();
  exchange.hidden = true;
  // Text, not an object: findings then carry line and column.
  preview.flow = editor.value;
}
const render = debounce(update, 200);

function showScreens(list, current) {
  const ids = list.map((s) => s.id).join();
  if (screens.dataset.ids !== ids) {
    screens.replaceChildren(...list.map((s) => {
      const option = element("option", "", `${s.id}${s.title ? ` — ${s.title}` : ""}${s.entry ? " (entry)" : ""}${s.terminal ? " (terminal)" : ""}`);
      option.value = s.id;
      return option;
    }));
    screens.dataset.ids = ids;
  }
  if (current) screens.value = current;
}

/** Starts the playground (call after `init()`). */
export function startFlow() {
  preview.addEventListener("render", (event) => {
    const { issues, screens: all, screen } = event.detail;
    showIssues(list, editor, issues, "No issues: this Flow JSON looks valid.");
    list.prepend(element("p", "version", `Checked against Flow JSON version ${event.detail.tree.version}; showing ${screen ?? "no screen"}`));
    showScreens(all, screen);
    // The data the screen was drawn with: the examples, a navigate payload or the business's answer.
    if (document.activeElement !== data) data.value = JSON.stringify(event.detail.tree.data ?? {}, null, 2);
  });
  preview.addEventListener("dataexchange", (event) => {
    // The page answers: preventDefault() tells the element to wait for respond().
    event.preventDefault();
    const routes = parsed()?.routing_model?.[event.detail.screen] ?? [];
    exchange.hidden = false;
    exchange.querySelector("pre").textContent = JSON.stringify(event.detail.payload, null, 2);
    reply.value = JSON.stringify({ screen: routes[0] ?? event.detail.screen, data: {} }, null, 2);
  });
  document.getElementById("flow-respond").addEventListener("click", () => {
    try {
      preview.respond(JSON.parse(reply.value));
      exchange.hidden = true;
    } catch (error) {
      reply.setCustomValidity(String(error.message));
      reply.reportValidity();
    }
  });
  reply.addEventListener("input", () => reply.setCustomValidity(""));
  preview.addEventListener("openurl", (event) => {
    document.getElementById("flow-opened").textContent = `open_url: ${event.detail.url} (the preview never opens it)`;
  });
  for (const [id, attribute, on, off] of [["flow-dark", "theme", "dark", "light"], ["flow-rtl", "dir", "rtl", "ltr"]]) {
    const box = document.getElementById(id);
    box.addEventListener("change", () => preview.setAttribute(attribute, box.checked ? on : off));
    box.disabled = false;
  }
  const locale = document.getElementById("flow-locale");
  locale.addEventListener("change", () => preview.setAttribute("locale", locale.value));
  locale.disabled = false;
  screens.addEventListener("change", () => {
    data.value = examples(screens.value);
    preview.data = undefined;
    preview.setAttribute("screen", screens.value);
  });
  screens.disabled = false;
  data.addEventListener("input", debounce(() => {
    try {
      preview.data = JSON.parse(data.value);
      data.setCustomValidity("");
    } catch (error) {
      data.setCustomValidity(String(error.message));
    }
  }, 200));
  data.disabled = false;
  document.getElementById("flow-restart").addEventListener("click", () => preview.reset());
  editor.value = JSON.stringify(STARTER, null, 2);
  editor.disabled = false;
  editor.addEventListener("input", render);
  picker.addEventListener("change", async () => {
    if (!picker.value) return;
    const response = await fetch(`/corpus/flows/${encodeURIComponent(picker.value)}`);
    editor.value = await response.text();
    editor.scrollTop = 0;
    preview.removeAttribute("screen");
    preview.data = undefined;
    update();
  });
  update();
  loadExamples(picker, "/corpus/flows/index.json").catch(() => {
    picker.title = "The examples are served by scripts/demo.";
  });
}
