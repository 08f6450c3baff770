"""Files for the in-browser afwegingskader: the exported JSON, the engine wheel and the
Pyodide core, all served from the site's own origin.

The lock file is made with pyodide-build (`pyodide lockfile add-wheels`), so Pyodide
checks the engine wheel against its sha256 before installing it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from generator.afwegingskader.export import write_json
from generator.afwegingskader.graph import Graph
from generator.errors import ToolError
from generator.hulp.precompile import bytecode_zip, run_runtime
from generator.paths import ENGINE, PROJECT
from generator.source.model import Protocol

ROOT = PROJECT
PYODIDE = ROOT / "node_modules" / "pyodide"
# The core files Pyodide needs to start, by their name in the npm package and in the site;
# nothing else of the package is served. Its two ES modules are served under .js names: a
# stock web server (Debian's nginx and its mime.types) sends .mjs as application/octet-stream,
# which no browser runs as a module. The workers import both modules by these names and hand
# the runtime module to loadPyodide (createPyodideModule), so Pyodide never asks for a .mjs.
# (The npm package's own pyodide.js and pyodide.asm.js, classic scripts, are not served.)
PYODIDE_CORE = {
    "pyodide.mjs": "pyodide.js",
    "pyodide.asm.mjs": "pyodide.asm.js",
    "pyodide.asm.wasm": "pyodide.asm.wasm",
    "python_stdlib.zip": "python_stdlib.zip",
}
# brotli-dec-wasm's decoder: from a server that compresses nothing, the worker fetches the .br
# copies of the runtime and unpacks them itself (compressed-fetch.js), 0.8 MB fewer than .gz
BROTLI = ROOT / "node_modules" / "brotli-dec-wasm" / "pkg"
BROTLI_FILES = {"brotli_dec_wasm.js": "brotli-dec.js", "brotli_dec_wasm_bg.wasm": "brotli-dec.wasm"}
ASSETS = "assets/hulp"


def _fail(message: str) -> ToolError:
    return ToolError(message, "afwegingskader (hulp in de browser)")


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    """A build tool, its output captured for the error message instead of the terminal."""
    return subprocess.run(command, capture_output=True, text=True, check=False)


def build_engine_wheel(out_dir: Path) -> Path:
    """Build meldcode_engine-<v>-py3-none-any.whl from a scratch copy (setuptools writes
    build/ and egg-info next to the source, which must stay clean)."""
    with tempfile.TemporaryDirectory(prefix="meldcode-engine-") as tmp:
        source = Path(tmp) / "engine"
        shutil.copytree(ENGINE, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
        result = _run(
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-w",
            str(out_dir),
            str(source),
        )
    wheels = sorted(out_dir.glob("meldcode_engine-*-py3-none-any.whl"))
    if result.returncode != 0 or not wheels:
        raise _fail(f"de engine kon niet als wheel worden gebouwd: {result.stderr.strip()[-400:]}")
    return wheels[-1]


def write_lock_file(wheel: Path, out_dir: Path) -> Path:
    """pyodide-lock.json with the engine (and its sha256) and nothing we do not serve."""
    pyodide = shutil.which("pyodide", path=str(Path(sys.executable).parent)) or "pyodide"
    full = out_dir / "pyodide-lock.volledig.json"
    result = _run(
        pyodide,
        "lockfile",
        "add-wheels",
        "--input",
        str(PYODIDE / "pyodide-lock.json"),
        "--output",
        str(full),
        "--base-path",
        str(out_dir),
        str(wheel),
    )
    if result.returncode != 0 or not full.exists():
        raise _fail(f"pyodide lockfile add-wheels mislukte: {(result.stderr or result.stdout).strip()[-400:]}")
    lock = json.loads(full.read_text(encoding="utf-8"))
    full.unlink()
    # Only the engine is ever loaded; listing hundreds of packages we do not serve would
    # only add weight to the page and invite requests that cannot succeed.
    lock["packages"] = {k: v for k, v in lock["packages"].items() if k == "meldcode-engine"}
    path = out_dir / "pyodide-lock.json"
    path.write_text(json.dumps(lock, indent=1), encoding="utf-8")
    return path


def trim_stdlib(protocol: Protocol, runtime: Path) -> tuple[int, int]:
    """Keep only the standard library files the engine and Pyodide use: every route is walked
    in Pyodide under Node and each file Python opened is kept, compiled (kort.py). Returns
    (bytes before, after)."""
    routes = [[[k, a] for k, a in route] for route in Graph.of(protocol).routes()]
    used = set(json.loads(run_runtime("modules", str(runtime), stdin=json.dumps(routes))))
    full = runtime / "python_stdlib.zip"
    before = full.stat().st_size
    trimmed = runtime / "python_stdlib.klein.zip"
    # stored, not deflated: the host's brotli copy of the whole archive is smaller than a zip of
    # separately deflated files, which cannot be compressed further
    with zipfile.ZipFile(full) as source, zipfile.ZipFile(trimmed, "w", zipfile.ZIP_STORED) as target:
        for info in source.infolist():
            if info.is_dir() or info.filename in used:
                target.writestr(zipfile.ZipInfo(info.filename, info.date_time), source.read(info))
    full.write_bytes(bytecode_zip(trimmed.read_bytes()))
    trimmed.unlink()
    return before, full.stat().st_size


def write_assets(protocol: Protocol, site_dir: Path) -> list[Path]:
    """Write everything the helper's page needs into site_dir/assets/hulp/."""
    if not (PYODIDE / "pyodide.mjs").exists() or not (BROTLI / "brotli_dec_wasm.js").exists():
        raise _fail("de Pyodide-bestanden ontbreken (node_modules/pyodide, brotli-dec-wasm); voer 'make setup' uit")
    out = site_dir / ASSETS
    runtime = out / "pyodide"
    runtime.mkdir(parents=True, exist_ok=True)
    for name, served in PYODIDE_CORE.items():
        shutil.copy2(PYODIDE / name, runtime / served)
    (out / "brotli").mkdir(exist_ok=True)
    for name, served in BROTLI_FILES.items():
        shutil.copy2(BROTLI / name, out / "brotli" / served)
    wheel = build_engine_wheel(runtime)
    lock = write_lock_file(wheel, runtime)
    data = write_json(protocol, out / "afwegingskader.json")
    # less to download and mount: only what the engine and Pyodide use
    trim_stdlib(protocol, runtime)
    decoder = [out / "brotli" / n for n in BROTLI_FILES.values()]
    return [*(runtime / n for n in PYODIDE_CORE.values()), *decoder, wheel, lock, data]
