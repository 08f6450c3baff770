// Build-time work on the helper's Pyodide runtime, run by generator/hulp/assets.py under Node.
//   node generator/hulp/runtime.mjs modules <runtime dir> < routes.json
//     walks every route with the engine (and an error path) and prints, as JSON, every file
//     of the standard library that Python opened: the trimmed python_stdlib.zip holds those.
//   node generator/hulp/runtime.mjs snapshot <runtime dir> <out.gz>
//     starts Pyodide on the (trimmed) runtime, installs and imports the engine from its wheel
//     and writes a gzipped memory snapshot: the browser starts from it instead of from scratch.
// Memory snapshots are private Pyodide API, tied to this exact build: the worker checks the
// version and falls back to a normal start if anything is off.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const [opdracht, runtime, uit] = process.argv.slice(2);
const dir = path.resolve(runtime) + path.sep;
const { loadPyodide } = await import(pathToFileURL(dir + "pyodide.mjs").href);
const opties = () => ({ indexURL: dir, lockFileURL: dir + "pyodide-lock.json", stdout() {}, stderr() {} });

// The engine from its wheel, unpacked by Python itself: loadPackage would leave JavaScript
// references behind, and a snapshot must hold none.
const ENGINE = `
import sys, zipfile
site = next(p for p in sys.path if p.endswith("site-packages"))
zipfile.ZipFile("/tmp/meldcode_engine.whl").extractall(site)
import json, meldcode_engine
from meldcode_engine import Sessie
`;

function installEngine(pyodide) {
  const wheel = readdirSync(dir).find((f) => f.startsWith("meldcode_engine-") && f.endsWith(".whl"));
  pyodide.FS.writeFile("/tmp/meldcode_engine.whl", readFileSync(dir + wheel));
  pyodide.runPython(ENGINE);
}

if (opdracht === "modules") {
  // the normal start as the browser's fallback does it: loadPackage checks the wheel and
  // installs it, which needs parts of importlib the snapshot start never touches
  const pyodide = await loadPyodide(opties());
  await pyodide.loadPackage("meldcode_engine", { messageCallback() {} });
  pyodide.runPython("import json, meldcode_engine\nfrom meldcode_engine import Sessie");
  pyodide.globals.set("kader_json", readFileSync(path.join(dir, "..", "afwegingskader.json"), "utf-8"));
  pyodide.globals.set("routes_json", readFileSync(0, "utf-8"));
  const result = pyodide.runPython(`
import json, sys, traceback
sessie = None
for route in json.loads(routes_json):
    sessie = Sessie(json.loads(kader_json))
    for knoop, antwoord in route:
        sessie.answer(knoop, antwoord, "onderbouwing ‘é’")
    sessie.verslag_tekst("2026-12-24", {"melding": "2026-12-28", "evaluatie": "2027-02-28"})
    json.dumps(sessie.verslag("2026-12-24"))
    sessie.back(); sessie.restart()
try:
    sessie.answer("vraag-9", "ja")
except ValueError as fout:
    traceback.format_exception(fout)
try:
    sessie.verslag("4 december")
except ValueError:
    pass
zip_path = next(p for p in sys.path if p.endswith(".zip"))
files = set()
for module in list(sys.modules.values()):
    origin = getattr(getattr(module, "__spec__", None), "origin", None) or getattr(module, "__file__", None)
    if origin and origin.startswith(zip_path + "/"):
        files.add(origin[len(zip_path) + 1:])
json.dumps(sorted(files))
`);
  process.stdout.write(result);
} else if (opdracht === "snapshot") {
  const pyodide = await loadPyodide({ ...opties(), _makeSnapshot: true });
  installEngine(pyodide);
  const snapshot = pyodide.makeMemorySnapshot();
  writeFileSync(uit, gzipSync(snapshot, { level: 6 }));
  process.stdout.write(JSON.stringify({ bytes: snapshot.length, engine: pyodide.runPython("meldcode_engine.__version__") }));
} else {
  console.error("gebruik: runtime.mjs modules|snapshot <runtime> [uit]");
  process.exit(2);
}
