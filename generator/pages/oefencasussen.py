"""The oefencasussen as data for the Oefenen page and the trainer page, made at build time.

Each case's route, uitkomst and actions come from the engine (`Sessie`), so the page
needs no Pyodide: it only compares the trainee's answers with this data. Texts keep
their references as separate link parts, so the page script builds links as elements
and never parses HTML.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from meldcode_engine.weergave import samenvatting

from generator.afwegingskader.graph import Graph
from generator.afwegingskader.walk import kader_data, walk
from generator.links.adressen import Adressen
from generator.links.verwijzingen import REFERENCE, ReferenceLinks, References, starts_sentence
from generator.source.model import Advies, Blok, Protocol

PAGE = "oefenen.md"
JSON_PATH = "assets/oefencasussen.json"

Deel = str | dict[str, str]  # plain text, or {"tekst": …, "href": …} for a link


def _met_adressen(blokken: Any, url: Callable[[str], str]) -> Any:
    """The engine's blocks with each link to a knoop or uitkomst (`doel`) as an address."""
    if isinstance(blokken, list):
        return [_met_adressen(b, url) for b in blokken]
    if isinstance(blokken, dict):
        if "doel" in blokken:
            return {"tekst": blokken["tekst"], "href": url(blokken["doel"])}
        return {k: _met_adressen(v, url) for k, v in blokken.items()}
    return blokken


# "(108555, 108780)": the uitspraken an advies cites, kept on the LKC page; in a case's
# feedback they only break the sentence, so the case shows the advies without them
_UITSPRAKEN = re.compile(r"\s*\(\d{6}(?:,\s*\d{6})*\)")


def zonder_uitspraken(tekst: str) -> str:
    """An advies's text without its uitspraak numbers (they stay on the LKC page)."""
    return _UITSPRAKEN.sub("", tekst)


def lkc_adviezen(protocol: Protocol, uitspraken: list[int]) -> list[Advies]:
    """The LKC advies each uitspraak number cites: the most specific one that names it
    (fewest uitspraken; the first on a tie), in the order of the numbers, each once."""
    found: list[Advies] = []
    for nummer in uitspraken:
        kandidaten = [a for a in protocol.adviezen_lkc.adviezen if nummer in a.uitspraken]
        if kandidaten:
            advies = min(kandidaten, key=lambda a: len(a.uitspraken))
            if advies not in found:
                found.append(advies)
    return found


class _Delen:
    """Text with {soort:id} references → parts, links relative to one page."""

    def __init__(self, links: ReferenceLinks, page: str) -> None:
        self.links = links
        self.page = page

    def __call__(self, text: str) -> list[Deel]:
        delen: list[Deel] = []
        pos = 0
        for match in REFERENCE.finditer(text):
            if match.start() > pos:
                delen.append(text[pos : match.start()])
            label, href = self.links.reference(self.page, match, starts_sentence(text, match.start()))
            delen.append(label if href is None else {"tekst": label, "href": self.links.adressen.url(self.page, href)})
            pos = match.end()
        if pos < len(text):
            delen.append(text[pos:])
        return _collapse(delen)

    def blokken(self, blokken: list[Blok]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for blok in blokken:
            if blok.alinea is not None:
                out.append({"alinea": self(blok.alinea)})
            elif blok.tussenkop is not None:
                out.append({"alinea": self(blok.tussenkop)})
            elif blok.lijst is not None or blok.genummerd is not None:
                out.append({"lijst": [self(item) for item in (blok.lijst or blok.genummerd or [])]})
        return out


def _collapse(delen: list[Deel]) -> list[Deel]:
    """Whitespace as the pages show it: runs of spaces and line breaks become one space."""
    out: list[Deel] = []
    for i, deel in enumerate(delen):
        if isinstance(deel, str):
            tekst = " ".join(deel.split())
            if deel[:1].isspace() and i > 0:
                tekst = " " + tekst
            if deel[-1:].isspace() and i < len(delen) - 1:
                tekst += " "
            if tekst.strip() or (tekst and 0 < i < len(delen) - 1):
                out.append(tekst)
        else:
            out.append(deel)
    return out


def _lkc_data(protocol: Protocol, references: References, uitspraken: list[int], href: str) -> list[dict[str, str]]:
    return [
        {"tekst": zonder_uitspraken(references.plain(a.tekst)), "href": href}
        for a in lkc_adviezen(protocol, uitspraken)
    ]


def oefencasussen_data(protocol: Protocol, page: str = PAGE) -> dict[str, Any]:
    """Every case with its expected route, reasons, uitkomst and actions; links relative to `page`."""
    adressen = Adressen(protocol)
    references = References.of(protocol)
    delen = _Delen(ReferenceLinks(references, adressen), page)
    kader = kader_data(protocol)
    knopen = {k["id"]: k for k in [*kader["vragen"], *kader["beslissingen"]]}
    adviezen_href = adressen.url(page, adressen.page_link(page, "adviezen-lkc.md"))
    casussen = []
    for casus in protocol.oefencasussen.casussen:
        result = walk(kader, casus)
        # `verslag` needs a start date for its termijnen; the summary shows the termijn
        # text only (a case has no real start), so any fixed date will do
        verslag = result.sessie.verslag(protocol.metadata.vastgesteld)
        uitkomst = verslag["uitkomst"]
        casussen.append(
            {
                "id": casus.id,
                "titel": references.plain(casus.titel),
                "situatie": delen.blokken(casus.situatie),
                "gesprek_ouders": delen.blokken(casus.gesprek_ouders),
                "route": [
                    {
                        "knoop": stap.knoop,
                        "antwoord": stap.antwoord,
                        "reden": delen(stap.reden),
                        "lkc": _lkc_data(protocol, references, stap.lkc, adviezen_href),
                    }
                    for stap in casus.route
                ],
                # which node lights up on the chart and how the summary is marked; its words are
                # in the samenvatting
                "uitkomst": {"id": uitkomst["id"], "melden": uitkomst["melden"]},
                "samenvatting": _met_adressen(
                    samenvatting(verslag), lambda doel: adressen.url(page, adressen.link(page, doel))
                ),
            }
        )
    return {
        "knopen": {
            k["id"]: {
                "soort": k["soort"],
                "nummer": k["nummer"],
                "titel": k["titel"],
                "kop_kort": k["kop_kort"],
                "vraag": k["vraag"],
                # in the order of protocol/afwegingskader.yaml, as the trainee sees them
                "antwoorden": [
                    {"id": a["id"], "label": a["label"], "betekenis": a["betekenis"]} for a in k["antwoorden"]
                ],
            }
            for k in knopen.values()
        },
        "casussen": casussen,
    }


def antwoordsleutel(protocol: Protocol) -> list[dict[str, Any]]:
    """Every case with its answer key, for the trainer page: the model's texts (the page
    renders their references as links) beside what the engine says about the route."""
    kader = kader_data(protocol)
    graph = Graph.of(protocol)
    uitkomsten = {u.id: u for u in protocol.afwegingskader.uitkomsten}
    sleutel = []
    for casus in protocol.oefencasussen.casussen:
        verslag = walk(kader, casus).sessie.verslag(protocol.metadata.vastgesteld)  # dates unused, as above
        stappen = []
        for stap in casus.route:
            knoop = graph.knopen[stap.knoop]
            antwoord = next(a for a in knoop.antwoorden if a.id == stap.antwoord)
            stappen.append(
                {
                    "knoop": knoop,
                    "kop": graph.naam(knoop.id, kort=True),
                    "antwoord": antwoord,
                    "stap": stap,
                    "lkc": [zonder_uitspraken(a.tekst) for a in lkc_adviezen(protocol, stap.lkc)],
                }
            )
        sleutel.append(
            {
                "casus": casus,
                "stappen": stappen,
                "uitkomst": uitkomsten[casus.uitkomst],
                # the uitkomst, besluit and meldnorm; what the school then does is on the
                # uitkomst the title links to (eleven copies of it made the page too heavy)
                "samenvatting": _tot_wat_nu(samenvatting(verslag)),
            }
        )
    return sleutel


def _tot_wat_nu(blokken: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The summary's blocks before its first heading ("Wat nu …")."""
    koppen = [i for i, b in enumerate(blokken) if b["soort"] == "kop"]
    return blokken[: koppen[0]] if koppen else blokken


def oefencasussen_json(protocol: Protocol) -> str:
    """The data for the Oefenen page as compact UTF-8 JSON (stable order)."""
    return json.dumps(oefencasussen_data(protocol), ensure_ascii=False, separators=(",", ":")) + "\n"


__all__ = [
    "JSON_PATH",
    "antwoordsleutel",
    "lkc_adviezen",
    "oefencasussen_data",
    "oefencasussen_json",
    "zonder_uitspraken",
]
