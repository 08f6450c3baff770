"""The generation step: from the checked source, a complete builder project in a folder.

It writes the pages, the chart downloads, the helper's files and a builder configuration
(`mkdocs.yml`) whose `extra` holds everything the theme overrides need. Any builder that
reads `mkdocs.yml` and `custom_dir` (mkdocs-material, Zensical) builds that folder as it
is; no builder plugin is involved, so nothing protocol-specific lives in builder glue.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from generator.afwegingskader.export import afwegingskader_data
from generator.build.builders import for_builder, page_folder
from generator.checks.evaluatie import Treffer
from generator.hulp.assets import ASSETS, BROTLI, PYODIDE, write_assets
from generator.hulp.precompile import RUNTIME_SCRIPT
from generator.kaarten.placement import write_charts
from generator.kaarten.stijl import CSS as CHART_STYLE
from generator.pages import csp
from generator.pages.oefencasussen import JSON_PATH as OEFENCASUSSEN_JSON
from generator.pages.oefencasussen import oefencasussen_json
from generator.pages.render import render_pages
from generator.pages.woorden import FOUTPAGINA, SPOED_KOP, site_woorden
from generator.paths import ENGINE
from generator.redactie.backend import backend
from generator.redactie.bundle import ENTRY_FILE as REDACTIE_JS
from generator.redactie.bundle import write_bundle, write_python
from generator.source.model import Contact, Protocol
from generator.source.telefoon import tel_href
from generator.writing import write_if_changed

CHART_CSS = "assets/stylesheets/routekaart.css"
PRINT_CSS = "assets/stylesheets/spoed-afdruk.css"
HULP_CSS = "assets/stylesheets/hulp.css"  # the helper's page only (front matter hulp: main.html)
REDACTIE_CSS = "assets/stylesheets/redactie.css"  # the editor's page only (front matter redactie:)
DOCS = "docs"
SITE = "site"
CONFIG = "mkdocs.yml"
# the helper's runtime is slow to make (Pyodide walks every route); it depends only on
# this export of the afwegingskader and the engine, so a rebuild under `serve` reuses it
_ASSETS_STAMP = ".assets-bron"


@dataclass(frozen=True)
class Project:
    """A generated builder project: its config file and what the post-build step needs."""

    config: Path
    site: Path
    extra_css: list[str]
    offline: bool
    bronpaginas: tuple[str, ...] = ()  # the pages made from protocol/ (URLs), for the editor


def spoedbalk(protocol: Protocol) -> list[Contact]:
    """The contacten of the spoedbalk, in its order (the check made sure each exists)."""
    contacten = {c.id: c for c in protocol.contacten.contacten}
    return [contacten[cid] for cid in protocol.contacten.spoedbalk]


def print_css(protocol: Protocol) -> str:
    """Every printed page carries the emergency numbers in its footer (a page margin box):
    the numbers come from protocol/contacten.yaml, so the style sheet is generated."""
    spoed = " · ".join(f"{c.naam} {c.telefoon}" for c in spoedbalk(protocol))
    text = json.dumps(f"{SPOED_KOP} {spoed}", ensure_ascii=False)  # a CSS string: same quoting as JSON
    return f"@page {{\n  @bottom-left {{ content: {text}; font: 700 8pt sans-serif; color: #8c1c13; }}\n}}\n"


def site_data(protocol: Protocol) -> dict[str, Any]:
    """What the theme overrides read from `config.extra.meldcode` (Jinja2 and MiniJinja alike)."""
    return {
        "spoedbalk": [
            {"naam": c.naam, "telefoon": c.telefoon, "href": tel_href(c.telefoon or "")} for c in spoedbalk(protocol)
        ],
        "versie": protocol.metadata.versie,
        "spoed_kop": SPOED_KOP,
        # the error page's way on: the first minutes by their own title, then the start page
        "foutpagina": FOUTPAGINA | {"zorgen": protocol.stappen.eerste_minuten.titel},
    }


def read_base_config(root: Path, name: str = CONFIG, site_url: str | None = None) -> dict[str, Any]:
    """The school's own mkdocs.yml (or the file `name` in `root`, `--config`): theme, menu,
    extensions; the generator fills in the rest. `site_url` (`--site-url`) replaces its own."""
    with (root / name).open(encoding="utf-8") as handle:
        config = dict(yaml.safe_load(handle))
    return config | {"site_url": site_url} if site_url else config


def site_address(url: str) -> str | None:
    """`url` as the builder wants a site's address (ending in /); None when it is not one."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        return None
    return url.rstrip("/") + "/"  # one slash, whether the host's variable ends in one or not


def builder_config(
    protocol: Protocol, root: Path, base: dict[str, Any], *, offline: bool, git_hosts: tuple[str, ...] = ()
) -> dict[str, Any]:
    config = dict(base)
    meta = protocol.metadata
    config["site_name"] = f"{meta.titel} · {meta.school_kort}"
    config["docs_dir"] = DOCS
    config["site_dir"] = SITE  # Zensical builds only inside the project folder
    theme = dict(config["theme"])
    theme["custom_dir"] = str((root / theme.get("custom_dir", "site_overrides")).resolve())
    config["theme"] = theme
    extensions = []
    for extension in config.get("markdown_extensions", []):
        if isinstance(extension, dict) and "pymdownx.snippets" in extension:
            # snippets (the changelog) are read from the project, not the build folder
            settings = dict(extension["pymdownx.snippets"])
            settings["base_path"] = [str((root / p).resolve()) for p in settings.get("base_path", ["."])]
            extension = {"pymdownx.snippets": settings}
        extensions.append(extension)
    config["markdown_extensions"] = extensions
    extra = dict(config.get("extra") or {})
    extra["meldcode"] = site_data(protocol)
    extra["offline"] = offline
    extra["csp"] = csp.policies(git_hosts)
    extra["woorden"] = site_woorden(protocol)  # a page without a script of its own (main.html)
    config["extra"] = extra
    extra_css = list(config.get("extra_css") or [])
    # the charts' style sheet only on pages with a chart (front matter `kaart`: main.html)
    extra["kaart_css"] = CHART_CSS
    extra["hulp_css"] = HULP_CSS
    extra["redactie_css"] = REDACTIE_CSS
    extra["redactie_js"] = REDACTIE_JS  # the editor's page only (front matter redactie: main.html)
    config["extra_css"] = extra_css + [css for css in (PRINT_CSS,) if css not in extra_css]
    return config


def _sync_tree(source: Path, target: Path, builder: str) -> set[Path]:
    """Copy the hand-written pages in; returns the files they occupy."""
    written: set[Path] = set()
    for path in sorted(source.rglob("*")):
        if path.is_file():
            rel = path.relative_to(source).as_posix()
            dest = target / rel
            if path.suffix == ".md":
                write_if_changed(dest, for_builder(builder, rel, path.read_text(encoding="utf-8")))
            else:
                write_if_changed(dest, path.read_bytes())
            written.add(dest)
    return written


def _write_assets(protocol: Protocol, docs: Path) -> None:
    """The helper's runtime, made again only when what it is made from has changed."""
    engine = ENGINE
    digest = hashlib.sha256(json.dumps(afwegingskader_data(protocol), sort_keys=True, ensure_ascii=False).encode())
    digest.update((PYODIDE / "package.json").read_bytes())
    digest.update((BROTLI.parent / "package.json").read_bytes())
    for path in sorted(engine.rglob("*.py")):
        if "build" not in path.parts:
            digest.update(path.read_bytes())
    # and how the runtime is made: a change there must not leave an old runtime in place
    for path in sorted(RUNTIME_SCRIPT.parent.glob("*.*")):
        digest.update(path.read_bytes())
    stamp = docs.parent / _ASSETS_STAMP  # beside docs/, so no builder publishes it
    if stamp.exists() and stamp.read_text(encoding="utf-8") == digest.hexdigest() and (docs / ASSETS).is_dir():
        return
    print("De hulp bij het afwegingskader wordt voorbereid (Pyodide loopt elke route na) …", flush=True)
    shutil.rmtree(docs / ASSETS, ignore_errors=True)
    write_assets(protocol, docs)
    stamp.write_text(digest.hexdigest(), encoding="utf-8")


def generate(
    protocol: Protocol,
    root: Path,
    out: Path,
    *,
    builder: str,
    met_pdf: bool,
    offline: bool | None = None,
    verouderd: Sequence[Treffer] = (),
    lokale_redactie: bool = False,
    config_file: str = CONFIG,
    site_url: str | None = None,
) -> Project:
    """Write a builder project for `protocol` into `out`. Files that are already right are
    left alone, so a second run (under `serve`) touches only what changed.

    `offline` None follows `extra: offline:` in the school's mkdocs.yml (default on); `verouderd`:
    the out-of-date references for the Evaluatie-checklist; `lokale_redactie`: the editor works on
    this checkout (`make redactie`); `config_file`, `site_url`: read_base_config's."""
    base = read_base_config(root, config_file, site_url)
    if offline is None:
        offline = bool((base.get("extra") or {}).get("offline", True))
    docs = out / DOCS
    keep = _sync_tree(root / base.get("docs_dir", "docs"), docs, builder)
    pages = render_pages(protocol, met_pdf=met_pdf, verouderd=verouderd)
    for src, markdown in pages.items():
        write_if_changed(docs / src, for_builder(builder, src, markdown))
        keep.add(docs / src)
    generated: dict[str, str | bytes] = {
        OEFENCASUSSEN_JSON: oefencasussen_json(protocol),
        # how the charts look lives in flowcharts/; the site serves it as a stylesheet
        CHART_CSS: CHART_STYLE.read_bytes(),
        PRINT_CSS: print_css(protocol),
    }
    for name, content in generated.items():
        write_if_changed(docs / name, content)
        keep.add(docs / name)
    # downloads next to the page that links them (routekaart/), so the SVG's own links work
    with tempfile.TemporaryDirectory(dir=out) as charts:
        for path in write_charts(protocol, Path(charts), "routekaart.md"):
            dest = docs / "routekaart" / path.name
            write_if_changed(dest, path.read_bytes())
            keep.add(dest)
    _write_assets(protocol, docs)
    # the browser editor (/redactie/): the CMS and its configuration, saving where mkdocs.yml says
    git, git_hosts = backend(base.get("extra") or {}, lokaal=lokale_redactie)
    keep |= write_bundle(docs, git)
    keep |= write_python(docs, root)  # and what it runs in Pyodide
    # a page or file removed from the source leaves the build folder too
    for path in sorted(docs.rglob("*"), reverse=True):
        if path.is_file() and path not in keep and ASSETS not in path.relative_to(docs).as_posix():
            path.unlink()
    config = builder_config(protocol, root, base, offline=offline, git_hosts=tuple(git_hosts))
    config_path = out / CONFIG
    write_if_changed(config_path, yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    # every style sheet of ours is minified after the build, the per-page ones too
    bronpaginas = tuple(sorted(f"{page_folder(src)}/".lstrip("/") for src in pages))
    return Project(
        config_path, out / SITE, [*config["extra_css"], CHART_CSS, HULP_CSS, REDACTIE_CSS], offline, bronpaginas
    )
