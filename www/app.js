// The demo: a template editor with a live preview, a Flow playground (Flow JSON
// with live findings beside a clickable preview) and a phone number checker, all validated in the page by the package's
// WebAssembly, imported by name through the import map as a user would.
import init from "whatsapp-edge";
import { startTemplate } from "./template.js";
import { startFlow } from "./flow.js";
import { startPhone } from "./phone.js";

await init();
startTemplate();
startFlow();
startPhone();
document.body.dataset.ready = "true";
