"""The routekaart: the whole meldcode as a route, stap 1 → 6, with the ondersteuningsstructuur
beside it, the contact for advice at every stap and the way into the afwegingskader.

A pure function, model in, DOT source out; `uitvoer` lays it out with Graphviz.
"""

from __future__ import annotations

import itertools

import graphviz
from meldcode_engine import woorden

from generator.errors import ProtocolError, SourceError
from generator.kaarten.builder import PAGE, Builder, Kaart, knoop_kop
from generator.source.model import BRONNEN, Contact, Knoop, Protocol, Sectie, Stap, StructuurRij
from generator.source.required import ADVIES_SECTIE, VEILIG_THUIS

# Model parts the routekaart shows beside the steps, by their stable id: the contact
# that can be consulted at every step, and the section of the inleiding that says so.
# (declared in generator/source/required.py, so the checks make sure both exist)
ADVIES_CONTACT = VEILIG_THUIS
# Rows of the structuur page carry this anchor (generator/pages/templates/structuur.md.j2);
# tests check that the rendered page still has it.
STRUCTUUR_PAGE = "meldcode/structuur.md"
STRUCTUUR_ANKER = "structuur-stap-{stap}"
# The stap that walks the afwegingsvragen; stap.md.j2 lists them on that stap's page too.
AFWEGINGSKADER_STAP = 4


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
    b = Builder(protocol, "routekaart", page, kop)
    s = b.stijl
    structuur = protocol.inleiding.structuur
    stappen = sorted(protocol.stappen.stappen, key=lambda st: st.nummer)
    contact, sectie = _advies(protocol)

    meldcode, stap_nodes = _stap_column(b, stappen)
    ondersteuning, rijen, structuur_nodes = _structuur_column(b, protocol)
    advies, vt = _advies_column(b, protocol, contact, sectie)

    # declaration order is left-to-right order (and so tab order): the columns as in the structuur table
    for sub in (ondersteuning, meldcode, advies):
        b.graph.subgraph(sub)

    # the way into the afwegingskader, beside the stap that uses it
    # (declared after the columns: dot keeps declaration order where it can)
    start, ingang = _ingang(b, protocol)
    _route_edges(b, stappen, stap_nodes, structuur_nodes, vt, ingang, start.id)

    titel = woorden.kop(s.woord("routekaart"), protocol.metadata.titel)
    delen = [
        f"{b.text(structuur.kolommen[1])}: "
        + "; ".join(woorden.kop(woorden.stap_naam(st.nummer), b.text(st.kort)) for st in stappen),
        f"{b.text(structuur.kolommen[0])}: "
        + "; ".join(
            woorden.kop(woorden.stap_naam(r.stap), b.text(r.ondersteuningsstructuur.titel).rstrip(":."))
            for r in rijen
            if r.ondersteuningsstructuur
        ),
        f"{b.text(sectie.titel)}: {b.text(contact.naam)}, {contact.telefoon}",
        f"{woorden.stap_naam(AFWEGINGSKADER_STAP)} → {knoop_kop(b, start)}",
    ]
    return b.finish("routekaart", titel, ". ".join(delen) + ".")


def _stap_column(b: Builder, stappen: list[Stap]) -> tuple[graphviz.Digraph, dict[int, str]]:
    """The middle column: the meldcode steps."""
    s = b.stijl
    meldcode = b.cluster("meldcode", b.text(b.protocol.inleiding.structuur.kolommen[1]))
    stap_nodes: dict[int, str] = {}
    for stap in stappen:
        woord = woorden.stap_naam(stap.nummer)
        stap_nodes[stap.nummer] = b.node(
            meldcode,
            stap.id,
            ("stap",),
            s.label(("nummer", woord), ("kop", b.text(stap.kort))),
            woorden.kop(woord, b.text(stap.titel)),
            b.link(stap.id),
            group="meldcode",
        )
    return meldcode, stap_nodes


def _structuur_column(b: Builder, protocol: Protocol) -> tuple[graphviz.Digraph, list[StructuurRij], dict[int, str]]:
    """The left column: the school's own ondersteuningsstructuur, row by row."""
    s = b.stijl
    structuur = protocol.inleiding.structuur
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
    return ondersteuning, rijen, structuur_nodes


def _advies_column(b: Builder, protocol: Protocol, contact: Contact, sectie: Sectie) -> tuple[graphviz.Digraph, str]:
    """The right column: the contact for advice, at every stap."""
    s = b.stijl
    spoed = next((sp.toelichting for sp in protocol.contacten.spoed if sp.contact == contact.id), None)
    advies = b.cluster("advies", b.text(sectie.titel))
    vt = b.node(
        advies,
        contact.id,
        ("advies",),
        s.label(("kop", b.text(contact.naam)), ("nummer", contact.telefoon), ("gewoon", b.text(spoed))),
        _advies_tooltip(b, contact, sectie),
        b.link(sectie.id),
    )
    return advies, vt


def _ingang(b: Builder, protocol: Protocol) -> tuple[Knoop, str]:
    """The node that leads into the afwegingskader at its start."""
    s = b.stijl
    kader = protocol.afwegingskader
    start = next(k for k in [*kader.vragen, *kader.beslissingen] if k.id == kader.start)
    ingang = b.node(
        b.graph,
        f"ingang-{start.id}",
        ("ingang", "vraag"),
        s.label(("kenmerk", s.woord("ingang")), ("kop", knoop_kop(b, start)), ("klein", b.text(start.vraag))),
        b.text(start.vraag),
        b.link(start.id),
    )
    return start, ingang


def _route_edges(
    b: Builder,
    stappen: list[Stap],
    stap_nodes: dict[int, str],
    structuur_nodes: dict[int, str],
    vt: str,
    ingang: str,
    start: str,
) -> None:
    """The route itself, the structuur beside it, the advice to every stap and the way in."""
    for a, z in itertools.pairwise(stappen):
        b.edge(stap_nodes[a.nummer], stap_nodes[z.nummer], f"{a.id}-{z.id}", ("route",))
    nummers = sorted(structuur_nodes)
    for boven, onder in itertools.pairwise(nummers):
        b.edge(structuur_nodes[boven], structuur_nodes[onder], f"structuur-{boven}-structuur-{onder}", ("structuur",))
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
    b.edge(stap_nodes[AFWEGINGSKADER_STAP], ingang, f"stap-{AFWEGINGSKADER_STAP}-ingang-{start}", ("ingang",))


def _routekaart_smal(protocol: Protocol, page: str | None) -> Kaart:
    """The routekaart for a phone: one column. The advice contact on top (it is there at
    every stap), then stap 1 → 6, each with its row of the ondersteuningsstructuur as a
    small line, and at the stap that uses it the way into the afwegingskader. The same
    words as the wide chart; its text alternative and the pages hold the rest."""
    b = Builder(protocol, "routekaart", page, False, smal=True)
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
        _advies_tooltip(b, contact, sectie),
        b.link(sectie.id),
    )
    namen: list[str] = [vt]
    for stap in stappen:
        woord = woorden.stap_naam(stap.nummer)
        cel = rijen.get(stap.nummer)
        structuur_regel = woorden.kop(b.text(structuur.kolommen[0]), b.text(cel.titel).rstrip(":.")) if cel else None
        ingang = f"{s.woord('ingang')} → {knoop_kop(b, start)}" if stap.nummer == AFWEGINGSKADER_STAP else None
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
                woorden.kop(woord, b.text(stap.titel)),
                b.link(stap.id),
            )
        )
    b.edge(vt, namen[1], "advies", ("advies",), style="dotted", constraint="true")
    for a, z in itertools.pairwise(stappen):
        b.edge(b.prefix + a.id, b.prefix + z.id, f"{a.id}-{z.id}", ("route",))
    kaart = routekaart(protocol, page)
    return b.finish("routekaart", kaart.titel, kaart.beschrijving)


def _advies_tooltip(b: Builder, contact: Contact, sectie: Sectie) -> str:
    """'Veilig Thuis, 0800-2000: …': who gives advice, and the first words of its section."""
    wie = f"{b.text(contact.naam)}, {contact.telefoon}"
    return woorden.kop(wie, b.blokken(sectie.inhoud[:1]) or b.text(sectie.titel))


def routekaart_dot(protocol: Protocol, page: str | None = PAGE, *, kop: bool = False) -> str:
    return routekaart(protocol, page, kop=kop).dot
