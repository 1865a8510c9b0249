// Runs the shared suite in the page, the way a browser user loads the package.
import * as api from "whatsapp-edge";
import { runAll } from "../suite.mjs";

window.suiteResults = api.init().then(() => runAll(api));
