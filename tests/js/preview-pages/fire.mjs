// Shared by the XSS pages: the events a payload might hang on, fired at every
// rendered node (the innerHTML boxes and the elements' shadow roots).

/** Fires each event at every node under `htmlRoot` and in the shadow roots of `elementsRoot`'s children; returns the node count. */
export function fireAll(htmlRoot, elementsRoot) {
  const nodes = [
    ...htmlRoot.querySelectorAll("*"),
    ...[...elementsRoot.children].flatMap((element) => [...element.shadowRoot.querySelectorAll("*")]),
  ];
  for (const node of nodes) {
    for (const type of ["mouseover", "mouseenter", "focus", "error", "load", "animationstart", "toggle"]) {
      node.dispatchEvent(new Event(type));
    }
  }
  return nodes.length;
}
