"""What both charts are built from: model text as plain text, links relative to the page
that shows the chart, and nodes, edges and columns in Graphviz's DOT language.

Nodes and edges carry stable `kaart-…` ids, classes and relative links, so the page,
the text alternative and the oefen-script can all address them.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

import graphviz
from meldcode_engine.woorden import kop

from generator.afwegingskader.graph import Graph
from generator.kaarten.stijl import stijl
from generator.links.adressen import Adressen
from generator.links.verwijzingen import ReferenceLinks, References
from generator.source.model import Blok, Knoop, Protocol

PREFIX = "kaart-"
# ids of the phone layout: `kaart-smal-vraag-1` is the twin of `kaart-vraag-1`
PREFIX_SMAL = "kaart-smal-"
# the page that shows the charts, as a src path like generator.render.PAGES keys
PAGE = "routekaart.md"
_META = re.compile(r"^// kaart: (\{.*\})$", re.MULTILINE)


@dataclass(frozen=True)
class Kaart:
    """One chart: its DOT source plus the accessible title and description (Dutch)."""

    naam: str  # routekaart | afwegingskader
    dot: str
    titel: str
    beschrijving: str


class Builder:
    """Shared by both charts: plain text from the model, links, nodes and edges."""

    def __init__(self, protocol: Protocol, naam: str, page: str | None, kop: bool, smal: bool = False) -> None:
        self.protocol = protocol
        self.page = page
        self.smal = smal
        # the phone layout sits in the same page as the desktop one: its ids differ
        self.prefix = PREFIX_SMAL if smal else PREFIX
        self.stijl = stijl()
        self.adressen = Adressen(protocol)
        self.kader = Graph.of(protocol)  # the knopen's names, by the engine's one rule
        # the HTML text filter expands {soort:id} exactly as the pages do; tags are stripped below
        self._html = ReferenceLinks(References.of(protocol), self.adressen).inline(page or "index.md", as_html=True)
        self.graph = graphviz.Digraph(naam)
        graaf = self.stijl.attrs("graaf", naam, *([f"{naam}-smal"] if smal else []))
        self.graph.attr("graph", _attributes=graaf, id=f"{self.prefix}{naam}")
        if kop:
            meta = protocol.metadata
            woorden = {"titel": meta.titel, "school": meta.school, "versie": meta.versie}
            label = self.stijl.label(
                ("koptitel", self.stijl.woord(naam, **woorden)), ("kopregel", self.stijl.woord("kopregel", **woorden))
            )
            self.graph.attr("graph", _attributes=self.stijl.attrs("kop"), label=label)

    def text(self, text: str | None) -> str:
        """Model text as plain text: references expanded, no markup."""
        if not text:
            return ""
        return html.unescape(re.sub(r"<[^>]+>", "", self._html(text)))

    def blokken(self, blokken: Iterable[Blok]) -> str:
        """Prose blocks flattened to one line, for tooltips."""
        parts: list[str] = []
        for blok in blokken:
            if blok.alinea or blok.tussenkop:
                parts.append(self.text(blok.alinea or blok.tussenkop))
            for item in blok.lijst or blok.genummerd or []:
                parts.append(f"– {self.text(item)}")
        return " ".join(parts)

    def href(self, dest: str, anchor: str) -> str | None:
        """Relative URL from the chart's page to `anchor` on page `dest` (src paths)."""
        if self.page is None:
            return None
        if dest == self.page:
            return f"#{anchor}"
        return self.adressen.url(self.page, f"{self.adressen.page_link(self.page, dest)}#{anchor}")

    def link(self, target: str) -> str | None:
        return self.href(self.adressen.anchors[target], target)

    def node(
        self,
        g: graphviz.Digraph,
        model_id: str,
        kinds: tuple[str, ...],
        label: str,
        tooltip: str,
        href: str | None,
        **extra: str,
    ) -> str:
        name = self.prefix + model_id
        attrs = self.stijl.attrs("knoop", *kinds, *([f"{k}-smal" for k in kinds] if self.smal else []))
        attrs.update(extra)
        attrs.update({"id": name, "class": " ".join(("knoop", *kinds)), "tooltip": graphviz.escape(tooltip)})
        if href is not None:
            attrs.update({"URL": graphviz.escape(href), "target": "_top"})
        g.node(name, label=label, _attributes=attrs)
        return name

    def edge(
        self, tail: str, head: str, edge_id: str, kinds: tuple[str, ...], label: str | None = None, **extra: str
    ) -> None:
        attrs = self.stijl.attrs("rand", *kinds)
        attrs.update(extra)
        attrs.update({"id": f"{self.prefix}rand-{edge_id}", "class": " ".join(("rand", *kinds))})
        if label:
            # a borderless one-cell table: its padding keeps the word off the line
            attrs["label"] = (
                f'<<TABLE BORDER="0" CELLPADDING="{self.stijl.data["randlabel"]["ruimte"]}"><TR><TD>'
                f"{html.escape(label, quote=False)}</TD></TR></TABLE>>"
            )
        self.graph.edge(tail, head, _attributes=attrs)

    def same_rank(self, *names: str) -> None:
        """Put nodes on one row; with newrank this works across columns (clusters)."""
        with self.graph.subgraph() as row:
            row.attr("graph", rank="same")
            for name in names:
                row.node(name)

    def cluster(self, name: str, label: str) -> graphviz.Digraph:
        sub = graphviz.Digraph(f"cluster_{name}")
        sub.attr(
            "graph",
            _attributes=self.stijl.attrs("kolom"),
            id=f"{self.prefix}kolom-{name}",
            label=graphviz.escape(label),
        )
        sub.attr("graph", **{"class": f"kolom kolom-{name}"})
        return sub

    def finish(self, naam: str, titel: str, beschrijving: str) -> Kaart:
        # the accessible name travels with the DOT source, so render_svg needs nothing else
        meta = {"naam": naam, "titel": titel, "beschrijving": beschrijving}
        if self.smal:
            meta["prefix"] = self.prefix
        source = json.dumps(meta, ensure_ascii=False)
        return Kaart(naam, f"// kaart: {source}\n{self.graph.source}", titel, beschrijving)


def kaart_meta(dot_source: str) -> dict[str, str]:
    """What Builder.finish put in the DOT source: the chart's name, title and description
    and, for the phone layout, its id prefix."""
    match = _META.search(dot_source)
    if match is None:
        raise ValueError("DOT source has no '// kaart: {…}' line; build it with routekaart() or afwegingskader()")
    return dict(json.loads(match.group(1)))


def knoop_kop(b: Builder, k: Knoop) -> str:
    """The heading of a vraag or beslissing on both charts; the word alone when its title
    would only repeat the question."""
    woord = b.kader.naam(k.id, kort=True)
    titel = b.text(k.titel)
    return kop(woord, None if titel == b.text(k.vraag) else titel)
