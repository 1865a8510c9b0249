// Types of the <wa-template-preview> custom element (whatsapp-edge/element).
import type { Issue, Tree } from "./whatsapp_edge.js";

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

declare global {
  interface HTMLElementTagNameMap {
    "wa-template-preview": WaTemplatePreview;
  }
  interface HTMLElementEventMap {
    render: CustomEvent<{ issues: Issue[]; tree: Tree }>;
  }
}
