"""Where each page and anchor lives on the built site, and the relative links between them.

Pages are named by their src path as mkdocs sees it (`a/b.md`); the pages, the charts
and the oefencasussen data all link through here, so a link reads the same everywhere.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the browser editor runs anchors() on the raw files, without pydantic
    from generator.source.model import Knoop, Protocol, Uitkomst

# Werkblad id → its page (src path); the page's heading carries the anchor `werkblad-<id>`.
WERKBLAD_PAGINAS = {
    "signalen-vastleggen": "werkbladen/signalen-vastleggen.md",
    "overlegformulier": "werkbladen/overlegformulier.md",
    "gesprek-met-ouders": "werkbladen/gesprek-met-ouders.md",
}


def anchors(protocol: Protocol) -> dict[str, str]:
    """Every referenceable id and the page it lives on (src path of the page)."""
    found: dict[str, str] = {}
    for stap in protocol.stappen.stappen:
        found[stap.id] = f"meldcode/{stap.id}.md"
        for sectie in _sections(stap.secties):
            found[sectie] = f"meldcode/{stap.id}.md"
    for sectie in _sections(protocol.inleiding.secties):
        found[sectie] = "meldcode/index.md"
    found[protocol.inleiding.structuur.id] = "meldcode/structuur.md"
    kader = protocol.afwegingskader
    knopen: list[Knoop | Uitkomst] = [*kader.vragen, *kader.beslissingen, *kader.uitkomsten]
    for node in knopen:
        found[node.id] = "afwegingskader.md"
    for section in ("beslistabel", "beslissingen", "uitkomsten"):
        found[section] = "afwegingskader.md"
    for sectie in _sections(protocol.melding.secties):
        found[sectie] = "melding.md"
    for sectie in _sections(protocol.achtergrond.secties):
        found[sectie] = "achtergrond.md"
    for n in range(1, 5):
        found[f"bijlage-{n}"] = f"bijlagen/bijlage-{n}.md"
    for werkblad, src in WERKBLAD_PAGINAS.items():
        found[f"werkblad-{werkblad}"] = src
    found["doorlopen"] = "afwegingskader-doorlopen.md"  # the helper
    found["zorgen"] = "zorgen.md"  # the first minutes
    for categorie in protocol.bijlage_1.categorieen:
        found[categorie.id] = "bijlagen/bijlage-1.md"
    for norm in protocol.bijlage_2.meldnormen:
        found[f"meldnorm-{norm.id.lower()}"] = "bijlagen/bijlage-2.md"
    for begrip in protocol.bijlage_2.begrippen:
        found[begrip.id] = "bijlagen/bijlage-2.md"
    for sectie in _sections(protocol.bijlage_4.secties):
        found[sectie] = "bijlagen/bijlage-4.md"
    return found


def stap_secties(protocol: Protocol) -> dict[str, Any]:
    """Every section of every stap by id, subsections included."""
    found: dict[str, Any] = {}
    todo = [s for stap in protocol.stappen.stappen for s in stap.secties]
    while todo:
        sectie = todo.pop(0)
        found.setdefault(sectie.id, sectie)
        todo += sectie.secties
    return found


def _sections(secties: Any) -> Iterator[str]:
    for sectie in secties:
        yield sectie.id
        yield from _sections(sectie.secties)


def page_url(src: str) -> str:
    """Directory URL of a page, as mkdocs builds it: `a/b.md` → `a/b/`, `a/index.md` → `a/`."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


@dataclass
class Adressen:
    """Links between the pages of one protocol's site, as Markdown targets and as URLs."""

    protocol: Protocol
    anchors: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.anchors = anchors(self.protocol)

    def link(self, page: str, target: str) -> str:
        """Relative Markdown link from `page` to anchor id `target`."""
        dest = self.anchors[target]
        if dest == page:
            return f"#{target}"
        rel = posixpath.relpath(dest, posixpath.dirname(page) or ".")
        return f"{rel}#{target}"

    def page_link(self, page: str, dest: str) -> str:
        return posixpath.relpath(dest, posixpath.dirname(page) or ".")

    def url(self, page: str, href: str) -> str:
        """A Markdown link target (`x.md#a`) as the built site's relative URL."""
        if href.startswith("#") or ":" in href.split("#")[0]:
            return href
        path, _, anchor = href.partition("#")
        here = page_url(page)
        there = page_url(posixpath.normpath(posixpath.join(posixpath.dirname(page), path)))
        rel = posixpath.relpath(there or ".", here.rstrip("/") or ".")
        rel = "./" if rel == "." else rel + "/"
        return rel + (f"#{anchor}" if anchor else "")
