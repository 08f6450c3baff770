// Build-time work on the helper's Pyodide runtime, run by generator/hulp/assets.py under Node.
//   node generator/hulp/runtime.mjs modules <runtime dir> < routes.json
//     walks every route with the engine (and an error path) and prints, as JSON, every file
//     of the standard library that Python opened: the trimmed python_stdlib.zip holds those.
//   node generator/hulp/runtime.mjs kort <in.zip> <out.zip> [folders as JSON]
//     writes the archive again with every module compiled by kort.py (a sourceless .pyc without
//     docstrings and line tables, but for the folders given), by this Pyodide's own Python, the
//     version that will run it.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [opdracht, runtime, uit, volledig = "[]"] = process.argv.slice(2);
const dir = path.resolve(runtime) + path.sep;
// kort runs on the npm package's Pyodide: what it compiles may be a trimmed standard library
// the project's node_modules/ (precompile.py runs this in the project), also when the generator
// itself is installed elsewhere (generator/paths.py)
const npm = path.join(process.cwd(), "node_modules", "pyodide") + path.sep;
const python = opdracht === "kort" ? npm : dir;
// the loader and runtime modules from the npm package (the site serves the same bytes under .js
// names, which Node would not take as modules), handed over as the browser's workers do
const { loadPyodide } = await import(pathToFileURL(npm + "pyodide.mjs").href);
const { default: createPyodideModule } = await import(pathToFileURL(npm + "pyodide.asm.mjs").href);
const opties = () => ({
  indexURL: python,
  lockFileURL: python + "pyodide-lock.json",
  createPyodideModule,
  stdout() {},
  stderr() {},
});

if (opdracht === "modules") {
  // the start as the browser's worker does it: loadPackage checks the wheel and installs it
  const pyodide = await loadPyodide(opties());
  await pyodide.loadPackage("meldcode_engine", { messageCallback() {} });
  pyodide.runPython("import json, meldcode_engine\nfrom meldcode_engine import Sessie");
  pyodide.globals.set("kader_json", readFileSync(path.join(dir, "..", "afwegingskader.json"), "utf-8"));
  pyodide.globals.set("routes_json", readFileSync(0, "utf-8"));
  const result = pyodide.runPython(`
import json, sys, traceback
from meldcode_engine.worker import bridge
# the worker's own way in (hulp-worker.js), then every route through the session itself
call = bridge(kader_json)
call("start", "[]"); call("answer", json.dumps(["vraag-1", "ja", ""])); call("verslag", '["2026-12-24"]')
call("onbekend", "[]"); call("answer", '["vraag-9", "ja"]')
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
} else if (opdracht === "kort") {
  const pyodide = await loadPyodide(opties());
  pyodide.FS.writeFile("/tmp/in.zip", readFileSync(runtime));
  pyodide.runPython(readFileSync(new URL("kort.py", import.meta.url), "utf-8"));
  pyodide.globals.set("volledig", volledig);
  const [voor, na] = pyodide.runPython(
    'import json\ncompile_zip("/tmp/in.zip", "/tmp/uit.zip", tuple(json.loads(volledig)))',
  ).toJs();
  writeFileSync(uit, pyodide.FS.readFile("/tmp/uit.zip"));
  process.stdout.write(JSON.stringify({ voor, na }));
} else {
  console.error("usage: runtime.mjs modules <runtime> | kort <in.zip> <uit.zip> [folders as JSON]");
  process.exit(2);
}
