// The page's entry, kept small: it starts the validation worker at once, so
// the worker and the WebAssembly module (src/worker.js) download while the
// editor (src/main.js, CodeMirror: most of the page's bytes) does, instead of
// after it. The editor then takes the running engine from src/engine.js.
import "./style.css";
import { engine } from "./engine.js";

import("./main.js").catch((error) => {
  const status = document.getElementById("status-validation");
  status.textContent = `The editor could not load: ${error.message}. Reload the page to try again.`;
  status.dataset.state = "error";
  engine.worker.terminate();
});
