/* The editor's Python (/redactie/ only): Pyodide from the site's own origin runs
 * generator/redactie/check.py, the same code `meldcode check` uses for these rules, with
 * ruamel.yaml. It reads a file into form data, writes the form back into the file changing
 * only what changed, and checks the result. Nothing leaves this worker but its answers. */
// Pyodide's ES modules under .js names (see hulp-worker.js)
import { loadPyodide } from "../hulp/pyodide/pyodide.js";
import { startRuntime } from "./compressed-fetch.js";
import { answerFromPython } from "./worker-bridge.js";

const BASIS = new URL("../", import.meta.url); // the site's assets/
const REDACTIE = new URL("redactie/", BASIS);
const RUNTIME = new URL("hulp/pyodide/", BASIS);
// the helper's standard library is cut down to what the engine needs; ruamel.yaml needs more
const STDLIB = new URL("python/python_stdlib.zip", REDACTIE);

// the runtime and both Python archives compressed on the wire on any host
const { module: runtimeModule } = startRuntime(STDLIB);

async function start() {
  // the editor's Python is fetched while Pyodide starts, not after it
  const zip = fetch(new URL("python/redactie.zip", REDACTIE));
  const pyodide = await loadPyodide({
    indexURL: RUNTIME.href,
    createPyodideModule: (await runtimeModule).default,
    stdLibURL: STDLIB.href,
    stdout: () => {},
    stderr: () => {},
  });
  const antwoord = await zip;
  if (!antwoord.ok) throw new Error(`redactie.zip: ${antwoord.status}`);
  pyodide.unpackArchive(await antwoord.arrayBuffer(), "zip", { extractDir: "/home/pyodide/redactie" });
  // the published files come read (pickled at build time by this code): the first check
  // need not parse them, which took most of a second here
  pyodide.runPython(`import sys
sys.path.insert(0, "/home/pyodide/redactie")
from generator.redactie.check import handle, preload_trees
preload_trees("/home/pyodide/redactie/gelezen.pickle")`);
  return pyodide.globals.get("handle");
}

const klaar = start();

// every call of the page (load, save, check) goes to the Python side's bridge (check.py)
answerFromPython(self, () => klaar);
