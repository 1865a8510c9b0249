// The phone checker: validates the typed number on every keystroke and shows
// the structured result. Text goes into the page only through textContent.
import { parsePhone } from "whatsapp-edge";

const input = document.getElementById("phone");
const country = document.getElementById("country");
const result = document.getElementById("result");

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The input with the character at the issue's UTF-16 column highlighted
 * (a marker after the end when the problem is a missing part). */
function pointer(text, column) {
  const index = column - 1;
  const codePoint = text.codePointAt(index);
  const at = codePoint === undefined ? "" : String.fromCodePoint(codePoint);
  const block = element("p", "pointer");
  const mark = element("mark", at === "" ? "missing" : "", at === " " ? "\u00a0" : at);
  block.append(text.slice(0, index), mark, text.slice(index + at.length));
  return block;
}

/** Options for parsePhone, or the problem with the default country. */
function options() {
  const code = country.value.trim().toUpperCase();
  if (code === "") return {};
  try {
    parsePhone("+1", { defaultCountry: code });
    return { defaultCountry: code };
  } catch (error) {
    return { problem: error.message };
  }
}

function show(value) {
  result.replaceChildren();
  if (value === "") {
    result.dataset.state = "empty";
    result.append("Type a number.");
    return;
  }
  const { problem, ...chosen } = options();
  if (problem) {
    result.dataset.state = "invalid";
    result.append(element("p", "verdict", "Default country"), element("p", "message", problem));
    return;
  }
  const outcome = parsePhone(value, chosen);
  result.dataset.state = outcome.ok ? "valid" : "invalid";
  if (outcome.ok) {
    result.append(
      element("p", "verdict", "Valid"),
      element("dl", "", undefined),
    );
    const list = result.querySelector("dl");
    const rows = [
      ["E.164", outcome.e164],
      ["wa_id", outcome.waId],
      ["Country", outcome.country],
      ["Type", outcome.type],
      ["National", outcome.national],
      ["International", outcome.international],
    ];
    for (const [term, detail] of rows.filter(([, detail]) => detail)) {
      list.append(element("dt", "", term), element("dd", "", detail));
    }
    return;
  }
  result.append(element("p", "verdict", "Invalid"));
  for (const issue of outcome.errors) {
    const item = element("div", "issue");
    item.dataset.code = issue.code;
    item.append(
      element("code", "code", issue.code),
      element("p", "message", issue.message),
      element("p", "where", `line ${issue.line}, column ${issue.column}`),
      pointer(value, issue.column),
    );
    result.append(item);
  }
}

/** Starts the checker (call after `init()`). */
export function startPhone() {
  input.disabled = false;
  country.disabled = false;
  input.addEventListener("input", () => show(input.value));
  country.addEventListener("input", () => show(input.value));
  show(input.value);
}
