// The Flow JSON checker: validateFlow on the text as you type, findings listed
// (click one to select its place in the JSON).
import { validateFlow } from "whatsapp-edge";
import { debounce, element, loadExamples, showIssues } from "./issues.js";

const STARTER = {
  version: "7.3",
  screens: [
    {
      id: "WELCOME",
      terminal: true,
      layout: {
        type: "SingleColumnLayout",
        children: [
          { type: "TextInput", name: "email", label: "Email", "input-type": "email" },
          { type: "TextBody", text: "`'Hello ' ${form.mail}`" },
          { type: "Footer", label: "Done", "on-click-action": { name: "complete", payload: {} } },
        ],
      },
    },
  ],
};

const editor = document.getElementById("flow");
const list = document.getElementById("flow-issues");
const picker = document.getElementById("flow-example");

function check() {
  const report = validateFlow(editor.value);
  showIssues(list, editor, [...report.errors, ...report.warnings], "No issues: this Flow JSON looks valid.");
  if (report.version) list.prepend(element("p", "version", `Checked against Flow JSON version ${report.version}`));
}
const recheck = debounce(check, 150);

/** Starts the checker (call after `init()`). */
export function startFlow() {
  editor.value = JSON.stringify(STARTER, null, 2);
  editor.disabled = false;
  editor.addEventListener("input", recheck);
  picker.addEventListener("change", async () => {
    if (!picker.value) return;
    const response = await fetch(`/corpus/flows/${encodeURIComponent(picker.value)}`);
    editor.value = await response.text();
    editor.scrollTop = 0;
    recheck.cancel();
    check();
  });
  check();
  loadExamples(picker, "/corpus/flows/index.json").catch(() => {
    picker.title = "The examples are served by scripts/demo.";
  });
}
