// Walks given routes with the engine inside real Pyodide under Node, from the files the
// site serves (runtime, lock file with the wheel's sha256, exported JSON).
// Usage: node tests/pyodide_routes.mjs <site>/assets/hulp/ < routes.json
// Starts as the helper's worker does: the site's trimmed and shortened standard library,
// then the engine wheel.
// Prints {"<route index>": {"state": ..., "verslag": ..., "tekst": ...}} as JSON.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const assets = path.resolve(process.argv[2]);
// the npm package's modules: the site serves the same bytes as pyodide.js and pyodide.asm.js
// (generator/hulp/assets.py), which Node would not take as modules; handed over as the worker does
const npm = fileURLToPath(new URL("../node_modules/pyodide/", import.meta.url));
const { loadPyodide } = await import(pathToFileURL(npm + "pyodide.mjs").href);
const { default: createPyodideModule } = await import(pathToFileURL(npm + "pyodide.asm.mjs").href);
const runtime = path.join(assets, "pyodide");
const opties = {
  indexURL: runtime + path.sep,
  createPyodideModule,
  lockFileURL: path.join(runtime, "pyodide-lock.json"),
  stdout: () => {},
  stderr: () => {},
};
const pyodide = await loadPyodide(opties);
await pyodide.loadPackage("meldcode_engine", { messageCallback: () => {} });
pyodide.globals.set("kader_json", readFileSync(path.join(assets, "afwegingskader.json"), "utf-8"));
pyodide.globals.set("routes_json", readFileSync(0, "utf-8"));
const result = pyodide.runPython(`
import json, sys
from meldcode_engine import Sessie

kader = json.loads(kader_json)
out = {"python": sys.version.split()[0], "docstring": json.dumps.__doc__}
for i, (route, startdatum) in enumerate(json.loads(routes_json)):
    sessie = Sessie(kader)
    sessie.start()
    for knoop, antwoord, onderbouwing in route:
        state = sessie.answer(knoop, antwoord, onderbouwing)
    out[str(i)] = {"state": state, "verslag": sessie.verslag(startdatum, {"melding": startdatum, "evaluatie": startdatum}), "tekst": sessie.verslag_tekst(startdatum, {"evaluatie": startdatum})}
json.dumps(out)
`);
process.stdout.write(result);
