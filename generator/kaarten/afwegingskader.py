"""The afwegingskader as a chart: vraag 1 … 5, beslissing 1 and 2 and every uitkomst; the
edges are the answers.

A pure function, model in, DOT source out; `uitvoer` lays it out with Graphviz.
"""

from __future__ import annotations

import itertools

from meldcode_engine import woorden

from generator.kaarten.builder import PAGE, Builder, Kaart, knoop_kop
from generator.source.model import Knoop, Protocol, Uitkomst


def _one_per_rank(b: Builder, spine: list[str], rows: dict[int, list[str]]) -> dict[int, list[str]]:
    """Phone layout: at most one uitkomst beside each row of the spine, so the chart is
    two nodes wide. Where a row would hold more (a knoop with two uitkomsten), the rest
    move down a row; below the
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


def _uitkomst_kop(b: Builder, u: Uitkomst) -> str:
    titel = b.text(u.titel)
    return f"{titel} ({b.stijl.woord('meldnorm', meldnorm=u.meldnorm)})" if u.meldnorm else titel


def afwegingskader(protocol: Protocol, page: str | None = PAGE, *, kop: bool = False, smal: bool = False) -> Kaart:
    """Vraag 1 … 5, beslissing 1 and 2 and every uitkomst; edges are the answers.

    `smal`: the phone layout: narrower lines, and every uitkomst right of the spine,
    beside the question that leads to it, so the chart is two nodes wide."""
    b = Builder(protocol, "afwegingskader", page, kop, smal)
    s = b.stijl
    kader = protocol.afwegingskader
    uitkomsten = {u.id: u for u in kader.uitkomsten}

    knopen = [*kader.vragen, *kader.beslissingen]
    for k in knopen:
        soort = "vraag" if k.id.startswith("vraag-") else "beslissing"
        # one straight spine through the questions; the uitkomsten branch off it
        b.node(
            b.graph,
            k.id,
            (soort,),
            s.label(("kop", knoop_kop(b, k)), ("gewoon", b.text(k.vraag)), smal=smal),
            f"{knoop_kop(b, k)}: {b.text(k.vraag)}",
            b.link(k.id),
            group="kader",
        )

    # Layout hints only: rows of uitkomsten by index into the spine
    spine = [k.id for k in knopen]
    if smal:
        doel, rows = _uitkomsten_smal(b, knopen, uitkomsten)
        rows = _one_per_rank(b, spine, rows)
    else:
        doel, rows = {}, _uitkomsten_breed(b, knopen)
    _align_rows(b, spine, rows, uitkomsten)
    _answer_edges(b, knopen, uitkomsten, doel)

    titel = woorden.kop(s.woord("afwegingskader"), protocol.metadata.titel)
    namen = {k.id: knoop_kop(b, k) for k in knopen} | {u.id: _uitkomst_kop(b, u) for u in kader.uitkomsten}
    delen = [
        f"{namen[k.id]}: {b.text(k.vraag)} "
        + "; ".join(f"{b.text(a.label)} → {namen[a.volgende]}" for a in k.antwoorden)
        for k in knopen
    ]
    return b.finish("afwegingskader", titel, ". ".join(delen) + ".")


def _uitkomst_node(b: Builder, u: Uitkomst, model_id: str) -> None:
    s = b.stijl
    meldnormen = {n.id: n.tekst for n in b.protocol.bijlage_2.meldnormen}
    kinds = ("uitkomst", "melden" if u.melden else "niet-melden")
    norm = s.woord("meldnorm", meldnorm=u.meldnorm) if u.meldnorm else None
    tooltip = b.text(u.titel)
    if u.meldnorm:
        tooltip += f". {norm}: {b.text(meldnormen.get(u.meldnorm))}"
    elif u.voorwaarde:
        tooltip += f" ({b.text(u.voorwaarde)})"
    label = s.label(("uitkomst", b.text(u.titel)), ("kenmerk", norm), smal=b.smal)
    b.node(b.graph, model_id, kinds, label, tooltip, b.link(u.id))


def _uitkomsten_smal(
    b: Builder, knopen: list[Knoop], uitkomsten: dict[str, Uitkomst]
) -> tuple[dict[tuple[str, str], str], dict[int, list[str]]]:
    """The phone layout draws an uitkomst once per question that leads to it (ids `…--2`,
    `…--3`), on that question's own row right beside it, so no arrow runs the length of
    the chart and widens it, and no uitkomst reads as the next question's. Returns where
    each answer's arrow ends, (knoop, uitkomst) → node id, and the rows of uitkomsten by
    index into the spine (the row of the knoop it comes from)."""
    doel: dict[tuple[str, str], str] = {}
    rows: dict[int, list[str]] = {}
    kopieen: dict[str, int] = {}
    for i, k in enumerate(knopen):
        for a in k.antwoorden:
            if a.volgende in uitkomsten and (k.id, a.volgende) not in doel:
                kopieen[a.volgende] = kopieen.get(a.volgende, 0) + 1
                model_id = a.volgende if kopieen[a.volgende] == 1 else f"{a.volgende}--{kopieen[a.volgende]}"
                doel[k.id, a.volgende] = model_id
                _uitkomst_node(b, uitkomsten[a.volgende], model_id)
                rows.setdefault(i, []).append(model_id)
    return doel, rows


def _uitkomsten_breed(b: Builder, knopen: list[Knoop]) -> dict[int, list[str]]:
    """Every uitkomst once, on the row below the last question that leads to it."""
    kader = b.protocol.afwegingskader
    rows: dict[int, list[str]] = {}
    for u in kader.uitkomsten:
        _uitkomst_node(b, u, u.id)
    # each uitkomst on the row below the last question that leads to it, niet-melden
    # left of the spine and melden right, so the two kinds part ways
    last = {
        u.id: max(
            (i for i, k in enumerate(knopen) for a in k.antwoorden if a.volgende == u.id), default=len(knopen) - 1
        )
        for u in kader.uitkomsten
    }
    for u in kader.uitkomsten:
        rows.setdefault(last[u.id] + 1, []).append(u.id)
    return rows


def _align_rows(b: Builder, spine: list[str], rows: dict[int, list[str]], uitkomsten: dict[str, Uitkomst]) -> None:
    for i, row in sorted(rows.items()):
        middle = [b.prefix + spine[i]] if i < len(spine) else []
        if b.smal:
            order = [*middle, *(b.prefix + u for u in row)]
        else:
            links = [b.prefix + u for u in row if not uitkomsten[u].melden]
            order = [*links, *middle, *(b.prefix + u for u in row if uitkomsten[u].melden)]
        b.same_rank(*order)
        for left, right in itertools.pairwise(order):
            b.edge(left, right, f"uitlijning-{left}-{right}", ("uitlijning",), style="invis")


def _answer_edges(
    b: Builder, knopen: list[Knoop], uitkomsten: dict[str, Uitkomst], doel: dict[tuple[str, str], str]
) -> None:
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


def afwegingskader_dot(protocol: Protocol, page: str | None = PAGE, *, kop: bool = False) -> str:
    return afwegingskader(protocol, page, kop=kop).dot
