// The element as a page would use it: one module, the definition in the markup.
// Records every `render` event for the test.
import "/pkg/element.js";

const preview = document.getElementById("preview");
window.__renders = [];
preview.addEventListener("render", (event) => {
  window.__renders.push({
    codes: event.detail.issues.map((issue) => issue.code),
    issues: event.detail.issues,
    tree: event.detail.tree,
    text: preview.shadowRoot.textContent,
    theme: preview.shadowRoot.querySelector(".wa-preview")?.className,
    // Styled as soon as it renders (the stylesheet is not reloaded per render).
    wallpaper: getComputedStyle(preview.shadowRoot.querySelector(".wa-preview")).backgroundColor,
    stylesheets: preview.shadowRoot.querySelectorAll("link").length,
  });
});
