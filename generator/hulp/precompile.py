"""Python for the browser's Pyodide, compiled ahead (kort.py, run by runtime.mjs under Node):
the helper's trimmed standard library, and the editor's standard library and own modules.

Compiling in the browser is most of a cold start (the editor's worker: 3.3 s to start Pyodide
with the standard library as source, 1.5 s with it compiled). An archive is compiled once per
content, Pyodide version and compiler: the result is kept in `.bouw/pyc/`, so a rebuild with an
unchanged archive costs nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from generator.errors import ToolError
from generator.paths import PROJECT

ROOT = PROJECT
RUNTIME_SCRIPT = Path(__file__).with_name("runtime.mjs")
PYODIDE = ROOT / "node_modules" / "pyodide"
CACHE = ROOT / ".bouw" / "pyc"
KEEP = 12  # archives kept in the cache: the current ones and a few earlier builds


def run_runtime(*args: str, stdin: str | None = None) -> str:
    """runtime.mjs under Node; a failure is the build's error, with Node's last words."""
    node = shutil.which("node")
    if node is None:
        raise ToolError("Node.js ontbreekt; voer 'make setup' uit", "afwegingskader (hulp in de browser)")
    result = subprocess.run(
        [node, str(RUNTIME_SCRIPT), *args], input=stdin, capture_output=True, text=True, cwd=ROOT, check=False
    )
    if result.returncode != 0:
        raise ToolError(
            f"de Pyodide-runtime kon niet worden voorbereid ({args[0]}): {result.stderr.strip()[-400:]}",
            "afwegingskader (hulp in de browser)",
        )
    return result.stdout


def _key(archive: bytes, full: tuple[str, ...]) -> str:
    digest = hashlib.sha256(archive)
    for path in (Path(__file__).with_name("kort.py"), RUNTIME_SCRIPT, PYODIDE / "package.json"):
        digest.update(path.read_bytes())
    digest.update(json.dumps(full).encode())
    return digest.hexdigest()[:32]


def bytecode_zip(archive: bytes, full: tuple[str, ...] = ()) -> bytes:
    """The zip with every .py replaced by a sourceless .pyc from Pyodide's own Python, without
    docstrings and line tables, except under the folders in `full` (the project's own code: a
    traceback keeps its line numbers)."""
    cached = CACHE / f"{_key(archive, full)}.zip"
    if cached.exists():
        return cached.read_bytes()
    with tempfile.TemporaryDirectory(prefix="meldcode-pyc-") as tmp:
        source, target = Path(tmp) / "in.zip", Path(tmp) / "uit.zip"
        source.write_bytes(archive)
        run_runtime("kort", str(source), str(target), json.dumps(full))
        result = target.read_bytes()
    CACHE.mkdir(parents=True, exist_ok=True)
    part = cached.with_name(f"{cached.name}.{os.getpid()}")  # two builds at once: each writes whole
    part.write_bytes(result)
    part.replace(cached)
    for old in sorted(CACHE.glob("*.zip"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]:
        old.unlink(missing_ok=True)
    return result


__all__ = ["bytecode_zip", "run_runtime"]
