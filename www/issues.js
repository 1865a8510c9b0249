// Shared by the template and Flow editors: the list of findings under a JSON
// textarea, each a button that selects the spot it is about in the textarea.
// Text goes into the page only through textContent.

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** `run` at most once per `wait` ms of quiet. */
export function debounce(run, wait) {
  let timer;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => run(...args), wait);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}

/** The UTF-16 offset of 1-based `line` and `column` in `text` (clamped to the text). */
export function offsetOf(text, line, column) {
  let offset = 0;
  for (let at = 1; at < line; at++) {
    const end = text.indexOf("\n", offset);
    if (end < 0) return text.length;
    offset = end + 1;
  }
  const lineEnd = text.indexOf("\n", offset);
  return Math.min(offset + Math.max(column - 1, 0), lineEnd < 0 ? text.length : lineEnd);
}

/** 1-based line and column of `offset` in `text`. */
export function positionOf(text, offset) {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}

/** Where the value at JSON Pointer `pointer` starts in the JSON `text`, or null.
 * For findings that carry a path but no position. Iterative: any nesting depth. */
export function locatePointer(text, pointer) {
  if (pointer !== "" && !pointer.startsWith("/")) return null;
  const keys = pointer === "" ? [] : pointer.slice(1).split("/").map((key) => key.replace(/~1/g, "/").replace(/~0/g, "~"));
  const n = text.length;
  let i = 0;
  const space = () => {
    while (i < n && " \t\n\r".includes(text[i])) i++;
  };
  const skipString = () => {
    for (i++; i < n && text[i] !== '"'; i += text[i] === "\\" ? 2 : 1);
    i++;
  };
  const skipValue = () => {
    space();
    if (text[i] === '"') return skipString();
    if (text[i] !== "[" && text[i] !== "{") {
      while (i < n && !",]} \t\n\r".includes(text[i])) i++;
      return;
    }
    let depth = 0;
    do {
      const c = text[i];
      if (c === '"') {
        skipString();
        continue;
      }
      if (c === "[" || c === "{") depth++;
      else if (c === "]" || c === "}") depth--;
      i++;
    } while (i < n && depth > 0);
  };
  for (const key of keys) {
    space();
    if (text[i] === "{") {
      i++;
      for (;;) {
        space();
        if (text[i] !== '"') return null;
        const start = i;
        skipString();
        let name;
        try {
          name = JSON.parse(text.slice(start, i));
        } catch {
          return null;
        }
        space();
        if (text[i] !== ":") return null;
        i++;
        if (name === key) break;
        skipValue();
        space();
        if (text[i] !== ",") return null;
        i++;
      }
    } else if (text[i] === "[" && /^(0|[1-9]\d*)$/.test(key)) {
      i++;
      for (let index = Number(key); index > 0; index--) {
        skipValue();
        space();
        if (text[i] !== ",") return null;
        i++;
      }
    } else {
      return null;
    }
  }
  space();
  return i < n ? i : null;
}

/** The end of the JSON token that starts at `start` (a string with its quotes, or a bare word). */
function tokenEnd(text, start) {
  if (text[start] === '"') {
    let at = start + 1;
    while (at < text.length && text[at] !== '"' && text[at] !== "\n") at += text[at] === "\\" ? 2 : 1;
    return Math.min(at + 1, text.length);
  }
  const word = /^[^\s,:[\]{}"]*/.exec(text.slice(start, start + 200))[0];
  return start + word.length;
}

/** Focuses `textarea` with the token at `line`:`column` selected (the caret there when it is
 * not a token) and scrolls it into view. */
export function jump(textarea, line, column) {
  const text = textarea.value;
  const start = offsetOf(text, line, column);
  textarea.focus({ preventScroll: true });
  textarea.setSelectionRange(start, tokenEnd(text, start));
  const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
  textarea.scrollTop = Math.max(0, (line - 1) * lineHeight - textarea.clientHeight / 3);
  textarea.scrollLeft = 0;
  textarea.scrollIntoView({ block: "nearest" });
}

/** Shows `issues` (errors first, then warnings, as the validators order them) in `list`;
 * each is a button that jumps to its place in `textarea`. `ok` is the line shown when
 * there is nothing. Issues without a position are placed by their path when it can be found. */
export function showIssues(list, textarea, issues, ok) {
  const text = textarea.value;
  list.replaceChildren();
  const errors = issues.filter((issue) => issue.severity === "error").length;
  const warnings = issues.length - errors;
  list.dataset.state = errors ? "invalid" : warnings ? "warnings" : "valid";
  const count = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  list.append(element("p", "summary", issues.length ? `${count(errors, "error")}, ${count(warnings, "warning")}` : ok));
  if (!issues.length) return;
  const items = element("ol", "findings");
  for (const issue of issues) {
    let { line, column } = issue;
    if (line === undefined && typeof issue.path === "string") {
      const offset = locatePointer(text, issue.path);
      if (offset !== null) ({ line, column } = positionOf(text, offset));
    }
    const button = element("button", `finding ${issue.severity}`);
    button.type = "button";
    button.dataset.code = issue.code;
    button.dataset.severity = issue.severity;
    const where = [issue.path || "/"];
    if (line !== undefined) {
      button.dataset.line = line;
      button.dataset.column = column;
      where.unshift(`line ${line}, column ${column}`);
      button.addEventListener("click", () => jump(textarea, line, column));
    } else {
      button.disabled = true;
    }
    button.append(
      element("span", "finding-severity", issue.severity),
      element("code", "finding-code", issue.code),
      element("span", "finding-message", issue.message),
      element("span", "finding-where", where.join(" · ")),
    );
    const item = element("li");
    item.append(button);
    items.append(item);
  }
  list.append(items);
}

/** Fills `select` with the corpus's example files listed at `indexUrl`; resolves to the names. */
export async function loadExamples(select, indexUrl) {
  const response = await fetch(indexUrl);
  if (!response.ok) throw new Error(`${indexUrl}: ${response.status}`);
  const names = await response.json();
  for (const name of names) {
    const option = element("option", "", name.replace(/\.json$/, "").replace(/_/g, " "));
    option.value = name;
    select.append(option);
  }
  select.disabled = false;
  return names;
}
