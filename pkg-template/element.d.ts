// Types of the <wa-template-preview> and <wa-flow-preview> custom elements (whatsapp-edge/element).
import type { FlowAction, FlowScreenSummary, FlowTree, Issue, Tree } from "./whatsapp_edge.js";

/**
 * `<wa-template-preview>`: renders a template definition (and optionally a
 * send) as WhatsApp draws it, in its own shadow root, with the lite build.
 * `definition` and `send` are properties or JSON attributes; `theme`, `dir`
 * and `media` are attributes. It fires `render` with `{ tree, issues }`.
 *
 * @example
 * ```ts
 * import "whatsapp-edge/element";
 * const preview = document.createElement("wa-template-preview");
 * preview.definition = { name: "order_update", language: "en_US", category: "UTILITY", components: [{ type: "BODY", text: "Your order shipped." }] };
 * preview.addEventListener("render", (event) => console.log((event as CustomEvent).detail.issues));
 * document.body.append(preview);
 * ```
 */
export declare class WaTemplatePreview extends HTMLElement {
  /** The template definition (object or JSON text); also the `definition` attribute as JSON. */
  definition: object | string | undefined;
  /** The send (its `template` object, or the whole message) that fills the variables. */
  send: object | string | undefined;
  /** `"load"` (default): header images load, lazily and with no referrer; `"placeholder"`:
   * no remote media loads (labelled boxes instead). Reflects the `media` attribute. */
  media: "load" | "placeholder";
}

/**
 * `<wa-flow-preview>`: one screen of a Flow JSON as WhatsApp draws it (the lite
 * build's `renderFlowPreview`, styled by `flow-preview.css` in its shadow root),
 * and clickable: typing and picking re-render the screen, the Footer, links and
 * list rows run their actions. `navigate` moves on with its payload as the next
 * screen's data (Back restores the form), `complete` shows the answers (fields the screen
 * marks `sensitive` masked, passwords never) and the payload,
 * `data_exchange` fires a cancelable `dataexchange` and waits for `respond()`
 * (call `preventDefault()` to say the page will answer; otherwise a stub says
 * no endpoint answers), `open_url` only fires `openurl`: the element never navigates.
 * Events: `render`, `change`, `navigate`, `back`, `dataexchange`, `complete`,
 * `openurl`, `close`, `error`.
 *
 * @example
 * ```ts
 * import "whatsapp-edge/element";
 * const preview = document.createElement("wa-flow-preview");
 * preview.flow = flowJson; // the Flow JSON, as an object or text
 * preview.addEventListener("dataexchange", (event) => {
 *   event.preventDefault(); // this page answers, as the Flow's endpoint would
 *   preview.respond({ screen: "CONFIRM", data: { total: "$42" } });
 * });
 * document.body.append(preview);
 * ```
 */
export declare class WaFlowPreview extends HTMLElement {
  /** The Flow JSON (object or text); also the `flow` attribute as JSON. Setting it starts over. */
  flow: object | string | undefined;
  /** The screen shown: the `screen` attribute sets the first one (default: the entry screen). */
  screen: string | undefined;
  /** `${data.…}` of the screen shown, the first one until a person moves on (default: its
   * `__example__`s); also the `data` attribute as JSON. Setting it redraws that screen. */
  data: Record<string, unknown> | undefined;
  /** Initial form values by input name (a property only). */
  form: Record<string, unknown>;
  /** Starts over at the first screen, history and answers cleared. */
  reset(): void;
  /** Shows screen `id` with its example data and a fresh form, keeping the history. */
  goTo(id: string): void;
  /** The Back button: the previous screen with its form as it was; on the first screen, a `close` event. */
  back(): void;
  /** Answers a `dataexchange`: `{ screen, data }` moves on, `{ data }` updates the screen, `{ error_message }` shows it. */
  respond(reply?: { screen?: string; data?: Record<string, unknown>; error_message?: string }): void;
}

/** The events of `<wa-flow-preview>` (`event.detail`). */
export interface WaFlowPreviewEventMap {
  /** After each draw. */
  render: CustomEvent<{ tree: FlowTree; issues: Issue[]; screen: string | undefined; screens: FlowScreenSummary[] }>;
  /** A person changed an input. */
  change: CustomEvent<{ name: string; value: unknown; form: Record<string, unknown> }>;
  /** A `navigate` action (cancelable). */
  navigate: CustomEvent<{ from: string; to: string; payload: Record<string, unknown> }>;
  /** Back to the previous screen (cancelable); `refresh` when the screen has `refresh_on_back`. */
  back: CustomEvent<{ from: string; to: string; refresh: boolean }>;
  /** A `data_exchange` (cancelable: `preventDefault()` says the page will `respond()`). */
  dataexchange: CustomEvent<{ screen: string; payload: Record<string, unknown>; trigger: "footer" | "select" | "back" }>;
  /** A `complete` action (cancelable). */
  complete: CustomEvent<{ screen: string; payload: Record<string, unknown> }>;
  /** An `open_url` action (http(s) only); the element does not open it. */
  openurl: CustomEvent<{ url: string }>;
  /** The close button on the first screen. */
  close: CustomEvent<Record<string, never>>;
}

/** An action of the Flow (re-exported for event handlers). */
export type { FlowAction };

declare global {
  interface HTMLElementTagNameMap {
    "wa-template-preview": WaTemplatePreview;
    "wa-flow-preview": WaFlowPreview;
  }
  interface HTMLElementEventMap {
    render: CustomEvent<{ issues: Issue[]; tree: Tree }>;
  }
}
