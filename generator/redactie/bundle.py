"""The browser editor in the site: the CMS bundled from its npm package, with its
configuration from the model beside it.

esbuild bundles `start.js` and `@sveltia/cms` (the package's `npm/` build, which fetches
nothing from a CDN) into `assets/redactie/`: one entry module and the chunks it loads on
demand. The CMS finds its fonts beside the entry module (`assets/…woff2`, relative to
`import.meta.url`), so they are copied there: nothing is loaded from another origin.
The bundle depends only on the package and the entry module; a rebuild reuses it. The
configuration (`config.json`) is written on every build.
"""

from __future__ import annotations

import hashlib
import io
import json
import pickle
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import ruamel.yaml

from generator.errors import ToolError
from generator.hulp.precompile import bytecode_zip
from generator.paths import ENGINE, PACKAGE, PROJECT
from generator.redactie.cms import CONTROLE_WOORDEN, INVOEGEN_GROEPEN, NAMEN, cms_config, form_words
from generator.redactie.form import as_data
from generator.redactie.woorden import CMS_WOORDEN
from generator.redactie.yaml_file import load
from generator.source.model import BRONNEN
from generator.source.tabel import soorten_van_model
from generator.writing import write_if_changed

ROOT = PROJECT
ENTRY = Path(__file__).with_name("start.js")
# where esbuild reads the entry: two levels inside the project, so its import of the page
# scripts (../../site_overrides/…) finds the project's, also for an installed generator
ENTRY_IN_PROJECT = ROOT / ".bouw" / "redactie" / "start.js"
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
CMS_PACKAGE = ROOT / "node_modules" / "@sveltia" / "cms"
# the CMS as bundled: a copy of its npm build with its Dutch words completed (woorden.CMS_WOORDEN);
# inside the project, so its own imports still resolve from node_modules
CMS_KOPIE = ROOT / ".bouw" / "sveltia-cms"
BUNDLE = "assets/redactie"  # in the site: the entry module, its chunks, fonts and config
ENTRY_FILE = f"{BUNDLE}/redactie.js"
CONFIG_FILE = f"{BUNDLE}/config.json"
# What the worker runs (Pyodide): the full standard library (the helper's is cut down to the
# engine's needs), ruamel.yaml and the generator's modules that need no pydantic, as one zip;
# the source as built, to start the test repository with and to check references against.
PYTHON_DIR = f"{BUNDLE}/python"
PYTHON_ZIP = f"{PYTHON_DIR}/redactie.zip"
BOMEN = "gelezen.pickle"  # in the zip, beside the generator/ folder
STDLIB = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"
CONTROLE_JSON = f"{BUNDLE}/controle.json"
GELEZEN_JSON = f"{BUNDLE}/gelezen.json"
# the modules `generator.redactie.check` imports (tests/unit/test_redactie_check.py traces them)
BROWSER_MODULES = (
    "generator/__init__.py",
    "generator/paths.py",
    "generator/afwegingskader/__init__.py",
    "generator/afwegingskader/graph.py",
    "generator/checks/__init__.py",
    "generator/checks/afwegingskader.py",
    "generator/checks/eerste_minuten.py",
    "generator/checks/evaluatie.py",
    "generator/checks/ids.py",
    "generator/checks/required.py",
    "generator/checks/samenhang.py",
    "generator/checks/tekst.py",
    "generator/checks/versie.py",
    "generator/checks/versienummer.py",
    "generator/checks/values.py",
    "generator/diff/__init__.py",
    "generator/diff/vergelijken.py",
    "generator/diff/verslag.py",
    "generator/engine/meldcode_engine/__init__.py",
    "generator/engine/meldcode_engine/sessie.py",
    "generator/engine/meldcode_engine/termijnen.py",
    "generator/engine/meldcode_engine/verslag.py",
    "generator/engine/meldcode_engine/weergave.py",
    "generator/engine/meldcode_engine/woorden.py",
    "generator/engine/meldcode_engine/worker.py",
    "generator/errors.py",
    "generator/links/__init__.py",
    "generator/links/adressen.py",
    "generator/redactie/__init__.py",
    "generator/redactie/messages.py",
    "generator/redactie/check.py",
    "generator/redactie/form.py",
    "generator/redactie/insert.py",
    "generator/redactie/page_texts.py",
    "generator/redactie/woorden.py",
    "generator/redactie/yaml_file.py",
    "generator/source/__init__.py",
    "generator/source/loaded.py",
    "generator/source/positions.py",
    "generator/source/required.py",
    "generator/source/soorten.py",
    "generator/source/syntaxis.py",
    "generator/source/values.py",
)
# the engine is a package of its own (generator/engine/ on the path): it sits at the zip's top
ENGINE_DIR = "generator/engine/"
# what the CMS references beside itself: its fonts (with their licences) and the map marker
_COPIED = ("*.woff2", "*.LICENSE.txt", "*.png")
# The CMS's interface declares its fonts twice: as FontFace objects with the copied files
# (relative to the module) and in a component style with @font-face rules that point at a
# CDN. Those rules are taken out of the bundle; the fonts stay, from the site itself.
_CDN_FONT = re.compile(r"@font-face\s*\{[^{}]*https://cdn\.jsdelivr\.net/[^{}]*\}")
_CDN = "cdn.jsdelivr.net"
# The CMS's interface sets its own viewport with maximum-scale=1, which stops a reader from
# zooming (WCAG 1.4.4): that one value is taken out, the rest of the viewport stays.
_NO_ZOOM = '"maximum-scale=1",'
_STAMP = ".redactie-bron"  # beside docs/, so no builder publishes it
# the test backend keeps the files in the browser's own storage; the Git host comes later
TEST_BACKEND = {"name": "test-repo"}

_ONDERDEEL = "Redactie (de editor in de browser)"


def _digest() -> str:
    digest = hashlib.sha256(ENTRY.read_bytes())
    digest.update(Path(__file__).read_bytes())  # how it is bundled
    digest.update((CMS_PACKAGE / "package.json").read_bytes())
    digest.update(json.dumps(CMS_WOORDEN, sort_keys=True).encode())
    digest.update(str(ESBUILD.resolve()).encode())
    return digest.hexdigest()


def _esbuild(out: Path) -> None:
    if not ESBUILD.exists():
        raise ToolError("esbuild ontbreekt in node_modules: voer 'make setup' uit (npm ci)", _ONDERDEEL)
    if not (CMS_PACKAGE / "package.json").exists():
        raise ToolError("@sveltia/cms ontbreekt in node_modules: voer 'make setup' uit (npm ci)", _ONDERDEEL)
    command = [
        str(ESBUILD),
        str(_entry_in_project()),
        f"--alias:@sveltia/cms=./{_cms_in_het_nederlands().relative_to(ROOT).as_posix()}",
        "--bundle",
        "--format=esm",
        "--splitting",  # what the CMS loads on demand (languages, editors) stays out of the first load
        "--minify",
        "--target=es2022",
        "--legal-comments=none",
        "--log-level=error",
        "--entry-names=redactie",
        "--chunk-names=[name]-[hash]",  # beside the entry: the CMS finds its fonts beside itself
        f"--outdir={out}",
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise ToolError(f"esbuild mislukte: {result.stderr.strip()[:2000]}", _ONDERDEEL)
    _patched(out)
    for pattern in _COPIED:
        for path in (CMS_PACKAGE / "npm" / "assets").glob(pattern):
            (out / "assets").mkdir(exist_ok=True)
            shutil.copy2(path, out / "assets" / path.name)


def _entry_in_project() -> Path:
    ENTRY_IN_PROJECT.parent.mkdir(parents=True, exist_ok=True)
    write_if_changed(ENTRY_IN_PROJECT, ENTRY.read_bytes())
    return ENTRY_IN_PROJECT


def _cms_in_het_nederlands() -> Path:
    """The CMS's npm build with its Dutch words completed: where its translation lacks a word,
    the CMS shows English ("Show Errors"), and some of its words are a programmer's ("Item")."""
    shutil.rmtree(CMS_KOPIE, ignore_errors=True)
    shutil.copytree(CMS_PACKAGE / "npm", CMS_KOPIE / "npm", ignore=shutil.ignore_patterns("*.map"))
    shutil.copytree(CMS_PACKAGE / "locales", CMS_KOPIE / "locales")
    nl = CMS_KOPIE / "locales" / "nl.json"
    woorden = json.loads(nl.read_text(encoding="utf-8"))
    nl.write_text(json.dumps(woorden | CMS_WOORDEN, ensure_ascii=False), encoding="utf-8")
    return CMS_KOPIE / "npm" / "index.js"


def _patched(out: Path) -> None:
    for path in out.rglob("*.js"):
        text = path.read_text(encoding="utf-8")
        if _CDN not in text and _NO_ZOOM not in text:
            continue
        text = _CDN_FONT.sub("", text).replace(_NO_ZOOM, "")
        if _CDN in text:  # a new version of the CMS loads something else from the CDN
            raise ToolError(f"de gebundelde CMS verwijst nog naar {_CDN} ({path.name})", _ONDERDEEL)
        path.write_text(text, encoding="utf-8")


def config_json(backend: dict[str, Any]) -> str:
    """The configuration the entry module fetches; the CMS is told not to look for a config.yml."""
    return json.dumps({**cms_config(backend), "load_config_file": False}, ensure_ascii=False, indent=1)


def _geschreven(path: Path, data: bytes) -> Path:
    write_if_changed(path, data)
    return path


def _python_zip() -> bytes:
    """ruamel.yaml and the browser's modules, at fixed times so an unchanged zip stays the same."""
    package = Path(ruamel.yaml.__file__).parent
    files = {f"ruamel/yaml/{p.relative_to(package).as_posix()}": p for p in sorted(package.rglob("*.py"))}
    # the generator's modules as installed, the engine's from its source (generator/paths.py)
    files |= {
        name.removeprefix(ENGINE_DIR): ENGINE / name.removeprefix(ENGINE_DIR)
        if name.startswith(ENGINE_DIR)
        else PACKAGE.parent / name
        for name in BROWSER_MODULES
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:  # the host compresses
        for name, path in files.items():
            zf.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), path.read_bytes())
    return out.getvalue()


class _SortedSets(pickle._Pickler):  # the C pickler writes a set without asking reducer_override
    """ruamel keeps a mapping's own keys in a set (`_ok`), in the order of the process's string
    hashing: written sorted, the same trees are the same bytes in every build (the site's files
    change only when the protocol does, and their compressed copies come from the cache)."""

    def reducer_override(self, obj: Any) -> Any:
        if type(obj) is set:
            return set, (sorted(obj, key=repr),)
        return NotImplemented


def trees_pickle(bomen: dict[str, Any]) -> bytes:
    """Trees by their text, pickled: the same bytes for the same trees in every process."""
    out = io.BytesIO()
    _SortedSets(out, protocol=5).dump(bomen)
    return out.getvalue()


def _with_trees(compiled: bytes, bomen: bytes) -> bytes:
    """The compiled zip with the published files' trees, pickled (check.preload_trees), added
    after compiling: the compiled zip is kept by its source's bytes (precompile's cache), and the
    trees change with every change to the protocol, so they stay out of that key."""
    out = io.BytesIO(compiled)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_STORED) as zf:
        zf.writestr(zipfile.ZipInfo(BOMEN, (2026, 1, 1, 0, 0, 0)), bomen)
    return out.getvalue()


def _cms_knoppen() -> dict[str, list[str]]:
    """The labels of the CMS's own buttons that lose work (remove an item, leave the form), in
    its Dutch words: the editor asks before they act."""
    nl = json.loads((CMS_PACKAGE / "locales" / "nl.json").read_text(encoding="utf-8"))
    return {"weg": [nl["remove"], nl["remove_this_item"]], "terug": [nl["back"], nl["cancel_editing"]]}


def write_python(docs: Path, root: Path) -> set[Path]:
    """The worker's Python, the source as built and what the checks need beside the files.
    Both archives compiled ahead: a cold start of the editor then takes half the time."""
    if not STDLIB.exists():
        raise ToolError("de Pyodide-bestanden ontbreken (node_modules/pyodide); voer 'make setup' uit", _ONDERDEEL)
    bestanden = {part: f"protocol/{relative}" for part, (relative, _) in BRONNEN.items()}
    # as the browser reads them: the bytes decoded, line ends as they are
    teksten = {pad: (root / pad).read_bytes().decode("utf-8") for pad in bestanden.values()}
    bomen = {pad: load(tekst) for pad, tekst in teksten.items()}
    # the trees the worker would read, as its cache holds them (controle._boom: by the text)
    gepickeld = trees_pickle({teksten[pad].rstrip(): boom for pad, boom in bomen.items()})
    written = {
        _geschreven(docs / PYTHON_DIR / STDLIB.name, bytecode_zip(STDLIB.read_bytes())),
        _geschreven(
            docs / PYTHON_ZIP,
            _with_trees(bytecode_zip(_python_zip(), full=("generator/", "meldcode_engine/")), gepickeld),
        ),
    }
    soorten = soorten_van_model()
    for pad, tekst in teksten.items():
        written.add(_geschreven(docs / BUNDLE / pad, tekst.encode("utf-8")))
    # each published file as the form's data, read here by the same code: the editor opens the
    # files as published without waiting for Python (which is still starting in its worker)
    gelezen = {pad: as_data(boom) for pad, boom in bomen.items()}
    written.add(_geschreven(docs / GELEZEN_JSON, json.dumps(gelezen, ensure_ascii=False).encode()))
    controle = {
        "bestanden": bestanden,
        "woorden": CONTROLE_WOORDEN,
        "namen": NAMEN,
        "soorten": soorten.als_json(),  # how `meldcode diff` reads the raw files
        # what the form calls files and fields, for the check's messages in her words
        "labels": form_words(cms_config(TEST_BACKEND)),
        "groepen": INVOEGEN_GROEPEN,
        # each file's top-level keys: which file a text read by the CMS is (it says only the text)
        "cms_knoppen": _cms_knoppen(),
        "sleutels": {part: [v.naam for v in soorten.velden[soorten.deel(part)]] for part in bestanden},
    }
    written.add(_geschreven(docs / CONTROLE_JSON, json.dumps(controle, ensure_ascii=False).encode()))
    return written


def write_bundle(docs: Path, backend: dict[str, Any] | None = None) -> set[Path]:
    """Write the editor into `docs/assets/redactie/`; returns every file it occupies."""
    out = docs / BUNDLE
    stamp = docs.parent / _STAMP
    digest = _digest() if ESBUILD.exists() else ""
    fresh = digest and stamp.exists() and stamp.read_text(encoding="utf-8") == digest
    if not (fresh and (docs / ENTRY_FILE).exists()):
        shutil.rmtree(out, ignore_errors=True)
        _esbuild(out)
        stamp.write_text(_digest(), encoding="utf-8")
    _geschreven(docs / CONFIG_FILE, config_json(backend or TEST_BACKEND).encode())
    return {p for p in out.rglob("*") if p.is_file()}


__all__ = [
    "BROWSER_MODULES",
    "BUNDLE",
    "CONFIG_FILE",
    "CONTROLE_JSON",
    "ENTRY_FILE",
    "TEST_BACKEND",
    "config_json",
    "write_bundle",
    "write_python",
]
