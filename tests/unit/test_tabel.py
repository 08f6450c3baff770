"""The page's table walker (hulp-tabel.js, under Node) and the engine (CPython) go the same
way: for every route, Vorige, the browser's Back and Forward and Opnieuw, the states are the
engine's, but for the uitkomst, which the table names only by its id."""

from __future__ import annotations

import json
from typing import Any

from conftest import PROTOCOL
from meldcode_engine import Sessie
from node_script import run_node

from generator.afwegingskader.export import afwegingskader_data
from generator.afwegingskader.graph import Graph
from generator.checks.run import load_and_check

PROTOCOL_DATA = load_and_check(PROTOCOL)[0].protocol
KADER = afwegingskader_data(PROTOCOL_DATA)


def _reeksen() -> list[list[list[str]]]:
    """Each route answered, then two steps back, forward to where it ended, back to the start,
    an answer changed there, and Opnieuw; an onderbouwing with spaces around it on the way."""
    reeksen = []
    for route in Graph.of(PROTOCOL_DATA).routes():
        stappen = [["answer", knoop, antwoord, f"  reden bij {knoop} "] for knoop, antwoord in route]
        einde = "__einde__"  # filled in below: the place the route ends
        eerste = route[0][0]
        knoop = next(k for k in KADER["vragen"] if k["id"] == eerste)
        anders = next(a["id"] for a in knoop["antwoorden"] if a["id"] != route[0][1])
        reeks = [*stappen, ["back"], ["back"], ["ga_naar", einde], ["ga_naar", eerste], ["ga_naar", "vraag-99"]]
        reeks += [["answer", eerste, anders, ""], ["ga_naar", einde], ["restart"]]
        sessie = Sessie(KADER)
        for _, knoop, antwoord, _ in stappen:
            state = sessie.answer(knoop, antwoord)
        reeksen.append([[stap[0], state["uitkomst"]["id"]] if stap[1:] == [einde] else stap for stap in reeks])
    return reeksen


def _engine(reeks: list[list[str]]) -> list[dict[str, Any]]:
    sessie = Sessie(KADER)
    states = [sessie.start()]
    for method, *args in reeks:
        state = getattr(sessie, method)(*args)
        if state["uitkomst"]:
            state = {**state, "uitkomst": {"id": state["uitkomst"]["id"]}}
        states.append(state)
    return states


def test_table_walk_is_the_engine_s_walk() -> None:
    reeksen = _reeksen()
    tabel = Sessie(KADER).tabel()
    tabel_states = run_node("tabel_routes.mjs", invoer={"tabel": tabel, "reeksen": reeksen}, timeout=60)
    assert len(reeksen) == 9
    for reeks, states in zip(reeksen, tabel_states, strict=True):
        for i, (verwacht, gekregen) in enumerate(zip(_engine(reeks), states, strict=True)):
            assert gekregen == verwacht, f"na {reeks[:i]}"


def test_the_table_holds_every_knoop_and_no_uitkomst_content() -> None:
    tabel = Sessie(KADER).tabel()
    assert set(tabel["knopen"]) == {k["id"] for k in [*KADER["vragen"], *KADER["beslissingen"]]}
    assert tabel["start"] == KADER["start"] and tabel["uitkomsten"] == [u["id"] for u in KADER["uitkomsten"]]
    # every answer leads to a knoop of the table or an uitkomst the engine makes
    doelen = {a["volgende"] for k in tabel["knopen"].values() for a in k["antwoorden"]}
    assert doelen <= set(tabel["knopen"]) | set(tabel["uitkomsten"])
    # the uitkomsten (their acties and termijnen) are the engine's alone: not in the page's table
    assert '"acties":' not in json.dumps(tabel) and '"termijn":' not in json.dumps(tabel)
