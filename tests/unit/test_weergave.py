"""The blocks of an uitkomst (meldcode_engine.weergave): what to do first, background behind
disclosures, no letter codes, a missing termijn said once, the protocol's exception to
the gesprek with the ouders right after the sentence it belongs to.

Every route is walked; the rules hold for each, so a new uitkomst in protocol/ is held to
them too. What the page does with the blocks is tests/browser/test_uitkomst_browser.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import PROTOCOL
from goldens import STARTDATUM, route_name
from meldcode_engine import Sessie
from meldcode_engine.verslag import blokken_tekst
from meldcode_engine.weergave import platte_tekst, samenvatting
from meldcode_engine.woorden import AFGELEID, KNOPPEN

from generator.afwegingskader.export import afwegingskader_data
from generator.afwegingskader.graph import Graph
from generator.checks.run import load_and_check
from generator.errors import ProtocolError

PROTOCOL_MODEL = load_and_check(PROTOCOL)[0].protocol
KADER = afwegingskader_data(PROTOCOL_MODEL)
ROUTES = Graph.of(PROTOCOL_MODEL).routes()
GEEN_TERMIJN = next(t["wanneer"] for t in KADER["termijnen"] if t["soort"] == "geen")
CODES = re.compile(r"\b[A-F][0-9]\b|\bIndien\s+[A-F][0-9]?\b|\(in het protocol:|\bn\.v\.t\.|niet bereikt")


def verslag(route: list[tuple[str, str]]) -> dict[str, Any]:
    sessie = Sessie(KADER)
    for knoop, antwoord in route:
        sessie.answer(knoop, antwoord)
    return sessie.verslag(STARTDATUM)


def alle(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every block, those inside a disclosure ("meer") too."""
    for b in items:
        yield b
        if b["soort"] == "meer":
            yield from alle(b["blokken"])


def woorden(b: dict[str, Any]) -> str:
    """The words of one block (not of the blocks inside it)."""
    if b["soort"] in ("kop",):
        return b["tekst"]
    if b["soort"] == "meer":
        return b["kop"]
    if b["soort"] == "alinea":
        return platte_tekst(b["delen"])
    if b["soort"] == "lijst":
        return " ".join(
            platte_tekst(i["delen"]) + " " + " ".join(f"{r['label']}: {platte_tekst(r['delen'])}" for r in i["regels"])
            for i in b["items"]
        )
    return ""


@pytest.mark.parametrize("route", ROUTES, ids=[route_name(r) for r in ROUTES])
def test_besluit_what_to_do_and_the_buttons_first_then_background(route: list[tuple[str, str]]) -> None:
    items = verslag(route)["weergave"]
    soorten = [b["soort"] for b in items]
    assert soorten.count("knoppen") == 1, "the buttons once"
    knoppen = soorten.index("knoppen")
    rollen = [b.get("rol") for b in items[:knoppen]]
    assert "besluit" in rollen
    assert any(b["soort"] == "lijst" and b["rol"] == "acties" for b in items[:knoppen])
    assert [k["actie"] for k in items[knoppen]["knoppen"]] == [a for a, _ in KNOPPEN]
    # after the buttons: the spoed numbers, then only disclosures (and the page's date fields)
    rest = [b for b in items[knoppen + 1 :] if not (b["soort"] == "lijst" and b["rol"] == "spoed")]
    rest = [b for b in rest if not (b["soort"] == "kop" and b["tekst"] == "Bij spoed")]
    assert {b["soort"] for b in rest} <= {"meer", "datums"}
    assert sum(b["soort"] == "meer" for b in rest) >= 1


@pytest.mark.parametrize("route", ROUTES, ids=[route_name(r) for r in ROUTES])
def test_no_letter_codes_and_every_action_says_when(route: list[tuple[str, str]]) -> None:
    data = verslag(route)
    text = " ".join(woorden(b) for b in alle(data["weergave"]))
    assert not CODES.search(text), CODES.search(text).group(0)
    zonder = sum(a["wanneer"]["soort"] == "geen" for a in data["acties"] + data["verwachten"])
    assert text.count(GEEN_TERMIJN) == zonder  # beside each action the protocol gives no termijn
    for b in alle(data["weergave"]):
        for item in b.get("items", []) if b["soort"] == "lijst" and b["rol"] in ("acties", "verwachten") else []:
            wanneer = [r for r in item["regels"] if r["label"] == "Wanneer"]
            assert len(wanneer) == 1, item["delen"]  # every action says when, "geen termijn" too
    # on paper too
    tekst = blokken_tekst(data["weergave"])
    assert not CODES.search(tekst) and tekst.count(GEEN_TERMIJN) == zonder
    # and in onderdeel F, the text the user keeps in the overlegformulier
    assert not CODES.search(data["overleg"]), CODES.search(data["overleg"]).group(0)


def test_a_beslissing_not_reached_is_left_out_a_derived_one_says_so() -> None:
    data = verslag([("vraag-1", "ja"), ("vraag-2", "ja")])
    [antwoorden] = [b for b in data["weergave"] if b["soort"] == "meer" and b["kop"] == "Uw antwoorden"]
    [lijst] = antwoorden["blokken"]
    koppen = [platte_tekst(i["delen"]) for i in lijst["items"]]
    assert koppen[-1].startswith("Beslissing 1") and not any(k.startswith("Beslissing 2") for k in koppen)
    assert platte_tekst(lijst["items"][-1]["regels"][-1]["delen"]) == AFGELEID


def test_the_exception_follows_the_sentence_it_belongs_to() -> None:
    data = verslag([("vraag-1", "ja"), ("vraag-2", "ja")])
    [sectie] = [s for s in KADER["melding"]["secties"] if s["uitzondering"]]
    assert sectie["uitzondering"]["id"] == "stap-3-geen-gesprek-met-ouders"
    [melding] = [b for b in data["weergave"] if b["soort"] == "meer" and b["kop"] == KADER["melding"]["titel"]]
    inhoud = melding["blokken"]
    i = next(n for n, b in enumerate(inhoud) if b["soort"] == "kop" and b["tekst"] == sectie["titel"])
    n = len(sectie["alineas"])
    na = inhoud[i + 1 + n : i + 2 + n + len(sectie["uitzondering"]["alineas"])]
    assert [(b["rol"], platte_tekst(b["delen"])) for b in na] == [
        ("uitzondering-kop", sectie["uitzondering"]["titel"]),
        *(("uitzondering", a) for a in sectie["uitzondering"]["alineas"]),
    ]
    # the protocol's words, as stap 3 has them
    stap_3 = next(s for s in PROTOCOL_MODEL.stappen.stappen if s.nummer == 3)
    bron = next(s for s in stap_3.secties if s.id == "stap-3-geen-gesprek-met-ouders")
    assert sectie["uitzondering"]["titel"] == bron.titel
    assert [a.removeprefix("• ") for a in sectie["uitzondering"]["alineas"]] == [
        " ".join(item.split()) for item in bron.inhoud[0].lijst
    ]


def test_on_paper_a_disclosure_is_its_kop_and_all_it_holds() -> None:
    meer = {
        "soort": "meer",
        "kop": "Uw antwoorden",
        "blokken": [{"soort": "alinea", "delen": ["Binnen."], "rol": None}],
    }
    assert blokken_tekst([meer]) == "Uw antwoorden\n-------------\n\nBinnen.\n"


def test_the_case_summary_says_when_for_each_action_too() -> None:
    route = next(r for r in ROUTES if r[-1] == ("beslissing-2", "ja"))
    data = verslag(route)
    items = samenvatting(data)
    text = " ".join(woorden(b) for b in items)
    assert text.count(GEEN_TERMIJN) == sum(a["wanneer"]["soort"] == "geen" for a in data["acties"]) >= 1
    assert not any(b["soort"] in ("meer", "knoppen") for b in items)


def test_an_exception_that_names_no_section_of_a_stap_is_an_editors_error(protocol_copy, edit) -> None:
    edit("melding.yaml", "uitzondering: stap-3-geen-gesprek-met-ouders", "uitzondering: stap-3-geen-gesprek")
    with pytest.raises(ProtocolError) as info:
        load_and_check(protocol_copy)
    [error] = info.value.errors
    assert "melding.yaml:8: secties › melding-gesprek-vooraf › uitzondering" in str(error)
    assert "stap-3-geen-gesprek-met-ouders" in str(error) and "corrigeer de id" in str(error)


def test_the_melding_page_shows_the_exception_right_after_its_section() -> None:
    from generator.pages.render import render_pages

    page = render_pages(PROTOCOL_MODEL)["melding.md"]
    [sectie] = [s for s in PROTOCOL_MODEL.melding.secties if s.uitzondering]
    stap_3 = next(s for s in PROTOCOL_MODEL.stappen.stappen if s.nummer == 3)
    uitzondering = next(s for s in stap_3.secties if s.id == sectie.uitzondering)
    after = page.split(f"{{#{sectie.id}}}", 1)[1]
    before_next_heading = after.split("\n## ", 1)[0]
    assert f"**{uitzondering.titel}**" in before_next_heading
    assert uitzondering.inhoud[0].lijst[0].split()[0] in before_next_heading


def test_counts_read_as_the_protocol_writes_them() -> None:
    """The pages say how many afwegingsvragen there are from the model, in words."""
    from meldcode_engine.woorden import aantal

    assert aantal(5, "afwegingsvraag", "afwegingsvragen") == "vijf afwegingsvragen"
    assert aantal(2, "beslissing", "beslissingen") == "twee beslissingen"
    assert aantal(1, "beslissing", "beslissingen") == "één beslissing"
    assert aantal(14, "vraag", "vragen") == "14 vragen"
