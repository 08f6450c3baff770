"""Thin mkdocs glue: check the source, add the generated pages, watch `protocol/`.

Everything protocol-specific lives in load/check/render; this file only hands
their output to mkdocs, so a successor builder needs a new glue file, nothing more.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from generator.check import load_and_check
from generator.errors import ProtocolError
from generator.render import render_pages, tel_href
from generator.model import Protocol

log = logging.getLogger("mkdocs.hooks.meldcode")
_state: dict[str, Any] = {}


def _protocol_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "protocol"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # runs before mkdocs cleans site/, so a broken source leaves the old site alone
    try:
        loaded, warnings = load_and_check(_protocol_dir(config))
    except ProtocolError as exc:
        raise PluginError(exc.report()) from None
    for warning in warnings:
        log.warning(warning)
    protocol: Protocol = loaded.protocol
    _state["protocol"] = protocol
    config.site_name = f"{protocol.metadata.titel} · {protocol.metadata.school_kort}"
    contacten = {c.id: c for c in protocol.contacten.contacten}
    config.extra["meldcode"] = {
        "spoedbalk": [
            {"naam": contacten[cid].naam, "telefoon": contacten[cid].telefoon, "href": tel_href(contacten[cid].telefoon or "")}
            for cid in protocol.contacten.spoedbalk
        ],
        "versie": protocol.metadata.versie,
        "vastgesteld": protocol.metadata.vastgesteld.strftime("%d-%m-%Y"),
    }
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for src, markdown in render_pages(_state["protocol"]).items():
        files.append(File.generated(config, src, content=markdown))
    return files


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    server.watch(str(_protocol_dir(config)))
    return server
