"""The routekaart and the afwegingskader as Graphviz charts: pure functions, model in, charts out.

What a chart says comes from the model; how it looks from `flowcharts/stijl.toml`
(attribute sets, colours, fonts, paper) and `flowcharts/routekaart.css` (theme colours
of the inline SVG). Nodes and edges carry stable `kaart-…` ids, classes and relative
links, so the page, the text alternative and the oefen-script can all address them.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import shutil
import subprocess
import textwrap
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import graphviz

from .adressen import Adressen
from .errors import ProtocolError, SourceError
from .model import BRONNEN, Blok, Contact, Knoop, Protocol, Sectie, Uitkomst
from .verwijzingen import ReferenceLinks, References

FLOWCHARTS = Path(__file__).resolve().parent.parent / "flowcharts"
STIJL = FLOWCHARTS / "stijl.toml"
CSS = FLOWCHARTS / "routekaart.css"

PREFIX = "kaart-"
# ids of the phone layout: `kaart-smal-vraag-1` is the twin of `kaart-vraag-1`
PREFIX_SMAL = "kaart-smal-"
# the page that shows the charts, as a src path like generator.render.PAGES keys
PAGE = "routekaart.md"

# Model parts the routekaart shows beside the steps, by their stable id: the contact
# that can be consulted at every step, and the section of the inleiding that says so.
ADVIES_CONTACT = "veilig-thuis"
ADVIES_SECTIE = "inleiding-advies-bij-iedere-stap"
# Rows of the structuur page carry this anchor (generator/templates/structuur.md.j2);
# tests check that the rendered page still has it.
STRUCTUUR_PAGE = "meldcode/structuur.md"
STRUCTUUR_ANKER = "structuur-stap-{stap}"
# The stap that walks the afwegingsvragen; stap.md.j2 lists them on that stap's page too.
AFWEGINGSKADER_STAP = 4

# Which PDFs each chart gets, by paper name in stijl.toml. The routekaart is wider
# than tall, so landscape; the afwegingskader is a tall tree, so portrait.
PDFS: dict[str, tuple[str, ...]] = {
    "routekaart": ("a3-liggend", "a4-liggend"),
    "afwegingskader": ("a3-staand", "a4-staand"),
}

# Not role="img": that makes the children presentational, which hides the node links
# from screen readers and fails axe's nested-interactive rule. A named group keeps them.
SVG_ROLE = "group"

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)
_XLINK_HREF = f"{{{XLINK_NS}}}href"
_XLINK_TITLE = f"{{{XLINK_NS}}}title"
_META = re.compile(r"^// kaart: (\{.*\})$", re.MULTILINE)
_MM_PER_INCH = 25.4
_BEFORE_NUMBER = re.compile(r" (?=\d+\b)")


# --- style -----------------------------------------------------------------------


@dataclass(frozen=True)
class Papier:
    naam: str
    breedte_mm: float
    hoogte_mm: float
    marge_mm: float

    @property
    def points(self) -> tuple[float, float]:
        """Page size in PostScript points, as a PDF MediaBox states it."""
        return self.breedte_mm / _MM_PER_INCH * 72, self.hoogte_mm / _MM_PER_INCH * 72


@dataclass(frozen=True)
class Stijl:
    """`flowcharts/stijl.toml`, with colour names resolved."""

    data: dict[str, Any]

    @classmethod
    def load(cls, path: Path = STIJL) -> Stijl:
        with path.open("rb") as f:
            return cls(tomllib.load(f))

    @property
    def kleuren(self) -> dict[str, str]:
        return dict(self.data["kleuren"])

    def attrs(self, section: str, *kinds: str) -> dict[str, str]:
        """Attribute set `section` (graaf, knoop, rand, …) with the sub-sets of `kinds` on top.

        A kind without its own sub-set is fine: it is still a CSS class.
        """
        base = self.data[section]
        merged = {k: v for k, v in base.items() if not isinstance(v, dict)}
        for kind in kinds:
            merged.update(base.get(kind, {}))
        kleuren = self.kleuren
        return {k: kleuren.get(str(v), str(v)) for k, v in merged.items()}

    def woord(self, key: str, **values: Any) -> str:
        return str(self.data["woorden"][key]).format(**values)

    def papier(self, naam: str) -> Papier:
        p = self.data["papier"][naam]
        return Papier(naam, p["breedte_mm"], p["hoogte_mm"], p["marge_mm"])

    def label(self, *parts: tuple[str, str | None], smal: bool = False) -> str:
        """An HTML-like Graphviz label from (text role, text) parts, each wrapped to its role's width.

        `smal`: the phone layout's sizes and widths ([tekst-smal]) where it has them."""
        lines: list[str] = []
        for soort, text in parts:
            if not text:
                continue
            spec = self.data["tekst"][soort]
            if smal:
                spec = {**spec, **self.data["tekst-smal"].get(soort, {})}
            for line in _wrap(text, spec["breedte"]):
                escaped = html.escape(line, quote=False)
                if spec["vet"]:
                    escaped = f"<B>{escaped}</B>"
                lines.append(f'<FONT POINT-SIZE="{spec["grootte"]}">{escaped}</FONT>')
        return "<" + "<BR/>".join(lines) + ">"


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` characters, balanced: the narrowest width that needs no
    more lines than `width` does, so no line ends up holding one lonely word."""
    # a number stays with the word before it ("stap 1", "t/m 3"): textwrap does not split at U+00A0
    glued = _BEFORE_NUMBER.sub("\u00a0", text)
    lines = textwrap.wrap(glued, width, break_long_words=False, break_on_hyphens=False)
    while width > 1 and len(lines) > 1:
        narrower = textwrap.wrap(glued, width - 1, break_long_words=False, break_on_hyphens=False)
        if len(narrower) != len(lines):
            break
        lines, width = narrower, width - 1
    return [line.replace("\u00a0", " ") for line in lines]


def stijl() -> Stijl:
    # read on every use (a millisecond): `mkdocs serve` then picks up style edits too
    return Stijl.load()


# --- the charts ------------------------------------------------------------------


@dataclass(frozen=True)
class Kaart:
    """One chart: its DOT source plus the accessible title and description (Dutch)."""

    naam: str  # routekaart | afwegingskader
    dot: str
    titel: str
    beschrijving: str


class _Builder:
    """Shared by both charts: plain text from the model, links, nodes and edges."""

    def __init__(self, protocol: Protocol, naam: str, page: str | None, kop: bool, smal: bool = False) -> None:
        self.protocol = protocol
        self.page = page
        self.smal = smal
        # the phone layout sits in the same page as the desktop one: its ids differ
        self.prefix = PREFIX_SMAL if smal else PREFIX
        self.stijl = stijl()
        self.adressen = Adressen(protocol)
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


def _missing(part: str, key: str, message: str) -> ProtocolError:
    return ProtocolError([SourceError(f"protocol/{BRONNEN[part][0]}", 0, key, message)])


def _advies(protocol: Protocol) -> tuple[Contact, Sectie]:
    """The contact for advice at every stap and the inleiding's section about it, as both
    routekaarten (wide and phone) show them; a clear error if the source lost either."""
    contacten = {c.id: c for c in protocol.contacten.contacten}
    advies_secties = {sec.id: sec for sec in protocol.inleiding.secties}
    if ADVIES_CONTACT not in contacten:
        raise _missing("contacten", "contacten", f"de routekaart toont contact '{ADVIES_CONTACT}'; voeg het weer toe")
    if ADVIES_SECTIE not in advies_secties:
        raise _missing("inleiding", "secties", f"de routekaart linkt naar onderdeel '{ADVIES_SECTIE}'; zet het terug")
    return contacten[ADVIES_CONTACT], advies_secties[ADVIES_SECTIE]


def routekaart(protocol: Protocol, page: str | None = PAGE, *, kop: bool = False, smal: bool = False) -> Kaart:
    """The whole meldcode as a route: stap 1 → 6, the ondersteuningsstructuur beside it,
    the contact for advice at every stap, and the way into the afwegingskader.

    `page` is the src path of the page that shows the chart (links are relative to it);
    None leaves links out (print). `kop` adds the title line for downloads and posters.
    """
    if smal:
        return _routekaart_smal(protocol, page)
    b = _Builder(protocol, "routekaart", page, kop)
    s = b.stijl
    structuur = protocol.inleiding.structuur
    stappen = sorted(protocol.stappen.stappen, key=lambda st: st.nummer)
    contact, sectie = _advies(protocol)

    # middle column: the meldcode steps
    meldcode = b.cluster("meldcode", b.text(structuur.kolommen[1]))
    stap_nodes: dict[int, str] = {}
    for stap in stappen:
        woord = s.woord("stap", nummer=stap.nummer)
        stap_nodes[stap.nummer] = b.node(
            meldcode,
            stap.id,
            ("stap",),
            s.label(("nummer", woord), ("kop", b.text(stap.kort))),
            f"{woord}: {b.text(stap.titel)}",
            b.link(stap.id),
            group="meldcode",
        )

    # left column: the school's own ondersteuningsstructuur, row by row
    ondersteuning = b.cluster("ondersteuningsstructuur", b.text(structuur.kolommen[0]))
    rijen = [r for r in sorted(structuur.rijen, key=lambda r: r.stap) if r.ondersteuningsstructuur]
    structuur_nodes: dict[int, str] = {}
    for rij in rijen:
        cel = rij.ondersteuningsstructuur
        assert cel is not None  # filtered above; for the type checker
        titel = b.text(cel.titel)
        tekst = b.blokken(cel.tekst)
        structuur_nodes[rij.stap] = b.node(
            ondersteuning,
            f"structuur-{rij.stap}",
            ("structuur",),
            s.label(("titel", titel.rstrip(":")), ("klein", tekst)),
            f"{titel} {tekst}".strip(),
            b.href(STRUCTUUR_PAGE, STRUCTUUR_ANKER.format(stap=rij.stap)),
            group="structuur",
        )

    # right column: the contact for advice, at every stap
    spoed = next((sp.toelichting for sp in protocol.contacten.spoed if sp.contact == contact.id), None)
    advies = b.cluster("advies", b.text(sectie.titel))
    vt = b.node(
        advies,
        contact.id,
        ("advies",),
        s.label(("kop", b.text(contact.naam)), ("nummer", contact.telefoon), ("gewoon", b.text(spoed))),
        f"{b.text(contact.naam)}, {contact.telefoon}: {b.blokken(sectie.inhoud[:1]) or b.text(sectie.titel)}",
        b.link(sectie.id),
    )

    # declaration order is left-to-right order (and so tab order): the columns as in the structuur table
    for sub in (ondersteuning, meldcode, advies):
        b.graph.subgraph(sub)

    # the way into the afwegingskader, beside the stap that uses it
    # (declared after the columns: dot keeps declaration order where it can)
    kader = protocol.afwegingskader
    start = next(k for k in [*kader.vragen, *kader.beslissingen] if k.id == kader.start)
    ingang = b.node(
        b.graph,
        f"ingang-{start.id}",
        ("ingang", "vraag"),
        s.label(("kenmerk", s.woord("ingang")), ("kop", _knoop_kop(b, start)), ("klein", b.text(start.vraag))),
        b.text(start.vraag),
        b.link(start.id),
    )

    # the route itself
    for a, z in itertools.pairwise(stappen):
        b.edge(stap_nodes[a.nummer], stap_nodes[z.nummer], f"{a.id}-{z.id}", ("route",))
    nummers = sorted(structuur_nodes)
    for a, z in itertools.pairwise(nummers):
        b.edge(structuur_nodes[a], structuur_nodes[z], f"structuur-{a}-structuur-{z}", ("structuur",))
    # each row of the structuur level with its stap: a flat edge puts it on the left
    for nummer, naam in structuur_nodes.items():
        if nummer in stap_nodes:
            b.same_rank(naam, stap_nodes[nummer])
            b.edge(naam, stap_nodes[nummer], f"structuur-{nummer}-stap-{nummer}", ("naast",))
    for stap in stappen:
        b.edge(vt, stap_nodes[stap.nummer], f"advies-{stap.id}", ("advies",))
    # the advice contact right of the first stap, the afwegingskader right of its own stap
    eerste = stap_nodes[stappen[0].nummer]
    b.same_rank(eerste, vt)
    b.edge(eerste, vt, "uitlijning-advies", ("uitlijning",), style="invis")
    b.same_rank(stap_nodes[AFWEGINGSKADER_STAP], ingang)
    b.edge(stap_nodes[AFWEGINGSKADER_STAP], ingang, f"stap-{AFWEGINGSKADER_STAP}-ingang-{start.id}", ("ingang",))

    titel = s.woord("routekaart", titel=protocol.metadata.titel)
    delen = [
        f"{b.text(structuur.kolommen[1])}: "
        + "; ".join(f"{s.woord('stap', nummer=st.nummer)}: {b.text(st.kort)}" for st in stappen),
        f"{b.text(structuur.kolommen[0])}: "
        + "; ".join(
            f"{s.woord('stap', nummer=r.stap)}: {b.text(r.ondersteuningsstructuur.titel).rstrip(':.')}"
            for r in rijen
            if r.ondersteuningsstructuur
        ),
        f"{b.text(sectie.titel)}: {b.text(contact.naam)}, {contact.telefoon}",
        f"{s.woord('stap', nummer=AFWEGINGSKADER_STAP)} → {_knoop_kop(b, start)}",
    ]
    return b.finish("routekaart", titel, ". ".join(delen) + ".")


def _routekaart_smal(protocol: Protocol, page: str | None) -> Kaart:
    """The routekaart for a phone: one column. The advice contact on top (it is there at
    every stap), then stap 1 → 6, each with its row of the ondersteuningsstructuur as a
    small line, and at the stap that uses it the way into the afwegingskader. The same
    words as the wide chart; its text alternative and the pages hold the rest."""
    b = _Builder(protocol, "routekaart", page, False, smal=True)
    s = b.stijl
    structuur = protocol.inleiding.structuur
    stappen = sorted(protocol.stappen.stappen, key=lambda st: st.nummer)
    contact, sectie = _advies(protocol)
    rijen = {r.stap: r.ondersteuningsstructuur for r in structuur.rijen if r.ondersteuningsstructuur}
    kader = protocol.afwegingskader
    start = next(k for k in [*kader.vragen, *kader.beslissingen] if k.id == kader.start)

    vt = b.node(
        b.graph,
        contact.id,
        ("advies",),
        s.label(
            ("kenmerk", b.text(sectie.titel)), ("kop", b.text(contact.naam)), ("nummer", contact.telefoon), smal=True
        ),
        f"{b.text(contact.naam)}, {contact.telefoon}: {b.blokken(sectie.inhoud[:1]) or b.text(sectie.titel)}",
        b.link(sectie.id),
    )
    namen: list[str] = [vt]
    for stap in stappen:
        woord = s.woord("stap", nummer=stap.nummer)
        cel = rijen.get(stap.nummer)
        structuur_regel = f"{b.text(structuur.kolommen[0])}: {b.text(cel.titel).rstrip(':.')}" if cel else None
        ingang = f"{s.woord('ingang')} → {_knoop_kop(b, start)}" if stap.nummer == AFWEGINGSKADER_STAP else None
        namen.append(
            b.node(
                b.graph,
                stap.id,
                ("stap",),
                s.label(
                    ("nummer", woord),
                    ("kop", b.text(stap.kort)),
                    ("klein", structuur_regel),
                    ("kenmerk", ingang),
                    smal=True,
                ),
                f"{woord}: {b.text(stap.titel)}",
                b.link(stap.id),
            )
        )
    b.edge(vt, namen[1], "advies", ("advies",), style="dotted", constraint="true")
    for a, z in itertools.pairwise(stappen):
        b.edge(b.prefix + a.id, b.prefix + z.id, f"{a.id}-{z.id}", ("route",))
    kaart = routekaart(protocol, page)
    return b.finish("routekaart", kaart.titel, kaart.beschrijving)


def _one_per_rank(b: _Builder, spine: list[str], rows: dict[int, list[str]]) -> dict[int, list[str]]:
    """Phone layout: at most one uitkomst beside each row of the spine, so the chart is
    two nodes wide. Where a row would hold more, the rest move down a row; below the
    spine, invisible place holders keep the spine's column free, so those uitkomsten
    stay on the right as well."""
    spread: dict[int, list[str]] = {}
    for i, row in sorted(rows.items()):
        for u in row:
            while i in spread:
                i += 1
            spread[i] = [u]
    for i in range(len(spine), max(spread, default=0) + 1):
        naam = f"plek-{i}"
        b.graph.node(b.prefix + naam, label="", style="invis", width="0.1", height="0.1", group="kader")
        b.edge(
            b.prefix + spine[-1] if i == len(spine) else f"{b.prefix}plek-{i - 1}",
            b.prefix + naam,
            f"uitlijning-{naam}",
            ("uitlijning",),
            style="invis",
        )
        spine.append(naam)
    return spread


def _knoop_kop(b: _Builder, k: Knoop) -> str:
    woord = b.stijl.woord("vraag" if k.id.startswith("vraag-") else "beslissing", nummer=k.nummer)
    titel = b.text(k.titel)
    return woord if titel == b.text(k.vraag) else f"{woord}: {titel}"


def _uitkomst_kop(b: _Builder, u: Uitkomst) -> str:
    titel = b.text(u.titel)
    return f"{titel} ({b.stijl.woord('meldnorm', meldnorm=u.meldnorm)})" if u.meldnorm else titel


def afwegingskader(protocol: Protocol, page: str | None = PAGE, *, kop: bool = False, smal: bool = False) -> Kaart:
    """Vraag 1 … 5, beslissing 1 and 2 and every uitkomst; edges are the answers.

    `smal`: the phone layout: narrower lines, and every uitkomst right of the spine,
    beside the question that leads to it, so the chart is two nodes wide."""
    b = _Builder(protocol, "afwegingskader", page, kop, smal)
    s = b.stijl
    kader = protocol.afwegingskader
    meldnormen = {n.id: n.tekst for n in protocol.bijlage_2.meldnormen}
    uitkomsten = {u.id: u for u in kader.uitkomsten}

    knopen = [*kader.vragen, *kader.beslissingen]
    for k in knopen:
        soort = "vraag" if k.id.startswith("vraag-") else "beslissing"
        # one straight spine through the questions; the uitkomsten branch off it
        b.node(
            b.graph,
            k.id,
            (soort,),
            s.label(("kop", _knoop_kop(b, k)), ("gewoon", b.text(k.vraag)), smal=smal),
            f"{_knoop_kop(b, k)}: {b.text(k.vraag)}",
            b.link(k.id),
            group="kader",
        )

    def uitkomst_node(u: Uitkomst, model_id: str) -> None:
        kinds = ("uitkomst", "melden" if u.melden else "niet-melden")
        norm = s.woord("meldnorm", meldnorm=u.meldnorm) if u.meldnorm else None
        tooltip = b.text(u.titel)
        if u.meldnorm:
            tooltip += f". {norm}: {b.text(meldnormen.get(u.meldnorm))}"
        elif u.voorwaarde:
            tooltip += f" ({b.text(u.voorwaarde)})"
        label = s.label(("uitkomst", b.text(u.titel)), ("kenmerk", norm), smal=smal)
        b.node(b.graph, model_id, kinds, label, tooltip, b.link(u.id))

    # Where each answer's arrow ends: (knoop, uitkomst) → node id. The phone layout draws
    # an uitkomst once per question that leads to it (ids `…--2`, `…--3`), right beside
    # that question, so no arrow runs the length of the chart and widens it.
    doel: dict[tuple[str, str], str] = {}
    # Layout hints only: rows of uitkomsten by index into the spine
    spine = [k.id for k in knopen]
    rows: dict[int, list[str]] = {}
    if smal:
        kopieen: dict[str, int] = {}
        for i, k in enumerate(knopen):
            for a in k.antwoorden:
                if a.volgende in uitkomsten and (k.id, a.volgende) not in doel:
                    kopieen[a.volgende] = kopieen.get(a.volgende, 0) + 1
                    model_id = a.volgende if kopieen[a.volgende] == 1 else f"{a.volgende}--{kopieen[a.volgende]}"
                    doel[k.id, a.volgende] = model_id
                    uitkomst_node(uitkomsten[a.volgende], model_id)
                    rows.setdefault(i + 1, []).append(model_id)
        rows = _one_per_rank(b, spine, rows)
    else:
        for u in kader.uitkomsten:
            uitkomst_node(u, u.id)
        # each uitkomst on the row below the last question that leads to it, niet-melden
        # left of the spine and melden right, so the two kinds part ways
        last = {
            u.id: max(
                (i for i, k in enumerate(knopen) for a in k.antwoorden if a.volgende == u.id), default=len(spine) - 1
            )
            for u in kader.uitkomsten
        }
        for u in kader.uitkomsten:
            rows.setdefault(last[u.id] + 1, []).append(u.id)
    for i, row in sorted(rows.items()):
        middle = [b.prefix + spine[i]] if i < len(spine) else []
        if smal:
            order = [*middle, *(b.prefix + u for u in row)]
        else:
            links = [b.prefix + u for u in row if not uitkomsten[u].melden]
            order = [*links, *middle, *(b.prefix + u for u in row if uitkomsten[u].melden)]
        b.same_rank(*order)
        for left, right in itertools.pairwise(order):
            b.edge(left, right, f"uitlijning-{left}-{right}", ("uitlijning",), style="invis")

    for k in knopen:
        for a in k.antwoorden:
            kinds: tuple[str, ...] = ("antwoord", a.id)
            target = uitkomsten.get(a.volgende)
            if target is not None and target.melden:
                kinds += ("melden",)
            head = doel.get((k.id, a.volgende), a.volgende)
            # answers that end in the same uitkomst meet in one arrowhead
            merge = {"samehead": head} if target is not None else {}
            b.edge(b.prefix + k.id, b.prefix + head, f"{k.id}-{a.id}", kinds, label=b.text(a.label), **merge)

    titel = s.woord("afwegingskader", titel=protocol.metadata.titel)
    namen = {k.id: _knoop_kop(b, k) for k in knopen} | {u.id: _uitkomst_kop(b, u) for u in kader.uitkomsten}
    delen = [
        f"{namen[k.id]}: {b.text(k.vraag)} "
        + "; ".join(f"{b.text(a.label)} → {namen[a.volgende]}" for a in k.antwoorden)
        for k in knopen
    ]
    return b.finish("afwegingskader", titel, ". ".join(delen) + ".")


def routekaart_dot(protocol: Protocol, page: str | None = PAGE, *, kop: bool = False) -> str:
    return routekaart(protocol, page, kop=kop).dot


def afwegingskader_dot(protocol: Protocol, page: str | None = PAGE, *, kop: bool = False) -> str:
    return afwegingskader(protocol, page, kop=kop).dot


# --- rendering -------------------------------------------------------------------


def _dot(dot_source: str, fmt: str, *args: str) -> bytes:
    exe = shutil.which("dot")
    if exe is None:
        raise RuntimeError("Graphviz ontbreekt: installeer het Debian-pakket graphviz (het programma 'dot')")
    result = subprocess.run([exe, f"-T{fmt}", *args], input=dot_source.encode(), capture_output=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"dot -T{fmt} mislukte: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout


def _meta(dot_source: str) -> dict[str, str]:
    match = _META.search(dot_source)
    if match is None:
        raise ValueError("DOT source has no '// kaart: {…}' line; build it with routekaart() or afwegingskader()")
    return dict(json.loads(match.group(1)))


def _tag(el: ET.Element) -> str:
    return el.tag.rpartition("}")[2]


def _svg_tree(dot_source: str) -> tuple[ET.Element, dict[str, str]]:
    """Graphviz SVG as a tree, cleaned for both uses: ids, titles, links, fonts."""
    meta = _meta(dot_source)
    prefix = meta.get("prefix", PREFIX)
    # the default parser drops the DOCTYPE and comments
    root = ET.fromstring(_dot(dot_source, "svg"))
    font = stijl().data["lettertype"]["svg"]
    for el in list(root.iter()):
        # one newline between elements: no blank lines, which would end a Markdown HTML block
        if el.text is not None and not el.text.strip():
            el.text = "\n"
        if el.tail is not None and not el.tail.strip():
            el.tail = "\n"
        # Graphviz' wrapper ids ("a_kaart-…") add nothing and could clash between charts
        if el.get("id", "").startswith("a_"):
            del el.attrib["id"]
        if el.get("font-family"):
            el.set("font-family", font)
        if _tag(el) == "a" and el.get(_XLINK_HREF):
            el.set("href", el.get(_XLINK_HREF, ""))  # SVG 2 browsers read plain href
        if _tag(el) != "g":
            continue
        classes = el.get("class", "").split()
        title = next((c for c in el if _tag(c) == "title"), None)
        if "node" in classes and title is not None:
            # the <title> of a node is its tooltip and accessible name: the full text
            a = next((x for x in el.iter() if _tag(x) == "a"), None)
            tip = a.get(_XLINK_TITLE) if a is not None else None
            title.text = tip or " ".join(t.text or "" for t in el.iter() if _tag(t) == "text")
        elif "edge" in classes and title is not None:
            # "kaart-vraag-2->kaart-vraag-3" names both ends: keep them as data for scripts
            tail, _, head = (title.text or "").partition("->")
            el.set("data-van", tail.removeprefix(prefix))
            el.set("data-naar", head.removeprefix(prefix))
            el.set("aria-hidden", "true")  # an answer word alone means nothing; the nodes say it
            el.remove(title)
        elif title is not None:
            el.remove(title)  # graph and cluster names ("cluster_meldcode") are not for people
    return root, meta


def _accessible(root: ET.Element, meta: dict[str, str]) -> None:
    naam = f"{meta.get('prefix', PREFIX)}{meta['naam']}"
    title = ET.Element(f"{{{SVG_NS}}}title", id=f"{naam}-titel")
    title.text = meta["titel"]
    desc = ET.Element(f"{{{SVG_NS}}}desc", id=f"{naam}-beschrijving")
    desc.text = meta["beschrijving"]
    root.insert(0, desc)
    root.insert(0, title)


def render_svg(dot_source: str) -> str:
    """SVG to inline in an HTML page: scales down to its container, theme colours from CSS.

    The page always has `flowcharts/routekaart.css`, which colours every part per theme
    through the classes, so the colour attributes are left out here: they would only add
    weight (a quarter of the chart). The downloadable SVG keeps them (render_svg_file).
    """
    root, meta = _svg_tree(dot_source)
    for element in root.iter():
        for attr in ("fill", "stroke", "font-family"):  # colours and font: routekaart.css
            if element.get(attr) != "none":  # "none" (an edge's open path) is shape, not colour
                element.attrib.pop(attr, None)
        if element.text is not None and not element.text.strip():
            element.text = None
        if element.tail is not None and not element.tail.strip():
            element.tail = None
    naam = meta["naam"]
    # natural size in CSS pixels (no "pt"): the style sheet's max-width: 100% and
    # height: auto shrink it to narrow columns and never blow it up past 1:1
    _, _, w, h = root.get("viewBox", "0 0 0 0").split()
    root.set("width", f"{float(w):g}")
    root.set("height", f"{float(h):g}")
    prefix = meta.get("prefix", PREFIX)
    # kaart--breed / kaart--smal: the style sheet shows the one that fits the screen
    root.set("class", f"kaart kaart-{naam} kaart--{'smal' if prefix == PREFIX_SMAL else 'breed'}")
    root.set("role", SVG_ROLE)
    root.set("aria-labelledby", f"{prefix}{naam}-titel")
    root.set("aria-describedby", f"{prefix}{naam}-beschrijving")
    _accessible(root, meta)
    return ET.tostring(root, encoding="unicode") + "\n"


def render_svg_file(dot_source: str) -> str:
    """A standalone SVG to download: XML prolog, natural size, colours in the file."""
    root, meta = _svg_tree(dot_source)
    _accessible(root, meta)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n{body}\n'


def _bbox(dot_source: str, *args: str) -> tuple[float, float]:
    """Width and height (points) of the laid-out drawing."""
    root = ET.fromstring(_dot(dot_source, "svg", *args))
    _, _, w, h = (float(v) for v in root.get("viewBox", "0 0 1 1").split())
    return w, h


def _fill_ratio(dot_source: str, target: float) -> float:
    """The `ratio` that gives the drawing the aspect `target` (height / width).

    Graphviz stretches node positions, not node sizes, so the result misses the
    requested ratio; a few proportional corrections land within 0.2 %.
    """
    ratio = target
    for _ in range(8):
        w, h = _bbox(dot_source, f"-Gratio={ratio:.5f}", "-Gpad=0")
        actual = h / w
        if abs(actual / target - 1) < 0.002:
            break
        ratio *= target / actual
    return ratio


def render_pdf(dot_source: str, path: Path, size: str) -> Path:
    """A one-page PDF on paper `size` (a name in stijl.toml [papier]) that the chart fills.

    `ratio` spreads the layout to the paper's proportions (text keeps its shape),
    `size` with "!" then scales it to the paper inside the margin, so the MediaBox is
    the paper (Graphviz rounds it to whole points).
    """
    papier = stijl().papier(size)
    w, h, m = (x / _MM_PER_INCH for x in (papier.breedte_mm, papier.hoogte_mm, papier.marge_mm))
    inner_w, inner_h = w - 2 * m, h - 2 * m
    ratio = _fill_ratio(dot_source, inner_h / inner_w)
    pdf = _dot(
        dot_source,
        "pdf",
        f"-Gratio={ratio:.5f}",
        f"-Gsize={inner_w:.4f},{inner_h:.4f}!",
        f"-Gmargin={m:.4f}",
        "-Gpad=0",
    )
    path.write_bytes(pdf)
    return path


def write_charts(protocol: Protocol, out_dir: Path, page: str = PAGE) -> list[Path]:
    """Write the downloadable charts: SVG (links relative to `page`) and PDFs (no links).

    Put them in the built folder of `page` (e.g. site/routekaart/) so that the SVG's
    relative links work when it is opened from the site.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for maak in (routekaart, afwegingskader):
        kaart = maak(protocol, page, kop=True)
        svg = out_dir / f"{kaart.naam}.svg"
        svg.write_text(render_svg_file(kaart.dot), encoding="utf-8")
        written.append(svg)
        print_source = maak(protocol, None, kop=True).dot
        for papier in PDFS[kaart.naam]:
            written.append(render_pdf(print_source, out_dir / f"{kaart.naam}-{papier}.pdf", papier))
    return written


def inline_chart(protocol: Protocol, naam: str, page: str = PAGE) -> str:
    """One chart ("routekaart" or "afwegingskader") as inline SVG for `page`."""
    maak = {"routekaart": routekaart, "afwegingskader": afwegingskader}[naam]
    return render_svg(maak(protocol, page).dot)


def inline_chart_pair(protocol: Protocol, naam: str, page: str = PAGE) -> str:
    """The desktop chart and its phone layout, one after the other; the style sheet
    (flowcharts/routekaart.css) shows the one that fits the screen."""
    maak = {"routekaart": routekaart, "afwegingskader": afwegingskader}[naam]
    return inline_chart(protocol, naam, page) + render_svg(maak(protocol, page, smal=True).dot)


def inline_charts(protocol: Protocol, page: str = PAGE) -> dict[str, str]:
    """Both charts as inline SVG for `page`: {"routekaart": "<svg …>", "afwegingskader": …}."""
    return {naam: inline_chart(protocol, naam, page) for naam in ("routekaart", "afwegingskader")}
