// <wa-flow-preview> as a page would use it; every event it fires is recorded for
// the test, which sets `flow` and drives the element like a person would.
import "/pkg/element.js";

const flow = document.getElementById("flow");
window.__events = [];
for (const type of ["render", "change", "navigate", "back", "dataexchange", "complete", "openurl", "close", "error"]) {
  flow.addEventListener(type, (event) => {
    const detail = type === "render" ? { screen: event.detail.screen, codes: event.detail.issues.map((i) => i.code) } : event.detail;
    window.__events.push({ type, detail: JSON.parse(JSON.stringify(detail ?? null)) });
    // The page answers data_exchange itself (respond() below), and says so.
    if (type === "dataexchange" && window.__answer) event.preventDefault();
  });
}
