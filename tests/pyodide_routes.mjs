// Walks given routes with the engine inside real Pyodide under Node, from the files the
// site serves (runtime, lock file with the wheel's sha256, exported JSON).
// Usage: node tests/pyodide_routes.mjs <site>/assets/afwegingskader/ < routes.json
// Prints {"<route index>": {"state": ..., "verslag": ..., "tekst": ...}} as JSON.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const assets = path.resolve(process.argv[2]);
// pyodide.mjs is the same module the browser's worker imports
const { loadPyodide } = await import(pathToFileURL(path.join(assets, "pyodide", "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL: path.join(assets, "pyodide") + path.sep,
  lockFileURL: path.join(assets, "pyodide", "pyodide-lock.json"),
  stdout: () => {},
  stderr: () => {},
});
await pyodide.loadPackage("meldcode_engine", { messageCallback: () => {} });
pyodide.globals.set("kader_json", readFileSync(path.join(assets, "afwegingskader.json"), "utf-8"));
pyodide.globals.set("routes_json", readFileSync(0, "utf-8"));
const result = pyodide.runPython(`
import json, sys
from meldcode_engine import Sessie

kader = json.loads(kader_json)
out = {"python": sys.version.split()[0]}
for i, (route, startdatum) in enumerate(json.loads(routes_json)):
    sessie = Sessie(kader)
    sessie.start()
    for knoop, antwoord, onderbouwing in route:
        state = sessie.answer(knoop, antwoord, onderbouwing)
    out[str(i)] = {"state": state, "verslag": sessie.verslag(startdatum), "tekst": sessie.verslag_tekst(startdatum)}
json.dumps(out)
`);
process.stdout.write(result);
