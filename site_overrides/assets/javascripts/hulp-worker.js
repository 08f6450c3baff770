/* Runs Pyodide and the afwegingskader engine off the main thread, so the page never
 * freezes. A module worker from the site's own origin: Pyodide 314 supports only module
 * workers, and this one works whatever Content-Security-Policy the host sends. It fetches
 * only the site's own files. Every answer stays in this worker's memory and is gone with
 * the tab. */
// Pyodide's ES modules under .js names (generator/hulp/assets.py): a stock web server (Debian's
// nginx) knows no .mjs and browsers refuse a module sent as application/octet-stream.
import { loadPyodide } from "../hulp/pyodide/pyodide.js";
import { startRuntime } from "./compressed-fetch.js";
import { answerFromPython, fromPython } from "./worker-bridge.js";

// the runtime and the standard library compressed on the wire on any host; what it fetched
// goes with "klaar" to the page, which asks the service worker to keep exactly that
const { compressed, large, module: runtimeModule } = startRuntime();
// a runtime that cannot be fetched (a filter that blocks WebAssembly) is reported at once: Pyodide
// itself would leave the start hanging until the page's time limit
for (const [name, response] of large) {
  response.then(
    (answer) => answer.ok || onverwacht(`${name}: ${answer.status}`),
    (error) => onverwacht(`${name}: ${(error && error.message) || error}`),
  );
}

let call = null; // (method, args) => JSON text, once the engine is ready

function report(type, data) {
  self.postMessage({ type, ...data });
}

const opties = async (assets) => ({
  indexURL: assets + "pyodide/",
  createPyodideModule: (await runtimeModule).default,
  lockFileURL: assets + "pyodide/pyodide-lock.json",
  stdout: () => {},
  stderr: () => {},
});

// Pyodide from its own files, then the engine wheel (checked against its sha256 in the lock
// file). No memory snapshot: it would start Python faster but is 4 to 6 MB on the wire, more
// than the whole runtime, and a phone's network is where the helper is used.
async function laad(assets) {
  const pyodide = await loadPyodide(await opties(assets));
  report("stap", { stap: "engine" });
  await pyodide.loadPackage("meldcode_engine", { messageCallback: () => {} });
  return pyodide;
}

async function start(assets) {
  // small named steps, so a failure says where it stopped
  report("stap", { stap: "runtime" });
  // the afwegingskader travels while Pyodide loads, not after it
  const kader = fetch(assets + "afwegingskader.json").then((response) => {
    if (!response.ok) throw new Error("afwegingskader.json: " + response.status);
    return response.text();
  });
  kader.catch(() => {}); // reported below, in its turn
  const pyodide = await laad(assets);
  report("stap", { stap: "afwegingskader" });
  // the engine's own bridge (meldcode_engine/worker.py): JSON text in, JSON text out
  const bridge = pyodide.pyimport("meldcode_engine.worker").bridge(await kader);
  report("klaar", { state: fromPython(bridge("start", "[]")), bestanden: [...compressed.used] });
  call = bridge;
}

// A failed download inside Pyodide (e.g. a blocked .wasm file) surfaces as an unhandled
// rejection or error in this worker, not as a rejected loadPyodide(): report it at once.
function onverwacht(reden) {
  if (call) return;
  report("mislukt", { reden });
}
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  onverwacht(String((event.reason && event.reason.message) || event.reason));
});
self.addEventListener("error", (event) => onverwacht(String(event.message || "fout")));

// the page starts the worker with {method: "init", assets} (hulp-start.js), no answer wanted
self.addEventListener("message", (event) => {
  const { data } = /** @type {MessageEvent} */ (event);
  if (!data || data.method !== "init" || data.id !== undefined) return;
  start(data.assets).catch((error) => report("mislukt", { reden: String((error && error.message) || error) }));
});

// every call of the page goes to the engine's bridge, which knows its methods (worker.py)
answerFromPython(self, () => {
  if (!call) throw new Error("the helper is not ready yet");
  return call;
});
