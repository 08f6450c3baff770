"""Thin mkdocs glue: check the source, add the generated pages, watch `protocol/`.

Everything protocol-specific lives in load/check/render; this file only hands
their output to mkdocs, so a successor builder needs a new glue file, nothing more.
"""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator import csp, precompress
from generator.check import load_and_check
from generator.errors import ProtocolError
from generator.model import Protocol
from generator.oefencasussen import JSON_PATH as OEFENCASUSSEN_JSON
from generator.oefencasussen import oefencasussen_json
from generator.offline import write_service_worker, write_service_worker_off
from generator.render import render_pages
from generator.routekaart import write_charts
from generator.telefoon import tel_href
from generator.widget import write_assets

log = logging.getLogger("mkdocs.plugins.meldcode")
FLOWCHARTS = Path(__file__).resolve().parent.parent / "flowcharts"
CHART_CSS = "assets/stylesheets/routekaart.css"
PRINT_CSS = "assets/stylesheets/spoed-afdruk.css"
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="(?:checkbox|radio)"[^>]*?)\s+autocomplete="off"')


def minify_css(path: Path) -> None:
    """Our own stylesheets without comments and indentation: every page loads them.
    Only whole comments and line layout go; nothing inside a rule is touched."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    lines = (line.strip() for line in text.splitlines())
    path.write_text("\n".join(line for line in lines if line) + "\n", encoding="utf-8")


def print_css(protocol: Protocol) -> str:
    """Every printed page carries the emergency numbers in its footer (a page margin box):
    the numbers come from protocol/contacten.yaml, so the style sheet is generated."""
    contacten = {c.id: c for c in protocol.contacten.contacten}
    spoed = " · ".join(f"{contacten[cid].naam} {contacten[cid].telefoon}" for cid in protocol.contacten.spoedbalk)
    text = json.dumps(f"Spoed? {spoed}", ensure_ascii=False)  # a CSS string: same quoting as JSON
    return f"@page {{\n  @bottom-left {{ content: {text}; font: 700 8pt sans-serif; color: #8c1c13; }}\n}}\n"


class MeldcodeConfig(Config):
    protocol = config_options.Type(str, default="protocol")


class MeldcodePlugin(BasePlugin[MeldcodeConfig]):
    """`plugins: [meldcode]` in mkdocs.yml."""

    protocol: Protocol | None = None
    serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # under `mkdocs serve` an editor wants every save to show at once: no offline cache
        self.serving = command == "serve"

    def _source(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.config.protocol

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # runs before mkdocs cleans site/, so a broken source leaves the old site alone
        try:
            loaded, warnings = load_and_check(self._source(config))
        except ProtocolError as exc:
            raise PluginError(exc.report()) from None
        # a warning must not stop a --strict build: the school's own document may hold it,
        # and `meldcode check` and the Evaluatie-checklist show it to the editor
        for warning in warnings:
            log.info(f"Let op: {warning}")
        self.protocol = protocol = loaded.protocol
        meta = protocol.metadata
        config.site_name = f"{meta.titel} · {meta.school_kort}"
        for css in (CHART_CSS, PRINT_CSS):
            if css not in config.extra_css:
                config.extra_css.append(css)
        contacten = {c.id: c for c in protocol.contacten.contacten}
        config.extra["meldcode"] = {
            "spoedbalk": [
                {
                    "naam": contacten[cid].naam,
                    "telefoon": contacten[cid].telefoon,
                    "href": tel_href(contacten[cid].telefoon or ""),
                }
                for cid in protocol.contacten.spoedbalk
            ],
            "versie": meta.versie,
        }
        # the service worker (offline use): on unless mkdocs.yml says `extra: offline: false`
        config.extra["offline"] = bool(config.extra.get("offline", True)) and not self.serving
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.protocol is not None
        # only `meldcode build` (without --zonder-pdf) prints the PDF after the builder;
        # it says so in MELDCODE_PDF, so no other build links to a PDF that is not there
        met_pdf = os.environ.get("MELDCODE_PDF") == "1"
        for src, markdown in render_pages(self.protocol, met_pdf=met_pdf).items():
            files.append(File.generated(config, src, content=markdown))
        files.append(File.generated(config, OEFENCASUSSEN_JSON, content=oefencasussen_json(self.protocol)))
        # how the charts look lives in flowcharts/; the site serves it as a stylesheet
        files.append(File.generated(config, CHART_CSS, abs_src_path=str(FLOWCHARTS / "routekaart.css")))
        files.append(File.generated(config, PRINT_CSS, content=print_css(self.protocol)))
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.protocol is not None
        try:
            write_assets(self.protocol, Path(config.site_dir))
            # downloads next to the page that links them, so the SVG's own links work
            write_charts(self.protocol, Path(config.site_dir) / "routekaart", "routekaart.md")
            for css in config.extra_css:
                minify_css(Path(config.site_dir) / css)
            # the pages are final now, so each page's inline scripts get their hashes
            csp.apply(Path(config.site_dir))
            # last: the service worker precaches the final files
            if config.extra["offline"]:
                write_service_worker(Path(config.site_dir), self.protocol.metadata.versie)
            else:
                write_service_worker_off(Path(config.site_dir))
            # after everything that writes files: compressed copies of the final files, for hosts
            # that serve them (not under `mkdocs serve`, where each save should show at once)
            if not self.serving:
                precompress.apply(Path(config.site_dir))
        except ProtocolError as exc:
            raise PluginError(exc.report()) from None

    def on_post_page(self, output: str, *, page: Any, config: MkDocsConfig) -> str:
        # The theme puts autocomplete="off" on its checkbox and radio toggles, which HTML
        # does not allow there (Nu Html Checker error); text fields keep theirs.
        return _TOGGLE_AUTOCOMPLETE.sub(r"\1", output)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self._source(config)))
        return server
