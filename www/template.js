// The template editor: JSON in a textarea, checked as you type; the findings
// (click one to select its place in the JSON) and a live preview drawn by
// <wa-template-preview>, whose `render` event carries the same findings.
import "whatsapp-edge/element";
import { debounce, loadExamples, showIssues } from "./issues.js";

const STARTER = {
  name: "order_update",
  language: "en_US",
  category: "UTILITY",
  components: [
    { type: "HEADER", format: "TEXT", text: "Your order {{1}}", example: { header_text: ["#A1234"] } },
    {
      type: "BODY",
      text: "Hi {{1}}, your order has *shipped* and arrives _{{2}}_.\nTrack it any time at https://shop.example/track",
      example: { body_text: [["Ana", "tomorrow"]] },
    },
    { type: "FOOTER", text: "Lucky Shrub · reply STOP to opt out" },
    {
      type: "BUTTONS",
      buttons: [
        { type: "URL", text: "Track order", url: "https://shop.example/t/{{1}}", example: ["https://shop.example/t/A1234"] },
        { type: "PHONE_NUMBER", text: "Call us", phone_number: "+15550051310" },
        { type: "QUICK_REPLY", text: "Stop updates" },
      ],
    },
  ],
};

const editor = document.getElementById("template");
const list = document.getElementById("template-issues");
const preview = document.getElementById("preview");
const picker = document.getElementById("template-example");
const dark = document.getElementById("dark");

function update() {
  render.cancel();
  // Text, not an object: findings then carry line and column.
  preview.definition = editor.value;
}
const render = debounce(update, 150);

/** Starts the editor (call after `init()`). */
export function startTemplate() {
  preview.addEventListener("render", (event) => {
    showIssues(list, editor, event.detail.issues, "No issues: Meta would accept this template.");
  });
  dark.addEventListener("change", () => preview.setAttribute("theme", dark.checked ? "dark" : "light"));
  dark.disabled = false;
  editor.value = JSON.stringify(STARTER, null, 2);
  editor.disabled = false;
  editor.addEventListener("input", render);
  picker.addEventListener("change", async () => {
    if (!picker.value) return;
    const response = await fetch(`/corpus/templates/${encodeURIComponent(picker.value)}`);
    editor.value = await response.text();
    editor.scrollTop = 0;
    update();
  });
  update();
  loadExamples(picker, "/corpus/templates/index.json").catch(() => {
    picker.title = "The examples are served by scripts/demo.";
  });
}
