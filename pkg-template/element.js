// <wa-template-preview> and <wa-flow-preview> (below).
// <wa-template-preview>: renders a template definition as WhatsApp shows it.
// Set `definition` (and `send`) as properties, or as JSON in the attributes
// of the same names; `theme="dark"`, `dir` and `media` work as attributes too.
// Styles live in a shadow root (preview.css from beside this file), so the page's
// CSS cannot reach in and a strict Content-Security-Policy is enough.
// After each render it dispatches a `render` event with `{ issues, tree }`.
import init, { renderTemplatePreview, renderFlowPreview } from "./lite/browser.js";

const css = new URL("./preview.css", import.meta.url).href;
// Trusted Types: the policy passes renderTemplatePreview's HTML through (it is
// escaped already); made once, when first needed, and never exported.
let policy;
const trusted = (html) =>
  globalThis.trustedTypes
    ? (policy ??= trustedTypes.createPolicy("whatsapp-edge", { createHTML: (html) => html })).createHTML(html)
    : html;
const json = (text) => {
  try {
    return text == null ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
};

// What both elements share (module-private through symbols): a shadow root
// with the stylesheet and a view, and changes in one task drawn once.
const VIEW = Symbol("view");
const DRAW = Symbol("draw");
const UPDATE = Symbol("update");
class Preview extends HTMLElement {
  #queued = false;

  // The stylesheet link stays put and only the view's content is replaced: a new
  // <link> on every render would reload the styles and flash unstyled markup.
  constructor(stylesheet) {
    super();
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = stylesheet;
    this[VIEW] = document.createElement("div");
    this.attachShadow({ mode: "open" }).append(link, this[VIEW]);
  }

  connectedCallback() {
    this[UPDATE]();
  }

  // Changes in one task render once.
  [UPDATE]() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() =>
      init()
        .then(() => {
          this.#queued = false;
          this[DRAW]();
        })
        .catch((error) => {
          this.#queued = false;
          this.dispatchEvent(new CustomEvent("error", { detail: error }));
        }),
    );
  }
}

export class WaTemplatePreview extends Preview {
  static observedAttributes = ["definition", "send", "theme", "dir", "media"];
  #definition;
  #send;

  constructor() {
    super(css);
  }

  get definition() {
    return this.#definition ?? json(this.getAttribute("definition"));
  }
  set definition(value) {
    this.#definition = value;
    this[UPDATE]();
  }
  get send() {
    return this.#send ?? json(this.getAttribute("send"));
  }
  set send(value) {
    this.#send = value;
    this[UPDATE]();
  }
  get media() {
    return this.getAttribute("media") ?? "load";
  }
  set media(value) {
    this.setAttribute("media", value);
  }

  attributeChangedCallback() {
    this[UPDATE]();
  }

  [DRAW]() {
    const definition = this.definition;
    if (definition === undefined || !this.isConnected) return;
    // `media` as given (null: absent): a typo throws (an `error` event) rather than loading media.
    const options = { theme: this.getAttribute("theme") === "dark" ? "dark" : "light", media: this.getAttribute("media") };
    const dir = this.getAttribute("dir");
    if (dir === "rtl" || dir === "ltr") options.direction = dir;
    if (this.send !== undefined) options.send = this.send;
    const { html, tree, issues } = renderTemplatePreview(definition, options);
    // `html` is built by renderTemplatePreview: escaped text, class names, safe links only.
    this[VIEW].innerHTML = trusted(html);
    this.dispatchEvent(new CustomEvent("render", { detail: { issues, tree } }));
  }
}

if (!customElements.get("wa-template-preview")) customElements.define("wa-template-preview", WaTemplatePreview);

// <wa-flow-preview>: one screen of a Flow JSON as WhatsApp draws it, clickable.
// `flow`, `screen`, `theme`, `dir`, `data`, `locale` as attributes or properties
// (JSON in `flow`/`data`), `form` as a property. Typing and picking re-render
// the screen (If/Switch, `${form.…}`, the Footer's state); the Footer, links and
// list rows run their action: `navigate` moves on with the payload as the next
// screen's data (Back restores the form), `complete` shows the payload,
// `data_exchange` fires a cancelable `dataexchange` and waits for respond(),
// `open_url` only fires `openurl` (the element never navigates), `update_data`
// merges its payload. Events: render, change, navigate, back, dataexchange,
// complete, openurl, close, error.
const flowCss = new URL("./flow-preview.css", import.meta.url).href;
const find = (tree, path) => (tree?.body ?? []).find((node) => node.path === path);

export class WaFlowPreview extends Preview {
  static observedAttributes = ["flow", "screen", "theme", "dir", "data", "locale"];
  #flow;
  #data;
  #form = {};
  #at; // { screen, data, form } now
  #history = [];
  #state; // undefined, { wait, payload }, { done: payload } or { error }
  #tree;
  #view;
  #pending; // the input just changed: its on-select/on-unselect actions run once the screen is redrawn

  constructor() {
    super(flowCss);
    this.#view = this[VIEW];
    this.#view.addEventListener("input", (event) => this.#input(event.target));
    this.#view.addEventListener("change", (event) => this.#input(event.target));
    this.#view.addEventListener("click", (event) => this.#click(event.target));
  }

  get flow() {
    return this.#flow ?? json(this.getAttribute("flow"));
  }
  set flow(value) {
    this.#flow = value;
    this.reset();
  }
  get data() {
    return this.#data ?? json(this.getAttribute("data"));
  }
  // The data of the screen shown (the first one until a person moves on).
  set data(value) {
    this.#data = value;
    this.#redata();
  }
  get form() {
    return this.#form;
  }
  set form(value) {
    this.#form = value ?? {};
    this.reset();
  }
  get screen() {
    return this.#at?.screen ?? this.getAttribute("screen") ?? undefined;
  }
  set screen(value) {
    this.setAttribute("screen", value);
  }

  attributeChangedCallback(name) {
    if (name === "theme" || name === "dir" || name === "locale") this[UPDATE]();
    else if (name === "data") this.#redata();
    else this.reset();
  }
  #redata() {
    if (this.#at) this.#at = { ...this.#at, data: this.data };
    this[UPDATE]();
  }

  /** Back to the first screen (the `screen` attribute, else the entry), history and answers cleared. */
  reset() {
    this.#history = [];
    this.#state = undefined;
    this.#at = { screen: this.getAttribute("screen") ?? undefined, data: this.data, form: { ...this.#form } };
    this[UPDATE]();
  }
  /** Shows screen `id` (its example data, a fresh form), keeping the history. */
  goTo(id) {
    this.#push();
    this.#at = { screen: id, data: undefined, form: {} };
    this[UPDATE]();
  }
  /** What the Back button does: the previous screen with its form as it was; on the first, `close`. */
  back() {
    if (this.#state) {
      this.#state = undefined;
      return this[UPDATE]();
    }
    const refresh = !!this.#tree?.screen?.refreshOnBack;
    const previous = this.#history.at(-1);
    if (!previous) return this.#fire("close", {}, false);
    if (!this.#fire("back", { from: this.screen, to: previous.screen, refresh })) return;
    if (refresh) return this.#exchange({}, "back");
    this.#at = this.#history.pop();
    this[UPDATE]();
  }
  /** The business's answer to a `dataexchange`: `{ screen, data }` moves on, `{ data }` updates this
   * screen, `{ error_message }` shows it. */
  respond(reply = {}) {
    this.#state = undefined;
    if (reply.error_message) this.#state = { error: String(reply.error_message) };
    else if (reply.screen && reply.screen !== this.screen) {
      this.#push();
      this.#at = { screen: reply.screen, data: reply.data ?? {}, form: {} };
    } else if (reply.data) this.#at = { ...this.#at, data: { ...(this.#at.data ?? this.#tree?.data), ...reply.data } };
    this[UPDATE]();
  }

  #push() {
    this.#history.push({ ...this.#at, screen: this.screen });
  }

  #fire(type, detail, cancelable = true) {
    return this.dispatchEvent(new CustomEvent(type, { detail, cancelable }));
  }

  #input(target) {
    const name = target.name;
    if (!name) return;
    let value = target.value;
    if (target.type === "checkbox") {
      value = target.closest(".wf-optin")
        ? target.checked
        : [...this.#view.querySelectorAll("input[type=checkbox]")].filter((box) => box.name === name && box.checked).map((box) => box.value);
    }
    const [field, part] = name.split(/\.(?=(?:start|end)-date$)/);
    if (part) value = { ...(this.#at.form[field] ?? {}), [part]: value };
    this.#pending = { field, before: this.#at.form[field], after: value };
    this.#at.form = { ...this.#at.form, [field]: value };
    this.#fire("change", { name: field, value, form: this.#at.form }, false);
    this[UPDATE]();
  }

  #click(target) {
    const clear = target.closest("[data-clear]");
    const pick = target.closest("[data-pick]");
    const button = target.closest("[data-action]");
    if (clear) {
      const [field] = clear.dataset.clear.split(".");
      this.#at.form = { ...this.#at.form, [field]: "" };
      return this[UPDATE]();
    }
    // Picking is mocked, as in Meta's preview (M-FMU): each click adds a file.
    if (pick) {
      const name = pick.dataset.pick;
      const files = this.#at.form[name] ?? [];
      this.#at.form = { ...this.#at.form, [name]: [...files, { file_name: `file ${files.length + 1}` }] };
      return this[UPDATE]();
    }
    if (!button || button.disabled) return;
    const { action, path, index } = button.dataset;
    const node = find(this.#tree, path);
    if (action === "close") this.#fire("close", {}, false);
    else if (action === "back") this.back();
    else if (action === "footer") this.#run(this.#tree?.footer?.action, "footer");
    else if (action === "link") this.#run(node?.action, "select");
    else if (action === "readmore") this.#run(node?.readMore, "select");
    else if (action === "nav") this.#run(node?.items?.[index]?.action, "select");
  }

  #exchange(payload, trigger) {
    // The page answers with respond(); until then a placeholder (preventDefault() says it will).
    const answered = !this.#fire("dataexchange", { screen: this.screen, payload, trigger });
    this.#state = { wait: payload, answered };
    this[UPDATE]();
  }

  #run(action, trigger) {
    if (!action) return;
    const payload = action.payload ?? {};
    if (action.kind === "navigate") {
      if (!this.#fire("navigate", { from: this.screen, to: action.next, payload })) return;
      this.#push();
      this.#at = { screen: action.next, data: payload, form: {} };
    } else if (action.kind === "complete") {
      if (!this.#fire("complete", { screen: this.screen, payload })) return;
      this.#state = { done: payload, summary: this.#summary() };
    } else if (action.kind === "data_exchange") return this.#exchange(payload, trigger);
    else if (action.kind === "update_data") this.#at = { ...this.#at, data: { ...(this.#at.data ?? this.#tree?.data), ...payload } };
    else if (action.kind === "open_url") return action.url && this.#fire("openurl", { url: action.url }, false);
    this[UPDATE]();
  }

  [DRAW]() {
    const flow = this.flow;
    if (flow === undefined || !this.isConnected) return;
    this.#at ??= { screen: this.getAttribute("screen") ?? undefined, data: this.data, form: { ...this.#form } };
    const context = {};
    for (const seen of this.#history) context[seen.screen] = { data: seen.data ?? {}, form: seen.form };
    const options = { theme: this.getAttribute("theme") === "dark" ? "dark" : "light", context, form: this.#at.form };
    for (const [key, value] of [["screen", this.#at.screen], ["data", this.#at.data], ["locale", this.getAttribute("locale")]]) {
      if (value != null) options[key] = value;
    }
    if (this.getAttribute("dir") === "rtl") options.direction = "rtl";
    const { html, tree, issues, screens } = renderFlowPreview(flow, options);
    this.#tree = tree;
    this.#at.screen = tree.screen?.id;
    // Keep the caret where the person is typing: the screen is redrawn on every change.
    const active = this.shadowRoot.activeElement;
    const focus = active?.name && { name: active.name, value: active.value, start: active.selectionStart, end: active.selectionEnd };
    this.#view.innerHTML = trusted(html);
    // Ratios and colours arrive as data- attributes and are applied through CSSOM (the CSP allows it).
    for (const el of this.#view.querySelectorAll("[data-ratio]")) el.style.aspectRatio = Number(el.dataset.ratio) || 1;
    for (const el of this.#view.querySelectorAll("[data-color]")) el.style.borderColor = el.dataset.color;
    if (focus) {
      const again = [...this.#view.querySelectorAll("input, textarea, select")].find((el) => el.name === focus.name && (el.type !== "checkbox" && el.type !== "radio" || el.value === focus.value));
      again?.focus();
      if (again && focus.start != null && "setSelectionRange" in again && /text|search|tel|password|email|textarea/.test(again.type)) again.setSelectionRange(focus.start, focus.end);
    }
    const state = this.#state;
    if (state) {
      const panel = document.createElement("div");
      panel.className = "wf-overlay";
      panel.setAttribute("role", "status");
      // As text, with bidi overrides and isolates dropped (as the library's escaper does).
      const line = (tag, text) => panel.appendChild(document.createElement(tag)).append(text.replace(/[\u202A-\u202E\u2066-\u2069]/g, ""));
      if ("done" in state) line("strong", "Flow completed");
      else if ("error" in state) line("strong", state.error);
      else line("strong", state.answered ? "Waiting for the business…" : "This step asks the business's endpoint (data_exchange); no endpoint answers in the preview. Call respond() on the element to continue.");
      for (const [label, text] of state.summary ?? []) line("span", label), line("strong", text);
      const payload = state.done ?? state.wait;
      if (payload) line("pre", JSON.stringify(payload, null, 2));
      const back = panel.appendChild(document.createElement("button"));
      back.type = "button";
      back.className = "wf-cta";
      back.dataset.action = "back";
      back.textContent = "Back";
      this.#view.querySelector(".wf-phone")?.append(panel);
    }
    this.#fire("render", { tree, issues, screen: tree.screen?.id, screens }, false);
    const pending = this.#pending;
    this.#pending = undefined;
    if (pending) this.#selected(pending);
  }

  // The completion summary: each answered input of the screen, label and value; fields the screen
  // marks `sensitive` (5.1+) show as ••••••••••••, passwords and uploads never show (M-FJ, M-FBP).
  #summary() {
    const masked = this.#tree?.screen?.sensitive ?? [];
    const rows = [];
    for (const node of this.#tree?.body ?? []) {
      const chosen = node.items?.filter((item) => item.selected).map((item) => item.title).join(", ");
      const text = node.type === "OptIn" ? (node.checked ? "✓" : "") : node.type === "Dropdown" ? node.value : chosen ?? node.value;
      if (!node.name || !text || node.kind || /pass/.test(node.inputKind)) continue;
      rows.push([node.label, masked.includes(node.name) && node.type !== "OptIn" ? "••••••••••••" : text]);
    }
    return rows;
  }

  // 6.0: what a selection runs (the options' own actions, then the component's), payloads as now resolved.
  #selected({ field, before, after }) {
    const node = this.#tree?.body?.find((n) => n.name === field);
    const ids = (v) => (Array.isArray(v) ? v : v === "" || v == null || v === false ? [] : [String(v)]);
    [before, after] = [ids(before), ids(after)];
    for (const item of node?.items ?? []) {
      if (after.includes(item.id) && !before.includes(item.id)) this.#run(item.onSelect, "select");
      if (before.includes(item.id) && !after.includes(item.id)) this.#run(item.onUnselect, "select");
    }
    this.#run(after.length ? node?.onSelect : node?.onUnselect, "select");
  }
}

if (!customElements.get("wa-flow-preview")) customElements.define("wa-flow-preview", WaFlowPreview);
