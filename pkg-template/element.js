// <wa-template-preview>: renders a template definition as WhatsApp shows it.
// Set `definition` (and `send`) as properties, or as JSON in the attributes
// of the same names; `theme="dark"`, `dir` and `media` work as attributes too.
// Styles live in a shadow root (preview.css from beside this file), so the page's
// CSS cannot reach in and a strict Content-Security-Policy is enough.
// After each render it dispatches a `render` event with `{ issues, tree }`.
import init, { renderTemplatePreview } from "./lite/browser.js";

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

export class WaTemplatePreview extends HTMLElement {
  static observedAttributes = ["definition", "send", "theme", "dir", "media"];
  #definition;
  #send;
  #queued = false;
  #view;

  // The stylesheet link stays put and only the view's content is replaced: a new
  // <link> on every render would reload the styles and flash unstyled markup.
  constructor() {
    super();
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = css;
    this.#view = document.createElement("div");
    this.attachShadow({ mode: "open" }).append(link, this.#view);
  }

  get definition() {
    return this.#definition ?? json(this.getAttribute("definition"));
  }
  set definition(value) {
    this.#definition = value;
    this.#update();
  }
  get send() {
    return this.#send ?? json(this.getAttribute("send"));
  }
  set send(value) {
    this.#send = value;
    this.#update();
  }
  get media() {
    return this.getAttribute("media") ?? "load";
  }
  set media(value) {
    this.setAttribute("media", value);
  }

  connectedCallback() {
    this.#update();
  }
  attributeChangedCallback() {
    this.#update();
  }

  // Changes in one task render once.
  #update() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() =>
      init()
        .then(() => this.#render())
        .catch((error) => {
          this.#queued = false;
          this.dispatchEvent(new CustomEvent("error", { detail: error }));
        }),
    );
  }

  #render() {
    this.#queued = false;
    const definition = this.definition;
    if (definition === undefined || !this.isConnected) return;
    // `media` as given (null: absent): a typo throws (an `error` event) rather than loading media.
    const options = { theme: this.getAttribute("theme") === "dark" ? "dark" : "light", media: this.getAttribute("media") };
    const dir = this.getAttribute("dir");
    if (dir === "rtl" || dir === "ltr") options.direction = dir;
    if (this.send !== undefined) options.send = this.send;
    const { html, tree, issues } = renderTemplatePreview(definition, options);
    // `html` is built by renderTemplatePreview: escaped text, class names, safe links only.
    this.#view.innerHTML = trusted(html);
    this.dispatchEvent(new CustomEvent("render", { detail: { issues, tree } }));
  }
}

if (!customElements.get("wa-template-preview")) customElements.define("wa-template-preview", WaTemplatePreview);
