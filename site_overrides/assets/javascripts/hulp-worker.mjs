/* Runs Pyodide and the afwegingskader engine off the main thread, so the page never
 * freezes. A module worker from the site's own origin: Pyodide 314 supports only module
 * workers, and this one works whatever Content-Security-Policy the host sends. It fetches
 * only the site's own files. Every answer stays in this worker's memory and is gone with
 * the tab. */
import { loadPyodide, version } from "../hulp/pyodide/pyodide.mjs";

let call = null; // (method, args) => JSON text, once the engine is ready
let snapshotPoging = null; // while the snapshot is tried: how to give up on it

function report(type, data) {
  self.postMessage({ type, ...data });
}

const opties = (assets) => ({
  indexURL: assets + "pyodide/",
  lockFileURL: assets + "pyodide/pyodide-lock.json",
  stdout: () => {},
  stderr: () => {},
});

// The fast start: a memory snapshot made at build time with the engine already imported.
// Private Pyodide API, tied to the exact build: used only when its manifest names this
// Pyodide version and the engine answers with the version the manifest names.
async function vanSnapshot(assets) {
  if (typeof DecompressionStream !== "function") throw new Error("geen DecompressionStream");
  const manifest = await (await fetch(assets + "pyodide/snapshot.json")).json();
  if (manifest.pyodide !== version) throw new Error(`snapshot voor Pyodide ${manifest.pyodide}, niet ${version}`);
  const response = await fetch(assets + "pyodide/" + manifest.bestand);
  if (!response.ok) throw new Error(`snapshot: ${response.status}`);
  const bytes = new Uint8Array(await new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
  if (bytes.length !== manifest.bytes) throw new Error("snapshot onvolledig");
  const pyodide = await loadPyodide({ ...opties(assets), _loadSnapshot: bytes });
  const engine = pyodide.runPython("import meldcode_engine\nmeldcode_engine.__version__");
  if (engine !== manifest.engine) throw new Error(`engine ${engine} in de snapshot, verwacht ${manifest.engine}`);
  return pyodide;
}

// The normal start: Pyodide from scratch, then the engine wheel (checked against its sha256).
async function gewoon(assets) {
  // Pyodide logs a failed download of its .wasm and may then wait for ever; ask for it first,
  // so that a file that cannot be had ends the start with an error instead
  const probe = await fetch(assets + "pyodide/pyodide.asm.wasm");
  if (!probe.ok) throw new Error(`pyodide.asm.wasm: ${probe.status}`);
  if (probe.body) await probe.body.cancel();
  const pyodide = await loadPyodide(opties(assets));
  report("stap", { stap: "engine" });
  await pyodide.loadPackage("meldcode_engine", { messageCallback: () => {} });
  return pyodide;
}

async function start(assets) {
  // small named steps, so a failure says where it stopped
  report("stap", { stap: "runtime" });
  let pyodide = null;
  let manier = "snapshot";
  try {
    // a failure inside Pyodide may surface only as an unhandled rejection: give up on the
    // snapshot then too, instead of waiting for a promise that never settles
    pyodide = await new Promise((resolve, reject) => {
      snapshotPoging = reject;
      vanSnapshot(assets).then(resolve, reject);
    });
    snapshotPoging = null;
  } catch (reden) {
    snapshotPoging = null; // from here on a failure is the helper's, not the snapshot's
    if (reden && reden.inPyodide) {
      // Pyodide itself failed (e.g. its .wasm could not be downloaded): the normal start needs
      // the same files and would fail too, at times without a word. Say so now.
      report("mislukt", { reden: reden.message });
      return;
    }
    manier = "gewoon";
    report("stap", { stap: "zonder snapshot", reden: String((reden && reden.message) || reden) });
    pyodide = await gewoon(assets);
  }
  report("stap", { stap: "afwegingskader" });
  const response = await fetch(assets + "afwegingskader.json");
  if (!response.ok) throw new Error("afwegingskader.json: " + response.status);
  pyodide.globals.set("kader_json", await response.text());
  const bridge = pyodide.runPython(`
import json
from meldcode_engine import Sessie

sessie = Sessie(json.loads(kader_json))
del kader_json

def call(method, args):
    # one JSON text in, one JSON text out: nothing to convert across the worker boundary
    try:
        return json.dumps({"ok": getattr(sessie, method)(*json.loads(args))})
    except ValueError as fout:
        return json.dumps({"fout": str(fout)})

call
`);
  call = (method, args) => JSON.parse(bridge(method, JSON.stringify(args)));
  report("klaar", { state: call("start", []).ok, manier });
}

// A failed download inside Pyodide (e.g. a blocked .wasm file) surfaces as an unhandled
// rejection or error in this worker, not as a rejected loadPyodide(): report it at once.
function onverwacht(reden) {
  if (call) return;
  if (snapshotPoging) {
    const fout = new Error(reden);
    fout.inPyodide = true;
    snapshotPoging(fout);
  } else report("mislukt", { reden });
}
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  onverwacht(String((event.reason && event.reason.message) || event.reason));
});
self.addEventListener("error", (event) => onverwacht(String(event.message || "fout")));

self.onmessage = (event) => {
  const { id, method, args, assets } = event.data;
  if (method === "init") {
    start(assets).catch((error) => report("mislukt", { reden: String((error && error.message) || error) }));
    return;
  }
  if (!call) {
    report("antwoord", { id, fout: "De hulp is nog niet klaar." });
    return;
  }
  const result = call(method, args || []);
  report("antwoord", { id, ...result });
};
