"""Offline use: a service worker generated with workbox-build after the build.

It caches only the site's own files (pages, styles, scripts, the helper's runtime); what a
user types or answers never leaves the page, so it can never be in a cache. Every cache
name carries one key (protocol version, Pyodide version and a hash of the helper's files),
so a new version replaces the old caches when it activates. The switch is
`extra: offline:` in mkdocs.yml (default on); off, the pages unregister any old worker.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

from generator.errors import ToolError
from generator.hulp.assets import ASSETS, BROTLI_FILES, PYODIDE, ROOT
from generator.postbuild.precompress import is_copy

SCRIPT = Path(__file__).with_name("offline.mjs")
EXTRA = Path(__file__).with_name("sw-extra.js")
EXTRA_CONFIG = "const CONFIG = /** @type {Config} */ ({}); // filled in by the build"


def _runtime_files(site_dir: Path) -> list[Path]:
    """The helper's runtime files; a host's pre-compressed copies of them are not files of
    their own (the browser gets the same file either way), so they are neither hashed nor cached."""
    return sorted(p for p in (site_dir / ASSETS / "pyodide").glob("*") if p.is_file() and not is_copy(p))


def cache_key(site_dir: Path, versie: str) -> str:
    """Protocol version, Pyodide version and a hash of the helper's runtime files."""
    pyodide_versie = json.loads((PYODIDE / "package.json").read_text(encoding="utf-8"))["version"]
    digest = hashlib.sha256()
    for path in _runtime_files(site_dir):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"{versie}-pyodide-{pyodide_versie}-{digest.hexdigest()[:8]}"


def _extra(key: str, runtime: list[str], decoder: list[str]) -> str:
    """What workbox does not do for us (sw-extra.js): remove the caches of earlier versions
    (Workbox only removes outdated precaches), and keep the helper's runtime when its page asks."""
    config = {
        "current": f"meldcode-{key}",
        "runtimeCache": f"meldcode-{key}-hulp",
        "runtime": runtime,
        "decoder": decoder,
    }
    text = EXTRA.read_text(encoding="utf-8")
    if EXTRA_CONFIG not in text:
        raise ToolError(f"{EXTRA}: de regel {EXTRA_CONFIG!r} ontbreekt", "offline (service worker)")
    return text.replace(EXTRA_CONFIG, f"const CONFIG = {json.dumps(config)};", 1)


def extra_config(site_dir: Path) -> dict[str, object]:
    """The CONFIG a built site's sw-extra.js was given (for checks and tests)."""
    text = (site_dir / "sw-extra.js").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("const CONFIG = "))
    return dict(json.loads(line.removeprefix("const CONFIG = ").removesuffix(";")))


def write_service_worker(site_dir: Path, versie: str) -> dict[str, int]:
    """Write sw.js (and its clean-up script) into a built site; returns files and bytes precached."""
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "workbox-build").exists():
        raise ToolError(
            "workbox-build of Node.js ontbreekt; voer 'make setup' uit, of zet 'offline: false' "
            "onder extra in mkdocs.yml",
            "offline (service worker)",
        )
    key = cache_key(site_dir, versie)
    runtime = [p.relative_to(site_dir).as_posix() for p in _runtime_files(site_dir)]
    decoder = [f"{ASSETS}/brotli/{name}" for name in BROTLI_FILES.values() if name.endswith(".wasm")]
    (site_dir / "sw-extra.js").write_text(_extra(key, runtime, decoder), encoding="utf-8")
    result = subprocess.run(
        [node, str(SCRIPT), str(site_dir), key], capture_output=True, text=True, cwd=ROOT, check=False
    )
    if result.returncode != 0:
        raise ToolError(f"workbox-build mislukte: {result.stderr.strip()[-400:]}", "offline (service worker)")
    return json.loads(result.stdout)


# With offline switched off, a worker left from an earlier build must not keep serving old
# pages: browsers keep a worker whose script has gone (a 404 does not unregister it), so
# the build ships this one, which removes the site's caches and itself.
SW_UIT = """/* Offline use is switched off for this site: remove its caches and this worker. */
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((namen) => Promise.all(namen.filter((n) => n.startsWith("meldcode-")).map((n) => caches.delete(n))))
    .then(() => self.registration.unregister())
    .then(() => self.clients.matchAll({ type: "window" }))
    .then((vensters) => vensters.forEach((venster) => venster.navigate(venster.url))));
});
"""


def write_service_worker_off(site_dir: Path) -> None:
    """sw.js for a site with offline use switched off: it removes itself and the caches."""
    (site_dir / "sw.js").write_text(SW_UIT, encoding="utf-8")
    (site_dir / "sw-extra.js").unlink(missing_ok=True)


__all__ = ["cache_key", "write_service_worker", "write_service_worker_off"]
