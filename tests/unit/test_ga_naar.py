"""Sessie.ga_naar: the browser's Back and Forward on the helper's page move along the walk
without losing an answer (the page keeps only the id of a knoop in its history)."""

from __future__ import annotations

from conftest import PROTOCOL
from meldcode_engine import Sessie

from generator.afwegingskader.export import afwegingskader_data
from generator.checks.run import load_and_check

KADER = afwegingskader_data(load_and_check(PROTOCOL)[0].protocol)
ZELF_HULP = [
    ("vraag-1", "ja", "Zorgen van de leerkracht."),
    ("vraag-2", "nee", ""),
    ("vraag-3", "ja", "Het ondersteuningsteam kan het."),
    ("vraag-4", "ja", ""),
]


def walked() -> Sessie:
    sessie = Sessie(KADER)
    for knoop, antwoord, onderbouwing in ZELF_HULP:
        sessie.answer(knoop, antwoord, onderbouwing)
    return sessie


def test_back_to_an_earlier_question_keeps_every_answer():
    sessie = walked()
    state = sessie.ga_naar("vraag-2")
    assert state["huidig"]["id"] == "vraag-2"
    assert state["huidig"]["onthouden"] == {"antwoord": "nee", "onderbouwing": ""}
    assert [r["knoop"] for r in state["route"]] == ["vraag-1"]
    state = sessie.ga_naar("vraag-1")
    assert state["huidig"]["onthouden"] == {"antwoord": "ja", "onderbouwing": "Zorgen van de leerkracht."}
    assert state["kan_terug"] is False


def test_forward_again_follows_the_answers_kept():
    sessie = walked()
    sessie.ga_naar("vraag-1")
    state = sessie.ga_naar("vraag-4")
    assert state["huidig"]["id"] == "vraag-4"
    assert [(r["knoop"], r["onderbouwing"]) for r in state["route"]] == [
        (knoop, onderbouwing) for knoop, _, onderbouwing in ZELF_HULP[:3]
    ]
    # vraag-4 was answered too: forward to where that answer led, vraag-5
    assert sessie.ga_naar("vraag-5")["huidig"]["id"] == "vraag-5"


def test_forward_to_an_uitkomst():
    sessie = Sessie(KADER)
    sessie.answer("vraag-1", "nee")
    sessie.ga_naar("vraag-1")
    assert sessie.ga_naar("uitkomst-dossier-sluiten")["uitkomst"]["id"] == "uitkomst-dossier-sluiten"


def test_a_place_the_answers_do_not_lead_to_changes_nothing():
    sessie = walked()
    sessie.ga_naar("vraag-2")
    before = sessie.state()
    assert sessie.ga_naar("beslissing-2") == before  # not answered so far
    assert sessie.ga_naar("uitkomst-direct-melden") == before  # another answer's way
    assert sessie.ga_naar("bestaat-niet") == before
    sessie.restart()
    assert sessie.ga_naar("vraag-3")["huidig"]["id"] == "vraag-1"  # after Opnieuw nothing is kept
